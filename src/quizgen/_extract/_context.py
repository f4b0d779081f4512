"""Kinds read from the words around a name, over the whole text (issue 11).

The small model tags a name by its own shape: "Sweden" is a place, "Vogue" a person,
"Alpine Seed Library" nothing. What the sentence says around it often settles the kind:
"Sweden defeated South Korea" in a match report names teams, "Vogue magazine" a
publication, "sons Clarence, Edward, Ted, and Kecalf" four people. Each rule here reads
one such cue and settles a span, or a name for every mention of it ("Irène" is a person
in every sentence once "their first daughter, Irène" said so). Runs on the light parse
before the span rules of `_spans`, which then only trim a settled span.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from quizgen._extract._orgs import Span
from quizgen._extract._types import Sentence, Token
from quizgen._lexicon import (
    ARTICLES,
    EVENT_NOUNS,
    KIN_NOUNS,
    KIND_OF_LABEL,
    LAB_THING_NOUNS,
    NAMING_VERBS,
    ORG_CLASS_NOUNS,
    ORG_NAME_HEADS,
    ORG_WORDS,
    OWNER_NOUNS,
    PLACE_VERBS,
    PUBLICATION_CLASS_NOUNS,
    PUBLICATION_NOUNS,
    PUBLICATION_VERBS,
    SPORT_VERBS,
    SPORT_WORDS,
    TEAM_PREPOSITIONS,
    THING_NOUNS,
    TITLE_WORDS,
    WORK_NOUNS,
    is_honorific,
)

# Labels a name-wide decision may change; dates, numbers and money keep theirs.
_NAME_LABELS = frozenset({"PERSON", "ORG", *KIND_OF_LABEL})
_DASHES = ("-", "–", "—")
_NEWS = "news outlet"


@dataclass
class _Found:
    """The spans of a text and what the context rules settled about them.

    `spans` is replaced, never changed in place (`merge`), so the indexes built from it
    hold until the next rule: the rules run over a book's thousands of spans.
    """

    sentences: Sequence[Sentence]
    spans: list[Span]
    added: list[Span] = field(default_factory=list)  # new spans, replacing what they overlap
    names: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # "" drops
    _at: dict[tuple[int, int], Span] | None = None
    _people: dict[int, dict[str, set[str]]] = field(default_factory=dict)

    def merge(self) -> None:
        """Put the added spans in, replacing what they overlap; the indexes go stale."""
        if self.added:
            self.spans = _merged(self)
            self.added = []
            self._at = None
            self._people = {}

    def people(self, least: int = 1) -> dict[str, set[str]]:
        """Word (lower case) -> the texts of the names of `least` words or more, tagged
        PERSON, that hold it."""
        if least not in self._people:
            index: dict[str, set[str]] = {}
            for s in self.spans:
                if s.label == "PERSON" and s.end - s.start >= least:
                    text = self.sentences[s.sent_index].span_text(s.start, s.end)
                    for w in text.split():
                        index.setdefault(w.lower(), set()).add(text)
            self._people[least] = index
        return self._people[least]

    def add(self, sent: Sentence, start: int, end: int, label: str, **kw: object) -> None:
        self.added.append(Span(sent.index, start, end, label, **kw))  # type: ignore[arg-type]

    def name(
        self, sent: Sentence, start: int, end: int, label: str, sub: str | None = None
    ) -> None:
        """Every mention of the name at [start, end) is of `label` (the first rule to say wins)."""
        key = name_text(sent, start, end)
        if key:
            self.names.setdefault(key, (label, sub))

    def label_of(self, span: Span) -> str:
        """The span's label, or the one a rule before settled for its name."""
        sent = self.sentences[span.sent_index]
        decided = self.names.get(name_text(sent, span.start, span.end))
        return decided[0] if decided is not None and span.label in _NAME_LABELS else span.label

    @cached_property
    def inside_words(self) -> frozenset[str]:
        """Every word the text writes somewhere other than at a sentence's start."""
        return frozenset(t.text for sent in self.sentences for t in sent.tokens[1:])

    def covering(self, sent: Sentence, i: int) -> Span | None:
        if self._at is None:
            self._at = {(s.sent_index, k): s for s in self.spans for k in range(s.start, s.end)}
        return self._at.get((sent.index, i))


