"""Word documents (.docx), through python-docx: paragraphs, headings and tables in the
order they stand, and the title, author and date of the document's core properties."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from quizgen._errors import SourceError
from quizgen._sources._packaged import meta_date, need, one_line, reason
from quizgen._sources._text import Meta

_HEADING = re.compile(r"heading (\d)", re.IGNORECASE)


def read_docx(data: bytes, name: str) -> tuple[Meta, list[tuple[int, str]]]:
    """The document's metadata and its blocks (heading level or 0, one line of text).

    A table row becomes one block, its cells joined by spaces (a cell merged across
    columns counted once). Raises SourceError for a file that is not a readable .docx.
    """
    docx = need("docx", name)
    from docx.exceptions import PythonDocxError
    from docx.opc.exceptions import OpcError
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(io.BytesIO(data))
        props = document.core_properties
        blocks = list(_blocks(document))
    except (
        OpcError,
        PythonDocxError,
        XMLSyntaxError,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
    ) as exc:
        raise SourceError(f"{name}: is not a readable Word document ({reason(exc)})") from None
    meta = Meta(
        title=one_line(props.title) or None,
        author=one_line(props.author) or None,
        published=meta_date(props.created, name),
    )
    return meta, blocks


def _blocks(document: Any) -> list[tuple[int, str]]:
    from docx.table import Table

    out: list[tuple[int, str]] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                cells: list[Any] = []
                for cell in row.cells:  # a merged cell is listed once per column it spans
                    if not any(cell._tc is seen._tc for seen in cells):
                        cells.append(cell)
                out.append((0, " ".join(filter(None, (one_line(c.text) for c in cells)))))
        else:
            out.append((_level(item), one_line(item.text)))
    return out


def _level(paragraph: Any) -> int:
    """1 for a Title or Heading 1 paragraph, N for Heading N, 0 for body text."""
    style = paragraph.style.name if paragraph.style is not None else ""
    if style == "Title":
        return 1
    match = _HEADING.fullmatch(style or "")
    return int(match.group(1)) if match else 0
