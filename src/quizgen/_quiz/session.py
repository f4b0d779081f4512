"""A quiz session without any I/O: which questions to ask, how to grade, what to record.

The clock is injected (`now`, a callable returning an aware UTC datetime), so a test can
replay days of reviews in a second. The terminal front end (`quizgen._quiz.terminal`)
reads and prints; this module only decides and records through a ProgressStore.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from fsrs import Card, Rating, Scheduler, State

from quizgen._deck import Deck, Question, select_questions
from quizgen._quiz._dates import Order
from quizgen._quiz.check import Verdict, check_answer
from quizgen._quiz.store import ProgressStore, Review

Clock = Callable[[], datetime]
# A card in the review state whose memory lasts three weeks or more is "mastered".
MASTERED_STABILITY_DAYS = 21.0


@dataclass
class SessionOptions:
    """What to ask: the CLI's --new, --all, --kinds, --types, --limit, --shuffle, --seed;
    and how to read an all-numeric date answer (--date-order dmy|mdy)."""

    new: int = 10
    all: bool = False
    kinds: Sequence[str] | None = None
    types: Sequence[str] | None = None
    limit: int | None = None
    shuffle: bool = False
    seed: int | None = None
    date_order: Order | None = None


@dataclass
class SessionQuestion:
    """One question to ask, with its deck, its card (None when never answered) and
    `deck_answers`, every (question id, answer) of the deck's active questions, shared by
    all the deck's questions (the checker needs the other questions' answers)."""

    deck: Deck
    question: Question
    card: Card | None
    deck_answers: Sequence[tuple[str, str]] = ()

    @property
    def is_new(self) -> bool:
        return self.card is None

    @property
    def others(self) -> list[str]:
        """The answers and aliases of the deck's other active questions."""
        return [a for qid, a in self.deck_answers if qid != self.question.id]


@dataclass
class Outcome:
    """What happened to one answered item."""

    item: SessionQuestion
    response: str
    verdict: Verdict
    rating: Rating
    card: Card


@dataclass
class SessionResult:
    """The score of a finished session and what is waiting next."""

    asked: int
    correct: int
    wrong: int
    skipped: int
    started: datetime
    ended: datetime
    seconds: float
    next_due: datetime | None
    due_left: int
    new_left: int
    outcomes: list[Outcome] = field(default_factory=list)
    interrupted: bool = False  # ended by Ctrl-C (the CLI then exits with 130)

    def to_json(self) -> dict[str, object]:
        """The result as plain JSON data (timestamps ISO 8601 UTC)."""
        from quizgen._quiz.store import to_text

        return {
            "asked": self.asked,
            "correct": self.correct,
            "wrong": self.wrong,
            "skipped": self.skipped,
            "seconds": round(self.seconds, 3),
            "started": to_text(self.started),
            "ended": to_text(self.ended),
            "next_due": to_text(self.next_due) if self.next_due else None,
            "due_left": self.due_left,
            "new_left": self.new_left,
            "answers": [
                {
                    "deck_id": o.item.deck.stable_id,
                    "question_id": o.item.question.id,
                    "kind": o.item.question.kind,
                    "correct": o.verdict.correct,
                    "how": o.verdict.how,
                    "rating": o.rating.name.lower(),
                    "due": to_text(o.card.due),
                }
                for o in self.outcomes
            ],
        }


def make_scheduler() -> Scheduler:
    """The FSRS scheduler quizgen uses: default weights, no random fuzz (same answers at the
    same times give the same schedule)."""
    return Scheduler(enable_fuzzing=False)


def deck_answers(deck: Deck) -> list[tuple[str, str]]:
    """(question id, answer) for every answer and alias of the deck's active questions."""
    return [(q.id, a) for q in deck.active() for a in q.answers]


def is_due(card: Card, now: datetime) -> bool:
    return card.due <= now


def is_mastered(card: Card) -> bool:
    return card.state == State.Review and (card.stability or 0) >= MASTERED_STABILITY_DAYS


def _selected(decks: Sequence[Deck], options: SessionOptions) -> list[tuple[Deck, list[Question]]]:
    """Each deck with its questions to study; a deck given twice (or a copy) counts once."""
    seen: set[tuple[int, str]] = set()
    out = []
    for deck in decks:
        chosen = [
            q
            for q in select_questions(deck.questions, options.kinds, options.types)
            if (deck.stable_id, q.id) not in seen
        ]
        seen.update((deck.stable_id, q.id) for q in chosen)
        out.append((deck, chosen))
    return out


