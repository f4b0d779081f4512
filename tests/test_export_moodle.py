"""The moodle export, parsed with the standard library (tests/moodle_reader.py): counts,
types and answers compared with the deck."""

from __future__ import annotations

from moodle_reader import read_moodle
from quizgen._deck import Deck, Question
from quizgen._render import render
from quizgen._render.moodle import cdata

TYPES = {
    "choice": "multichoice",
    "short": "shortanswer",
    "cloze": "shortanswer",
    "truefalse": "truefalse",
}


def test_questions_answers_and_feedback_are_the_decks(sample_deck, tmp_path):
    read = read_moodle(render("moodle", [sample_deck], tmp_path / "s.moodle.xml")[0])
    active = sample_deck.active()
    assert [q.name for q in read] == [q.id for q in active]  # never the rejected one
    for got, q in zip(read, active, strict=True):
        assert got.qtype == TYPES[q.type]
        assert got.text == q.prompt and got.general_feedback == q.context
        assert got.category == "Sample <b>deck<//b> & friends"
        if q.type == "choice":
            assert got.answers == {c: 100.0 if c == q.answer else 0.0 for c in q.choices}
        elif q.type == "truefalse":
            assert got.answers == {"true": 100.0, "false": 0.0}
        else:
            assert got.answers == dict.fromkeys(q.answers, 100.0)


def test_cdata_end_and_markup_stay_text(tmp_path):
    hostile = 'a ]]> b <b>&amp;</b> "q" \x1b[2J \u05e9\u05dc\u05d5\u05dd 🎓 ]]'
    deck = Deck(
        title="X ]]> Y",
        questions=[
            Question(
                id="q-1",
                kind="actor",
                type="short",
                prompt=f"Who {hostile}?",
                answer=f"Ans {hostile}",
                accept=["]]>"],
                context=hostile,
            )
        ],
    )
    (got,) = read_moodle(render("moodle", [deck], tmp_path / "h.moodle.xml")[0])
    shown = hostile.replace("\x1b[2J", "")  # XML cannot hold an escape character
    assert got.text == f"Who {shown}?" and got.general_feedback == shown
    assert got.answers == {f"Ans {shown}": 100.0, "]]>": 100.0}
    assert got.category == "X ]]> Y"


def test_cdata_splits_its_end_marker():
    assert cdata("a]]>b") == "<![CDATA[a]]]]><![CDATA[>b]]>"


def test_same_deck_same_bytes(sample_deck, tmp_path):
    a = render("moodle", [sample_deck], tmp_path / "a.moodle.xml")[0].read_bytes()
    assert a == render("moodle", [sample_deck], tmp_path / "b.moodle.xml")[0].read_bytes()
