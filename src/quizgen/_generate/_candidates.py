"""Every question a fact could give (over-generation), each with the fact it tests, its
anchor sentence and named features, for the planner to rank and select.

The approach is over-generate and rank (Heilman & Smith 2010, "Good Question! Statistical
Ranking for Question Generation"): each template of a fact's kind gives one candidate per
question type it can make, and `_select` keeps the best ones for the deck as a whole.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import PurePath
from typing import TYPE_CHECKING

from quizgen._deck import BLANK, Question, question_id
from quizgen._generate._date_options import date_pool, same_era
from quizgen._generate._distractors import (
    Pool,
    choice_options,
    org_family,
    pick,
    pick_of_kind,
    same_form,
    same_post,
)
from quizgen._generate._fields import FactSlots
from quizgen._generate._leaks import names_its_people
from quizgen._generate._not_options import credited, linked_names, renamings
from quizgen._generate._roles import undoubled
from quizgen._generate._subjects import with_subject_clause
from quizgen._lexicon import CITATION

if TYPE_CHECKING:
    from quizgen._generate import GenerateOptions
    from quizgen._generate._templates import Template

# A teacher asks a real question where one can be formed: a choice or a short answer first,
# a cloze only where no question fits, a true/false least (Heilman & Smith rank the same way
# by "question form rather than cloze").
FORM_SCORE = {"choice": 1.0, "short": 1.0, "cloze": 0.5, "truefalse": 0.3}
_NO_NAMES = Pool(())
# A role of common nouns only ("the colonel", "the oil magnate") names no one without the
# text; "the Chinese foreign minister", "the head of the Far East Institute" do.
_VAGUE_ROLE = re.compile(r"the(?: [a-z][\w’'-]*){1,3}")
_UNCITED = re.compile(r"\s*" + CITATION.pattern)


@dataclass(slots=True)
class Candidate:
    """One possible question and what the planner needs to know about it.

    `fact` is "KIND:WHAT" (see docs/deck-format.md); `anchor` is (source, sentence index) of
    the sentence its wording comes from; `names` are every name of its answer (to find it
    printed in another question); `features` are named scores in [0, 1].
    """

    question: Question
    fact: str
    anchor: tuple[str, int]
    salience: int
    order: tuple[int, int]
    names: list[str]  # the answer and every other name of it (avoided where possible)
    answer: str  # never printed by another question from its sentence
    features: dict[str, float] = field(default_factory=dict)
    copied: bool = False  # a true statement that repeats its sentence word for word
    covers: tuple[str, ...] = ()  # a list's member facts, each asked by it (`_lists`)
    drawn: tuple[str, ...] = ()  # a choice's distractors to pick from (`_leaks.reoption`)

    @property
    def score(self) -> float:
        return sum(self.features.values())

    @property
    def text(self) -> str:
        """What a student reads: prompt and choices (a true statement holds its answer)."""
        return " ".join([self.question.prompt, *self.question.choices])


def fact_key(item: FactSlots) -> str:
    """ "actor:Vladimir Putin", "date:1979@14" (a date is one fact per sentence it dates)."""
    if item.kind == "date":
        said = item.order[0] if item.fact_sentence is None else item.fact_sentence
        return f"date:{item.key.split('|', 1)[0]}@{said}"
    return f"{item.kind}:{item.key}"


def pools(all_items: Sequence[FactSlots]) -> dict[str, Pool]:
    """The names of each kind in a run (and dates per granularity): where distractors come from."""
    found: dict[str, list[str]] = {"actor": [], "organization": [], "title": []}
    articles = {
        i.fields["answer"]: i.article
        for i in all_items
        if i.kind == "organization" and not i.covers
    }
    for item in all_items:
        if item.covers:
            continue  # "Karl Holm and Nils Dahl" stands for no one name among options
        if item.kind != "date" and credited(item.fields["answer"], item.context):
            continue  # a photographer of the text's pictures: no one of its story
        if item.kind == "date":
            found.setdefault(f"date:{item.granularity}", []).append(item.fields["answer"])
        else:
            found[item.kind].append(item.fields["answer"])
        if item.kind == "organization":  # "org:company", "org:party": of the answer's kind
            family = org_family(item.fields["answer"], item.subtype)
            found.setdefault(f"org:{family}", []).append(item.fields["answer"])
        if "title" in item.fields:
            found["title"].append(item.fields["title"])
    orgs = [i for i in all_items if i.kind == "organization"]
    owner = {n: i.fields["answer"] for i in orgs for n in [*i.names, i.fields["answer"]]}
    said = {s for i in orgs for s in (i.context, *i.sentences.values())}
    renamed = renamings(sorted(said), Pool(owner), owner)
    for name, linked in linked_names(sorted(said), Pool(owner), owner).items():
        renamed.setdefault(name, set()).update(linked)  # no wrong answer either
    return {
        k: Pool(v, articles, renamed) if k == "organization" else Pool(v) for k, v in found.items()
    }


def candidates(
    item: FactSlots,
    templates: Sequence[Template],
    pools_: dict[str, Pool],
    options: GenerateOptions,
    preferred: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """Every question the item's templates can make, one per template and type (a
    true/false both true and false), none naming its own answer in its prompt. Templates
    in `preferred` (a person's own) outrank the defaults."""
    out: list[Candidate] = []
    drawn: dict[str, list[str]] = {}  # template id -> distractors drawn: once for all variants
    variants = [with_subject_clause(item)] + [
        # the same question from another sentence naming it, should its own be taken
        with_subject_clause(
            replace(
                item,
                fields={**item.fields, "blanked": blanked},
                anchors={**item.anchors, "blanked": sent},
            )
        )
        for blanked, sent in item.alternates
    ]
    for template in templates:
        if template.kind != item.kind or (options.kinds and item.kind not in options.kinds):
            continue
        for k, variant in enumerate(variants):
            if k and _anchor_field(template) != "blanked":
                break
            made = _from_template(variant, template, pools_, options, drawn)
            if template.id in preferred:
                for c in made:
                    c.features["asked_for"] = 1.0  # a person wrote this template
            out.extend(made)
    return out


def _from_template(
    item: FactSlots,
    template: Template,
    pools_: dict[str, Pool],
    options: GenerateOptions,
    drawn: dict[str, list[str]],
) -> list[Candidate]:
    if any(not item.fields.get(n) for n in (*template.needs, *template.fields(), template.answer)):
        return []
    if "role_np" in template.fields() and _VAGUE_ROLE.fullmatch(item.fields["role_np"]):
        return []  # "Who was the colonel?": which colonel, the student cannot know
    types = [t for t in template.types if not options.types or t in options.types]
    if item.covers:  # a list is one blank: no single name stands for it in a false statement
        types = [t for t in types if t != "truefalse"]
    if not types:
        return []
    answer = item.fields[template.answer]
    accept = item.accept.get(template.answer, [])
    # The file name, not its path: moving the sources folder must not change every id.
    qid = question_id(_file_name(item.source), template.id, item.kind, item.key)
    rng = random.Random(f"{options.seed}:{qid}")
    # without author-year citations: "(Weisstein, 1993)" after the blank names the answer
    prompt = _sentence_case(undoubled(_UNCITED.sub("", template.prompt.format(**item.fields))))
    if item.kind == "actor" and _surname_alone(answer, prompt.replace(BLANK, " ")):
        return []  # "Sweatt v. Painter was a case brought by _____", even as true/false
    if template.id not in drawn:
        drawn[template.id] = _distractors(item, template, answer, prompt, pools_, rng)
    # none the prompt names; none that stands out by its form ("49 BC" among plain years)
    seen = prompt.lower()
    distractors = same_form(answer, [d for d in drawn[template.id] if d.lower() not in seen])
    articles = pools_["organization"].articles if item.kind == "organization" else {}
    fact = fact_key(item)
    sentence = item.anchors.get(_anchor_field(template), item.order[0])
    names = [answer, *accept] + (item.names if template.answer == "answer" else [])
    out = []
    for qtype in types:
        for truth in (True, False) if qtype == "truefalse" else (None,):
            options = distractors
            if truth is False:  # "survived by sons Clarence, Edward, Billboard": no swap
                options = [d for d in distractors if swappable(item, template, d, prompt, pools_)]
            q = _make(item, template, qid, qtype, prompt, answer, accept, options, rng, truth)
            if q is not None and truth is False and articles:
                q.prompt = _fix_article(q.prompt, prompt, options[0], articles)
            if q is None or _gives_away(q, item) or (truth is not None and _quoted_blank(prompt)):
                continue  # a true/false never changes a quotation (see `_quoted_blank`)
            q.fact = fact
            # the sentence the wording comes from, as the student's context
            q.context = item.sentences.get(sentence, item.context)
            features = {
                "form": FORM_SCORE.get(qtype, 0.0),
                # the answer is the fact itself, not a post or title said of it
                "asks_the_fact": 0.2 if template.answer == "answer" else 0.0,
            }
            if "role_noun" in template.fields():
                features["anchored"] = 0.05  # "Which state senator ...?" says more than "Who"
            out.append(
                Candidate(
                    question=q,
                    fact=fact,
                    anchor=(item.source, sentence),
                    salience=item.salience,
                    order=item.order,
                    names=[n for n in names if len(n) > 2],
                    answer=answer,
                    features=features,
                    copied=bool(truth)
                    and _copies(q.prompt, item.sentences.get(sentence, item.context)),
                    covers=tuple(item.covers),
                    drawn=tuple(d for d in drawn[template.id] if d.lower() not in seen)
                    if qtype == "choice"
                    else (),
                )
            )
    return out


@lru_cache(maxsize=256)
def _file_name(path: str) -> str:
    """The file name of a source path, once per source (PurePath is slow to build)."""
    return PurePath(path).name


def _quoted_blank(prompt: str) -> bool:
    """Is the blank inside quotation marks? Filled with a distractor, the speaker would say
    what they never said (issue 12: quotations are never altered); a cloze keeps their
    words but for the answer, so it alone may blank a quotation."""
    before = prompt.partition(BLANK)[0]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _anchor_field(template: Template) -> str:
    """The item field whose sentence a template's wording comes from."""
    for name in (
        "blanked",
        "subject_clause",
        "possessed",
        "quote",
        "person_role",
        "role_np",
        "title",
        "wh_question",
    ):
        if name in template.fields() or name in template.needs:
            # made from "blanked"
            return "blanked" if name in ("subject_clause", "possessed") else name
    return ""


@lru_cache(maxsize=4096)  # a sentence is compared with each of its true statements
def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", text.casefold()) if len(w) > 2 or w.isdigit())


def _copies(statement: str, sentence: str) -> bool:
    """Does the statement repeat its sentence (nine in ten of their words shared)?"""
    a, b = _words(statement), _words(sentence)
    return bool(a) and len(a & b) / len(a | b) >= 0.9


def _distractors(
    item: FactSlots,
    template: Template,
    answer: str,
    prompt: str,
    pools_: dict[str, Pool],
    rng: random.Random,
) -> list[str]:
    names = pools_.get(item.kind, _NO_NAMES)
    # the names in the prompt and its sentence (a sentence many questions share)
    in_view = [
        *names.mentioned_in(prompt, item.context),
        *pools_["title"].mentioned_in(prompt, item.context),
    ]
    # ... and another name the text gives it ("renamed the Iraqi Petroleum Company")
    renamed = pools_["organization"].renamed.get(answer, ()) if item.kind == "organization" else ()
    avoid = [*item.names, *item.accept.get(template.answer, []), *in_view, *sorted(renamed)]
    if item.kind == "date":
        same = pools_.get(f"date:{item.granularity}", _NO_NAMES)
        pool = date_pool(answer, item.granularity or "", same, rng)
        picked = pick(answer, pool, avoid, rng, count=16, unless_in=item.context)
        return [d for d in picked if _in_window(d, item.window) and same_era(d, answer)][:8]
    if template.answer == "title":
        return same_post(answer, pick(answer, pools_["title"], avoid, rng, count=16))[:8]
    if item.kind == "organization":
        family = org_family(answer, item.subtype)
        return pick_of_kind(answer, family, pools_, avoid, rng, count=8)
    return pick(answer, names, avoid, rng, count=8)


def swappable(
    item: FactSlots, template: Template, filler: str, statement: str, pools_: dict[str, Pool]
) -> bool:
    """May `filler` stand for the answer in the false `statement` (its blank), which a
    student reads as a claim rather than among options? Only a name surely of the answer's
    kind: a person's full name ("David", "Billboard" may be anything), an organization of
    the answer's own family, of two words or an acronym ("Veracruz" may be a place); and
    none the statement names already ("Berg sang with Ann Berg"). Dates and posts: yes."""
    if item.kind == "date" or template.answer != "answer":
        return True
    if _whole_word_in(filler.split()[-1].casefold(), statement.casefold()):
        return False
    answer = item.fields["answer"]
    if " " not in answer and any(_clipped_alike(w, answer) for w in filler.split()):
        return False  # "the Bolshevik Party" for "the Bolsheviks" is as true (review 5)
    if item.kind == "actor" and len(item.fields["answer"].split()) < 2:
        return False  # "sons Clarence, Edward, Ted": any full name would stand out among them
    if len(filler.split()) < 2 and not (item.kind == "organization" and filler.isupper()):
        return False
    if item.kind == "organization":
        family = org_family(item.fields["answer"], item.subtype)
        return filler in pools_.get(f"org:{family}", _NO_NAMES)
    return True


def _in_window(date: str, window: tuple[int | None, int | None]) -> bool:
    """Does a date's year fall within the window (a life the text gives)? "1850" is no
    option for a person born in 1867; a date without a plain year always passes."""
    if window == (None, None):
        return True  # most dates: no life bounds them
    m = re.search(r"\b(\d{4})\b", date)
    if not m or "BC" in date or "B.C" in date:
        return True
    year, (first, last) = int(m.group(1)), window
    return (first is None or year >= first) and (last is None or year <= last)


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
    truth: bool | None = None,
) -> Question | None:
    statement = template.is_statement
    choices: list[str] = []
    if (qtype in ("cloze", "truefalse")) != statement:
        return None
    if qtype == "choice":
        if not (options := choice_options(answer, distractors)):
            return None  # fewer than three plausible options: asked as a short answer
        choices = [answer, *options]
        rng.shuffle(choices)
    if qtype == "truefalse":
        if not truth and not distractors:
            return None
        if BLANK not in prompt:
            return None  # the blank went with a cut ("(see the chapter on _____)"): no fact
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


