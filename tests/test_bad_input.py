"""Bad input, through the real CLI: every user mistake is one clean error and nothing written.

Each bad source and each broken deck is run through every command that reads it. The
rule checked is the same everywhere: exit code 2, every stderr line an `Error: ...` line
naming the file, no traceback, and no file left behind (no deck, no package, no PDF, no
temp file, no change to the progress database). Then: atomic writes survive a failure in
the middle of writing, merging a fresh generation never loses a person's edits, markup and
terminal escapes in a deck stay text, and random Unicode decks round-trip and render.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import make_sample_deck, run_cli
from quizgen.deck import (
    MAX_QUESTIONS,
    Deck,
    dump_deck,
    load_deck,
)
from quizgen.sources import MAX_SOURCE_BYTES

SOURCE_TEXT = "Marie Curie was born in Warsaw in 1867.\nShe won the Nobel Prize in 1903.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def listing(folder: Path) -> dict[str, str]:
    """Every file under `folder` (names relative to it) with a hash of its bytes."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        if path.is_symlink() or not path.is_file():
            out[rel] = "-"
        elif os.access(path, os.R_OK) and path.stat().st_size < 1 << 20:
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            out[rel] = f"size {path.stat().st_size}"
    return out


def assert_clean_error(result, name: str, line: int | None = None) -> list[str]:
    """Exit 2, only `Error: ` lines on stderr, each naming `name` (and `line`), no traceback."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert lines, "no error message"
    assert "Traceback" not in result.stderr + result.stdout
    for text in lines:
        assert text.startswith("Error: "), lines
        assert name in text, lines
    if line is not None:
        assert any(f"{name}:{line}:" in text for text in lines), lines
    return lines


# --- bad sources -----------------------------------------------------------------------------


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def _directory(folder: Path) -> Path:
    path = folder / "chapter.txt"
    path.mkdir()
    return path


def _missing(folder: Path) -> Path:
    return folder / "nowhere.txt"


def _unreadable(folder: Path) -> Path:
    path = folder / "secret.txt"
    path.write_text(SOURCE_TEXT, encoding="utf-8")
    path.chmod(0)
    if os.access(path, os.R_OK):
        path.chmod(0o644)
        pytest.skip("this user can read a file without read permission (root)")
    return path


def _symlink_loop(folder: Path) -> Path:
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    return folder / "a.txt"


def _broken_symlink(folder: Path) -> Path:
    (folder / "gone.txt").symlink_to(folder / "never-there.txt")
    return folder / "gone.txt"


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)  # reading it would block forever: it must be refused unopened
    return path


def _too_large(folder: Path) -> Path:
    path = folder / "huge.txt"
    with open(path, "wb") as f:
        f.write(SOURCE_TEXT.encode())
        f.truncate(MAX_SOURCE_BYTES + 1)  # sparse: no 20 MB of real writes
    return path


BAD_SOURCES: dict[str, tuple[Callable[[Path], Path], str]] = {
    # case: (make the file, words the message must contain)
    "empty": (_write("empty.txt", b""), "is empty"),
    "whitespace only": (_write("blank.txt", b"  \n\t\n \r\n"), "is empty"),
    "png bytes": (_write("photo.txt", PNG), "binary"),
    "nul bytes": (_write("nul.txt", b"Curie\x00\x00\x00was born\x00 in 1867"), "binary"),
    "invalid utf-8 mid-file": (
        _write(
            "corrupt.txt",
            # UTF-8 (the accents are valid multi-byte sequences) with one corrupt byte
            SOURCE_TEXT.encode() + "Elle était née à Varsovie.\n".encode() + b"Then \xff.\n",
        ),
        "line 4",
    ),
    "utf-16 without bom": (_write("wide.txt", SOURCE_TEXT.encode("utf-16-le")), "UTF-16"),
    "directory": (_directory, "directory"),
    "missing": (_missing, "no such file"),
    "no read permission": (_unreadable, "permission"),
    "symlink loop": (_symlink_loop, "loop"),
    "broken symlink": (_broken_symlink, "broken"),
    "fifo": (_fifo, "not a regular file"),
    "over the size limit": (_too_large, "MB"),
    "png as html": (_write("page.html", PNG), "binary"),
    "text as pdf": (_write("paper.pdf", SOURCE_TEXT.encode()), "not a PDF"),
    "truncated pdf": (_write("cut.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog"), "PDF"),
    "python tag in front matter": (
        _write("tagged.md", b"---\ntitle: !!python/object/apply:os.system [id]\n---\nText.\n"),
        "front matter",
    ),
}


@pytest.mark.parametrize("command", ["facts", "generate"])
@pytest.mark.parametrize("case", list(BAD_SOURCES))
def test_bad_source_is_one_error_and_nothing_written(
    case: str, command: str, tmp_path: Path
) -> None:
    make, words = BAD_SOURCES[case]
    work = tmp_path / "work"
    work.mkdir()
    source = make(work)
    before = listing(tmp_path)
    deck = tmp_path / "decks" / "deck.yaml"
    args = ["generate", str(source), "-o", str(deck)] if command == "generate" else ["facts"]
    if command == "facts":
        args.append(str(source))
    result = run_cli(*args, cwd=tmp_path, timeout=60)

    lines = assert_clean_error(result, str(source))
    assert len(lines) == 1, lines
    assert words in lines[0], lines
    assert result.stdout == ""
    assert not deck.exists()
    assert listing(tmp_path) == before


def test_a_source_without_facts_makes_an_empty_deck_and_warns(tmp_path: Path) -> None:
    poem = tmp_path / "poem.txt"
    poem.write_text(
        "the rain falls soft on quiet stones\nand wind goes by without a word\n"
        "the grass bends low, the grass bends back\nand no one comes, and no one stays\n",
        encoding="utf-8",
    )
    deck = tmp_path / "poem.yaml"
    result = run_cli("generate", str(poem), "-o", str(deck), cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning: ")]
    assert len(warnings) == 1 and str(poem) in warnings[0], result.stderr
    loaded = load_deck(deck)
    assert loaded.questions == []
    assert [ref.path for ref in loaded.sources] == [str(poem)]
    assert run_cli("check", str(deck)).returncode == 0


# --- broken decks ----------------------------------------------------------------------------

HEAD = "quizgen: 1\ntitle: Broken\nquestions:\n"


def _q(qid: str = "q-1", **fields: str) -> str:
    data = {"id": qid, "kind": "date", "type": "short", "prompt": "When?", "answer": "'1999'"}
    data.update(fields)
    return "  - " + "\n    ".join(f"{k}: {v}" for k, v in data.items()) + "\n"


def _laughs() -> str:
    rows = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    rows += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    return "\n".join(rows) + "\nquizgen: 1\ntitle: *a9\nquestions: []\n"


# case: (deck text or bytes, line the message must name or None, words it must contain)
BAD_DECKS: dict[str, tuple[str | bytes, int | None, str]] = {
    "yaml syntax error": (HEAD + _q() + '  - id: q-2\n    prompt: "never closed\n', 10, "quote"),
    "unclosed flow list": (HEAD + _q(choices="[1999, 2000"), 9, "never closed"),
    "bad indentation": (HEAD + _q() + "   - id: q-2\n", 9, "expected"),
    "tab indentation": (HEAD + "  - id: q-1\n\tkind: date\n", 5, "tab"),
    "prompt is a list": (HEAD + _q(prompt="[a, b]"), 7, "'prompt' must be text"),
    "duplicate ids": (HEAD + _q() + _q(), 9, "duplicate id 'q-1'"),
    "duplicate key": (HEAD + _q() + "    answer: '2000'\n", 9, "duplicate key 'answer'"),
    "choice answer not a choice": (
        HEAD + _q(type="choice", choices="['1998', '2000']"),
        8,
        "not among its choices",
    ),
    "cloze without a blank": (HEAD + _q(type="cloze"), 7, "blank"),
    "unknown kind": (HEAD + _q(kind="planet"), 5, "unknown kind 'planet'"),
    "unknown type": (HEAD + _q(type="essay"), 6, "unknown type 'essay'"),
    "unknown status": (HEAD + _q(status="maybe"), 9, "unknown status 'maybe'"),
    "unknown top-level key": (
        "quizgen: 1\ntitle: Broken\ncolour: red\nquestions:\n" + _q(),
        3,
        "unknown key 'colour'",
    ),
    # The alias is refused at the line of its anchor, before anything is expanded.
    "billion laughs": (_laughs(), 1, "aliases"),
    "python object tag": (
        "quizgen: 1\ntitle: !!python/object/apply:os.system ['touch pwned']\nquestions: []\n",
        2,
        "unsupported tag",
    ),
    "raw control character": ("quizgen: 1\ntitle: bell \x07 here\nquestions: []\n", 2, "U+0007"),
    "newer format": ("quizgen: 99\ntitle: Future\nquestions: []\n", 1, "newer"),
    "not a mapping": ("- just\n- a list\n", 1, "mapping"),
    "empty file": ("", None, "is empty"),
    "binary": (PNG, None, "binary"),
    "latin-1": ("quizgen: 1\ntitle: Café\nquestions: []\n".encode("latin-1"), 2, "UTF-8"),
    "utf-16 broken after bom": (b"\xff\xfeq\x00\x00\xd8", None, "UTF-16"),
}


def _run_deck_command(command: str, deck: Path, folder: Path):
    """Run `command` on `deck`; returns the result and the paths it must not create."""
    if command == "check":
        return run_cli("check", str(deck), cwd=folder, timeout=120)
    if command == "anki":
        return run_cli("anki", str(deck), "-o", str(folder / "out.apkg"), cwd=folder, timeout=120)
    if command == "pdf":
        return run_cli("pdf", str(deck), "-o", str(folder / "out.pdf"), cwd=folder, timeout=120)
    return run_cli(
        "quiz",
        str(deck),
        "--db",
        str(folder / "progress.sqlite3"),
        "--all",
        input="1999\n" * 5,
        cwd=folder,
        timeout=120,
    )


@pytest.fixture(scope="module")
def progress_db(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A real progress database holding one review, as bytes to copy into each test."""
    from quizgen.quiz import Session, open_store

    folder = tmp_path_factory.mktemp("progress")
    db = folder / "progress.sqlite3"
    deck = make_sample_deck()
    with open_store(db) as store:
        session = Session([deck], store, now=lambda: datetime(2026, 3, 1, tzinfo=UTC))
        item = session.items[0]
        session.record(item, item.question.answer, session.check(item, item.question.answer))
    return db.read_bytes()


