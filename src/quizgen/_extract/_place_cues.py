"""Context rules that make a name a place (issue 11): "taken to Aurora, Indiana", "occupied the
Ruhr", "sailed for Sierra Leone", "the town of Alder", "born in Lowick, North Dene, Ireland".

Split from `_cues` (whose RULES run `places` in order); reads and settles names in `Found`.
"""

from __future__ import annotations

from quizgen._extract._found import Found, is_cap, run_at
from quizgen._extract._gazetteer import is_place_name
from quizgen._extract._orgs import Span
from quizgen._extract._types import Sentence, Token
from quizgen._lexicon import (
    MOTION_VERBS,
    ORG_WORDS,
    PLACE_CLASS_NOUNS,
    PLACE_VERBS,
    RELOCATION_VERBS,
)


def places(found: Found) -> None:
    """ "taken to Aurora, Indiana", "the Royal Botanic Gardens, Kew,", "occupied the Ruhr",
    "sailed for Sierra Leone": a name qualified by a place, qualifying a body, taken by an
    army or where a journey goes is a place."""
    for n, s in enumerate(found.spans):
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        if found.label_of(s) not in ("PERSON", "ORG") or any(
            toks[k].lower_text in ORG_WORDS for k in range(s.start, s.end)
        ):
            continue
        after = toks[s.end : s.end + 2]
        before = toks[s.start - 1] if s.start else None
        one = s.end - s.start == 1
        state = (
            (len(after) == 2 and after[0].text == "," and after[1].ent == "GPE")
            and before is not None
            and before.lower_text in ("to", "in", "at", "from", "near")
        )
        prev = found.spans[n - 1] if n else None
        qualifier = (
            found.label_of(s) == "PERSON"
            and one
            and prev is not None
            and prev.sent_index == s.sent_index
            and found.label_of(prev) == "ORG"
            and prev.end + 1 == s.start
            and toks[prev.end].text == ","
            and (s.end == len(toks) or toks[s.end].text in (",", ".", ")", ";"))
            and not (s.end + 1 < len(toks) and is_cap(toks[s.end + 1]))  # "Clarence, Edward, Ted"
        )
        head = toks[sent.span_head(s.start, s.end)]
        taken = _taken(sent, head) and s.end - s.start <= 2
        journey = _journey_end(sent, head) and s.end - s.start <= 3
        moved = (
            one
            and found.label_of(s) == "PERSON"
            and _moved_to(sent, head)
            and toks[s.start].lower_text not in found.people(2)
        )
        if (one and state) or qualifier or taken or journey or moved or _classed_place(sent, s):
            found.name(sent, s.start, s.end, "GPE")
            continue
        if s.end - s.start <= 2 and _in_address(sent, s):
            found.name(sent, s.start, s.end, "GPE")
    for sent in found.sentences:  # "occupied the Ruhr", untagged there, tagged ORG later
        for t in sent.tokens:
            if not t.ent and t.pos == "PROPN" and is_cap(t) and t.i and _taken(sent, t):
                start, end = run_at(sent.tokens, t.i)
                if end - start <= 2:
                    found.name(sent, start, end, "GPE")


def _classed_place(sent: Sentence, s: Span) -> bool:
    """ "the town of Alder", "the state capital, Brenton", "in Brenton, the state capital,": a
    lower-case noun of a settled place (PLACE_CLASS_NOUNS) right before the name, through "of"
    or an appositive comma, or in an appositive right after it that ends there (not "Ruth
    Kale, the town's mayor")."""
    toks = sent.tokens
    k = s.start - 1
    if (
        k >= 1
        and toks[k].text in ("of", ",")
        and toks[k - 1].text.islower()
        and toks[k - 1].lower_text in PLACE_CLASS_NOUNS
    ):
        return True
    if (
        s.end + 2 >= len(toks)
        or toks[s.end].text != ","
        or toks[s.end + 1].lower_text
        not in (
            "the",
            "a",
        )
    ):
        return False
    for j in range(s.end + 2, min(s.end + 5, len(toks) - 1)):
        if not toks[j].text.islower():
            return False
        if toks[j].lower_text in PLACE_CLASS_NOUNS:
            return toks[j + 1].text in (",", ".", ";", ")")
    return False


def _in_address(sent: Sentence, s: Span) -> bool:
    """ "born in Lowick, North Dene, Ireland", "buried in Tarvin, North Dene by ...": a name
    after a comma that follows a name after "in"/"at"/"from"/"near" is one part of an address
    chain "Town, Region, Country": a place, when a place the tagger or the gazetteer knows
    follows it after a comma, or stands before it and the chain closes the phrase ("In
    Paris, Jean Dupont said", a fronted phrase, and "... Jean Dupont said" are not)."""
    toks = sent.tokens
    if s.start < 3 or s.end >= len(toks) or toks[s.start - 1].text != ",":
        return False
    k = s.start - 2
    while k > 0 and is_cap(toks[k]) and toks[k].pos == "PROPN":
        k -= 1
    if k == s.start - 2 or toks[k].lower_text not in ("in", "at", "from", "near"):
        return False
    nxt = toks[s.end]
    if nxt.text == "," and s.end + 1 < len(toks):
        after = toks[s.end + 1]
        if after.ent == "GPE" or is_place_name(after.text):
            return True
    before = toks[s.start - 2]
    return (
        k >= 1
        and toks[k - 1].pos != "PUNCT"
        and (before.ent == "GPE" or is_place_name(sent.span_text(k + 1, s.start - 1)))
        and (nxt.text in (".", ";") or nxt.pos == "ADP")
    )


def _journey_end(sent: Sentence, head: Token) -> bool:
    """Is `head` where a journey goes or starts ("sailed for Sierra Leone", "travel from
    Herat")?"""
    prep = sent.tokens[head.head]
    return (
        head.dep == "pobj"
        and prep.lower_text in ("for", "to", "from", "toward", "towards", "into")
        and sent.tokens[prep.head].lemma.lower() in MOTION_VERBS
    )


def _moved_to(sent: Sentence, head: Token) -> bool:
    """Is `head` where someone was moved ("transferred to Greenock", "deported to Kem")? For
    a one-word name the tagger called a person that no full name of a person holds: one
    is moved to a place, and a person the text names once by a surname alone is rare."""
    prep = sent.tokens[head.head]
    return (
        head.dep == "pobj"
        and prep.lower_text == "to"
        and sent.tokens[prep.head].lemma.lower() in RELOCATION_VERBS
    )


def _taken(sent: Sentence, head: Token) -> bool:
    """Is `head` the object of a verb of conquest ("took Veracruz"; not "took over")?"""
    verb = sent.tokens[head.head]
    return (
        head.dep == "dobj"
        and verb.lemma.lower() in PLACE_VERBS
        and not any(c.dep == "prt" for c in sent.children(verb.i))
    )