def name_text(sent: Sentence, start: int, end: int) -> str:
    """The name at [start, end) as every mention of it writes it: no "the", no "'s"."""
    toks = sent.tokens
    while start < end and toks[start].lower_text in ARTICLES:
        start += 1
    while end > start and toks[end - 1].text in ("’s", "'s", "’", "'", ","):
        end -= 1
    return sent.span_text(start, end) if start < end else ""


def context_spans(sentences: Sequence[Sentence], spans: list[Span]) -> list[Span]:
    """The spans with what the words around them say applied: new names the tagger missed
    ("Alpine Seed Library"), and names whose kind the context settles, mention by mention
    or for the whole text. Rules run in order; the first to settle a name wins."""
    found = _Found(sentences, spans)
    for rule in _RULES:
        rule(found)
        found.merge()
    out = []
    for s in found.spans:
        decided = found.names.get(name_text(sentences[s.sent_index], s.start, s.end))
        if decided is None or s.label not in _NAME_LABELS:
            out.append(s)
        elif decided[0]:
            out.append(Span(s.sent_index, s.start, s.end, decided[0], True, decided[1]))
    return out


def _merged(found: _Found) -> list[Span]:
    taken = {(s.sent_index, i) for s in found.added for i in range(s.start, s.end)}
    kept = [
        s for s in found.spans if not any((s.sent_index, i) in taken for i in range(s.start, s.end))
    ]
    return sorted([*kept, *found.added], key=lambda s: (s.sent_index, s.start))


# --- names the tagger missed or cut --------------------------------------------------------


def _is_cap(t: Token) -> bool:
    return t.text[:1].isupper() and any(c.isalpha() for c in t.text)


def _headed_names(found: _Found) -> None:
    """ "Alpine Seed Library", "Intrepid Sea-Air-Space Museum", "Library of Congress": the
    capitalised words before an organization head word, and an "of"/"for" chain after it,
    are one organization's name, whatever the tagger made of them."""
    for sent in found.sentences:
        toks = sent.tokens
        for t in toks:
            if t.lower_text not in ORG_NAME_HEADS or not t.text.istitle():
                continue
            start, end = _left_of(toks, t.i), _right_of(toks, t.i + 1)
            if end - start < 2:
                continue
            inside = found.covering(sent, t.i)
            if inside is not None and (
                inside.label not in ("ORG", "PERSON", "GPE", "NORP", "LOC")
                or (inside.label == "ORG" and not _extends(toks, inside, start, end))
            ):
                continue  # a work or a building named for the body, or the tagger's own
            found.add(sent, start, end, "ORG")


def _extends(toks: list[Token], span: Span, start: int, end: int) -> bool:
    """Does [start, end) hold the tagger's span and only untagged words besides?"""
    return (
        start <= span.start
        and span.end <= end
        and (start, end) != (span.start, span.end)
        and not any(toks[k].ent for k in [*range(start, span.start), *range(span.end, end)])
    )


def _left_of(toks: list[Token], head: int) -> int:
    k = head
    while k > 0:
        prev = toks[k - 1]
        joined = (
            ((prev.text in _DASHES and not prev.ws) or prev.lower_text == "and")
            and k >= 2
            and _is_cap(toks[k - 2])
        )
        if prev.text == "&" or joined:
            k -= 1
            continue
        if not _is_cap(prev) or prev.lower_text in ARTICLES or prev.text in ("’s", "'s"):
            break
        if prev.ent in ("DATE", "CARDINAL", "ORDINAL", "TIME", "MONEY", "PERCENT"):
            break
        if k - 1 == 0 and prev.pos not in ("PROPN", "ADJ"):
            break  # "Meanwhile Harvard University": a sentence's first word may be no name
        k -= 1
    return k


