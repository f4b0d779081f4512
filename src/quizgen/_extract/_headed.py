"""Context rules for names glued together or cut around a head word (issue 11).

The small model glues a body to the person named right after it ("the Refugee Council
Enver Solomon told ..." as one ORG) and two people typed on one line into one, and it
misses a body named by a lower-case head noun after a capitalised adjective ("the Jesuit
college at Braunsberg"). Each rule reads `Found` and adds spans; they run before the rules of `_names`, which would otherwise lengthen the
glued name further.
"""

from __future__ import annotations

import re

from quizgen._extract._found import Found, is_cap, run_at
from quizgen._extract._orgs import is_person_noun
from quizgen._extract._types import Sentence, Token
from quizgen._lexicon import (
    ARTICLES,
    FOREIGN_ORG_STEMS,
    GROUP_NUMBERS,
    NAME_LINKS,
    ORG_NAME_HEADS,
    ORG_WORDS,
    PERSON_SUBJECT_VERBS,
    TITLE_WORDS,
    is_honorific,
)

_SUBJECT = ("nsubj", "nsubjpass")
_AT = ("at", "in")  # "the Jesuit college at Braunsberg"; not "to", "from": a motion


def _split_org_person(found: Found) -> None:
    """ "the Refugee Council Enver Solomon told ...", "head of the Housing Council Mara Quill
    said ...": an organization's head word followed by a person's name, tagged as one ORG
    (or ORG + a bit of the person), is the body and then the person. The person is two or
    three capitalised proper nouns, none an organization's or a title's word, that run
    into a PERSON span, are a subject or stand right before a verb."""
    for s in found.spans:
        if s.label != "ORG" or s.end - s.start < 2:
            continue
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        k = s.end - 1
        while k > s.start and _name_word(toks[k]) and toks[k].lower_text not in ORG_WORDS:
            k -= 1
        if not (toks[k].lower_text in ORG_WORDS and toks[k].text.istitle()):
            continue
        end = s.end
        while end < len(toks) and not toks[end].ent and _name_word(toks[end]):
            end += 1  # "Enver", untagged, before the tagger's "Solomon"
        after = found.covering(sent, end) if end < len(toks) else None
        tagged = after is not None and after.label == "PERSON" and after.start == end
        end = after.end if tagged and after is not None else end
        person = toks[k + 1 : end]
        if not 2 <= len(person) <= 3 or not all(_name_word(t) for t in person):
            continue
        verb = end < len(toks) and toks[end].pos in ("VERB", "AUX")
        if not (tagged or verb or toks[end - 1].dep in _SUBJECT):
            continue  # "... Council Mara Quill said": a person's name, then what they did
        found.add(sent, s.start, k + 1, "ORG")
        found.add(sent, k + 1, end, "PERSON")


def _name_word(t: Token) -> bool:
    """A word that can be part of a person's name: capitalised, a proper noun, and no
    organization's, title's or link word."""
    return (
        is_cap(t)
        and t.pos == "PROPN"
        and t.lower_text not in ORG_WORDS
        and t.lower_text not in ORG_NAME_HEADS
        and t.lower_text not in TITLE_WORDS
        and t.lower_text not in NAME_LINKS
        and not is_honorific(t.text)
    )


def _adjective_bodies(found: Found) -> None:
    """ "the Jesuit college at Braunsberg", "a Lutheran seminary in Leipzig": a capitalised
    adjective (a group of people: a creed, a nation) before a lower-case organization head
    noun, placed by "at"/"in" and a place's name, is one body, named with its place. Not
    without the place: "a Jesuit college" alone names no one body."""
    for sent in found.sentences:
        toks = sent.tokens
        for k in range(1, len(toks) - 2):
            head = toks[k]
            if head.lower_text not in ORG_NAME_HEADS or not head.text.islower():
                continue
            adj = toks[k - 1]
            if not is_cap(adj) or adj.ent not in ("NORP", "ORG", "") or k - 1 == 0:
                continue
            if not _placed(found, sent, k + 1):
                continue
            if toks[k - 2].lower_text not in ARTICLES:
                continue  # "his Jesuit college": no name, a description
            place = found.covering(sent, k + 2)
            assert place is not None
            found.add(sent, k - 1, place.end, "ORG")


