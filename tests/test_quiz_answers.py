"""Answers judged by what they mean (issue 13): every form a person writes, one row each,
and the near-misses that must stay wrong."""

from __future__ import annotations

import pytest

from quizgen._deck import Question
from quizgen._quiz.check import LESS_PRECISE, REFUSED, check_answer


def q(answer: str, kind: str = "date", accept: tuple[str, ...] = (), **kw: object) -> Question:
    return Question(
        id=f"q-{answer}", kind=kind, type="short", prompt="?", answer=answer, accept=list(accept)
    )


DAY = q("June 5, 1947")
YEAR = q("1979")
DECADE = q("the 1950s")
CENTURY = q("the 17th century")
RANGE = q("1914–1918")
BC = q("49 BC")
NUMERIC = q("June 28, 1919")

MARSHALL = q("George C. Marshall", "actor")
WILSON = q("Woodrow Wilson", "actor")
VAN_HAL = q("Ludwig van Hal", "actor")
DA_COSTA = q("Maria da Costa", "actor")
BIN_KHALID = q("Ahmed bin Khalid", "actor")
AL_RASHID = q("Omar al-Rashid", "actor")
AL_RASHID_CAP = q("Omar Al-Rashid", "actor")
SAINT_SAENS = q("Camille Saint-Saëns", "actor")
WEISS_BERGER = q("Anna Weiss-Berger", "actor")
NATO = q("North Atlantic Treaty Organization", "organization", ("NATO",))
UNESCO = q(
    "United Nations Educational, Scientific and Cultural Organization",
    "organization",
    ("UNESCO",),
)
LEAGUE = q("the League of Nations", "organization", ("the League",))

ACCEPTED = [
    # 1. dates as dates, at the answer's precision
    (DAY, "June 5, 1947"),
    (DAY, "5 June 1947"),
    (DAY, "June 5th, 1947"),
    (DAY, "Jun 5 1947"),
    (DAY, "5 Jun. 1947"),
    (DAY, "1947-06-05"),
    (DAY, "on 5 June 1947"),
    (DAY, "the 5th of June 1947"),
    (DAY, "Thursday, June 5, 1947"),
    (NUMERIC, "28/6/1919"),  # only one reading is a date
    (NUMERIC, "6/28/1919"),
    (NUMERIC, "1919-06-28"),
    (YEAR, "1979"),
    (YEAR, "in 1979"),
    (YEAR, "1979 AD"),
    (DECADE, "1950s"),
    (DECADE, "the fifties"),
    (DECADE, "the 1950's"),
    (DECADE, "the '50s"),
    (CENTURY, "17th century"),
    (CENTURY, "seventeenth century"),
    (CENTURY, "1600s"),
    (CENTURY, "the 17th c."),
    (RANGE, "1914–1918"),
    (RANGE, "1914-18"),
    (RANGE, "1914-1918"),
    (RANGE, "from 1914 to 1918"),
    (RANGE, "between 1914 and 1918"),
    (BC, "49 BC"),
    (BC, "49 B.C."),
    (BC, "49 BCE"),
    (BC, "49 b.c.e."),
    # 2. names as people write them
    (MARSHALL, "George Marshall"),
    (MARSHALL, "George C Marshall"),
    (MARSHALL, "Marshall"),
    (MARSHALL, "General Marshall"),
    (MARSHALL, "Secretary of State George C. Marshall"),
    (WILSON, "President Wilson"),
    (WILSON, "President Woodrow Wilson"),
    (VAN_HAL, "van Hal"),
    (VAN_HAL, "Van Hal"),
    (VAN_HAL, "Hal"),
    (DA_COSTA, "da Costa"),
    (BIN_KHALID, "bin Khalid"),
    (AL_RASHID, "al-Rashid"),
    (AL_RASHID, "Al-Rashid"),
    (AL_RASHID, "al Rashid"),
    (AL_RASHID_CAP, "al-Rashid"),
    (SAINT_SAENS, "Saint-Saëns"),
    (SAINT_SAENS, "Saint-Saens"),
    (SAINT_SAENS, "Saëns"),
    (WEISS_BERGER, "Weiss-Berger"),
    (WEISS_BERGER, "Berger"),
    (NATO, "NATO"),
    (UNESCO, "UNESCO"),
    (LEAGUE, "the League"),
    (LEAGUE, "League of Nations"),
]

