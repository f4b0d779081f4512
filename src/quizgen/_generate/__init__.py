"""Generation: facts -> questions, through templates that are data.

`generate(sources, options)` is a pure function of the sources, the templates and the
seed: the same input gives the same deck, byte for byte once saved. spaCy is only
touched through `quizgen._extract`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from quizgen._deck import Deck, Question, derive_deck_id
from quizgen._generate._candidates import Candidate, candidates, fact_key, pools
from quizgen._generate._fields import Item, items, shift_sentences
from quizgen._generate._select import DEFAULT_MIX, Plan, select
from quizgen._generate._templates import (
    Template,
    default_templates,
    load_templates,
    merge_templates,
    templates_from_data,
)

if TYPE_CHECKING:
    from quizgen._extract import Facts
    from quizgen._sources import Source

__all__ = [
    "DEFAULT_MIX",
    "GenerateOptions",
    "Plan",
    "Template",
    "default_templates",
    "generate",
    "generate_planned",
    "plan_questions",
    "questions_from_facts",
    "questions_from_items",
]


@dataclass
class GenerateOptions:
    """What to generate: kinds, types, a maximum count per source, a seed, extra templates,
    and how the deck is planned (questions per fact and per sentence, a total, a type mix)."""

    seed: int = 0
    kinds: Sequence[str] | None = None
    types: Sequence[str] | None = None
    limit: int | None = None
    templates: str | os.PathLike[str] | None = None
    model: str | None = None
    jobs: int = 1  # parser processes (spaCy's n_process): for large inputs on several cores
    deck_templates: Sequence[dict[str, object]] = ()  # a deck's own `templates:` list
    per_fact: int = 1  # questions per fact (2: both directions, for learners in Anki)
    per_sentence: int = 2  # questions anchored in one sentence
    count: int | None = None  # exactly this many questions in the deck, when it can
    mix: dict[str, float] = field(default_factory=dict)  # shares by type, over DEFAULT_MIX
    plan: bool = True  # False: every template's best question, unplanned (to study wordings)


def generate(
    sources: Sequence[Source], options: GenerateOptions | None = None, title: str | None = None
) -> Deck:
    """A deck of questions about the dates, actors and organizations of the sources.

    Raises ModelError when the spaCy model is missing, DeckError for bad templates.
    """
    return generate_planned(sources, options, title)[0]


def generate_planned(
    sources: Sequence[Source], options: GenerateOptions | None = None, title: str | None = None
) -> tuple[Deck, Plan]:
    """`generate`, and the plan behind the deck: the facts left unasked and why, a summary."""
    options = options or GenerateOptions()
    templates = default_templates()
    if options.deck_templates:
        templates = merge_templates(templates, templates_from_data(options.deck_templates, "deck"))
    if options.templates:
        templates = merge_templates(templates, load_templates(options.templates))
    grouped = _items_by_source(sources, options.model, options.jobs)
    title = title or _title([s.title for s in sources])
    plan = plan_questions(grouped, templates, options)
    deck = Deck(
        title=title,
        deck_id=derive_deck_id(title),
        sources=[s.ref() for s in sources],
        questions=[c.question for c in plan.chosen],
    )
    return deck, plan


def _unplanned(cands: list[Candidate]) -> Plan:
    """Every template's best-scored question for every fact, in reading order."""
    best: dict[str, Candidate] = {}
    for c in cands:
        if c.question.id not in best or c.score > best[c.question.id].score:
            best[c.question.id] = c
    return Plan(chosen=list(best.values()), facts=len({c.fact for c in cands}))


def _title(titles: list[str]) -> str:
    if len(titles) == 1:
        return titles[0]
    return f"{titles[0]} and {len(titles) - 1} more"


# A source longer than this is parsed a section at a time (split between paragraphs), and
# only its items (plain strings) are kept: a book's parse held at once took gigabytes.
SECTION_CHARS = 400_000


