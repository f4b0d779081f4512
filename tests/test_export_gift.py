"""The gift export, read back with a GIFT reader written from Moodle's documentation
(tests/gift_reader.py; pygiftparser was evaluated and mis-reads escapes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gift_reader import read_gift
from quizgen._deck import BLANK, Deck, Question
from quizgen._render import render
from quizgen._render.gift import category_path, escape

SPECIAL = "~=#{}:\\"


def export(decks: list[Deck], path: Path):
    return read_gift(render("gift", decks, path)[0].read_text(encoding="utf-8"))


def test_each_type_becomes_its_moodle_type(sample_deck, tmp_path):
    read = {q.name: q for q in export([sample_deck], tmp_path / "s.gift")}
    active = {q.id: q for q in sample_deck.active()}
    assert set(read) == set(active)  # the rejected question is not exported

    choice, short, cloze, tf = (read[f"q-0000000{i}"] for i in range(1, 5))
    assert (choice.qtype, choice.right, choice.wrong) == (
        "multichoice",
        ["1979"],
        ["1969", "1950", "1972"],
    )
    assert short.qtype == "shortanswer"
    assert short.right == ["Владимир Путин", "Putin", "Vladimir V. Putin"]
    assert cloze.qtype == "shortanswer" and cloze.right == [
        "North Atlantic Treaty Organization",
        "NATO",
    ]
    # Missing word: the answer box stands where the blank was.
    assert cloze.text == "Russia criticizes the eastward expansion of the"
    assert cloze.tail == "<script>alert(1)</script>."
    assert (tf.qtype, tf.truth) == ("truefalse", True)
    for q in read.values():
        assert q.format == "plain"
        assert q.category == "Sample <b>deck<//b> & friends"
        assert q.general_feedback == active[q.name].context


def test_a_subdeck_is_a_subcategory():
    assert category_path("History::Cold  War / Europe") == "History/Cold War // Europe"


def _deck_of(text: str) -> Deck:
    return Deck(
        title="Specials",
        questions=[
            Question(
                id="q-s1",
                kind="actor",
                type="choice",
                prompt=f"Which {text}?",
                answer=f"right {text}",
                choices=[f"right {text}", f"wrong {text}"],
                context=f"Context {text}.",
            ),
            Question(
                id="q-s2",
                kind="actor",
                type="short",
                prompt=f"Who {text}?",
                answer=f"A {text}",
                accept=[f"B {text}"],
            ),
            Question(
                id="q-s3",
                kind="actor",
                type="cloze",
                prompt=f"Before {text} {BLANK} after {text}.",
                answer=f"C {text}",
            ),
            Question(
                id="q-s4", kind="date", type="truefalse", prompt=f"It {text}.", answer="false"
            ),
        ],
    )


def _round_trip(text: str, path: Path) -> None:
    choice, short, cloze, tf = export([_deck_of(text)], path)
    assert choice.text == f"Which {text}?".strip()
    assert choice.right == [f"right {text}".strip()] and choice.wrong == [f"wrong {text}".strip()]
    assert choice.general_feedback == f"Context {text}."
    assert short.text == f"Who {text}?".strip() and short.right == [
        f"A {text}".strip(),
        f"B {text}".strip(),
    ]
    assert (cloze.text, cloze.right) == (f"Before {text}".strip(), [f"C {text}".strip()])
    assert cloze.tail == f"after {text}.".strip()
    assert (tf.text, tf.truth) == (f"It {text}.".strip(), False)


@pytest.mark.parametrize("char", list(SPECIAL))
def test_every_special_character_round_trips(char, tmp_path):
    _round_trip(f"a{char}b {char}{char} {char}", tmp_path / "s.gift")


def test_line_breaks_and_gift_syntax_stay_text(tmp_path):
    _round_trip(
        "::name:: {=x ~y} ####z // not a comment\nT\n\nsecond paragraph", tmp_path / "s.gift"
    )


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(SPECIAL + "abn\n/%[] T"), min_size=1, max_size=30))
def test_any_mix_of_specials_round_trips(tmp_path_factory, text):
    # Moodle trims answers and texts, and a blank line would end the question: trimmed text
    # and single line breaks are what can round-trip.
    text = "x" + "\n".join(line for line in text.split("\n") if line.strip()) + "x"
    _round_trip(text, tmp_path_factory.mktemp("g") / "s.gift")


def test_escape_writes_each_special_once():
    assert escape("\\{") == "\\\\\\{"
    assert escape("a\r\nb") == "a\\nb"


def test_same_deck_same_bytes(sample_deck, tmp_path):
    a = render("gift", [sample_deck], tmp_path / "a.gift")[0].read_bytes()
    assert a == render("gift", [sample_deck], tmp_path / "b.gift")[0].read_bytes()
