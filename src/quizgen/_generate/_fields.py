"""From facts to the fields templates fill in: one `FactSlots` per fact, with its wording pieces."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from quizgen._extract import DateFact, Entity, Facts, Mention, Pronouns, Role
from quizgen._generate._blanks import blank_in_clause, sentence_context, simplified_blank
from quizgen._generate._class_nouns import class_noun as class_noun_of
from quizgen._generate._date_facts import (
    as_of,
    bracketed_birth,
    date_variants,
    date_window,
    in_dateline,
    lifespans,
)
from quizgen._generate._fragments import cut_by_the_splitter
from quizgen._generate._memo import by_identity
from quizgen._generate._mention_blanks import entity_object_question, mention_sentences
from quizgen._generate._mentions import bare_name_of_several
from quizgen._generate._rewrite import bound_preposition, clause_question
from quizgen._generate._roles import (
    indefinite,
    is_a_list,
    names_one,
    replace_org,
    role_np,
    unique_roles,
)
from quizgen._generate._terms import row_holder, row_role
from quizgen._lexicon import (
    AWARD_WORDS,
    POSSESSIVE_DETERMINERS,
    RELATIVE_WORDS_OF_TIME,
    TIME_QUALIFIERS,
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
            "wh_subject",
            "members",
            "description_np",
            "person",
            "person_role",
            "blanked",
            "wh_question",
        }
    ),
}
# Fields the candidate step derives from those above (`_subjects.with_subject_clause`).
DERIVED_FIELDS: dict[str, frozenset[str]] = {
    "actor": frozenset({"subject_clause", "role_noun", "possessed"}),
    "organization": frozenset({"subject_clause"}),
}


def template_fields(kind: str) -> frozenset[str]:
    """Every field a template of `kind` may name: ITEM_FIELDS plus DERIVED_FIELDS."""
    return ITEM_FIELDS.get(kind, frozenset()) | DERIVED_FIELDS.get(kind, frozenset())


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
    roles: list[str] = field(default_factory=list)  # a person's roles as the text gives them
    # blanked wording -> what the blank is in its clause, "subject" or "owner" (`_subjects`)
    subjects: dict[str, str] = field(default_factory=dict)
    # a list of names asked as one ("sons _____."): the facts of its members, each asked by it
    covers: list[str] = field(default_factory=list)
    # a date to the day the text gives in several sentences: the first of them, whose fact
    # it is (Criswell's death, "(1850 – August 3, 1905)" and "On August 3, 1905, ... was
    # killed", is one fact, asked once)
    fact_sentence: int | None = None


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
        elif d.in_range and (person := bracketed_birth(facts, d)):
            # "Rudolf Virchow (1821–1902)" in two sentences is one life, asked once
            first_said.setdefault(f"{d.normalized} {person}", d.sent_index)
    for d in facts.dates:
        if d.start in facts.sentences[d.sent_index].citations:
            continue  # "(Guthrie, 1998)": the year a work came out, not a date of the text
        said = None
        if d.granularity == "day":
            said = first_said.get(d.normalized)
        elif d.in_range and (person := bracketed_birth(facts, d)):
            said = first_said.get(f"{d.normalized} {person}")
        yield replace(
            _date_slots(facts, d, coref), window=date_window(facts, d, lives), fact_sentence=said
        )
    for actor in facts.actors:
        if coref.only_cited(actor):
            continue  # "(Black, Spence, and Omari, 2004)": authors cited, nobody of the text
        item = _actor_slots(facts, actor, coref)
        if "blanked" in item.fields or not _doubtful_actor(facts, actor):
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
            _org_slots(facts, org, coref),
            salience=_salience(org, words),
            article=_article(facts, org),
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
        fact_sentence=None if item.fact_sentence is None else item.fact_sentence + offset,
    )


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
    if (
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
    elif d.in_range and (person := bracketed_birth(facts, d)):
        fields["clause"] = f"was {person} born"  # "Robert Hooke (1635–1703) was ..."
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
    if "clause" in fields and d.in_range and row_holder(facts, d):
        # a row names its holder and the term: the person first, their term where room is
        slots.salience = 1
    return slots


def _actor_slots(facts: Facts, actor: Entity, coref: Pronouns) -> FactSlots:
    first = actor.mentions[0]
    fields = {"answer": actor.name, "name": actor.name}
    # "its first president" names no one without the sentence before: not a role to ask by.
    roles = [
        r
        for r in unique_roles(facts, actor)
        if not _POSSESSIVE.match(r.text) and names_one(r.text) and not is_a_list(r.text)
    ]
    anchors: dict[str, int] = {}
    if roles:
        fields["role_np"] = role_np(roles[0].text)
        anchors["role_np"] = roles[0].sent_index
    elif row := row_role(facts, actor):  # "Jacob Tirrill (1912–1926)" under "Presidents"
        fields["role_np"], anchors["role_np"] = row
    # A one-word title ("President") is too thin an answer: it fits half the cast. "Former"
    # says when, not what: "former Kentucky Governor" is asked as "Kentucky Governor".
    titles = [
        (post, r.sent_index)
        for r in actor.roles
        if r.source == "title"
        and len((post := _without_time_qualifier(r.text)).split()) >= 2
        and any(w.lower() in TITLE_WORDS for w in post.split())
        and not re.search(r"[’']s\b", post)  # "President Roosevelt's daughter" is no post
    ]
    if titles:
        fields["title"], anchors["title"] = titles[0]
    if actor.quotes:
        fields["quote"] = _clip_quote(actor.quotes[0].text)
        anchors["quote"] = actor.quotes[0].sent_index
    wordings = [] if _doubtful_actor(facts, actor) else mention_sentences(facts, actor, coref)
    blanked = [(b, i) for b, i, _ in wordings]
    if blanked:
        fields["blanked"], anchors["blanked"] = blanked[0]
    if not _doubtful_actor(facts, actor) and (asked := entity_object_question(facts, actor, coref)):
        fields["wh_question"], anchors["wh_question"] = asked
    return FactSlots(
        kind="actor",
        key=actor.name,
        fields=fields,
        accept={"answer": _safe_aliases(facts.actors, actor), "title": []},
        context=sentence_context(facts.sentences[first.sent_index]),
        order=(first.sent_index, first.start),
        source=facts.source_path,
        names=actor.names,
        anchors=anchors,
        alternates=blanked[1:],
        salience=len(actor.mentions),
        roles=[r.text for r in actor.roles],
        subjects={b: role for b, _, role in wordings if role},
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
    # "" when its kind is unknown (`_class_nouns`): no "Which ...?" question is made of it
    class_noun = class_noun_of(org.name, org.class_noun, org.subtype, _article(facts, org))
    fields = {"answer": org.name, "name": org.name, "class_noun": class_noun}
    # "Which team ...?", or "Who performed the halftime show?" of a name of unknown kind
    fields["wh_subject"] = f"Which {class_noun}" if class_noun else "Who"
    if len(org.members) >= 3:
        fields["members"] = _join_list(org.members)
    for d in org.descriptions:
        if (
            d.source in ("known-as", "appositive")
            and "description_np" not in fields
            and re.match(r"^(a|an|the) [a-z]", d.text)
            and _describes_alone(d.text)
        ):
            fields["description_np"] = re.sub(r"^(a|an)\s+", "the ", d.text).rstrip(",;: ")
    anchors: dict[str, int] = {}
    for actor, role in _roles_by_org(facts).get(org.name, ()):
        if is_a_list(role.text):
            continue
        # a post held at it ("the head of General Electric") says it is an organization
        person_role = replace_org(role.text, org, class_noun or "organization")
        if (
            person_role
            and "(" not in person_role
            and re.search(r"\b(of|at|for|with|in) which\b", person_role)
        ):
            fields["person"] = actor.name
            # "Dawes was a Chicago banker, former director of which organization": an
            # appositive role without its article reads as a headline
            bare = not re.match(r"^(a|an|the)\b", person_role, re.I)
            fields["person_role"] = (
                indefinite(person_role) if role.source == "title" or bare else person_role
            )
            anchors["person_role"] = role.sent_index
            break
    wordings = [] if _doubtful_org(facts, org) else mention_sentences(facts, org, coref)
    blanked = [(b, i) for b, i, _ in wordings]
    if blanked:
        fields["blanked"], anchors["blanked"] = blanked[0]
    # "At which data did ...": the class noun must be one the name itself says
    # (a noun of its subtype is sure: "At which team ..."; of an unknown kind, none is asked:
    # "From whom did they travel" would be keyed to a city as often as to a person)
    noun = class_noun if class_noun.lower() in org.name.lower() else "organization"
    if not org.class_noun:
        noun = class_noun
    if (
        noun
        and not _doubtful_org(facts, org)
        and (asked := entity_object_question(facts, org, coref, noun))
    ):
        fields["wh_question"], anchors["wh_question"] = asked
    return FactSlots(
        kind="organization",
        key=org.name,
        fields=fields,
        accept={"answer": _safe_aliases(facts.organizations, org)},
        context=sentence_context(facts.sentences[first.sent_index]),
        order=(first.sent_index, first.start),
        source=facts.source_path,
        names=org.names,
        anchors=anchors,
        alternates=blanked[1:],
        salience=len(org.mentions),
        subjects={b: role for b, _, role in wordings if role},
    )


def _describes_alone(text: str) -> bool:
    """Does a description name the organization without its sentence? Not a list the
    name stands in ("Johnson Space Center, the greater Houston community and the State of
    Texas": no appositive), nor a time told from the sentence ("the weekly newspaper
    established 3 years earlier")."""
    if re.search(r"(?:,| and| or) (?:the|a|an) ", text):
        return False
    return not any(w in RELATIVE_WORDS_OF_TIME for w in re.findall(r"[a-z]+", text.lower()))


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
    place ("the Royal Botanic Gardens, Kew"), an epithet ("Henry the Lion"), or a word of
    a quotation only."""
    if actor.roles or actor.quotes or len(actor.mentions) > 1 or len(actor.name.split()) > 1:
        return False
    m = actor.mentions[0]
    toks = facts.sentences[m.sent_index].tokens
    head = toks[m.start]
    if head.dep == "appos" and m.start > 0 and toks[m.start - 1].lower_text == "the":
        return True  # "Henry the Lion": an epithet, part of another person's name
    if head.quoted:
        return True  # "each “Cavern, Bubble, or Cell”": a capitalized word someone wrote
    return head.dep in ("appos", "conj") and toks[head.head].ent in ("ORG", "GPE", "FAC", "LOC")


def _without_time_qualifier(title: str) -> str:
    """ "former Kentucky Governor" -> "Kentucky Governor" (`_lexicon.TIME_QUALIFIERS`)."""
    first, _, rest = title.partition(" ")
    return rest if first.lower() in TIME_QUALIFIERS and rest else title


def _join_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
