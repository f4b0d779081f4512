"""Filling in what a person writing a question by hand need not type: its id, kind and type.

A hand-written question needs only `prompt` and `answer`:

    - prompt: Who proposed the plan at Harvard?
      answer: George C. Marshall

When a deck is read, each question that leaves out `id`, `kind` or `type` (the key absent,
not present and empty) gets them here, in memory, recorded as a `Fill` on the deck;
`fill_file` (`check --fix`, `generate`, `build`) writes them into the file. The rules, in
the order they are tried, are documented in docs/deck-format.md ("Writing questions by hand").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from quizgen._deck.model import BLANK_RE, KINDS, Fill, question_id
from quizgen._lexicon import (
    ANSWER_DATE_PREPOSITIONS,
    DATE_ANSWER_WORDS,
    DECADE_WORDS,
    ERAS,
    MONTHS,
    ORDINAL_WORDS,
    ORG_WORDS,
    SEASON_CODES,
    WEEKDAYS,
)

FILLED_KEYS = ("id", "kind", "type")
DEFAULT_KIND = "actor"

# A number in a date: "1947", "3", "21st", "1990s", "'90s".
_NUMBER = re.compile(r"'?\d{1,4}(?:st|nd|rd|th|s)?")
# What makes a run of date words a date: a year or decade, a month, a century.
_YEAR = re.compile(r"\d{3,4}s?|'?\d\d?0s|'\d\d")
# "NATO", "U.N.", "OEEC": initials, which name bodies far more often than people.
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][A-Z&]{1,7}")


def fill_in(data: dict[str, Any], line_of: Callable[[int], int | None]) -> list[Fill]:
    """Give each question in the parsed deck `data` the id, kind and type it leaves out.

    Mutates `data["questions"]` (only items that are mappings with a text prompt and answer;
    the validator reports the others). `line_of(i)` is the 1-based line of questions[i].
    Returns one Fill per question that was given something, in deck order.
    """
    items = data.get("questions")
    if not isinstance(items, list):
        return []
    # Ids the deck has, or had (a generated id a person deleted), are not given again.
    generated = data.get("generated")
    taken = {_text(q.get("id")) for q in items if isinstance(q, dict)}
    taken.update(_text(g) for g in (generated if isinstance(generated, list) else []))
    known = _known_kinds(items, data.get("sources"))
    fills = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not any(key not in item for key in FILLED_KEYS):
            continue
        prompt, answer = _text(item.get("prompt")), _text(item.get("answer"))
        if not (prompt and prompt.strip() and answer and answer.strip()):
            continue
        values: dict[str, str] = {}
        if "id" not in item:
            values["id"] = manual_id(prompt, answer, taken)
            taken.add(values["id"])
        if "kind" not in item:
            values["kind"] = infer_kind(answer, known)
        if "type" not in item:
            choices = item.get("choices")
            values["type"] = infer_type(prompt, answer, bool(choices))
        item.update(values)
        fills.append(Fill(i, line_of(i), {k: values[k] for k in FILLED_KEYS if k in values}))
    return fills


def manual_id(prompt: str, answer: str, taken: Iterable[str | None]) -> str:
    """A stable id for a hand-written question: from its prompt and answer, so the same
    question gets the same id on every load until it is written down, and a second
    question alike gets the next free one ("q-" + 8 hex digits, like generated ids)."""
    taken = set(taken)
    parts = ["manual", " ".join(prompt.split()), " ".join(answer.split())]
    qid = question_id(*parts)
    n = 1
    while qid in taken:
        n += 1
        qid = question_id(*parts, str(n))
    return qid


def infer_type(prompt: str, answer: str, has_choices: bool) -> str:
    """choice when it has choices, cloze when the prompt holds a blank (____), truefalse
    when the answer is true or false, else short."""
    if has_choices:
        return "choice"
    if BLANK_RE.search(prompt):
        return "cloze"
    if answer.strip().lower() in ("true", "false"):
        return "truefalse"
    return "short"


def infer_kind(answer: str, known: dict[str, str] | None = None) -> str:
    """The kind of a hand-written answer, by the first rule that holds:

    1. a date: every word is a date word and one is a year, month or century
       ("3 October 1990", "the 1990s", "spring of 1871", "1990-10-03");
    2. the kind the deck already gives that name (`known`: casefolded name -> kind, from
       other questions' answers and facts and the sources' authors), or, for a person, their
       surname ("Marshall" when the deck asks about George Marshall);
    3. an organization: initials ("NATO") or an organization head word ("Harvard
       University", "Bank of England");
    4. else actor: kinds are date, actor and organization, and the other names a hand-typed
       answer holds are mostly people's.
    """
    if _is_date(answer):
        return "date"
    known = known or {}
    name = " ".join(answer.split()).casefold()
    if name in known:
        return known[name]
    if known.get(f"~{name.split()[-1]}") == "actor":
        return "actor"
    if _is_organization(answer):
        return "organization"
    return DEFAULT_KIND


def _is_date(answer: str) -> bool:
    words = re.sub(r"[,/–—]|(?<=\d)-(?=\d)", " ", answer).split()
    # "AD 79": after an era mark any number is a year.
    era = any(word in ERAS for word in words)
    dated = False
    for word in words:
        bare = word.rstrip(".").casefold()
        if word in ERAS or bare in ANSWER_DATE_PREPOSITIONS or bare in WEEKDAYS:
            continue
        if bare in DATE_ANSWER_WORDS or bare in ORDINAL_WORDS:
            dated = dated or bare == "century"
        elif _NUMBER.fullmatch(bare):
            dated = dated or era or bool(_YEAR.fullmatch(bare))
        elif bare in MONTHS or bare in DECADE_WORDS or bare in SEASON_CODES:
            dated = True
        else:
            return False
    return dated


def _is_organization(answer: str) -> bool:
    words = answer.split()
    if len(words) == 1 and _ACRONYM.fullmatch(words[0]):
        return True
    heads = [w.strip(".,").casefold() for w in words]
    # The head is the last word, or the one before a linking word: "University of Chicago".
    return heads[-1] in ORG_WORDS or any(
        head in ORG_WORDS and nxt.islower() for head, nxt in zip(heads, words[1:], strict=False)
    )


def _known_kinds(items: list[Any], sources: Any) -> dict[str, str]:
    """Casefolded name -> kind, for the names the deck already knows the kind of; a person's
    surname is keyed "~surname"."""
    known: dict[str, str] = {}

    def add(name: str | None, kind: str) -> None:
        name = " ".join((name or "").split()).casefold()
        if not name:
            return
        known.setdefault(name, kind)
        if kind == "actor" and " " in name:
            known.setdefault(f"~{name.split()[-1]}", kind)

    for item in items:
        if not isinstance(item, dict):
            continue
        fact = _text(item.get("fact")) or ""
        kind, _, what = fact.partition(":")
        if kind in KINDS and kind != "date":
            add(what, kind)
        kind = _text(item.get("kind")) or ""
        if kind in KINDS and kind != "date" and _text(item.get("type")) != "truefalse":
            add(_text(item.get("answer")), kind)
            accept = item.get("accept")
            for alt in accept if isinstance(accept, list) else []:
                add(_text(alt), kind)
    for ref in sources if isinstance(sources, list) else []:
        if isinstance(ref, dict):
            add(_text(ref.get("author")), "actor")
    return known


def _text(value: Any) -> str | None:
    """A scalar as the validator reads it (true/false as words); None for anything else."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    return None