def _right_of(toks: list[Token], k: int) -> int:
    """The end of an "of"/"for" chain of capitalised words from token k: "of Congress",
    "for the Protection of Ancient Buildings"; "and" joins only words of the same name."""
    end = k
    while end < len(toks) and toks[end].lower_text in ("of", "for"):
        j = end + 1 + (end + 1 < len(toks) and toks[end + 1].lower_text == "the")
        run = j
        while run < len(toks) and (
            (_is_cap(toks[run]) and toks[run].lower_text not in TITLE_WORDS)
            or (toks[run].text in _DASHES and not toks[run].ws)
            or (
                toks[run].lower_text in ("and", "&")
                and run + 1 < len(toks)
                and _is_cap(toks[run + 1])
                and not _another_name(toks, run + 1)
            )
        ):
            run += 1
        if run == j or _another_name(toks, j):
            break  # "... Laboratory of the Massachusetts Institute": the whole is a body too
        end = run
    return end


def _another_name(toks: list[Token], k: int) -> bool:
    """Does the capitalised run at k end with a head word of its own ("... and Yale University")?"""
    while k < len(toks) and _is_cap(toks[k]):
        if toks[k].lower_text in ORG_NAME_HEADS:
            return True
        k += 1
    return False


def _cut_names(found: _Found) -> None:
    """ "Osborn Building on", "Detroit Walk to" + "Freedom", "Orbiter Processing" +
    "Facility-1": a name the tagger cut at a link word or before its last word."""
    for s in found.spans:
        if s.label not in ("ORG", "PERSON", "FAC"):
            continue
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        end = s.end
        if toks[end - 1].lower_text in ("to", "of", "for") and end < len(toks):
            run = end
            while run < len(toks) and _is_cap(toks[run]) and not toks[run].ent:
                run += 1
            if run > end:
                found.add(sent, s.start, run, s.label)
                continue
        while end > s.start + 1 and toks[end - 1].lower_text in ("on", "to", "in", "at", "of"):
            end -= 1
        head = sent.span_head(s.start, end)
        nxt = toks[end] if end < len(toks) else None
        if (
            nxt is not None
            and end == s.end
            and not nxt.ent
            and nxt.pos == "PROPN"
            and nxt.text[:1].isupper()
            and nxt.lower_text not in TITLE_WORDS
            and toks[head].head == nxt.i
        ):
            end += 1
        if end != s.end:
            found.add(sent, s.start, end, s.label)


def _split_pairs(found: _Found) -> None:
    """ "Alco's two divisions: Ikon and Unisource": two one-word names joined by "and" in one
    span are two bodies when each opens a longer name of the text ("Ikon Office Solutions")."""
    openers = {
        found.sentences[s.sent_index].tokens[s.start].text
        for s in found.spans
        if s.end - s.start > 1
    }
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        if (
            s.label == "ORG"
            and s.end - s.start == 3
            and toks[s.start + 1].lower_text == "and"
            and toks[s.start].text in openers
            and toks[s.start + 2].text in openers
        ):
            found.add(sent, s.start, s.start + 1, "ORG")
            found.add(sent, s.start + 2, s.end, "ORG")


def _event_acronyms(found: _Found) -> None:
    """ "the 2018 FIFA football World Cup", "the NCAA tournament": an acronym naming the
    event it hangs on is the body that runs it."""
    for sent in found.sentences:
        for t in sent.tokens:
            head = sent.tokens[t.head]
            if (
                t.text.isupper()
                and t.text.isalpha()
                and len(t.text) >= 3
                and t.ent in ("", "EVENT")
                and t.head > t.i
                and (head.ent == "EVENT" or head.lemma.lower() in EVENT_NOUNS)
            ):
                found.add(sent, t.i, t.i + 1, "ORG")


# --- people --------------------------------------------------------------------------------


def _run_at(toks: list[Token], i: int) -> tuple[int, int]:
    """The untagged capitalised name around token i, with its hyphened parts."""

    def part(k: int) -> bool:
        t = toks[k]
        return not t.ent and ((_is_cap(t) and t.pos == "PROPN") or (t.text in _DASHES and not t.ws))

    start, end = i, i + 1
    while start > 0 and part(start - 1):
        start -= 1
    while end < len(toks) and part(end):
        end += 1
    return start, end


