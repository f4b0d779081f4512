"""Organization evidence the small model misses or gets wrong, on the light parse.

The tagger often calls a person an ORG ("Linus Pauling, a chemist"), an adjective an ORG
("Alpine valleys"), cuts a name at a preposition ("Committee for Relief" + "Wounded") or
fuses two organizations into one ("Cavendish Laboratory of the University of Cambridge").
These rules use what the sentence says around the span: class nouns in appositives and
before names, the shape of the name, and parenthesised short forms.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from quizgen._extract._types import Entity, Sentence
from quizgen._lexicon import (
    MOVEMENT_WORDS,
    NAME_LINKS,
    ORG_CLASS_NOUNS,
    ORG_WORDS,
    PART_HEADS,
    PERSON_NOUNS,
    PERSON_ORG_TAILS,
    PUBLISH_VERBS,
    THING_NOUNS,
    WHOLE_HEADS,
)


@dataclass
class Span:
    """An entity span of one sentence: tokens [start, end) with its label.

    `settled` when the words around the name decided its kind (`_context`): the span rules
    then only trim it. `subtype` is an organization's subtype those words gave ("team").
    """

    sent_index: int
    start: int
    end: int
    label: str
    settled: bool = False
    subtype: str | None = None


# Suffixes of demonyms and adjectives ("Alpine", "Swiss-Italian", "Nordic", "Methodist").
_ADJECTIVE_END = re.compile(r"(?:ine|an|ese|ish|ic|ical|ian|ean|ern|ary|ist)$")


def is_person_noun(word: str) -> bool:
    """A noun only a person can be: "chemist", "economist", "campaigner"."""
    w = word.lower()
    return w in PERSON_NOUNS or (w.endswith(("ist", "ian")) and len(w) > 5)


def appositive_class(sent: Sentence, head: int, end: int) -> str | None:
    """ "org" / "person" when the name at `head` has an appositive naming its class."""
    for child in sent.children(head):
        if child.dep == "appos" and child.i >= end and child.pos == "NOUN":
            word = child.lower_text
            if word in ORG_CLASS_NOUNS:
                return "org"
            if is_person_noun(word):
                return "person"
    return None


def title_class(sent: Sentence, start: int, head: int) -> str | None:
    """ "person" / "org" from a lowercase class noun right before the name or governing it:
    "the economist and peace campaigner Frédéric Passy", "the journal Nature"."""
    toks = sent.tokens
    before = toks[start - 1] if start else None
    # the noun must modify the name: in "the company Henry Ford built" it is the object of
    # "built", and Henry Ford is no company
    if (
        before is not None
        and before.pos == "NOUN"
        and before.text.islower()
        and start <= before.head < head + 1
    ):
        if is_person_noun(before.text):
            return "person"
        if before.lower_text in ORG_CLASS_NOUNS and before.lower_text not in ("group", "tank"):
            return "org"
    tok = toks[head]
    parent = toks[tok.head]
    if tok.dep in ("conj", "appos") and parent.text.islower() and is_person_noun(parent.text):
        return "person"
    return None


def is_modifier_word(sent: Sentence, start: int, end: int) -> bool:
    """One capitalised adjective or demonym modifying a common noun: "Alpine valleys"."""
    if end - start != 1:
        return False
    tok = sent.tokens[start]
    if tok.dep not in ("amod", "compound"):
        return False
    parent = sent.tokens[tok.head]
    if not (tok.head >= end and parent.pos == "NOUN" and parent.text.islower()):
        return False
    if parent.lemma.lower() in THING_NOUNS:
        return True
    if tok.text.isupper():
        return False  # "MRC group", "NATO summit": an acronym before a noun is still a name
    return (
        tok.pos == "ADJ"
        or bool(_ADJECTIVE_END.search(tok.lower_text))
        or tok.lower_text in MOVEMENT_WORDS  # "the Allied blockade", tagged PROPN
    )


def relative_who(sent: Sentence, head: int, end: int) -> bool:
    """ "Under Roux, who directed it": only a person takes "who"."""
    return any(
        child.dep == "relcl"
        and child.i > end
        and any(sent.tokens[i].lower_text == "who" for i in sent.subtree(child.i)[:2])
        for child in sent.children(head)
    )


def lowercase_words(sentences: Sequence[Sentence]) -> set[str]:
    """Words the text writes in lower case far more often than capitalised: common nouns
    ("the wounded" five times, "Wounded" once), not a company that is also a word ("Shell")."""
    lower: dict[str, int] = {}
    title: dict[str, int] = {}
    for sent in sentences:
        for k, t in enumerate(sent.tokens):
            if not t.text.isalpha():
                continue
            if t.text.islower() and k > 0:  # a sentence's first word is capitalised anyway
                lower[t.text] = lower.get(t.text, 0) + 1
            elif t.text.istitle():
                title[t.text.lower()] = title.get(t.text.lower(), 0) + 1
    return {w for w, n in lower.items() if n > 2 * title.get(w, 0)}


def first_name_before(sent: Sentence, start: int, end: int) -> bool:
    """ "Oswald Avery" tagged ORG on "Avery" alone: an untagged capitalised word compounding
    a one-word name is a first name."""
    if end - start != 1 or start == 0:
        return False
    prev, tok = sent.tokens[start - 1], sent.tokens[start]
    return (
        prev.pos == "PROPN"
        and not prev.ent
        and prev.dep == "compound"
        and prev.head == start
        and prev.text[:1].isupper()
        and prev.text.isalpha()
        and not prev.text.isupper()
        and not tok.text.isupper()
    )


def published_in(sent: Sentence, start: int, end: int) -> bool:
    """ "printed in Nature": the name a paper appears in is a journal."""
    toks = sent.tokens
    k = start - 1 - (start > 1 and toks[start - 1].lower_text == "the")  # "in The Lancet"
    if k < 0 or toks[k].lower_text != "in":
        return False
    prep = toks[k]
    return toks[prep.head].lemma in PUBLISH_VERBS and toks[prep.head].pos == "VERB"


def acronym_after(sent: Sentence, end: int) -> tuple[int, str] | None:
    """ "(ACR)" after a name, allowing name words the parse left out before it:
    returns (index of "(", the short form)."""
    toks = sent.tokens
    k = end
    while k < len(toks) and k - end < 8:
        t = toks[k]
        if t.text == "(":
            break
        name_like = (
            t.text[:1].isupper()
            or t.lower_text in NAME_LINKS
            or (k > 0 and toks[k - 1].text == "-" and t.text.isalpha())
            or not t.text.strip()
        )
        if not name_like:
            return None
        k += 1
    if k + 2 < len(toks) and toks[k].text == "(" and toks[k + 2].text == ")":
        short = toks[k + 1].text
        if short[:1].isupper() and short.isalpha() and 2 <= len(short) <= 12:
            return k, short
    return None


def is_short_form(short: str, full: str) -> bool:
    """ "OECD" of "Organisation for Economic Co-operation and Development", "Caltech" of
    "California Institute of Technology": same first letter, letters in order."""
    if not short or not full or short[0].lower() != full[0].lower():
        return False
    if short.isupper():
        initials = "".join(w[0] for w in re.split(r"[\s-]+", full) if w and w[0].isupper())
        if short == initials:
            return True
    rest = iter(full.lower())
    return all(ch in rest for ch in short.lower()) and short.lower() != full.lower()


def split_part_of(sent: Sentence, start: int, end: int) -> tuple[int, int, int] | None:
    """ "Cavendish Laboratory of the University of Cambridge" -> (left end, right start, end)
    when both sides are organization names: the part names a head word, the whole starts or
    ends with one; or the part holds an organization word and the whole starts with a head
    word ("... Committee on Intellectual Cooperation of the League of Nations")."""
    toks = sent.tokens
    for k in range(start + 2, end - 1):
        if toks[k].lower_text != "of":
            continue
        right = k + 1 + (toks[k + 1].lower_text == "the")
        words = [t.lower_text for t in toks[right:end]]
        if len(words) < 2:
            continue
        whole = words[0] in WHOLE_HEADS or words[-1] in WHOLE_HEADS
        if toks[k - 1].lower_text in PART_HEADS and whole:
            return k, right, end
        # "International Committee on Intellectual Cooperation of the League of Nations": a
        # body's name before "of" and a whole's head word after it
        if words[0] in WHOLE_HEADS and any(t.lower_text in ORG_WORDS for t in toks[start:k]):
            return k, right, end
    return None


_TAIL_LINKS = (("to", "the"), ("to",), ("for", "the"), ("for",), ("of", "the"), ("on", "the"))


def merge_name_tails(sentences: Sequence[Sentence], spans: list[Span]) -> list[Span]:
    """ "the International Committee for Relief" + "to the" + "Wounded": the parse cut one name
    in two. Joins an ORG span and a following ORG span with no organization word of its own."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.sent_index, s.start)):
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.sent_index == span.sent_index
            and prev.label == span.label == "ORG"
        ):
            toks = sentences[span.sent_index].tokens
            link = tuple(t.lower_text for t in toks[prev.end : span.start])
            words = [t.lower_text for t in toks[span.start : span.end]]
            if (
                link in _TAIL_LINKS
                and any(t.lower_text in ORG_WORDS for t in toks[prev.start : prev.end])
                and not any(w in ORG_WORDS for w in words)
                and not toks[span.start].text.isupper()
                and len(words) <= 3
            ):
                out[-1] = Span(span.sent_index, prev.start, span.end, "ORG")
                continue
        out.append(span)
    return out