def _placed(found: Found, sent: Sentence, k: int) -> bool:
    """Does token k open "at/in PLACE", the place a tagged GPE or LOC name?"""
    toks = sent.tokens
    if k + 1 >= len(toks) or toks[k].lower_text not in _AT:
        return False
    place = found.covering(sent, k + 1)
    return place is not None and place.start == k + 1 and place.label in ("GPE", "LOC")


def _split_people(found: Found) -> None:
    """ "Maximilian Roth Pierre-Yves Caron" (a substitution typed as a line: one player for
    another): a PERSON span of four words or more that is two names of two words or more,
    one of them a whole PERSON name elsewhere in the text, is two people."""
    whole = {
        found.sentences[s.sent_index].span_text(s.start, s.end)
        for s in found.spans
        if s.label == "PERSON"
    }
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        if s.label != "PERSON" or len(sent.span_text(s.start, s.end).split()) < 4:
            continue
        for k in range(s.start + 2, s.end - 1):
            if not sent.tokens[k - 1].ws:
                continue  # inside a hyphenated word
            left, right = sent.span_text(s.start, k), sent.span_text(k, s.end)
            if min(len(left.split()), len(right.split())) >= 2 and (
                left in whole or right in whole
            ):
                found.add(sent, s.start, k, "PERSON")
                found.add(sent, k, s.end, "PERSON")
                break


def _cited_authors(found: Found) -> None:
    """ "(Crawford & Ames, 1989)", "Crawford and Ames (1989)", "Ames et al. (2001)": the
    names of an author-year citation are people, in every mention; the tagger often calls
    "A & B" a firm. One name alone is left: "(London, 1999)" cites a place."""
    for sent in found.sentences:
        toks = sent.tokens
        for k, t in enumerate(toks):
            if not (_YEAR.fullmatch(t.text) and k >= 3 and toks[k - 1].text in ("(", ",")):
                continue
            names, j, joined = [], k - 2, False
            if toks[j].text == "." and toks[j - 1].lower_text == "al" and j >= 3:
                j -= 3  # "Ames et al."
                joined = toks[j + 1].lower_text == "et"
            while j >= 0 and is_cap(toks[j]) and toks[j].pos == "PROPN":
                names.append(j)
                j -= 1
                if j >= 1 and toks[j].text in ("&", "and"):
                    joined, j = True, j - 1 - (toks[j - 1].text == ",")  # "B, & C"
                elif j >= 1 and toks[j].text == ",":
                    j -= 1
                else:
                    break
            inside = bool(names) and min(names) >= 1 and toks[min(names) - 1].text == "("
            # "Crawford & Ames (1989) identify ...": names, then a year, then their verb; not
            # "Marks & Spencer (1884)", a firm and its founding year
            said = (
                toks[k - 1].text == "("
                and k + 2 < len(toks)
                and toks[k + 1].text == ")"
                and toks[k + 2].pos == "VERB"  # not "is": "X & Y (1884) is a retailer"
            )
            if not (names and joined and (inside or said)):
                continue
            for i in names:
                found.add(sent, i, i + 1, "PERSON", settled=True)
                found.name(sent, i, i + 1, "PERSON")


_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")


def _possessed_people(found: Found) -> None:
    """ "the New Harbour Party's Ella Marsh was re-elected": a name of two or three
    capitalised words, untagged or tagged ORG without a body's word, right after a body's possessive, the subject of a verb only
    people do (PERSON_SUBJECT_VERBS), is a person: the party's or the firm's member."""
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        if s.label != "ORG":
            continue
        k = s.end if toks[s.end - 1].text in _POSSESSIVE else s.end + 1
        if k - 1 >= len(toks) or toks[k - 1].text not in _POSSESSIVE:
            continue
        tagged = found.covering(sent, k) if k < len(toks) else None
        if tagged is not None and tagged.label == "ORG" and tagged.start == k:
            end = tagged.end  # "Party's" + "Ella Marsh" tagged ORG: no body's word in it
        elif tagged is None:
            end = k
            while end < len(toks) and not toks[end].ent and _name_word(toks[end]):
                end += 1
        else:
            continue
        if not 2 <= end - k <= 3 or not all(_name_word(t) for t in toks[k:end]):
            continue
        if _acts_as_person(sent, end - 1):
            found.add(sent, k, end, "PERSON")


