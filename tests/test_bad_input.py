"""Bad input, through the real CLI: every user mistake is one clean error and nothing written.

Each bad source and each broken deck is run through every command that reads it. The
rule checked is the same everywhere: exit code 2, every stderr line an `Error: ...` line
naming the file, no traceback, and no file left behind (no deck, no package, no PDF, no
temp file, no change to the progress database). Then: atomic writes survive a failure in
the middle of writing, merging a fresh generation never loses a person's edits, markup and
terminal escapes in a deck stay text, and random Unicode decks round-trip and render.
"""

from __future__ import annotations

import errno
import hashlib
import os
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import make_sample_deck, run_cli
from quizgen.deck import (
    BLANK,
    MAX_QUESTIONS,
    Deck,
    Question,
    SourceRef,
    dump_deck,
    load_deck,
    loads_deck,
    merge_decks,
    save_deck,
)
from quizgen.render import RenderOptions, render
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
    "set where text goes": ("quizgen: 1\ntitle: !!set {a, b}\nquestions: []\n", 2, "must be text"),
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


# --- atomic writes ---------------------------------------------------------------------------


def _write_deck(deck: Deck, path: Path) -> None:
    save_deck(deck, path)


def _write_anki(deck: Deck, path: Path) -> None:
    render("anki", [deck], path, RenderOptions(extra={"timestamp": 1_700_000_000}))


def _write_pdf(deck: Deck, path: Path) -> None:
    render("pdf", [deck], path, RenderOptions(extra={"key": "separate"}))


WRITERS = {"deck.yaml": _write_deck, "deck.apkg": _write_anki, "deck.pdf": _write_pdf}


