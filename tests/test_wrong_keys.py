"""Wrong answer keys and give-aways a blind review of real decks found (issue 12, third
review), each class with a small input of its own words: relative dates keyed as absolute
ones, citations read as subjects or dates, a blank cutting a name, a false statement that
names the true thing, a surname left in the prompt."""

from __future__ import annotations

import pytest

from quizgen._deck import Question
from quizgen._extract import extract_facts
from quizgen._generate import GenerateOptions, generate_planned
from quizgen._sources import Source

pytestmark = pytest.mark.slow  # spaCy parses every text


def _questions(text: str, published: str | None = None, **options) -> list[Question]:
    """Every template's best question, unplanned: each wording and key is under test."""
    source = Source(path="notes.txt", title="Notes", text=text, published=published)
    deck, _ = generate_planned(
        extract_facts(source), GenerateOptions(seed=1, plan=False, **options)
    )
    return deck.questions


def test_a_relative_date_never_becomes_an_absolute_key():
    text = (
        "Mill news\n\n"
        "The new wage rules for the Weser mills are expected next month.\n\n"
        "The mill council met last week to discuss them.\n\n"
        "The Weser mills opened on May 4, 1911, under Karl Brandt."
    )
    dates = [q for q in _questions(text, published="2023-02-23") if q.kind == "date"]
    assert {q.answer for q in dates} == {"May 4, 1911"}, [(q.prompt, q.answer) for q in dates]
