"""Plain text and Markdown: front matter, title, and Markdown syntax stripped down to prose."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quizgen._errors import SourceError
from quizgen._sources._clean import (
    LINE_ENDS_SENTENCE,
    drop_boilerplate,
    drop_citations,
    drop_credits,
    drop_media_boxes,
    is_back_matter,
    normalize,
    paragraphs,
    tab_rows,
)

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_MATTER_KEYS = frozenset(
    [
        "title",
        "url",
        "published",
        "date",
        "author",
        "authors",
        "layout",
        "tags",
        "categories",
        "category",
        "description",
        "draft",
        "slug",
        "lang",
        "permalink",
        "summary",
        "subtitle",
        "source",
        "link",
        "keywords",
    ]
)
_LIST_ITEM = re.compile(r"^(?:[-*+•]|\d{1,3}[.)])\s+")
# A short headline: at most this many words, and no sentence-ending punctuation.
_HEADLINE_WORDS = 16
_HEADING_WORDS = 10  # a heading above a paragraph is shorter than a headline may be


@dataclass
class Meta:
    """What a front-matter block (or an HTML/PDF reader) says about a source."""

    title: str | None = None
    published: str | None = None
    url: str | None = None
    author: str | None = None


def split_front_matter(text: str, name: str) -> tuple[Meta, str]:
    """Split a leading `---` YAML block off `text`; return its fields and the rest.

    Keys other than title/url/published/author are ignored (blogs put tags and layout
    there); `date` stands in for `published` when that is absent. Raises SourceError for
    YAML that does not parse or a `published` value that is not a date.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return Meta(), text
    from quizgen._yaml import YamlProblem, load_yaml

    try:
        # quizgen's loader, not yaml.safe_load: it refuses aliases, so a "billion laughs"
        # block cannot expand to gigabytes (safe_load took 14 s and 3.5 GB on one).
        data = load_yaml(match.group(1) or "").data
    except YamlProblem as exc:
        where = f" line {exc.line + 1}" if exc.line else ""
        raise SourceError(
            f"{name}:{where} front matter is not valid YAML ({exc.message})"
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict) or not _FRONT_MATTER_KEYS.intersection(map(str, data)):
        # `---` opening a file can be a rule around prose, and "Note: it rained" parses
        # as a mapping: a block is front matter only when it has a key blogs use.
        return Meta(), text
    published = data.get("published", data.get("date"))
    meta = Meta(
        title=_text_field(data.get("title")),
        published=normalize_date(published, name) if published not in (None, "") else None,
        url=_text_field(data.get("url")),
        author=_text_field(data.get("author", data.get("authors"))),
    )
    return meta, text[match.end() :]


def _text_field(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v is not None)
    value = " ".join(str(value).split())
    return value or None


_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y")
_MONTH_FORMATS = ("%Y-%m", "%Y/%m", "%B %Y", "%b %Y")