def class_noun_spans(sentences: Sequence[Sentence], spans: list[Span]) -> list[Span]:
    """Names the tagger missed right after an organization class noun: "the union Unite"."""
    out = []
    for sent in sentences:
        toks = sent.tokens
        for t in toks:
            if not (
                t.pos == "NOUN"
                and t.text.islower()
                and t.lower_text in ORG_CLASS_NOUNS
                and t.lower_text not in ("group", "tank")
            ):
                continue
            j = t.i + 1
            while j < len(toks) and toks[j].pos == "PROPN" and toks[j].text[:1].isupper():
                if toks[j].ent:
                    break
                j += 1
            if j > t.i + 1 and t.i + 1 <= t.head < j and toks[j - 1].ent == "":
                out.append(Span(sent.index, t.i + 1, j, "ORG"))
    return out


def coordinated_people(sentences: Sequence[Sentence]) -> list[Span]:
    """ "the Taft, Wilson, and Harding administrations": names listed before a plural
    institution word ("administrations", "governments") are people, one each; the tagger
    makes one of them an organization."""
    out = []
    for sent in sentences:
        toks = sent.tokens
        for t in toks:
            if t.lemma not in PERSON_ORG_TAILS or t.lower_text == t.lemma:
                continue
            names: list[tuple[int, int]] = []
            end = k = t.i
            while k > 0:
                prev = toks[k - 1]
                if prev.text[:1].isupper() and prev.pos == "PROPN":
                    k -= 1
                    continue
                if end > k:
                    names.append((k, end))
                if prev.text != "," and prev.lower_text not in ("and", "or"):
                    break
                k -= 1
                end = k
            if k == 0 and end > k:
                names.append((k, end))
            if len(names) >= 2:
                out.extend(Span(sent.index, a, b, "PERSON") for a, b in names)
    return out


def attach_part_of(sentences: Sequence[Sentence], orgs: list[Entity]) -> None:
    """ "the Cavendish Laboratory of the University of Cambridge": the laboratory is part of
    the university."""
    starts = {(m.sent_index, m.start): o for o in orgs for m in o.mentions}
    for org in orgs:
        if org.part_of is not None:
            continue
        for m in org.mentions:
            toks = sentences[m.sent_index].tokens
            if m.end >= len(toks) or toks[m.end].lower_text != "of":
                continue
            if toks[m.end - 1].lower_text not in PART_HEADS:
                continue
            k = m.end + 1 + (m.end + 1 < len(toks) and toks[m.end + 1].lower_text == "the")
            whole = starts.get((m.sent_index, k))
            if whole is not None and whole is not org:
                org.part_of = whole.name
                break