def plan_session(
    decks: Sequence[Deck], store: ProgressStore, now: datetime, options: SessionOptions
) -> list[SessionQuestion]:
    """The questions to ask, in order: due cards (most overdue first), then up to
    `options.new` never-answered ones in deck order; with `options.all`, every selected
    question regardless of schedule. Rejected questions are never included.
    """
    due: list[tuple[datetime, int, SessionQuestion]] = []
    fresh: list[SessionQuestion] = []
    everything: list[SessionQuestion] = []
    for deck, chosen in _selected(decks, options):
        cards = store.cards(deck.stable_id, [q.id for q in chosen])
        answers = deck_answers(deck)
        for question in chosen:
            item = SessionQuestion(deck, question, cards.get(question.id), answers)
            everything.append(item)
            if item.card is None:
                fresh.append(item)
            elif is_due(item.card, now):
                due.append((item.card.due, len(due), item))
    rng = random.Random(options.seed)
    if options.all:
        items = everything
        if options.shuffle:
            rng.shuffle(items)
    else:
        due_items = [item for _, _, item in sorted(due, key=lambda t: (t[0], t[1]))]
        if options.shuffle:
            rng.shuffle(due_items)
            rng.shuffle(fresh)
        items = due_items + fresh[: max(options.new, 0)]
    return items[: options.limit] if options.limit is not None else items


class Session:
    """One sitting: check answers, grade them with FSRS and record each at once."""

    def __init__(
        self,
        decks: Sequence[Deck],
        store: ProgressStore,
        options: SessionOptions | None = None,
        now: Clock | None = None,
        scheduler: Scheduler | None = None,
        timer: Callable[[], float] | None = None,
    ) -> None:
        import time
        from datetime import UTC

        self.decks = list(decks)
        self.store = store
        self.options = options or SessionOptions()
        self.now = now or (lambda: datetime.now(UTC))
        self.scheduler = scheduler or make_scheduler()
        # Time taken is measured apart from `now`, which a test may pin to one instant.
        self.timer = timer or time.monotonic
        self._t0 = self.timer()
        self.started = self.now()
        self.items = plan_session(self.decks, store, self.started, self.options)
        self.outcomes: list[Outcome] = []
        self.skipped = 0
        self._recorded: set[tuple[int, str]] = set()

    def check(self, item: SessionQuestion, response: str) -> Verdict:
        """Judge a response to an item (records nothing)."""
        return check_answer(item.question, response, item.others, self.options.date_order)

    def record(
        self,
        item: SessionQuestion,
        response: str,
        verdict: Verdict,
        rating: Rating | None = None,
        hinted: bool = False,
        duration: timedelta | None = None,
    ) -> Outcome:
        """Grade an answered item and commit it to the store before returning.

        The rating is Again when wrong; when right it is `rating` if given (self-grading),
        else Hard after a hint and Good without one. Raises ValueError for an item already
        recorded in this session: FSRS must see one review per question asked.
        """
        key = (item.deck.stable_id, item.question.id)
        if key in self._recorded:
            raise ValueError(f"{item.question.id}: already recorded in this session")
        self._recorded.add(key)
        if not verdict.correct:
            rating = Rating.Again
        elif rating is None:
            rating = Rating.Hard if hinted else Rating.Good
        at = self.now()
        card = item.card or Card(card_id=0, due=at)
        card, _ = self.scheduler.review_card(card, rating, review_datetime=at)
        ms = int(duration.total_seconds() * 1000) if duration is not None else None
        self.store.record(
            Review(
                deck_id=item.deck.stable_id,
                question_id=item.question.id,
                kind=item.question.kind,
                reviewed_at=at,
                rating=rating,
                correct=verdict.correct,
                response=response,
                duration_ms=ms,
            ),
            card,
        )
        item.card = card
        outcome = Outcome(item, response, verdict, rating, card)
        self.outcomes.append(outcome)
        return outcome

    def skip(self, item: SessionQuestion) -> None:
        """Pass on an item: nothing is recorded, its schedule is unchanged."""
        self.skipped += 1

    def finish(self) -> SessionResult:
        """The score, and when the next card falls due (looked up afresh in the store)."""
        ended = self.now()
        next_due: datetime | None = None
        due_left = new_left = 0
        for deck, chosen in _selected(self.decks, self.options):
            cards = self.store.cards(deck.stable_id, [q.id for q in chosen])
            new_left += sum(1 for q in chosen if q.id not in cards)
            for card in cards.values():
                if is_due(card, ended):
                    due_left += 1
                if next_due is None or card.due < next_due:
                    next_due = card.due
        correct = sum(o.verdict.correct for o in self.outcomes)
        return SessionResult(
            asked=len(self.outcomes) + self.skipped,
            correct=correct,
            wrong=len(self.outcomes) - correct,
            skipped=self.skipped,
            started=self.started,
            ended=ended,
            seconds=self.timer() - self._t0,
            next_due=next_due,
            due_left=due_left,
            new_left=new_left,
            outcomes=list(self.outcomes),
        )
