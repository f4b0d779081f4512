"""Merging a fresh generation into a deck a person has edited, in memory and in its file.

Nothing a person did is lost: edits, statuses, order, deletions and (when the file can
be spliced) YAML comments all survive.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from quizgen._atomic import atomic_path
from quizgen._deck.dump import dump_deck, question_data, save_deck
from quizgen._deck.load import load_deck, loads_deck
from quizgen._deck.model import MAX_QUESTIONS, Deck, Fill, Question
from quizgen._deck.splice import splice
from quizgen._errors import DeckError, Problem


@dataclass
class MergeReport:
    """What `merge_decks` did: ids added, kept as they were, and whose fact is gone; and
    what was filled in for questions written by hand (`fill_file`)."""

    added: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    vanished: list[str] = field(default_factory=list)
    left_out: int = 0  # new questions past MAX_QUESTIONS, not added
    deleted: list[str] = field(default_factory=list)  # deleted by a person: not brought back
    # What hand-written questions were given before the merge (set by build and generate).
    filled: list[Fill] = field(default_factory=list)


def merge_decks(existing: Deck, fresh: Deck) -> tuple[Deck, MergeReport]:
    """Fold a fresh generation into an existing deck without losing anything a person did.

    Existing questions stay exactly as they are (edits, statuses, order); fresh questions
    with new ids are appended (once each, should `fresh` repeat an id), except those the
    deck's `generated` record shows a person deleted; generated questions the fresh run no
    longer produces are kept and reported as vanished. Title, deck id and templates are the
    existing deck's.
    """
    report = MergeReport()
    fresh_ids = {q.id for q in fresh.questions}
    present = {q.id for q in existing.questions}
    for q in existing.questions:
        if q.id in fresh_ids:
            report.kept.append(q.id)
        elif q.template != "manual":
            report.vanished.append(q.id)
    report.deleted = [i for i in existing.generated if i not in present and i in fresh_ids]
    known = present | set(existing.generated)
    # A fact the deck already asks (the planner chose another wording this time) gets no
    # second question; a rejected question leaves its fact free for a new one, and a
    # template the deck itself adds is a wish for its questions.
    asked = {q.fact for q in existing.questions if q.fact and q.status != "rejected"}
    own = {str(t.get("id")) for t in existing.templates if isinstance(t, dict)}
    added = []
    for q in fresh.questions:
        # A source given twice generates every question twice; a deck holds each id once.
        if q.id not in known and not (q.fact in asked and q.template not in own):
            known.add(q.id)
            added.append(q)
    room = max(0, MAX_QUESTIONS - len(existing.questions))
    if len(added) > room:
        # A book gives more questions than a deck holds: keep a spread over the whole
        # text rather than its first chapters.
        report.left_out = len(added) - room
        added = [added[i * len(added) // room] for i in range(room)]
    report.added = [q.id for q in added]
    paths = {ref.path for ref in existing.sources}
    sources = existing.sources + [ref for ref in fresh.sources if ref.path not in paths]
    generated = {*existing.generated, *report.added}
    generated.update(q.id for q in existing.questions if q.template != "manual")
    merged = replace(
        existing,
        questions=existing.questions + added,
        sources=sources,
        generated=sorted(generated),
    )
    return merged, report


def save_merged(fresh: Deck, path: str | os.PathLike[str]) -> tuple[Deck, MergeReport]:
    """Write a fresh generation to `path`, merging into the deck already there.

    The existing file is read, merged (see `merge_decks`) and replaced atomically; if it
    changed on disk while we worked, nothing is written and DeckError says so. When the
    merge adds nothing, the file is left as it is, YAML comments and all.
    Raises DeckError when the existing deck is invalid: it is never overwritten.
    """
    path = Path(path)
    if not path.exists():
        merged, report = merge_decks(replace(fresh, questions=[]), fresh)
        save_deck(merged, path)
        return merged, report
    if not path.is_file():
        load_deck(path)  # raises the DeckError for a folder, pipe or device (never read)
    before = path.read_bytes()
    existing = load_deck(path)
    merged, report = merge_decks(existing, fresh)
    sources_changed = merged.sources != existing.sources
    if report.added or sources_changed:
        added = merged.questions[len(existing.questions) :]
        with atomic_path(path) as tmp:
            tmp.write_bytes(_merged_text(before, merged, added, sources_changed).encode("utf-8"))
            # Checked last, just before the rename: an editor that saved the deck while we
            # worked would otherwise lose that save without a word.
            if path.read_bytes() != before:
                raise DeckError(
                    Problem(
                        str(path),
                        "changed on disk while generating; run again to merge the new version",
                    )
                )
    return merged, report


def _merged_text(raw: bytes, merged: Deck, added: list[Question], sources_changed: bool) -> str:
    """The merged deck's file text: the old text with the additions spliced in, else a dump."""

    def loads_as_merged(text: str) -> bool:
        try:
            return loads_deck(text) == merged
        except DeckError:
            return False

    if not sources_changed:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:  # UTF-16 or UTF-32: rewritten as UTF-8 by the dump
            text = None
        if text is not None:
            items = [question_data(q) for q in added]
            spliced = splice(text, items, merged.generated, loads_as_merged)
            if spliced is not None:
                return spliced
    return dump_deck(merged)
