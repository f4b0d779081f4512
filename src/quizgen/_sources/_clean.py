"""Cleaning decoded text: Unicode and whitespace normalization, and dropping web boilerplate.

Boilerplate removal is deliberately conservative: losing a real sentence costs questions,
while a stray "Share" line costs nothing downstream (it has no date, person or organization).
So only a paragraph made *entirely* of boilerplate lines is dropped, and a line counts as
boilerplate only when the whole line matches a known pattern.
"""

from __future__ import annotations

import re
import unicodedata

from quizgen._lexicon import (
    BACK_MATTER,
    BOILERPLATE_LINES,
    CLOSING_MARKS,
    CREDIT_LABELS,
    MEDIA_BOX_HEADINGS,
    MEDIA_NOUNS,
    MEDIA_VERBS,
    NAME_PARTICLES,
    READER_VERBS,
    SENTENCE_MARKS,
)
from quizgen._safetext import strip_unsafe

_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Any whitespace but a newline (tabs, NBSP, ...): runs, or one that is not a plain space.
_SPACES = re.compile(r"[^\S\n]{2,}|[^\S \n]")
_BLANK_RUN = re.compile(r"\n{3,}")

# A line that ends a sentence: '.', '!' or '?', then closing quotes or brackets ('."', '?»').
LINE_ENDS_SENTENCE = re.compile(f"[{re.escape(SENTENCE_MARKS)}][{re.escape(CLOSING_MARKS)}]*$")


def normalize(text: str) -> str:
    """NFC, '\\n' line endings, no control characters, single spaces, no trailing blanks.

    Typographic quotes and apostrophes are kept as they are. Lines are stripped, and runs
    of blank lines become one blank line.
    """
    text = unicodedata.normalize("NFC", text)
    text = _LINE_BREAKS.sub("\n", text)
    text = strip_unsafe(text)  # escapes, controls, bidi and zero-width marks: see _safetext
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_RUN.sub("\n\n", text).strip("\n")


def _cells(line: str) -> list[str]:
    """The non-empty cells of a line split at its tabs."""
    return [c.strip() for c in line.split("\t") if c.strip()]


def tab_rows(text: str) -> str:
    """Each cell of a table typed with tabs as a paragraph of its own (before `normalize`
    makes tabs spaces): a table is two lines or more in a row, each of two cells or more,
    all of as many cells (a stray tab in a line of prose is a space). Run into the rows
    around it, one ending on "Jr." made the table one sentence, and the tagger read
    "Motorsports Jeff Gordon" (a team's last word and its driver) as one person (blind
    review 4); joined by "; " or ", " in a row, it read the teams listed with drivers as
    people. A cell alone is read as the name it is, or not at all."""
    if "\t" not in text:
        return text
    lines = text.split("\n")
    counts = [len(_cells(line)) if "\t" in line else 0 for line in lines]
    out = []
    for k, line in enumerate(lines):
        n = counts[k]
        beside = [counts[j] for j in (k - 1, k + 1) if 0 <= j < len(lines)]
        if n >= 2 and n in beside:
            out.append("\n" + "\n\n".join(_cells(line)) + "\n")
        else:
            out.append(line)
    return "\n".join(out)


def paragraphs(text: str) -> list[list[str]]:
    """Split normalized text into paragraphs, each a list of its lines."""
    return [block.split("\n") for block in text.split("\n\n") if block.strip()]


_STAFF = re.compile(
    r"(?:the\s+)?(?:[a-z]+\s+)?(?:staff\s+(?:writer|reporter)s?|correspondents?|"
    r"special\s+correspondent|staff\s+and\s+wire\s+reports)"
)
# "By JOHN SMITH", "By Jane Roe and John W. Smith, Times Staff Writers", "BY ANNA KO | Reuters".
_NAME = rf"[A-ZÀ-Þ][\w.'’-]*(?:\s+(?:[A-ZÀ-Þ][\w.'’-]*|{'|'.join(NAME_PARTICLES)}))*"
_BYLINE = re.compile(
    rf"(?:by|BY|By)\s+{_NAME}(?:\s*(?:,|and|AND|&)\s+{_NAME})*"
    rf"(?:\s*[,|–—-]\s*(?:[A-ZÀ-Þ][\w.’'&-]*|of|the)(?:\s+(?:[A-ZÀ-Þ][\w.’'&-]*|of|the))*)?"
)
# Calls to action, dropped only when short or not a sentence (see _is_call_to_action).
_CALL_TO_ACTION = re.compile(
    r"(?:click\s+here|tap\s+here|read\s+more|read\s+next|continue\s+reading|subscribe|"
    r"sign\s+up|sign\s+in|log\s+in|register\s+now|get\s+the\s+app|download\s+the\s+app)\b",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"(?:©|copyright\s+©|copyright\s+\(c\)|\(c\)\s+\d{4})", re.IGNORECASE)


