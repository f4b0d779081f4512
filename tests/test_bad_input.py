"""Bad input, through the real CLI: every user mistake is one clean error and nothing written.

Each bad source and each broken deck is run through every command that reads it. The
rule checked is the same everywhere: exit code 2, every stderr line an `Error: ...` line
naming the file (and the line, for YAML), no traceback, and no file left behind (no deck,
no package, no PDF, no temp file, no change to the progress database). Also: output paths
that cannot be files, progress databases that are not ours, and answers that are not UTF-8.
See also test_atomic_writes.py, test_edits_kept.py and test_hostile_text.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, listing, make_sample_deck, run_cli
from quizgen._deck import (
    MAX_QUESTIONS,
    Deck,
    dump_deck,
    load_deck,
    loads_deck,
    save_deck,
)
from quizgen._errors import DeckError
from quizgen._sources import MAX_SOURCE_BYTES

SOURCE_TEXT = "Marie Curie was born in Warsaw in 1867.\nShe won the Nobel Prize in 1903.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


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
    return path


def _no_read_powers() -> list[str]:
    """A command prefix under which a file without read permission cannot be read.

    Root reads any file; setpriv can drop that power (CAP_DAC_OVERRIDE and
    CAP_DAC_READ_SEARCH) for the one command, so the test runs as root too.
    """
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    caps = "-dac_override,-dac_read_search"
    prefix = [setpriv or "setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}"]
    if not setpriv or subprocess.run([*prefix, "true"], capture_output=True).returncode:
        pytest.skip("running as root, and setpriv cannot drop the power to read any file")
    return prefix


def run_unprivileged(*args: str, cwd: Path, input: str | None = None):
    """`run_cli`, without root's power to read any file."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    return subprocess.run(
        [*_no_read_powers(), sys.executable, "-m", "quizgen", *args],
        cwd=cwd,
        input=input,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


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


def _one_line_of_50_mb(folder: Path) -> Path:
    path = folder / "line.txt"
    with open(path, "wb") as f:
        for _ in range(50):
            f.write(b"Marie Curie " * (1024 * 1024 // 12 + 1))  # 50 MB and no newline
    return path


def _pdf_with_bad_font_map() -> bytes:
    """A one-page PDF whose font's /ToUnicode map has a 17-byte code (pypdf allows 16)."""
    cmap = b"begincmap\n1 beginbfchar\n<0102030405060708090A0B0C0D0E0F1011> <0041>\nendbfchar\n"
    text = b"BT /F1 12 Tf 10 100 Td (Marie Curie was born in 1867.) Tj ET\n"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200]"
        b" /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n%bendstream" % (len(text), text),
        b"<< /Length %d >>\nstream\n%bendstream" % (len(cmap), cmap),
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%b\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


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
    "a 50 MB single line": (_one_line_of_50_mb, "MB"),
    "png as html": (_write("page.html", PNG), "binary"),
    "text as pdf": (_write("paper.pdf", SOURCE_TEXT.encode()), "not a PDF"),
    "truncated pdf": (_write("cut.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog"), "PDF"),
    # pypdf's LimitReachedError is no PdfReadError; found by fuzzing a PDF's bytes.
    "pdf with a damaged font map": (_write("font.pdf", _pdf_with_bad_font_map()), "PDF"),
    "alias bomb in front matter": (
        _write(
            "bomb.md",
            (
                "---\na0: &a0 [x, x, x, x, x, x, x, x, x]\n"
                + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9))
                + "title: *a8\n---\nMarie Curie was born in 1867.\n"
            ).encode(),
        ),
        "aliases",
    ),
    "python tag in front matter": (
        _write("tagged.md", b"---\ntitle: !!python/object/apply:os.system [id]\n---\nText.\n"),
        "front matter",
    ),
}


SOURCE_COMMANDS = {
    "facts": lambda source, folder: ["facts", source],
    "generate": lambda source, folder: ["generate", source, "-o", f"{folder}/decks/deck.yaml"],
    "build": lambda source, folder: [
        "build",
        source,
        "--decks",
        f"{folder}/decks",
        "--output",
        f"{folder}/output",
    ],
}


