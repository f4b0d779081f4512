"""Answers printed elsewhere on the worksheet (issue 12): across the deck the planner moves
a question that prints another's answer to a wording of its fact that does not, gives a
choice options that are no other question's answer, and reports the share that is left
as deck_shape counts it."""

from __future__ import annotations

import re

import pytest

from quizgen._deck import Question
from quizgen._extract import extract_facts
from quizgen._generate import GenerateOptions, generate_planned
from quizgen._generate._candidates import Candidate
from quizgen._generate._leaks import leak_share, names_its_people
from quizgen._generate._select import select
from quizgen._sources import Source


def _candidate(
    qid: str,
    fact: str,
    sentence: int,
    answer: str,
    prompt: str,
    qtype: str = "short",
    choices: tuple[str, ...] = (),
    drawn: tuple[str, ...] = (),
    salience: int = 1,
) -> Candidate:
    kind = "date" if fact.startswith("date") else "actor"
    q = Question(
        id=qid,
        kind=kind,
        type=qtype,
        prompt=prompt,
        answer=answer,
        fact=fact,
        choices=list(choices),
    )
    form = {"short": 1.0, "choice": 1.0, "cloze": 0.5, "truefalse": 0.3}[qtype]
    return Candidate(
        question=q,
        fact=fact,
        anchor=("s.txt", sentence),
        salience=salience,
        order=(sentence, 0),
        names=[answer],
        answer=answer,
        features={"form": form},
        drawn=drawn,
    )


def _ids(plan) -> set[str]:
    return {c.question.id for c in plan.chosen}


def test_a_question_that_prints_another_answer_moves_to_a_wording_that_does_not():
    # The start of the works is asked first (named more often) and its best wording prints
    # the year they ended, which the deck asks too: it gives way to its cloze.
    start_q = _candidate(
        "q-start",
        "date:1948@1",
        1,
        "1948",
        "In what year did the town start the dam it finished in 1952?",
        salience=5,
    )
    start_c = _candidate(
        "q-start-c", "date:1948@1", 1, "1948", "The town started the dam in _____.", "cloze"
    )
    start_c.salience = 5
    end = _candidate("q-end", "date:1952@3", 3, "1952", "By what year was the dam finished?")
    plan = select([start_q, start_c, end])
    assert _ids(plan) == {"q-start-c", "q-end"}
    assert plan.leak_share == 0.0


def test_no_question_becomes_a_true_false_to_hide_its_answer():
    # A cloze whose answer another question prints stays a cloze: as a true/false its
    # answer would be "true", uncounted, yet the other question would still give it away.
    ada = _candidate("q-ada", "actor:Ada Moll", 1, "Ada Moll", "_____ drew the map.", "cloze")
    ada_tf = _candidate(
        "q-ada-tf", "actor:Ada Moll", 1, "true", "Ada Moll drew the map.", "truefalse"
    )
    ada.salience = ada_tf.salience = 1
    ben = _candidate(
        "q-ben", "actor:Ben Ek", 2, "Ben Ek", "Who printed the map Ada Moll drew?", salience=5
    )
    plan = select([ada, ada_tf, ben], mix={"truefalse": 0.5})
    assert _ids(plan) == {"q-ada", "q-ben"}
    assert plan.leak_share == 0.5


def _choice_beside_its_option(drawn: tuple[str, ...]):
    """A choice offering "Ada Moll", and a question of another sentence she answers."""
    choice = _candidate(
        "q-ben",
        "actor:Ben Ek",
        1,
        "Ben Ek",
        "Who printed the map?",
        "choice",
        choices=("Ada Moll", "Ben Ek", "Cy Lund", "Dan Roos"),
        drawn=drawn,
        salience=5,
    )
    ada = _candidate("q-ada", "actor:Ada Moll", 3, "Ada Moll", "Who drew the map of the bay?")
    return choice, select([choice, ada])


def test_a_choice_takes_options_that_are_no_other_answer():
    # "Ada Moll" is the answer of another question: a fourth drawn name takes her place.
    choice, plan = _choice_beside_its_option(("Ada Moll", "Cy Lund", "Dan Roos", "Eva Berg"))
    assert choice.question.choices == ["Eva Berg", "Ben Ek", "Cy Lund", "Dan Roos"]
    assert plan.leak_share == 0.0


def test_a_choice_keeps_its_options_when_too_few_others_are_drawn():
    choice, _ = _choice_beside_its_option(("Ada Moll", "Cy Lund", "Dan Roos"))
    assert choice.question.choices == ["Ada Moll", "Ben Ek", "Cy Lund", "Dan Roos"]


def test_the_share_counts_answers_as_whole_words_and_not_true_false_values():
    a = _candidate("q-a", "actor:Ada Moll", 1, "Ada Moll", "Who drew the map?")
    b = _candidate("q-b", "actor:Ben Ek", 2, "Ben Ek", "Whom did Ada Mollberg hire?")
    c = _candidate("q-c", "date:1952@3", 3, "true", "Ben Ek sailed in 1952.", "truefalse")
    assert leak_share([a, b]) == 0.0  # "Ada Mollberg" prints no "Ada Moll"
    assert leak_share([a, b, c]) == pytest.approx(1 / 3)  # Ben Ek's name, in the statement


TEXT = """Notes

From 1948 to 1952 the Harbour Board of Vallby rebuilt the old quay.

The new quay opened to ships in 1952, when Greta Lind was mayor of Vallby.

Greta Lind later founded the Vallby Sailing Club in 1960.
"""


@pytest.mark.slow  # spaCy parses the text
def test_generate_reports_the_share_as_the_deck_shows_it():
    source = Source(path="notes.txt", title="Notes", text=TEXT)
    deck, plan = generate_planned(extract_facts(source), GenerateOptions(seed=1))
    shown = 0
    for q in deck.questions:
        answer = " ".join(re.findall(r"\w+", q.answer.casefold()))
        if q.type == "truefalse" or len(answer) < 4:
            continue
        others = [
            " ".join(re.findall(r"\w+", " ".join([o.prompt, *o.choices]).casefold()))
            for o in deck.questions
            if o is not q
        ]
        shown += any(re.search(rf"(?<!\w){re.escape(answer)}(?!\w)", t) for t in others)
    assert plan.leak_share == shown / len(deck.questions)
    assert f"{plan.leak_share:.0%} print an answer given elsewhere" in plan.summary()


@pytest.mark.parametrize(
    ("prompt", "answer", "gives"),
    [
        ("The Kenyan consul opened an office in _____.", "Kenya", True),
        ("Japanese loggers floated the timber down to _____.", "Japan", True),
        ("Two Albanians flew from Tirana to _____.", "Albania", True),
        ("Two Cubans flew from Havana to _____.", "Cuba", False),  # stem "Cub": too short
        ("The loggers floated the timber down to _____.", "Japan", False),
        ("The Kenyatta ferry sailed to _____.", "Kenya", False),  # no people's word
        ("_____ sold the ferry to Kenya.", "Kenya", False),  # the name itself: elsewhere
    ],
)
def test_a_one_word_answer_is_not_asked_beside_its_adjective(prompt, answer, gives):
    assert names_its_people(prompt, answer) is gives
