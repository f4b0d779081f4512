"""The wrong file given to a command: a deck, a worksheet or a package as a source, a text
with nothing to ask about, an output folder that is not there, a PDF written over.
Each: the exact message, exit code 2, and nothing left behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import listing
from quizgen._deck import Deck, save_deck

NO_FACTS = (
    "A Quiet Afternoon\n\nThe cat sat on the mat and looked out of the window.\n\n"
    "Rain fell on the garden, and the tea went cold in the pot.\n"
)


@pytest.mark.parametrize("command", ["build", "generate"])
def test_a_deck_as_a_source_is_refused(cli, tmp_path: Path, sample_deck: Deck, command: str):
    save_deck(sample_deck, tmp_path / "decks" / "x.yaml")
    before = listing(tmp_path)
    result = cli(command, "decks/x.yaml", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        2,
        "Error: decks/x.yaml: is a quizgen deck, not a source; use `quizgen anki|pdf|quiz` on it\n",
    )
    assert listing(tmp_path) == before


def test_a_built_worksheet_and_package_as_sources_are_refused(
    cli, tmp_path: Path, sample_deck: Deck
):
    save_deck(sample_deck, tmp_path / "x.yaml")
    assert cli("pdf", "x.yaml", cwd=tmp_path).returncode == 0
    assert cli("anki", "x.yaml", cwd=tmp_path).returncode == 0
    before = listing(tmp_path)
    pdf = cli("build", "output/x.pdf", cwd=tmp_path)
    assert (pdf.returncode, pdf.stderr) == (
        2,
        "Error: output/x.pdf: is a worksheet quizgen printed, not a source; build from the "
        "text it was made from, or use `quizgen pdf` on its deck\n",
    )
    apkg = cli("build", "output/x.apkg", cwd=tmp_path)
    assert (apkg.returncode, apkg.stderr) == (
        2,
        "Error: output/x.apkg: is an Anki package, not a source; build from the text it was "
        "made from\n",
    )
    assert listing(tmp_path) == before


def test_a_format_quizgen_does_not_read(cli, tmp_path: Path):
    (tmp_path / "notes.pages").write_bytes(b"PK\x03\x04\x14\x00\x06\x00rest")
    result = cli("build", "notes.pages", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        2,
        "Error: notes.pages: is not a format quizgen reads; save it as .txt, .md, .html, .pdf, "
        ".docx or .epub\n",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.pages"]


@pytest.mark.slow
def test_build_of_a_text_with_nothing_to_ask_writes_nothing(cli, tmp_path: Path):
    # generate still writes the empty deck and warns (tests/test_bad_input.py); build
    # stops there, before an empty deck and a 0-note package.
    (tmp_path / "noents.txt").write_text(NO_FACTS)
    result = cli("build", "noents.txt", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        2,
        "Error: noents.txt: found no dates, people or organizations to ask about\n",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["noents.txt"]


@pytest.mark.parametrize(("command", "suffix"), [("pdf", ".pdf"), ("anki", ".apkg")])
def test_a_missing_output_folder_is_an_error(
    cli, tmp_path: Path, sample_deck: Deck, command: str, suffix: str
):
    save_deck(sample_deck, tmp_path / "x.yaml")
    out = tmp_path / "missing" / "deeper" / f"x{suffix}"
    result = cli(command, "x.yaml", "-o", str(out), cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        2,
        f"Error: {out.parent}: no such folder; create it first, or give --mkdir\n",
    )
    assert not (tmp_path / "missing").exists()
    made = cli(command, "x.yaml", "-o", str(out), "--mkdir", cwd=tmp_path)
    assert (made.returncode, made.stderr.splitlines()[0]) == (0, f"wrote {out}")


def test_pdf_says_when_it_replaces_a_pdf(cli, tmp_path: Path, sample_deck: Deck):
    save_deck(sample_deck, tmp_path / "x.yaml")
    first = cli("pdf", "x.yaml", cwd=tmp_path)
    again = cli("pdf", "x.yaml", cwd=tmp_path)
    assert first.stderr == "wrote output/x.pdf\n"
    assert again.stderr == "replaced output/x.pdf\n"