@pytest.mark.parametrize("command", list(SOURCE_COMMANDS))
@pytest.mark.parametrize("case", list(BAD_SOURCES))
def test_bad_source_is_one_error_and_nothing_written(
    case: str, command: str, tmp_path: Path
) -> None:
    make, words = BAD_SOURCES[case]
    work = tmp_path / "work"
    work.mkdir()
    source = make(work)
    before = listing(tmp_path)
    run = run_unprivileged if case == "no read permission" else run_cli
    result = run(*SOURCE_COMMANDS[command](str(source), tmp_path), cwd=tmp_path)

    lines = assert_clean_error(result, str(source))
    assert len(lines) == 1, lines
    assert words in lines[0], lines
    assert result.stdout == ""
    assert listing(tmp_path) == before  # no deck, no output folder, no temp file


@pytest.mark.parametrize("command", ["facts", "check"])
def test_a_file_name_with_a_newline_or_escape_is_still_one_plain_line(
    command: str, tmp_path: Path
) -> None:
    name = tmp_path / "two\nlines \x1b[2J.txt"
    result = run_cli(command, str(name))
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("Error: ") and "\x1b" not in line
    assert "two\\nlines \\x1b[2J.txt" in line


@pytest.mark.parametrize("option", ["--decks", "--output"])
def test_build_with_a_file_for_a_folder_writes_nothing(option: str, tmp_path: Path) -> None:
    source = tmp_path / "curie.txt"
    source.write_text(SOURCE_TEXT, encoding="utf-8")
    (tmp_path / "in-the-way").write_text("a file\n")
    folders = {"--decks": "decks", "--output": "output", option: "in-the-way"}
    before = listing(tmp_path)
    result = run_cli("build", str(source), *(x for kv in folders.items() for x in kv), cwd=tmp_path)
    assert len(assert_clean_error(result, "in-the-way")) == 1
    assert listing(tmp_path) == before


def test_an_html_page_with_a_control_character_reference_is_still_read(tmp_path: Path) -> None:
    from quizgen._sources import load_source

    sentence = "Marie Curie&#27; was born in Warsaw in 1867 and won the Nobel Prize in 1903."
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><head><title>Curie</title></head><body><article><p>{sentence * 5}</p>"
        f"<p>{sentence * 5}</p></article></body></html>",
        encoding="utf-8",
    )
    # Once "has no main text that quizgen can find in the HTML".
    assert load_source(page).text.startswith("Marie Curie was born in Warsaw in 1867")


def test_build_refuses_two_sources_that_would_share_a_deck(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    for path in ("curie.txt", "notes/curie.md"):
        (tmp_path / path).write_text(SOURCE_TEXT, encoding="utf-8")
    before = listing(tmp_path)
    result = run_cli("build", "curie.txt", "notes/curie.md", cwd=tmp_path)
    [line] = assert_clean_error(result, "notes/curie.md")
    assert "curie.txt and notes/curie.md would both make the deck curie.yaml" in line
    assert listing(tmp_path) == before


@pytest.mark.slow
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
    "choice without an answer": (
        HEAD + "  - {id: q-1, kind: date, type: choice, prompt: When?, choices: [a, b]}\n",
        4,
        "'answer' is missing",
    ),
    "27 choices": (
        HEAD + _q(type="choice", answer="c0", choices=f"[{', '.join(f'c{i}' for i in range(27))}]"),
        9,
        "at most 26",
    ),
    "blank answer": (HEAD + _q(answer="'   '"), 8, "'answer' is blank"),
    "blank alternative": (HEAD + _q(accept="['1999.', '']"), 9, "'accept' has a blank entry"),
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
    "set where text goes": ("quizgen: 1\ntitle: !!set {a, b}\nquestions: []\n", 2, "must be text"),
    "newer format": ("quizgen: 99\ntitle: Future\nquestions: []\n", 1, "newer"),
    "not a mapping": ("- just\n- a list\n", 1, "mapping"),
    "empty file": ("", None, "is empty"),
    "binary": (PNG, None, "binary"),
    "latin-1": ("quizgen: 1\ntitle: Café\nquestions: []\n".encode("latin-1"), 2, "UTF-8"),
    "utf-16 broken after bom": (b"\xff\xfeq\x00\x00\xd8", None, "UTF-16"),
}


