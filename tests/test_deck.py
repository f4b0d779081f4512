"""Deck format v1: round trip, validation messages, merging, and `quizgen check`."""

from __future__ import annotations

import pytest

from quizgen._deck import (
    Question,
    derive_deck_id,
    dump_deck,
    load_deck,
    loads_deck,
    merge_decks,
    save_deck,
)
from quizgen._errors import DeckError, Problem


def test_deck_round_trips_byte_for_byte(sample_deck, tmp_path):
    path = save_deck(sample_deck, tmp_path / "d.yaml")
    text = path.read_text(encoding="utf-8")
    assert load_deck(path) == sample_deck
    assert dump_deck(load_deck(path)) == text
    assert "Путин" in text or "Владимир" in text  # Unicode written as is, not escaped
    assert not list(tmp_path.glob(".*.tmp"))


def test_key_order_follows_the_format(sample_deck):
    text = dump_deck(sample_deck)
    assert (
        text.index("quizgen: 1")
        < text.index("title:")
        < text.index("deck_id:")
        < text.index("sources:")
    )
    first = text[text.index("- id:") :]
    keys = [line.split(":")[0].strip(" -") for line in first.splitlines()[:12] if ":" in line]
    assert keys[:5] == ["id", "kind", "type", "prompt", "answer"]


def test_yaml_one_point_one_booleans_and_dates_stay_text():
    deck = loads_deck(
        "quizgen: 1\ntitle: T\nsources:\n  - path: a.txt\n    published: 2001-05-04\nquestions:\n"
        "  - id: q1\n    kind: actor\n    type: short\n    prompt: Is it?\n    answer: No\n"
        "  - id: q2\n    kind: date\n    type: short\n    prompt: When?\n    answer: 1979\n"
    )
    assert deck.questions[0].answer == "No"
    assert deck.questions[1].answer == "1979"
    assert deck.sources[0].published == "2001-05-04"


BROKEN = [
    (
        "quizgen: 1\ntitle: T\nquestions:\n  - id: q1\n    kind: date\n    type: short\n    prompt: P?\n",
        ":4: questions[0] (q1): 'answer' is missing",
    ),
    (
        "quizgen: 1\ntitle: T\nquestions:\n  - id: q1\n    kind: date\n    type: short\n    prompt: P?\n    answer: a\n  - id: q1\n    kind: date\n    type: short\n    prompt: P?\n    answer: a\n",
        "duplicate id 'q1'",
    ),
    (
        "quizgen: 1\ntitle: T\nquestions:\n  - id: q1\n    kind: date\n    type: choice\n    prompt: P?\n    answer: a\n    choices: [b, c]\n",
        "answer 'a' is not among its choices",
    ),
    (
        "quizgen: 1\ntitle: T\nquestions:\n  - id: q1\n    kind: date\n    type: cloze\n    prompt: No blank here.\n    answer: a\n",
        "a cloze prompt needs a blank",
    ),
    (
        "quizgen: 1\ntitle: T\nquestions:\n  - id: q1\n    kind: person\n    type: short\n    prompt: P?\n    answer: a\n",
        "unknown kind 'person'",
    ),
    (
        "quizgen: 1\ntitle: T\nquestions:\n  - id: q1\n    kind: date\n    type: essay\n    prompt: P?\n    answer: a\n",
        "unknown type 'essay'",
    ),
    (
        "quizgen: 1\ntitle: T\nquestions:\n  - id: q1\n    kind: date\n    type: short\n    prompt: P?\n    answer: a\n    status: done\n",
        "unknown status 'done'",
    ),
    ("quizgen: 1\ntitel: T\nquestions: []\n", "unknown key 'titel' (did you mean 'title'?)"),
    (
        "quizgen: 1\ntitle: T\nquestions:\n  - id: q1\n    kind: date\n    type: short\n    prompt: [a, b]\n    answer: a\n",
        "'prompt' must be text",
    ),
    ("quizgen: 1\ntitle: T\nquestions:\n  - id: q1\n\tkind: date\n", "a tab character"),
    ("quizgen: 1\ntitle: [unclosed\n", ":2: a [ list starts here"),
    ("quizgen: 1\ntitle: !!python/object/apply:os.system [echo hi]\n", "unsupported tag"),
    ("a: &a [x, x]\nb: &b [*a, *a]\nquizgen: 1\ntitle: T\n", "aliases"),
]


@pytest.mark.parametrize(("text", "message"), BROKEN)
def test_broken_decks_are_reported_with_file_line_and_question(text, message, tmp_path, cli):
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DeckError) as info:
        load_deck(path)
    lines = info.value.lines()
    assert any(message in p and p.startswith(str(path)) for p in lines), lines
    result = cli("check", str(path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert all(line.startswith(f"Error: {path}") for line in result.stderr.strip().splitlines())


def test_check_accepts_a_good_deck(sample_deck, tmp_path, cli):
    path = save_deck(sample_deck, tmp_path / "ok.yaml")
    result = cli("check", str(path))
    assert result.returncode == 0, result.stderr
    assert "ok, 5 questions (4 active)" in result.stdout


def test_merge_keeps_edits_and_reports_vanished(sample_deck):
    fresh = loads_deck(dump_deck(sample_deck))
    sample_deck.questions[0].prompt = "Edited?"
    fresh.questions.pop(1)  # its fact vanished from the sources
    fresh.questions.append(
        Question(id="q-new", kind="date", type="short", prompt="New?", answer="1", template="t")
    )
    merged, report = merge_decks(sample_deck, fresh)
    assert merged.questions[0].prompt == "Edited?"
    assert report.vanished == ["q-00000002"]
    assert report.added == ["q-new"]
    assert [q.id for q in merged.questions][-1] == "q-new"


def test_derived_deck_id_is_stable():
    assert derive_deck_id("Title") == derive_deck_id("Title")
    assert derive_deck_id("Title") != derive_deck_id("Other")
    assert 1 << 30 <= derive_deck_id("Title") < 1 << 31


def test_a_question_without_an_id_but_otherwise_whole_is_one_problem() -> None:
    text = "quizgen: 1\ntitle: T\nquestions:\n  - id:\n    kind: date\n    type: short\n"
    text += "    prompt: When?\n    answer: '1900'\n"
    with pytest.raises(DeckError, match=r"<deck>:4: questions\[0\]: 'id' is missing"):
        loads_deck(text)


def test_problems_are_data_with_file_line_path_and_question_id() -> None:
    text = "quizgen: 1\ntitle: T\nquestions:\n  - id: q-1\n    kind: date\n    type: short\n"
    text += "    prompt: When?\n"
    with pytest.raises(DeckError) as info:
        loads_deck(text, "decks/broken.yaml")
    assert info.value.problems == [
        Problem("decks/broken.yaml", "'answer' is missing", 4, "questions[0]", "q-1")
    ]
    assert info.value.lines() == ["decks/broken.yaml:4: questions[0] (q-1): 'answer' is missing"]


def test_problems_are_in_line_order_whatever_the_file_is_called() -> None:
    # `generated` (line 2) is checked after the questions (line 5). The order once came from
    # line numbers parsed back out of the message text, which read the 9 in this name.
    text = "quizgen: 1\ngenerated: 7\ntitle: T\nquestions:\n  - {id: q-1, kind: era}\n"
    with pytest.raises(DeckError) as info:
        loads_deck(text, "x:9: y.yaml")
    lines = [p.line for p in info.value.problems]
    assert lines == sorted(lines) and lines[0] == 2, info.value.lines()
