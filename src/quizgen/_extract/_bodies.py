"""Context rules for organizations the tagger called people (issue 11).

A company's short or later name ("Socony", "Mobil") looks like a surname to the small
model. Two cues carry to any text: the name stands in brackets right after a body's full
name ("the Standard Oil Company of New York (Socony, later Mobil)"), or in a list of
bodies ("a syndicate of Jersey Standard, Socony, Gulf Oil and the Near East Company"), or
after a plural of a body's class ("firms including Jersey Standard and Socal").
A team's or a band's plural last word alone ("the Panthers") is the body too. Each rule
reads `Found` and settles names.
"""

from __future__ import annotations

import re

from quizgen._extract._found import Found, conj_groups, is_cap
from quizgen._extract._gazetteer import is_place_name
from quizgen._extract._names import a_persons
from quizgen._extract._orgs import Span
from quizgen._extract._types import Sentence
from quizgen._lexicon import (
    ARTICLES,
    COMPANY_SUFFIXES,
    NATIONALITY_ENDINGS,
    ORG_CLASS_NOUNS,
    ORG_NAME_HEADS,
    ORG_WORDS,
    RENAMING_WORDS,
    TITLE_WORDS,
    is_honorific,
)

_SHORT_LABELS = frozenset({"PERSON", "NORP", "ORG"})


def _sure_body(found: Found, s: Span) -> bool:
    """An organization by its own words: a head word ("Company", "Society") or a legal
    form, whatever the tagger said around it."""
    words = found.sentences[s.sent_index].span_text(s.start, s.end).lower().split()
    return found.label_of(s) == "ORG" and any(
        w in ORG_NAME_HEADS or w in COMPANY_SUFFIXES for w in words
    )


def _bracketed_short_forms(found: Found) -> None:
    """ "the Standard Oil Company of New York (Socony, later Mobil, ...)": a name opening
    the brackets after a body's full name, or one a renaming word ("later", "now",
    "formerly") introduces there, is that body under another name."""
    ends = {(s.sent_index, s.end): s for s in found.spans if _sure_body(found, s)}
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        if found.label_of(s) not in _SHORT_LABELS | {"GPE"} or not _plain_name(sent, s):
            continue
        renamed = s.start > 0 and toks[s.start - 1].lower_text in RENAMING_WORDS
        k = _bracket_open(sent, s.start)
        if k is None or (k + 1 < s.start and not renamed) or (sent.index, k) not in ends:
            continue
        if found.label_of(s) == "GPE" and not renamed:
            continue  # "Harvard University (Cambridge, Massachusetts)": where it is
        found.name(sent, s.start, s.end, "ORG")


def _bracket_open(sent: Sentence, i: int) -> int | None:
    """The index of the "(" whose brackets hold token i, within a few words; else None."""
    for k in range(i - 1, max(-1, i - _BRACKET_WORDS), -1):
        if sent.tokens[k].text == ")":
            return None
        if sent.tokens[k].text == "(":
            return k
    return None


_BRACKET_WORDS = 8


def _plain_name(sent: Sentence, s: Span) -> bool:
    """Capitalised words, no title or honorific ("General Lafayette" is no company)."""
    toks = sent.tokens[s.start : s.end]
    return all(is_cap(t) for t in toks) and not any(
        t.lower_text in TITLE_WORDS or is_honorific(t.text) for t in toks
    )


def _listed_bodies(found: Found) -> None:
    """ "a syndicate that included Jersey Standard, Socony, Gulf Oil, and the Pan-American
    Petroleum and Transport Company": in a list of three names or more (untagged ones aside), at least half of
    them organizations and one a body by its own words, the others are bodies too, unless
    a word of theirs is in a person's whole name elsewhere."""
    for sent in found.sentences:
        for members in conj_groups(sent):
            listed = list({id(s): s for i in members if (s := found.covering(sent, i))}.values())
            if len(listed) < 3:
                continue
            bodies = sum(found.label_of(s) == "ORG" for s in listed)
            if 2 * bodies < len(listed) or not any(_sure_body(found, s) for s in listed):
                continue
            for s in listed:
                text = sent.span_text(s.start, s.end)
                if (
                    found.label_of(s) in _SHORT_LABELS
                    and _plain_name(sent, s)
                    and not any(a_persons(found, w, but=text, least=2) for w in text.split())
                ):
                    found.name(sent, s.start, s.end, "ORG")


def _included_bodies(found: Found) -> None:
    """ "several American firms, including Jersey Standard and Socal", "banks such as
    Hale Brothers": names listed after a plural of a body's class (ORG_CLASS_NOUNS) and
    "including"/"such as" are bodies, even where the tagger saw a place, unless the name is
    a country's or a word of it is in a person's whole name elsewhere."""
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        if found.label_of(s) not in _SHORT_LABELS | {"GPE"} or not _plain_name(sent, s):
            continue  # "Pemco" may be a place to the tagger, but not to the gazetteer
        if is_place_name(sent.span_text(s.start, s.end)):
            continue
        i = sent.span_head(s.start, s.end)
        while toks[i].dep == "conj" and toks[i].head != i:
            i = toks[i].head
        prep = toks[toks[i].head]
        such_as = prep.lower_text == "as" and prep.i > 0 and toks[prep.i - 1].lower_text == "such"
        if toks[i].dep != "pobj" or not (prep.lower_text == "including" or such_as):
            continue
        noun = toks[prep.head]
        text = sent.span_text(s.start, s.end)
        if (
            noun.tag == "NNS"
            and noun.lemma.lower() in ORG_CLASS_NOUNS
            and not any(a_persons(found, w, but=text, least=2) for w in text.split())
        ):
            found.name(sent, s.start, s.end, "ORG")


def _plural_short_forms(found: Found) -> None:
    """ "the Panthers" after "the Carolina Panthers": the plural last word of a body's name
    of two words or more (no "of"), written alone, is that body however the tagger took
    it (a person, a group, a product); "Union" of "Soviet Union" names any union."""
    ends = set()
    for s in found.spans:
        words = found.sentences[s.sent_index].span_text(s.start, s.end).split()
        words = [w for w in words if w.lower() not in ARTICLES]
        if found.label_of(s) == "ORG" and len(words) >= 2 and not {"of", "for"} & set(words):
            ends.add(words[-1])
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        start = s.start + (sent.tokens[s.start].lower_text in ARTICLES)
        word = sent.tokens[start].text
        if (
            s.end - start == 1
            and found.label_of(s) in ("PERSON", "NORP", "PRODUCT")
            and word in ends
            and _PLURAL.fullmatch(word)
            and word.lower() not in ORG_WORDS
        ):
            found.name(sent, s.start, s.end, "ORG")


_PLURAL = re.compile(r"[A-Z][a-z]+[^s]s")


def _named_teams(found: Found) -> None:
    """ "his Marussia team mate", "the Brabham team": a name right before the word "team"
    is the team's, whatever the tagger took it for; a nationality ("the Afghan team") is
    no team's name."""
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        word = toks[s.end - 1].lower_text
        if (
            s.end < len(toks)
            and toks[s.end].text == "team"
            and found.label_of(s) in ("GPE", "PERSON", "ORG", "FAC", "PRODUCT")
            and _plain_name(sent, s)
            and toks[s.end - 1].text.isalpha()  # "F1 team Force India": a series
            and not word.endswith(NATIONALITY_ENDINGS)
        ):
            found.name(sent, s.start, s.end, "ORG", "team")


RULES = (
    _bracketed_short_forms,
    _listed_bodies,
    _included_bodies,
    _plural_short_forms,
    _named_teams,
)
