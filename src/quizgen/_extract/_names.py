"""Context rules for whole names and for people (issue 11).

Names the tagger missed or cut ("Alpine Seed Library", "Osborn Building on"), and people it
called something else: listed with people, in apposition to a kin word, a given name before
a surname, a party's member. Each rule reads `Found` and adds spans or settles names.
"""

from __future__ import annotations

from quizgen._extract._found import DASHES, NAME_LABELS, Found, conj_groups, is_cap, run_at
from quizgen._extract._orgs import Span
from quizgen._extract._types import Token
from quizgen._lexicon import (
    ARTICLES,
    CHAINED_ORG_HEADS,
    EVENT_NOUNS,
    KIN_NOUNS,
    ORG_NAME_HEADS,
    ORG_WORDS,
    PLACE_PREPOSITIONS,
    TITLE_WORDS,
    is_honorific,
)

# --- names the tagger missed or cut --------------------------------------------------------


def _headed_names(found: Found) -> None:
    """ "Alpine Seed Library", "Intrepid Sea-Air-Space Museum", "Library of Congress": the
    capitalised words before an organization head word, and an "of"/"for" chain after it,
    are one organization's name, whatever the tagger made of them."""
    for sent in found.sentences:
        toks = sent.tokens
        for t in toks:
            chained = t.lower_text in CHAINED_ORG_HEADS  # "Centre for ...", not "Centre"
            if not (t.lower_text in ORG_NAME_HEADS or chained) or not t.text.istitle():
                continue
            start, end = _left_of(toks, t.i), _right_of(toks, t.i + 1)
            if end - start < 2 or (chained and end == t.i + 1):
                continue
            inside = found.covering(sent, t.i)
            if inside is not None and (
                (inside.label not in ("ORG", "PERSON", "GPE", "NORP", "LOC") and not chained)
                or (inside.label == "ORG" and not _extends(toks, inside, start, end))
                or (chained and not _within(toks, inside, start, end))
            ):
                continue  # a work or a building named for the body, or the tagger's own
            found.add(sent, start, end, "ORG")


def _within(toks: list[Token], span: Span, start: int, end: int) -> bool:
    """Does [start, end) hold the span, but for an article before it ("the Centre for ...")?"""
    return span.end <= end and all(t.lower_text in ARTICLES for t in toks[span.start : start])


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
            ((prev.text in DASHES and not prev.ws) or prev.lower_text == "and")
            and k >= 2
            and is_cap(toks[k - 2])
        )
        if prev.text == "&" or joined:
            k -= 1
            continue
        if not is_cap(prev) or prev.lower_text in ARTICLES or prev.text in ("’s", "'s"):
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
            (is_cap(toks[run]) and toks[run].lower_text not in TITLE_WORDS)
            or (toks[run].text in DASHES and not toks[run].ws)
            or (
                toks[run].lower_text in ("and", "&")
                and run + 1 < len(toks)
                and is_cap(toks[run + 1])
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
    while k < len(toks) and is_cap(toks[k]):
        if toks[k].lower_text in ORG_NAME_HEADS:
            return True
        k += 1
    return False


def _cut_names(found: Found) -> None:
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
            while run < len(toks) and is_cap(toks[run]) and not toks[run].ent:
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
            and found.covering(sent, end) is None  # "Refugee Council" + "Enver Solomon"
            and nxt.pos == "PROPN"
            and nxt.text[:1].isupper()
            and nxt.lower_text not in TITLE_WORDS
            and toks[head].head == nxt.i
        ):
            end += 1
        if end != s.end:
            found.add(sent, s.start, end, s.label)


def _split_pairs(found: Found) -> None:
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


def _event_acronyms(found: Found) -> None:
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


