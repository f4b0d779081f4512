"""Generation: Facts -> a Deck of questions, through templates that are data.

`generate(facts, options)` is a pure function of the facts, the templates and the seed:
the same input gives the same deck, byte for byte once saved. It never parses: the
Facts come from `quizgen._extract` (`extract_facts`, `iter_facts`), and spaCy is not
imported here.
"""

from __future__ import annotations

import os
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from quizgen._deck import BLANK, Deck, Question, SourceRef, derive_deck_id, question_id
from quizgen._extract import Facts
from quizgen._generate._distractors import Pool, date_pool, pick
from quizgen._generate._fields import FactSlots, fact_slots
from quizgen._generate._templates import (
    Template,
    default_templates,
    load_templates,
    merge_templates,
    templates_from_data,
)

__all__ = [
    "GenerateOptions",
    "Template",
    "default_templates",
    "generate",
    "questions_from_items",
]


@dataclass
class GenerateOptions:
    """What to generate, and (for `generate_deck` and `build`) how to parse.

    `seed` makes the choice of distractors and true/false statements repeatable; `kinds`
    (date, actor, organization) and `types` (choice, short, cloze, truefalse) filter, None
    meaning all; `limit` caps the questions per source; `templates` is a YAML file of
    extra templates, `deck_templates` a deck's own `templates:` list. `model` and `jobs`
    are not read by `generate` itself (it takes parsed Facts): they choose the spaCy model
    and the parser processes for the extraction `generate_deck` and `build` run first.
    """

    seed: int = 0
    kinds: Sequence[str] | None = None
    types: Sequence[str] | None = None
    limit: int | None = None
    templates: str | os.PathLike[str] | None = None
    model: str | None = None
    jobs: int = 1  # parser processes (spaCy's n_process): for large inputs on several cores
    deck_templates: Sequence[dict[str, object]] = ()  # a deck's own `templates:` list


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
    options = options or GenerateOptions()
    templates = default_templates()
    if options.deck_templates:
        templates = merge_templates(templates, templates_from_data(options.deck_templates, "deck"))
    if options.templates:
        templates = merge_templates(templates, load_templates(options.templates))
    refs: list[SourceRef] = []
    grouped: list[list[FactSlots]] = []
    for part in [facts] if isinstance(facts, Facts) else facts:
        if part.section == 0 or not grouped:
            refs.append(
                SourceRef(part.source_path, part.title, part.published, part.url, part.author)
            )
            grouped.append([])
        # Only the items (plain strings) are kept: the parse of a section is dropped here.
        grouped[-1].extend(sorted(fact_slots(part), key=lambda i: i.order))
    title = title or _title([r.title or "" for r in refs])
    questions = questions_from_items(grouped, templates, options)
    return Deck(title=title, deck_id=derive_deck_id(title), sources=refs, questions=questions)


def _title(titles: list[str]) -> str:
    if len(titles) == 1:
        return titles[0]
    return f"{titles[0]} and {len(titles) - 1} more"


def questions_from_items(
    all_items: Sequence[Sequence[FactSlots]],
    templates: Sequence[Template],
    options: GenerateOptions,
) -> list[Question]:
    """Questions for each source's items (in reading order), per source."""
    pools = _pools([i for group in all_items for i in group])
    out: list[Question] = []
    seen: set[str] = set()
    for group in all_items:
        made: list[Question] = []
        wording: dict[tuple[str, str], list[set[str]]] = {}  # _dup_key -> prompt words
        for item in group:
            asked = False  # has the fact a question whose answer is the fact itself?
            # Questions first, statements after: a fact with no question gets a cloze, not a true/false.
            for template in sorted(templates, key=lambda t: t.is_statement):
                if template.kind != item.kind or (options.kinds and item.kind not in options.kinds):
                    continue
                q = _question(item, template, pools, options, prefer_cloze=not asked)
                # A sentence repeated in the text gives the same question (and id) twice.
                if q is not None and q.id not in seen and not _near_duplicate(q, wording):
                    seen.add(q.id)
                    made.append(q)
                    wording.setdefault(_dup_key(q), []).append(_prompt_words(q))
                    asked = asked or (q.type != "truefalse" and template.answer == "answer")
        out.extend(made[: options.limit] if options.limit else made)
    return out


_NO_NAMES = Pool(())


def _pools(all_items: list[FactSlots]) -> dict[str, Pool]:
    pools: dict[str, list[str]] = {"actor": [], "organization": [], "title": []}
    for item in all_items:
        if item.kind == "date":
            pools.setdefault(f"date:{item.granularity}", []).append(item.fields["answer"])
        else:
            pools[item.kind].append(item.fields["answer"])
        if "title" in item.fields:
            pools["title"].append(item.fields["title"])
    return {k: Pool(v) for k, v in pools.items()}


