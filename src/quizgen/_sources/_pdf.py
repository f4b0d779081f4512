"""PDF files: the text layer page by page through pypdf, with line-end hyphenation undone."""

from __future__ import annotations

import bisect
import io
import logging
import re
import warnings
from collections import Counter

from quizgen._errors import SourceError
from quizgen._lexicon import PLACEHOLDER_META
from quizgen._sources._clean import LINE_ENDS_SENTENCE, drop_boilerplate, normalize
from quizgen._sources._text import Meta

_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st"})
_HYPHENATED = re.compile(r"(\w+)-\n(\w+)")
_WORD_RUN = re.compile(r"\w+")
_HYPHEN = re.compile("-")
_PAGE_NUMBER = re.compile(r"(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?", re.IGNORECASE)
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
            pages = [page.extract_text() or "" for page in reader.pages]
            info = reader.metadata
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
    page_lines = [normalize(page.translate(_LIGATURES)).split("\n") for page in pages]
    page_lines = _drop_running_heads(page_lines)
    lines = [line for page in page_lines for line in page]
    text = _rejoin_hyphens("\n".join(lines))
    # pypdf gives no blank lines between paragraphs: a short line that ends a sentence
    # ends its paragraph, and a blank line (rare) does too.
    width = _typical_width(text.split("\n"))
    paras: list[list[str]] = [[]]
    for line in text.split("\n"):
        if not line:
            paras.append([])
            continue
        paras[-1].append(line)
        if LINE_ENDS_SENTENCE.search(line) and len(line) < 0.8 * width:
            paras.append([])
    kept = drop_boilerplate([p for p in paras if p])
    return "\n\n".join(" ".join(p) for p in kept)


def _rejoin_hyphens(text: str) -> str:
    """'inter-\\nnational' -> 'international'; 'Sino-\\nSoviet' keeps its hyphen.

    Only a lowercase word broken before a lowercase word is joined, and not when the
    document spells the pair with a hyphen elsewhere ('well-known'), even inside a longer
    word ('swell-knowns'). Linear in the text: the hyphenated spellings are indexed once
    (searching the whole text for each break took 10 s for 8,000 breaks).
    """
    breaks = list(_HYPHENATED.finditer(text))
    spelled = _hyphenated_spellings(text, {m[1] for m in breaks if _lower_pair(m[1], m[2])})
    out, pos = [], 0
    for m in breaks:
        # A kept hyphen loses its line break too: 'Sino-\\nSoviet' -> 'Sino-Soviet'.
        joined = _lower_pair(m[1], m[2]) and not _spelled_with_hyphen(spelled, m[1], m[2])
        out += (text[pos : m.end(1)], "" if joined else "-", m[2])
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def _lower_pair(first: str, second: str) -> bool:
    return first.isalpha() and first.islower() and second[:1].islower()


def _hyphenated_spellings(text: str, firsts: set[str]) -> dict[str, list[str]]:
    """For each word in `firsts`: the sorted word runs that follow it and a hyphen in `text`.

    'first-second' occurs in the text exactly when some hyphen has `first` just before it
    and a run of word characters starting with `second` just after it.
    """
    if not firsts:
        return {}
    lengths = sorted({len(f) for f in firsts})
    spelled: dict[str, list[str]] = {}
    for hyphen in _HYPHEN.finditer(text):
        at = hyphen.start()
        right = _WORD_RUN.match(text, at + 1)
        if right is None:
            continue
        for n in lengths:
            if n > at:
                break
            if (first := text[at - n : at]) in firsts:
                spelled.setdefault(first, []).append(right[0])
    for rights in spelled.values():
        rights.sort()
    return spelled


def _spelled_with_hyphen(spelled: dict[str, list[str]], first: str, second: str) -> bool:
    # The smallest run not below `second` starts with it when any run does.
    rights = spelled.get(first, [])
    i = bisect.bisect_left(rights, second)
    return i < len(rights) and rights[i].startswith(second)


def _typical_width(lines: list[str]) -> int:
    widths = sorted(len(line) for line in lines if line)
    return widths[len(widths) * 3 // 4] if widths else 0


def _strip_page_number(page: list[str]) -> list[str]:
    if page and _PAGE_NUMBER.fullmatch(page[-1]):
        page = page[:-1]
    if page and _PAGE_NUMBER.fullmatch(page[0]):
        page = page[1:]
    return page


def _drop_running_heads(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers, and headers/footers repeated on most pages."""
    pages = [[ln for ln in page if ln] for page in pages]
    pages = [_strip_page_number(page) for page in pages]
    if len(pages) < 3:
        return pages
    edges = Counter(ln for page in pages for ln in {*page[:1], *page[-1:]})
    repeated = {ln for ln, n in edges.items() if n >= len(pages) // 2 + 1}
    return [
        [ln for i, ln in enumerate(page) if not (ln in repeated and i in (0, len(page) - 1))]
        for page in pages
    ]
