"""The kinds of fault a blind review of real decks found (issue 12, second review), each with
a small input of its own: wordings cut short or mangled, roles that fit many people,
captions asked as questions, misread date clauses, wrong referents, absurd swaps, wrong keys
and give-aways."""

from __future__ import annotations

import pytest

from quizgen._deck import Question
from quizgen._extract import extract_facts
from quizgen._generate import GenerateOptions, generate_planned
from quizgen._sources import Source

pytestmark = pytest.mark.slow  # spaCy parses every text


def _questions(text: str, title: str = "Notes", plan: bool = False, **options) -> list[Question]:
    """Every template's best question (unplanned unless `plan`): wordings are under test."""
    source = Source(path="notes.txt", title=title, text=text)
    deck, _ = generate_planned(extract_facts(source), GenerateOptions(seed=1, plan=plan, **options))
    return deck.questions


def _prompts(questions: list[Question]) -> dict[str, str]:
    return {q.prompt: q.answer for q in questions}


def test_she_in_a_life_is_the_person_the_title_names_by_a_shorter_name():
    # The title says "Ann Berg", the text "Ann Louise Berg": she is still the text's subject.
    text = (
        "Singer Ann Berg dies aged 80\n\n"
        "Ann Louise Berg was born in Oslo in 1938. She moved to Paris in 1960 with her husband."
        " She founded the Nordic Song Society in 1972."
    )
    prompts = _prompts(_questions(text, title="Singer Ann Berg dies aged 80"))
    assert prompts.get("In what year did Ann Louise Berg found the Nordic Song Society?") == "1972"
