"""Span rules over the whole text, after each span has had its own (`TEXT_RULES`): a name's
kind decided by how the rest of the text writes it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from quizgen._extract._name_text import name_key, span_text, without_suffix
from quizgen._extract._orgs import Span
from quizgen._extract._shared_heads import shared_heads
from quizgen._extract._types import Sentence
from quizgen._lexicon import (
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


# The rules over the whole text's spans, in order, after each span has had its own.
TEXT_RULES: tuple[Callable[[Sequence[Sentence], list[Span]], list[Span]], ...] = (
    _majority_labels,
    _short_org_names,
    _short_of_vehicles,
    _surname_orgs,
    shared_heads,
)
