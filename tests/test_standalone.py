"""Questions that stand alone (issue 12, section 3): a noun phrase that needs the text takes
its anchor from the sentence or the question is not asked; quotations are never altered; a
question whose answer depends on the publication date says so."""

from __future__ import annotations

import re

import pytest

from quizgen._deck import BLANK, Question
from quizgen._extract import extract_facts
from quizgen._generate import GenerateOptions, generate_planned
from quizgen._generate._date_facts import as_of
from quizgen._sources import Source

pytestmark = pytest.mark.slow  # spaCy parses every text

TEXT = """Local news

Dock workers in Leeds walked out over pay. The strike began on March 3, 2014, after talks failed.

The dock workers' strike in Hull began on March 5, 2014.

State Senator John Whitfield opposed the rail merger in a statement.

The colonel, Peter Marsh, led the regiment across the river in 1916.

The state senator resigned on June 2, 2013.

Mary Holt told reporters that "the union met Anna Berg in Leeds" and left.

Leeds City Council approved the new budget on Monday after a long debate.
"""


def _questions(text: str = TEXT, published: str | None = "2014-03-12", **options) -> list[Question]:
    """Every template's best question, unplanned: the wordings themselves are under test."""
    source = Source(path="news.txt", title="Local news", text=text, published=published)
    options = {"seed": 1, "plan": False, **options}
    deck, _ = generate_planned(extract_facts(source), GenerateOptions(**options))
    return deck.questions


def test_a_role_before_the_name_anchors_the_question():
    prompts = {q.prompt: q.answer for q in _questions()}
    assert prompts["Which state senator opposed the rail merger in a statement?"] == (
        "John Whitfield"
    )
    assert prompts["Which colonel led the regiment across the river in 1916?"] == "Peter Marsh"
    # the bare role, which names no one without the text, is never asked
    assert not [p for p in prompts if re.fullmatch(r"Who was the [a-z ]+\?", p)]


def test_a_date_question_about_a_role_gets_its_anchor_or_is_not_asked():
    prompts = [q.prompt for q in _questions() if q.kind == "date" and q.type in ("short", "choice")]
    assert "On what date did the dock workers' strike in Hull begin?" in prompts
    assert not [p for p in prompts if "did the state senator" in p]


def _quotations(text: str) -> list[str]:
    return re.findall(r"“([^”]*)”|\"([^\"]*)\"", text)


def test_quotations_are_never_altered():
    questions = _questions() + _questions(types=["truefalse"])
    quoted_blanks = 0
    for q in questions:
        shown = q.prompt.replace(BLANK, q.answer) if q.type == "cloze" else q.prompt
        for pair in _quotations(shown):
            words = (pair[0] or pair[1]).rstrip(" …")
            assert words in TEXT, (q.type, q.prompt)
        quoted_blanks += q.type == "cloze" and any(BLANK in a + b for a, b in _quotations(q.prompt))
    # the cloze of the quotation kept whole, its answer blanked, is the one allowed
    assert quoted_blanks == 1
    # a true/false from that blank would put another name in the speaker's mouth
    assert not [q for q in questions if q.type == "truefalse" and q.fact == "actor:Anna Berg"]


def test_a_relative_date_is_asked_as_of_the_report_and_its_own_words_accepted():
    (q,) = [q for q in _questions() if q.kind == "date" and "budget" in q.prompt]
    assert q.prompt == (
        "According to the report of March 12, 2014, on what date did Leeds City Council "
        "approve the new budget after a long debate?"
    )
    assert q.answer == "March 10, 2014" and "Monday" in q.accept
    # "on _____ after a long debate" would ask what the text never gives
    assert not [q for q in _questions(types=["cloze"]) if "budget" in q.prompt and q.kind == "date"]


def test_the_report_date_is_written_as_a_reader_would():
    assert as_of("2014-03-12T08:00:00") == "According to the report of March 12, 2014"
    assert as_of("2014-03") == "According to the report of March 2014"
    assert as_of("spring 2014") == "According to the report of spring 2014"


LIFE = """Life

Anna Berg was born in 1867 in Uppsala.

Anna Berg founded the Lindqvist Mapping Society in 1870 in Lund.

Karl Holm published his first atlas in 1921.

Anna Berg died in 1874 in Lund.
"""


def test_date_options_stay_within_the_life_the_text_gives():
    years = {
        q.answer: [int(c) for c in q.choices]
        for q in _questions(LIFE, published=None, types=["choice"])
        if q.kind == "date"
    }
    assert min(years["1870"]) >= 1867 and max(years["1870"]) <= 1874  # founded in her life
    assert min(years["1874"]) > 1867  # no death before the birth
    assert max(years["1867"]) <= 1874  # no birth after the death
    # Karl Holm's life is not given: his options may fall anywhere
    assert len(years["1921"]) == 4
