"""Generation stays linear in its input (issues 12 and 15): twice the text, about twice the
work, for the planner too ("linear in the number of candidates").

Work is counted, not timed: the lines of quizgen's code that run (`sys.settrace`), the same
on a loaded machine as on an idle one. The texts are made to hold what once made it
quadratic: many people of one first name, many dates of one year, and a sentence that
lists everyone the text names.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import quizgen
from quizgen._extract import extract_facts
from quizgen._generate import GenerateOptions, generate_planned
from quizgen._generate._candidates import Candidate
from quizgen._generate._select import select
from quizgen._sources import Source

# Twice the input may cost this much more than twice the work (fixed costs shrink it, the
# parts of a text that do not double grow it); a quadratic part makes it 3 to 4.
LINEAR = 2.3
_QUIZGEN = str(Path(quizgen.__file__).parent)

FIRST = ["Anna", "Karl", "Maria", "John", "Ilse", "Peter", "Clara", "Hugo"]
STEMS = ["Lind", "Berg", "Holm", "Sand", "Dahl", "Fors", "Strand", "Ek", "Ny", "Sjö"]
ENDS = ["ström", "gren", "qvist", "man", "blad", "lund"]
PLACES = ["Uppsala", "Lund", "Malmö", "Kiruna", "Visby", "Umeå", "Falun", "Ystad"]
BODIES = ["Mapping Society", "Rowing Club", "Botanical Institute", "Printing Company"]
MONTHS = ["January", "March", "May", "July", "September", "November"]
SENTENCES = [
    "In {year}, {p1} joined the {org} as its chief engineer.",
    "{p1} founded the {org} in {month} {year}, with help from {p2}.",
    "The {org} was dissolved in {year} after a long dispute with the {org2}.",
    "{p2} left the {org} in {year} and moved to {place}, where {p1} was teaching.",
    "{p1} was elected president of the {org2} on {month} {day}, {year}.",
]


def _text(paragraphs: int) -> str:
    """`paragraphs` paragraphs of three sentences, each naming two people of its own (of
    eight first names) and organizations, dates whose years repeat; then one sentence
    listing six people per paragraph, as a run-on list of names would (a text of 60
    paragraphs: 360 names in one sentence; once quadratic in them, the work grew 2.8x)."""
    people = [f"{f} {s}{e}" for s in STEMS for e in ENDS for f in FIRST]
    bodies = [f"{p} {b}" for b in BODIES for p in PLACES]
    rng = random.Random(paragraphs)
    paras = []
    for k in range(paragraphs):
        fill = {
            "p1": people[2 * k],
            "p2": people[2 * k + 1],
            "org": bodies[k % len(bodies)],
            "org2": bodies[(k + 7) % len(bodies)],
            "year": 1850 + (k * 7) % 40,
            "month": rng.choice(MONTHS),
            "day": rng.randrange(1, 28),
            "place": rng.choice(PLACES),
        }
        paras.append(" ".join(rng.choice(SENTENCES).format(**fill) for _ in range(3)))
    named = people[: 6 * paragraphs]
    paras.append(f"The members were {', '.join(named[:-1])} and {named[-1]}.")
    return "Members\n\n" + "\n\n".join(paras) + "\n"


def _work(fn: Callable[..., Any], *args: Any) -> tuple[Any, int]:
    """fn(*args), and how many lines of quizgen's code it ran."""
    lines = 0

    def count(frame: Any, event: str, arg: Any) -> Any:
        nonlocal lines
        if event == "line":
            lines += 1
        return count

    def enter(frame: Any, event: str, arg: Any) -> Any:
        return count if frame.f_code.co_filename.startswith(_QUIZGEN) else None

    before = sys.gettrace()  # a coverage tool's, put back after
    sys.settrace(enter)
    try:
        result = fn(*args)
    finally:
        sys.settrace(before)
    return result, lines


@pytest.mark.slow
def test_generating_twice_the_text_is_about_twice_the_work():
    facts = [
        extract_facts(Source(path=f"m{n}.txt", title="Members", text=_text(n))) for n in (30, 60)
    ]
    for f in facts:
        _ = f.pronouns  # built on first use, as extraction leaves it: not generation's work
    (small, plan1), work1 = _work(generate_planned, facts[0], GenerateOptions(seed=1))
    (large, plan2), work2 = _work(generate_planned, facts[1], GenerateOptions(seed=1))
    assert 1.7 < plan2.facts / plan1.facts < 2.3  # the input did double
    assert len(large.questions) > 1.5 * len(small.questions)
    assert work2 / work1 < LINEAR, (work1, work2)


def _candidates(facts: int) -> list[Candidate]:
    """Candidates of `facts` facts as the planner meets them in a long text: four wordings
    each, two facts to a sentence, many of the same first name or the same year."""
    out = []
    for k in range(facts):
        answer = f"{FIRST[k % 8]} {STEMS[k // 8 % 10]}{ENDS[k // 80 % 6]}{k // 480 or ''}"
        if k % 3 == 0:
            answer = str(1850 + k % 40)
        other = f"{FIRST[(k + 1) % 8]} {STEMS[(k + 1) // 8 % 10]}"
        for i, (qtype, prompt) in enumerate(
            [
                ("short", f"Who met {other} in Lund in the year {k}?"),
                ("choice", f"Who wrote to {other} about the plan number {k}?"),
                ("cloze", f"_____ met {other} in Lund in the year {k}."),
                ("truefalse", f"{answer} met {other} in Lund in the year {k}."),
            ]
        ):
            out.append(_candidate(f"q{k}-{i}", f"actor:{k}", k // 2, answer, prompt, qtype))
    return out


def _candidate(qid: str, fact: str, sentence: int, answer: str, prompt: str, qtype: str):
    from quizgen._deck import Question

    is_tf = qtype == "truefalse"
    q = Question(
        id=qid,
        kind="actor",
        type=qtype,
        prompt=prompt,
        answer=("true" if is_tf else answer),
        fact=fact,
        choices=[answer, "Anna Lindström", "Karl Holmgren", "Hugo Dahlman"]
        if qtype == "choice"
        else [],
    )
    return Candidate(
        question=q,
        fact=fact,
        anchor=("s.txt", sentence),
        salience=1 + sentence % 3,
        order=(sentence, 0),
        names=[answer],
        answer=answer,
        features={"form": {"short": 1.0, "choice": 1.0, "cloze": 0.5}.get(qtype, 0.3)},
    )


def test_planning_twice_the_candidates_is_about_twice_the_work():
    # once 3.3x: every wording ranked looked at each chosen answer of its first word
    plan1, work1 = _work(select, _candidates(600))
    plan2, work2 = _work(select, _candidates(1200))
    assert len(plan2.chosen) > 1.7 * len(plan1.chosen)
    assert work2 / work1 < LINEAR, (work1, work2)