def _run_deck_command(command: str, decks: list[Path], folder: Path):
    """Run `command` on `decks` with an output path (anki, pdf) or progress db (quiz, stats)."""
    paths = [str(d) for d in decks]
    if command == "check":
        return run_cli("check", *paths, cwd=folder, timeout=120)
    if command in ("anki", "pdf"):
        out = str(folder / f"out.{'apkg' if command == 'anki' else 'pdf'}")
        return run_cli(command, *paths, "-o", out, cwd=folder, timeout=120)
    db = str(folder / "progress.sqlite3")
    extra = ["--all"] if command == "quiz" else []
    return run_cli(command, *paths, "--db", db, *extra, input="1999\n" * 5, cwd=folder)


def _write_deck_file(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def progress_db(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A real progress database holding one review, as bytes to copy into each test."""
    from quizgen._quiz import Session, open_store

    folder = tmp_path_factory.mktemp("progress")
    db = folder / "progress.sqlite3"
    deck = make_sample_deck()
    with open_store(db) as store:
        session = Session([deck], store, now=lambda: datetime(2026, 3, 1, tzinfo=UTC))
        item = session.items[0]
        session.record(item, item.question.answer, session.check(item, item.question.answer))
    return db.read_bytes()


@pytest.mark.parametrize("case", list(BAD_DECKS))
def test_broken_deck_is_errors_naming_file_and_line(case: str, tmp_path: Path) -> None:
    content, line, words = BAD_DECKS[case]
    deck = _write_deck_file(tmp_path / "broken.yaml", content)
    before = listing(tmp_path)

    result = _run_deck_command("check", [deck], tmp_path)

    lines = assert_clean_error(result, str(deck), line)
    assert any(words in text for text in lines), lines
    assert result.stdout == ""
    assert listing(tmp_path) == before
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize("command", ["anki", "pdf", "quiz", "stats"])
def test_broken_decks_write_nothing(command: str, tmp_path: Path, progress_db: bytes) -> None:
    """Every broken deck at once (one run per command): each one's error, and no output."""
    decks = [
        _write_deck_file(tmp_path / f"broken-{i}.yaml", content)
        for i, (content, _, _) in enumerate(BAD_DECKS.values())
    ]
    (tmp_path / "progress.sqlite3").write_bytes(progress_db)
    before = listing(tmp_path)

    result = _run_deck_command(command, decks, tmp_path)

    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    assert all(text.startswith("Error: ") for text in lines), lines
    for deck, (_, line, words) in zip(decks, BAD_DECKS.values(), strict=True):
        mine = [text for text in lines if f"{deck}:" in text]
        assert any(words in text for text in mine), (deck.name, words, mine)
        if line is not None:
            assert any(f"{deck}:{line}:" in text for text in mine), (deck.name, line, mine)
    assert listing(tmp_path) == before  # no package, no PDF, the progress db unchanged


@pytest.mark.parametrize("command", ["check", "anki", "pdf", "quiz", "stats"])
def test_an_unreadable_deck_is_one_error(command: str, tmp_path: Path, sample_deck: Deck) -> None:
    deck = save_deck(sample_deck, tmp_path / "locked.yaml")
    deck.chmod(0)
    before = listing(tmp_path)
    args = {"check": [], "anki": ["-o", "out.apkg"], "pdf": ["-o", "out.pdf"]}.get(
        command, ["--db", "progress.sqlite3"]
    )
    result = run_unprivileged(command, "locked.yaml", *args, cwd=tmp_path, input="q\n")
    # Once click's own "Usage: ... path 'locked.yaml' is not readable" over four lines.
    assert assert_clean_error(result, "locked.yaml") == ["Error: locked.yaml: permission denied"]
    assert listing(tmp_path) == before


@pytest.mark.parametrize("kind", ["fifo", "device", "symlink loop"])
def test_a_deck_that_is_not_a_file_is_one_error(kind: str, tmp_path: Path) -> None:
    if kind == "fifo":
        deck = tmp_path / "pipe.yaml"
        os.mkfifo(deck)  # reading it would wait forever for a writer
    elif kind == "device":
        deck = Path("/dev/zero")  # reading it would never end
    else:
        deck = tmp_path / "loop.yaml"
        deck.symlink_to(deck)
    result = run_cli("check", str(deck), timeout=30)
    assert len(assert_clean_error(result, str(deck))) == 1


@pytest.mark.slow
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


@pytest.mark.slow
@pytest.mark.parametrize("command", ["anki", "pdf", "quiz", "stats"])
def test_too_many_entries_writes_nothing(command: str, tmp_path: Path, progress_db: bytes) -> None:
    # The count is checked before any entry is read, so empty entries make the same deck
    # error as real questions at a tenth of the parsing time.
    deck = tmp_path / "big.yaml"
    deck.write_text(HEAD + "  - {}\n" * (MAX_QUESTIONS + 1), encoding="utf-8")
    (tmp_path / "progress.sqlite3").write_bytes(progress_db)
    before = listing(tmp_path)
    result = _run_deck_command(command, [deck], tmp_path)
    lines = assert_clean_error(result, str(deck), 3)
    assert len(lines) == 1 and "at most" in lines[0]
    assert listing(tmp_path) == before


def test_a_choice_without_an_answer_is_one_problem() -> None:
    text = HEAD + "  - {id: q-1, kind: date, type: choice, prompt: When?, choices: [a, b]}\n"
    with pytest.raises(DeckError) as raised:
        loads_deck(text, "d.yaml")
    # Once also "'choices' only go with type choice, not choice".
    assert raised.value.lines() == ["d.yaml:4: questions[0] (q-1): 'answer' is missing"]


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


_YAML_BITS = [*":-[]{}&*!|>'\"#%@`,?\t\n 0aZ\\~.", "\x85", "\u2028", "\ufeff", "\x00"]


@st.composite
def _damaged_decks(draw: st.DrawFn) -> str:
    """The sample deck's YAML with a few pieces cut, inserted or repeated."""
    text = dump_deck(make_sample_deck())
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 60)))
        op = draw(st.sampled_from(["cut", "insert", "repeat"]))
        if op == "cut":
            text = text[:i] + text[j:]
        elif op == "insert":
            bits = draw(st.text(st.sampled_from(_YAML_BITS), min_size=1, max_size=5))
            text = text[:i] + bits + text[i:]
        else:
            text = text[:j] + text[i:j] + text[j:]
    return text


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(text=st.one_of(_damaged_decks(), st.text()))
def test_any_text_is_a_deck_or_deck_errors_naming_the_file(text: str) -> None:
    try:
        loads_deck(text, "d.yaml")
    except DeckError as exc:
        assert all(line.startswith("d.yaml") and "\n" not in line for line in exc.lines())


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_a_deck_saved_with_a_byte_order_mark_loads(
    encoding: str, tmp_path: Path, sample_deck: Deck
) -> None:
    deck = tmp_path / "windows.yaml"
    deck.write_bytes(dump_deck(sample_deck).encode(encoding))
    assert load_deck(deck) == sample_deck