def normalize_date(value: Any, name: str) -> str:
    """An ISO date, 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY', from a YAML date or text.

    Raises SourceError naming the file when the value is not a date.
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if re.fullmatch(r"\d{4}", text):
        return text
    # ISO timestamps: keep the calendar date as written, whatever the time zone.
    iso = re.fullmatch(r"(\d{4}-\d{2}-\d{2})[T ][\d:.]+(?:Z|[+-][\d:]+)?", text)
    if iso:
        text = iso.group(1)
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            pass
    for fmt in _MONTH_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).strftime("%Y-%m")
        except ValueError:
            pass
    raise SourceError(
        f"{name}: front matter 'published: {text}' is not a date; use YYYY-MM-DD, YYYY-MM or YYYY"
    )


def readable_stem(path: str) -> str:
    """A title made from a file name: 'russia-china_2001.txt' -> 'Russia china 2001'."""
    stem = " ".join(re.split(r"[-_\s]+", Path(path).stem)).strip() or Path(path).name
    return stem[0].upper() + stem[1:] if stem.islower() or stem[:1].islower() else stem


def is_headline(line: str) -> bool:
    """A short line with no sentence-ending punctuation (nor a trailing ',' ';' ':')."""
    words = line.split()
    return (
        0 < len(words) <= _HEADLINE_WORDS
        and not LINE_ENDS_SENTENCE.search(line)
        and not line.endswith((",", ";", ":", "…", "-", "–", "—"))
    )


def plain_text(text: str) -> tuple[str | None, str]:
    """Clean plain text; return the headline (if the first paragraph is one) and the body.

    Lines without a letter or digit ("---", "* * *" separators) and citation markers are
    dropped; a heading line above a paragraph becomes a paragraph of its own; the rows
    of a table or line-up stay apart (see _is_record); link instructions and media boxes,
    and back matter (References, Notes, See also ...) go.
    """
    paras = drop_boilerplate(paragraphs(drop_credits(drop_citations(normalize(tab_rows(text))))))
    paras = [[ln for ln in p if any(ch.isalnum() for ch in ln)] for p in paras]
    paras = _split_headings([p for p in paras if p])
    paras = _drop_back_matter(drop_media_boxes(paras))
    headline = None
    if len(paras) > 1 and len(paras[0]) == 1 and is_headline(paras[0][0]):
        headline = paras.pop(0)[0]
    return headline, "\n\n".join("\n\n".join(p) if _is_record(p) else join_lines(p) for p in paras)


# A sentence's end inside a line or at its end: "... 1871. The", "... wrote."
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?:\s|$)")


def _is_record(lines: list[str]) -> bool:
    """A score sheet, a line-up or a table typed as lines ("Felix Hahn 77'" under "Jan Roth
    12'"): several lines and no sentence end in any of them. Each line stands alone, as
    hard-wrapped prose is never written: joined, the tagger reads "Hahn 77' Jan Roth" as one
    name. Wrapped prose ends its paragraph with a full stop."""
    return (
        len(lines) > 1
        and not any(_SENTENCE_END.search(line) for line in lines)
        and not any(_LIST_ITEM.match(line) for line in lines)  # a list keeps its own form
    )


def _split_headings(paras: list[list[str]]) -> list[list[str]]:
    """ "Early Years\nIn 1874 Marta Lindqvist became ..." -> the heading, then its paragraph:
    a short first line without end punctuation, well short of the lines after it, and
    followed by a line that opens a sentence."""
    out: list[list[str]] = []
    for p in paras:
        first = p[0]
        if (
            len(p) > 1
            and is_headline(first)
            and len(first.split()) <= _HEADING_WORDS
            and len(first) < 0.6 * max(len(line) for line in p[1:])
            and (p[1][:1].isupper() or p[1][:1].isdigit())
        ):
            out += [[first], p[1:]]
        else:
            out.append(p)
    return out


def _drop_back_matter(paras: list[list[str]]) -> list[list[str]]:
    """Without the References / Notes / See also ... sections of Wikipedia-style text.

    Plain text has no heading levels, so a section runs to the next heading (a one-line
    paragraph) that is followed by prose, or to the end: reference entries are not prose.
    Back matter follows a text: a first line "Notes" is the text's title, not its notes.
    """
    out: list[list[str]] = []
    skipping = False
    for k, p in enumerate(paras):
        if out and is_back_matter(p[0]):
            skipping = True
            continue
        if skipping:
            after = paras[k + 1] if k + 1 < len(paras) else []
            if not (len(p) == 1 and is_headline(p[0]) and after and _is_prose(after)):
                continue
            skipping = False
        out.append(p)
    return out


# Marks of a reference entry: "Retrieved 3 May 2020", "ISBN 978-...", "pp. 23-41", a URL,
# Wikipedia's "^" back-links.
_NOT_PROSE = re.compile(r"\b(?:Retrieved|ISBN|doi|OCLC|ISSN|Archived)\b|\bpp?\.\s?\d|https?:|\^")


def _is_prose(lines: list[str]) -> bool:
    text = " ".join(lines)
    return (
        len(text.split()) >= 12
        and bool(LINE_ENDS_SENTENCE.search(text))
        and not _NOT_PROSE.search(text)
    )


def join_lines(lines: list[str]) -> str:
    """Join a paragraph's hard-wrapped lines with spaces; list items keep their own line."""
    out: list[str] = []
    for line in lines:
        if out and not _LIST_ITEM.match(line):
            out[-1] += " " + line
        else:
            out.append(line)
    return "\n".join(out)


# --- Markdown ---------------------------------------------------------------------------

_ATX = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_FENCE = re.compile(r"^ {0,3}(```+|~~~+)")
_RULE = re.compile(r"^ {0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S+")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")

_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # [text](url)
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),  # autolink
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"), ""),  # inline HTML tags
    (re.compile(r"(`+)(.+?)\1"), r"\2"),  # inline code
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # *emph*
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),  # _emph_, not snake_case
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),  # strikethrough
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])"), r"\1"),  # backslash escapes
)