def _fix_article(statement: str, blanked: str, filler: str, articles: dict[str, str]) -> str:
    """The false statement with the article its swapped-in name takes: "the Harvard
    University" -> "Harvard University", "spoke at Boston Herald" -> "at the Boston Herald"."""
    before, _, after = blanked.partition(BLANK)
    has_the = re.search(r"(?:^|\s)(the|The) $", before)
    wants_the = articles.get(filler) == "the"
    if has_the and not wants_the:
        before = before[: has_the.start(1)]
    elif not has_the and wants_the:
        before += "The " if not before.strip() else "the "
    else:
        return statement
    return _sentence_case(before + filler + after)


def _sentence_case(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text[:1].upper() + text[1:]


def _gives_away(q: Question, item: FactSlots) -> bool:
    """A prompt that names its own answer (or another name of it) asks nothing."""
    if q.type == "truefalse":
        return False
    names = [q.answer, *q.accept] + (item.names if q.answer == item.fields.get("answer") else [])
    prompt = q.prompt.casefold()
    if any(len(n) > 2 and _whole_word_in(n.casefold(), prompt) for n in names):
        return True
    if item.kind != "date" and names_its_people(q.prompt, q.answer):
        return True  # "Mexican President ... operating in _____." for Mexico
    if item.kind == "organization" and _clipped_name_in(q.answer, q.prompt):
        return True  # "Barcelona were not able to ... all of _____'s talent" for "Barca"
    return item.kind == "actor" and _surname_alone(q.answer, q.prompt)


# The shortest one-word name whose clipped form (or full form) counts as the same name:
# "Barca" for "Barcelona", "Inter" for "Internazionale"; not "Rome" for "Romania".
_CLIPPED_AT_LEAST = 5
_CAPITALISED_WORD = re.compile(r"\b[A-Z][\w’'-]+")


def _clipped_name_in(answer: str, prompt: str) -> bool:
    """Does the prompt name a one-word answer by its clipped or its full form, a word that
    begins with all but the last letter of the shorter ("Barcelona" for "Barca", "Barca" for
    "Barcelona")? The text may hold them as two entities, so the answer's aliases miss it
    (blind review 5: a give-away)."""
    if " " in answer or len(answer) < _CLIPPED_AT_LEAST:
        return False
    return any(_clipped_alike(word, answer) for word in _CAPITALISED_WORD.findall(prompt))


def _clipped_alike(word: str, name: str) -> bool:
    """Are two different words one name, the shorter clipped from the longer ("Barca",
    "Barcelona"; "Bolshevik", "Bolsheviks")?"""
    short, long = sorted((word, name), key=len)
    return word != name and len(short) >= _CLIPPED_AT_LEAST and long.startswith(short[:-1])


def _surname_alone(answer: str, prompt: str) -> bool:
    """Does the prompt name the person's surname on its own ("Sweatt v. Painter was a case
    brought by _____." for Heman Marion Sweatt, issue 12, review 3)? Not as part of another
    name: the end of a relative's ("_____ and her husband, Kenneth Clark" for Mamie Phipps
    Clark), the start of a firm's ("Graham Paper Company" for Benjamin B. Graham)."""
    words = answer.split()
    if len(words) < 2 or len(words[-1]) < 3 or not words[-1][:1].isupper():
        return False
    if words[-1] not in prompt:
        return False  # the cheap test first: no pattern is built for a name not there
    for m in _whole_word(words[-1]).finditer(prompt):
        before, after = prompt[: m.start()].split(), prompt[m.end() :].split()
        if after and after[0][:1].isupper():
            continue
        if not before or not before[-1][:1].isupper() or before[-1].endswith((".", ",")):
            return True
    return False


def _whole_word_in(name: str, text: str) -> bool:
    """Is `name` in `text` as a whole word? Its pattern is built only when `name` is in
    `text` at all: most names are not, and each new pattern costs a compile (434 of them
    at 100,000 words)."""
    return name in text and _whole_word(name).search(text) is not None


@lru_cache(maxsize=4096)
def _whole_word(name: str) -> re.Pattern[str]:
    """`name` as a whole word. Cached: a pattern built per name and prompt overflowed `re`'s
    own cache of 512, and recompiling cost about 5% of generation."""
    return re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")