def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every write stops half-way with ENOSPC, after atomic_path made its temp file."""

    def half_then_fail(path: Path, data: bytes) -> None:
        with open(path, "wb") as f:
            f.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    def package_half_then_fail(decks: object, path: Path, *_: object) -> None:
        half_then_fail(path, b"PK\x03\x04" * 100)

    import quizgen.render.anki

    monkeypatch.setattr(Path, "write_bytes", half_then_fail)
    monkeypatch.setattr(quizgen.render.anki, "write_package", package_half_then_fail)


def _fail_at(name: str) -> Callable[[pytest.MonkeyPatch], None]:
    def inject(monkeypatch: pytest.MonkeyPatch) -> None:
        def fail(*args: object, **kwargs: object) -> None:
            raise OSError(errno.EIO, f"injected failure in os.{name}")

        monkeypatch.setattr(os, name, fail)

    return inject


FAILURES = {
    "disk full mid-write": _disk_full,
    "fsync": _fail_at("fsync"),
    "rename": _fail_at("replace"),
}


@pytest.mark.parametrize("failure", list(FAILURES))
@pytest.mark.parametrize("target", list(WRITERS))
def test_a_failed_write_leaves_the_previous_file_and_no_temp_file(
    target: str, failure: str, tmp_path: Path, sample_deck: Deck, monkeypatch: pytest.MonkeyPatch
) -> None:
    write = WRITERS[target]
    write(sample_deck, tmp_path / target)
    before = listing(tmp_path)
    assert tmp_path / target in [tmp_path / name for name in before]

    changed = replace(sample_deck, title="A changed deck")
    changed.questions[0].prompt = "An edited prompt?"
    with monkeypatch.context() as patch:
        FAILURES[failure](patch)
        with pytest.raises(OSError):
            write(changed, tmp_path / target)

    assert listing(tmp_path) == before
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    write(changed, tmp_path / target)  # and the next try, with the disk fixed, works
    assert listing(tmp_path) != before


def test_a_failed_first_write_leaves_nothing(
    tmp_path: Path, sample_deck: Deck, monkeypatch: pytest.MonkeyPatch
) -> None:
    for target, write in WRITERS.items():
        with monkeypatch.context() as patch:
            _fail_at("replace")(patch)
            with pytest.raises(OSError):
                write(sample_deck, tmp_path / target)
    assert list(tmp_path.iterdir()) == []


# --- a person's edits are never lost -----------------------------------------------------------


def _generated(ids: list[int]) -> Deck:
    """A deck as `generate` makes it: questions from templates, one per fact number."""
    return Deck(
        title="Generated",
        deck_id=42,
        sources=[SourceRef(path="src.txt", title="Source")],
        questions=[
            Question(
                id=f"q-{n:08x}",
                kind="date",
                type="short",
                prompt=f"When did event {n} happen?",
                answer=str(1900 + n),
                context=f"Event {n} happened in {1900 + n}.",
                source="src.txt",
                template="date-event",
                tags=["date"],
            )
            for n in ids
        ],
    )


TEXT = st.text(min_size=1, max_size=40).filter(lambda t: t.strip() == t and t)
EDITS = st.one_of(
    st.tuples(st.just("keep"), st.none()),
    st.tuples(st.just("prompt"), TEXT),
    st.tuples(st.just("answer"), TEXT),
    st.tuples(st.just("status"), st.sampled_from(["new", "approved", "rejected"])),
    st.tuples(st.just("delete"), st.none()),
)


@settings(max_examples=60, deadline=None)
@given(
    first=st.sets(st.integers(0, 30), min_size=1, max_size=12),
    second=st.sets(st.integers(0, 30), max_size=12),
    edits=st.lists(EDITS, min_size=12, max_size=12),
    added=st.lists(st.tuples(TEXT, TEXT), max_size=3),
)
def test_merge_keeps_every_edit(first, second, edits, added) -> None:
    existing = _generated(sorted(first))
    kept: list[Question] = []
    for q, (op, value) in zip(existing.questions, edits, strict=False):
        if op == "delete":
            continue
        if op in ("prompt", "answer", "status"):
            setattr(q, op, value)
        kept.append(q)
    for i, (prompt, answer) in enumerate(added):
        kept.append(Question(f"mine-{i}", "actor", "short", prompt, answer, template="manual"))
    existing.questions = kept
    snapshot = loads_deck(dump_deck(existing))
    fresh = _generated(sorted(second))

    merged, report = merge_decks(existing, fresh)

    # Everything the person has, exactly as they left it, in their order, first.
    assert merged.questions[: len(kept)] == snapshot.questions
    # Then only the fresh questions whose id the deck does not hold, as generated.
    known = {q.id for q in kept}
    assert merged.questions[len(kept) :] == [q for q in fresh.questions if q.id not in known]
    assert len({q.id for q in merged.questions}) == len(merged.questions)
    assert (merged.title, merged.deck_id) == (existing.title, existing.deck_id)
    assert set(report.kept) == known & {q.id for q in fresh.questions}
    assert set(report.vanished) == {
        q.id for q in kept if q.template != "manual" and q.id not in set(report.kept)
    }
    # The merged deck is a valid deck that survives a save and a load.
    assert loads_deck(dump_deck(merged)) == merged


SOURCE_FOR_EDITS = (
    "Marie Curie was born in Warsaw in 1867. She moved to Paris in 1891 to study at the "
    "University of Paris. In 1903 she shared the Nobel Prize in Physics with Pierre Curie "
    "and Henri Becquerel. The Radium Institute opened in 1914.\n"
)


def test_cli_generate_again_keeps_edits_and_rejections(tmp_path: Path) -> None:
    source = tmp_path / "curie.txt"
    source.write_text(SOURCE_FOR_EDITS, encoding="utf-8")
    deck_path = tmp_path / "curie.yaml"
    first = run_cli("generate", str(source), "-o", str(deck_path), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    deck = load_deck(deck_path)
    assert len(deck.questions) >= 2
    ids = [q.id for q in deck.questions]
    edited, rejected = deck.questions[0], deck.questions[1]
    edited.prompt = "My own wording of this question?" + (
        f" {BLANK}" if edited.type == "cloze" else ""
    )
    edited.accept = [*edited.accept, "my alias"]
    rejected.status = "rejected"
    save_deck(deck, deck_path)

    again = run_cli("generate", str(source), "-o", str(deck_path), cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    after = load_deck(deck_path)
    assert [q.id for q in after.questions] == ids
    assert after.questions == deck.questions
    by_id = {q.id: q for q in after.questions}
    assert by_id[edited.id].prompt.startswith("My own wording of this question?")
    assert "my alias" in by_id[edited.id].accept
    assert by_id[rejected.id].status == "rejected"
    assert f"0 new, {len(ids)} kept" in again.stderr


# --- markup and escapes in a deck stay text ----------------------------------------------------

HOSTILE = [
    "<script>alert('x')</script>",
    "Tom & Jerry &amp; co",
    "\x1b[2Jcleared",
    "<b>bold</b>",
    '<font color="red" size="40">big</font>',
    "\x1b]0;title\x07osc",
]


def _hostile_deck() -> Deck:
    questions = []
    for i, text in enumerate(HOSTILE):
        questions.append(
            Question(
                id=f"q-h{i}",
                kind="actor",
                type="short",
                prompt=f"Who wrote {text}?",
                answer=f"Writer {i} {text}",
                context=f"The text {text} was written by Writer {i}.",
                source="h.txt",
            )
        )
    questions.append(
        Question(
            id="q-hc",
            kind="organization",
            type="choice",
            prompt="Which <i>group</i> & which?",
            answer="<b>B</b>",
            choices=["<b>B</b>", "A & C", "\x1b[31mred"],
            source="h.txt",
        )
    )
    return Deck(
        title="Hostile <script> & \x1b[2J <font>",
        deck_id=777,
        sources=[SourceRef(path="h.txt", title="<b>Source</b> & more", url="javascript:alert(1)")],
        questions=questions,
    )


def test_markup_in_a_deck_is_escaped_in_anki_notes(tmp_path: Path) -> None:
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    apkg = tmp_path / "h.apkg"
    _write_anki(_hostile_deck(), apkg)
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        request = ImportAnkiPackageRequest(
            package_path=str(apkg), options=ImportAnkiPackageOptions()
        )
        col.import_anki_package(request)
        fields = [f for nid in col.find_notes("") for f in col.get_note(nid).fields]
        deck_names = [d.name for d in col.decks.all_names_and_ids()]
    finally:
        col.close()
    joined = "\n".join(fields)
    assert len(fields) > len(HOSTILE)
    for tag in ("<script", "<b>", "<font", "<i>", "javascript:"):
        assert tag not in joined, tag
    for escaped in (
        "&lt;script&gt;",
        "&lt;b&gt;bold&lt;/b&gt;",
        "&lt;font color=",
        "Tom &amp; Jerry",
    ):
        assert escaped in joined, escaped
    assert any(name.startswith("Hostile") for name in deck_names)


def test_markup_in_a_deck_prints_literally_in_the_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader

    pdf = tmp_path / "h.pdf"
    render("pdf", [_hostile_deck()], pdf, RenderOptions())
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    for literal in ("<script>alert('x')</script>", "Tom & Jerry &amp; co", "<b>bold</b>"):
        assert literal in text, literal
    assert '<font color="red" size="40">big</font>' in text
    assert "\x1b" not in text and "\x07" not in text


def test_escapes_in_a_deck_never_reach_the_terminal(tmp_path: Path) -> None:
    deck = save_deck(_hostile_deck(), tmp_path / "h.yaml")
    answers = "".join(f"Writer {i}\n" for i in range(len(HOSTILE))) + "a\n"
    result = run_cli("quiz", str(deck), "--db", str(tmp_path / "p.sqlite3"), "--all", input=answers)
    assert result.returncode == 0, result.stderr
    for out in (result.stdout, result.stderr):
        assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "<script>alert('x')</script>" in result.stdout
    assert "Tom & Jerry &amp; co" in result.stdout
    assert "[2J" not in result.stdout


# --- random Unicode decks ----------------------------------------------------------------------

ANY_TEXT = st.text(min_size=1, max_size=60)
SOME_TEXT = st.text(max_size=60)


@st.composite
def questions(draw: st.DrawFn, i: int) -> Question:
    qtype = draw(st.sampled_from(["short", "cloze", "choice", "truefalse"]))
    prompt = draw(ANY_TEXT)
    answer = draw(ANY_TEXT)
    choices: list[str] = []
    if qtype == "cloze":
        prompt = f"{prompt} {BLANK} {draw(SOME_TEXT)}"
    elif qtype == "truefalse":
        answer = draw(st.sampled_from(["true", "false"]))
    elif qtype == "choice":
        others = draw(st.lists(ANY_TEXT, min_size=1, max_size=4))
        for c in [answer, *others]:
            if c.casefold() not in {x.casefold() for x in choices}:
                choices.append(c)
        if len(choices) < 2:
            choices.append(answer + "\u2009x" if "x" not in answer else answer + "y")
        choices = draw(st.permutations(choices))
    return Question(
        id=f"q-{i}-{draw(st.text(min_size=1, max_size=8))}",
        kind=draw(st.sampled_from(["date", "actor", "organization"])),
        type=qtype,
        prompt=prompt,
        answer=answer,
        accept=draw(st.lists(ANY_TEXT, max_size=3)),
        choices=choices,
        context=draw(SOME_TEXT),
        source=draw(SOME_TEXT),
        template=draw(ANY_TEXT),
        tags=draw(st.lists(ANY_TEXT, max_size=3)),
        status=draw(st.sampled_from(["new", "approved"])),
    )


@st.composite
def decks(draw: st.DrawFn) -> Deck:
    count = draw(st.integers(1, 5))
    return Deck(
        title=draw(ANY_TEXT),
        deck_id=draw(st.one_of(st.none(), st.integers(1, (1 << 63) - 1))),
        sources=[
            SourceRef(
                path=draw(ANY_TEXT),
                title=draw(st.one_of(st.none(), ANY_TEXT)),
                url=draw(st.one_of(st.none(), ANY_TEXT)),
            )
        ],
        questions=[draw(questions(i)) for i in range(count)],
    )


@pytest.mark.parametrize(
    "title",
    [
        "A title\n- id: q-1\nover lines",  # once given a blank line by dump_deck
        "next\x85line",  # NEL: PyYAML writes it raw, where a reader folds it
        "ends with NEL\x85\n",
    ],
)
def test_titles_that_once_broke_the_round_trip(title: str, sample_deck: Deck) -> None:
    deck = replace(sample_deck, title=title)
    deck.questions[0].context = title
    assert loads_deck(dump_deck(deck)) == deck


@settings(max_examples=150, deadline=None)
@given(deck=decks())
def test_any_valid_deck_round_trips_exactly(deck: Deck) -> None:
    text = dump_deck(deck)
    assert loads_deck(text) == deck
    assert dump_deck(loads_deck(text)) == text


@settings(max_examples=25, deadline=None)
@given(deck=decks(), response=st.text(max_size=40))
def test_renderers_and_checker_never_raise_on_any_text(deck: Deck, response: str) -> None:
    import tempfile
    import warnings

    from quizgen.quiz.check import answer_label, check_answer, hint
    from quizgen.quiz.terminal import clean

    others = [q.answer for q in deck.questions]
    for q in deck.questions:
        check_answer(q, response, others)
        check_answer(q, q.answer, others)
        for level in (1, 2):
            hint(q, level)
        assert "\x1b" not in clean(answer_label(q) + q.prompt)
    with tempfile.TemporaryDirectory() as folder, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a glyph the font lacks is a warning, not a failure
        written = render("pdf", [deck], Path(folder) / "x.pdf", RenderOptions())
        assert all(p.stat().st_size > 0 for p in written)
