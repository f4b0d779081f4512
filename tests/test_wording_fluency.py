"""Wordings that read on their own (issue 12, third blind review): no half of a word or a
range left where a part was cut, a life in brackets left out of a question about another
date, nothing that leans on the sentence before ("In that same year,", ", however,",
"Both had ..."), no subordinate clause asked as "Which Though president ...?". Each rule
with a small input of its own."""

from __future__ import annotations

import re

import pytest

from quizgen._extract import extract_facts
from quizgen._generate._acronyms import spelled_by_acronym
from quizgen._generate._fields import fact_slots
from quizgen._generate._subjects import with_subject_clause
from quizgen._sources import Source

pytestmark = pytest.mark.slow  # spaCy parses every text


def _items(text: str):
    facts = extract_facts(Source(path="notes.txt", title="Notes", text=text))
    return [with_subject_clause(i) for i in fact_slots(facts)]


def _wordings(text: str) -> list[str]:
    out = []
    for item in _items(text):
        out += [v for k, v in item.fields.items() if k in ("blanked", "clause", "subject_clause")]
        out += [b for b, _ in item.alternates]
    return out


def test_a_cut_never_leaves_half_a_word_or_half_a_range():
    text = (
        "In 1871, Anna Lindqvist (1840–1902), a Swedish chemist, described the salts of the"
        " Vell spring.\n\n"
        "Lindqvist wrote many papers in the 1880s on the salts of the spring, including a 1884"
        " paper co-written with Peter Hald.\n\n"
    )
    wordings = _wordings(text)
    assert wordings
    for w in wordings:
        assert not re.search(r"\(\d{4} \)|\(\d{4}\)|–\)", w), w  # "(1840 )", "(1840)"
        assert not re.search(r"co-[.,]|co- ", w), w  # "a 1884 paper co-."
    # the life goes whole from a question about another date, and stays in its own cloze
    assert "In what year did Anna Lindqvist, a Swedish chemist, describe" in " ".join(
        f"{i.fields.get('wh', '')} {i.fields.get('clause', '')}" for i in _items(text)
    )
    assert any("(1840–_____)" in w for w in wordings)


def test_what_leans_on_the_sentence_before_is_left_out_or_refused():
    text = (
        "The Vell Company built a dam on the river in 1921.\n\n"
        "In that same year, the village was renamed Vellby in honour of Anna Lindqvist, who had"
        " raised the money for the dam.\n\n"
        "Neither the Harlow Council nor the Lorn Bank, however, wished to pay for the road.\n\n"
        "Lindqvist and Peter Hald both subsequently left the Vell Company.\n\n"
        "Both had withdrawn their objections to the dam by then, said the Harlow Council.\n\n"
    )
    wordings = _wordings(text)
    assert any(w.startswith("The village was renamed Vellby") for w in wordings), wordings
    assert any("Lorn Bank wished to pay" in w or "_____ wished to pay" in w for w in wordings)
    for w in wordings:
        assert not re.search(r"that same year|however|subsequently", w, re.I), w
        assert not w.startswith("Both"), w


def test_a_role_in_a_subordinate_clause_is_no_which_question():
    text = (
        "Though President Anna Lindqvist was open to the plan, several members of the Harlow"
        " Council opposed it.\n\n"
        "Lindqvist was the president of the Harlow Council from 1950 to 1961.\n\n"
    )
    for item in _items(text):
        assert not item.fields.get("role_noun", "").lower().startswith("though"), item.fields


def test_an_acronym_that_spells_the_blank_gives_it_away():
    # a blank over part of a name: the bracketed acronym spells it with the words after it
    said = "During the election, the _____ to Save the Harbour (CSH) printed leaflets."
    assert spelled_by_acronym(said, "Committee")
    assert not spelled_by_acronym(said, "Board")  # "B" is not what "CSH" opens with
    # an acronym of another name, or none, gives nothing away
    assert not spelled_by_acronym("The _____ met the Harlow Rail Board (HRB).", "Committee")
    assert not spelled_by_acronym("The _____ to Save the Harbour printed leaflets.", "Committee")
