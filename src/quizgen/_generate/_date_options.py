"""Wrong dates a student has to think about: the text's other dates of the answer's
precision and era, and nearby ones written the same way ("June 5, 1947" -> "June 15, 1947")."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from collections.abc import Sequence as SequenceABC
from functools import lru_cache

from quizgen._lexicon import MONTHS

_ORD = {1: "st", 2: "nd", 3: "rd"}


class _Chain(SequenceABC[str]):
    """Two sequences read as one, without copying a long pool for every question."""

    def __init__(self, first: Sequence[str], second: Sequence[str]) -> None:
        self._first, self._second = first, second

    def __len__(self) -> int:
        return len(self._first) + len(self._second)

    def __getitem__(self, i: int) -> str:  # type: ignore[override]
        n = len(self._first)
        return self._first[i] if i < n else self._second[i - n]


# Years apart beyond which a date of the text is of another era than the answer: "2011" (a
# modern scientist's death) is no option for the year of Hooke's microscope, 1665.
ERA_YEARS = 100


def same_era(option: str, answer: str) -> bool:
    """Is `option` within ERA_YEARS of `answer`, by their first year of three or four
    digits ("1665", "the 1880s", "May 1780")? Dates without one (centuries, months) pass;
    BC years count backwards. Source: blind review of the fresh held-out set (issue 12)."""
    a, o = _year(answer), _year(option)
    return a is None or o is None or abs(a - o) <= ERA_YEARS


@lru_cache(maxsize=65536)  # asked of every option of every date question, over a few dates
def _year(text: str) -> int | None:
    """The year of a date: "1665", "49 BC" (-49), "AD 120", "the 1880s" (1880); None when
    it names none ("June", "19th century")."""
    if m := _BC_YEAR.search(text):
        return -int(m.group(1))
    m = _AD_YEAR.search(text) or _YEAR.search(text)
    return int(m.group(1)) if m else None


_BC_YEAR = re.compile(r"\b(\d{1,4})\s*(?:BCE?|B\.C\.)")
_AD_YEAR = re.compile(r"(?:\bAD\s*|A\.D\.\s*)(\d{1,4})\b")
_YEAR = re.compile(r"\b(\d{3,4})(?:s\b|\b)")


def date_pool(
    answer: str, granularity: str, text_dates: Sequence[str], rng: random.Random
) -> Sequence[str]:
    """Other dates of the text with the same granularity, and nearby ones in the same format."""
    return _Chain(text_dates, _nearby(answer, granularity, rng))


def _nearby(answer: str, granularity: str, rng: random.Random) -> list[str]:
    if granularity == "year":
        # "1850", "49 BC", "AD 120": the era words stay, so BC goes with BC
        m = re.fullmatch(r"((?:AD|A\.D\.)\s?)?(\d{1,4})(.*)", answer)
        if not m or (len(m.group(2)) < 3 and not (m.group(1) or m.group(3).strip())):
            return []
        head, year, tail = m.group(1) or "", int(m.group(2)), m.group(3)
        offsets = rng.sample([-10, -7, -5, -3, -2, -1, 1, 2, 3, 5, 7, 10], 6)
        return [f"{head}{year + o}{tail}" for o in offsets if year + o > 0]
    if granularity == "decade":
        m = re.fullmatch(r"(\d{3})0s", answer)
        if not m:
            return []
        base = int(m.group(1))
        return [f"{(base + o) * 10}s" for o in (-2, -1, 1, 2) if base + o > 0]
    if granularity == "century":
        m = re.match(r"(\d{1,2})(?:st|nd|rd|th)(.*)", answer)
        if not m:
            return []
        n, tail = int(m.group(1)), m.group(2)
        return [f"{k}{_suffix(k)}{tail}" for k in (n - 2, n - 1, n + 1, n + 2) if 0 < k <= 21]
    if granularity == "month":
        name = answer.split()[-1]
        others = [m.capitalize() for m in MONTHS if m != name.lower()]
        return rng.sample(others, 4)
    if granularity in ("month-year", "day"):
        return _shift_date(answer, rng)
    return []


def _suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else _ORD.get(n % 10, "th")


def _shift_date(answer: str, rng: random.Random) -> list[str]:
    """ "June 5, 1947" -> "June 15, 1947", "July 5, 1947", "June 5, 1948" (same format)."""
    out = []
    m = re.fullmatch(r"([A-Z][a-z]+) (\d{1,2}), (\d{4})", answer)
    if m:
        month, day, year = m.group(1), int(m.group(2)), int(m.group(3))
        out += [f"{month} {d}, {year}" for d in (day + 10, day - 3, day + 1) if 1 <= d <= 28]
        out += [f"{_month_shift(month, s)} {day}, {year}" for s in (1, -2)]
        out += [f"{month} {day}, {year + s}" for s in (1, -1)]
        return out
    m = re.fullmatch(r"(\d{1,2}) ([A-Z][a-z]+) (\d{4})", answer)
    if m:
        day, month, year = int(m.group(1)), m.group(2), int(m.group(3))
        out += [f"{d} {month} {year}" for d in (day + 10, day - 3) if 1 <= d <= 28]
        out += [f"{day} {_month_shift(month, s)} {year}" for s in (1, -2)]
        return out
    m = re.fullmatch(r"([A-Z][a-z]+),? (\d{4})", answer)
    if m:
        month, year = m.group(1), int(m.group(2))
        return [f"{_month_shift(month, s)} {year}" for s in (1, -2, 3)] + [f"{month} {year + 1}"]
    m = re.fullmatch(r"([A-Z][a-z]+) (\d{1,2})", answer)
    if m:
        month, day = m.group(1), int(m.group(2))
        return [f"{month} {d}" for d in (day + 10, day - 3) if 1 <= d <= 28] + [
            f"{_month_shift(month, 1)} {day}"
        ]
    return out


def _month_shift(month: str, shift: int) -> str:
    names = [m.capitalize() for m in MONTHS]
    if month not in names:
        return month
    return names[(names.index(month) + shift) % 12]
