"""HTML pages: the main text and metadata, through trafilatura."""

from __future__ import annotations

import re

from quizgen._errors import SourceError
from quizgen._sources._clean import drop_boilerplate, normalize, paragraphs
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
    Raises SourceError when the page has no main text.
    """
    import trafilatura

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
    lines = [line for line in normalize(doc.text or "").split("\n") if line]
    if meta.title and lines and lines[0] == meta.title and len(lines) > 1:
        lines.pop(0)
    paras = drop_boilerplate(paragraphs("\n\n".join(lines)))
    if not paras:
        raise SourceError(f"{name}: has no main text that quizgen can find in the HTML")
    return meta, "\n\n".join(" ".join(p) for p in paras)


def _field(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None
