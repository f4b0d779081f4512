"""Reading source texts: .txt/.md (front matter), .html, .pdf, .docx, .odt, .epub, .rtf -> Source.

    source = load_source("sources/article.txt")
    source.title, source.published, source.text

Every problem a user can fix (missing, empty, binary, mis-encoded, too large) is a
SourceError whose one-line message names the file, and so is a file that is no source
(a quizgen deck, an Anki package, a worksheet quizgen printed, a format it does not read).
trafilatura, pypdf, python-docx, ebooklib, odfpy, striprtf and charset-normalizer are
imported only when a file needs them; a missing one is an error naming the package.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from quizgen._errors import SourceError

if TYPE_CHECKING:  # pragma: no cover
    from quizgen._sources._text import Meta

    _Loaded = tuple[Meta, str | None, str]  # metadata, headline taken from the body, body

__all__ = ["MAX_SOURCE_BYTES", "Source", "load_source"]

MAX_SOURCE_BYTES = 20 * 1024 * 1024
"""The largest source file quizgen reads (20 MB): a book is ~1 MB of text."""

_MARKDOWN = {".md", ".markdown", ".mdown", ".mkd"}
_HTML = {".html", ".htm", ".xhtml"}
_PDF = {".pdf"}
_RTF = {".rtf"}
_DECK = {".yaml", ".yml"}
_ANKI = {".apkg", ".colpkg", ".anki2"}
# Endings whose bytes must be text: a binary file with one is "binary, not text"; a
# binary file with any other ending is in a format quizgen does not read.
_TEXT = {".txt", ".text", *_MARKDOWN, *_HTML}
_PACKAGED = {".docx": "Word document", ".odt": "OpenDocument text", ".epub": "EPUB"}
_DECK_KEYS = re.compile(rb"^(?:quizgen|questions):", re.MULTILINE)
_NOT_A_FORMAT = "is not a format quizgen reads; save it as .txt, .md, .html, .pdf, .docx or .epub"


@dataclass(frozen=True)
class Source:
    """A cleaned source text and what is known about it."""

    path: str  # as given by the user; the deck cites it
    title: str
    text: str  # cleaned body, paragraphs separated by one blank line
    published: str | None = None  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    url: str | None = None
    author: str | None = None


def load_source(path: str | os.PathLike[str]) -> Source:
    """Read a source file and return its cleaned text, title and metadata.

    .txt/.text/.md/.markdown (and any other ending that decodes as text) may start with a
    YAML front-matter block; .html/.htm go through trafilatura, .pdf through pypdf, .docx
    through python-docx, .odt through odfpy, .epub through ebooklib, .rtf through striprtf.
    Raises SourceError, naming the file, when it is missing, a directory, unreadable,
    empty, binary, mis-encoded, larger than MAX_SOURCE_BYTES, or has no text; when it is
    a quizgen deck, an Anki package or a worksheet quizgen printed (each message says what
    to do instead); and when it is in a format quizgen does not read.
    """
    from quizgen._sources._text import readable_stem

    name = os.fspath(path)
    data = _read_bytes(name)
    suffix = Path(name).suffix.lower()
    _refuse_non_sources(data, name, suffix)
    if suffix in _PDF:
        meta, headline, text = _load_pdf(data, name)
    elif suffix in _HTML:
        meta, headline, text = _load_html(data, name)
    elif suffix in _PACKAGED:
        meta, headline, text = _load_packaged(data, name, suffix)
    elif suffix in _RTF or data.startswith(b"{\\rtf"):
        meta, headline, text = _load_rtf(data, name)
    else:
        meta, headline, text = _load_text(data, name, markdown=suffix in _MARKDOWN)
    if headline and meta.title and headline != meta.title:
        # The front matter names the title; the headline is the body's first paragraph.
        text = f"{headline}\n\n{text}" if text else headline
        headline = None
    if not text.strip():
        raise SourceError(f"{name}: has no text")
    return Source(
        path=name,
        title=meta.title or headline or readable_stem(name),
        text=text,
        published=meta.published,
        url=meta.url,
        author=meta.author,
    )


def _read_bytes(name: str) -> bytes:
    """The file's bytes, after checking it is a regular, readable, non-empty, small file."""
    try:
        info = os.stat(name)
    except FileNotFoundError:
        if os.path.islink(name):
            raise SourceError(f"{name}: is a broken symbolic link") from None
        raise SourceError(f"{name}: no such file") from None
    except OSError as exc:
        raise _os_error(name, exc) from None
    if stat.S_ISDIR(info.st_mode):
        raise SourceError(f"{name}: is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(f"{name}: is not a regular file")
    if info.st_size > MAX_SOURCE_BYTES:
        raise SourceError(
            f"{name}: is {_megabytes(info.st_size)} MB; the largest source quizgen reads is "
            f"{_megabytes(MAX_SOURCE_BYTES)} MB"
        )
    try:
        with open(name, "rb") as f:
            data = f.read(MAX_SOURCE_BYTES + 1)
    except OSError as exc:
        raise _os_error(name, exc) from None
    if len(data) > MAX_SOURCE_BYTES:  # it grew since the stat
        raise SourceError(
            f"{name}: is over {_megabytes(MAX_SOURCE_BYTES)} MB; the largest source quizgen "
            f"reads is {_megabytes(MAX_SOURCE_BYTES)} MB"
        )
    if not data.strip():
        raise SourceError(f"{name}: is empty")
    return data


def _os_error(name: str, exc: OSError) -> SourceError:
    if exc.errno == errno.ELOOP:
        return SourceError(f"{name}: is a symbolic link loop")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return SourceError(f"{name}: cannot be read (permission denied)")
    if exc.errno == errno.EISDIR:
        return SourceError(f"{name}: is a directory")
    if exc.errno == errno.ENOTDIR:
        return SourceError(f"{name}: no such file (a part of the path is not a folder)")
    return SourceError(f"{name}: cannot be read ({exc.strerror or exc})")


def _megabytes(size: int) -> str:
    tenths = -(-size * 10 // (1024 * 1024))  # round up: 20 MB + 1 byte is not "20 MB"
    return f"{tenths // 10}" if tenths % 10 == 0 else f"{tenths / 10:.1f}"


def _load_text(data: bytes, name: str, markdown: bool) -> _Loaded:
    from quizgen._sources._decode import decode_text
    from quizgen._sources._text import markdown_text, plain_text, split_front_matter

    text = decode_text(data, name)
    if not text.strip():
        raise SourceError(f"{name}: is empty")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    meta, body = split_front_matter(text, name)
    headline, body = markdown_text(body) if markdown else plain_text(body)
    return meta, headline, body


def _load_html(data: bytes, name: str) -> _Loaded:
    from quizgen._sources._decode import binary_signature
    from quizgen._sources._html import read_html

    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if binary_signature(data) or (b"\x00" in data[:4096] and not utf16):
        raise SourceError(f"{name}: is binary, not text")
    meta, text = read_html(data, name)
    return meta, None, text


def _load_pdf(data: bytes, name: str) -> _Loaded:
    from quizgen._sources._pdf import read_pdf

    if b"%PDF-" not in data[:1024]:
        raise SourceError(f"{name}: is not a PDF (it has no %PDF header)")
    meta, text = read_pdf(data, name)
    return meta, None, text


def _refuse_non_sources(data: bytes, name: str, suffix: str) -> None:
    """Refuse, saying what to do, a file that is quizgen's own output or no format it reads.

    Read as prose, a deck's "questions" were merged into the teacher's deck, which then
    listed itself as a source.
    """
    if suffix in _DECK:
        if _DECK_KEYS.search(data[:65536]):
            raise SourceError(
                f"{name}: is a quizgen deck, not a source; use `quizgen anki|pdf|quiz` on it"
            )
        raise SourceError(f"{name}: {_NOT_A_FORMAT}")
    if suffix in _ANKI:
        raise SourceError(
            f"{name}: is an Anki package, not a source; build from the text it was made from"
        )
    if suffix in _PDF or suffix in _PACKAGED or suffix in _RTF or suffix in _TEXT:
        return
    from quizgen._sources._decode import binary_signature

    if binary_signature(data) and not data.startswith(b"{\\rtf"):
        raise SourceError(f"{name}: {_NOT_A_FORMAT}")


def _load_packaged(data: bytes, name: str, suffix: str) -> _Loaded:
    """A .docx, .odt or .epub: its reader gives blocks, read like Markdown's."""
    from quizgen._sources._text import blocks_text

    if not data.startswith(b"PK"):
        raise SourceError(f"{name}: is not a {_PACKAGED[suffix]} (it is not a ZIP package)")
    if suffix == ".docx":
        from quizgen._sources._docx import read_docx as read
    elif suffix == ".odt":
        from quizgen._sources._odt import read_odt as read
    else:
        from quizgen._sources._epub import read_epub as read
    meta, blocks = read(data, name)
    headline, text = blocks_text(blocks)
    return meta, headline, text


def _load_rtf(data: bytes, name: str) -> _Loaded:
    from quizgen._sources._rtf import read_rtf
    from quizgen._sources._text import Meta, plain_text

    headline, body = plain_text(read_rtf(data, name))
    return Meta(), headline, body
