"""The answer checker: what a person would forgive is accepted, another entity never is."""

from __future__ import annotations

import pytest

from quizgen._deck import Question
from quizgen._quiz.check import answer_label, check_answer, hint, normalize

YEAR = Question(
    id="q-year",
    kind="date",
    type="short",
    prompt="When did the 1950 accord lapse?",
    answer="in 1979",
)
YEAR_BARE = Question(
    id="q-bare", kind="date", type="cloze", prompt="It lapsed in ____.", answer="1979"
)
TANG = Question(
    id="q-tang",
    kind="actor",
    type="short",
    prompt="Who was China's foreign minister?",
    answer="Tang Jiaxuan",
)
JIANG = Question(
    id="q-jiang",
    kind="actor",
    type="short",
    prompt="Who was China's president?",
    answer="Jiang Zemin",
)
ZHU = Question(
    id="q-zhu", kind="actor", type="short", prompt="Who was premier?", answer="Zhu Rongji"
)
ZHU_OTHER = Question(
    id="q-zhu2", kind="actor", type="short", prompt="Who else?", answer="Zhu Bangzao"
)
PUTIN = Question(
    id="q-putin",
    kind="actor",
    type="short",
    prompt="Who was Russia's president?",
    answer="Vladimir Putin",
    accept=["Владимир Путин"],
)
NATO = Question(
    id="q-nato",
    kind="organization",
    type="cloze",
    prompt="The eastward expansion of the _____.",
    answer="North Atlantic Treaty Organization",
    accept=["NATO"],
)
UN = Question(
    id="q-un", kind="organization", type="short", prompt="Which body?", answer="the United Nations"
)
WALESA = Question(
    id="q-walesa", kind="actor", type="short", prompt="Who led Solidarity?", answer="Lech Wałęsa"
)
CHOICE = Question(
    id="q-choice",
    kind="date",
    type="choice",
    prompt="In what year?",
    answer="1979",
    choices=["1969", "1979", "1950", "1972"],
)
TRUE = Question(
    id="q-true", kind="actor", type="truefalse", prompt="Tang was minister.", answer="true"
)
FALSE = Question(
    id="q-false", kind="actor", type="truefalse", prompt="Jiang was minister.", answer="false"
)

DECK = [YEAR, YEAR_BARE, TANG, JIANG, ZHU, ZHU_OTHER, PUTIN, NATO, UN, WALESA, CHOICE]


def others_of(question: Question) -> list[str]:
    return [a for q in DECK if q.id != question.id for a in q.answers]


@pytest.mark.parametrize(
    ("question", "response", "how"),
    [
        (TANG, "Tang Jiaxuan", "exact"),
        (TANG, "tang jiaxuan", "exact"),
        (TANG, "  Tang   Jiaxuan. ", "exact"),
        (TANG, "Jiaxuan", "surname"),
        (TANG, "Tang Jiaxun", "typo"),
        (TANG, "Tnag Jiaxuan", "typo"),
        (PUTIN, "putin", "surname"),
        (PUTIN, "Путин", "surname"),
        (PUTIN, "владимир путин", "alias"),
        (PUTIN, "Vladimir Puttin", "typo"),
        (NATO, "NATO", "alias"),
        (NATO, "N.A.T.O.", "alias"),
        (NATO, "the North Atlantic Treaty Organization", "exact"),
        (NATO, "north atlantic treaty organisation", "typo"),
        (UN, "United Nations", "exact"),
        (UN, "the united nations!", "exact"),
        (WALESA, "Lech Walesa", "exact"),
        (WALESA, "walesa", "surname"),
        (YEAR, "1979", "exact"),
        (YEAR, "in 1979", "exact"),
        (YEAR_BARE, "in 1979", "exact"),
        (YEAR_BARE, "1979.", "exact"),
        (CHOICE, "b", "letter"),
        (CHOICE, "B", "letter"),
        (CHOICE, "(b)", "letter"),
        (CHOICE, "1979", "exact"),
        (CHOICE, "in 1979", "exact"),
        (TRUE, "t", "exact"),
        (TRUE, "True", "exact"),
        (TRUE, "yes", "exact"),
        (TRUE, "Y", "exact"),
        (FALSE, "f", "exact"),
        (FALSE, "no", "exact"),
        (FALSE, "FALSE", "exact"),
    ],
)
def test_accepts(question: Question, response: str, how: str) -> None:
    verdict = check_answer(question, response, others_of(question))
    assert verdict.correct, (question.answer, response, verdict)
    assert verdict.how == how


@pytest.mark.parametrize(
    ("question", "response"),
    [
        (TANG, "Jiang Zemin"),  # another entity in the deck
        (TANG, "Tang"),  # a first name is not a surname
        (TANG, "Tang Jiaxuan Jiang"),
        (TANG, ""),
        (TANG, "   "),
        (JIANG, "Tang Jiaxuan"),
        (ZHU, "Zhu"),  # not a surname match: that is the first word
        (ZHU, "Rongi Zhu"),
        (ZHU_OTHER, "Zhu Rongji"),  # one letter apart from nothing; it is another answer
        (YEAR, "1969"),
        (YEAR, "in 1969"),
        (YEAR, "1978"),  # no typo allowance for numbers
        (YEAR_BARE, "19799"),
        (CHOICE, "a"),  # letter of a wrong choice
        (CHOICE, "1969"),  # text of a wrong choice
        (CHOICE, "1950"),
        (CHOICE, "e"),  # beyond the choices: read as text, and wrong
        (TRUE, "f"),
        (TRUE, "no"),
        (TRUE, "maybe"),
        (FALSE, "t"),
        (NATO, "NAT"),  # short alias: no typo allowance
        (NATO, "United Nations"),
        (UN, "Unite Nation"),  # two edits
        (PUTIN, "Vladimir"),
    ],
)
def test_rejects(question: Question, response: str) -> None:
    assert not check_answer(question, response, others_of(question)).correct


def test_surname_shared_with_another_answer_is_ambiguous() -> None:
    a = Question(id="a", kind="actor", type="short", prompt="?", answer="George Bush")
    b = Question(id="b", kind="actor", type="short", prompt="?", answer="George W. Bush")
    assert not check_answer(a, "Bush", b.answers).correct
    assert check_answer(a, "Bush", ["Bill Clinton"]).correct


def test_surname_only_for_people() -> None:
    assert not check_answer(NATO, "Organization", others_of(NATO)).correct


def test_typo_as_close_to_another_answer_is_refused() -> None:
    a = Question(id="a", kind="actor", type="short", prompt="?", answer="Marianne")
    assert check_answer(a, "Mariane", []).correct
    # "Mariann" is one edit from both; refuse rather than guess.
    assert not check_answer(a, "Mariann", ["Mariann"]).correct


def test_normalize() -> None:
    assert normalize("  The Łódź  Übereinkunft!! ") == "lodz ubereinkunft"
    assert normalize("A") == "a"
    assert normalize("the U.S. of A.") == "us of a"
    assert normalize("John F. Kennedy") == "john f kennedy"


def test_hint_and_label() -> None:
    assert hint(NATO) == "starts with 'N', 4 words"
    assert hint(NATO, 2) == "N… A… T… O… (4 words)"
    assert hint(YEAR_BARE) == "starts with '1', 1 word, 4 digits"
    assert "t" in hint(TRUE)
    assert answer_label(CHOICE) == "B) 1979"
    assert answer_label(FALSE) == "False"
