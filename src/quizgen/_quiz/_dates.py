"""Date answers compared as dates: "5 June 1947" is "June 5, 1947", 1969 is not 1979.

`read_date` turns what a deck or a learner wrote into the dates it may mean, each a `When`
(a precision and a value); `compare_dates` says whether a response names the answer's date.
Forms with a month name go to python-dateutil, imported on first use (its import costs
~0.1 s, which the first question must not wait for); the rest are small patterns here:

- day: "June 5, 1947", "5 Jun. 1947", "June 5th, 1947", "1947-06-05", "5/6/1947" (an
  all-numeric day-month order only when one reading is impossible or `order` says which)
- month: "June 1947", "1947-06", "6/1947"
- year: "1979", "in 1979", "49 BC", "49 B.C.", "49 BCE", "AD 79"
- decade: "1950s", "the 1950's", "the '50s", "the fifties" (no century: any century)
- century: "17th century", "seventeenth century", "1600s" (also the decade 1600-1609)
- range: "1914–1918", "1914-18", "from 1914 to 1918", "between 1914 and 1918"
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from quizgen._lexicon import DECADE_WORDS, ORDINAL_WORDS

Precision = Literal["century", "decade", "year", "month", "day", "range"]
Order = Literal["dmy", "mdy"]
# Coarse to fine: a response one step coarser than the answer is worth a second try.
LEVELS: tuple[Precision, ...] = ("century", "decade", "year", "month", "day")

# Words people put before a date, or leave out: "in 1979" is "1979".
_LEADING = re.compile(
    r"^(?:(?:in|on|by|during|around|about|circa|ca\.?|c\.|since|the|year|of)\s+)+"
)
_BC = r"b\.?\s?c\.?(?:\s?e\.?)?"
_AD = r"a\.?\s?d\.?|c\.?\s?e\.?"
_YEAR_ERA = re.compile(rf"^(\d{{1,4}})\s*(?:({_BC})|{_AD})?$")
_ERA_YEAR = re.compile(rf"^(?:{_AD})\s*(\d{{1,4}})$")
_RANGE = re.compile(r"^(?:from\s+|between\s+)?(\d{3,4})\s*(?:-|/|to|and|until|till)\s*(\d{2,4})$")
_DECADE = re.compile(r"^(?:'?(\d{2})|(\d{3,4}))\s*'?s$")
_CENTURY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+(?:century|cent\.?|c\.?)$")
_CENTURY_WORD = re.compile(r"^((?:twenty\s)?[a-z]+)\s+century$")
_NUMERIC_DAY = re.compile(r"^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})$")
_NUMERIC_MONTH = re.compile(r"^(\d{4})-(\d{2})$|^(\d{1,2})[/.](\d{3,4})$")
_YEAR_TOKEN = re.compile(r"(?<!\d)\d{3,4}(?!\d)")


@dataclass(frozen=True)
class When:
    """One reading of a date. `value` by precision: day (y, m, d), month (y, m), year (y,),
    decade (first year,) or (tens,) when no century is said ("the fifties": (50,)),
    century (n,), range (first year, last year). Years before Christ are negative."""

    precision: Precision
    value: tuple[int, ...]


class AmbiguousDate(ValueError):
    """An all-numeric day whose day and month could be swapped ("5/6/1947")."""


def read_date(text: str, order: Order | None = None) -> frozenset[When]:
    """The dates `text` may mean; empty when it is not a date this module reads.

    Raises AmbiguousDate for "5/6/1947" without `order` (day-first "dmy" or "mdy").
    """
    t = _clean(text)
    if not t or (not any(c.isdigit() for c in t) and "centur" not in t and t not in DECADE_WORDS):
        return frozenset()
    for reader in (_era_year, _range, _decade, _century, _numeric, _numeric_month):
        found = reader(t, order)
        if found:
            return frozenset(found)
    return frozenset(_with_month_name(t))


def compare_dates(
    answer: str, response: str, order: Order | None = None
) -> Literal["same", "coarser", "different"] | None:
    """How `response` stands to the date `answer`: "same" date at the answer's precision,
    "coarser" (one step less precise and consistent: "June 1947" for "June 5, 1947"),
    "different", or None when either is not a date (compare them as text then).

    Raises AmbiguousDate when the response's day and month could be swapped.
    """
    wanted = read_date(answer, order)
    if not wanted:
        return None
    said = read_date(response, order)
    if not said:
        return None
    if any(_same(a, r) for a in wanted for r in said):
        return "same"
    for a in wanted:
        for r in said:
            if a.precision in LEVELS and r.precision in LEVELS:
                step = LEVELS.index(a.precision) - LEVELS.index(r.precision)
                if step == 1 and _coarsen(a, r.precision) == r:
                    return "coarser"
    return "different"


def _clean(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold().strip()
    folded = re.sub(r"[\u2010-\u2015\u2212]", "-", folded)  # en dash, minus ... as "-"
    folded = folded.replace("\u2019", "'").rstrip(" .!?;:,")
    folded = re.sub(r"\s+", " ", folded)
    return _LEADING.sub("", folded).strip()


def _same(a: When, r: When) -> bool:
    if a.precision != r.precision:
        return False
    if a.precision == "decade" and min(a.value[0], r.value[0]) < 100:
        return a.value[0] % 100 == r.value[0] % 100  # "the fifties": any century's
    return a == r


def _coarsen(when: When, precision: Precision) -> When:
    """`when` (day, month or year) at a coarser precision."""
    year = when.value[0]
    if precision == "month":
        return When("month", when.value[:2])
    if precision == "year":
        return When("year", (year,))
    if precision == "decade":
        return When("decade", (year - year % 10,))
    return When("century", ((year - 1) // 100 + 1,))


def _era_year(t: str, order: Order | None) -> list[When]:
    if m := _ERA_YEAR.match(t):
        return [When("year", (int(m.group(1)),))]
    m = _YEAR_ERA.match(t)
    if not m:
        return []
    year = int(m.group(1))
    return [When("year", (-year if m.group(2) else year,))]


def _range(t: str, order: Order | None) -> list[When]:
    m = _RANGE.match(t)
    if not m:
        return []
    start, end_text = int(m.group(1)), m.group(2)
    if len(end_text) == 2:
        if "-" in t and int(end_text) <= 12 and start % 100 >= int(end_text):
            return []  # "1947-06" is June 1947, not a range back in time
        end = start - start % 100 + int(end_text)
        end += 100 if end < start else 0  # "1998-03": 1998 to 2003
    else:
        end = int(end_text)
    return [When("range", (start, end))] if start < end else []


def _decade(t: str, order: Order | None) -> list[When]:
    if t in DECADE_WORDS:
        return [When("decade", (DECADE_WORDS[t],))]
    m = _DECADE.match(t)
    if not m:
        return []
    if m.group(1):
        return [When("decade", (int(m.group(1)),))]
    year = int(m.group(2))
    if year % 100 == 0:  # "1600s": the century, or the decade 1600-1609
        return [When("century", (year // 100 + 1,)), When("decade", (year,))]
    return [When("decade", (year,))] if year % 10 == 0 else []


def _century(t: str, order: Order | None) -> list[When]:
    if m := _CENTURY.match(t):
        return [When("century", (int(m.group(1)),))]
    m = _CENTURY_WORD.match(t.replace("-", " "))
    if not m:
        return []
    words = m.group(1).split()
    if ORDINAL_WORDS.get(words[-1], 21) > 20:
        return []
    number = ORDINAL_WORDS[words[-1]] + (20 if len(words) == 2 else 0)
    return [When("century", (number,))]


def _numeric(t: str, order: Order | None) -> list[When]:
    m = _NUMERIC_DAY.match(t)
    if not m:
        return []
    a, b, c = m.groups()
    if len(a) == 4:
        return _day(int(a), int(b), int(c))
    if len(c) < 3:
        return []  # a two-digit year: which century?
    first, second, year = int(a), int(b), int(c)
    dmy, mdy = _day(year, second, first), _day(year, first, second)
    if dmy and mdy and dmy != mdy:
        if order is None:
            raise AmbiguousDate(t)
        return dmy if order == "dmy" else mdy
    return dmy or mdy


def _numeric_month(t: str, order: Order | None) -> list[When]:
    m = _NUMERIC_MONTH.match(t)
    if not m:
        return []
    year, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    return [When("month", (int(year), int(month)))] if 1 <= int(month) <= 12 else []


def _day(year: int, month: int, day: int) -> list[When]:
    try:
        date(year, month, day)
    except ValueError:
        return []
    return [When("day", (year, month, day))]


def _with_month_name(t: str) -> list[When]:
    """Day or month precision from dateutil, for text with a month name and a full year.

    dateutil fills what the text leaves out from a default date, so the text is parsed
    with two defaults that differ in every field: what differs was not in the text.
    """
    if not re.search(r"[a-z]{3}", t) or not _YEAR_TOKEN.search(t):
        return []
    from dateutil.parser import ParserError, parse

    try:
        a = parse(t, default=datetime(1004, 1, 1))
        b = parse(t, default=datetime(1008, 12, 28))
    except (ParserError, ValueError, OverflowError):
        return []
    if a.year != b.year or a.month != b.month:
        return []
    if a.day == b.day:
        return [When("day", (a.year, a.month, a.day))]
    return [When("month", (a.year, a.month))]