def _listed_people(found: _Found) -> None:
    """ "Françoise Barré-Sinoussi and Luc Montagnier", "Niklaus and Johann II": an untagged
    name listed with a person is a person; in a list of people ("sons Clarence, Edward, Ted,
    and Kecalf") a one-word name the tagger called a place or a body is one too."""
    for sent in found.sentences:
        toks = sent.tokens
        groups: dict[int, list[int]] = {}
        for t in toks:
            if t.dep == "conj" and t.pos == "PROPN":
                root = t.i
                while toks[root].dep == "conj" and toks[root].head != root:
                    root = toks[root].head
                groups.setdefault(root, [root]).append(t.i)
        for members in groups.values():
            spans = [found.covering(sent, i) for i in members]
            people = sum(s is not None and s.label == "PERSON" for s in spans)
            if not people:
                continue
            others = any(s is not None and s.label != "PERSON" for s in spans)
            for i, s in zip(members, spans, strict=True):
                if s is None and not others and _is_cap(toks[i]) and toks[i].pos == "PROPN":
                    start, end = _run_at(toks, i)
                    if _untagged_name(toks, start, end):
                        found.add(sent, start, end, "PERSON", settled=True)
                elif (
                    s is not None
                    and s.label != "PERSON"
                    and s.end - s.start == 1
                    and 2 * people >= len(members)
                    and len(members) >= 3
                    and toks[s.start].lower_text not in ORG_WORDS
                    and toks[s.start].text.istitle()  # "Frank E. Bunts, MD, and ...": a degree
                ):
                    found.name(sent, s.start, s.end, "PERSON")


def _untagged_name(toks: list[Token], start: int, end: int) -> bool:
    """Two words or more, none a title or an organization's word, and no person's name
    right after ("Chinese President" + "Jiang Zemin" is a title)."""
    words = [t.lower_text for t in toks[start:end] if t.text not in _DASHES]
    return (
        len(words) >= 2
        and not any(w in ORG_WORDS or w in TITLE_WORDS or is_honorific(w) for w in words)
        and (end == len(toks) or toks[end].ent != "PERSON")
    )


def _kin_appositives(found: _Found) -> None:
    """ "Their first daughter, Irène,": a one-word name in apposition to a kin word is a
    person, in every sentence that names her."""
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        head = toks[sent.span_head(s.start, s.end)]
        parent = toks[head.head]
        if (
            s.label != "PERSON"
            and s.label in _NAME_LABELS
            and s.end - s.start == 1
            and head.dep == "appos"
            and parent.lemma.lower() in KIN_NOUNS
        ):
            found.name(sent, s.start, s.end, "PERSON")


def _a_persons(found: _Found, word: str, but: str = "", least: int = 1) -> bool:
    """Is `word` a word of a name of `least` words or more the tagger called a person, other
    than the name `but` (a body the tagger once called a person is no evidence of itself)?"""
    return bool(found.people(least).get(word.lower(), set()) - {but})


def _people_as_things(found: _Found) -> None:
    """ "Dries Mertens scored" tagged PRODUCT where "Mertens" is a person elsewhere: a
    thing's name of two capitalised words ending in a person's name is a person; then an
    organization's name all of whose words are people's ("Dries" + "Mertens") is one too."""
    added: set[str] = set()
    for labels in (("PRODUCT", "WORK_OF_ART"), ("ORG",)):
        for s in found.spans:
            sent = found.sentences[s.sent_index]
            text = sent.span_text(s.start, s.end)
            words = text.split()
            named = words[-1:] if labels[0] == "PRODUCT" else words
            if (
                s.label in labels
                and len(words) >= 2
                and all(w[:1].isupper() for w in words)
                and all(w.lower() in added or _a_persons(found, w, but=text) for w in named)
                and not any(w.lower() in ORG_WORDS for w in words)
            ):
                found.add(sent, s.start, s.end, "PERSON", settled=True)
                added.update(w.lower() for w in words)
        found.merge()


