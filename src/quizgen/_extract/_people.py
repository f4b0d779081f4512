"""Context rules for people the tagger called places or groups (issue 11).

The small model often tags a surname it does not know as a country or a nationality
("Schleiden" GPE, "Bianchi" NORP), even in a text that gives the whole name. Two cues
carry to any text: a person's life years in brackets after the name, and a bare surname
of a person the text names in full; and a rank of nobility opens a person's name, and a
person does what people do ("saved by Ada Brook") and has "his" or "her". One word after
"in the" is no person. Each rule reads `Found` and settles names or spans; the rules that
read a name's neighbours (a bare subject, a partner, a list, a ruler's number) are in
`_neighbours`, run in this module's RULES.
"""

from __future__ import annotations

import re
from itertools import pairwise

from quizgen._extract import _orgs
from quizgen._extract._found import DASHES, NAME_LABELS, Found, is_cap
from quizgen._extract._neighbours import listed_people, numbered_rulers, partners, untagged_subjects
from quizgen._extract._orgs import Span
from quizgen._extract._types import Sentence
from quizgen._lexicon import (
    ARTICLES,
    COMPANY_SUFFIXES,
    NAME_PARTICLES,
    NOBLE_TITLES,
    ORG_NAME_HEADS,
    ORG_WORDS,
    PERSON_AGENT_VERBS,
    PLACE_PREPOSITIONS,
    TITLE_WORDS,
)

_YEAR = re.compile(r"1\d{3}|20\d{2}|\d{2,3}")
_PLACE_LABELS = frozenset({"GPE", "LOC"})


def _lifespans(found: Found) -> None:
    """ "Matthias Schleiden (1804–1881), a German botanist", "Ada Brook (born 1961)": a
    name followed by the years of a life in brackets is a person's, in every sentence. A
    place has years too ("East Prussia (1773–1945)"), so a name the tagger called a place
    needs an appositive naming a person's class as well."""
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        words = [t.lower_text for t in toks[s.start : s.end]]
        if (
            s.label not in NAME_LABELS
            or s.label == "PERSON"
            or not all(is_cap(t) for t in toks[s.start : s.end])
            or any(w in ORG_WORDS or w in ORG_NAME_HEADS for w in words)
        ):
            continue
        close = _life_years(sent, s.end)
        if close is None:
            continue
        if s.label in _PLACE_LABELS:
            head = sent.span_head(s.start, s.end)
            if _orgs.appositive_class(sent, head, close + 1) != "person":
                continue
        found.name(sent, s.start, s.end, "PERSON")


def _life_years(sent: Sentence, k: int) -> int | None:
    """The index of the ")" closing "(1804–1881)", "(born 1961)", "(b. 1961)" or
    "(c. 1700 – 1751)" opening at token k; None if there is none."""
    toks = sent.tokens
    if k >= len(toks) or toks[k].text != "(":
        return None
    close = next((j for j in range(k + 1, min(len(toks), k + 8)) if toks[j].text == ")"), None)
    if close is None:
        return None
    inside = [t.text for t in toks[k + 1 : close] if t.lower_text not in ("c.", "ca.", "circa")]
    text = " ".join(inside)
    if re.fullmatch(r"(?:born|b\.) (?:\w+ )*(?:1\d{3}|20\d{2})", text):
        return close
    years = [w for w in inside if w not in DASHES]
    spaced = len(inside) == 3 and inside[1] in DASHES
    joined = len(inside) == 1 and re.fullmatch(rf"(?:{_YEAR.pattern})[–—-]\d{{2,4}}", inside[0])
    if (spaced and all(_YEAR.fullmatch(y) for y in years)) or joined:
        return close
    return None


def _surnames(found: Found) -> None:
    """ "Bianchi's helmet" after "Jules Bianchi": a one-word name the tagger called a place
    or a group, that is the last word of a person's whole name in the text, is that person;
    not where it modifies a noun ("a Berlin hospital") or a place's preposition stands
    before it, nor anywhere once the text has put one before it ("in Berlin") or named a
    body of it ("University of Berlin")."""
    surnames = set()
    for s in found.spans:
        if found.label_of(s) == "PERSON" and s.end - s.start >= 2:
            last = found.sentences[s.sent_index].tokens[s.end - 1]
            if is_cap(last) and last.lower_text not in TITLE_WORDS:
                surnames.add(last.text)
    places = {
        t.text
        for sent in found.sentences
        for t in sent.tokens[1:]
        if t.text in surnames and _place_at(sent, t.i)
    }
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        word = sent.tokens[s.start].text
        if (
            s.end - s.start == 1
            and found.label_of(s) in ("GPE", "LOC", "NORP")
            and word in surnames - places
            and not _modifies(sent, s.start)
        ):
            found.add(sent, s.start, s.end, "PERSON", settled=True)


def _place_at(sent: Sentence, i: int) -> bool:
    """ "in Berlin", "University of Berlin": token i where a place's name stands."""
    before = sent.tokens[i - 1]
    named = before.lower_text == "of" and i >= 2 and is_cap(sent.tokens[i - 2])
    return before.lower_text in PLACE_PREPOSITIONS or named


