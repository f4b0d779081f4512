"""Context rules for the kinds the words around a name give (issue 11).

Places ("occupied the Ruhr"), works ("her signature song, Respect,"), publications ("edit
the Oil City Derrick"), owners and copulas ("a subsidiary of Alco Standard"), things that
are no bodies ("the T2 phage") and teams in a match report. Each rule reads `Found` and
settles names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from quizgen._extract._found import DASHES, NAME_LABELS, Found, is_cap, name_text, run_at
from quizgen._extract._gazetteer import is_place_name
from quizgen._extract._orgs import Span
from quizgen._extract._place_cues import places as _places
from quizgen._extract._types import Sentence, Token
from quizgen._lexicon import (
    ARTICLES,
    CLUB_TAILS,
    LAB_THING_NOUNS,
    NAMING_VERBS,
    ORG_CLASS_NOUNS,
    OWNER_NOUNS,
    PLAYER_ACTION_NOUNS,
    PUBLICATION_CLASS_NOUNS,
    PUBLICATION_NOUNS,
    PUBLICATION_VERBS,
    SPORT_VERBS,
    SPORT_WORDS,
    TEAM_PREPOSITIONS,
    THING_NOUNS,
    TITLE_WORDS,
    WORK_NOUNS,
)

_NEWS = "news outlet"


# --- works, publications, things (places: _place_cues) ---------------------------------------------------


def _works(found: Found) -> None:
    """ "her signature songs, Respect,", "a book to be called America's Foremost Families",
    "an article titled "An Insult to Alice Roosevelt"", "her works include Salt Roads": a
    name a work noun introduces."""
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        if s.label not in ("ORG", "PERSON"):
            continue
        k = s.start
        while k > 0 and (
            toks[k - 1].text in ("“", '"', "‘")
            or toks[k - 1].lower_text in ARTICLES
            or (k > 1 and toks[k - 1].text in ("’s", "'s") and is_cap(toks[k - 2]))
        ):
            k -= 1 + (toks[k - 1].text in ("’s", "'s"))  # "called America's Foremost Families"
        before = toks[max(0, k - 6) : k]
        listed = k >= 2 and toks[k - 1].text == "," and toks[k - 2].lemma.lower() in WORK_NOUNS
        named = (
            k >= 1
            and toks[k - 1].lemma.lower() in NAMING_VERBS
            and any(t.lemma.lower() in WORK_NOUNS for t in before)
        )
        quoted_title = (
            s.label == "ORG"
            and toks[s.start].quoted
            and k < s.start
            and k >= 1
            and toks[k - 1].lemma.lower() in NAMING_VERBS
        )
        head = toks[sent.span_head(s.start, s.end)]
        if listed or named or quoted_title or _in_work_list(sent, head):
            found.name(sent, s.start, s.end, "WORK_OF_ART")


def _in_work_list(sent: Sentence, head: Token) -> bool:
    """ "Her works include Salt Roads, Iron Bridges and The Long Shore", "novels such as
    Salt Roads": a name listed as what works include, or after "such as" and a work noun,
    is a work, and so is every name coordinated with it."""
    toks = sent.tokens
    i = head.i
    while toks[i].dep == "conj" and toks[i].head != i:
        i = toks[i].head
    first, parent = toks[i], toks[toks[i].head]
    if first.dep == "dobj" and parent.lemma.lower() in ("include", "comprise"):
        subject = next((c for c in sent.children(parent.i) if c.dep == "nsubj"), None)
        return subject is not None and subject.lemma.lower() in WORK_NOUNS
    if first.dep == "pobj" and parent.lower_text == "as" and parent.i > 0:
        # "novels such as X": "as" hangs on the noun, "such" on "as" or on the noun
        noun = toks[parent.head]
        return toks[parent.i - 1].lower_text == "such" and noun.lemma.lower() in WORK_NOUNS
    return False


def _publications(found: Found) -> None:
    """ "edit the Oil City Derrick", "the proprietors of the Derrick", "Vogue magazine": a
    name a publication's words surround is a news outlet (an organization), tagged or not."""
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        if s.label in NAME_LABELS and s.label != "GPE" and _publication_at(sent, s.start, s.end):
            found.name(sent, s.start, s.end, "ORG", _NEWS)
    for sent in found.sentences:
        toks = sent.tokens
        for t in toks:
            if t.i and toks[t.i - 1].lower_text == "the" and not t.ent and t.pos == "PROPN":
                start, end = run_at(toks, t.i)
                if start == t.i and is_cap(t) and _publication_at(sent, start, end):
                    found.add(sent, start, end, "ORG", settled=True, subtype=_NEWS)