WRONG = [
    (DAY, "June 6, 1947"),
    (DAY, "5 June 1948"),
    (DAY, "1947-05-06"),
    (DAY, "1947"),  # far too vague to ask again
    (DAY, "June"),
    (NUMERIC, "28/6/1918"),
    (YEAR, "1969"),
    (YEAR, "in 1969"),
    (YEAR, "1970s"),  # one step coarser: asked for more, not right
    (DECADE, "1960s"),
    (DECADE, "the sixties"),
    (DECADE, "1955"),
    (CENTURY, "16th century"),
    (CENTURY, "1700s"),
    (RANGE, "1914"),
    (RANGE, "1914-19"),
    (RANGE, "1939-45"),
    (BC, "49"),
    (BC, "49 AD"),
    (BC, "48 BC"),
    (MARSHALL, "George"),
    (MARSHALL, "C. Marshall"),
    (MARSHALL, "George C. Marshal Plan"),
    (WILSON, "President Woodrow"),
    (VAN_HAL, "van"),
    (VAN_HAL, "van Hel Ludwig"),
    (DA_COSTA, "Costa da"),
    (AL_RASHID, "al"),
    (SAINT_SAENS, "Saint"),
    (WEISS_BERGER, "Weiss"),
    (NATO, "UNESCO"),
    (LEAGUE, "the Nations"),
]


@pytest.mark.parametrize(("question", "response"), ACCEPTED, ids=lambda x: getattr(x, "answer", x))
def test_accepted(question: Question, response: str) -> None:
    verdict = check_answer(question, response, ["Jiang Zemin", "1969"])
    assert verdict.correct, (question.answer, response, verdict)


@pytest.mark.parametrize(("question", "response"), WRONG, ids=lambda x: getattr(x, "answer", x))
def test_wrong(question: Question, response: str) -> None:
    verdict = check_answer(question, response, ["Jiang Zemin", "1969"])
    assert not verdict.correct, (question.answer, response, verdict)
    assert verdict.how not in REFUSED, verdict


@pytest.mark.parametrize(
    ("question", "response"),
    [(DAY, "June 1947"), (DAY, "Jun. 1947"), (DAY, "1947-06"), (q("June 1947"), "1947")],
)
def test_one_step_coarser_asks_for_more(question: Question, response: str) -> None:
    assert check_answer(question, response).how == LESS_PRECISE


def test_numeric_day_month_order() -> None:
    assert check_answer(DAY, "5/6/1947").how == "ambiguous date"
    assert check_answer(DAY, "5/6/1947", date_order="dmy").correct
    assert not check_answer(DAY, "5/6/1947", date_order="mdy").correct
    assert check_answer(DAY, "6/5/1947", date_order="mdy").correct
    # Both readings are the same day: nothing to ask.
    assert check_answer(q("May 5, 1947"), "5/5/1947").correct


def test_a_choice_letter_past_the_options_is_refused() -> None:
    choice = Question(
        id="c", kind="date", type="choice", prompt="?", answer="1979", choices=["1969", "1979"]
    )
    assert check_answer(choice, "e").how in REFUSED
    assert check_answer(choice, "c").how in REFUSED
    assert check_answer(choice, "b").correct
    assert not check_answer(choice, "a").correct
    letters = Question(
        id="l", kind="actor", type="choice", prompt="?", answer="E", choices=["D", "E"]
    )
    assert check_answer(letters, "e").correct  # a choice that is itself a letter


@pytest.mark.parametrize(
    ("question", "response", "others"),
    [
        # Two people who share a surname keep needing the full name.
        (q("George W. Bush", "actor"), "George Bush", ["George H. W. Bush"]),
        (q("George W. Bush", "actor"), "Bush", ["George H. W. Bush"]),
        (q("Ludwig van Hal", "actor"), "van Hal", ["Pieter van Hal"]),
        (q("Ludwig van Hal", "actor"), "Hal", ["Pieter van Hal"]),
        (q("Anna Weiss-Berger", "actor"), "Weiss-Berger", ["Karl Weiss-Berger"]),
        (q("George C. Marshall", "actor"), "George Marshall", ["George Marshall"]),
        (q("John F. Kennedy", "actor"), "Kennedy", ["Robert F. Kennedy"]),
    ],
)
def test_never_another_entity(question: Question, response: str, others: list[str]) -> None:
    assert not check_answer(question, response, others).correct
    assert check_answer(question, question.answer, others).correct


def test_the_full_name_still_works_beside_a_namesake() -> None:
    bush = q("George W. Bush", "actor")
    assert check_answer(bush, "George W Bush", ["George H. W. Bush"]).correct
    assert check_answer(bush, "President George W. Bush", ["George H. W. Bush"]).correct