def _items_by_source(
    sources: Sequence[Source], model: str | None, jobs: int = 1
) -> list[list[Item]]:
    """Every source's items in reading order, parsing at most SECTION_CHARS at once."""
    from quizgen._extract import extract_many

    batches: list[list[tuple[int, Source]]] = [[]]
    size = 0
    for k, source in enumerate(sources):
        for section in _sections(source):
            if batches[-1] and size + len(section.text) > SECTION_CHARS:
                batches.append([])
                size = 0
            batches[-1].append((k, section))
            size += len(section.text)
    grouped: list[list[Item]] = [[] for _ in sources]
    seen = [0] * len(sources)  # sentences of the source's earlier sections
    for batch in batches:
        for (k, _), facts in zip(
            batch, extract_many([s for _, s in batch], model, jobs), strict=True
        ):
            # a section's sentences are counted on from the last: the planner caps
            # questions per sentence, and sentence 0 of two sections is two sentences
            grouped[k].extend(
                shift_sentences(i, seen[k]) for i in sorted(items(facts), key=lambda i: i.order)
            )
            seen[k] += len(facts.sentences)
    return grouped


def _sections(source: Source) -> list[Source]:
    """The source cut between paragraphs into pieces of about SECTION_CHARS (or itself)."""
    if len(source.text) <= SECTION_CHARS:
        return [source]
    out, start = [], 0
    while start < len(source.text):
        cut = source.text.find("\n\n", start + SECTION_CHARS)
        end = len(source.text) if cut < 0 else cut
        out.append(replace(source, text=source.text[start:end]))
        start = end
    return out


def questions_from_facts(
    facts: Sequence[Facts], templates: Sequence[Template], options: GenerateOptions
) -> list[Question]:
    """Questions for every fact and applicable template, per source, in reading order."""
    return questions_from_items(
        [sorted(items(f), key=lambda i: i.order) for f in facts], templates, options
    )


def questions_from_items(
    all_items: Sequence[Sequence[Item]], templates: Sequence[Template], options: GenerateOptions
) -> list[Question]:
    """The planned questions for each source's items (see `plan_questions`), in reading order."""
    return [c.question for c in plan_questions(all_items, templates, options).chosen]


def plan_questions(
    all_items: Sequence[Sequence[Item]], templates: Sequence[Template], options: GenerateOptions
) -> Plan:
    """Build every candidate, score, select (`_select`): one question per fact by default.

    `options.limit` caps each source's questions (the most salient kept), `options.count`
    the deck's.
    """
    flat = [i for group in all_items for i in group]
    pools_ = pools(flat)
    # Questions first, statements after, as the templates' order breaks ties.
    ordered = sorted(templates, key=lambda t: t.is_statement)
    defaults = {(t.id, t.prompt) for t in default_templates()}
    preferred = frozenset(t.id for t in templates if (t.id, t.prompt) not in defaults)
    cands: list[Candidate] = []
    without: list[str] = []
    for item in flat:
        made = candidates(item, ordered, pools_, options, preferred)
        if made:
            cands.extend(made)
        elif not options.kinds or item.kind in options.kinds:
            without.append(fact_key(item))
    if not options.plan:
        return _unplanned(cands)
    plan = select(
        cands,
        per_fact=options.per_fact,
        per_sentence=options.per_sentence,
        count=options.count,
        mix=options.mix,
        facts_without=list(dict.fromkeys(without)),
    )
    if options.limit:
        kept: dict[str, int] = {}
        by_salience = sorted(plan.chosen, key=lambda c: (-c.salience, c.order, c.question.id))
        keep = set()
        for c in by_salience:
            if kept.get(c.anchor[0], 0) < options.limit:
                kept[c.anchor[0]] = kept.get(c.anchor[0], 0) + 1
                keep.add(id(c))
        plan.unasked += [
            (c.fact, f"beyond --max {options.limit}") for c in plan.chosen if id(c) not in keep
        ]
        plan.chosen = [c for c in plan.chosen if id(c) in keep]
    return plan
