"""What a worksheet holds, before any layout: sections, numbering, versions and the key.

Pure Python (no reportlab), so the choices a teacher sees (which questions, in which
order, which letter is right) are decided and tested apart from drawing them.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

from quizgen._deck import Deck, Question, SourceRef, select_questions
from quizgen._errors import RenderError
from quizgen._lexicon import choice_letter

# Easiest first: recognising an answer, then judging a statement, then recalling it.
SECTION_ORDER = ("choice", "truefalse", "cloze", "short")
SECTION_TITLES = {
    "choice": "Multiple choice",
    "truefalse": "True or false",
    "cloze": "Fill in the blank",
    "short": "Short answer",
}
INSTRUCTIONS = {
    "choice": "Circle the letter of the best answer.",
    "truefalse": "Circle T if the statement is true, F if it is false.",
    "cloze": "Write the missing words on the line.",
    "short": "Answer in a few words on the lines.",
}
MAX_VERSIONS = 26
# A shuffle that happens to repeat an earlier version is drawn again, this many times at most.
_RESHUFFLES = 20


@dataclass(frozen=True)
class WorksheetEntry:
    """One printed question: its number on the sheet and its choices in printed order."""

    number: int
    question: Question
    choices: tuple[str, ...] = ()
    source: str | None = None  # the cited source's short name, for the key

    @property
    def answer_letter(self) -> str | None:
        """The letter of the right choice, for a choice question whose answer is a choice."""
        if self.question.answer in self.choices:
            return choice_letter(self.choices.index(self.question.answer))
        return None

    @property
    def key_answer(self) -> str:
        """The answer as the key prints it: 'B. 1979', 'True', or the answer text."""
        q = self.question
        if q.type == "truefalse":
            return "True" if q.answer.strip().lower() == "true" else "False"
        mark = self.answer_letter
        return f"{mark}. {q.answer}" if mark else q.answer


@dataclass
class Section:
    """The questions of one type, with the one-line instruction printed above them; on a
    worksheet of several sources, of one source (`part`: its title, else its path,
    printed above its first section)."""

    type: str
    items: list[WorksheetEntry]
    part: str | None = None

    @property
    def title(self) -> str:
        return SECTION_TITLES[self.type]

    @property
    def instruction(self) -> str:
        return INSTRUCTIONS[self.type]


@dataclass
class Version:
    """One printed version; `letter` is None when only one version is printed."""

    letter: str | None
    sections: list[Section]

    @property
    def items(self) -> list[WorksheetEntry]:
        return [item for section in self.sections for item in section.items]


@dataclass
class Plan:
    """Everything a worksheet prints, in order."""

    title: str
    citations: list[SourceRef]
    versions: list[Version]
    count: int
    deck_names: list[str] = field(default_factory=list)


def plan_worksheet(
    decks: Sequence[Deck],
    *,
    versions: int = 1,
    seed: int = 0,
    kinds: Sequence[str] | None = None,
    types: Sequence[str] | None = None,
    limit: int | None = None,
) -> Plan:
    """Choose, group and number the questions of a worksheet and of each shuffled version.

    One version keeps the deck order. Several versions are each shuffled (questions within
    their section, and the choices of each question) by their own `random.Random` seeded
    with f"{seed}-{letter}", so the same seed always prints the same versions.
    Raises RenderError when no question is left to print or `versions` is out of range.
    """
    if not 1 <= versions <= MAX_VERSIONS:
        raise RenderError(f"versions must be between 1 and {MAX_VERSIONS}, not {versions}")
    chosen: list[tuple[Deck, Question]] = []
    for deck in decks:
        chosen += [(deck, q) for q in select_questions(deck.questions, kinds, types)]
    if limit is not None:
        chosen = chosen[:limit]
    titles = [d.title for d in decks]
    if not chosen:
        raise RenderError(
            f"{' + '.join(titles) or 'no deck'}: no questions to print "
            "(all rejected, or none match --kinds/--types)"
        )
    grouped = [
        (part, {t: [q for q in qs if q.type == t] for t in SECTION_ORDER})
        for part, qs in _parts(decks, chosen)
    ]
    sources = {id(q): _source_name(deck, q) for deck, q in chosen}
    printed: list[Version] = []
    seen_orders: list[list[str]] = []
    for v in range(versions):
        mark = choice_letter(v) if versions > 1 else None
        if mark is None:
            order = [
                (part, {t: list(qs) for t, qs in by_type.items()}) for part, by_type in grouped
            ]
            rng = None
        else:
            order, rng = _shuffled(grouped, seed, mark, seen_orders)
        seen_orders.append(_ids(order))
        printed.append(_number(order, rng, mark, sources))
    return Plan(
        title=_title(titles),
        citations=_citations(chosen),
        versions=printed,
        count=len(chosen),
        deck_names=titles,
    )


# The questions of a worksheet by part (a source, on a sheet of several; else one part,
# None) and, within it, by type.
_Parts = list[tuple[str | None, dict[str, list[Question]]]]


def _parts(
    decks: Sequence[Deck], chosen: list[tuple[Deck, Question]]
) -> list[tuple[str | None, list[Question]]]:
    """The questions in a part per source cited, in the order the decks list their sources
    (a source no deck lists after them, as first cited), each titled by its source's title,
    else its path; a sheet of one source (or none) is one part, untitled."""
    refs: dict[str, SourceRef] = {}
    for deck in decks:
        for ref in deck.sources:
            refs.setdefault(ref.path, ref)
    by_source: dict[str, list[Question]] = {}
    for deck, q in chosen:
        ref = deck.source_for(q)
        path = ref.path if ref is not None else q.source
        refs.setdefault(path, ref or SourceRef(path=path))
        by_source.setdefault(path, []).append(q)
    if len(by_source) < 2:
        return [(None, [q for _, q in chosen])]
    return [
        (refs[path].title or path or "Other questions", by_source[path])
        for path in refs
        if path in by_source
    ]


def _ids(order: _Parts) -> list[str]:
    return [q.id for _, by_type in order for t in SECTION_ORDER for q in by_type[t]]


def _shuffled(
    grouped: _Parts, seed: int, mark: str, seen: list[list[str]]
) -> tuple[_Parts, random.Random]:
    """Questions shuffled within their sections, unlike every earlier version when possible."""
    for attempt in range(_RESHUFFLES):
        rng = random.Random(f"{seed}-{mark}" + (f"-{attempt}" if attempt else ""))
        order = [
            (part, {t: rng.sample(qs, len(qs)) for t, qs in by_type.items()})
            for part, by_type in grouped
        ]
        if _ids(order) not in seen:
            break
    return order, rng


def _number(
    order: _Parts,
    rng: random.Random | None,
    mark: str | None,
    sources: dict[int, str | None],
) -> Version:
    """Number the questions 1, 2, ... across sections; shuffle choices when `rng` is given."""
    sections, number = [], 0
    for part, by_type in order:
        for qtype in SECTION_ORDER:
            items = []
            for q in by_type[qtype]:
                number += 1
                choices = tuple(q.choices)
                if rng is not None and q.type == "choice":
                    choices = tuple(rng.sample(choices, len(choices)))
                items.append(WorksheetEntry(number, q, choices, sources[id(q)]))
            if items:
                sections.append(Section(qtype, items, part))
    return Version(mark, sections)


def _title(titles: list[str]) -> str:
    unique = list(dict.fromkeys(t.strip() for t in titles if t.strip()))
    return " + ".join(unique) or "Worksheet"


def _citations(chosen: list[tuple[Deck, Question]]) -> list[SourceRef]:
    """The sources the printed questions cite, each once, in the order first cited."""
    refs: dict[str, SourceRef] = {}
    for deck, q in chosen:
        ref = deck.source_for(q)
        if ref is None and q.source:
            ref = SourceRef(path=q.source)
        if ref is not None and ref.path not in refs:
            refs[ref.path] = ref
    return list(refs.values())


def _source_name(deck: Deck, q: Question) -> str | None:
    ref = deck.source_for(q)
    if ref is None:
        return PurePath(q.source).name or None
    return ref.title or PurePath(ref.path).name or ref.path


def citation_text(ref: SourceRef) -> str:
    """'Author, Title (date)' for a source, falling back to its file name."""
    name = ref.title or PurePath(ref.path).name or ref.path
    text = f"{ref.author}, {name}" if ref.author else name
    return f"{text} ({ref.published})" if ref.published else text
