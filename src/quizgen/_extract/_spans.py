"""Entity spans: the tagger's PERSON and ORG spans trimmed, relabelled and checked.

Works on the light parse in `Sentence` (no spaCy objects). Organization evidence lives in
`_orgs`; this module applies it span by span, with the person rules beside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizgen._extract import _orgs
from quizgen._extract._orgs import ORG_WORDS, Span
from quizgen._extract._types import Sentence

# Words that make a title before a name ("Foreign Minister", "Senator") a role.
TITLE_WORDS = frozenset(
    [
        "president",
        "vice",
        "minister",
        "prime",
        "foreign",
        "deputy",
        "secretary",
        "senator",
        "sen.",
        "representative",
        "rep.",
        "governor",
        "gov.",
        "mayor",
        "general",
        "gen.",
        "admiral",
        "colonel",
        "col.",
        "captain",
        "capt.",
        "lieutenant",
        "lt.",
        "sergeant",
        "king",
        "queen",
        "prince",
        "princess",
        "emperor",
        "empress",
        "pope",
        "cardinal",
        "bishop",
        "archbishop",
        "reverend",
        "rev.",
        "dr.",
        "doctor",
        "professor",
        "prof.",
        "judge",
        "justice",
        "chief",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "ambassador",
        "chancellor",
        "premier",
        "commissioner",
        "analyst",
        "economist",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "leader",
        "founder",
        "editor",
        "author",
        "physicist",
        "chemist",
        "biologist",
        "scientist",
        "engineer",
        "architect",
        "lawyer",
        "lord",
        "lady",
        "dame",
        "sir",
        "saint",
        "st.",
        "ceo",
        "chief",
        "officer",
        "head",
        "envoy",
        "negotiator",
        "official",
        "diplomat",
        "researcher",
        "historian",
        "novelist",
        "poet",
        "painter",
        "composer",
        "astronomer",
        "mathematician",
        "inventor",
        "commander",
        "marshal",
        "field",
        "lawmaker",
        "congressman",
        "congresswoman",
        "activist",
        "laureate",
        "economist",
    ]
)
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mme", "mme.", "herr"})


def span_text(sent: Sentence, start: int, end: int) -> str:
    """The text of tokens [start, end) of `sent`."""
    return sent.span_text(start, end)


def _is_initial(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]\.?", word))


def name_key(name: str) -> tuple[str, ...]:
    """A person's name as lower-case words without initials: what two mentions share."""
    return tuple(w.lower().strip(".") for w in name.split() if not _is_initial(w))


def normalize_spans(sentences: Sequence[Sentence], spans: list[Span]) -> list[Span]:
    """Trim articles, possessives and titles from entity spans and fix labels we can tell better."""
    spans = _orgs.merge_name_tails(sentences, spans) + _orgs.class_noun_spans(sentences, spans)
    common = _orgs.lowercase_words(sentences)
    # "King's" in "leave DNA to King's" is short for "King's College London": keep the 's.
    org_texts = [
        re.sub(r"^the\s+", "", span_text(sentences[s.sent_index], s.start, s.end), flags=re.I)
        for s in spans
        if s.label == "ORG"
    ]
    out = []
    for span in spans:
        sent = sentences[span.sent_index]
        toks = sent.tokens
        start, end, label = span.start, span.end, span.label
        if label in ("DATE", "CARDINAL") and end < len(toks) and toks[end].text in _ERAS:
            # "753 BC": the tagger often leaves the era out of the date, or calls it an ORG.
            out.append(Span(span.sent_index, start, end + 1, "DATE"))
            continue
        if span_text(sent, start, end) in _ERAS:
            continue
        if label in ("WORK_OF_ART", "PRODUCT") and (
            _orgs.published_in(sent, start, end)
            or _orgs.title_class(sent, start, head_of(sent, start, end)) == "org"
        ):
            label = "ORG"  # "printed in Nature", "the journal Science"
        if label not in ("PERSON", "ORG"):
            out.append(span)
            continue
        while start < end and toks[start].lower_text in ("the", "a", "an"):
            start += 1
        possessive = toks[end - 1].text in ("’s", "'s")
        while end > start and toks[end - 1].text in ("’s", "'s", "’", "'", ",", "-", "–"):
            end -= 1
        if label == "ORG" and possessive and start < end:
            whole = span_text(sent, start, end) + "'s "
            if any(t.replace("’", "'").startswith(whole) for t in org_texts):
                end += 1
        if label == "PERSON" and end - start > 1 and end < len(toks) and toks[end].text.isdigit():
            end -= 1  # "showed Watson Photograph 51": a numbered thing ends no one's name
        if label == "PERSON":
            # "President Bush": the title is a role, not part of the name.
            while end - start > 1 and (
                toks[start].lower_text in TITLE_WORDS or toks[start].lower_text in HONORIFICS
            ):
                start += 1
            if end < len(toks) and toks[end].lower_text in (
                "administration",
                "government",
                "campaign",
            ):
                label, end = "ORG", end + 1
            elif toks[end - 1].lower_text in ORG_WORDS:
                label = "ORG"
        if start >= end:
            continue
        if label == "ORG":
            out.extend(_org_spans(sent, span.sent_index, start, end, common))
            continue
        label = _relabel(sent, start, end, label)
        text = span_text(sent, start, end)
        if label == "PERSON" and not _plausible_person(text):
            continue
        if label == "ORG" and not _plausible_org(text):
            continue
        if label:
            out.append(Span(span.sent_index, start, end, label))
    out = _majority_labels(sentences, out)
    out = _short_org_names(sentences, out)
    persons = {
        w
        for s in out
        if s.label == "PERSON"
        for w in name_key(span_text(sentences[s.sent_index], s.start, s.end))
    }
    # "Franklin", "the Curies": a surname the tagger took for an organization. A person's
    # name is a mention of that person (so "Wilkins and his co-workers" has its "his");
    # a family ("the Curies") is no one person and is left out.
    kept = []
    for s in out:
        words = name_key(span_text(sentences[s.sent_index], s.start, s.end))
        if s.label == "ORG" and all(w in persons for w in words):
            kept.append(Span(s.sent_index, s.start, s.end, "PERSON"))
        elif not (s.label == "ORG" and all(w.rstrip("s") in persons for w in words)):
            kept.append(s)
    return kept