def _given_names(found: _Found) -> None:
    """ "nonpartisan Junius Ho" tagged PERSON on "Ho" alone: an untagged capitalised word
    compounding a person's name is their given name (not a title: "Governor Rick Perry")."""
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        prev = toks[s.start - 1] if s.start else None
        if (
            s.label == "PERSON"
            and prev is not None
            and prev.i > 0
            and not prev.ent
            and prev.pos == "PROPN"
            and prev.dep == "compound"
            and s.start <= prev.head < s.end
            and prev.text.istitle()
            and prev.text.isalpha()
            and prev.lower_text not in TITLE_WORDS | ORG_WORDS
            and not is_honorific(prev.text)
        ):
            found.add(sent, s.start - 1, s.end, "PERSON")


def _members(found: _Found) -> None:
    """ "Pan-democrat Lam Cheuk-ting from the Democratic Party": a name without an
    organization word, said to be of or from a party or another body, is a person; a
    descriptor before it ("Pan-democrat") is no part of the name."""
    for n, s in enumerate(found.spans):
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        nxt = found.spans[n + 1] if n + 1 < len(found.spans) else None
        k = s.end
        if (
            s.label != "ORG"
            or nxt is None
            or nxt.sent_index != s.sent_index
            or nxt.label != "ORG"
            or k >= len(toks)
            or toks[k].lower_text not in ("of", "from")
            or nxt.start not in (k + 1, k + 2)
            or any(t.lower_text in ORG_WORDS for t in toks[s.start : s.end])
            or not any(t.lower_text in ORG_WORDS for t in toks[nxt.start : nxt.end])
        ):
            continue
        start = s.start
        if s.end - start > 3 and toks[start + 1].text in _DASHES and toks[start + 2].text.islower():
            start += 3  # "Pan-democrat"
        name = toks[start : s.end]
        if len(name) >= 2 and all(
            _is_cap(t) or t.text in _DASHES or toks[t.i - 1].text in _DASHES  # "Cheuk-ting"
            for t in name
        ):
            found.add(sent, start, s.end, "PERSON", settled=True)


def _affiliations(found: _Found) -> None:
    """ "Frederick Fung of ADPL", "Gary Fan of the Neo Democrats", "Cheng Chung-tai of Civic
    Passion": what follows a person's "of"/"from" and is no place is their organization."""
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        k = s.end
        if s.label != "PERSON" or k + 1 >= len(toks) or toks[k].lower_text not in ("of", "from"):
            continue
        if any(c.isdigit() for c in sent.span_text(s.start, s.end)):
            continue  # "STS-1 from Launch Pad 39A": no person
        j = k + 1 + (toks[k + 1].lower_text == "the")
        if j >= len(toks) or not _is_cap(toks[j]):
            continue
        other = found.covering(sent, j)
        if other is None:
            start, end = j, j
            while end < len(toks) and _is_cap(toks[end]) and not toks[end].ent:
                end += 1
            tail = found.covering(sent, end) if end < len(toks) else None
            if tail is not None and tail.start == end and tail.label in ("PERSON", "NORP"):
                end = tail.end  # "Neo" + "Democrats"
        elif other.label in ("PERSON", "NORP") and other.start >= j:
            start = max(_run_at(toks, other.start)[0], j)
            end = max(_run_at(toks, other.end - 1)[1], other.end)
        else:
            continue
        text = sent.span_text(start, end)
        if end > start and not all(_a_persons(found, w, but=text) for w in text.split()):
            found.add(sent, start, end, "ORG", settled=True)


# --- places, works, publications, things ---------------------------------------------------


def _places(found: _Found) -> None:
    """ "taken to Aurora, Indiana", "the Royal Botanic Gardens, Kew,", "occupied the Ruhr":
    a name qualified by a place, qualifying a body, or taken by an army is a place."""
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
            and not (s.end + 1 < len(toks) and _is_cap(toks[s.end + 1]))  # "Clarence, Edward, Ted"
        )
        head = toks[sent.span_head(s.start, s.end)]
        if (one and state) or qualifier or (_taken(sent, head) and s.end - s.start <= 2):
            found.name(sent, s.start, s.end, "GPE")
    for sent in found.sentences:  # "occupied the Ruhr", untagged there, tagged ORG later
        for t in sent.tokens:
            if not t.ent and t.pos == "PROPN" and _is_cap(t) and t.i and _taken(sent, t):
                start, end = _run_at(sent.tokens, t.i)
                if end - start <= 2:
                    found.name(sent, start, end, "GPE")


