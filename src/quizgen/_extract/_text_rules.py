"""Span rules over the whole text, after each span has had its own (`TEXT_RULES`): a name's
kind decided by how the rest of the text writes it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from quizgen._extract._gazetteer import is_place_name
from quizgen._extract._name_text import name_key, span_text, without_suffix
from quizgen._extract._orgs import Span, acronym_after
from quizgen._extract._shared_heads import shared_heads
from quizgen._extract._types import Sentence
from quizgen._lexicon import (
    PARTY_PLURALS,
    TITLE_WORDS,
    is_honorific,
)


def _surname_orgs(sentences: Sequence[Sentence], spans: list[Span]) -> list[Span]:
    """ "Franklin", "the Curies": a surname the tagger took for an organization. A person's
    name is a mention of that person (so "Wilkins and his co-workers" has its "his"); a
    family ("the Curies") is no one person and is left out."""
    persons = {
        w
        for s in spans
        if s.label == "PERSON"
        for w in name_key(span_text(sentences[s.sent_index], s.start, s.end))
    }
    kept = []
    for s in spans:
        words = name_key(span_text(sentences[s.sent_index], s.start, s.end))
        if s.label == "ORG" and all(w in persons for w in words):
            kept.append(replace(s, label="PERSON", subtype=None))
        elif not (s.label == "ORG" and all(w.rstrip("s") in persons for w in words)):
            kept.append(s)
    return kept


def _majority_labels(sentences: Sequence[Sentence], spans: list[Span]) -> list[Span]:
    """A name tagged ORG more often than PERSON is an organization everywhere: the tagger
    called "Pennine Freight" a person once, as the subject of "will pay"."""
    votes: dict[str, int] = {}
    for s in spans:
        if s.label in ("PERSON", "ORG"):
            text = span_text(sentences[s.sent_index], s.start, s.end)
            votes[text] = votes.get(text, 0) + (1 if s.label == "ORG" else -1)
    return [
        replace(s, label="ORG")
        if s.label == "PERSON" and votes[span_text(sentences[s.sent_index], s.start, s.end)] > 0
        else s
        for s in spans
    ]


def _short_org_names(sentences: Sequence[Sentence], spans: list[Span]) -> list[Span]:
    """ "Lumina was spun out of ...": one word tagged PERSON that opens a company's name found
    elsewhere ("Lumina Robotics") and no person's name is the company's short form."""
    texts = [(s, span_text(sentences[s.sent_index], s.start, s.end).split()) for s in spans]
    openers = {
        words[0]
        for s, words in texts
        if s.label == "ORG" and len(words) > 1 and all(w[:1].isupper() for w in words)
    }
    in_names = {w for s, words in texts if s.label == "PERSON" and len(words) > 1 for w in words}
    bare = {without_suffix(words) for s, words in texts if s.label == "ORG"}
    out = []
    for s, words in texts:
        if s.label == "PERSON" and " ".join(words) in bare:
            s = replace(s, label="ORG")  # "Graham Paper" of "Graham Paper Company"
        toks = sentences[s.sent_index].tokens
        titled = s.start > 0 and (
            toks[s.start - 1].lower_text in TITLE_WORDS or is_honorific(toks[s.start - 1].text)
        )
        if (
            s.label == "PERSON"
            and len(words) == 1
            and words[0] in openers
            and words[0] not in in_names
            and not titled
        ):
            s = replace(s, label="ORG")
        out.append(s)
    return out


def _short_of_vehicles(sentences: Sequence[Sentence], spans: list[Span]) -> list[Span]:
    """ "Columbia was lost" after "Space Shuttle Columbia": a vehicle's last word alone is
    that vehicle, not a body or a person."""
    ends = {
        span_text(sentences[s.sent_index], s.start, s.end).split()[-1]
        for s in spans
        if s.label == "PRODUCT" and s.end - s.start > 1
    }
    return [
        replace(s, label="PRODUCT")
        if s.label in ("PERSON", "ORG")
        and s.end - s.start == 1
        and span_text(sentences[s.sent_index], s.start, s.end) in ends
        else s
        for s in spans
    ]


def _short_of_things(sentences: Sequence[Sentence], spans: list[Span]) -> list[Span]:
    """ "the NEP" after "the New Economic Policy (NEP)": a short form the text defines in
    brackets after a policy, a work, an event or a craft is that thing wherever it stands
    alone, though the tagger calls it an organization (or a person) there."""
    defined: dict[str, str] = {}
    for s in spans:
        if s.label in ("PERSON", "ORG") or s.end - s.start < 2:
            continue
        found = acronym_after(sentences[s.sent_index], s.end)
        if found is not None and found[0] == s.end:
            defined.setdefault(found[1], s.label)
    if not defined:
        return spans
    return [
        replace(s, label=defined[text], subtype=None)
        if s.label in ("PERSON", "ORG")
        and (text := span_text(sentences[s.sent_index], s.start, s.end)) in defined
        else s
        for s in spans
    ]


def _acting_parties(sentences: Sequence[Sentence], spans: list[Span]) -> list[Span]:
    """ "Farmers feared the Bolsheviks" in a text where "the Bolsheviks seized the stores":
    a party's plural (PARTY_PLURALS) that acts as a body once is that body everywhere, so
    its mentions make one organization, not a body and a people."""
    bodies = {
        span_text(sentences[s.sent_index], s.start, s.end)
        for s in spans
        if s.label == "ORG" and s.end - s.start == 1
    }
    return [
        replace(s, label="ORG", subtype=None)
        if s.label == "NORP"
        and (text := span_text(sentences[s.sent_index], s.start, s.end)) in bodies
        and text.lower() in PARTY_PLURALS
        else s
        for s in spans
    ]


def _countries(sentences: Sequence[Sentence], spans: list[Span]) -> list[Span]:
    """ "operating in Mexico", "the Republic of Moldova": a country's or a state's name
    (`_gazetteer`) the tagger called an organization is a place. After `_surname_orgs`, so
    "Victoria" (an Australian state) of a text about Queen Victoria stays the queen; not a
    span the words around it settled ("Mexico beat Germany 2 - 1": a team)."""
    return [
        replace(s, label="GPE", subtype=None)
        if s.label == "ORG"
        and not s.settled
        and is_place_name(span_text(sentences[s.sent_index], s.start, s.end))
        else s
        for s in spans
    ]


# The rules over the whole text's spans, in order, after each span has had its own.
TEXT_RULES: tuple[Callable[[Sequence[Sentence], list[Span]], list[Span]], ...] = (
    _majority_labels,
    _short_org_names,
    _short_of_vehicles,
    _short_of_things,
    _acting_parties,
    _surname_orgs,
    _countries,
    shared_heads,
)