def _majority_labels(sentences: Sequence[Sentence], spans: list[Span]) -> list[Span]:
    """A name tagged ORG more often than PERSON is an organization everywhere: the tagger
    called "Pennine Freight" a person once, as the subject of "will pay"."""
    votes: dict[str, int] = {}
    for s in spans:
        if s.label in ("PERSON", "ORG"):
            text = span_text(sentences[s.sent_index], s.start, s.end)
            votes[text] = votes.get(text, 0) + (1 if s.label == "ORG" else -1)
    return [
        Span(s.sent_index, s.start, s.end, "ORG")
        if s.label == "PERSON" and votes[span_text(sentences[s.sent_index], s.start, s.end)] > 0
        else s
        for s in spans
    ]


def _short_org_names(sentences: Sequence[Sentence], spans: list[Span]) -> list[Span]:
    """ "Lumina was spun out of ...": one word tagged PERSON that opens a company's name found
    elsewhere ("Lumina Robotics") and no person's name is the company's short form."""
    texts = [(s, span_text(sentences[s.sent_index], s.start, s.end).split()) for s in spans]
    openers = {
        words[0]
        for s, words in texts
        if s.label == "ORG" and len(words) > 1 and all(w[:1].isupper() for w in words)
    }
    in_names = {w for s, words in texts if s.label == "PERSON" and len(words) > 1 for w in words}
    out = []
    for s, words in texts:
        toks = sentences[s.sent_index].tokens
        titled = s.start > 0 and toks[s.start - 1].lower_text in TITLE_WORDS | HONORIFICS
        if (
            s.label == "PERSON"
            and len(words) == 1
            and words[0] in openers
            and words[0] not in in_names
            and not titled
        ):
            s = Span(s.sent_index, s.start, s.end, "ORG")
        out.append(s)
    return out


def _org_spans(sent: Sentence, index: int, start: int, end: int, common: set[str]) -> list[Span]:
    """An ORG span as organizations (none, one, or a part and its whole) or as a person."""
    toks = sent.tokens
    # "the World Health Organization (WHO": the short form in brackets is not part of the name
    end = next((k for k in range(start, end) if toks[k].text == "("), end)
    while end > start and not toks[end - 1].text.strip():
        end -= 1
    if start >= end:
        return []
    acronym = _orgs.acronym_after(sent, end)
    if acronym and acronym[0] > end:
        # "the Organisation for Economic Co-operation and" + "Development (OECD)"
        longer = sent.span_text(start, acronym[0]).strip()
        between = toks[end : acronym[0]]
        # "... and Chemistry" + "of the City of Paris (ESPCI)": the short form closes the name
        continues = between[0].lower_text in ("of", "for") and not any(
            t.lower_text in ("and", "&") or t.ent == "ORG" for t in between
        )
        if (is_acronym_of(acronym[1], longer) and toks[end - 1].lower_text in _CUT_WORDS) or (
            continues
        ):
            end = acronym[0]
            while not toks[end - 1].text.strip():
                end -= 1
    words = [t.lower_text for t in toks[start:end]]
    if not any(w in ORG_WORDS for w in words):
        if _orgs.first_name_before(sent, start, end):
            start -= 1  # "Oswald Avery": a first name and a surname
            return (
                [Span(index, start, end, "PERSON")]
                if _plausible_person(sent.span_text(start, end))
                else []
            )
        if _orgs.is_modifier_word(sent, start, end):
            return []  # "Alpine valleys"
        if end - start == 1 and words[0] in common and not toks[start].text.isupper():
            return []  # "Wounded", "Government": a common noun the text also writes in lower case
    split = _orgs.split_part_of(sent, start, end)
    pieces = [(start, split[0]), (split[1], end)] if split else [(start, end)]
    out = []
    for a, b in pieces:
        label = _relabel(sent, a, b, "ORG")
        text = span_text(sent, a, b)
        if label == "PERSON" and not _plausible_person(text):
            continue
        if label == "ORG" and not _plausible_org(text):
            continue
        if label:
            out.append(Span(index, a, b, label))
    return out


