"""Context rules for people the tagger missed or mislabelled, read from their neighbours
(issue 11): a bare name doing what only people do ("Eisenhower did not agree"), a name
joined to a person's ("both McGovern and Senator Ann Lowe"), an untagged name between
people in a list ("Ulreich, Rafinha, Hummels") and a ruler with a number ("Abdülmecid
II"). Run after `_people`'s rules, in `_people.RULES`.
"""

from __future__ import annotations

import re
from itertools import pairwise

from wordfreq import zipf_frequency

from quizgen._extract._found import NAME_LABELS, Found, is_cap, run_at
from quizgen._extract._gazetteer import is_place_name
from quizgen._extract._types import Sentence, Token
from quizgen._lexicon import (
    ARTICLES,
    ETHNIC_WORDS,
    EVENT_HEADS,
    FAITH_WORDS,
    MIND_VERBS,
    MOVEMENT_WORDS,
    NATIONALITY_ENDINGS,
    ORG_NAME_HEADS,
    ORG_WORDS,
    PARTY_PLURALS,
    PERSON_SUBJECT_VERBS,
    PLACE_PREPOSITIONS,
    REGNAL_TITLES,
    TITLE_WORDS,
)


def _ruler(toks: list[Token], a: int, b: int) -> bool:
    """Are tokens [a, b) one capitalised name with a ruler's number after it or a ruler's
    title before it ("Abdülmecid II", "Sultan Mehmed VI", "Sultan Vahdettin")? Not "Super
    Bowl XL", "World War II": a numbered thing of two words."""
    if b <= a or not all(t.text[:1].isupper() for t in toks[a:b]):
        return False
    titled = toks[a].lower_text in REGNAL_TITLES and toks[a].text.istitle()
    numbered = _REGNAL_NUMBER.fullmatch(toks[b - 1].text) is not None
    return (titled or numbered) and b - a - titled - numbered == 1


def untagged_subjects(found: Found) -> None:
    """ "Eisenhower did not agree with the ruling": a bare name the tagger left untagged,
    one to three capitalised proper nouns with no article and no organization's or title's
    word, that is the subject of what only people do (MIND_VERBS, PERSON_SUBJECT_VERBS), is
    a person's, in every sentence ("Eisenhower then placed the Guard ...")."""
    for sent in found.sentences:
        toks = sent.tokens
        for t in toks:
            verb = toks[t.head]
            if t.dep != "nsubj" or t.ent or t.pos != "PROPN" or not t.text.istitle():
                continue
            if verb.lemma.lower() not in MIND_VERBS | PERSON_SUBJECT_VERBS:
                continue
            start, end = run_at(toks, t.i)
            words = [w.lower_text for w in toks[start:end]]
            if (
                end - start > 3
                or t.i != end - 1  # the name's last word is its head
                or (start and toks[start - 1].lower_text in ARTICLES)
                or not all(w.text.isalpha() for w in toks[start:end])
                or any(w in ORG_WORDS or w in ORG_NAME_HEADS or w in TITLE_WORDS for w in words)
            ):
                continue
            if start == 0 and _common_word(found, toks[0].text):
                continue  # "Knowledge of the structure led scientists to ...": a noun
            found.add(sent, start, end, "PERSON", settled=True)
            found.name(sent, start, end, "PERSON")


def _common_word(found: Found, word: str) -> bool:
    """Is `word`, capitalised as a sentence's first, a common English word (wordfreq Zipf
    4.5 or more: "Knowledge", "History"; not "Eisenhower", 3.4) the text never capitalises
    inside a sentence?"""
    return word not in found.inside_words and zipf_frequency(word.lower(), "en") >= 4.5


