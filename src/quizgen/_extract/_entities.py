"""Actors and organizations: one entity per referent, its mentions clustered by name, short
forms and bracketed acronyms linked to the full name. Roles are in `_person_roles`,
quotations and pronouns in `_coref`, what the text says of an organization in `_org_facts`.

Works on the light parse in `Sentence` (no spaCy objects), so it is testable on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizgen._extract import _orgs
from quizgen._extract._name_index import ShortForms, Supersets
from quizgen._extract._name_text import (
    is_acronym_of,
    name_key,
    span_text,
    without_suffix,
)
from quizgen._extract._orgs import Span
from quizgen._extract._types import Entity, Mention, Sentence
from quizgen._lexicon import (
    ORG_HEAD_SHORT_FORMS,
    ORG_WORDS,
)

# --- clustering ---------------------------------------------------------------------------


def cluster(
    sentences: Sequence[Sentence],
    spans: list[Span],
    kind: str,
    labels: frozenset[str] | None = None,
) -> tuple[list[Entity], dict[tuple[int, int], Entity]]:
    """Group mentions into entities of `kind`; returns the entities and a map (sent, start)
    -> entity. The spans are those labelled PERSON for "actor", ORG for "organization", or
    any of `labels` for another kind (clustered as organizations are)."""
    if labels is None:
        labels = frozenset({"PERSON" if kind == "actor" else "ORG"})
    mentions = [
        Mention(
            s.sent_index,
            s.start,
            s.end,
            s.text or span_text(sentences[s.sent_index], s.start, s.end),
            s.text is not None,
        )
        for s in spans
        if s.label in labels
    ]
    entities: list[Entity] = []
    by_key: dict[tuple[str, ...], Entity] = {}
    where: dict[tuple[int, int], Entity] = {}
    # Fullest names first, so short forms find the entity they belong to.
    names = sorted({m.text for m in mentions}, key=lambda n: (-len(name_key(n)), -len(n), n))
    first: dict[str, tuple[int, int]] = {}
    for m in mentions:
        first[m.text] = min(first.get(m.text, (m.sent_index, m.start)), (m.sent_index, m.start))
    # Only the keys and organizations that can pass the tests below are tested (`_name_index`).
    supersets, short_forms = Supersets(), ShortForms()
    for name in names:
        key = name_key(name) if kind == "actor" else (_org_key(name),)
        if key in by_key:
            continue
        if kind == "actor":
            owners = supersets.of(key)  # the keys holding all of its words
        else:
            # A short form follows its full name ("Lumina Robotics ... Lumina"); a name used
            # first on its own is another organization ("Google ... Google DeepMind").
            owners = [
                e
                for e in short_forms.shortened_by(name)
                if is_acronym_of(name, e.name)
                or (_shortens(name, e.name) and first[e.name] < first[name])
            ]
            # "the House" after "U.S. House of Representatives": the text's own short form;
            # with two such names ("House of Commons", "House of Lords") it is neither's.
            heads = [
                e
                for e in short_forms.holding_word(name)
                if _head_short(name, e.name) and first[e.name] < first[name]
            ]
            if not owners and len(heads) > 1:
                by_key[key] = _AMBIGUOUS
                continue
            owners = owners or heads
        if len(owners) == 1 or (owners and kind == "actor"):
            by_key[key] = owners[0] if len(owners) == 1 else _AMBIGUOUS
            supersets.add(key, by_key[key])
            continue
        entity = Entity(kind=kind, name=name)
        entities.append(entity)
        by_key[key] = entity
        supersets.add(key, entity)
        short_forms.add(entity)
    ambiguous: set[tuple[str, ...]] = {k for k, e in by_key.items() if e is _AMBIGUOUS}
    last_full: dict[tuple[str, ...], Entity] = {}
    for m in sorted(mentions, key=lambda m: (m.sent_index, m.start)):
        key = name_key(m.text) if kind == "actor" else (_org_key(m.text),)
        entity = by_key[key]
        if key in ambiguous:
            # A shared surname ("Curie") goes to whoever of its owners was named last.
            candidates = [e for k, e in last_full.items() if set(key) < set(k)]
            if not candidates:
                continue
            entity = candidates[-1]
        else:
            last_full[key] = entity
            # keep insertion order = recency
            last_full[key] = last_full.pop(key)
        entity.mentions.append(m)
        where[(m.sent_index, m.start)] = entity
        if m.text != entity.name and m.text not in entity.aliases and key not in ambiguous:
            entity.aliases.append(m.text)
    entities = [e for e in entities if e.mentions]
    entities.sort(key=lambda e: (e.mentions[0].sent_index, e.mentions[0].start))
    return entities, where


_AMBIGUOUS = Entity(kind="ambiguous", name="")


def _org_key(name: str) -> str:
    return re.sub(r"^the\s+", "", name.lower()).replace("’", "'")


def _head_short(short: str, full: str) -> bool:
    """ "House" of "U.S. House of Representatives", "League" of "League of Nations": one
    capitalised word of the longer name that names its kind of body, before any "of"
    ("Congress" of "Library of Congress" is another body: blind review 4)."""
    return (
        " " not in short
        and short.istitle()
        and short in _head_part(full)
        and short != full
        and _org_key(short) in ORG_HEAD_SHORT_FORMS
    )


def _leads(short: str, full: str) -> bool:
    """ "King's" of "King's College London", "Lumina" of "Lumina Robotics": the opening words
    of a longer name (a possessive, or one word), with no organization word of their own.
    The caller links only when one organization fits."""
    words = short.replace("’", "'").split()
    full_words = full.replace("’", "'").split()
    return (
        full_words[: len(words)] == words
        and len(full_words) > len(words)
        and not any(w.lower() in ORG_WORDS for w in words)
        and (words[-1].endswith("'s") or (len(words) == 1 and full_words[1][:1].isupper()))
    )


def _shortens(short: str, full: str) -> bool:
    """Is `short` how a text names `full` once it has been named: its opening words, its
    last word, or the name without its legal form ("Graham Paper" of "Graham Paper
    Company")?"""
    return _leads(short, full) or _ends(short, full) or short == without_suffix(full.split())


def _ends(short: str, full: str) -> bool:
    """ "Enquirer" of "Cincinnati Enquirer", "Derrick" of "Oil City Derrick": a newspaper's or
    a firm's last word, when it names no kind of body ("Union" of "Soviet Union" is any
    union's). The caller links only when one organization fits. The last word must be the
    name's head: after an "of" it names another thing ("Congress" of "Library of Congress"
    is the legislature, "Texas" of "University of Texas" the state; blind review 4 keyed
    "the president and Congress" as the library)."""
    words = full.split()
    return (
        " " not in short
        and short.istitle()
        and len(words) > 1
        and words[-1] == short
        and short.lower() not in ORG_WORDS
        and _head_part(full) == words
    )


def _head_part(full: str) -> list[str]:
    """The words of a name before its first lower-case word ("of", "for", "and"): the part
    that names the body ("Library" of "Library of Congress"); what follows names another
    thing, its owner, place or field."""
    words = full.split()
    cut = next((k for k, w in enumerate(words) if w[:1].islower()), len(words))
    return words[:cut]


def link_acronyms(sentences: Sequence[Sentence], orgs: list[Entity]) -> list[Entity]:
    """Tie "Full Name (ACR)" acronyms to their full names; merge ACR-only entities into them."""
    covered = {(m.sent_index, i) for o in orgs for m in o.mentions for i in range(m.start, m.end)}
    for org in orgs:
        for m in org.mentions:
            sent = sentences[m.sent_index]
            found = _orgs.acronym_after(sent, m.end)
            if found is None or sent.tokens[found[0] + 1].ent in ("GPE", "LOC", "NORP", "DATE"):
                continue
            if any((m.sent_index, i) in covered for i in range(m.end, found[0])):
                continue  # "X Laboratory of the Y Institute (YI)": the brackets are Y's
            # "(ESPCI)" after a name the parse cut short; "(Caltech)": a short form, not initials
            acr = found[1]
            if (acr.isupper() or _orgs.is_short_form(acr, org.name)) and acr not in org.names:
                org.aliases.append(acr)
    merged: list[Entity] = []
    for org in orgs:
        owner = next(
            (o for o in merged if org.name in o.aliases or is_acronym_of(org.name, o.name)), None
        )
        if owner is None:
            merged.append(org)
            continue
        owner.mentions.extend(org.mentions)
        for alias in [org.name, *org.aliases]:
            if alias not in owner.aliases and alias != owner.name:
                owner.aliases.append(alias)
    for org in merged:
        # "the Council for Mutual Economic Assistance (Comecon)": the short form in brackets
        # defines an alias; it is not a second mention of the organization in that sentence.
        defined = {
            (m.sent_index, found[0] + 1)
            for m in org.mentions
            if (found := _orgs.acronym_after(sentences[m.sent_index], m.end)) is not None
        }
        org.mentions = [m for m in org.mentions if (m.sent_index, m.start) not in defined]
    return merged
