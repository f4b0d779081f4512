"""Reading lists: files and folders given on the command line -> the sources they name.

    find_sources(["sources/", "extra/notes.md"])
    # [SourceFile(path=sources/unit1/intro.txt, name=unit1/intro), ..., (extra/notes.md, notes)]

A folder is read recursively, in sorted order, for every ending `load_source` reads; its
files are named by their path below the folder without the ending, so that
`sources/unit1/intro.txt` makes the deck `decks/unit1/intro.yaml`. A file given one by
one is named by its stem. Two sources of one name would make one deck and silently
merge: `find_sources` refuses them, naming both.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from quizgen._errors import SourceError

__all__ = ["SourceFile", "find_sources"]

# The endings a folder is searched for; a file given by name may have any ending.
_TEXT = (".txt", ".text")
_MARKDOWN = (".md", ".markdown", ".mdown", ".mkd")
_HTML = (".html", ".htm", ".xhtml")
_PDF = (".pdf",)


@dataclass(frozen=True)
class SourceFile:
    """One source to read: `path` as found, `name` the deck it makes (a POSIX path, no suffix)."""

    path: Path
    name: str


def find_sources(
    paths: Sequence[str | os.PathLike[str]], *, distinct: bool = True
) -> list[SourceFile]:
    """Every source named by `paths` (files, and folders searched recursively), in order.

    Hidden files and folders (a leading '.') are skipped. Raises SourceError when a
    folder holds no source, or (when `distinct`, for one deck per source) when two
    sources would make the same deck, naming both.
    A missing file is passed on as it is, for `load_source` to report.
    """
    found: list[SourceFile] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            inside = _walk(path)
            if not inside:
                raise SourceError(
                    f"{path}: is a directory with no source in it ({', '.join(_TEXT + _MARKDOWN + _HTML + _PDF)})"
                )
            found.extend(inside)
        else:
            found.append(SourceFile(path, path.stem))
    if distinct:
        _check_distinct(found)
    return found


def _walk(folder: Path) -> list[SourceFile]:
    suffixes = {*_TEXT, *_MARKDOWN, *_HTML, *_PDF}
    out = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # walk in a stable order
        for name in sorted(files):
            path = Path(root) / name
            if name.startswith(".") or path.suffix.lower() not in suffixes:
                continue
            rel = PurePosixPath(*path.relative_to(folder).parts)
            out.append(SourceFile(path, str(rel.with_suffix(""))))
    return out


def _check_distinct(found: Sequence[SourceFile]) -> None:
    """The same file given twice is read once (the caller may keep both); two files of
    one name are an error: the second was merged into the first's deck, which then
    reported the first's questions as gone, and its outputs replaced the first's."""
    seen: dict[str, Path] = {}
    for source in found:
        first = seen.setdefault(source.name, source.path)
        if first is not source.path and not _same_file(first, source.path):
            raise SourceError(
                f"{first} and {source.path} would both make the deck {source.name}.yaml; "
                "rename one, or give --one-deck NAME to make one deck of all sources"
            )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a == b