def partners(found: Found) -> None:
    """ "spied on both Garrity and Senator Ann Lowe": a one-word name the tagger called a
    people or a body, joined by "and"/"or" to a person's name, is a person too, in every
    sentence ("Garrity's press plane"). Not a country ("Chile and Ann Lowe"), a side or a
    creed ("Methodist"), a nationality ("the Kenyan and Ann Lowe"), nor a name after "in"
    ("in Petrograd, Lowe and Reis left": the parse may join the place to the people)."""
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        label = found.label_of(s)
        word = toks[s.start].text
        if (
            label not in ("NORP", "ORG")
            or s.end - s.start != 1
            or (s.start and toks[s.start - 1].lower_text in PLACE_PREPOSITIONS)
            or not (word[:1].isupper() and word.isalpha())  # "McGovern" is no istitle()
            or word.isupper()  # "NATO and Ann Lowe": a body's initials
            or word.lower() in ORG_WORDS | ORG_NAME_HEADS | MOVEMENT_WORDS | FAITH_WORDS
            or word.lower() in ETHNIC_WORDS | PARTY_PLURALS
            or (label == "NORP" and word.lower().endswith(NATIONALITY_ENDINGS))
            or is_place_name(word)
        ):
            continue
        head = toks[s.start]
        joined = [c.i for c in sent.children(head.i) if c.dep == "conj"]
        if head.dep == "conj":
            joined.append(head.head)
        if any((c := found.covering(sent, i)) and found.label_of(c) == "PERSON" for i in joined):
            found.name(sent, s.start, s.end, "PERSON")


# A ruler's number: "II", "XIV" (two letters or more: "I" is a pronoun, "V" a letter).
_REGNAL_NUMBER = re.compile(r"(?=[IVX]{2,}$)X{0,3}(?:IX|IV|V?I{0,3})")


def numbered_rulers(found: Found) -> None:
    """ "Abdülmecid II", "Sultan Mehmed VI and Abdülmecid II": a capitalised name with a
    ruler's number after it, or a ruler's title before it (REGNAL_TITLES), is a person,
    whatever span the tagger made of it; a list of them ("A and B") is one person each."""
    for s in found.spans:
        label = found.label_of(s)
        if label not in NAME_LABELS or label in ("PERSON", "PRODUCT"):
            continue  # "Apollo XI" (PRODUCT): a numbered craft
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        words = [t.lower_text for t in toks[s.start : s.end]]
        if any(w in ORG_WORDS or w in ORG_NAME_HEADS or w in EVENT_HEADS for w in words):
            continue
        parts, start = [], s.start
        for k in range(s.start, s.end + 1):
            if k == s.end or toks[k].lower_text in ("and", ","):
                parts.append((start, k))
                start = k + 1
        people = [(a, b) for a, b in parts if _ruler(toks, a, b)]
        if any(_REGNAL_NUMBER.fullmatch(toks[b - 1].text) for _, b in people):
            for a, b in people:
                found.add(sent, a, b, "PERSON", settled=True)


def listed_people(found: Found) -> None:
    """ "Sven Ulreich (goalkeeper), Rafinha, Mats Hummels, ...": an untagged name of one to
    three capitalised words standing alone between two commas of a list, with a person's
    name in the item before and opening the item after, is a person's (a squad, a cast, a
    list of signatories). Not "Ann Lowe, Chicago, and Ed Reis": the tagger knows the place."""
    for sent in found.sentences:
        toks = sent.tokens
        cuts = [-1, *(t.i for t in toks if t.text == ","), len(toks)]
        items = [(a + 1, b) for a, b in pairwise(cuts)]
        for n in range(1, len(items) - 1):
            start, end = items[n]
            if end - start and toks[start].lower_text == "and":
                start += 1
            run = toks[start:end]
            if not (
                1 <= len(run) <= 3
                and all(is_cap(t) and t.text.isalpha() and not t.ent for t in run)
                and all(t.pos == "PROPN" for t in run)
                and not any(t.lower_text in ORG_WORDS or t.lower_text in TITLE_WORDS for t in run)
            ):
                continue
            before = range(*items[n - 1])
            after = items[n + 1][0]
            if _person_opens(found, sent, after) and any(
                (c := found.covering(sent, k)) and found.label_of(c) == "PERSON" for k in before
            ):
                found.add(sent, start, end, "PERSON", settled=True)


def _person_opens(found: Found, sent: Sentence, k: int) -> bool:
    """Does a person's name (tagged or settled) open at token k, or after an "and" there?"""
    toks = sent.tokens
    if k < len(toks) and toks[k].lower_text == "and":
        k += 1
    span = found.covering(sent, k) if k < len(toks) else None
    return span is not None and span.start == k and found.label_of(span) == "PERSON"
