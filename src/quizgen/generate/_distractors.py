"""Wrong answers that are plausible: same kind, same granularity, never another name of the answer."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from quizgen.extract._dates import MONTHS

_ORD = {1: "st", 2: "nd", 3: "rd"}


def _norm(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.casefold().replace("’", "'")).strip()


def _overlaps(a: str, b: str) -> bool:
    """Two names that share a word ("President" / "Russian President") would confuse a choice."""
    wa, wb = set(_norm(a).split()), set(_norm(b).split())
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def pick(
    answer: str,
    pool: Sequence[str],
    avoid: Sequence[str],
    rng: random.Random,
    count: int = 3,
) -> list[str]:
    """Up to `count` distractors from `pool`: not the answer, none of `avoid`, no two alike."""
    banned = [answer, *avoid]
    chosen: list[str] = []
    candidates = sorted(set(pool))
    rng.shuffle(candidates)
    for c in candidates:
        if any(_norm(c) == _norm(b) or _overlaps(c, b) for b in banned):
            continue
        if any(_overlaps(c, other) for other in chosen):
            continue
        chosen.append(c)
        if len(chosen) == count:
            break
    return chosen


def date_pool(
    answer: str, granularity: str, text_dates: Sequence[str], rng: random.Random
) -> list[str]:
    """Other dates of the text with the same granularity, then nearby ones in the same format."""
    near = _nearby(answer, granularity, rng)
    # Dates of the text come first: they are the plausible confusions.
    return list(dict.fromkeys([*text_dates, *near]))


def _nearby(answer: str, granularity: str, rng: random.Random) -> list[str]:
    if granularity == "year":
        m = re.fullmatch(r"(\d{3,4})(.*)", answer)
        if not m:
            return []
        year, tail = int(m.group(1)), m.group(2)
        offsets = rng.sample([-10, -7, -5, -3, -2, -1, 1, 2, 3, 5, 7, 10], 6)
        return [f"{year + o}{tail}" for o in offsets if year + o > 0]
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