_CUT_WORDS = {"and", "of", "for", "the", "on", "-"}


_ERAS = {"BC", "BCE", "AD", "CE", "B.C.", "A.D.", "B.C.E.", "C.E."}

_NOT_ORG_WORDS = {
    "convention",
    "conventions",
    "treaty",
    "accord",
    "act",
    "agreement",
    "pact",
    "protocol",
    "war",
    "prize",
    "plan",
    "program",
    "programme",
    "project",
    "initiative",
    "medal",
    "award",
    "trophy",
    "cup",
}
_KIN_NOUNS = {
    "husband",
    "wife",
    "son",
    "daughter",
    "brother",
    "sister",
    "father",
    "mother",
    "doctor",
    "doctors",
    "colleague",
    "colleagues",
}


def _relabel(sent: Sentence, start: int, end: int, label: str) -> str:
    """Correct the small model's usual confusions; "" drops the span."""
    toks = sent.tokens
    words = [t.lower_text for t in toks[start:end]]
    before = toks[start - 1].lower_text if start else ""
    before2 = toks[start - 2].lower_text if start > 1 else ""
    head = toks[
        next((t.i for t in toks[start:end] if not start <= t.head < end or t.head == t.i), end - 1)
    ]
    has_org_word = any(w in ORG_WORDS for w in words)
    # "Linus Pauling, a chemist", "the economist Frédéric Passy", "X, a hydropower operator"
    said = _orgs.appositive_class(sent, head.i, end) or _orgs.title_class(sent, start, head.i)
    if label == "PERSON":
        if before in ("born", "née", "nee"):
            return ""  # a maiden name: another name of someone already named
        if len(words) > 1 and words[-1] in _NOT_ORG_WORDS:
            return ""  # "its Copley Medal": a prize, a treaty, a war is no one's name
        if said == "org":
            return "ORG"
        if (
            head.dep in ("amod", "compound")
            and toks[head.head].pos == "NOUN"
            and toks[head.head].text.islower()
            and head.head >= end
        ):
            return ""  # "Alpine valleys": a modifier, not a person
        return label
    if label != "ORG":
        return label
    if words[-1] in _NOT_ORG_WORDS or words[-1] in ("and", "of", "for", "the"):
        return ""
    if before == "(" and before2 in _NOT_ORG_WORDS:
        return ""  # "the European Recovery Program (ERP)": the short form of a program
    if not has_org_word and (said == "person" or _orgs.relative_who(sent, head.i, end)):
        return "PERSON"
    if said == "org" or "&" in words or _orgs.published_in(sent, start, end):
        return label  # "Harrow & Finch": a person's name never has an ampersand
    if not has_org_word and not toks[start].text.isupper():
        works_at = before == "at" and _orgs.is_person_noun(toks[toks[start - 1].head].lemma)
        if (before in ("in", "near", "at") and not works_at) or (
            before2 in ("in", "near") and before == "the"
        ):
            return ""  # "a sanatorium in Passy", "dams in the Valais": a place
        parent = toks[head.head]
        if head.dep in ("conj", "appos") and (
            parent.ent == "PERSON" or parent.lower_text in _KIN_NOUNS
        ):
            return (
                "PERSON"  # "Louis Appia and Théodore Maunoir", "her husband, Frédéric Joliot-Curie"
            )
    if len(words) == 1 and words[0] in ORG_WORDS | {"state"}:
        return ""  # "the Army", "Secretary of State": no name of its own
    return label


def _plausible_person(text: str) -> bool:
    words = text.split()
    return (
        1 <= len(words) <= 5
        and not any(ch.isdigit() for ch in text)
        and text[:1].isupper()
        and not (text.isupper() and len(text) > 4)  # bylines like "TIMES STAFF WRITER"
        and all(
            w[:1].isupper()
            or w.lower() in ("de", "van", "von", "der", "da", "di", "la", "le", "bin", "al")
            for w in words
        )
    )


def _plausible_org(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 12 and text[:1].isupper() and not text.isdigit()


def head_of(sent: Sentence, start: int, end: int) -> int:
    """The token of [start, end) whose head lies outside the span."""
    for t in sent.tokens[start:end]:
        if not start <= t.head < end or t.head == t.i:
            return t.i
    return end - 1


def is_acronym_of(short: str, full: str) -> bool:
    """ "NATO" of "North Atlantic Treaty Organization": the capitals' initials."""
    if not (short.isupper() and 2 <= len(short) <= 8 and " " not in short):
        return False
    initials = "".join(w[0] for w in re.split(r"[\s-]+", full) if w and w[0].isupper())
    return short.replace(".", "") == initials
