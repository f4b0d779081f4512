"""Dates: which date expressions are worth asking about, and their normalized forms.

Only absolute dates are kept: years, decades, centuries, months, full dates. Relative
dates ("Tuesday", "later this month") are kept only when the source's published date
resolves them. Durations and vague words ("four-day", "a decade", "today") never are.
"""

from __future__ import annotations

import datetime as dt
import re

from quizgen._extract._types import Sentence
from quizgen._lexicon import MONTHS, ORDINAL_WORDS, SEASON_CODES, WEEKDAYS

_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR = r"(?P<year>(?:1[0-9]|20)\d\d|[1-9]\d{2})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_ERAS = r"(?P<era>BC|BCE|AD|CE|B\.C\.|A\.D\.|B\.C\.E\.|C\.E\.)"
_ERA = rf"(?:\s*{_ERAS})?"
_SEASON = r"spring|summer|autumn|fall|winter"
# ISO 8601-2 (EDTF) writes a season as a "month" 21-24: "1871-21" is the spring of 1871.
_PART = re.compile(r"^(?:the\s+)?(early|mid|late)\b", re.I)
_DASHES = {"-", "–", "—"}

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("day", re.compile(rf"^{_MONTH}\s+{_DAY},?\s+{_YEAR}$", re.I)),
    ("day", re.compile(rf"^{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}$", re.I)),
    ("month-year", re.compile(rf"^{_MONTH},?\s+(?:of\s+)?{_YEAR}$", re.I)),
    ("month-day", re.compile(rf"^{_MONTH}\s+{_DAY}$", re.I)),
    ("month-day", re.compile(rf"^{_DAY}\s+(?:of\s+)?{_MONTH}$", re.I)),
    ("month", re.compile(rf"^(?:early |late |mid-?)?{_MONTH}$", re.I)),
    (
        "season",
        re.compile(
            rf"^(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?P<season>{_SEASON})\s+(?:of\s+)?{_YEAR}$",
            re.I,
        ),
    ),
    ("season", re.compile(rf"^(?:the\s+)?{_YEAR}\s+(?P<season>{_SEASON})$", re.I)),
    (
        "decade",
        re.compile(
            r"^(?:the\s+)?(?:early |late |mid-?)?(?P<year>(?:1[0-9]|20)\d0)(?:'s|’s|s)$", re.I
        ),
    ),
    ("year", re.compile(rf"^(?:the\s+)?(?:year\s+)?{_YEAR}{_ERA}$", re.I)),
    # With an era, any year is one: "49 BC", "AD 14", "in the year 70 CE".
    ("year", re.compile(rf"^(?:the\s+)?(?:year\s+)?(?P<year>[1-9]\d{{0,3}})\s*{_ERAS}$", re.I)),
    ("year", re.compile(r"^(?P<era>AD|A\.D\.)\s*(?P<year>[1-9]\d{0,3})$", re.I)),
    (
        "century",
        re.compile(
            r"^(?:the\s+)?(?:(?:early|late|mid|mid-)\s*)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)[\s-]+century(?:\s+(?P<era>BC|BCE|AD|CE))?$",
            re.I,
        ),
    ),
]


_RELATIVE_DAY = {"yesterday": -1}
_RELATIVE_MONTH = re.compile(r"^(?:(?:earlier|later) )?(?P<which>this|last|next) month$", re.I)
_RELATIVE_YEAR = re.compile(r"^(?:(?:earlier|later) )?(?P<which>this|last|next) year$", re.I)


def in_title(sent: Sentence, start: int, end: int) -> bool:
    """Is the one-word date [start, end) the end of a title after a colon, inside a sentence
    ("his role on Orbit: 2051", a show's or a film's name)? Not a label opening a line
    ("Born: 1921"): a word that is no punctuation stands before the title's word."""
    toks = sent.tokens
    return (
        end - start == 1
        and start >= 3
        and toks[start - 1].text == ":"
        and toks[start - 2].text[:1].isupper()
        and toks[start - 3].pos != "PUNCT"
    )


def month_number(word: str) -> int | None:
    """1-12 for a month name or its abbreviation."""
    return _MONTH_ABBR.get(word.lower().rstrip(".")[:3])