def is_boilerplate(line: str) -> bool:
    """True when a whole line is web furniture: an ad marker, a share button, a byline, ..."""
    key = line.strip().rstrip(":>›»|").strip()
    low = key.lower()
    if not key:
        return False
    if low in BOILERPLATE_LINES or _STAFF.fullmatch(low):
        return True
    if len(key.split()) > 12:
        return False
    if _BYLINE.fullmatch(key) and not LINE_ENDS_SENTENCE.search(key):
        return True
    if _CALL_TO_ACTION.match(key) and _is_call_to_action(key):
        return True
    return bool(_COPYRIGHT.match(key))


def _is_call_to_action(line: str) -> bool:
    # "Subscribe to our newsletter." is furniture; "Sign up for the class before the
    # exam in May, the dean said." reads as a sentence and stays.
    words = len(line.split())
    ends_sentence = bool(LINE_ENDS_SENTENCE.search(line)) and not line.endswith(("...", "…"))
    return not ends_sentence or words <= 5


def drop_boilerplate(paras: list[list[str]]) -> list[list[str]]:
    """Remove the paragraphs whose every line is boilerplate."""
    return [p for p in paras if not all(is_boilerplate(line) for line in p)]


# --- media boxes and name rosters (issue 12) -----------------------------------------------

# An instruction's opening: the verb first ("Listen to the podcast below"), or after a
# fronted purpose ("For a look at ..., view the documentary ...").
_INSTRUCTION = re.compile(r"(?:(?:For|To)\s[^.;:!?]{1,160}?,\s+)?(?:[Pp]lease\s+)?(?P<verb>\w+)")
_INSTRUCTION_WORDS = 60  # an instruction is a line or two; longer is a paragraph of prose
_WORD_EDGES = "\"'“”‘’.,;:!?()[]"


def is_link_instruction(text: str) -> bool:
    """A paragraph that sends the reader to a medium instead of telling a fact: "Listen to
    the podcast below ...", "Visit the website to learn more", "For a look at ..., view the
    1957 documentary ...". An imperative from MEDIA_VERBS opens it and a word of MEDIA_NOUNS
    is in it. Asked from, it made questions about a podcast (issue 12, review 3)."""
    words = text.split()
    m = _INSTRUCTION.match(text)
    if not m or len(words) > _INSTRUCTION_WORDS or m.group("verb").lower() not in MEDIA_VERBS:
        return False
    # the verb opens the line capitalised, or follows the fronted phrase in lower case
    if (m.start("verb") == 0) != m.group("verb")[0].isupper():
        return False
    return any(w.strip(_WORD_EDGES).lower() in MEDIA_NOUNS for w in words)


# A sentence's opening word: the text's first, or one after a sentence end and a space.
_SENTENCE_OPENING = re.compile(r"(?:^|(?<=[.!?])\s+)([A-Z][a-z]+)\s")


def _instructs(text: str) -> bool:
    """Does a sentence of `text` open with an instruction to the reader ("Read about the
    inventor's folly to learn the story ...", READER_VERBS)? Under a media box heading,
    that makes the paragraph the box's, where no medium is named (blind review 5)."""
    return any(m.group(1).lower() in READER_VERBS for m in _SENTENCE_OPENING.finditer(text))


def drop_media_boxes(paras: list[list[str]]) -> list[list[str]]:
    """Without link instructions (see is_link_instruction) and textbook media boxes: a
    heading of MEDIA_BOX_HEADINGS ("Click and Explore") and, under it, a paragraph that
    speaks of a medium ("The PBS video on ... presents ...")."""
    out: list[list[str]] = []
    after_box = False
    for p in paras:
        text = " ".join(p)
        if len(p) == 1 and text.strip().rstrip(":").lower() in MEDIA_BOX_HEADINGS:
            after_box = True
            continue
        words = {w.strip(_WORD_EDGES).lower() for w in text.split()}
        if is_link_instruction(text) or (after_box and (words & MEDIA_NOUNS or _instructs(text))):
            after_box = False
            continue
        after_box = False
        out.append(p)
    return out