COMMANDS = ["check", "anki", "pdf", "quiz"]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", list(BAD_DECKS))
def test_broken_deck_is_errors_and_nothing_written(
    case: str, command: str, tmp_path: Path, progress_db: bytes
) -> None:
    content, line, words = BAD_DECKS[case]
    deck = tmp_path / "broken.yaml"
    if isinstance(content, bytes):
        deck.write_bytes(content)
    else:
        deck.write_text(content, encoding="utf-8")
    (tmp_path / "progress.sqlite3").write_bytes(progress_db)
    before = listing(tmp_path)

    result = _run_deck_command(command, deck, tmp_path)

    lines = assert_clean_error(result, str(deck), line)
    assert any(words in text for text in lines), lines
    assert listing(tmp_path) == before
    assert not (tmp_path / "pwned").exists()


def test_too_many_questions_is_one_error(tmp_path: Path) -> None:
    """A deck of real questions just over the limit (loading it takes a few seconds)."""
    deck = tmp_path / "big.yaml"
    body = "".join(
        f"  - {{id: q-{i}, kind: date, type: short, prompt: When?, answer: '{i}'}}\n"
        for i in range(MAX_QUESTIONS + 1)
    )
    deck.write_text(HEAD + body, encoding="utf-8")
    result = run_cli("check", str(deck))
    lines = assert_clean_error(result, str(deck), 3)
    assert lines == [
        f"Error: {deck}:3: {MAX_QUESTIONS + 1:,} questions; a deck holds at most {MAX_QUESTIONS:,}"
    ]