def _publication_at(sent: Sentence, start: int, end: int) -> bool:
    toks = sent.tokens
    head = toks[sent.span_head(start, end)]
    parent = toks[head.head]
    the = (start > 0 and toks[start - 1].lower_text == "the") or toks[start].lower_text == "the"
    edited = the and head.dep == "dobj" and parent.lemma.lower() in PUBLICATION_VERBS
    staffed = (
        the
        and head.dep == "pobj"
        and parent.lower_text in ("of", "for", "on", "at")
        and toks[parent.head].lemma.lower() in PUBLICATION_NOUNS
    )
    nxt = toks[end] if end < len(toks) else None
    classed = (
        nxt is not None
        and nxt.text.islower()
        and nxt.lemma.lower() in PUBLICATION_CLASS_NOUNS
        and head.head == nxt.i
    )
    return edited or staffed or classed


def _owners(found: Found) -> None:
    """ "a subsidiary of Alco Standard", "Unisource Worldwide became a paper sales and
    distribution company": a name a body's words describe is a body."""
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        if s.label not in ("PERSON", "GPE") or any(
            t.lower_text in TITLE_WORDS for t in toks[s.start : s.end]
        ):
            continue
        if is_place_name(name_text(sent, s.start, s.end)):
            continue  # "Mexico became the second largest producer": a country all the same
        head = toks[sent.span_head(s.start, s.end)]
        parent = toks[head.head]
        owned = (
            head.dep == "pobj"
            and parent.lower_text == "of"
            and toks[parent.head].lemma.lower() in OWNER_NOUNS
        )
        if owned or _copula_class(sent, head) == "org":
            found.name(sent, s.start, s.end, "ORG")


def _copula_class(sent: Sentence, head: Token) -> str | None:
    """ "org" when the name at `head` is the subject of "is/became a ... company"."""
    verb = sent.tokens[head.head]
    if head.dep != "nsubj" or verb.lemma not in ("be", "become"):
        return None
    for child in sent.children(verb.i):
        if child.dep == "attr" and child.pos == "NOUN" and child.lemma in ORG_CLASS_NOUNS:
            return "org"
    return None


def _things(found: Found) -> None:
    """ "the T2 phage", "rhythm and blues (R&B)": a name that modifies a thing, or stands
    for a common noun phrase, names no body in any sentence."""
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        if s.label != "ORG":
            continue
        head = toks[sent.span_head(s.start, s.end)]
        parent = toks[head.head]
        modifies = (
            head.dep in ("compound", "amod", "nmod")
            and head.head >= s.end
            and parent.text.islower()
            and parent.lemma.lower() in THING_NOUNS | LAB_THING_NOUNS
        )
        enzyme = s.end - s.start == 1 and bool(_ENZYME.fullmatch(toks[s.start].text))
        if modifies or enzyme or _spells_words_before(sent, s) or _heading_word(found, s):
            found.name(sent, s.start, s.end, "")


# "DNase", "RNAse": an enzyme, named by what it cuts; no body.
_ENZYME = re.compile(r"[A-Z]{2,}[A-Za-z]*?[aA]se")


def _heading_word(found: Found, s: Span) -> bool:
    """ "Confirmation" as a heading, then opening a sentence: a one-word name that stands
    alone on a line and opens every other sentence it is in is a heading's common word."""
    sent = found.sentences[s.sent_index]
    if s.end - s.start != 1 or len(sent.tokens) > 2:
        return False
    return sent.tokens[s.start].text not in found.inside_words


def _spells_words_before(sent: Sentence, s: Span) -> bool:
    """ "rhythm and blues (R&B)": the short form in brackets of lower-case words."""
    toks = sent.tokens
    if not (s.start >= 2 and toks[s.start - 1].text == "(" and s.end < len(toks)):
        return False
    letters = [c.lower() for c in sent.span_text(s.start, s.end) if c.isalpha()]
    words = [
        t.lower_text
        for t in toks[: s.start - 1]
        if t.text.isalpha() and t.lower_text not in ("and", "of", "the", "for")
    ]
    last = toks[s.start - 2]
    return (
        len(letters) >= 2
        and last.text.islower()
        and len(words) >= len(letters)
        and all(w.islower() for w in words[-len(letters) :])
        and [w[0] for w in words[-len(letters) :]] == letters
    )


# --- sport -----------------------------------------------------------------------------------

_SCORE = re.compile(r"\d{1,2}")


def _is_sport(sentences: Sequence[Sentence]) -> bool:
    """A match report: six words of sport or more, of three kinds or more."""
    words = [t.lemma.lower() for s in sentences for t in s.tokens if t.lemma.lower() in SPORT_WORDS]
    return len(words) >= 6 and len(set(words)) >= 3