# --- outputs that cannot be written ------------------------------------------------------------


@pytest.mark.parametrize("command", ["anki", "pdf"])
@pytest.mark.parametrize("where", ["a folder", "under a file", "a fifo"])
def test_an_output_path_that_cannot_be_a_file_is_one_error(
    command: str, where: str, tmp_path: Path, sample_deck: Deck
) -> None:
    deck = save_deck(sample_deck, tmp_path / "deck.yaml")
    if where == "a folder":
        out = tmp_path / f"out.{command}"
        out.mkdir()
        named = out
    elif where == "under a file":
        (tmp_path / "notes").write_text("a file, not a folder\n")
        named = tmp_path / "notes"
        out = named / "sub" / f"out.{command}"
    else:
        out = tmp_path / f"pipe.{'apkg' if command == 'anki' else 'pdf'}"
        os.mkfifo(out)  # renaming over it would turn it into a plain file
        named = out
    before = listing(tmp_path)
    result = run_cli(command, str(deck), "-o", str(out), cwd=tmp_path)
    assert len(assert_clean_error(result, str(named))) == 1
    assert listing(tmp_path) == before
    if where == "a fifo":
        assert out.is_fifo()


@pytest.mark.parametrize("command", ["anki", "pdf", "quiz"])
def test_an_output_that_is_the_deck_itself_leaves_the_deck(
    command: str, tmp_path: Path, sample_deck: Deck
) -> None:
    deck = save_deck(sample_deck, tmp_path / "deck.yaml")
    (tmp_path / "link.yaml").symlink_to(deck)
    before = listing(tmp_path)
    for out in ("deck.yaml", "./deck.yaml", "link.yaml"):
        option = "--db" if command == "quiz" else "-o"
        result = run_cli(command, "deck.yaml", option, out, cwd=tmp_path, input="q\n")
        assert len(assert_clean_error(result, str(Path(out)))) == 1
        assert listing(tmp_path) == before  # the deck, with every edit, as it was