def _modifies(sent: Sentence, i: int) -> bool:
    """ "a Berlin hospital": token i modifies a common noun after it."""
    tok = sent.tokens[i]
    parent = sent.tokens[tok.head]
    return tok.dep in ("compound", "amod") and tok.head > i and parent.text.islower()


def _noble_names(found: Found) -> None:
    """ "the Marquis de Lafayette", "the Duke of Orleans": a rank of nobility, a particle
    or "of", and a capitalised name make a person's name, whatever the tagger called it
    (it took the first for a vehicle)."""
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        start = s.start + (toks[s.start].lower_text in ARTICLES)
        if (
            found.label_of(s) != "PERSON"
            and s.end - start >= 3
            and toks[start].lower_text in NOBLE_TITLES
            and toks[start + 1].lower_text in (*NAME_PARTICLES, "of")
            and is_cap(toks[start + 2])
        ):
            found.name(sent, s.start, s.end, "PERSON")


def _agents(found: Found) -> None:
    """ "was saved by Ada Brook", "was founded by Tom Reis": a name of two or three words,
    none an organization's, doing what people do (PERSON_AGENT_VERBS) in the passive is a
    person's, however the tagger took it."""
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        words = [t.lower_text for t in toks[s.start : s.end]]
        if (
            found.label_of(s) != "ORG"
            or not 2 <= len(words) <= 3
            or not all(t.text.istitle() and t.text.isalpha() for t in toks[s.start : s.end])
            or any(w in ORG_WORDS or w in ORG_NAME_HEADS or w in COMPANY_SUFFIXES for w in words)
        ):
            continue
        head = toks[sent.span_head(s.start, s.end)]
        by = toks[head.head]
        verb = toks[by.head]
        if (
            head.dep == "pobj"
            and by.lower_text == "by"
            and by.dep == "agent"
            and verb.lemma.lower() in PERSON_AGENT_VERBS
        ):
            found.name(sent, s.start, s.end, "PERSON")


def _the_places(found: Found) -> None:
    """ "studied at the academy in the Louvre": one word the tagger called a person, after
    "in"/"at" and "the", is a building or a place; people have no article. Not the short
    form of a longer name of the text ("wrote in the Derrick" after "the Oil City
    Derrick"), nor a word modifying a noun ("in the Bush administration")."""
    longer = {
        found.sentences[s.sent_index].tokens[s.end - 1].text
        for s in found.spans
        if s.end - s.start >= 2
    }
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        word = toks[s.start].text
        if (
            found.label_of(s) == "PERSON"
            and s.end - s.start == 1
            and s.start >= 2
            and toks[s.start - 1].lower_text == "the"
            and toks[s.start - 2].lower_text in _AT
            and word.istitle()
            and not word.endswith("s")  # "at the Raiders": a team
            and word.lower() not in TITLE_WORDS
            and word not in longer
            and not _modifies(sent, s.start)
        ):
            found.name(sent, s.start, s.end, "FAC")


_AT = ("in", "at", "inside", "near")


def _gendered(found: Found) -> None:
    """ "Beyoncé performed her new song": a name of one or two words, none an
    organization's, whose own clause gives it "his" or "her" is a person's; a body's is
    "its" or "their". Not a place's or a ship's, which older texts call "her"."""
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        words = [t.lower_text for t in toks[s.start : s.end]]
        if (
            found.label_of(s) not in ("ORG", "NORP", "WORK_OF_ART")
            or len(words) > 2
            or not _plain_name(sent, s)
            or any(w in ORG_WORDS or w in ORG_NAME_HEADS for w in words)
        ):
            continue
        head = toks[sent.span_head(s.start, s.end)]
        if head.dep != "nsubj":
            continue
        owned = (
            g
            for c in sent.children(head.head)
            if c.dep in ("dobj", "attr")
            for g in sent.children(c.i)
        )
        if any(g.dep == "poss" and g.lower_text in ("his", "her") for g in owned):
            found.name(sent, s.start, s.end, "PERSON")


def _plain_name(sent: Sentence, s: Span) -> bool:
    return all(is_cap(t) and t.text.isalpha() for t in sent.tokens[s.start : s.end])


def _split_surnames(found: Found) -> None:
    """ "Prime Minister Vittorio Emmanuele Orlando": the tagger ends the person before an
    unknown surname and calls that a place or a second person. A one-word name right after
    a person's, that the parse makes the head of the person's words (one proper noun), is
    the person's surname: the whole is one name."""
    for s, nxt in pairwise(found.spans):
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        if (
            found.label_of(s) == "PERSON"
            and nxt.sent_index == s.sent_index
            and nxt.start == s.end
            and nxt.end - nxt.start == 1
            and found.label_of(nxt) in ("PERSON", "GPE", "LOC", "NORP")
            and toks[nxt.start].pos == "PROPN"
            and toks[nxt.start].text.isalpha()
            and toks[s.end - 1].dep == "compound"
            and toks[s.end - 1].head == nxt.start
        ):
            found.add(sent, s.start, nxt.end, "PERSON", settled=True)


RULES = (
    numbered_rulers,
    _split_surnames,
    _noble_names,
    _lifespans,
    _surnames,
    _agents,
    _the_places,
    _gendered,
    untagged_subjects,
    partners,
    listed_people,
)
