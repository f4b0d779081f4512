"""Writing decks by hand: a question of a prompt and an answer gets its id, kind and type
(written into the file by check --fix and build, comments kept), a colon in a typed text,
a deck named with '::', and the merge report's grammar. Exact messages, exit codes,
nothing written where nothing should be."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import listing
from quizgen._cli._common import report_merge
from quizgen._deck import (
    Deck,
    DeckError,
    MergeReport,
    fill_file,
    infer_kind,
    infer_type,
    loads_deck,
)
from quizgen._safetext import file_stem

DECK = """\
quizgen: 1
title: Berlin
questions:
  - id: q-1
    kind: date
    type: short
    prompt: Reunification: on what date did it happen?
    answer: 3 October 1990
"""


def test_a_colon_in_a_typed_prompt_says_put_it_in_quotes(cli, tmp_path: Path):
    (tmp_path / "berlin.yaml").write_text(DECK)
    before = listing(tmp_path)
    result = cli("check", "berlin.yaml", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        2,
        "Error: berlin.yaml:7: a colon in a text; put the text in quotes: "
        'prompt: "Reunification: on what date did it happen?"\n',
    )
    assert listing(tmp_path) == before


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("History::Cold War", "History-Cold War"),
        ('a/b\\c:d*e?f"g<h>i|j', "a-b-c-d-e-f-g-h-i-j"),
        ("CON", "CON_"),
        ("lpt1", "lpt1_"),
        (" Notes. ", "Notes"),
        ("???", "deck"),
        ("Café \x1b[31mred", "Café red"),
    ],
)
def test_a_deck_name_makes_a_file_name_every_os_takes(name: str, stem: str):
    assert file_stem(name) == stem


@pytest.mark.slow
def test_build_name_with_colons_names_the_files_safely_and_titles_the_deck(cli, tmp_path: Path):
    from quizgen._deck import load_deck

    (tmp_path / "ferry.txt").write_text(
        "On April 2, 1934, the Corran Ferry Company launched its first steam ferry, "
        "and Hugh Baird was its captain.\n"
    )
    result = cli("build", "ferry.txt", "--name", "History::Cold War", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "decks").iterdir()) == ["History-Cold War.yaml"]
    assert load_deck(tmp_path / "decks" / "History-Cold War.yaml").title == "History::Cold War"
    assert (tmp_path / "output" / "History-Cold War.apkg").is_file()


@pytest.mark.parametrize(
    ("vanished", "line"),
    [
        (["q-1"], "1 question no longer matches a fact in the sources (kept; reject or delete it)"),
        (
            ["q-1", "q-2"],
            "2 questions no longer match a fact in the sources (kept; reject or delete them)",
        ),
    ],
)
def test_the_vanished_warning_agrees_in_number(capsys, vanished: list[str], line: str):
    report_merge(Path("d.yaml"), Deck(title="D"), MergeReport(vanished=vanished))
    assert f"Warning: d.yaml: {line}: {', '.join(vanished)}\n" in capsys.readouterr().err


MINIMAL = """\
quizgen: 1
title: Berlin
questions:
  # Mine, from the lesson on 1990.
  - prompt: On what date was Germany reunified?
    answer: 3 October 1990

  - prompt: Who proposed the plan at Harvard?  # the speech of June 1947
    answer: George C. Marshall
"""

FILLED = """\
quizgen: 1
title: Berlin
questions:
  # Mine, from the lesson on 1990.
  - id: q-c21059a1
    kind: date
    type: short
    prompt: On what date was Germany reunified?
    answer: 3 October 1990

  - id: q-bafce31d
    kind: actor
    type: short
    prompt: Who proposed the plan at Harvard?  # the speech of June 1947
    answer: George C. Marshall