def _taken(sent: Sentence, head: Token) -> bool:
    """Is `head` the object of a verb of conquest ("took Veracruz"; not "took over")?"""
    verb = sent.tokens[head.head]
    return (
        head.dep == "dobj"
        and verb.lemma.lower() in PLACE_VERBS
        and not any(c.dep == "prt" for c in sent.children(verb.i))
    )


def _works(found: _Found) -> None:
    """ "her signature songs, Respect,", "a book to be called America's Foremost Families",
    "an article titled "An Insult to Alice Roosevelt"": a name a work noun introduces."""
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        if s.label not in ("ORG", "PERSON"):
            continue
        k = s.start
        while k > 0 and (
            toks[k - 1].text in ("“", '"', "‘")
            or toks[k - 1].lower_text in ARTICLES
            or (k > 1 and toks[k - 1].text in ("’s", "'s") and _is_cap(toks[k - 2]))
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
        if listed or named or quoted_title:
            found.name(sent, s.start, s.end, "WORK_OF_ART")


def _publications(found: _Found) -> None:
    """ "edit the Oil City Derrick", "the proprietors of the Derrick", "Vogue magazine": a
    name a publication's words surround is a news outlet (an organization), tagged or not."""
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        if s.label in _NAME_LABELS and s.label != "GPE" and _publication_at(sent, s.start, s.end):
            found.name(sent, s.start, s.end, "ORG", _NEWS)
    for sent in found.sentences:
        toks = sent.tokens
        for t in toks:
            if t.i and toks[t.i - 1].lower_text == "the" and not t.ent and t.pos == "PROPN":
                start, end = _run_at(toks, t.i)
                if start == t.i and _is_cap(t) and _publication_at(sent, start, end):
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


def _owners(found: _Found) -> None:
    """ "a subsidiary of Alco Standard", "Unisource Worldwide became a paper sales and
    distribution company": a name a body's words describe is a body."""
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        if s.label not in ("PERSON", "GPE") or any(
            t.lower_text in TITLE_WORDS for t in toks[s.start : s.end]
        ):
            continue
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


def _things(found: _Found) -> None:
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


def _heading_word(found: _Found, s: Span) -> bool:
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


def _teams(found: _Found) -> None:
    """ "Sweden defeated South Korea 1 – 0", "a third goal for Belgium", "Tunisia's
    goalkeeper": in a match report, a country or city that plays is a team."""
    if not _is_sport(found.sentences):
        return

    for s in found.spans:
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        end = s.end
        if s.label == "PRODUCT" and end - s.start > 1 and _score_at(toks, end - 1):
            end -= 1  # "Sweden 1 – 0": the ruler took the score for a craft's number
            found.add(sent, s.start, end, "GPE")
        if s.label != "GPE" and end == s.end:
            continue
        # "Romelu Lukaku" makes "Lukaku" a player; "Tunisia" once tagged PERSON alone does not
        if all(_a_persons(found, w, least=2) for w in sent.span_text(s.start, end).split()):
            found.name(sent, s.start, end, "PERSON")  # "Lukaku scored": a player
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
            found.name(sent, s.start, end, "ORG", "team")


def _score_at(toks: list[Token], k: int) -> bool:
    """ "1 – 0" starting at token k."""
    return (
        k + 2 < len(toks)
        and bool(_SCORE.fullmatch(toks[k].text))
        and toks[k + 1].text in _DASHES
        and bool(_SCORE.fullmatch(toks[k + 2].text))
    )


# The rules in order: names first (so the others see whole names), then kinds by name.
_RULES: tuple[Callable[[_Found], None], ...] = (
    _headed_names,
    _cut_names,
    _split_pairs,
    _event_acronyms,
    _listed_people,
    _people_as_things,
    _kin_appositives,
    _given_names,
    _members,
    _affiliations,
    _teams,
    _publications,
    _owners,
    _works,
    _places,
    _things,
)
