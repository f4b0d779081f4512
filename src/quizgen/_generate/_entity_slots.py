"""The fields of a person's and an organization's fact: names, roles, titles, quotes,
descriptions, and the sentences that name them (`FactSlots` per entity)."""

from __future__ import annotations

import re

from quizgen._extract import Entity, Facts, Pronouns, Role
from quizgen._generate._blanks import sentence_context
from quizgen._generate._class_nouns import class_noun as class_noun_of
from quizgen._generate._memo import by_identity
from quizgen._generate._mention_blanks import entity_object_question, mention_sentences
from quizgen._generate._roles import (
    indefinite,
    is_a_list,
    names_one,
    replace_org,
    role_np,
    unique_roles,
)
from quizgen._generate._slots import FactSlots
from quizgen._generate._terms import row_role
from quizgen._lexicon import (
    AWARD_WORDS,
    POSSESSIVE_DETERMINERS,
    RELATIVE_WORDS_OF_TIME,
    TIME_QUALIFIERS,
    TITLE_WORDS,
)

_POSSESSIVE = re.compile(rf"(?:{'|'.join(POSSESSIVE_DETERMINERS)})\b", re.I)


def article(facts: Facts, org: Entity) -> str:
    """ "the" when the text puts "the" before the organization's name, else ""."""
    for m in org.mentions:
        if m.start and facts.sentences[m.sent_index].tokens[m.start - 1].lower_text == "the":
            return "the"
    return "the" if org.name.lower().startswith("the ") else ""


def actor_slots(facts: Facts, actor: Entity, coref: Pronouns) -> FactSlots:
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
    wordings = [] if doubtful_actor(facts, actor) else mention_sentences(facts, actor, coref)
    blanked = [(b, i) for b, i, _ in wordings]
    if blanked:
        fields["blanked"], anchors["blanked"] = blanked[0]
    if not doubtful_actor(facts, actor) and (asked := entity_object_question(facts, actor, coref)):
        fields["wh_question"], anchors["wh_question"] = asked
    item = _entity_item(facts, actor, fields, anchors, wordings)
    item.accept["title"] = []
    item.roles = [r.text for r in actor.roles]
    return item


def _entity_item(
    facts: Facts,
    entity: Entity,
    fields: dict[str, str],
    anchors: dict[str, int],
    wordings: list[tuple[str, int, str]],
) -> FactSlots:
    """The FactSlots of a person or an organization: the first blanked wording is
    `fields["blanked"]` already, the others its alternates."""
    first = entity.mentions[0]
    others = facts.actors if entity.kind == "actor" else facts.organizations
    return FactSlots(
        kind=entity.kind,
        key=entity.name,
        fields=fields,
        accept={"answer": _safe_aliases(others, entity)},
        context=sentence_context(facts.sentences[first.sent_index]),
        order=(first.sent_index, first.start),
        source=facts.source_path,
        names=entity.names,
        anchors=anchors,
        alternates=[(b, i) for b, i, _ in wordings[1:]],
        salience=len(entity.mentions),
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


def org_slots(facts: Facts, org: Entity, coref: Pronouns) -> FactSlots:
    # "" when its kind is unknown (`_class_nouns`): no "Which ...?" question is made of it
    class_noun = class_noun_of(org.name, org.class_noun, org.subtype, article(facts, org))
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
    return _entity_item(facts, org, fields, anchors, wordings)


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


def doubtful_actor(facts: Facts, actor: Entity) -> bool:
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
