"""Build manifests: a deck whose inputs and files are as the last build left them is not
built again.

    manifests = Manifests(cache_folder / "builds")
    key = manifests.key(["sources/a.txt", source_bytes, repr(options), ...])
    done = manifests.unchanged(deck_path, key)   # None: build it; else what it wrote
    ...build...
    manifests.record(deck_path, key, outputs, Summary(vanished=[], deleted=[]))

A warm build of an unchanged 20-source folder still generated, merged and rendered ~22,700
questions (3.8x faster than the first build, not 10x): the Facts cache saves the parse,
not the rest. A manifest records, per deck, a key of everything the build read (the
caller's: sources' bytes, options, templates, model, quizgen's code) and the SHA-256 of
the deck and of every output it wrote. The deck is skipped only when the key matches
and every one of those files still has its recorded hash: an edit to the deck, a
deleted or replaced output, a changed option or template builds it again.

Manifests are small JSON files named by a hash of the deck's absolute path; a missing,
unreadable or foreign one is a miss, and one that cannot be written is skipped: they only
ever save time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from quizgen._atomic import atomic_path

__all__ = ["Manifests", "Summary", "code_hash", "file_hash"]

_FORMAT = 1  # bump when the manifest layout changes


@dataclass(frozen=True)
class Summary:
    """What the CLI reports about a deck it did not rebuild (as the last build said)."""

    vanished: Sequence[str] = field(default_factory=tuple)  # question ids
    deleted: Sequence[str] = field(default_factory=tuple)


@dataclass(frozen=True)
class Unchanged:
    """A deck found as the last build left it: its outputs (in order) and summary."""

    outputs: list[Path]
    summary: Summary


@dataclass(frozen=True)
class Manifests:
    """The manifests in `folder`, one per deck file."""

    folder: Path

    @staticmethod
    def key(parts: Iterable[str | bytes]) -> str:
        """A SHA-256 over `parts`, each kept apart from the next (so 'ab','c' != 'a','bc')."""
        h = hashlib.sha256(str(_FORMAT).encode())
        for part in parts:
            data = part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass")
            h.update(len(data).to_bytes(8, "big") + data)
        return h.hexdigest()

    def _path(self, deck_path: Path) -> Path:
        name = hashlib.sha256(str(deck_path.resolve()).encode("utf-8", "surrogatepass"))
        return self.folder / f"{name.hexdigest()}.json"

    def unchanged(self, deck_path: Path, key: str) -> Unchanged | None:
        """What the last build of `deck_path` wrote, when its key was `key` and the deck and
        every output still hold the bytes it wrote; else None (build it)."""
        try:
            data = json.loads(self._path(deck_path).read_text(encoding="utf-8"))
            if data.get("key") != key or data.get("deck") != file_hash(deck_path):
                return None
            outputs = [Path(p) for p, _ in data["outputs"]]
            if any(file_hash(p) != h for p, h in data["outputs"]):
                return None
            s = data["summary"]
            summary = Summary(tuple(map(str, s["vanished"])), tuple(map(str, s["deleted"])))
        except Exception:  # missing, damaged or foreign: a miss, never a crash
            return None
        return Unchanged(outputs, summary)

    def record(self, deck_path: Path, key: str, outputs: Sequence[Path], summary: Summary) -> None:
        """Note that `deck_path` and `outputs` were built from `key`; failures are ignored."""
        try:
            data = {
                "key": key,
                "deck": file_hash(deck_path),
                "outputs": [[str(p), file_hash(p)] for p in outputs],
                "summary": {"vanished": list(summary.vanished), "deleted": list(summary.deleted)},
            }
            path = self._path(deck_path)
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            with atomic_path(path) as tmp:
                tmp.write_text(json.dumps(data), encoding="utf-8")
        except OSError:
            return

    def forget(self, deck_path: Path) -> None:
        """Drop the manifest of `deck_path` (before it is rebuilt: a build that fails half
        way must not leave a manifest that vouches for the old files)."""
        with contextlib.suppress(OSError):
            self._path(deck_path).unlink()


def file_hash(path: str | os.PathLike[str]) -> str:
    """The SHA-256 of a file's bytes. Raises OSError when it cannot be read."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_hash() -> str:
    """A hash of quizgen's code and data files: in a checkout the version stays the same
    while the rules change, and a changed rule must rebuild."""
    here = Path(__file__).parent
    h = hashlib.sha256()
    for path in sorted(p for p in here.rglob("*") if p.is_file() and p.suffix != ".pyc"):
        h.update(str(path.relative_to(here)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()