def _teams(found: Found) -> None:
    """ "Sweden defeated South Korea 1 – 0", "a third goal for Belgium", "Tunisia's
    goalkeeper": in a match report, a country or city that plays is a team."""
    if not _is_sport(found.sentences):
        return

    places = _place_words(found)
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        start, end = s.start, s.end
        if s.label in ("PRODUCT", "PERSON") and end - start > 1 and _score_at(toks, end - 1):
            end -= 1  # "Sweden 1 – 0": the tagger took the score for a craft's number
            # "Hamburger Kickers 3 – 1": the club's untagged first word is the name's too
            if start and toks[start - 1].pos == "PROPN" and is_cap(toks[start - 1]):
                start = run_at(toks, start - 1)[0]
            found.add(sent, start, end, "GPE")
        if s.label == "PERSON" and _club_name(found, sent, start, end, places):
            found.name(sent, start, end, "ORG", "team")  # "Leeds United", "Hanaus hopes"
            continue
        one = end - start == 1 and s.label in ("ORG", "GPE")
        if one and _plays_the_ball(sent, toks[start]) and not is_place_name(toks[start].text):
            found.name(sent, start, end, "PERSON")  # "Lenz's long range shot": a player
            continue
        if s.label != "GPE" and end == s.end:
            continue
        # "Romelu Lukaku" makes "Lukaku" a player; "Tunisia" once tagged PERSON alone does not;
        # nor does a club the tagger called a person for its city ("Kickers Hamburg")
        if all(_a_player(found, w, places) for w in sent.span_text(start, end).split()):
            found.name(sent, start, end, "PERSON")  # "Lukaku scored": a player
            continue
        head = toks[sent.span_head(s.start, end)]
        parent = toks[head.head]
        plays = (
            head.dep in ("nsubj", "nsubjpass", "poss")
            or (head.dep == "dobj" and parent.lemma.lower() in SPORT_VERBS)
            or (head.dep == "pobj" and parent.lower_text in TEAM_PREPOSITIONS)
            or _score_at(toks, end)
            or (s.start >= 3 and _score_at(toks, s.start - 3))
        )
        if plays:
            found.name(sent, start, end, "ORG", "team")
    _city_clubs(found, places)


def _club_name(found: Found, sent: Sentence, start: int, end: int, places: frozenset[str]) -> bool:
    """In a match report, a name tagged PERSON is a club's when it ends in a club's word
    ("Leeds United", CLUB_TAILS) or is a playing place's name with a bare "s" ("Hanaus
    hopes", a possessive without its apostrophe)."""
    words = sent.span_text(start, end).split()
    if len(words) > 1 and words[-1].lower() in CLUB_TAILS and words[0][:1].isupper():
        return True
    word = words[0]
    return (
        len(words) == 1
        and word.endswith("s")
        and (word[:-1] in places or found.names.get(word[:-1], ("", None))[1] == "team")
    )


def _plays_the_ball(sent: Sentence, word: Token) -> bool:
    """Does the one-word name `word` own what a player does ("Lenz's long range shot") or
    receive it ("a well placed ball to Ortiz", "exchanged passes with Lenz")?"""
    toks = sent.tokens
    parent = toks[word.head]
    if word.dep == "poss":
        return parent.lemma.lower() in PLAYER_ACTION_NOUNS
    if word.dep != "pobj" or parent.lower_text not in ("to", "with"):
        return False
    return toks[parent.head].lemma.lower() in PLAYER_ACTION_NOUNS


def _place_words(found: Found) -> frozenset[str]:
    """The one-word names the tagger called a place twice or more in the text (once may be
    its slip on a player's surname)."""
    counts = Counter(
        found.sentences[s.sent_index].span_text(s.start, s.end)
        for s in found.spans
        if s.label == "GPE" and s.end - s.start == 1
    )
    return frozenset(w for w, n in counts.items() if n >= 2)


def _a_player(found: Found, word: str, places: frozenset[str]) -> bool:
    """Is `word` a word of a person's name of two words or more that does not end in a
    place's name ("Kickers Hamburg" tagged PERSON is a club named with its city)?"""
    return any(
        [w for w in name.split() if not w.isdigit()][-1] not in places
        for name in found.people(2).get(word.lower(), ())
    )


def _city_clubs(found: Found, places: frozenset[str]) -> None:
    """ "Kickers Hamburg" tagged PERSON, ending in the name of a city that plays ("Hamburg
    beat ..."): in a match report a name of two capitalised words or more ending in a team
    named for its place is that team's full name."""
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        words = sent.span_text(s.start, s.end).split()
        if (
            s.label == "PERSON"
            and len(words) >= 2
            and words[-1] in places
            and found.names.get(words[-1]) == ("ORG", "team")
            and all(w[:1].isupper() for w in words)
        ):
            found.name(sent, s.start, s.end, "ORG", "team")


def _score_at(toks: list[Token], k: int) -> bool:
    """ "1 – 0" starting at token k."""
    return (
        k + 2 < len(toks)
        and bool(_SCORE.fullmatch(toks[k].text))
        and toks[k + 1].text in DASHES
        and bool(_SCORE.fullmatch(toks[k + 2].text))
    )


# In order: the first rule to settle a name wins (a team before a publication).
RULES = (_teams, _publications, _owners, _works, _places, _things)
