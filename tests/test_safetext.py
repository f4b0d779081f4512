"""One text-safety rule for every consumer: sources, the terminal quiz, the PDF and the CLI.

Each consumer gets the same hostile string: bidi overrides and isolates, zero-width marks,
C0 and C1 controls and an escape sequence. None may reach a reader; tab, newline and the
zero-width joiner (which some scripts need) stay.
"""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli
from quizgen._deck import Deck, Question, SourceRef, save_deck
from quizgen._render import RenderOptions, render
from quizgen._safetext import UNSAFE, one_line, strip_unsafe

# "\u202e...\u202c": a right-to-left override and its pop; "\u2067...\u2069": an isolate;
# \u200b zero-width space, \ufeff BOM, \u00ad soft hyphen; \x07 BEL (C0), \x85 and \x9b
# (C1); "\x1b[2J" clears a terminal.
HOSTILE = "\u202eelgooG\u202c by \u2067Page\u2069 Z\u200bW\ufeffB\u00adS \x07\x85\x9b1m\x1b[2Jend"
SAFE = "elgooG by Page ZWBS end"
ALL_UNSAFE = ("\u202e", "\u202c", "\u2067", "\u2069", "\u200b", "\ufeff", "\u00ad", "\x07")


def _unsafe_in(text: str) -> list[str]:
    return [c for c in (*ALL_UNSAFE, "\x85", "\x9b", "\x1b") if c in text]


def test_strip_unsafe_keeps_layout_and_joiners() -> None:
    assert strip_unsafe(HOSTILE) == SAFE
    assert strip_unsafe("a\tb\nc\u200dd") == "a\tb\nc\u200dd"  # ZWJ: emoji and Indic scripts


def test_one_line_shows_what_it_would_strip() -> None:
    assert one_line("a\nb\x1b[2J\u202ec") == "a\\nb\\x1b[2J\\u202ec"
    assert UNSAFE.search(one_line(HOSTILE)) is None


def test_a_source_loses_hostile_characters(tmp_path: Path) -> None:
    from quizgen._sources import load_source

    path = tmp_path / "tricky.txt"
    plain = "Plain words come first, and more plain words come after it"
    path.write_text(f"{plain}. {HOSTILE}. {plain}.\n", encoding="utf-8")
    assert load_source(path).text == f"{plain}. {SAFE}. {plain}."


def _deck() -> Deck:
    return Deck(
        title="Hostile",
        deck_id=778,
        sources=[SourceRef(path="h.txt", title="Source")],
        questions=[
            Question(
                id="q-h1",
                kind="actor",
                type="short",
                prompt=f"Who wrote {HOSTILE}?",
                answer="Writer",
                context=f"The text {HOSTILE} was written by Writer.",
                source="h.txt",
            )
        ],
    )


def test_the_terminal_quiz_prints_no_hostile_characters(tmp_path: Path) -> None:
    deck = save_deck(_deck(), tmp_path / "h.yaml")
    result = run_cli(
        "quiz", str(deck), "--db", str(tmp_path / "p.sqlite3"), "--all", input="Writer\n"
    )
    assert result.returncode == 0, result.stderr
    assert f"Who wrote {SAFE}?" in result.stdout
    assert _unsafe_in(result.stdout) == []


def test_the_pdf_holds_no_hostile_characters(tmp_path: Path) -> None:
    from pypdf import PdfReader

    pdf = tmp_path / "h.pdf"
    render("pdf", [_deck()], pdf, RenderOptions())
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "elgooG by Page" in text
    assert _unsafe_in(text) == []


def test_a_cli_error_names_a_hostile_file_on_one_plain_line(tmp_path: Path) -> None:
    name = tmp_path / f"x{HOSTILE}\nz.txt"
    result = run_cli("generate", str(name), "-o", str(tmp_path / "d.yaml"))
    assert result.returncode == 2
    line = result.stderr.strip()
    assert line.startswith("Error: ") and "\n" not in line
    assert _unsafe_in(line) == []
    assert "\\u202e" in line and "\\u200b" in line and "\\x85" in line and "\\n" in line
