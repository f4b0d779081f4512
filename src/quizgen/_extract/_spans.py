"""Entity spans: the tagger's PERSON and ORG spans trimmed, relabelled and checked.

Works on the light parse in `Sentence` (no spaCy objects). This module holds the rules
each span goes through first (`_SPAN_RULES`); a person or organization span then goes
through `_relabel` (which applies the evidence in `_orgs`), and the whole text's spans
through `_text_rules`. String tests on names are in `_name_text`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from quizgen._extract import _orgs
from quizgen._extract._context import context_spans
from quizgen._extract._kinds import head_word, is_meeting, party_label, thing_label
from quizgen._extract._name_text import singular, span_text
from quizgen._extract._orgs import Span
from quizgen._extract._relabel import checked, org_spans
from quizgen._extract._text_rules import TEXT_RULES
from quizgen._extract._types import Sentence
from quizgen._lexicon import (
    ARTICLES,
    CONCEPT_HEADS,
    ERAS,
    KIND_OF_LABEL,
    NAME_PARTICLES,
    ORG_WORDS,
    PERSON_ORG_TAILS,
    REGNAL_TITLES,
    TERM_NOUNS,
    TITLE_WORDS,
    WORK_HEADS,
    is_honorific,
)


@dataclass
class _Draft:
    """A span on its way through the span rules: tokens [start, end) of sentence `sent_index`.

    `done` once a rule has settled it as it is; `possessive` when its name ended in 's.
    """

    sent_index: int
    start: int
    end: int
    label: str
    possessive: bool = False
    done: bool = False


@dataclass
class _Text:
    """What the span rules know of the whole text."""

    sentences: Sequence[Sentence]
    org_texts: list[str]  # every ORG span's text without a leading "the"

    @cached_property
    def org_name_words(self) -> frozenset[str]:
        """The words of every ORG span of two words or more: "House" of "House of Lords"."""
        return frozenset(w for t in self.org_texts if " " in t for w in t.split())

    @cached_property
    def org_words_as_names(self) -> frozenset[str]:
        """Organization words the text writes capitalised on their own, mid-sentence, three
        times or more: "the Union" of a Civil War chapter is a name there, not a common noun."""
        counts: dict[str, int] = {}
        for sent in self.sentences:
            toks = sent.tokens
            for t in toks[1:]:
                alone = t.i + 1 == len(toks) or not toks[t.i + 1].text[:1].isupper()
                if t.text.istitle() and t.lower_text in ORG_WORDS and alone:
                    if toks[t.i - 1].text[:1].isupper() and toks[t.i - 1].pos == "PROPN":
                        continue  # the last word of a longer name
                    counts[t.text] = counts.get(t.text, 0) + 1
        return frozenset(w for w, n in counts.items() if n >= 3)


def _era_in_date(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "753 BC": a date the tagger cut before its era (or called an ORG) takes the era in."""
    toks = sent.tokens
    if d.label in ("DATE", "CARDINAL") and d.end < len(toks) and toks[d.end].text in ERAS:
        d.end, d.label, d.done = d.end + 1, "DATE", True
    return d