def _question(
    item: FactSlots,
    template: Template,
    pools: dict[str, Pool],
    options: GenerateOptions,
    prefer_cloze: bool = False,
) -> Question | None:
    if any(not item.fields.get(n) for n in (*template.needs, *template.fields(), template.answer)):
        return None
    answer = item.fields[template.answer]
    accept = item.accept.get(template.answer, [])
    # The file name, not its path: moving the sources folder must not change every id.
    qid = question_id(PurePath(item.source).name, template.id, item.kind, item.key)
    rng = random.Random(f"{options.seed}:{qid}")
    prompt = _sentence_case(template.prompt.format(**item.fields))
    types = [t for t in template.types if not options.types or t in options.types]
    if not types:
        return None
    distractors = _distractors(item, template, answer, prompt, pools, rng)
    # Rotate through the template's types by question id, so a deck gets a mix.
    start = int(qid[2:], 16) % len(types)
    order = types[start:] + types[:start]
    if prefer_cloze and "cloze" in order:
        order.remove("cloze")
        order.insert(0, "cloze")
    for qtype in order:
        q = _make(item, template, qid, qtype, prompt, answer, accept, distractors, rng)
        if q is not None and not _gives_away(q, item):
            return q
    return None


def _distractors(
    item: FactSlots,
    template: Template,
    answer: str,
    prompt: str,
    pools: dict[str, Pool],
    rng: random.Random,
) -> list[str]:
    view = prompt + " " + item.context
    names = pools.get(item.kind, _NO_NAMES)
    in_view = [*names.mentioned_in(view), *pools["title"].mentioned_in(view)]
    avoid = [*item.names, *item.accept.get(template.answer, []), *in_view]
    if item.kind == "date":
        same = pools.get(f"date:{item.granularity}", _NO_NAMES)
        pool = date_pool(answer, item.granularity or "", same, rng)
        return pick(answer, pool, avoid, rng, unless_in=item.context)
    pool = pools["title"] if template.answer == "title" else names
    return pick(answer, pool, avoid, rng)


def _make(
    item: FactSlots,
    template: Template,
    qid: str,
    qtype: str,
    prompt: str,
    answer: str,
    accept: list[str],
    distractors: list[str],
    rng: random.Random,
) -> Question | None:
    statement = template.is_statement
    choices: list[str] = []
    if (qtype in ("cloze", "truefalse")) != statement:
        return None
    if qtype == "choice":
        if len(distractors) < 3:
            return None
        choices = [answer, *distractors[:3]]
        rng.shuffle(choices)
    if qtype == "truefalse":
        truth = rng.random() < 0.5 or not distractors
        filler = answer if truth else distractors[0]
        prompt = prompt.replace(BLANK, filler, 1)
        if filler.endswith("."):
            prompt = prompt.replace(filler + ".", filler, 1)  # "in 49 B.C.." at a sentence end
        answer, accept = ("true" if truth else "false"), []
    if qtype == "cloze" and BLANK not in prompt:
        return None
    return Question(
        id=qid,
        kind=item.kind,
        type=qtype,
        prompt=prompt,
        answer=answer,
        accept=list(accept),
        choices=choices,
        context=item.context,
        source=item.source,
        template=template.id,
        tags=[item.kind],
    )


def _sentence_case(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text[:1].upper() + text[1:]


def _gives_away(q: Question, item: FactSlots) -> bool:
    """A prompt that names its own answer (or another name of it) asks nothing."""
    if q.type == "truefalse":
        return False
    names = [q.answer, *q.accept] + (item.names if q.answer == item.fields.get("answer") else [])
    prompt = q.prompt.casefold()
    return any(
        len(n) > 2 and re.search(r"(?<!\w)" + re.escape(n.casefold()) + r"(?!\w)", prompt)
        for n in names
    )


def _prompt_words(q: Question) -> set[str]:
    return set(re.findall(r"\w+", q.prompt.lower()))


def _dup_key(q: Question) -> tuple[str, str]:
    """Which questions a new one is compared with: the same type and answer, or for a
    true/false (whose answer is only true or false) the same source sentence. Comparing
    every true statement with every other made a book's generation quadratic."""
    return (q.type, q.context) if q.type == "truefalse" else (q.type, q.answer)


def _near_duplicate(q: Question, wording: dict[tuple[str, str], list[set[str]]]) -> bool:
    """Same answer and type and nearly the same words as a question already made."""
    words = _prompt_words(q)
    return bool(words) and any(
        len(words & theirs) / len(words | theirs) > 0.8 for theirs in wording.get(_dup_key(q), ())
    )
