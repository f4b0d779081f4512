"""The quiz's forgiving rules as data, for a front end that cannot run Python (the HTML quiz).

`answer_key` turns what `check_answer` computes on the fly into finite sets of folded
forms (`check.normalize`): a browser folds the response the same way and looks it up.

- `right`: the answer and aliases, the shorter names of a person (`_names`), and the
  usual ways of writing the answer's date ("5 June 1947", "June 5th, 1947", "1947-06-05",
  "the 1950s", "1914-18" ...), each kept only when `check_answer` itself accepts it.
- `typo`: the forms one typo away from which is still right (6+ letters, no digit), and
  `near`: the other answers of the deck a typo must not be closer to.
- `retry`: responses that are not graded but answered with a word of help: a date one
  step less precise than the answer, an all-numeric date whose day and month could swap.

What it cannot carry: dates written in forms not listed here are marked wrong where the
terminal quiz would accept them (a rarer order such as "1947 June 5"). Raises nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from quizgen._deck import Question
from quizgen._lexicon import (
    ANSWER_DATE_PREPOSITIONS,
    ARTICLES,
    DECADE_WORDS,
    MONTHS,
    ORDINAL_WORDS,
)
from quizgen._quiz._dates import LEVELS, AmbiguousDate, When, _coarsen, compare_dates, read_date
from quizgen._quiz._names import TITLES, name_forms
from quizgen._quiz.check import _FOLD, _forms, _letters, check_answer, normalize
from quizgen._quiz.check import MIN_TYPO_LENGTH as _MIN_TYPO

__all__ = ["AMBIGUOUS", "LESS_PRECISE", "AnswerKey", "answer_key", "folding_rules"]

# What the front end says instead of a grade.
LESS_PRECISE = "Right so far: can you be more precise?"
AMBIGUOUS = "Is that day/month or month/day? Write the month as a word."


@dataclass(frozen=True)
class AnswerKey:
    """The forms of one typed-answer question (short or cloze), folded and sorted."""

    right: list[str]
    typo: list[str]
    near: list[str]
    retry: dict[str, str] = field(default_factory=dict)


def answer_key(question: Question, others: Iterable[str] = ()) -> AnswerKey:
    """The accepted, near and not-graded forms of `question`'s answer.

    `others` are the answers and aliases of the deck's other questions (as for
    `check_answer`): no form that names one of them is accepted.
    """
    own = {f for a in question.answers for f in _forms(a)}
    others = [o for o in others if not (_forms(o) & own)]
    other_forms = {f for o in others for f in _forms(o)}
    right = set(own)
    if question.kind == "actor":
        right |= set(name_forms(question.answers, others, normalize)) - other_forms
    # A typo is forgiven in the answer, an alias or a name, never in a date's other forms.
    typo = sorted(f for f in right if not any(c.isdigit() for c in f) and _letters(f) >= _MIN_TYPO)
    retry: dict[str, str] = {}
    if question.kind == "date":
        for answer in question.answers:
            for candidate in _date_candidates(answer):
                _judge_date(question, answer, candidate, right, retry)
    lengths = {len(f) for f in typo}
    near = sorted(
        o for o in other_forms if any(abs(len(o) - n) <= 2 for n in lengths) or o in right
    )
    return AnswerKey(sorted(right), typo, near, {k: retry[k] for k in sorted(retry)})


def folding_rules() -> dict[str, object]:
    """What a front end needs to fold a response as `check.normalize` does, as JSON data:
    `fold` (letters NFKD does not split: "ł" -> "l"), `articles` (dropped before a name),
    `prepositions` (dropped before a date: "in 1979"), `titles` (dropped before a person's
    name, longest first: "president woodrow wilson")."""
    return {
        "fold": {chr(code): text for code, text in sorted(_FOLD.items())},
        "articles": list(ARTICLES),
        "prepositions": sorted(ANSWER_DATE_PREPOSITIONS),
        "titles": list(TITLES),
    }


def _judge_date(
    question: Question, answer: str, candidate: str, right: set[str], retry: dict[str, str]
) -> None:
    """File one written date under right or retry, as `check_answer` would judge it."""
    folded = normalize(candidate)
    if not folded or folded in right:
        return
    try:
        how = compare_dates(answer, candidate)
    except AmbiguousDate:
        retry.setdefault(folded, AMBIGUOUS)
        return
    if how == "same" and check_answer(question, candidate).correct:
        right.add(folded)
        retry.pop(folded, None)
    elif how == "coarser":
        retry.setdefault(folded, LESS_PRECISE)


def _date_candidates(answer: str) -> list[str]:
    """Ways people write the date(s) `answer` means, and each one step coarser."""
    try:
        readings = read_date(answer, "dmy")
    except AmbiguousDate:
        return []
    out: list[str] = []
    for when in sorted(readings, key=lambda w: (w.precision, w.value)):
        out += _written(when)
        level = LEVELS.index(when.precision) if when.precision in LEVELS else 0
        if level > 0 and not (when.precision == "decade" and when.value[0] < 100):
            out += _written(_coarsen(when, LEVELS[level - 1]))
    return out


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _written(when: When) -> list[str]:
    v = when.value
    if when.precision == "day":
        y, m, d = v
        months = _month_names(m)
        days = [str(d), _ordinal(d)]
        out = [f"{y}-{m:02}-{d:02}", f"{y}-{m}-{d}", f"{d}/{m}/{y}", f"{m}/{d}/{y}"]
        for mon in months:
            for day in days:
                out += [f"{day} {mon} {y}", f"{mon} {day}, {y}", f"the {day} of {mon} {y}"]
        return out
    if when.precision == "month":
        y, m = v
        return [f"{y}-{m:02}", f"{m}/{y}", *(f"{mon} {y}" for mon in _month_names(m))]
    if when.precision == "year":
        (y,) = v
        if y < 0:
            return [f"{-y} BC", f"{-y} BCE", f"{-y} B.C."]
        return [str(y), f"AD {y}", f"{y} AD", f"{y} CE"]
    if when.precision == "decade":
        (y,) = v
        words = [w for w, tens in DECADE_WORDS.items() if tens == y % 100]
        short = f"{y % 100:02}s"
        return [f"{y}s", f"{y}'s", short, f"'{short}", *words] if y >= 100 else [short, *words]
    if when.precision == "century":
        (n,) = v
        words = [w for w, k in ORDINAL_WORDS.items() if k == n]
        return [f"{_ordinal(n)} century", f"{(n - 1) * 100}s", *(f"{w} century" for w in words)]
    start, end = v
    short = f"{start}-{end % 100:02}" if end // 100 == start // 100 else f"{start}-{end}"
    return [f"{start}-{end}", f"{start}–{end}", short, f"from {start} to {end}"]


def _month_names(month: int) -> list[str]:
    name = MONTHS[month - 1]
    return list(dict.fromkeys([name, name[:3], *(["sept"] if month == 9 else [])]))
