"""From facts to the fields templates fill in: one `FactSlots` per fact, with its wording pieces."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from quizgen._deck import BLANK, BLANK_RE
from quizgen._extract import DateFact, Entity, Facts, Mention, Pronouns, Role, Sentence, Token
from quizgen._generate._clauses import clause_window
from quizgen._generate._memo import by_identity
from quizgen._generate._rewrite import clause_question, object_question, strip_leading
from quizgen._generate._simplify import simplified_window
from quizgen._lexicon import (
    AWARD_WORDS,
    POSSESSIVE_DETERMINERS,
    SAY_VERBS,
    SENTENCE_ENDS,
    SUBJECT_PRONOUNS,
    TITLE_WORDS,
)

_WH = {
    "year": "In what year",
    "decade": "In which decade",
    "century": "In which century",
    "month": "In which month",
    "month-year": "In which month and year",
    "day": "On what date",
}
# Every field a FactSlots of each kind can carry: the schema templates are checked against
# (`_templates`), so a template naming a field nothing makes ('role_nps') is an error
# rather than a template that silently never applies. Add a field here when a
# `_*_item` below starts to fill it in.
ITEM_FIELDS: dict[str, frozenset[str]] = {
    "date": frozenset({"answer", "wh", "blanked", "clause", "clause_bare"}),
    "actor": frozenset({"answer", "name", "role_np", "title", "quote", "blanked", "wh_question"}),
    "organization": frozenset(
        {
            "answer",
            "name",
            "class_noun",
            "members",
            "description_np",
            "person",
            "person_role",
            "blanked",
            "wh_question",
        }
    ),
}
# Fields the candidate step derives from those above (`_candidates._with_subject_clause`).
DERIVED_FIELDS: dict[str, frozenset[str]] = {
    "actor": frozenset({"subject_clause", "role_noun"}),
    "organization": frozenset({"subject_clause"}),
}


def template_fields(kind: str) -> frozenset[str]:
    """Every field a template of `kind` may name: ITEM_FIELDS plus DERIVED_FIELDS."""
    return ITEM_FIELDS.get(kind, frozenset()) | DERIVED_FIELDS.get(kind, frozenset())


_MAX_SENTENCE_WORDS = 60
_POSSESSIVE = re.compile(rf"(?:{'|'.join(POSSESSIVE_DETERMINERS)})\b", re.I)


@dataclass(slots=True)
class FactSlots:
    """One fact, ready for templates: its fields and what counts as its answer."""

    kind: str
    key: str  # identifies the fact across runs (part of question ids)
    fields: dict[str, str]
    accept: dict[str, list[str]]  # answer field -> accepted alternatives
    context: str
    order: tuple[int, int]
    source: str
    names: list[str] = field(default_factory=list)  # every name of the answer entity
    granularity: str | None = None  # dates
    # field -> index of the sentence its wording comes from (default: order[0]); the
    # planner caps questions per sentence and checks leaks between them by this
    anchors: dict[str, int] = field(default_factory=dict)
    alternates: list[tuple[str, int]] = field(default_factory=list)  # other "blanked" + sentence
    sentences: dict[int, str] = field(default_factory=dict)  # anchor index -> its text
    article: str = ""  # "the" when the text writes "the Boston Herald", "" for "Harvard University"
    salience: int = 1  # how often the text names the fact: the planner asks the most named first
    relative: bool = False  # a date the text gives relative to its publication ("Tuesday")
    subtype: str | None = None  # an organization's fine kind (`Entity.subtype`): its distractors'
    # years a date's distractors stay within (inclusive; None: open): the life of the one
    # person its sentence names, where the text gives a birth or a death
    window: tuple[int | None, int | None] = (None, None)


def fact_slots(facts: Facts) -> Iterator[FactSlots]:
    """Every askable fact of a source, in reading order."""
    coref = facts.pronouns
    words = Counter(t.lower_text for s in facts.sentences for t in s.tokens)
    bare = _bare_surnames(facts, coref)
    named = _people_by_sentence(facts)
    lives = _lifespans(facts, named)
    for d in facts.dates:
        yield replace(_date_slots(facts, d, coref), window=_date_window(facts, d, lives, named))
    for actor in facts.actors:
        item = _actor_slots(facts, actor, coref)
        if "blanked" in item.fields or not _doubtful_actor(facts, actor):
            # more sentences to ask the person from, should the planner need one
            more = replace(actor, mentions=bare.get(id(actor), []))
            seen = {item.anchors.get("blanked"), *(i for _, i in item.alternates)}
            item.alternates += [
                (b, i) for b, i in _mention_sentences(facts, more, coref) if i not in seen
            ][:3]
            if "blanked" not in item.fields and item.alternates:
                item.fields["blanked"], item.anchors["blanked"] = item.alternates.pop(0)
        yield _with_sentences(facts, replace(item, salience=_salience(actor, words)))
    for org in facts.organizations:
        item = replace(
            _org_slots(facts, org, coref),
            salience=_salience(org, words),
            article=_article(facts, org),
            subtype=org.subtype,
        )
        yield _with_sentences(facts, item)


def _year(d: DateFact) -> int | None:
    """The year of a date of the common era ("1867", "1867-05", "1867-05-08"), else None."""
    m = re.match(r"(\d{4})(?:-|$)", d.normalized)
    return int(m.group(1)) if m and d.granularity in ("year", "month-year", "day") else None


def _life_event(facts: Facts, d: DateFact) -> str | None:
    """ "born" or "died" when the words just before the date say so ("born in 1867", "died
    on 4 July 1934", "death in 1934"), else None."""
    toks = facts.sentences[d.sent_index].tokens[max(0, d.start - 3) : d.start]
    lemmas = {t.lemma.lower() for t in toks} | {t.lower_text for t in toks}
    if lemmas & {"born", "bear", "birth"}:
        return "born"
    if lemmas & {"die", "died", "death"}:
        return "died"
    return None


def _people_by_sentence(facts: Facts) -> dict[int, list[Entity]]:
    """Sentence index -> the actors it names, in the order of `facts.actors`: one pass
    over the mentions (asked of every date, a scan of every actor's mentions per date was
    quadratic: 40% of `fact_slots` at 100k words)."""
    out: dict[int, list[Entity]] = {}
    for a in facts.actors:
        for i in dict.fromkeys(m.sent_index for m in a.mentions):
            out.setdefault(i, []).append(a)
    return out


def _lifespans(
    facts: Facts, named: dict[int, list[Entity]]
) -> dict[int, tuple[int | None, int | None]]:
    """id(actor) -> (year of birth, year of death) where the text gives them in a sentence
    naming that person alone: "Anna Berg, born in 1867, ..." -> (1867, None). `named` is
    `_people_by_sentence`."""
    out: dict[int, tuple[int | None, int | None]] = {}
    for d in facts.dates:
        event, year, people = _life_event(facts, d), _year(d), named.get(d.sent_index, [])
        if event is None or year is None or len(people) != 1:
            continue
        born, died = out.get(id(people[0]), (None, None))
        out[id(people[0])] = (year, died) if event == "born" else (born, year)
    return out


def _date_window(
    facts: Facts,
    d: DateFact,
    lives: dict[int, tuple[int | None, int | None]],
    named: dict[int, list[Entity]],
) -> tuple[int | None, int | None]:
    """The years a distractor for date `d` may take (issue 12): within the life of the one
    person its sentence names, so that no option falls before their birth or after their
    death. A birth date itself is bounded by the death only (before it), a death by the
    birth (after it)."""
    people = named.get(d.sent_index, [])
    if len(people) != 1 or _year(d) is None:
        return (None, None)
    born, died = lives.get(id(people[0]), (None, None))
    event = _life_event(facts, d)
    if event == "born":
        return (None, None if died is None else died - 1)
    if event == "died":
        return (None if born is None else born + 1, None)
    return (born, died)


def _with_sentences(facts: Facts, item: FactSlots) -> FactSlots:
    """The item with the text of every sentence its wordings come from (their context)."""
    for i in [*item.anchors.values(), *(k for _, k in item.alternates)]:
        item.sentences[i] = _context(facts.sentences[i])
    return item


def _bare_surnames(facts: Facts, coref: Pronouns) -> dict[int, list[Mention]]:
    """id(actor) -> the sentences naming that person by surname alone ("Dunant"), where the
    surname is no one else's: one pass over the tokens."""
    out: dict[int, list[Mention]] = {}
    for sent in facts.sentences:
        toks = sent.tokens
        for t in toks:
            if t.pos != "PROPN" or t.quoted or t.ent not in ("PERSON", "") or t.dep == "compound":
                continue  # "the Bush administration": a name used as a modifier
            if (t.i and toks[t.i - 1].pos == "PROPN") or (
                t.i + 1 < len(toks) and toks[t.i + 1].pos == "PROPN"
            ):
                continue  # part of a longer name: extraction's mentions have it
            owners = coref.surnames.get(t.lower_text, [])
            if len(owners) == 1 and id(owners[0]) not in coref.shaky:
                out.setdefault(id(owners[0]), []).append(Mention(sent.index, t.i, t.i + 1, t.text))
    return out


def _article(facts: Facts, org: Entity) -> str:
    """ "the" when the text puts "the" before the organization's name, else ""."""
    for m in org.mentions:
        if m.start and facts.sentences[m.sent_index].tokens[m.start - 1].lower_text == "the":
            return "the"
    return "the" if org.name.lower().startswith("the ") else ""


def _salience(entity: Entity, words: Counter[str]) -> int:
    """How often the text names the entity: its mentions, or if more, the times a person's
    surname ("Dunant" alone, after "Henry Dunant" once) or an organization's rarest
    capitalized word occurs."""
    named = [
        words[name.split()[-1].lower()]
        if entity.kind == "actor"
        else min(words[w.lower()] for w in name.split())
        for name in entity.names
        if name.split() and all(w[:1].isupper() for w in name.split())
    ]
    return max([len(entity.mentions), *named])


def shift_sentences(item: FactSlots, offset: int) -> FactSlots:
    """The item with its sentence indices counted from `offset` (a later section's)."""
    if not offset:
        return item
    return replace(
        item,
        key=item.key,
        order=(item.order[0] + offset, item.order[1]),
        anchors={k: v + offset for k, v in item.anchors.items()},
        alternates=[(b, i + offset) for b, i in item.alternates],
        sentences={i + offset: t for i, t in item.sentences.items()},
    )


def _context(sent: Sentence) -> str:
    return strip_leading(sent.text)


def _blank_in_clause(sent: Sentence, start: int, end: int, pronouns: Pronouns) -> str | None:
    """The sentence with tokens [start, end) blanked, or else the independent clause holding
    them as a sentence of its own."""
    # A sentence too long to stand alone is never blanked whole: its pronouns are not
    # looked at (a pass over the sentence for each of the hundreds of names of a run-on list)
    if len(sent.tokens) <= _MAX_SENTENCE_WORDS:
        subs = pronouns.substitutes(sent)
        if subs is not None and (blanked := _blanked(sent, start, end, subs)):
            return blanked
    window = clause_window(sent, start, end)
    if window is None:
        return None
    wsubs = pronouns.substitutes(sent, window)
    return None if wsubs is None else _blanked(sent, start, end, wsubs, window)


def _gap_ws(sent: Sentence, i: int, kept: set[int]) -> str:
    """The space after token i, or one where the words after it were left out (a
    simplified sentence), unless punctuation follows."""
    toks = sent.tokens
    if i + 1 >= len(toks) or i + 1 in kept:
        return toks[i].ws
    nxt = next((k for k in range(i + 1, len(toks)) if k in kept), None)
    return "" if nxt is None or toks[nxt].text in ".,;:!?" else " "


def _simplified_blank(sent: Sentence, start: int, end: int, pronouns: Pronouns) -> str | None:
    """The sentence with tokens [start, end) blanked and the side parts naming other facts
    left out (`_simplify`), or None when there are none or it would not stand alone."""
    window = simplified_window(sent, start, end)
    if window is None:
        return None
    subs = pronouns.substitutes(sent, window)
    return None if subs is None else _blanked(sent, start, end, subs, window)


def _blanked(
    sent: Sentence,
    start: int,
    end: int,
    subs: dict[int, str] | None = None,
    window: list[int] | None = None,
) -> str | None:
    """The sentence (or the clause `window` of it) with tokens [start, end) blanked, or None
    if it would not stand alone."""
    toks = sent.tokens if window is None else [sent.tokens[i] for i in window]
    if len(toks) > _MAX_SENTENCE_WORDS or BLANK_RE.search(sent.text):
        return None  # too long to stand alone, or its own underscores would be a second blank
    if not any(t.pos in ("VERB", "AUX") for t in toks):
        return None  # a heading or caption ("Congress and the act of 1948") states nothing
    if _alters_a_quotation(sent, toks):
        return None
    last = toks[-1].i + 1
    kept = {t.i for t in toks}
    words = []
    # "the _____ (OECD)": a short parenthesis after the blank names the answer; leave it out.
    skip = set(range(end, _past_bracket(sent, end, last)))
    for t in toks:
        if t.i in skip:
            continue
        if start <= t.i < end:
            if t.i == start:
                ws = sent.tokens[max(skip)].ws if skip else _gap_ws(sent, end - 1, kept)
                words.append(BLANK + (ws if t.i != last - 1 or end < last else ""))
            continue
        text = subs[t.i] if subs and t.i in subs else t.text
        if subs and t.i in subs and t.i == toks[0].i:
            text = text[:1].upper() + text[1:]
        words.append(text + (_gap_ws(sent, t.i, kept) if t.i != last - 1 else ""))
    text = "".join(words).strip()
    if re.search(re.escape(BLANK) + r"\s*\(|\(\s*" + re.escape(BLANK), text):
        return None  # "the _____ (OECD)": the acronym beside the blank gives it away
    first = next((t for t in toks if t.pos != "PUNCT"), None)
    if (
        first is not None
        and first.lower_text in SUBJECT_PRONOUNS
        and not (subs and first.i in subs)
    ):
        return None
    if any(
        t.lower_text in ("he", "she", "they", "it")
        and t.dep.startswith("nsubj")
        and not t.quoted
        and not (subs and t.i in subs)
        and not _reports_itself(sent, t)
        for t in toks
    ):
        return None
    if window is not None:
        # a clause becomes a sentence: capital first, a full stop last
        text = strip_leading(text)
        text = text[:1].upper() + text[1:]
        text = text.rstrip(" ,;:-–—")
        if not text.endswith((".", "!", "?", ".”", "?”", "!”")):
            text += "."
    return strip_leading(text)


def _alters_a_quotation(sent: Sentence, kept: list[Token]) -> bool:
    """Would the clause or simplified sentence `kept` keep part of a quotation only?

    Quoted words are never altered (issue 12). A blank inside a quotation is allowed only
    when the whole quotation is kept, as the text gives it, and the blank is the answer:
    a cloze that shows the speaker's own words. A true/false would put another name in
    the speaker's mouth, so `_candidates` makes none from a quoted blank; a relative date
    ("on Monday evening") is never blanked at all (`_date_slots`).
    """
    ids = {t.i for t in kept}
    quoted = [t.i for t in sent.tokens if t.quoted]
    return any(i in ids for i in quoted) and any(i not in ids for i in quoted)


def _date_slots(facts: Facts, d: DateFact, coref: Pronouns) -> FactSlots:
    sent = facts.sentences[d.sent_index]
    fields = {"answer": d.answer, "wh": _WH.get(d.granularity, "When")}
    alternates: list[tuple[str, int]] = []
    if _cut_by_the_splitter(facts, sent):
        pass  # "Queen Margaret | I united Denmark ...": the sentence has lost its start
    elif d.relative:
        pass  # "... on _____ evening" alters a quotation and asks what the text never gives
    elif _in_dateline(sent, d.start):
        pass  # "GENEVA, _____ —": the date of the report, not of anything it reports
    elif blanked := _blank_in_clause(sent, d.start, d.end, coref):
        fields["blanked"] = blanked
        if short := _simplified_blank(sent, d.start, d.end, coref):
            alternates.append((short, d.sent_index))
    if not d.in_range and not _cut_by_the_splitter(facts, sent):
        # pronouns resolved within the clause asked about, not the whole sentence
        clause = clause_question(sent, d.start, d.end, lambda idx: coref.substitutes(sent, idx))
        if clause:
            fields["clause"] = clause
            if d.relative:  # "Monday" is a date only as of the day the report came out
                fields["wh"] = (
                    f"{_as_of(facts.published)}, {fields['wh'][:1].lower()}{fields['wh'][1:]}"
                )
            bare = clause_question(
                sent, d.start, d.end, lambda idx: coref.substitutes(sent, idx), bare=True
            )
            if bare:
                fields["clause_bare"] = bare  # lets the names it leaves out be asked there
    accept = [a for a in _date_variants(d) if a != d.answer]
    return FactSlots(
        kind="date",
        key=f"{d.normalized}|{sent.text}",
        fields=fields,
        accept={"answer": accept},
        context=_context(sent),
        order=(d.sent_index, d.start),
        source=facts.source_path,
        names=[d.answer, d.text],
        granularity=d.granularity,
        salience=2,  # a dated event: asked before a name the text gives once
        alternates=alternates,
        relative=bool(d.relative),
    )


def _as_of(published: str | None) -> str:
    """ "According to the report of March 4, 2014": the date a relative date ("Monday",
    "last week") was resolved against, said in the question (issue 12) so that the answer
    can be known; `published` is ISO 8601 (a day, or a month "2014-03"), else given as is."""
    text = published or "its publication"
    try:
        day = datetime.date.fromisoformat(text[:10])
        text = f"{day:%B} {day.day}, {day.year}"
    except ValueError:
        if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
            text = f"{datetime.date(int(m[1]), int(m[2]), 1):%B} {m[1]}"
    return f"According to the report of {text}"


def _in_dateline(sent: Sentence, start: int) -> bool:
    """Is the date part of a dateline ("GENEVA, March 4, 2014 — ...")?"""
    head = sent.span_text(0, start).strip()
    return bool(re.fullmatch(r"[A-Z][A-Z .’'-]+,", head))


def _cut_by_the_splitter(facts: Facts, sent: Sentence) -> bool:
    """Is the sentence a piece of one the splitter cut ("... the town of Castiglione delle" |
    "Stiviere, near ...", "Queen Margaret" | "I united ...")? A piece lacks its closing
    punctuation, or follows one that does. A list after a colon is no sentence either."""
    i = sent.index
    after = facts.sentences[i + 1] if i + 1 < len(facts.sentences) else None
    if after is not None and after.paragraph == sent.paragraph and not _closed(sent):
        return True
    before = facts.sentences[i - 1] if i > 0 else None
    return before is not None and before.paragraph == sent.paragraph and not _closed(before)


def _closed(sent: Sentence) -> bool:
    return sent.text.rstrip().endswith(SENTENCE_ENDS)


def _date_variants(d: DateFact) -> list[str]:
    out = [d.answer]
    if d.granularity in ("decade", "century"):
        out.append(f"the {d.answer}")
    if d.granularity == "century":
        out.append(d.answer.split()[0])
    if d.relative:
        out.append(d.relative)
    return list(dict.fromkeys(out))


def _role_np(text: str) -> str:
    """ "Chinese Foreign Minister" -> "the Chinese foreign minister"."""
    words = text.split()
    lowered = [
        w.lower() if w.lower() in TITLE_WORDS or w.lower() in ("of", "and", "for", "state") else w
        for w in words
    ]
    phrase = " ".join(lowered)
    if not re.match(r"^(a|an|the)\b", phrase, re.I):
        phrase = "the " + phrase
    return phrase


def _indefinite(text: str) -> str:
    phrase = _role_np(text)
    if phrase.startswith("the "):
        rest = phrase[4:]
        return ("an " if rest[:1].lower() in "aeiou" else "a ") + rest
    return phrase


def _mention_sentences(
    facts: Facts, entity: Entity, coref: Pronouns, most: int = 4
) -> list[tuple[str, int]]:
    """Up to `most` sentences naming the entity once, with the name blanked, that stand on
    their own, each with its index: the planner picks one whose sentence is free."""
    out: list[tuple[str, int]] = []
    per_sentence = Counter(o.sent_index for o in entity.mentions)
    for m in entity.mentions:
        if len(out) >= most:
            break
        if not coref.reliable(entity, m):
            continue  # "Ms. Marten" where two Martens are named: it may be the other one
        sent = facts.sentences[m.sent_index]
        if per_sentence[m.sent_index] > 1 or _cut_by_the_splitter(facts, sent):
            continue
        # Another name of it elsewhere in the sentence gives the blank away; a bracketed
        # short form right after the name ("the Medical Research Council (MRC)") goes with
        # the blank, so it does not count.
        rest = _text_around(sent, m.start, _past_bracket(sent, m.end))
        if any(alias.lower() in rest for alias in entity.names if len(alias) > 3):
            continue
        blanked = _blank_in_clause(sent, m.start, m.end, coref)
        if blanked and len(blanked.split()) >= 6 and not _names_a_sibling(blanked, entity):
            out.append((blanked, m.sent_index))
            short = _simplified_blank(sent, m.start, m.end, coref)
            if short and len(short.split()) >= 6:
                out.append((short, m.sent_index))
    return out


def _object_question(
    facts: Facts, entity: Entity, coref: Pronouns, class_noun: str = ""
) -> tuple[str, int] | None:
    """The first sentence naming the entity once as the object of its clause, asked as a
    question ("At which university did Ms. Marten study biology", "Whom did Stalin treat as
    a junior partner"), and its index; None when no sentence gives one (see `object_question`)."""
    per_sentence = Counter(o.sent_index for o in entity.mentions)
    for m in entity.mentions:
        sent = facts.sentences[m.sent_index]
        if (
            not coref.reliable(entity, m)
            or per_sentence[m.sent_index] > 1
            or _cut_by_the_splitter(facts, sent)
        ):
            continue
        rest = _text_around(sent, m.start, m.end)
        if any(alias.lower() in rest for alias in entity.names if len(alias) > 3):
            continue  # another name of it in the question would give it away
        asked = object_question(sent, m.start, m.end, lambda idx, s=sent: coref.substitutes(s, idx))
        if asked is None:
            continue
        prep, body = asked
        wh = f"which {class_noun}" if class_noun else "whom"
        wh = f"{prep} {wh}" if prep else wh
        return f"{wh[:1].upper()}{wh[1:]} {body}", m.sent_index
    return None


@by_identity
def _joined(sent: Sentence) -> tuple[str, list[int]]:
    """The sentence's tokens with their spacing, and where each token starts in it."""
    starts = [0]
    for t in sent.tokens:
        starts.append(starts[-1] + len(t.text) + len(t.ws))
    return "".join(t.text + t.ws for t in sent.tokens), starts


def _text_around(sent: Sentence, start: int, stop: int) -> str:
    """The sentence but tokens [start, stop), lowercased: `span_text(0, start)`, a space,
    `span_text(stop, len)`. Sliced from the joined sentence, not joined per name: a run-on
    list names hundreds of people in one sentence."""
    toks = sent.tokens
    text, starts = _joined(sent)
    before = text[: starts[start] - len(toks[start - 1].ws)] if start > 0 else ""
    after = text[starts[stop] : starts[-1] - len(toks[-1].ws)] if stop < len(toks) else ""
    return f"{before} {after}".lower()


def _reports_itself(sent: Sentence, pronoun: Token) -> bool:
    """ "Network Rail ... said it did not expect ...": an it/they subject of what an
    organization said is that organization, which the sentence names as the speaker."""
    if pronoun.lower_text not in ("it", "they"):
        return False
    clause = sent.tokens[pronoun.head]
    speaker_verb = sent.tokens[clause.head]
    if clause.dep != "ccomp" or speaker_verb.lemma not in SAY_VERBS:
        return False
    return any(
        c.dep == "nsubj" and c.ent == "ORG" and c.i < pronoun.i
        for c in sent.children(speaker_verb.i)
    )


def _past_bracket(sent: Sentence, end: int, last: int | None = None) -> int:
    """The end of a short bracket right after tokens ending at `end` ("(MRC)"), else `end`;
    the bracket must close before token `last` (default: the sentence's end)."""
    toks = sent.tokens
    last = len(toks) if last is None else last
    if end < last and toks[end].text == "(":
        for k in range(end + 1, min(end + 5, last)):
            if toks[k].text == ")":
                return k + 1
    return end


def _names_a_sibling(text: str, entity: Entity) -> bool:
    """Does the text name a body that shares the answer's opening words, which give it away?
    ("twelve regional _____ under a Federal Reserve Board" for "Federal Reserve Banks")"""
    words = entity.name.split()
    if len(words) < 3 or any(w.lower() in ("of", "the", "for", "and", "on") for w in words[:2]):
        return False
    return " ".join(words[:2]).lower() in text.lower()


def _unique_roles(facts: Facts, actor: Entity) -> list[Role]:
    """Roles of this actor that no other actor's role contains (so "Who was ...?" has one answer)."""
    if not actor.roles:
        return []  # most have none: no pass over every actor's roles for them
    others = [r.text.lower() for a in facts.actors if a is not actor for r in a.roles]
    out = []
    for role in actor.roles:
        text = role.text.lower()
        words = re.findall(r"[a-z’'.-]+", text)
        if len(words) < 2:
            continue
        if any(text in o or o in text for o in others):
            continue
        out.append(role)
    return out


def _actor_slots(facts: Facts, actor: Entity, coref: Pronouns) -> FactSlots:
    first = actor.mentions[0]
    fields = {"answer": actor.name, "name": actor.name}
    # "its first president" names no one without the sentence before: not a role to ask by.
    roles = [r for r in _unique_roles(facts, actor) if not _POSSESSIVE.match(r.text)]
    anchors: dict[str, int] = {}
    if roles:
        fields["role_np"] = _role_np(roles[0].text)
        anchors["role_np"] = roles[0].sent_index
    # A one-word title ("President") is too thin an answer: it fits half the cast.
    titles = [
        r
        for r in actor.roles
        if r.source == "title"
        and len(r.text.split()) >= 2
        and any(w.lower() in TITLE_WORDS for w in r.text.split())
    ]
    if titles:
        fields["title"] = titles[0].text
        anchors["title"] = titles[0].sent_index
    if actor.quotes:
        fields["quote"] = _clip_quote(actor.quotes[0].text)
        anchors["quote"] = actor.quotes[0].sent_index
    blanked = [] if _doubtful_actor(facts, actor) else _mention_sentences(facts, actor, coref)
    if blanked:
        fields["blanked"], anchors["blanked"] = blanked[0]
    if not _doubtful_actor(facts, actor) and (asked := _object_question(facts, actor, coref)):
        fields["wh_question"], anchors["wh_question"] = asked
    return FactSlots(
        kind="actor",
        key=actor.name,
        fields=fields,
        accept={"answer": _safe_aliases(facts.actors, actor), "title": []},
        context=_context(facts.sentences[first.sent_index]),
        order=(first.sent_index, first.start),
        source=facts.source_path,
        names=actor.names,
        anchors=anchors,
        alternates=blanked[1:],
        salience=len(actor.mentions),
    )


def _safe_aliases(entities: list[Entity], entity: Entity) -> list[str]:
    """Aliases no other entity also answers to."""
    if not entity.aliases:
        return []  # most have none: no pass over every entity's names for them
    taken = {n.lower() for e in entities if e is not entity for n in e.names}
    return [a for a in entity.aliases if a.lower() not in taken]


def _clip_quote(text: str, words: int = 24) -> str:
    parts = text.split()
    if len(parts) <= words:
        return text.rstrip(",;:")
    return " ".join(parts[:words]).rstrip(",;:") + " …"


def _org_slots(facts: Facts, org: Entity, coref: Pronouns) -> FactSlots:
    first = org.mentions[0]
    class_noun = org.class_noun or "organization"
    fields = {"answer": org.name, "name": org.name, "class_noun": class_noun}
    if len(org.members) >= 3:
        fields["members"] = _join_list(org.members)
    for d in org.descriptions:
        if (
            d.source in ("known-as", "appositive")
            and "description_np" not in fields
            and re.match(r"^(a|an|the) [a-z]", d.text)
        ):
            fields["description_np"] = re.sub(r"^(a|an)\s+", "the ", d.text).rstrip(",;: ")
    anchors: dict[str, int] = {}
    for actor, role in _roles_by_org(facts).get(org.name, ()):
        person_role = _replace_org(role.text, org, class_noun)
        if (
            person_role
            and "(" not in person_role
            and re.search(r"\b(of|at|for|with|in) which\b", person_role)
        ):
            fields["person"] = actor.name
            fields["person_role"] = (
                _indefinite(person_role) if role.source == "title" else person_role
            )
            anchors["person_role"] = role.sent_index
            break
    blanked = [] if _doubtful_org(facts, org) else _mention_sentences(facts, org, coref)
    if blanked:
        fields["blanked"], anchors["blanked"] = blanked[0]
    # "At which data did ...": the class noun must be one the name itself says
    noun = class_noun if class_noun.lower() in org.name.lower() else "organization"
    if not _doubtful_org(facts, org) and (asked := _object_question(facts, org, coref, noun)):
        fields["wh_question"], anchors["wh_question"] = asked
    return FactSlots(
        kind="organization",
        key=org.name,
        fields=fields,
        accept={"answer": _safe_aliases(facts.organizations, org)},
        context=_context(facts.sentences[first.sent_index]),
        order=(first.sent_index, first.start),
        source=facts.source_path,
        names=org.names,
        anchors=anchors,
        alternates=blanked[1:],
        salience=len(org.mentions),
    )


@by_identity
def _roles_by_org(facts: Facts) -> dict[str, list[tuple[Entity, Role]]]:
    """Organization name -> (actor, the actor's first role naming it), in actor order: one
    pass, where a pass over every actor per organization was quadratic."""
    out: dict[str, list[tuple[Entity, Role]]] = {}
    for actor in facts.actors:
        firsts = {r.org: r for r in reversed(actor.roles) if r.org is not None}
        for org, role in firsts.items():
            out.setdefault(org, []).append((actor, role))
    return out


def _doubtful_org(facts: Facts, org: Entity) -> bool:
    """Is this "organization" more likely a person or a place spaCy mislabelled?

    Only a name the text says nothing else about (one mention, no class noun, alias,
    description or members) is doubted: "the economist and peace campaigner Frédéric Passy"
    (a role noun before it), "Oswald Avery" (the end of a longer name), "moved to the
    Panthéon" (one word after "to"/"in"/"at"). A name with "Prize", "Medal" ... is an award.
    """
    if any(w.lower() in AWARD_WORDS for w in org.name.split()):
        return True  # "the Austrian Decoration for Science and Art" is an award, not a body
    if org.name.split()[0].lower() in ("king", "queen", "count", "duke", "prince", "emperor"):
        return True  # "Count Adolf II" is a person with a title
    if org.class_noun or org.aliases or org.descriptions or org.members or len(org.mentions) > 1:
        return False
    m = org.mentions[0]
    sent = facts.sentences[m.sent_index]
    toks = sent.tokens
    head = toks[sent.span_head(m.start, m.end)]
    if head.head == head.i:  # the sentence's root: no parent to read a role from
        return False
    parent = toks[head.head]
    if head.dep == "compound" and parent.lower_text in TITLE_WORDS:
        return True  # "Treasury Secretary George B. Cortelyou": part of a title
    before = toks[m.start - 1] if m.start > 0 else None
    if before is not None and before.dep == "compound" and m.start <= before.head < m.end:
        return True  # "campaigner Frédéric Passy", "Oswald Avery": part of a longer name
    if head.dep in ("appos", "conj") and parent.pos == "NOUN":
        return True  # "a physicist, X" / "the economist and X"
    return (
        m.end - m.start == 1
        and head.dep == "pobj"
        and parent.lower_text in ("to", "in", "at", "into", "from", "near", "inside")
    )


def _doubtful_actor(facts: Facts, actor: Entity) -> bool:
    """Is this "person" more likely part of an organization's, a place's or another person's
    name? One bare word the text says nothing else about, set beside an organization or
    place ("the Royal Botanic Gardens, Kew"), or an epithet ("Henry the Lion")."""
    if actor.roles or actor.quotes or len(actor.mentions) > 1 or len(actor.name.split()) > 1:
        return False
    m = actor.mentions[0]
    toks = facts.sentences[m.sent_index].tokens
    head = toks[m.start]
    if head.dep == "appos" and m.start > 0 and toks[m.start - 1].lower_text == "the":
        return True  # "Henry the Lion": an epithet, part of another person's name
    return head.dep in ("appos", "conj") and toks[head.head].ent in ("ORG", "GPE", "FAC", "LOC")


def _replace_org(role: str, org: Entity, class_noun: str) -> str | None:
    """ "head of ... of Russia’s Far East Institute" -> "head of ... of which institute"."""
    for name in sorted(org.names, key=len, reverse=True):
        pattern = re.compile(
            r"(?:\bthe\s+|\b[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)*[’']s\s+)?"
            + re.escape(name)
            + r"(?:\s+"
            + re.escape(class_noun)
            + r")?"
        )
        if pattern.search(role):
            # a lambda: text from the source must never be read as a replacement template
            return pattern.sub(lambda _: f"which {class_noun}", role, count=1)
    return None


def _join_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