def _listed_people(found: Found) -> None:
    """ "Françoise Barré-Sinoussi and Luc Montagnier", "Niklaus and Johann II": an untagged
    name listed with a person is a person; in a list of people ("sons Clarence, Edward, Ted,
    and Kecalf") a one-word name the tagger called a place or a body is one too."""
    for sent in found.sentences:
        toks = sent.tokens
        for members in conj_groups(sent):
            spans = [found.covering(sent, i) for i in members]
            people = sum(s is not None and s.label == "PERSON" for s in spans)
            if not people:
                continue
            others = any(s is not None and s.label != "PERSON" for s in spans)
            for i, s in zip(members, spans, strict=True):
                if s is None and not others and is_cap(toks[i]) and toks[i].pos == "PROPN":
                    start, end = run_at(toks, i)
                    if _untagged_name(toks, start, end):
                        found.add(sent, start, end, "PERSON", settled=True)
                elif (
                    s is not None
                    and s.label != "PERSON"
                    and s.end - s.start == 1
                    and not (s.start and toks[s.start - 1].lower_text in PLACE_PREPOSITIONS)
                    and 2 * people >= len(members)
                    and len(members) >= 3
                    and toks[s.start].lower_text not in ORG_WORDS
                    and toks[s.start].text.istitle()  # "Frank E. Bunts, MD, and ...": a degree
                ):
                    found.name(sent, s.start, s.end, "PERSON")


def _untagged_name(toks: list[Token], start: int, end: int) -> bool:
    """Two words or more, none a title or an organization's word, and no person's name
    right after ("Chinese President" + "Jiang Zemin" is a title)."""
    words = [t.lower_text for t in toks[start:end] if t.text not in DASHES]
    return (
        len(words) >= 2
        and not any(w in ORG_WORDS or w in TITLE_WORDS or is_honorific(w) for w in words)
        and (end == len(toks) or toks[end].ent != "PERSON")
    )


def _kin_appositives(found: Found) -> None:
    """ "Their first daughter, Irène,": a one-word name in apposition to a kin word is a
    person, in every sentence that names her."""
    for s in found.spans:
        sent = found.sentences[s.sent_index]
        toks = sent.tokens
        head = toks[sent.span_head(s.start, s.end)]
        parent = toks[head.head]
        if (
            s.label != "PERSON"
            and s.label in NAME_LABELS
            and s.end - s.start == 1
            and head.dep == "appos"
            and parent.lemma.lower() in KIN_NOUNS
        ):
            found.name(sent, s.start, s.end, "PERSON")


def a_persons(found: Found, word: str, but: str = "", least: int = 1) -> bool:
    """Is `word` a word of a name of `least` words or more the tagger called a person, other
    than the name `but` (a body the tagger once called a person is no evidence of itself)?"""
    return bool(found.people(least).get(word.lower(), set()) - {but})


def _people_as_things(found: Found) -> None:
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
                and all(w.lower() in added or a_persons(found, w, but=text) for w in named)
                and not any(w.lower() in ORG_WORDS for w in words)
            ):
                found.add(sent, s.start, s.end, "PERSON", settled=True)
                added.update(w.lower() for w in words)
        found.merge()


def _given_names(found: Found) -> None:
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


def _members(found: Found) -> None:
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
        if s.end - start > 3 and toks[start + 1].text in DASHES and toks[start + 2].text.islower():
            start += 3  # "Pan-democrat"
        name = toks[start : s.end]
        if len(name) >= 2 and all(
            is_cap(t) or t.text in DASHES or toks[t.i - 1].text in DASHES  # "Cheuk-ting"
            for t in name
        ):
            found.add(sent, start, s.end, "PERSON", settled=True)


def _affiliations(found: Found) -> None:
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
        if j >= len(toks) or not is_cap(toks[j]):
            continue
        other = found.covering(sent, j)
        if other is None:
            start, end = j, j
            while end < len(toks) and is_cap(toks[end]) and not toks[end].ent:
                end += 1
            tail = found.covering(sent, end) if end < len(toks) else None
            if tail is not None and tail.start == end and tail.label in ("PERSON", "NORP"):
                end = tail.end  # "Neo" + "Democrats"
        elif other.label in ("PERSON", "NORP") and other.start >= j:
            start = max(run_at(toks, other.start)[0], j)
            end = max(run_at(toks, other.end - 1)[1], other.end)
        else:
            continue
        text = sent.span_text(start, end)
        if end > start and not all(a_persons(found, w, but=text) for w in text.split()):
            found.add(sent, start, end, "ORG", settled=True)


# In order: whole names before the people rules read them.
RULES = (
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
)
