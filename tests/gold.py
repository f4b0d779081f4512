"""Score a deck against a gold file of facts (tests/samples/*.gold.yaml), with quizgen's own
answer folding, so the sample checks run in a clone without ../shared.

A gold file lists `actors` and `organizations` (name, aliases, role or description) and
`dates` (when; a `dateline: true` entry is no fact to ask about), plus `relative_dates`
(phrase). The numbers:

- coverage of a kind: the share of its gold entries that some active question of that kind
  asks about: its answer holds one of the entry's names or mostly its words, or the prompt names the entry and the answer is its
  role or description;
- precision: the share of short, cloze and choice questions whose answer is a gold fact of
  the question's kind (a name, an alias, a role or description, a date);
- choice faults: a choice question whose answer is not among its choices, that repeats a
  choice, has fewer than three, or offers two names of one gold entity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from quizgen._deck import Deck, Question
from quizgen._quiz.check import normalize

_YEAR = re.compile(r"\b\d{3,4}s?\b")


@dataclass
class Score:
    """coverage: kind ('actors', 'organizations', 'dates') -> share 0..1 (None: no entries);
    missing: kind -> the gold entries no question asks about; precision: share 0..1;
    wrong: the prompts whose answer is no gold fact; choice_faults: (question id, fault)."""

    coverage: dict[str, float | None]
    missing: dict[str, list[str]]
    precision: float | None
    wrong: list[str] = field(default_factory=list)
    choice_faults: list[tuple[str, str]] = field(default_factory=list)


def _has_phrase(text: str, phrase: str) -> bool:
    """`phrase` occurs in `text` as whole words, both folded as answers are."""
    folded, words = f" {normalize(text)} ", normalize(phrase)
    return bool(words) and f" {words} " in folded


def _alike(a: str, b: str) -> bool:
    """Mostly the same words: at least 60% of the words of both are shared (Jaccard)."""
    x, y = set(normalize(a).split()), set(normalize(b).split())
    return bool(x and y) and len(x & y) / len(x | y) >= 0.6


def _names(entry: dict[str, Any]) -> list[str]:
    return [str(n) for n in [entry.get("name"), *(entry.get("aliases") or [])] if n]


def _names_it(answer: str, name: str) -> bool:
    """An answer names an entity: the same words, or one holds the other
    ('George C. Marshall' and 'Marshall')."""
    return _has_phrase(answer, name) or _has_phrase(name, answer) or _alike(answer, name)


def _describes(answer: str, description: str) -> bool:
    """An answer gives a role or description: the same words, or two or more of its words."""
    said, told = normalize(answer).split(), set(normalize(description).split())
    return _alike(answer, description) or (len(said) >= 2 and set(said) <= told)


def _date_keys(entry: dict[str, Any]) -> list[str]:
    when = str(entry.get("when") or "")
    return [k for k in [when, *_YEAR.findall(when)] if k]


def _asks_about(q: Question, entry: dict[str, Any]) -> bool:
    about = str(entry.get("role") or entry.get("description") or "")
    for name in _names(entry):
        # 'Marshall' alone does not cover 'George C. Marshall'; 'the Federal Reserve' covers
        # 'the Federal Reserve System'.
        if any(_has_phrase(a, name) or _alike(a, name) for a in q.answers):
            return True
        named = about and len(normalize(name)) > 3 and _has_phrase(q.prompt, name)
        if named and any(_describes(a, about) for a in q.answers):
            return True
    return False


def score_deck(deck: Deck, gold_path: Path) -> Score:
    """Score the active questions of `deck` against the gold file at `gold_path`."""
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    entities = {"actor": gold.get("actors") or [], "organization": gold.get("organizations") or []}
    dates = [d for d in gold.get("dates") or [] if not d.get("dateline")]
    relative = [str(r["phrase"]) for r in gold.get("relative_dates") or [] if r.get("phrase")]
    questions = deck.active()
    of_kind = {k: [q for q in questions if q.kind == k] for k in ("date", "actor", "organization")}

    def date_asked(entry: dict[str, Any]) -> bool:
        keys = _date_keys(entry)
        return any(_has_phrase(a, k) for q in of_kind["date"] for a in q.answers for k in keys)

    found = {
        "actors": [_asks_about_any(of_kind["actor"], e) for e in entities["actor"]],
        "organizations": [
            _asks_about_any(of_kind["organization"], e) for e in entities["organization"]
        ],
        "dates": [date_asked(e) for e in dates],
    }
    labels = {
        "actors": [str(e.get("name")) for e in entities["actor"]],
        "organizations": [str(e.get("name")) for e in entities["organization"]],
        "dates": [str(e.get("when")) for e in dates],
    }
    coverage = {k: round(sum(v) / len(v), 3) if v else None for k, v in found.items()}
    missing = {k: [n for n, ok in zip(labels[k], found[k], strict=True) if not ok] for k in found}

    def is_gold_fact(q: Question) -> bool:
        if q.kind == "date":
            keys = [k for e in dates for k in _date_keys(e)] + relative
            return any(_names_it(a, k) for a in q.answers for k in keys)
        entries = entities.get(q.kind, [])
        names = [n for e in entries for n in _names(e)]
        about = [str(e.get("role") or e.get("description") or "") for e in entries]
        return any(_names_it(a, n) for a in q.answers for n in names) or any(
            _describes(a, d) for a in q.answers for d in about if d
        )

    checked = [q for q in questions if q.type in ("short", "cloze", "choice")]
    wrong = [f"{q.prompt} -> {q.answer}" for q in checked if not is_gold_fact(q)]
    precision = round(1 - len(wrong) / len(checked), 3) if checked else None
    faults = [f for q in questions if q.type == "choice" for f in _choice_faults(q, entities)]
    return Score(coverage, missing, precision, wrong, faults)


def _asks_about_any(questions: list[Question], entry: dict[str, Any]) -> bool:
    return any(_asks_about(q, entry) for q in questions)


def _choice_faults(q: Question, entities: dict[str, list[dict[str, Any]]]) -> list[tuple[str, str]]:
    folded = [normalize(c) for c in q.choices]
    faults = []
    if normalize(q.answer) not in folded:
        faults.append((q.id, "answer not among choices"))
    if len(set(folded)) != len(folded):
        faults.append((q.id, "repeated choice"))
    if len(folded) < 3:
        faults.append((q.id, "fewer than 3 choices"))
    for entry in entities.get(q.kind, []):
        names = {normalize(n) for n in _names(entry)}
        hits = [c for c, f in zip(q.choices, folded, strict=True) if f in names]
        if len(hits) > 1:
            faults.append((q.id, f"two choices name one entity: {hits}"))
    return faults
