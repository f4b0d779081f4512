"""E-books (.epub), through ebooklib: the chapters in reading order (the spine), each
chapter's headings and paragraphs, and the book's title, author and date."""

from __future__ import annotations

import io
import warnings
import zipfile
from typing import Any

from quizgen._errors import SourceError
from quizgen._sources._packaged import meta_date, need, one_line, reason
from quizgen._sources._text import Meta

# The XHTML elements that hold a block of text; anything else is walked into.
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = frozenset(["p", "li", "blockquote", "dt", "dd", "tr", "pre", "figcaption"])


def read_epub(data: bytes, name: str) -> tuple[Meta, list[tuple[int, str]]]:
    """The book's metadata and its blocks (heading level or 0, one line of text), chapter
    after chapter in the spine's order; the navigation document is left out.

    Raises SourceError for a file that is not a readable EPUB.
    """
    epub = need("ebooklib.epub", name)
    from lxml.etree import LxmlError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # ebooklib warns about its own future defaults
            book = epub.read_epub(io.BytesIO(data), {"ignore_ncx": True})
        blocks: list[tuple[int, str]] = []
        for idref, _linear in book.spine:
            item = book.get_item_with_id(idref)
            if item is None or isinstance(item, epub.EpubNav):
                continue
            blocks.extend(_chapter_blocks(item.get_content()))
    except (epub.EpubException, LxmlError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise SourceError(f"{name}: is not a readable EPUB ({reason(exc)})") from None
    meta = Meta(
        title=_first(book, "title"),
        author=_first(book, "creator"),
        published=meta_date(_first(book, "date"), name),
    )
    return meta, blocks


def _first(book: Any, field: str) -> str | None:
    values = book.get_metadata("DC", field)
    return one_line(values[0][0]) or None if values else None


def _chapter_blocks(content: bytes) -> list[tuple[int, str]]:
    import lxml.html

    if not content.strip():
        return []
    root = lxml.html.fromstring(content)
    body = root.find(".//body")
    out: list[tuple[int, str]] = []
    _walk(root if body is None else body, out)
    return out


def _walk(el: Any, out: list[tuple[int, str]]) -> None:
    for child in el:
        tag = child.tag.split("}")[-1].lower() if isinstance(child.tag, str) else ""
        if tag in ("script", "style", "nav"):
            continue
        if tag in _HEADINGS:
            out.append((_HEADINGS[tag], one_line(child.text_content())))
        elif tag in _BLOCKS and not any(
            isinstance(d.tag, str) and d.tag.split("}")[-1].lower() in _BLOCKS
            for d in child.iterdescendants()
        ):
            text = " ".join(one_line(t) for t in child.itertext()) if tag == "tr" else None
            out.append((0, one_line(text if text is not None else child.text_content())))
        else:
            if tag == "div" and (child.text or "").strip():
                out.append((0, one_line(child.text)))
            _walk(child, out)