@pytest.mark.parametrize("command", ["anki", "pdf", "quiz"])
def test_too_many_entries_writes_nothing(command: str, tmp_path: Path, progress_db: bytes) -> None:
    # The count is checked before any entry is read, so empty entries make the same deck
    # error as real questions at a tenth of the parsing time.
    deck = tmp_path / "big.yaml"
    deck.write_text(HEAD + "  - {}\n" * (MAX_QUESTIONS + 1), encoding="utf-8")
    (tmp_path / "progress.sqlite3").write_bytes(progress_db)
    before = listing(tmp_path)
    result = _run_deck_command(command, deck, tmp_path)
    lines = assert_clean_error(result, str(deck), 3)
    assert len(lines) == 1 and "at most" in lines[0]
    assert listing(tmp_path) == before


def test_every_problem_of_every_deck_is_reported_at_once(tmp_path: Path) -> None:
    one = tmp_path / "one.yaml"
    one.write_text(HEAD + _q(kind="planet") + _q("q-2", type="essay"), encoding="utf-8")
    two = tmp_path / "two.yaml"
    two.write_text("quizgen: 1\ntitle: !!python/name:os.system\nquestions: []\n")
    result = run_cli("check", str(one), str(two))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 3 and all(text.startswith("Error: ") for text in lines), lines
    assert [text.split(":")[1].strip() for text in lines] == [str(one), str(one), str(two)]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_a_deck_saved_with_a_byte_order_mark_loads(
    encoding: str, tmp_path: Path, sample_deck: Deck
) -> None:
    deck = tmp_path / "windows.yaml"
    deck.write_bytes(dump_deck(sample_deck).encode(encoding))
    assert load_deck(deck) == sample_deck
