"""Writing decks by hand: a colon in a typed text, a deck named with '::', and the merge
report's grammar. Exact messages, exit codes, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import listing
from quizgen._cli._common import report_merge
from quizgen._deck import Deck, MergeReport
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