# --- citation markers and back matter (issue 11) -------------------------------------------

# Wikipedia's reference and note markers ("1857.[1]", "[12]", "[a]", "[note 1]", "[nb 2]",
# "[1]: 23" with a page) and its inline cleanup tags ("[citation needed]", "[when?]",
# "[dubious – discuss]"). Editorial brackets in a quotation ("They [the Trust] will") stay:
# only these shapes are markers.
_MARKER = (
    r"\[(?:\d{1,3}|[a-z]|(?i:note|nb|n)\s?\d{1,3}|(?i:[a-z][a-z -]{0,30}\sneeded)"
    r"|(?i:who|when|where|which|why|how|by whom|according to whom|clarify|vague|update"
    r"|dubious|disputed|failed verification|original research|unreliable source"
    r"|self-published source|dead link|permanent dead link)\??(?:\s?[–—-]\s?discuss)?)\]"
    r"(?::\s?\d{1,4}(?:[–-]\d{1,4})?)?"
)
_MARKERS = re.compile(rf"[ ]?(?:{_MARKER})+|\[\^[^\]\s]{{1,20}}\]")

"""Section headings (lower-cased) of a text's back matter: no facts to ask about, only
titles and names of authors. Wikipedia's standard appendices, and what textbooks add."""


def drop_citations(text: str) -> str:
    """Remove citation markers without gluing what they separated: "1857.[1] The" ->
    "1857. The", "in 1988[4] and" -> "in 1988 and", "1857.[1]The" -> "1857. The".
    Markdown footnote references ("[^1]") go too."""

    def drop(m: re.Match[str]) -> str:
        before = text[m.start() - 1 : m.start()]
        after = text[m.end() : m.end() + 1]
        return " " if after.isalnum() and before and not before.isspace() else ""

    return _MARKERS.sub(drop, text) if "[" in text else text


def is_back_matter(heading: str) -> bool:
    """True for a heading that opens back matter: "References", "See also:", "NOTES"."""
    return heading.strip().rstrip(":").strip().lower() in BACK_MATTER


# --- picture credits (issue 11) ---------------------------------------------------------------

_LABEL = "|".join(
    sorted((re.escape(w).replace(r"\ ", r"\s") for w in CREDIT_LABELS), key=len)[::-1]
)
# "(Photo: Jane Roe/AP)" anywhere in a line; a figure's parts by letter, "(credit a, b: Jane
# Roe)" (a textbook's captions credit their panels so: blind review 4 saw one kept).
_BRACKETED_CREDIT = re.compile(
    rf"\s*\((?i:{_LABEL})(?:\s[a-z](?:,\s?[a-z])*)?\s?:\s?[^()\n]{{1,80}}\)"
)
# "... in 2012. Image: Jane Roe." closing a line, or a line of its own: the credit opens the
# line or follows a sentence's end.
_CREDIT_TAIL = re.compile(
    rf"(?:^|(?<=[.!?”\"’)])\s)(?P<label>(?i:{_LABEL}))\s?:\s?(?P<who>[^\n]+)$", re.M
)
_CREDIT_WORDS = 12  # a credit names a person, an agency or a file; longer is a sentence


def drop_credits(text: str) -> str:
    """Remove picture credits: "Image: Jane Roe." after a caption or alone on a line,
    "(Photo: AP)", "File:harbour.jpg". A credit glued to the caption before it made the
    photographer a person of the text. A capitalised label is required at a line's end
    ("Credit: the bank ..." opening a long line is a sentence and stays)."""

    def tail(m: re.Match[str]) -> str:
        short = len(m.group("who").split()) <= _CREDIT_WORDS
        return "" if short and m.group("label")[0].isupper() else m.group(0)

    if ":" not in text:
        return text
    text = _BRACKETED_CREDIT.sub("", text)
    return "\n".join(line.rstrip() for line in _CREDIT_TAIL.sub(tail, text).split("\n"))
