"""From facts to the fields templates fill in: one `FactSlots` per fact, in reading order.
A date's fields are made here; a person's and an organization's in `_entity_slots`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from quizgen._extract import DateFact, Entity, Facts, Mention, Pronouns
from quizgen._generate._blanks import blank_in_clause, sentence_context, simplified_blank
from quizgen._generate._date_facts import (
    as_of,
    bracketed_life,
    date_variants,
    date_window,
    in_dateline,
    lifespans,
)
from quizgen._generate._entity_slots import (
    actor_slots,
    article,
    doubtful_actor,
    org_slots,
)
from quizgen._generate._fragments import cut_by_the_splitter
from quizgen._generate._mention_blanks import mention_sentences
from quizgen._generate._mentions import bare_name_of_several
from quizgen._generate._rewrite import bound_preposition, clause_question
from quizgen._generate._slots import (
    DERIVED_FIELDS,
    ITEM_FIELDS,
    FactSlots,
    shift_sentences,
    template_fields,
)
from quizgen._generate._terms import row_holder

# the names other modules import from here, where they were defined before the split
__all__ = [
    "DERIVED_FIELDS",
    "ITEM_FIELDS",
    "FactSlots",
    "fact_slots",
    "shift_sentences",
    "template_fields",
]

_WH = {
    "year": "In what year",
    "decade": "In which decade",
    "century": "In which century",
    "month": "In which month",
    "month-year": "In which month and year",
    "day": "On what date",
}


def fact_slots(facts: Facts) -> Iterator[FactSlots]:
    """Every askable fact of a source, in reading order."""
    coref = facts.pronouns
    words = Counter(t.lower_text for s in facts.sentences for t in s.tokens)
    bare = _bare_surnames(facts, coref)
    lives = lifespans(facts)
    first_said: dict[str, int] = {}
    for d in facts.dates:
        if d.granularity == "day":
            first_said.setdefault(d.normalized, d.sent_index)
        elif life := bracketed_life(facts, d):
            # "Rudolf Virchow (1821–1902)" in two sentences is one birth and one death
            first_said.setdefault(f"{d.normalized} {' '.join(life)}", d.sent_index)
    for d in facts.dates:
        if d.start in facts.sentences[d.sent_index].citations:
            continue  # "(Guthrie, 1998)": the year a work came out, not a date of the text
        said = None
        if d.granularity == "day":
            said = first_said.get(d.normalized)
        elif life := bracketed_life(facts, d):
            said = first_said.get(f"{d.normalized} {' '.join(life)}")
        yield replace(
            _date_slots(facts, d, coref), window=date_window(facts, d, lives), fact_sentence=said
        )
    for actor in facts.actors:
        if coref.only_cited(actor):
            continue  # "(Black, Spence, and Omari, 2004)": authors cited, nobody of the text
        item = actor_slots(facts, actor, coref)
        if "blanked" in item.fields or not doubtful_actor(facts, actor):
            # more sentences to ask the person from, should the planner need one
            more = replace(actor, mentions=bare.get(id(actor), []))
            seen = {item.anchors.get("blanked"), *(i for _, i in item.alternates)}
            found = [w for w in mention_sentences(facts, more, coref) if w[1] not in seen][:3]
            item.alternates += [(b, i) for b, i, _ in found]
            item.subjects.update({b: role for b, _, role in found if role})
            if "blanked" not in item.fields and item.alternates:
                item.fields["blanked"], item.anchors["blanked"] = item.alternates.pop(0)
        yield _with_sentences(facts, replace(item, salience=_salience(actor, words)))
    for org in facts.organizations:
        if coref.only_cited(org):
            continue
        item = replace(
            org_slots(facts, org, coref),
            salience=_salience(org, words),
            article=article(facts, org),
            subtype=org.subtype,
        )
        yield _with_sentences(facts, item)


def _with_sentences(facts: Facts, item: FactSlots) -> FactSlots:
    """The item with the text of every sentence its wordings come from (their context)."""
    for i in [*item.anchors.values(), *(k for _, k in item.alternates)]:
        item.sentences[i] = sentence_context(facts.sentences[i])
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


def _date_slots(facts: Facts, d: DateFact, coref: Pronouns) -> FactSlots:
    sent = facts.sentences[d.sent_index]
    fields = {"answer": d.answer, "wh": _WH.get(d.granularity, "When")}
    alternates: list[tuple[str, int]] = []
    if cut_by_the_splitter(facts, sent):
        pass  # "Queen Margaret | I united Denmark ...": the sentence has lost its start
    elif d.relative:
        pass  # "... on _____ evening" alters a quotation and asks what the text never gives
    elif in_dateline(sent, d.start):
        pass  # "GENEVA, _____ —": the date of the report, not of anything it reports
    elif blanked := blank_in_clause(sent, d.start, d.end, coref):
        fields["blanked"] = blanked
        short = simplified_blank(sent, d.start, d.end, coref)
        if short and len(short.split()) >= 6:  # "Berg sang in _____." says too little
            alternates.append((short, d.sent_index))
    elif (short := simplified_blank(sent, d.start, d.end, coref)) and len(short.split()) >= 6:
        fields["blanked"] = short  # refused whole, it may stand without its side remarks
    if life := bracketed_life(facts, d):
        # "Robert Hooke (1635–1703) was ...": "In what year was Robert Hooke born?", and
        # "did Robert Hooke die" of 1703, which its cloze "(1635–_____)" cannot ask apart
        fields["clause"] = f"was {life[0]} born" if life[1] == "born" else f"did {life[0]} die"
    elif (
        not d.in_range
        and not cut_by_the_splitter(facts, sent)
        and not bare_name_of_several(sent, coref)  # "Until what year did Henry continue?"
    ):
        # pronouns resolved within the clause asked about, not the whole sentence
        clause = clause_question(sent, d.start, d.end, lambda idx: coref.substitutes(sent, idx))
        if clause:
            fields["clause"] = clause
            if (prep := bound_preposition(sent, d.start, d.end)) and " " in fields["wh"]:
                # "By what year had Criswell joined ...?": the bound, not the time itself
                fields["wh"] = f"{prep.capitalize()} {fields['wh'].split(' ', 1)[1]}"
            if d.relative:  # "Monday" is a date only as of the day the report came out
                fields["wh"] = (
                    f"{as_of(facts.published)}, {fields['wh'][:1].lower()}{fields['wh'][1:]}"
                )
            bare = clause_question(
                sent, d.start, d.end, lambda idx: coref.substitutes(sent, idx), bare=True
            )
            if bare:
                fields["clause_bare"] = bare  # lets the names it leaves out be asked there
    elif d.in_range and (held := row_holder(facts, d)):
        fields["clause"] = f"did {held[0]} become {held[1]}"  # a row under "Presidents"
    accept = [a for a in date_variants(d) if a != d.answer]
    slots = FactSlots(
        kind="date",
        key=f"{d.normalized}|{sent.text}",
        fields=fields,
        accept={"answer": accept},
        context=sentence_context(sent),
        order=(d.sent_index, d.start),
        source=facts.source_path,
        names=[d.answer, d.text],
        granularity=d.granularity,
        salience=2,  # a dated event: asked before a name the text gives once
        alternates=alternates,
        relative=bool(d.relative),
    )
    if life and life[1] == "died":
        # a side remark on a person the sentence is about for something else ("Robert
        # Hooke (1635–1703) was the first to ..."): the sentence's own dated events first
        slots.salience = 1
    elif "clause" in fields and d.in_range and row_holder(facts, d):
        # a row names its holder and the term: the person first, their term where room is
        slots.salience = 1
    return slots
