"""The renderer registry: typed options per renderer, and outputs that would destroy a deck."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli
from quizgen import AnkiOptions, PdfOptions, RenderError, RenderOptions, render
from quizgen._deck import Deck, load_deck, save_deck


@pytest.mark.parametrize("name", ["anki", "pdf"])
def test_rendering_over_the_deck_being_read_is_refused(
    name: str, tmp_path: Path, sample_deck: Deck
) -> None:
    """From Python too: the guard lived only in the CLI, so this replaced the deck."""
    path = save_deck(sample_deck, tmp_path / "deck.yaml")
    before = path.read_bytes()
    suffix = {"anki": ".apkg", "pdf": ".pdf"}[name]
    with pytest.raises(RenderError) as raised:
        render(name, [load_deck(path)], path)
    assert str(raised.value) == (
        f"{path}: is a deck being read, not an output; write to another file such as "
        f"{tmp_path / ('deck' + suffix)}"
    )
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.yaml"]


def test_the_cli_refuses_it_with_the_same_message(tmp_path: Path, sample_deck: Deck) -> None:
    save_deck(sample_deck, tmp_path / "deck.yaml")
    result = run_cli("anki", "deck.yaml", "-o", "deck.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "Error: deck.yaml: is a deck being read, not an output; "
        "write to another file such as deck.apkg\n"
    )


def test_a_deck_made_in_code_can_be_written_anywhere(tmp_path: Path, sample_deck: Deck) -> None:
    assert sample_deck.origin is None
    assert render("anki", [sample_deck], tmp_path / "deck.yaml") == [tmp_path / "deck.yaml"]


def test_plain_options_get_the_renderers_defaults(tmp_path: Path, sample_deck: Deck) -> None:
    written = render("pdf", [sample_deck], tmp_path / "w.pdf", RenderOptions(limit=2))
    assert written == [tmp_path / "w.pdf"]  # key="end": one file


def test_options_of_another_renderer_are_refused(tmp_path: Path, sample_deck: Deck) -> None:
    with pytest.raises(RenderError) as raised:
        render("anki", [sample_deck], tmp_path / "d.apkg", PdfOptions(key="none"))
    assert str(raised.value) == "anki: options must be AnkiOptions or RenderOptions, not PdfOptions"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda: PdfOptions(key="middle"),
            "unknown key placement 'middle' (expected one of: end, same, separate, none)",
        ),
        (lambda: PdfOptions(paper="a3"), "unknown paper 'a3' (expected one of: a4, letter)"),
        (lambda: PdfOptions(versions=0), "versions must be between 1 and 26, not 0"),
        (lambda: PdfOptions(versions=2.0), "versions must be a whole number, not 2.0"),
        (
            lambda: AnkiOptions(timestamp=-1),
            "anki: timestamp must be Unix seconds from 0 to 2^32, not -1",
        ),
    ],
)
def test_bad_options_are_refused_when_made(make, message: str) -> None:
    with pytest.raises(RenderError) as raised:
        make()
    assert str(raised.value) == message


def test_paper_ignores_case() -> None:
    assert PdfOptions(paper="Letter").paper == "letter"  # type: ignore[arg-type]
