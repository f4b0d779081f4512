"""The facts and sentence wordings generation makes of a small text, for the tests of
wordings and keys."""

from __future__ import annotations

from collections.abc import Callable

from quizgen._extract import Facts, extract_facts
from quizgen._generate._fields import FactSlots, fact_slots
from quizgen._sources import Source


def facts_of(text: str) -> Facts:
    """The facts of `text`, read as a source "notes.txt" titled "Notes"."""
    return extract_facts(Source(path="notes.txt", title="Notes", text=text))


def slots(text: str, each: Callable[[FactSlots], FactSlots] | None = None) -> list[FactSlots]:
    """The fact slots of `text` (a source "notes.txt"), each passed through `each` if given."""
    items = fact_slots(facts_of(text))
    return [each(i) for i in items] if each else items


def wordings(
    text: str, fields: tuple[str, ...], each: Callable[[FactSlots], FactSlots] | None = None
) -> list[str]:
    """Every wording of `text`'s slots held in one of `fields`, then each alternate wording
    (whole sentence, clause, simplified, each mention)."""
    out: list[str] = []
    for item in slots(text, each):
        out += [v for k, v in item.fields.items() if k in fields]
        out += [b for b, _ in item.alternates]
    return out
