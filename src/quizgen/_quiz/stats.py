"""Progress at a glance: how many cards are new, learning, due, in review and mastered.

Each active question of a deck falls in exactly one bucket, checked in this order:
new (never answered), due (its review time has come), learning (in the learning or
relearning steps), mastered (review state with a stability of 21 days or more), and
review (everything else: remembered, not yet for long).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from fsrs import State

from quizgen._deck import KINDS, Deck
from quizgen._quiz.session import MASTERED_STABILITY_DAYS, is_due, is_mastered
from quizgen._quiz.store import ProgressStore, to_text

BUCKETS = ("new", "learning", "due", "review", "mastered")


@dataclass
class DeckStats:
    """One deck's progress. `accuracy` maps kind -> (answers right, answers given)."""

    title: str
    deck_id: int
    questions: int
    counts: dict[str, int]
    accuracy: dict[str, tuple[int, int]] = field(default_factory=dict)
    next_due: datetime | None = None

    def to_json(self) -> dict[str, object]:
        """Plain JSON data (timestamps ISO 8601 UTC)."""
        return {
            "title": self.title,
            "deck_id": self.deck_id,
            "questions": self.questions,
            **self.counts,
            "accuracy": {
                kind: {"correct": right, "answered": total}
                for kind, (right, total) in self.accuracy.items()
            },
            "next_due": to_text(self.next_due) if self.next_due else None,
            "mastered_stability_days": MASTERED_STABILITY_DAYS,
        }


def progress_stats(decks: Sequence[Deck], store: ProgressStore, now: datetime) -> list[DeckStats]:
    """The progress of each deck's active questions at `now`.

    Questions removed from a deck are left out; accuracy counts every answer ever given
    to a question still in the deck, under the kind it has now.
    """
    result = []
    for deck in decks:
        active = deck.active()
        cards = store.cards(deck.stable_id, [q.id for q in active])
        tallies = store.tallies(deck.stable_id)
        counts = dict.fromkeys(BUCKETS, 0)
        accuracy: dict[str, tuple[int, int]] = {}
        next_due = None
        for question in active:
            card = cards.get(question.id)
            if card is None:
                counts["new"] += 1
            else:
                if next_due is None or card.due < next_due:
                    next_due = card.due
                if is_due(card, now):
                    counts["due"] += 1
                elif card.state in (State.Learning, State.Relearning):
                    counts["learning"] += 1
                elif is_mastered(card):
                    counts["mastered"] += 1
                else:
                    counts["review"] += 1
            if question.id in tallies:
                right, total = tallies[question.id]
                had_right, had_total = accuracy.get(question.kind, (0, 0))
                accuracy[question.kind] = (had_right + right, had_total + total)
        ordered = {k: accuracy[k] for k in (*KINDS, *sorted(accuracy)) if k in accuracy}
        result.append(DeckStats(deck.title, deck.stable_id, len(active), counts, ordered, next_due))
    return result
