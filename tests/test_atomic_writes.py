"""Atomic writes: a failure in the middle of writing a deck, an Anki package or a PDF
leaves the previous file as it was and no temporary file behind."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import listing
from quizgen._atomic import write_text_atomic
from quizgen._deck import Deck, load_deck, save_deck
from quizgen._render import render
from quizgen._render.anki import AnkiOptions
from quizgen._render.pdf import PdfOptions


def _write_deck(deck: Deck, path: Path) -> None:
    save_deck(deck, path)


def _write_anki(deck: Deck, path: Path) -> None:
    render("anki", [deck], path, AnkiOptions(timestamp=1_700_000_000))


def _write_pdf(deck: Deck, path: Path) -> None:
    render("pdf", [deck], path, PdfOptions(key="separate"))


WRITERS = {"deck.yaml": _write_deck, "deck.apkg": _write_anki, "deck.pdf": _write_pdf}


def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every write stops half-way with ENOSPC, after atomic_path made its temp file."""

    def half_then_fail(path: Path, data: bytes) -> None:
        with open(path, "wb") as f:
            f.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    def package_half_then_fail(decks: object, path: Path, *_: object) -> None:
        half_then_fail(path, b"PK\x03\x04" * 100)

    import quizgen._render.anki

    monkeypatch.setattr(Path, "write_bytes", half_then_fail)
    monkeypatch.setattr(quizgen._render.anki, "write_package", package_half_then_fail)


def _fail_at(name: str) -> Callable[[pytest.MonkeyPatch], None]:
    def inject(monkeypatch: pytest.MonkeyPatch) -> None:
        def fail(first: object, *args: object, **kwargs: object) -> None:
            # As the real call would, name its first argument when it is a path (the temp file).
            filename = None if isinstance(first, int) else os.fspath(first)  # type: ignore[arg-type]
            raise OSError(errno.EIO, f"injected failure in os.{name}", filename)

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
        with pytest.raises(OSError) as raised:
            write(changed, tmp_path / target)

    # The message names the file the user asked for, not our temporary file.
    assert ".tmp" not in str(raised.value)
    assert listing(tmp_path) == before
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    write(changed, tmp_path / target)  # and the next try, with the disk fixed, works
    assert listing(tmp_path) != before


def test_a_sheet_and_its_key_are_replaced_together(
    tmp_path: Path, sample_deck: Deck, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure writing the key must not leave a new sheet beside the old key."""
    _write_pdf(sample_deck, tmp_path / "deck.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck-key.pdf", "deck.pdf"]
    before = listing(tmp_path)
    real_write = Path.write_bytes
    calls: list[Path] = []

    def second_fails(path: Path, data: bytes) -> int:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real_write(path, data)

    changed = replace(sample_deck, title="A changed deck")
    with monkeypatch.context() as patch:
        patch.setattr(Path, "write_bytes", second_fails)
        with pytest.raises(OSError):
            _write_pdf(changed, tmp_path / "deck.pdf")
    assert len(calls) == 2
    assert listing(tmp_path) == before


def test_a_package_whose_note_manifest_cannot_be_written_is_not_replaced(
    tmp_path: Path, sample_deck: Deck
) -> None:
    apkg = tmp_path / "deck.apkg"
    _write_anki(sample_deck, apkg)
    manifest = tmp_path / "deck.apkg.notes.json"
    manifest.unlink()
    manifest.mkdir()  # in the way of the manifest
    before = listing(tmp_path)
    with pytest.raises(OSError):
        _write_anki(replace(sample_deck, title="A changed deck"), apkg)
    assert listing(tmp_path) == before


def test_a_failed_first_write_leaves_nothing(
    tmp_path: Path, sample_deck: Deck, monkeypatch: pytest.MonkeyPatch
) -> None:
    for target, write in WRITERS.items():
        with monkeypatch.context() as patch:
            _fail_at("replace")(patch)
            with pytest.raises(OSError):
                write(sample_deck, tmp_path / target)
    assert list(tmp_path.iterdir()) == []


def test_writing_through_a_symlink_keeps_the_link(tmp_path: Path, sample_deck: Deck) -> None:
    real = save_deck(sample_deck, tmp_path / "real.yaml")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    changed = replace(sample_deck, title="Changed through the link")
    save_deck(changed, link)
    assert link.is_symlink()
    assert load_deck(real).title == "Changed through the link"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.yaml", "real.yaml"]


@pytest.mark.parametrize("target", list(WRITERS))
def test_a_file_keeps_its_mode(target: str, tmp_path: Path, sample_deck: Deck) -> None:
    """A deck saved 0600 (kept private) stayed private only until the next save: then 0644."""
    path = tmp_path / target
    WRITERS[target](sample_deck, path)
    path.chmod(0o600)
    WRITERS[target](replace(sample_deck, title="Changed"), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_new_file_gets_the_mode_open_gives_and_the_umask_is_never_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Setting the umask to read it applies to every thread of the process for that moment.
    old = os.umask(0o027)
    try:
        with monkeypatch.context() as patch:
            patch.setattr(os, "umask", _never_called("os.umask"))
            write_text_atomic(tmp_path / "new.txt", "text")
        (tmp_path / "plain.txt").write_text("text")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640
    assert (tmp_path / "plain.txt").stat().st_mode == (tmp_path / "new.txt").stat().st_mode


def test_the_folder_is_synced_after_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without it a power cut can lose the rename: the old file comes back."""
    real_fsync, real_replace = os.fsync, os.replace
    events: list[str] = []

    def fsync(fd: int) -> None:
        events.append("fsync folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync file")
        real_fsync(fd)

    def rename(src: str, dst: str) -> None:
        events.append("rename")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", rename)
    write_text_atomic(tmp_path / "deck.yaml", "title: t\n")
    assert events == ["fsync file", "rename", "fsync folder"]


def _never_called(name: str) -> Callable[..., None]:
    def fail(*_: object) -> None:
        raise AssertionError(f"{name} was called")

    return fail
