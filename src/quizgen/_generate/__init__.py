"""Generation: Facts -> a Deck of questions, through templates that are data.

`generate(facts, options)` is a pure function of the facts, the templates and the seed:
the same input gives the same deck, byte for byte once saved. It never parses: the
Facts come from `quizgen._extract` (`extract_facts`, `iter_facts`), and spaCy is not
imported here. Generation over-generates and ranks (Heilman & Smith 2010, "Good
Question!"): every template and type makes candidates (`_candidates`), and `_select`
plans the deck as a whole (one question per fact, at most two per sentence, no answer
printed in another question of its sentence, a teacher's type mix).
"""

from __future__ import annotations

import gc
import os
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from quizgen._deck import Deck, SourceRef, derive_deck_id
from quizgen._extract import Facts
from quizgen._generate._candidates import Candidate, candidates, fact_key, pools
from quizgen._generate._fields import FactSlots, fact_slots, shift_sentences
from quizgen._generate._lists import list_slots
from quizgen._generate._select import DEFAULT_MIX, Plan, select
from quizgen._generate._templates import (
    Template,
    default_templates,
    load_templates,
    merge_templates,
    templates_from_data,
)
from quizgen._yaml import paused_gc

__all__ = [
    "DEFAULT_MIX",
    "GenerateOptions",
    "Plan",
    "Template",
    "default_templates",
    "generate",
    "generate_planned",
    "plan_questions",
]


@dataclass
class GenerateOptions:
    """What to generate, how the deck is planned, and (for `generate_deck` and `build`) how
    to parse.

    `seed` makes the choice of distractors and true/false statements repeatable; `kinds`
    (date, actor, organization) and `types` (choice, short, cloze, truefalse) filter, None
    meaning all; `limit` caps the questions per source; `templates` is a YAML file of
    extra templates, `deck_templates` a deck's own `templates:` list. Planning: `per_fact`
    questions per fact, at most `per_sentence` anchored in one sentence, `count` questions
    in all when it can, `mix` the shares by type over DEFAULT_MIX. `model` and `jobs` are
    not read by `generate` itself (it takes parsed Facts): they choose the spaCy model and
    the parser processes for the extraction `generate_deck` and `build` run first.
    """

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
    facts: Facts | Iterable[Facts], options: GenerateOptions | None = None, title: str | None = None
) -> Deck:
    """A deck of questions about the dates, actors and organizations in `facts`.

    `facts` is one Facts or any iterable of them in source order, as `iter_facts` gives
    (a Facts whose `section` is above 0 continues the source before it). An iterator is
    read lazily, one Facts at a time, after the templates loaded: a bad template fails
    before any parsing. The deck cites every source; its title is `title`, else the first
    source's title ("T and 2 more" for several). Raises TemplateError for bad templates,
    and whatever the iterator raises (ModelError from `iter_facts`).
    """
    return generate_planned(facts, options, title)[0]


def generate_planned(
    facts: Facts | Iterable[Facts], options: GenerateOptions | None = None, title: str | None = None
) -> tuple[Deck, Plan]:
    """`generate`, and the plan behind the deck: the facts left unasked and why, a summary."""
    options = options or GenerateOptions()
    templates = default_templates()
    if options.deck_templates:
        templates = merge_templates(templates, templates_from_data(options.deck_templates, "deck"))
    if options.templates:
        templates = merge_templates(templates, load_templates(options.templates))
    refs: list[SourceRef] = []
    grouped: list[list[FactSlots]] = []
    seen = 0  # sentences of the source's earlier sections
    for part in [facts] if isinstance(facts, Facts) else facts:
        if part.section == 0 or not grouped:
            refs.append(
                SourceRef(part.source_path, part.title, part.published, part.url, part.author)
            )
            grouped.append([])
            seen = 0
        # A section's sentences are counted on from the last: the planner caps questions
        # per sentence, and sentence 0 of two sections is two sentences. Only the slots
        # (plain strings) are kept: the parse of a section is dropped here.
        # The collector waits while the slots are built, as while planning (below).
        with paused_gc():
            grouped[-1].extend(
                shift_sentences(i, seen)
                for i in sorted([*fact_slots(part), *list_slots(part)], key=lambda i: i.order)
            )
        seen += len(part.sentences)
        # A parse is held in reference cycles (sentences, entities and their mentions), so
        # dropping it frees nothing until a full collection, which a large heap seldom
        # sets off: a long source's sections piled up (peak 654 MB at 5 MB of prose). A
        # large one is collected here, before the next section is parsed.
        large = len(part.sentences) >= _COLLECT_SENTENCES
        del part
        if large:
            gc.collect()
    title = title or _title([r.title or "" for r in refs])
    plan = plan_questions(grouped, templates, options)
    deck = Deck(
        title=title,
        deck_id=derive_deck_id(title),
        sources=refs,
        questions=[c.question for c in plan.chosen],
    )
    return deck, plan


# A parse of this many sentences (about 100,000 characters) is freed at once when its slots
# are made; a short source's is left to the collector (a full collection costs about as
# much as generating a short deck).
_COLLECT_SENTENCES = 2000


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


def plan_questions(
    all_items: Sequence[Sequence[FactSlots]],
    templates: Sequence[Template],
    options: GenerateOptions,
) -> Plan:
    """Build every candidate, score, select (`_select`): one question per fact by default.

    `options.limit` caps each source's questions (the most salient kept), `options.count`
    the deck's.

    Python's cycle collector is paused meanwhile: the hundreds of thousands of small
    containers made here set off full collections walking every object alive (the parse,
    the model), and planning leaves no cyclic garbage (`gc.collect()` finds none after it).
    """
    with paused_gc():
        return _plan(all_items, templates, options)


def _plan(
    all_items: Sequence[Sequence[FactSlots]],
    templates: Sequence[Template],
    options: GenerateOptions,
) -> Plan:
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
        share = {**DEFAULT_MIX, **(options.mix or {})}["cloze"]
        keep = _within_limit(plan.chosen, options.limit, share)
        plan.unasked += [
            (c.fact, f"beyond --max {options.limit}") for c in plan.chosen if id(c) not in keep
        ]
        plan.chosen = [c for c in plan.chosen if id(c) in keep]
    return plan


def _within_limit(chosen: Sequence[Candidate], limit: int, cloze_share: float) -> set[int]:
    """The ids of the `limit` most salient of `chosen` per source, clozes within their share.

    The selector held clozes to `cloze_share` of the whole plan; cutting each source to its
    most salient questions can leave more (issue 12: clozes at most half of a deck). Then the
    least salient cloze kept gives way to a real question of its source that the cut left
    out, or goes without one, until the share holds.
    """
    by_salience = sorted(chosen, key=lambda c: (-c.salience, c.order, c.question.id))
    per_source: Counter[str] = Counter()
    kept: list[Candidate] = []
    spare: dict[str, deque[Candidate]] = defaultdict(deque)  # real questions cut, per source
    for c in by_salience:
        if per_source[c.anchor[0]] < limit:
            per_source[c.anchor[0]] += 1
            kept.append(c)
        elif c.question.type != "cloze":
            spare[c.anchor[0]].append(c)
    clozes = [c for c in kept if c.question.type == "cloze"]  # most salient first
    keep = {id(c) for c in kept}
    while clozes and len(clozes) > cloze_share * len(keep):
        cloze = clozes.pop()
        keep.discard(id(cloze))
        if spare[cloze.anchor[0]]:
            keep.add(id(spare[cloze.anchor[0]].popleft()))
    return keep