"""


def test_check_says_what_fix_would_fill_in_and_writes_nothing(cli, tmp_path: Path):
    (tmp_path / "berlin.yaml").write_text(MINIMAL)
    before = listing(tmp_path)
    result = cli("check", "berlin.yaml", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (
        0,
        "berlin.yaml:5: questions[0]: would fill in id q-c21059a1, kind date, type short\n"
        "berlin.yaml:8: questions[1]: would fill in id q-bafce31d, kind actor, type short\n"
        "berlin.yaml: ok, 2 questions (2 active); check --fix writes them into the file\n",
    )
    assert listing(tmp_path) == before


def test_check_fix_writes_them_in_keeping_comments_and_a_second_fix_changes_nothing(
    cli, tmp_path: Path
):
    deck = tmp_path / "berlin.yaml"
    deck.write_text(MINIMAL)
    result = cli("check", "--fix", "berlin.yaml", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (
        0,
        "berlin.yaml:5: questions[0]: filled in id q-c21059a1, kind date, type short\n"
        "berlin.yaml:8: questions[1]: filled in id q-bafce31d, kind actor, type short\n"
        "berlin.yaml: ok, 2 questions (2 active)\n",
    )
    assert deck.read_text() == FILLED
    again = cli("check", "--fix", "berlin.yaml", cwd=tmp_path)
    assert (again.returncode, again.stdout) == (0, "berlin.yaml: ok, 2 questions (2 active)\n")
    assert deck.read_text() == FILLED


def test_ids_are_what_the_deck_was_read_with_before_the_fix(tmp_path: Path):
    # Anki notes and quiz progress made before the fix keep following the question.
    before = [q.id for q in loads_deck(MINIMAL).questions]
    deck = tmp_path / "berlin.yaml"
    deck.write_text(MINIMAL)
    fill_file(deck)
    assert [q.id for q in loads_deck(deck.read_text()).questions] == before


def test_check_fix_writes_no_deck_when_one_is_broken(cli, tmp_path: Path):
    (tmp_path / "berlin.yaml").write_text(MINIMAL)
    (tmp_path / "broken.yaml").write_text("quizgen: 1\ntitle: B\nquestions:\n  - prompt: P?\n")
    before = listing(tmp_path)
    result = cli("check", "--fix", "berlin.yaml", "broken.yaml", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        "Error: broken.yaml:4: questions[0]: 'answer' is missing\n",
    )
    assert listing(tmp_path) == before


def test_a_flow_style_question_is_filled_in_its_own_style(tmp_path: Path):
    deck = tmp_path / "d.yaml"
    deck.write_text(
        "quizgen: 1\ntitle: T\nquestions:\n"
        "  - {id: q-1, prompt: Which alliance was founded in 1949?, answer: NATO}  # mine\n"
    )
    assert [f.values for f in fill_file(deck)] == [{"kind": "organization", "type": "short"}]
    assert deck.read_text() == (
        "quizgen: 1\ntitle: T\nquestions:\n"
        "  - {id: q-1, kind: organization, type: short, prompt: Which alliance was founded in "
        "1949?, answer: NATO}  # mine\n"
    )


def test_a_deck_that_cannot_be_edited_in_place_is_written_whole(tmp_path: Path):
    deck = tmp_path / "d.yaml"
    deck.write_bytes(
        "quizgen: 1\ntitle: T\nquestions:\n  - prompt: Who?\n    answer: Ada\n".encode("utf-16")
    )
    fill_file(deck)
    assert deck.read_text(encoding="utf-8") == (
        "quizgen: 1\ntitle: T\nquestions:\n  - id: q-8a8deada\n    kind: actor\n"
        "    type: short\n    prompt: Who?\n    answer: Ada\n    template: manual\n"
        "    status: new\n"
    )


def test_the_same_question_twice_gets_two_ids_and_no_id_the_deck_had():
    question = "  - prompt: Who?\n    answer: Ada\n"
    taken = loads_deck(f"quizgen: 1\ntitle: T\nquestions:\n{question}").questions[0].id
    text = f"quizgen: 1\ntitle: T\nquestions:\n{question}{question}generated: [{taken}]\n"
    ids = [q.id for q in loads_deck(text).questions]
    assert len(set(ids)) == 2 and taken not in ids
    assert ids == [q.id for q in loads_deck(text).questions]  # the same on every load


def test_a_question_without_prompt_or_answer_is_one_problem_not_four():
    with pytest.raises(DeckError) as info:
        loads_deck("quizgen: 1\ntitle: T\nquestions:\n  - answer: Ada\n", "d.yaml")
    assert info.value.lines() == ["d.yaml:4: questions[0]: 'prompt' is missing"]


@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        ("3 October 1990", "date"),
        ("1947", "date"),
        ("June 5, 1947", "date"),
        ("the early 1990s", "date"),
        ("the 20th century", "date"),
        ("spring of 1871", "date"),
        ("1990-10-03", "date"),
        ("AD 79", "date"),
        ("NATO", "organization"),
        ("Harvard University", "organization"),
        ("University of Chicago", "organization"),
        ("Boeing 747", "actor"),
        ("42", "actor"),
        ("George C. Marshall", "actor"),
        ("Mary Church Terrell", "actor"),
    ],
)
def test_the_kind_of_an_answer(answer: str, kind: str):
    assert infer_kind(answer) == kind


def test_a_name_the_deck_knows_keeps_its_kind():
    text = (
        "quizgen: 1\ntitle: T\nquestions:\n"
        "  - {id: q-1, kind: organization, type: short, prompt: Who?, answer: Marshall Fund}\n"
        "  - {id: q-2, kind: actor, type: short, prompt: Who?, answer: George Church}\n"
        "  - {prompt: Which fund, answer: Marshall Fund}\n"
        "  - {prompt: Who sequenced it, answer: Church}\n"
    )
    assert [q.kind for q in loads_deck(text).questions[2:]] == ["organization", "actor"]


@pytest.mark.parametrize(
    ("prompt", "answer", "choices", "qtype"),
    [
        ("Who?", "Ada", True, "choice"),
        ("_____ wrote the first program.", "Ada", False, "cloze"),
        ("Ada wrote the first program.", "True", False, "truefalse"),
        ("Who wrote the first program?", "Ada", False, "short"),
    ],
)
def test_the_type_of_a_question(prompt: str, answer: str, choices: bool, qtype: str):
    assert infer_type(prompt, answer, choices) == qtype


@pytest.mark.slow
def test_build_fills_in_a_hand_written_question_and_keeps_the_comments(cli, tmp_path: Path):
    (tmp_path / "ferry.txt").write_text(
        "On April 2, 1934, the Corran Ferry Company launched its first steam ferry, "
        "and Hugh Baird was its captain.\n"
    )
    (tmp_path / "decks").mkdir()
    deck = tmp_path / "decks" / "ferry.yaml"
    mine = "  # Mine.\n  - prompt: Who built the ferry?\n    answer: Hugh Baird\n"
    # The deck lists its source: a merge that adds one writes the deck whole (deck-format.md).
    head = "quizgen: 1\ntitle: Ferry\nsources:\n  - path: ferry.txt\n    title: Ferry\n"
    deck.write_text(f"{head}questions:\n{mine}")
    result = cli("build", "ferry.txt", "--to", "anki", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    filled = "decks/ferry.yaml:8: questions[0]: filled in id q-39d84958, kind actor, type short"
    assert result.stderr.splitlines()[-3] == filled
    text = deck.read_text()
    assert text.startswith(
        f"{head}questions:\n  # Mine.\n  - id: q-39d84958\n    kind: actor\n"
        "    type: short\n    prompt: Who built the ferry?\n    answer: Hugh Baird\n\n  - id: "
    )
    again = cli("build", "ferry.txt", "--to", "anki", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "filled in" not in again.stderr
    assert deck.read_text() == text