def parse_date(text: str, published: str | None = None) -> tuple[str, str, str, str | None] | None:
    """Classify a date expression: (granularity, answer, normalized, relative phrase) or None.

    None means it is no date to ask about: a duration, a vague word, or a relative date
    the published date cannot resolve.
    """
    clean = re.sub(r"\s+", " ", text.strip())
    clean = re.sub(r"^(?:in|on|at|by|since|during)\s+", "", clean, flags=re.I)
    for granularity, pattern in _PATTERNS:
        m = pattern.match(clean)
        if not m:
            continue
        groups = m.groupdict()
        answer = re.sub(r"^the\s+", "", clean, flags=re.I)
        if granularity == "century":
            n = _century_number(groups["ord"])
            if n is None or not 1 <= n <= 21:
                return None
            era = f" {groups['era']}" if groups.get("era") else ""
            return "century", answer, f"{n}C{era}", None
        if granularity == "decade":
            return "decade", answer, f"{groups['year']}s", None
        if granularity == "season":
            code = SEASON_CODES[groups["season"].lower()]
            return "season", answer, f"{int(groups['year']):04d}-{code}", None
        if granularity == "year":
            year = int(groups["year"])
            if groups.get("era") is None and not 1000 <= year <= 2100:
                return None
            return (
                "year",
                answer,
                groups["year"] + (f" {groups['era']}" if groups.get("era") else ""),
                None,
            )
        month = month_number(groups["month"])
        if month is None:
            return None
        if granularity == "month":
            # "may" alone is too often the verb; only a capitalised May counts.
            if clean.lower() == "may" and not clean[0].isupper():
                return None
            year = _published_year(published)
            return "month", answer, f"{year}-{month:02d}" if year else f"--{month:02d}", None
        if granularity == "month-year":
            return "month-year", answer, f"{int(groups['year']):04d}-{month:02d}", None
        day = int(groups["day"])
        if not 1 <= day <= 31:
            return None
        if granularity == "month-day":
            year = _published_year(published)
            return (
                "day",
                answer,
                f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}",
                None,
            )
        try:
            iso = dt.date(int(groups["year"]), month, day).isoformat()
        except ValueError:
            return None
        return "day", answer, iso, None
    return _resolve_relative(clean, published)


def date_part(text: str) -> str | None:
    """ "early", "mid" or "late" for "the early 19th century", "mid-1990s", "late spring of
    1871": the part of the decade, century, month or season meant; None for the whole."""
    m = _PART.match(text.strip())
    return m.group(1).lower() if m else None


def year_range(a: str, dash: str, b: str) -> tuple[str, str] | None:
    """The two years of a range written as three tokens: ("1914", "–", "1918") or the short
    end year ("1939", "–", "45") -> ("1939", "1945"). None unless the end comes after the
    start within a century (so "1990–95" is a range; "1995–1990" and "1914-2" are not)."""
    if dash not in _DASHES or not re.fullmatch(r"1[0-9]\d\d|20\d\d", a):
        return None
    if re.fullmatch(r"\d\d", b):
        end = int(a[:2] + b)
        end += 100 if end <= int(a) else 0  # "1998–02" crosses into 2002
    elif re.fullmatch(r"1[0-9]\d\d|20\d\d", b):
        end = int(b)
    else:
        return None
    return (a, str(end)) if 0 < end - int(a) < 100 else None


def _century_number(word: str) -> int | None:
    word = word.lower()
    m = re.match(r"^(\d{1,2})(?:st|nd|rd|th)$", word)
    if m:
        return int(m.group(1))
    return ORDINAL_WORDS.get(word)


def _published_year(published: str | None) -> int | None:
    return int(published[:4]) if published and re.match(r"^\d{4}", published) else None


def _published_date(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _resolve_relative(
    phrase: str, published: str | None
) -> tuple[str, str, str, str | None] | None:
    """Resolve "Tuesday", "yesterday", "last month" ... against the published date."""
    base = _published_date(published)
    if base is None:
        return None
    lower = phrase.lower()
    last = re.match(r"(?:last|this past)\s", lower) is not None
    lower = re.sub(r"^(?:last|on|this past)\s+", "", lower)
    if lower in WEEKDAYS:
        # News usage: a bare weekday is the most recent one up to the article's date (a report
        # dated Thursday says "on Thursday" of that day); "last Thursday" is a week before it.
        back = (base.weekday() - WEEKDAYS.index(lower)) % 7 or (7 if last else 0)
        day = base - dt.timedelta(days=back)
        return "day", _format_day(day), day.isoformat(), phrase
    if lower in _RELATIVE_DAY:
        day = base + dt.timedelta(days=_RELATIVE_DAY[lower])
        return "day", _format_day(day), day.isoformat(), phrase
    m = _RELATIVE_MONTH.match(phrase)
    if m:
        shift = {"this": 0, "last": -1, "next": 1}[m.group("which").lower()]
        month_index = base.year * 12 + base.month - 1 + shift
        year, month = divmod(month_index, 12)
        return (
            "month-year",
            f"{MONTHS[month].capitalize()} {year}",
            f"{year:04d}-{month + 1:02d}",
            phrase,
        )
    m = _RELATIVE_YEAR.match(phrase)
    if m:
        year = base.year + {"this": 0, "last": -1, "next": 1}[m.group("which").lower()]
        return "year", str(year), str(year), phrase
    return None


def _format_day(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1].capitalize()} {day.day}, {day.year}"


def split_range(text: str) -> list[str] | None:
    """The two ends of a range ("1947 to 1952", "1939-1945"), or None."""
    m = re.match(
        rf"^(?:from\s+|between\s+)?(?P<a>.+?)\s*(?:-|–|—|\bto\b|\band\b|\buntil\b|\bthrough\b)\s*(?P<b>{_YEAR})$",
        text.strip(),
        re.I,
    )
    if not m:
        return None
    return [m.group("a"), m.group("b")]
