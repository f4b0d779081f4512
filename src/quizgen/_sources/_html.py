"""HTML pages: the main text and metadata, through trafilatura."""

from __future__ import annotations

import re
from typing import Any

from quizgen._errors import SourceError
from quizgen._sources._clean import (
    drop_boilerplate,
    drop_citations,
    drop_credits,
    is_back_matter,
    normalize,
    paragraphs,
)
from quizgen._sources._packaged import need
from quizgen._sources._text import Meta

# A character reference to a control character ("&#27;" for ESC) made trafilatura drop the
# whole page as having no main text; cleaning would remove the character anyway.
_CONTROL_REFS = re.compile(
    rb"&#(?:0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|127)|[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|7[fF]));"
)

# htmldate's "extensive search" guesses a page's date from any date in its text (a 1950
# treaty would do); only dates the page declares are wanted. A fixed max_date instead of
# "today" keeps the result the same whatever day it runs.
_DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "2099-12-31"}


def read_html(data: bytes, name: str) -> tuple[Meta, str]:
    """Extract an HTML page's main text (paragraphs) and its title, date, author and URL.

    trafilatura decodes the bytes itself, honouring the page's declared charset.
    Raises SourceError when the page has no main text, or when trafilatura or a module
    under it (jusText's lxml_html_clean) is not installed.
    """
    trafilatura = need("trafilatura", name)

    doc = trafilatura.bare_extraction(
        _CONTROL_REFS.sub(b"", data),
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_DATE_PARAMS,
    )
    if doc is None:
        raise SourceError(f"{name}: has no main text that quizgen can find in the HTML")
    meta = Meta(
        title=_field(doc.title),
        published=_field(doc.date),
        url=_field(doc.url),
        author=_field(doc.author),
    )
    # trafilatura puts one paragraph per line; the page's <h1> usually repeats the title.
    text = _without_back_matter(doc.body) if doc.body is not None else None
    body = drop_credits(drop_citations(normalize(text or doc.text or "")))
    lines = [line for line in body.split("\n") if line]
    if meta.title and lines and lines[0] == meta.title and len(lines) > 1:
        lines.pop(0)
    paras = drop_boilerplate(paragraphs("\n\n".join(lines)))
    if not paras:
        raise SourceError(f"{name}: has no main text that quizgen can find in the HTML")
    return meta, "\n\n".join(" ".join(p) for p in paras)


def _without_back_matter(body: Any) -> str | None:
    """The main text again without its References / Notes / See also ... sections (a
    heading with that name up to the next heading of the same or a higher level), or None
    when the page has none. `body` is trafilatura's XML: <head rend="h2">, <p>, <list> ..."""
    from trafilatura.xml import xmltotxt

    cut = 0
    doomed = []
    for el in body:
        level = _heading_level(el)
        if cut and (not level or level > cut):
            doomed.append(el)
            continue
        cut = level if level and is_back_matter("".join(el.itertext())) else 0
        if cut:
            doomed.append(el)
    if not doomed:
        return None
    for el in doomed:
        body.remove(el)
    return str(xmltotxt(body, False))


def _heading_level(el: Any) -> int:
    if el.tag != "head":
        return 0
    rend = str(el.get("rend") or "")
    return int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 6


def _field(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None