def _acts_as_person(sent: Sentence, i: int) -> bool:
    """Is token i the subject of a verb only a person does ("said", "was re-elected")? Not
    "Microsoft's Windows Vista was released": a product after a firm's possessive."""
    toks = sent.tokens
    if toks[i].dep not in _SUBJECT:
        return False
    # the verb the subject hangs on, or the first after it ("was re-elected" parses as
    # "Marsh" <- "was", with "elected" the root)
    verbs = [toks[toks[i].head], *(t for t in toks[i + 1 : i + 5] if t.pos == "VERB")]
    return any(v.lemma.lower() in PERSON_SUBJECT_VERBS for v in verbs)


_POSSESSIVE = ("’s", "'s")


def _foreign_bodies(found: Found) -> None:
    """ "the Universitätsklinik Halle": an untagged capitalised name with a body's word of
    another language inside one of its words (FOREIGN_ORG_STEMS) is a body; the small
    English model tags no such name."""
    for sent in found.sentences:
        toks = sent.tokens
        for t in toks:
            if t.ent or not is_cap(t) or found.covering(sent, t.i) is not None:
                continue
            if any(stem in t.lower_text for stem in FOREIGN_ORG_STEMS):
                start, end = run_at(toks, t.i)
                found.add(sent, start, end, "ORG")


def _numbered_groups(found: Found) -> None:
    """ "the Little Rock Nine" in a text that says "the nine students": a name ending in a
    number word is a group of people when the text counts people by that number ("the
    nine students", "the seven men"); "the Shanghai Five" with "the five states" stays
    a body."""
    counted = set()
    for sent in found.sentences:
        toks = sent.tokens
        for t in toks[:-1]:
            noun = toks[t.i + 1]
            if t.lower_text in GROUP_NUMBERS and noun.pos == "NOUN" and is_person_noun(noun.lemma):
                counted.add(t.lower_text)
    if not counted:
        return
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        last = sent.tokens[s.end - 1]
        if s.label == "ORG" and s.end - s.start >= 2 and last.lower_text in counted:
            found.name(sent, s.start, s.end, "NORP")


def _airlines(found: Found) -> None:
    """ "the bombing of Pan Am Flight 103": the capitalised words before "Flight" and its
    number name the airline (a company) that flew it; the tagger takes only "Flight 103"."""
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        if s.label != "PRODUCT" or s.start == 0 or toks[s.start].text != "Flight":
            continue
        start, end = run_at(toks, s.start - 1)
        if end == s.start and is_cap(toks[start]) and toks[start].lower_text not in ARTICLES:
            found.add(sent, start, end, "ORG")
            found.name(sent, start, end, "ORG", "company")


def _scorers(found: Found) -> None:
    """ "Renato Sanches 84'", "Christian Pulisic 12' 90'": a name and the minute of a match
    it scored or came on in; the craft pattern ("Pioneer 10") takes "Sanches 84" for a
    vehicle and the tagger "Christian" for a group. The name before the minute is a person."""
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        if s.label != "PRODUCT" or s.end >= len(toks) or toks[s.end].text not in _MINUTE_MARKS:
            continue
        start = s.start
        while start > 0 and is_cap(toks[start - 1]) and toks[start - 1].pos == "PROPN":
            before = found.covering(sent, start - 1)
            if before is not None and before.label != "NORP":
                break
            start -= 1
        if s.end - 1 - start >= 1 and all(_name_word(t) for t in toks[start : s.end - 1]):
            found.add(sent, start, s.end - 1, "PERSON")


_MINUTE_MARKS = ("'", "’", "′")


RULES = (
    _split_org_person,
    _adjective_bodies,
    _split_people,
    _cited_authors,
    _possessed_people,
    _foreign_bodies,
    _numbered_groups,
    _airlines,
    _scorers,
)