def _inline(text: str) -> str:
    for pattern, repl in _INLINE:
        text = pattern.sub(repl, text)
    return text


def markdown_text(text: str) -> tuple[str | None, str]:
    """Strip Markdown to prose; return the title heading (if any) and the body.

    The title is the document's first block when that is a heading, else its first
    level-1 heading; it is removed from the body. Other headings, list items and table
    rows become paragraphs of their own; a paragraph's soft line breaks become spaces.
    """
    blocks: list[tuple[int, str]] = []  # (heading level or 0, text)
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append((0, _inline(join_lines(para))))
            para.clear()

    lines = drop_credits(drop_citations(normalize(tab_rows(text)))).split("\n")
    fence: str | None = None
    code: list[str] = []
    for raw in lines:
        if fence is not None:  # inside a code block: keep its lines as one paragraph
            if raw.startswith(fence):
                blocks.append((0, "\n".join(code)))
                fence, code = None, []
            elif raw:
                code.append(raw)
            continue
        fenced = _FENCE.match(raw)
        if fenced:
            flush()
            fence = fenced.group(1)
            continue
        line = _QUOTE.sub("", raw)
        if not line.strip() or (_RULE.match(line) and not para) or _REF_DEF.match(line):
            flush()
            continue
        if _TABLE_RULE.match(line) and "-" in line:
            continue
        heading = _ATX.match(line)
        if heading:
            flush()
            blocks.append((len(heading.group(1)), _inline(heading.group(2))))
            continue
        if para and _SETEXT.match(line):
            level = 1 if line.strip().startswith("=") else 2
            blocks.append((level, _inline(" ".join(para))))
            para.clear()
            continue
        if _MD_LIST.match(line):
            flush()
            line = _MD_LIST.sub("", line)
        elif line.startswith("|") or (line.endswith("|") and "|" in line[:-1]):
            flush()
            line = " ".join(cell.strip() for cell in line.strip("|").split("|"))
            para.append(line.strip())
            flush()
            continue
        para.append(line.strip())
    flush()
    if code:  # an unclosed fence runs to the end of the file
        blocks.append((0, "\n".join(code)))
    return blocks_text(blocks)


def blocks_text(blocks: list[tuple[int, str]]) -> tuple[str | None, str]:
    """A document read as blocks (heading level or 0, text) -> its title heading (if any)
    and its body, paragraphs separated by a blank line.

    The title is the document's first block when that is a heading, else its first
    level-1 heading; it is removed from the body. Back matter (References, Notes ...) and
    boilerplate lines are dropped. Markdown, Word, OpenDocument and EPUB share this.
    """
    title = None
    blocks = [(lvl, t) for lvl, t in blocks if t.strip()]
    if blocks and blocks[0][0]:
        title = blocks.pop(0)[1]
    else:
        first_h1 = next((i for i, (lvl, _) in enumerate(blocks) if lvl == 1), None)
        if first_h1 is not None:
            title = blocks.pop(first_h1)[1]
    paras = drop_boilerplate([t.split("\n") for _, t in drop_sections(blocks)])
    return title, "\n\n".join("\n".join(p) for p in paras)


def drop_sections(blocks: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Blocks (heading level or 0, text) without back matter: a References / Notes / See
    also ... heading and what follows it up to the next heading of the same or a higher
    level (a smaller number), or to the end."""
    out: list[tuple[int, str]] = []
    cut = 0  # level of the back-matter heading being skipped, 0 when none
    for level, text in blocks:
        if cut and (not level or level > cut):
            continue
        cut = level if level and is_back_matter(text) else 0
        if not cut:
            out.append((level, text))
    return out
