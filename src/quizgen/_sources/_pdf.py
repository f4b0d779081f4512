"""PDF files: the text layer page by page through pypdf, laid out as paragraphs.

Running headers, footers and page numbers are dropped, syllable breaks at line ends are
joined (`_hyphens`), and a heading becomes a paragraph of its own.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections import Counter

from quizgen._errors import SourceError
from quizgen._lexicon import PLACEHOLDER_META
from quizgen._sources._clean import (
    LINE_ENDS_SENTENCE,
    drop_boilerplate,
    drop_citations,
    drop_credits,
    normalize,
)
from quizgen._sources._hyphens import rejoin_hyphens
from quizgen._sources._text import Meta, is_headline

_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st"})
_PAGE_NUMBER = re.compile(
    r"[-–—]?\s*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\s*[-–—]?", re.IGNORECASE
)
_DIGITS = re.compile(r"\d+")
_EDGE = 2  # lines at each end of a page where running heads and page numbers sit
_HEADING_WORDS = 10
# pypdf logs what it repairs ("EOF marker not found") and, with no logging set up, Python
# prints that on stderr beside our one Error line; the outcome is all a user needs.
_QUIET = logging.NullHandler()


def read_pdf(data: bytes, name: str) -> tuple[Meta, str]:
    """Extract a PDF's text (paragraphs) and the title and author from its metadata.

    Raises SourceError for a damaged or password-protected PDF, or one with no text layer.
    """
    import pypdf
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").addHandler(_QUIET)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise SourceError(f"{name}: is a password-protected PDF")
            info = reader.metadata
            if info is not None and info.creator == "quizgen":
                # Read as prose, a worksheet's questions became "facts" of their own.
                raise SourceError(
                    f"{name}: is a worksheet quizgen printed, not a source; build from the "
                    "text it was made from, or use `quizgen pdf` on its deck"
                )
            pages = [page.extract_text() or "" for page in reader.pages]
    except SourceError:
        raise
    # PyPdfError, not just PdfReadError: a damaged font table raised LimitReachedError.
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise SourceError(f"{name}: is not a readable PDF ({reason})") from None
    text = _join_pages(pages)
    if not text.strip():
        raise SourceError(f"{name}: has no text layer (a scanned PDF?); quizgen reads text only")
    meta = Meta(
        title=_meta_field(info.title if info else None),
        author=_meta_field(info.author if info else None),
    )
    return meta, text


def _meta_field(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    text = re.sub(r"^Microsoft (?:Word|PowerPoint) - ", "", text)
    if text.lower() in PLACEHOLDER_META:
        return None
    return text or None


def _join_pages(pages: list[str]) -> str:
    page_lines = [
        drop_credits(drop_citations(normalize(page.translate(_LIGATURES)))).split("\n")
        for page in pages
    ]
    page_lines = _drop_running_heads(page_lines)
    # A page break is a line break: a word broken across pages joins like any other.
    lines = rejoin_hyphens("\n".join(ln for page in page_lines for ln in page)).split("\n")
    # pypdf gives no blank lines between paragraphs: a short line that ends a sentence
    # ends its paragraph, and a blank line (rare) does too. A heading is a paragraph of its
    # own, so that "Karl Oberhauser" above "Karl Oberhauser joined ..." is never one sentence.
    width = _typical_width(lines)
    paras: list[list[str]] = [[]]
    for k, line in enumerate(lines):
        if not line:
            paras.append([])
            continue
        after = lines[k + 1] if k + 1 < len(lines) else ""
        opens = not paras[-1] or LINE_ENDS_SENTENCE.search(paras[-1][-1])
        if opens and _is_heading(line, after, width):
            paras += [[line], []]
            continue
        paras[-1].append(line)
        if LINE_ENDS_SENTENCE.search(line) and len(line) < 0.8 * width:
            paras.append([])
    kept = drop_boilerplate([p for p in paras if p])
    return "\n\n".join(" ".join(p) for p in kept)


def _is_heading(line: str, after: str, width: int) -> bool:
    """A short line without end punctuation that opens a paragraph ("Early Years", "3.2
    The War Years"): where it starts is the caller's check (a paragraph or a sentence), and
    the next line must
    start one too (a capital or a digit), so a list of short lines is not a run of headings."""
    return (
        is_headline(line)
        and len(line.split()) <= _HEADING_WORDS
        and len(line) < 0.7 * width
        and after[:1].isupper() | after[:1].isdigit()
    )


def _typical_width(lines: list[str]) -> int:
    widths = sorted(len(line) for line in lines if line)
    return widths[len(widths) * 3 // 4] if widths else 0


def _is_page_number(line: str) -> bool:
    return bool(_PAGE_NUMBER.fullmatch(line))


def _drop_running_heads(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers ("12", "Page 3 of 5", "- 4 -") and the headers and footers repeated
    on most pages ("River Shipping History - Chapter 3", "Annual Report 2019 | 7").

    Only a page's first and last _EDGE lines are looked at: pypdf gives the lines in the
    order they were drawn, and a footer is often drawn right after the header. Digits count
    as one in a line that is no sentence: "Chapter 3 - page 4" on one page repeats "Chapter
    3 - page 5" on the next, but "In 1901 the mill opened." does not repeat "In 1902 ...".
    """
    pages = [[ln for ln in page if ln] for page in pages]
    edges = [_edge_indices(page) for page in pages]
    counts = Counter(
        _head_key(page[i]) for page, idx in zip(pages, edges, strict=True) for i in idx
    )
    needed = len(pages) // 2 + 1 if len(pages) >= 3 else len(pages)
    repeated = {ln for ln, n in counts.items() if n >= needed} if len(pages) >= 2 else set()
    return [
        [
            ln
            for i, ln in enumerate(page)
            if not (i in idx and (_is_page_number(ln) or _head_key(ln) in repeated))
        ]
        for page, idx in zip(pages, edges, strict=True)
    ]


def _head_key(line: str) -> str:
    return line if LINE_ENDS_SENTENCE.search(line) else _DIGITS.sub("#", line)


def _edge_indices(page: list[str]) -> set[int]:
    return {*range(min(_EDGE, len(page))), *range(max(0, len(page) - _EDGE), len(page))}
