"""Wrong answers that are plausible: same kind, same granularity, never another name of the answer."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Sequence as SequenceABC
from functools import lru_cache

from quizgen._lexicon import (
    MONTHS,
    NATIONALITY_ENDINGS,
    NEAR_SUBTYPES,
    POST_DOMAINS,
    RESEARCH_HEADS,
    TITLE_WORDS,
)

_ORD = {1: "st", 2: "nd", 3: "rd"}


@lru_cache(maxsize=65536)
def _norm(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.casefold().replace("’", "'")).strip()


@lru_cache(maxsize=65536)
def _words(text: str) -> frozenset[str]:
    return frozenset(_norm(text).split())


def _overlaps(a: str, b: str) -> bool:
    """Two names that share a word ("President" / "Russian President") would confuse a
    choice, as would two forms of one word ("Confederacy" / "Confederate")."""
    wa, wb = _words(a), _words(b)
    if len(wa) == len(wb) == 1 and _stem(a) == _stem(b):
        return True
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _stem(word: str) -> str:
    """The first six letters of a one-word name: "Confederacy", "Confederate" -> "confed"."""
    norm = _norm(word)
    return norm[:6] if len(norm) >= 6 else norm


class Pool:
    """The names of one kind in a run, sorted, with an index to find those a text mentions.

    Built once per run: a question looks up names in its own words instead of scanning
    every name, so a book with thousands of names stays linear.
    """

    def __init__(self, names: Iterable[str], articles: dict[str, str] | None = None) -> None:
        self._members = frozenset(names)
        self.names = sorted(self._members)
        self.articles = articles or {}  # name -> "the" when the text writes "the <name>"
        self._by_word: dict[str, list[str]] = {}
        for name in self.names:
            first = re.search(r"\w+", name.lower())
            self._by_word.setdefault(first.group() if first else "", []).append(name)

    def __len__(self) -> int:
        return len(self.names)

    def __contains__(self, name: object) -> bool:
        return name in self._members

    def __getitem__(self, i: int) -> str:
        return self.names[i]

    def mentioned_in(self, text: str) -> list[str]:
        """The names that occur in `text` (case-insensitive), in sorted order."""
        lowered = text.lower()
        keys = {"", *re.findall(r"\w+", lowered)}
        found = [n for k in keys for n in self._by_word.get(k, ()) if n.lower() in lowered]
        return sorted(found)


class _Chain(SequenceABC[str]):
    """Two sequences read as one, without copying a long pool for every question."""

    def __init__(self, first: Sequence[str], second: Sequence[str]) -> None:
        self._first, self._second = first, second

    def __len__(self) -> int:
        return len(self._first) + len(self._second)

    def __getitem__(self, i: int) -> str:  # type: ignore[override]
        n = len(self._first)
        return self._first[i] if i < n else self._second[i - n]


def _shuffled(seq: Sequence[str], rng: random.Random) -> Iterator[str]:
    """`seq` in a random order, drawn lazily (sparse Fisher-Yates): early picks cost O(1)."""
    moved: dict[int, int] = {}
    for i in range(len(seq) - 1, -1, -1):
        j = rng.randrange(i + 1)
        yield seq[moved.get(j, j)]
        moved[j] = moved.get(i, i)


def pick(
    answer: str,
    pool: Sequence[str],
    avoid: Sequence[str],
    rng: random.Random,
    count: int = 3,
    unless_in: str = "",
) -> list[str]:
    """Up to `count` distractors from `pool`: not the answer, none of `avoid`, no two alike,
    and none that `unless_in` (the question's own sentence) mentions."""
    banned = [answer, *avoid]
    banned_norms = {_norm(b) for b in banned}
    seen_in = unless_in.lower()
    chosen: list[str] = []
    for c in _shuffled(pool, rng):
        if seen_in and c.lower() in seen_in:
            continue
        if _norm(c) in banned_norms or any(_overlaps(c, b) for b in banned):
            continue
        if any(_overlaps(c, other) for other in chosen):
            continue
        chosen.append(c)
        if len(chosen) == count:
            break
    return chosen


_EMPTY = Pool(())


def org_family(name: str, subtype: str | None) -> str:
    """An organization's fine kind for its distractors: its subtype (`_lexicon.ORG_SUBTYPES`),
    else "research body" for an institute or centre, else "" (unknown, with the unknown)."""
    if subtype:
        return subtype
    last = re.findall(r"\w+", name.lower())[-1:]
    return "research body" if last and last[0] in RESEARCH_HEADS else ""


def pick_of_kind(
    answer: str,
    family: str,
    pools: Mapping[str, Pool],
    avoid: Sequence[str],
    rng: random.Random,
    count: int = 3,
) -> list[str]:
    """Up to `count` organizations to stand for `answer`, of its own `family` first (a news
    outlet for a news outlet), then of the near ones (`_lexicon.NEAR_SUBTYPES`: a ministry
    for a legislature), never of another (a party never for a ministry). `pools` maps
    "org:FAMILY" to names; fewer than three means the question is asked as a short answer.
    """
    chosen: list[str] = []
    for fam in (family, *NEAR_SUBTYPES.get(family, ())):
        if len(chosen) >= min(count, 3):
            break
        chosen += pick(
            answer, pools.get(f"org:{fam}", _EMPTY), [*avoid, *chosen], rng, count - len(chosen)
        )
    return chosen


def same_post(answer: str, options: Sequence[str]) -> list[str]:
    """The `options` a student cannot dismiss as posts for `answer`: of its domain
    (`_lexicon.POST_DOMAINS`: a president's among offices of state, never an analyst's)
    where both are known, and of no other country ("Chinese President" is no distractor
    for "Russian Deputy Foreign Minister")."""
    domain, nation = _post_domain(answer), _nationality(answer)
    return [
        o
        for o in options
        if (not domain or _post_domain(o) in (domain, ""))
        and (not nation or _nationality(o) in (nation, ""))
        and not re.search(r"[’']s\b", o)  # "President Roosevelt's daughter" is no post
    ]


def _post_domain(title: str) -> str:
    """The domain of a title by its head word: "Chief of Staff" -> "", "Analyst of the
    Carnegie Moscow Center" -> "research", "Russian Deputy Foreign Minister" -> "state"."""
    head = title.split(" of ", 1)[0].lower().split()
    for word in reversed(head):
        for domain, words in POST_DOMAINS.items():
            if word in words:
                return domain
    return ""


def _nationality(title: str) -> str:
    """The country word of a title ("Russian", "Chinese"), or "": a capitalized word that
    is no title word and ends like a nationality."""
    for word in re.findall(r"[A-Z][a-z]+", title):
        if word.lower() not in TITLE_WORDS and word.lower().endswith(NATIONALITY_ENDINGS):
            return word
    return ""


@lru_cache(maxsize=65536)
def shape(text: str) -> str:
    """The form of an option: digits as 9, words as a/A ("49 BC" -> "99 A", "1850" -> "9999",
    "Vladimir Putin" -> "A"), as a student sees it before reading it."""
    s = re.sub(r"\d", "9", text)
    s = re.sub(r"[a-z]+", "a", s)
    s = re.sub(r"[A-Z][a-z]*", "A", s)
    return re.sub(r"(A\s?)+", "A", s).strip()


def same_form(answer: str, chosen: Sequence[str], count: int = 3) -> list[str]:
    """Up to `count` of `chosen` (in order) such that no option stands out by its form.

    Options of the answer's exact form come first, then those of its broad form (a date of
    the same precision and era, "June 5, 1947" with "June 15, 1947"; a name with a name).
    The answer may not be the only option of its form while two others share one ("49 BC"
    among plain years: a give-away). Returns fewer than `count` when no such set exists
    (the question is then asked as a short answer).
    """
    own = shape(answer)
    # a name by its length too: "Bush" among "Josef Stalin" and "Jiang Zemin" is eliminated
    # unread, and so is the answer as the one full name among surnames
    alike = sorted((c for c in chosen if shape(c) == own), key=lambda c: _name_length(c, answer))
    if len(alike) >= count:
        return alike[:count]
    broad = _broad_shape(answer)
    others = [c for c in chosen if shape(c) != own and _broad_shape(c) == broad]
    if not alike:
        # the answer's form is its own: the others may not share one among themselves
        distinct: dict[str, str] = {}
        for c in others:
            distinct.setdefault(shape(c), c)
        others = list(distinct.values())
    return (alike + others)[:count]


def _name_length(option: str, answer: str) -> int:
    """0 when `option` is written like `answer` (a one-word name with one, a full name with
    a full name), 1 otherwise; 0 for anything with a digit (dates have their own form)."""
    if any(ch.isdigit() for ch in answer + option):
        return 0
    return int((len(option.split()) == 1) != (len(answer.split()) == 1))


def _broad_shape(text: str) -> str:
    """A date's precision and era ("99 A" for "49 BC" and "120 BC"); any name is a name."""
    if not any(ch.isdigit() for ch in text):
        return ""
    return re.sub(r"9+", "9", shape(text))


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
