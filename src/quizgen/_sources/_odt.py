"""OpenDocument text (.odt), through odfpy: headings, paragraphs and list items in the
order they stand, and the title, author and date of the document's metadata."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from quizgen._errors import SourceError
from quizgen._sources._packaged import meta_date, need, one_line, reason
from quizgen._sources._text import Meta

_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


def read_odt(data: bytes, name: str) -> tuple[Meta, list[tuple[int, str]]]:
    """The document's metadata and its blocks (heading level or 0, one line of text);
    a table row becomes one block. Raises SourceError for a file that is not a readable
    OpenDocument text."""
    opendocument = need("odf.opendocument", name)
    from xml.sax import SAXException

    try:
        doc = opendocument.load(io.BytesIO(data))
        blocks: list[tuple[int, str]] = []
        _walk(doc.text, blocks)
        meta = Meta(
            title=_meta(doc, "title"),
            author=_meta(doc, "creator") or _meta(doc, "initial-creator"),
            published=meta_date(_meta(doc, "date") or _meta(doc, "creation-date"), name),
        )
    except (SAXException, zipfile.BadZipFile, KeyError, ValueError, AttributeError) as exc:
        raise SourceError(f"{name}: is not a readable OpenDocument text ({reason(exc)})") from None
    return meta, blocks


def _walk(node: Any, out: list[tuple[int, str]]) -> None:
    from odf import teletype

    for child in node.childNodes:
        qname = getattr(child, "qname", None)
        if qname == (_TEXT_NS, "h"):
            level = str(child.getAttrNS(_TEXT_NS, "outline-level") or "1")
            out.append(
                (int(level) if level.isdigit() else 1, one_line(teletype.extractText(child)))
            )
        elif qname == (_TEXT_NS, "p"):
            out.append((0, one_line(teletype.extractText(child))))
        elif qname == (_TABLE_NS, "table-row"):
            cells = [one_line(teletype.extractText(c)) for c in child.childNodes]
            out.append((0, " ".join(c for c in cells if c)))
        elif getattr(child, "childNodes", None):
            _walk(child, out)


def _meta(doc: Any, field: str) -> str | None:
    """The text of the first <dc:FIELD> or <meta:FIELD> in the document's metadata."""
    for el in doc.meta.childNodes:
        if getattr(el, "qname", (None, None))[1] == field:
            return one_line(str(el)) or None
    return None