# --- progress databases and answers ----------------------------------------------------------


def _sqlite(path: Path, *statements: str) -> None:
    import sqlite3

    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


BAD_DBS: dict[str, Callable[[Path], None]] = {
    "a folder": lambda p: p.mkdir(),
    "a fifo": lambda p: os.mkfifo(p),  # SQLite would put p-journal beside it
    "random bytes": lambda p: p.write_bytes(bytes(range(256)) * 20),
    "text": lambda p: p.write_text("not a database\n"),
    # Once switched to WAL mode before being refused.
    "another app's database": lambda p: _sqlite(p, "CREATE TABLE notes (body TEXT)"),
    "a newer quizgen's database": lambda p: _sqlite(p, "PRAGMA user_version = 99"),
}


@pytest.mark.parametrize("case", list(BAD_DBS))
def test_a_progress_db_that_is_not_ours_is_one_error_and_untouched(
    case: str, tmp_path: Path, sample_deck: Deck
) -> None:
    deck = save_deck(sample_deck, tmp_path / "deck.yaml")
    db = tmp_path / "progress.sqlite3"
    BAD_DBS[case](db)
    before = listing(tmp_path)
    result = run_cli("quiz", str(deck), "--db", str(db), "--all", input="1979\n", timeout=60)
    assert len(assert_clean_error(result, str(db))) == 1
    assert listing(tmp_path) == before


def test_a_read_only_progress_db_is_refused_before_the_first_question(
    tmp_path: Path, sample_deck: Deck, progress_db: bytes
) -> None:
    save_deck(sample_deck, tmp_path / "deck.yaml")
    db = tmp_path / "progress.sqlite3"
    db.write_bytes(progress_db)
    db.chmod(0o444)
    result = run_unprivileged(
        "quiz", "deck.yaml", "--db", db.name, "--all", input="b\nPutin\n", cwd=tmp_path
    )
    [line] = assert_clean_error(result, db.name)
    assert "cannot be saved" in line
    assert "Question" not in result.stdout  # not found out only after an answer
    assert db.read_bytes() == progress_db


def test_answers_that_are_not_utf8_are_recorded_not_a_crash(
    tmp_path: Path, sample_deck: Deck
) -> None:
    import sqlite3
    import subprocess
    import sys

    from conftest import ROOT

    deck = save_deck(sample_deck, tmp_path / "deck.yaml")
    db = tmp_path / "p.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "quizgen", "quiz", str(deck), "--db", str(db), "--all"],
        input=b"\xff\xfe bad\n\xed\xa0\x80\nq\n",  # cp1252 bytes, then an encoded surrogate
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in result.stderr
    conn = sqlite3.connect(db)
    try:
        responses = [r for (r,) in conn.execute("SELECT response FROM reviews ORDER BY id")]
    finally:
        conn.close()
    assert len(responses) == 2 and all("\ufffd" in r for r in responses), responses


# --- bad templates files ---------------------------------------------------------------------


def _fifo(path: Path) -> None:
    os.mkfifo(path)


@pytest.mark.parametrize(
    ("case", "make"),
    [
        ("a pipe", _fifo),
        ("a folder", lambda p: p.mkdir()),
        ("not UTF-8", lambda p: p.write_bytes(b"templates:\n  - id: caf\xe9\n")),
        ("a positional field", lambda p: p.write_text(TEMPLATE.format(prompt="Who {} was?"))),
        ("an attribute", lambda p: p.write_text(TEMPLATE.format(prompt="{answer.upper}?"))),
        ("a YAML error", lambda p: p.write_text("templates: [\n")),
    ],
)
def test_a_bad_templates_file_is_one_error_and_nothing_written(
    case: str, make: Callable[[Path], None], tmp_path: Path
) -> None:
    source = tmp_path / "curie.txt"
    source.write_text(SOURCE_TEXT, encoding="utf-8")
    templates = tmp_path / "t.yaml"
    make(templates)
    before = listing(tmp_path)
    result = run_cli(
        "generate", str(source), "--templates", str(templates), cwd=tmp_path, timeout=60
    )
    assert_clean_error(result, str(templates))
    assert listing(tmp_path) == before


TEMPLATE = "templates:\n  - id: mine\n    kind: actor\n    types: [short]\n    prompt: '{prompt}'\n"