def _lone_era(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "BC" on its own is no entity."""
    return None if span_text(sent, d.start, d.end) in ERAS else d


def _published_work(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "printed in Nature", "the journal Science": a work of art that publishes is an ORG."""
    if d.label in ("WORK_OF_ART", "PRODUCT") and (
        _orgs.published_in(sent, d.start, d.end)
        or _orgs.title_class(sent, d.start, sent.span_head(d.start, d.end)) == "org"
    ):
        d.label = "ORG"
    return d


def _concept(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "the Endosymbiotic Theory", "Modern Cell Theory": an ORG span whose head word names
    an idea (CONCEPT_HEADS) is no body's name; dropped. Not a PERSON span: "Jude Law"."""
    words = [t.text for t in sent.tokens[d.start : d.end] if t.lower_text not in ARTICLES]
    if d.label == "ORG" and words and head_word(words).lower() in CONCEPT_HEADS:
        return None
    if d.label == "ORG" and _termed(sent, d.start, sent.span_head(d.start, d.end)):
        return None
    return d


def _termed(sent: Sentence, start: int, i: int) -> bool:
    """ "the term Nexus", "the theories of Rank and Nexus": a name a lower-case TERM_NOUNS
    word introduces, right before it or through "of" (and any name coordinated with it),
    is an idea. `i` is the name's head token."""
    toks = sent.tokens
    if start and toks[start - 1].text.islower() and toks[start - 1].lower_text in TERM_NOUNS:
        return True
    while toks[i].dep == "conj" and toks[i].head != i:
        i = toks[i].head
    head = toks[toks[i].head]
    if toks[i].dep != "pobj" or head.lower_text != "of" or toks[i - 1] is not head:
        return False  # "Wilson's idea of a League of Nations" names a body
    head = toks[head.head]
    return head.text.islower() and head.lower_text in TERM_NOUNS


def _thing_kind(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "Neptune", "Magna Carta", "Waterloo Station", "the Republicans": a PERSON or ORG span
    that names a place, a work, a facility or a group of people takes that kind's label;
    a "facility" named for a body ("the Jekyll Island Club") is that body. "the Red Line
    Agreement in Ostend": a work's name ends before "in"/"at" and its place. A party's
    plural alone ("the Whigs") is a body or a people as `_kinds.party_label` decides."""
    toks = sent.tokens
    party = party_label(sent, d.start, d.end) if d.label in _PARTY_LABELS else None
    if party is not None:
        d.label = party
        return d
    for k in range(d.start + 1, d.end - 1):
        if toks[k].lower_text in ("in", "at") and singular(toks[k - 1].lower_text) in WORK_HEADS:
            d.end = k
            break
    if d.label in ("PERSON", "ORG"):
        d.label = thing_label(sent, d.start, d.end, d.label) or d.label
    elif d.label == "FAC" and is_meeting(
        [t.lower_text for t in sent.tokens[d.start : d.end] if t.lower_text not in ARTICLES]
    ):
        d.label = "EVENT"  # "the Lausanne Conference" is no building
    elif d.label == "FAC" and sent.tokens[d.end - 1].lower_text in ORG_WORDS:
        d.label = "ORG"
    return d


def _other_labels(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "1979", "Geneva": spans other than people and organizations stay as tagged; a
    place's, work's or group's name loses its "the" ("the Magna Carta")."""
    d.done = d.label not in ("PERSON", "ORG")
    if d.label in KIND_OF_LABEL:
        while d.end - d.start > 1 and sent.tokens[d.start].lower_text in ARTICLES:
            d.start += 1
    return d


def _particle_tail(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "Ludwig" + "van Hal": a person's name the tagger cut before its particle goes on."""
    toks = sent.tokens
    if (
        d.label == "PERSON"
        and d.end + 1 < len(toks)
        and toks[d.end].lower_text in NAME_PARTICLES
        and toks[d.end].text.islower()
        and toks[d.end + 1].pos == "PROPN"
        and toks[d.end + 1].text[:1].isupper()
    ):
        d.end += 2
    return d


def _article(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "the Red Cross" -> "Red Cross"."""
    while d.start < d.end and sent.tokens[d.start].lower_text in ARTICLES:
        d.start += 1
    return d


def _possessive(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "Pauling's", "Curies'", "Dunant," -> "Pauling", "Curies", "Dunant"."""
    toks = sent.tokens
    d.possessive = toks[d.end - 1].text in ("’s", "'s")
    while d.end > d.start and toks[d.end - 1].text in ("’s", "'s", "’", "'", ",", "-", "–"):
        d.end -= 1
    return d


def _college_s(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "leave DNA to King's": short for "King's College London", so the 's stays."""
    if d.label == "ORG" and d.possessive and d.start < d.end:
        whole = span_text(sent, d.start, d.end) + "'s "
        if any(t.replace("’", "'").startswith(whole) for t in text.org_texts):
            d.end += 1
    return d


def _numbered_thing(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "showed Watson Photograph 51" -> "Watson": a numbered thing ends no one's name. Not
    a minute of a match ("Felix Hahn 77'", "Jan Roth 90+3'"): a player's name."""
    toks = sent.tokens
    if (
        d.label == "PERSON"
        and d.end - d.start > 1
        and d.end < len(toks)
        and toks[d.end].text.isdigit()
        and not (d.end + 1 < len(toks) and toks[d.end + 1].text in _MINUTE_MARKS)
    ):
        d.end -= 1
    while (
        d.label == "PERSON"
        and d.end - d.start > 1
        and not any(c.isalpha() for c in toks[d.end - 1].text)
    ):
        d.end -= 1  # "Paul Hemmer 12' 90'": a name ends with no number or mark
    return d


def _title(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "President Bush", "Mrs. Marten" -> "Bush", "Marten": a title is a role, not a name.
    A ruler's one-word name keeps its title ("King John", "Queen Victoria"): that is how the
    text names them, and "King John" is no "John Wesley"."""
    toks = sent.tokens
    if d.label != "PERSON":
        return d
    if (
        d.end - d.start == 1
        and d.start > 0
        and toks[d.start - 1].lower_text in REGNAL_TITLES
        and toks[d.start - 1].text[:1].isupper()
    ):
        d.start -= 1
    while (
        d.end - d.start > 1
        and (toks[d.start].lower_text in TITLE_WORDS or is_honorific(toks[d.start].text))
        and not (d.end - d.start == 2 and toks[d.start].lower_text in REGNAL_TITLES)
    ):
        d.start += 1
    return d


def _person_institution(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "the Bush administration", "the Nobel Committee": a name before an institution's
    word is the institution's."""
    toks = sent.tokens
    if d.label != "PERSON":
        return d
    if d.end < len(toks) and toks[d.end].lower_text in PERSON_ORG_TAILS:
        d.label, d.end = "ORG", d.end + 1
    elif toks[d.end - 1].lower_text in ORG_WORDS:
        d.label = "ORG"
    return d


def _empty(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "the" alone, once trimmed, is nothing."""
    return d if d.start < d.end else None


# The rules a span goes through, in order, until one drops it (None) or settles it (done).
_SPAN_RULES: tuple[Callable[[_Text, Sentence, _Draft], _Draft | None], ...] = (
    _era_in_date,
    _lone_era,
    _published_work,
    _concept,
    _thing_kind,
    _other_labels,
    _article,
    _possessive,
    _college_s,
    _numbered_thing,
    _particle_tail,
    _title,
    _person_institution,
    _empty,
)


def normalize_spans(sentences: Sequence[Sentence], spans: list[Span]) -> list[Span]:
    """Trim articles, possessives and titles from entity spans and fix labels we can tell better.

    Each span goes through _SPAN_RULES, then a person through `_relabel.checked` and an
    organization through `_relabel.org_spans`; last, the whole text's spans through TEXT_RULES.
    """
    spans = context_spans(sentences, spans)
    spans = _orgs.merge_name_tails(sentences, spans) + _orgs.class_noun_spans(sentences, spans)
    listed = _orgs.coordinated_people(sentences)
    taken = {(s.sent_index, i) for s in listed for i in range(s.start, s.end)}
    spans = [s for s in spans if not any((s.sent_index, i) in taken for i in range(s.start, s.end))]
    common = _orgs.lowercase_words(sentences)
    org_texts = [
        re.sub(r"^the\s+", "", span_text(sentences[s.sent_index], s.start, s.end), flags=re.I)
        for s in spans
        if s.label == "ORG"
    ]
    text = _Text(sentences, org_texts)
    out: list[Span] = []
    for span in spans:
        sent = sentences[span.sent_index]
        draft: _Draft | None = _Draft(span.sent_index, span.start, span.end, span.label)
        if span.settled:
            # the words around the name decided its kind: it is only trimmed
            for rule in (_article, _possessive, _empty):
                draft = rule(text, sent, draft) if draft is not None else None
            if draft is not None:
                out.append(replace(span, start=draft.start, end=draft.end))
            continue
        for rule in _SPAN_RULES:
            draft = rule(text, sent, draft)
            if draft is None or draft.done:
                break
        if draft is None:
            continue
        if draft.done:
            out.append(Span(draft.sent_index, draft.start, draft.end, draft.label))
        elif draft.label == "ORG" and _short_of_named(text, sent, draft):
            out.append(Span(draft.sent_index, draft.start, draft.end, "ORG"))
        elif draft.label == "ORG":
            out.extend(org_spans(sent, span.sent_index, draft.start, draft.end, common))
        else:
            out.extend(checked(sent, span.sent_index, draft.start, draft.end, draft.label))
    out.extend(listed)  # settled: the modifier rule would drop "Harding administrations"
    for whole_text_rule in TEXT_RULES:
        out = whole_text_rule(sentences, out)
    return out


def _short_of_named(text: _Text, sent: Sentence, d: _Draft) -> bool:
    """ "the League", "the Council": one organization word, capitalised, that a longer name
    in the text contains ("League of Nations") is its short form, not a nameless "the Army"."""
    if d.end - d.start != 1:
        return False
    word = sent.tokens[d.start].text
    return (
        word.istitle()
        and word.lower() in ORG_WORDS
        and (word in text.org_name_words or word in text.org_words_as_names)
    )


# The tagger calls "the Bolsheviks" a person, a body, a place or a people by turns.
_PARTY_LABELS = ("PERSON", "ORG", "GPE", "NORP")
_MINUTE_MARKS = ("'", "’", "′", "+")  # "77'", "90+3'": a match's minutes
