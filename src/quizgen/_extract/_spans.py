"""Entity spans: the tagger's PERSON and ORG spans trimmed, relabelled and checked.

Works on the light parse in `Sentence` (no spaCy objects). Organization evidence lives in
`_orgs`; this module applies it span by span, with the person rules beside it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from quizgen._extract import _orgs
from quizgen._extract._context import context_spans
from quizgen._extract._kinds import head_word, is_meeting, thing_label
from quizgen._extract._orgs import Span
from quizgen._extract._shared_heads import shared_heads
from quizgen._extract._types import Sentence
from quizgen._lexicon import (
    ARTICLES,
    COMPANY_SUFFIXES,
    CONCEPT_HEADS,
    CUT_WORDS,
    EPITHETS,
    ERAS,
    FOREIGN_ORG_STEMS,
    KIN_NOUNS,
    KIND_OF_LABEL,
    LEGISLATURES,
    MOVEMENT_WORDS,
    NAME_PARTICLE_PREFIXES,
    NAME_PARTICLES,
    NOT_ORG_WORDS,
    ORG_WORDS,
    PERSON_ORG_TAILS,
    POST_MODIFIERS,
    REGNAL_TITLES,
    TERM_NOUNS,
    TITLE_WORDS,
    WORK_HEADS,
    WORK_VERBS,
    is_honorific,
)


def span_text(sent: Sentence, start: int, end: int) -> str:
    """The text of tokens [start, end) of `sent`."""
    return sent.span_text(start, end)


def _is_initial(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]\.?", word))


def name_key(name: str) -> tuple[str, ...]:
    """A person's name as lower-case words without initials: what two mentions share."""
    return tuple(w.lower().strip(".") for w in name.split() if not _is_initial(w))


@dataclass
class _Draft:
    """A span on its way through the span rules: tokens [start, end) of sentence `sent_index`.

    `done` once a rule has settled it as it is; `possessive` when its name ended in 's.
    """

    sent_index: int
    start: int
    end: int
    label: str
    possessive: bool = False
    done: bool = False


@dataclass
class _Text:
    """What the span rules know of the whole text."""

    sentences: Sequence[Sentence]
    org_texts: list[str]  # every ORG span's text without a leading "the"

    @cached_property
    def org_name_words(self) -> frozenset[str]:
        """The words of every ORG span of two words or more: "House" of "House of Lords"."""
        return frozenset(w for t in self.org_texts if " " in t for w in t.split())

    @cached_property
    def org_words_as_names(self) -> frozenset[str]:
        """Organization words the text writes capitalised on their own, mid-sentence, three
        times or more: "the Union" of a Civil War chapter is a name there, not a common noun."""
        counts: dict[str, int] = {}
        for sent in self.sentences:
            toks = sent.tokens
            for t in toks[1:]:
                alone = t.i + 1 == len(toks) or not toks[t.i + 1].text[:1].isupper()
                if t.text.istitle() and t.lower_text in ORG_WORDS and alone:
                    if toks[t.i - 1].text[:1].isupper() and toks[t.i - 1].pos == "PROPN":
                        continue  # the last word of a longer name
                    counts[t.text] = counts.get(t.text, 0) + 1
        return frozenset(w for w, n in counts.items() if n >= 3)


def _era_in_date(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "753 BC": a date the tagger cut before its era (or called an ORG) takes the era in."""
    toks = sent.tokens
    if d.label in ("DATE", "CARDINAL") and d.end < len(toks) and toks[d.end].text in ERAS:
        d.end, d.label, d.done = d.end + 1, "DATE", True
    return d


def _lone_era(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "BC" on its own is no entity."""
    return None if span_text(sent, d.start, d.end) in ERAS else d


def _published_work(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "printed in Nature", "the journal Science": a work of art that publishes is an ORG."""
    if d.label in ("WORK_OF_ART", "PRODUCT") and (
        _orgs.published_in(sent, d.start, d.end)
        or _orgs.title_class(sent, d.start, sent.span_head(d.start, d.end)) == "org"
    ):
        d.label = "ORG"
    return d


def _concept(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "the Endosymbiotic Theory", "Modern Cell Theory": an ORG span whose head word names
    an idea (CONCEPT_HEADS) is no body's name; dropped. Not a PERSON span: "Jude Law"."""
    words = [t.text for t in sent.tokens[d.start : d.end] if t.lower_text not in ARTICLES]
    if d.label == "ORG" and words and head_word(words).lower() in CONCEPT_HEADS:
        return None
    if d.label == "ORG" and _termed(sent, d.start, sent.span_head(d.start, d.end)):
        return None
    return d


def _termed(sent: Sentence, start: int, i: int) -> bool:
    """ "the term Nexus", "the theories of Rank and Nexus": a name a lower-case TERM_NOUNS
    word introduces, right before it or through "of" (and any name coordinated with it),
    is an idea. `i` is the name's head token."""
    toks = sent.tokens
    if start and toks[start - 1].text.islower() and toks[start - 1].lower_text in TERM_NOUNS:
        return True
    while toks[i].dep == "conj" and toks[i].head != i:
        i = toks[i].head
    head = toks[toks[i].head]
    if toks[i].dep != "pobj" or head.lower_text != "of" or toks[i - 1] is not head:
        return False  # "Wilson's idea of a League of Nations" names a body
    head = toks[head.head]
    return head.text.islower() and head.lower_text in TERM_NOUNS


def _thing_kind(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "Neptune", "Magna Carta", "Waterloo Station", "the Republicans": a PERSON or ORG span
    that names a place, a work, a facility or a group of people takes that kind's label;
    a "facility" named for a body ("the Jekyll Island Club") is that body. "the Red Line
    Agreement in Ostend": a work's name ends before "in"/"at" and its place."""
    toks = sent.tokens
    for k in range(d.start + 1, d.end - 1):
        if toks[k].lower_text in ("in", "at") and _singular(toks[k - 1].lower_text) in WORK_HEADS:
            d.end = k
            break
    if d.label in ("PERSON", "ORG"):
        d.label = thing_label(sent, d.start, d.end, d.label) or d.label
    elif d.label == "FAC" and is_meeting(
        [t.lower_text for t in sent.tokens[d.start : d.end] if t.lower_text not in ARTICLES]
    ):
        d.label = "EVENT"  # "the Lausanne Conference" is no building
    elif d.label == "FAC" and sent.tokens[d.end - 1].lower_text in ORG_WORDS:
        d.label = "ORG"
    return d


def _other_labels(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "1979", "Geneva": spans other than people and organizations stay as tagged; a
    place's, work's or group's name loses its "the" ("the Magna Carta")."""
    d.done = d.label not in ("PERSON", "ORG")
    if d.label in KIND_OF_LABEL:
        while d.end - d.start > 1 and sent.tokens[d.start].lower_text in ARTICLES:
            d.start += 1
    return d


def _particle_tail(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "Ludwig" + "van Hal": a person's name the tagger cut before its particle goes on."""
    toks = sent.tokens
    if (
        d.label == "PERSON"
        and d.end + 1 < len(toks)
        and toks[d.end].lower_text in NAME_PARTICLES
        and toks[d.end].text.islower()
        and toks[d.end + 1].pos == "PROPN"
        and toks[d.end + 1].text[:1].isupper()
    ):
        d.end += 2
    return d


def _article(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "the Red Cross" -> "Red Cross"."""
    while d.start < d.end and sent.tokens[d.start].lower_text in ARTICLES:
        d.start += 1
    return d


def _possessive(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "Pauling's", "Curies'", "Dunant," -> "Pauling", "Curies", "Dunant"."""
    toks = sent.tokens
    d.possessive = toks[d.end - 1].text in ("’s", "'s")
    while d.end > d.start and toks[d.end - 1].text in ("’s", "'s", "’", "'", ",", "-", "–"):
        d.end -= 1
    return d


def _college_s(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "leave DNA to King's": short for "King's College London", so the 's stays."""
    if d.label == "ORG" and d.possessive and d.start < d.end:
        whole = span_text(sent, d.start, d.end) + "'s "
        if any(t.replace("’", "'").startswith(whole) for t in text.org_texts):
            d.end += 1
    return d


def _numbered_thing(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "showed Watson Photograph 51" -> "Watson": a numbered thing ends no one's name. Not
    a minute of a match ("Felix Hahn 77'", "Jan Roth 90+3'"): a player's name."""
    toks = sent.tokens
    if (
        d.label == "PERSON"
        and d.end - d.start > 1
        and d.end < len(toks)
        and toks[d.end].text.isdigit()
        and not (d.end + 1 < len(toks) and toks[d.end + 1].text in _MINUTE_MARKS)
    ):
        d.end -= 1
    while (
        d.label == "PERSON"
        and d.end - d.start > 1
        and not any(c.isalpha() for c in toks[d.end - 1].text)
    ):
        d.end -= 1  # "Paul Hemmer 12' 90'": a name ends with no number or mark
    return d


def _title(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "President Bush", "Mrs. Marten" -> "Bush", "Marten": a title is a role, not a name.
    A ruler's one-word name keeps its title ("King John", "Queen Victoria"): that is how the
    text names them, and "King John" is no "John Wesley"."""
    toks = sent.tokens
    if d.label != "PERSON":
        return d
    if (
        d.end - d.start == 1
        and d.start > 0
        and toks[d.start - 1].lower_text in REGNAL_TITLES
        and toks[d.start - 1].text[:1].isupper()
    ):
        d.start -= 1
    while (
        d.end - d.start > 1
        and (toks[d.start].lower_text in TITLE_WORDS or is_honorific(toks[d.start].text))
        and not (d.end - d.start == 2 and toks[d.start].lower_text in REGNAL_TITLES)
    ):
        d.start += 1
    return d


def _person_institution(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "the Bush administration", "the Nobel Committee": a name before an institution's
    word is the institution's."""
    toks = sent.tokens
    if d.label != "PERSON":
        return d
    if d.end < len(toks) and toks[d.end].lower_text in PERSON_ORG_TAILS:
        d.label, d.end = "ORG", d.end + 1
    elif toks[d.end - 1].lower_text in ORG_WORDS:
        d.label = "ORG"
    return d


def _empty(text: _Text, sent: Sentence, d: _Draft) -> _Draft | None:
    """ "the" alone, once trimmed, is nothing."""
    return d if d.start < d.end else None


# The rules a span goes through, in order, until one drops it (None) or settles it (done).
_SPAN_RULES: tuple[Callable[[_Text, Sentence, _Draft], _Draft | None], ...] = (
    _era_in_date,
    _lone_era,
    _published_work,
    _concept,
    _thing_kind,
    _other_labels,
    _article,
    _possessive,
    _college_s,
    _numbered_thing,
    _particle_tail,
    _title,
    _person_institution,
    _empty,
)


def normalize_spans(sentences: Sequence[Sentence], spans: list[Span]) -> list[Span]:
    """Trim articles, possessives and titles from entity spans and fix labels we can tell better.

    Each span goes through _SPAN_RULES, then a person through _relabel and an organization
    through _org_spans; last, the whole text's spans through _TEXT_RULES.
    """
    spans = context_spans(sentences, spans)
    spans = _orgs.merge_name_tails(sentences, spans) + _orgs.class_noun_spans(sentences, spans)
    listed = _orgs.coordinated_people(sentences)
    taken = {(s.sent_index, i) for s in listed for i in range(s.start, s.end)}
    spans = [s for s in spans if not any((s.sent_index, i) in taken for i in range(s.start, s.end))]
    common = _orgs.lowercase_words(sentences)
    org_texts = [
        re.sub(r"^the\s+", "", span_text(sentences[s.sent_index], s.start, s.end), flags=re.I)
        for s in spans
        if s.label == "ORG"
    ]
    text = _Text(sentences, org_texts)
    out: list[Span] = []
    for span in spans:
        sent = sentences[span.sent_index]
        draft: _Draft | None = _Draft(span.sent_index, span.start, span.end, span.label)
        if span.settled:
            # the words around the name decided its kind: it is only trimmed
            for rule in (_article, _possessive, _empty):
                draft = rule(text, sent, draft) if draft is not None else None
            if draft is not None:
                out.append(replace(span, start=draft.start, end=draft.end))
            continue
        for rule in _SPAN_RULES:
            draft = rule(text, sent, draft)
            if draft is None or draft.done:
                break
        if draft is None:
            continue
        if draft.done:
            out.append(Span(draft.sent_index, draft.start, draft.end, draft.label))
        elif draft.label == "ORG" and _short_of_named(text, sent, draft):
            out.append(Span(draft.sent_index, draft.start, draft.end, "ORG"))
        elif draft.label == "ORG":
            out.extend(_org_spans(sent, span.sent_index, draft.start, draft.end, common))
        else:
            out.extend(_checked(sent, span.sent_index, draft.start, draft.end, draft.label))
    out.extend(listed)  # settled: the modifier rule would drop "Harding administrations"
    for whole_text_rule in _TEXT_RULES:
        out = whole_text_rule(sentences, out)
    return out


def _short_of_named(text: _Text, sent: Sentence, d: _Draft) -> bool:
    """ "the League", "the Council": one organization word, capitalised, that a longer name
    in the text contains ("League of Nations") is its short form, not a nameless "the Army"."""
    if d.end - d.start != 1:
        return False
    word = sent.tokens[d.start].text
    return (
        word.istitle()
        and word.lower() in ORG_WORDS
        and (word in text.org_name_words or word in text.org_words_as_names)
    )


def _checked(sent: Sentence, index: int, start: int, end: int, label: str) -> list[Span]:
    """The span relabelled by _relabel, if its text is a plausible name of that kind."""
    label = _relabel(sent, start, end, label)
    text = span_text(sent, start, end)
    if label == "PERSON" and not _plausible_person(text):
        return []
    if label == "ORG" and not _plausible_org(text):
        return []
    return [Span(index, start, end, label)] if label else []


def _surname_orgs(sentences: Sequence[Sentence], spans: list[Span]) -> list[Span]:
    """ "Franklin", "the Curies": a surname the tagger took for an organization. A person's
    name is a mention of that person (so "Wilkins and his co-workers" has its "his"); a
    family ("the Curies") is no one person and is left out."""
    persons = {
        w
        for s in spans
        if s.label == "PERSON"
        for w in name_key(span_text(sentences[s.sent_index], s.start, s.end))
    }
    kept = []
    for s in spans:
        words = name_key(span_text(sentences[s.sent_index], s.start, s.end))
        if s.label == "ORG" and all(w in persons for w in words):
            kept.append(replace(s, label="PERSON", subtype=None))
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
        replace(s, label="ORG")
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
    bare = {without_suffix(words) for s, words in texts if s.label == "ORG"}
    out = []
    for s, words in texts:
        if s.label == "PERSON" and " ".join(words) in bare:
            s = replace(s, label="ORG")  # "Graham Paper" of "Graham Paper Company"
        toks = sentences[s.sent_index].tokens
        titled = s.start > 0 and (
            toks[s.start - 1].lower_text in TITLE_WORDS or is_honorific(toks[s.start - 1].text)
        )
        if (
            s.label == "PERSON"
            and len(words) == 1
            and words[0] in openers
            and words[0] not in in_names
            and not titled
        ):
            s = replace(s, label="ORG")
        out.append(s)
    return out


def without_suffix(words: list[str]) -> str:
    """ "Jim Walter Paper, Inc." -> "Jim Walter Paper"; "" when it has no legal suffix."""
    k = len(words)
    while k > 1 and words[k - 1].lower().strip(",") in COMPANY_SUFFIXES:
        k -= 1
    return " ".join(words[:k]).rstrip(",") if k < len(words) else ""


def _short_of_vehicles(sentences: Sequence[Sentence], spans: list[Span]) -> list[Span]:
    """ "Columbia was lost" after "Space Shuttle Columbia": a vehicle's last word alone is
    that vehicle, not a body or a person."""
    ends = {
        span_text(sentences[s.sent_index], s.start, s.end).split()[-1]
        for s in spans
        if s.label == "PRODUCT" and s.end - s.start > 1
    }
    return [
        replace(s, label="PRODUCT")
        if s.label in ("PERSON", "ORG")
        and s.end - s.start == 1
        and span_text(sentences[s.sent_index], s.start, s.end) in ends
        else s
        for s in spans
    ]


# The rules over the whole text's spans, in order, after each span has had its own.
_TEXT_RULES: tuple[Callable[[Sequence[Sentence], list[Span]], list[Span]], ...] = (
    _majority_labels,
    _short_org_names,
    _short_of_vehicles,
    _surname_orgs,
    shared_heads,
)


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
        if (is_acronym_of(acronym[1], longer) and toks[end - 1].lower_text in CUT_WORDS) or (
            continues
        ):
            end = acronym[0]
            while not toks[end - 1].text.strip():
                end -= 1
    words = [t.lower_text for t in toks[start:end]]
    if not any(w in ORG_WORDS for w in words):
        if words[0] in REGNAL_TITLES and len(words) > 1:
            # "Kaiser Wilhelm of Germany": a ruler, named up to the land they rule
            cut = words.index("of") if "of" in words[2:] else len(words)
            return _checked(sent, index, start, start + cut, "PERSON")
        if _orgs.first_name_before(sent, start, end):
            start -= 1  # "Oswald Avery": a first name and a surname
            return (
                [Span(index, start, end, "PERSON")]
                if _plausible_person(sent.span_text(start, end))
                else []
            )
        if _orgs.is_modifier_word(sent, start, end):
            # "Alpine valleys" is nothing; "the Methodist preacher" names a group of people
            parent = toks[toks[start].head]
            people = _orgs.is_person_noun(parent.text)
            return [Span(index, start, end, "NORP")] if people else []
        if end - start == 1 and words[0] in common and not toks[start].text.isupper():
            return []  # "Wounded", "Government": a common noun the text also writes in lower case
        if end - start > 1 and _side_adjective(sent, end - 1):
            return []  # "the New Hampshire Democratic primary": a side's adjective, no body
        if all(w in POST_MODIFIERS for w in words) and _title_follows(sent, end):
            return []  # "Shadow Home" + "Secretary": the words of a post, no body
    split = _orgs.split_part_of(sent, start, end)
    pieces = [(start, split[0]), (split[1], end)] if split else [(start, end)]
    return [span for a, b in pieces for span in _checked(sent, index, a, b, "ORG")]


def _side_adjective(sent: Sentence, k: int) -> bool:
    """Is token k an adjective (or a camp's word, MOVEMENT_WORDS) modifying a lower-case
    noun after it? Not "the Cleveland Clinic fire": "Clinic" is a body's word."""
    t = sent.tokens[k]
    return (t.pos == "ADJ" or t.lower_text in MOVEMENT_WORDS) and _orgs.is_modifier_word(
        sent, k, k + 1
    )


def _title_follows(sent: Sentence, end: int) -> bool:
    """Is the word after [.., end) a capitalised title word ("Secretary", "Minister")?"""
    toks = sent.tokens
    return end < len(toks) and toks[end].text.istitle() and toks[end].lower_text in TITLE_WORDS


def _relabel(sent: Sentence, start: int, end: int, label: str) -> str:
    """Correct the small model's usual confusions; "" drops the span."""
    toks = sent.tokens
    words = [t.lower_text for t in toks[start:end]]
    before = toks[start - 1].lower_text if start else ""
    before2 = toks[start - 2].lower_text if start > 1 else ""
    head = toks[sent.span_head(start, end)]
    has_org_word = any(w in ORG_WORDS for w in words)
    # "Linus Pauling, a chemist", "the economist Frédéric Passy", "X, a hydropower operator"
    said = _orgs.appositive_class(sent, head.i, end) or _orgs.title_class(sent, start, head.i)
    if label == "PERSON":
        if any(stem in w for w in words for stem in FOREIGN_ORG_STEMS):
            return "ORG"  # "Universitätsmedizin Berlin", tagged PERSON
        if before in ("born", "née", "nee"):
            return ""  # a maiden name: another name of someone already named
        if len(words) > 1 and words[-1] in NOT_ORG_WORDS:
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
    if _singular(words[-1]) in NOT_ORG_WORDS or words[-1] in ("and", "of", "for", "the"):
        return ""  # "the Dawes and Young Plans" as well as "the Marshall Plan"
    if len(words) == 2 and _NUMBERED.fullmatch(toks[end - 1].text):
        return ""  # "Group G", "Division 3": a numbered part of something, no body's name
    if end - start > 1 and not has_org_word and all(t.text.isupper() for t in toks[start:end]):
        return ""  # "AFRICAN AMERICAN SOLDIERS": a heading in capitals
    if _DESCRIPTOR.fullmatch(sent.span_text(start, end)):
        return ""  # "Pan-democrat", "Anti-communist": a word for a camp, no body's name
    if (
        start == 0
        and toks[0].pos != "PROPN"
        and not any(c.isupper() for t in toks[1:end] for c in t.text)
    ):
        return ""  # "Radioactive sulfur-35": capitalised only by the sentence's start
    if head_word(words) in TITLE_WORDS:
        return ""  # "United Nations High Representative", "Hauptmann, Captain": an office
    if before == "(" and before2 in NOT_ORG_WORDS:
        return ""  # "the European Recovery Program (ERP)": the short form of a program
    if any(stem in w for w in words for stem in FOREIGN_ORG_STEMS):
        return "ORG"  # "Universitätsmedizin Berlin": a body's word inside a compound
    if not has_org_word and (said == "person" or _orgs.relative_who(sent, head.i, end)):
        return "PERSON"
    if not has_org_word and _HYPHENATED_PERSON.fullmatch(sent.span_text(start, end)):
        return "PERSON"  # "Pierre-Simon Laplace": a hyphenated given name and a surname
    if said == "org" or "&" in words or _orgs.published_in(sent, start, end):
        return label  # "Harrow & Finch": a person's name never has an ampersand
    if not has_org_word and not toks[start].text.isupper():
        # "a chemist at Merck"; not "editor of the Petroleum World at Titusville", where the
        # post already has its body and "at" gives the place
        at = toks[start - 1] if before == "at" else None
        works_at = at is not None and (
            (at.head == start - 2 and _orgs.is_person_noun(toks[start - 2].lemma))
            or toks[at.head].lemma.lower() in WORK_VERBS  # "worked at Genentech"
        )
        if (before in ("in", "near", "at") and not works_at) or (
            before2 in ("in", "near") and before == "the"
        ):
            return ""  # "a sanatorium in Passy", "dams in the Valais": a place
        parent = toks[head.head]
        partner = any(c.dep == "conj" and c.ent == "PERSON" for c in sent.children(head.i))
        if partner or (
            head.dep in ("conj", "appos")
            and (parent.ent == "PERSON" or parent.lower_text in KIN_NOUNS)
        ):
            return (
                "PERSON"  # "Louis Appia and Théodore Maunoir", "her husband, Frédéric Joliot-Curie"
            )
    if len(words) == 1 and words[0] in ORG_WORDS | {"state"} and words[0] not in LEGISLATURES:
        return ""  # "the Army", "Secretary of State": no name of its own; "Congress" has one
    return label


_MINUTE_MARKS = ("'", "’", "′", "+")  # "77'", "90+3'": a match's minutes
_DESCRIPTOR = re.compile(r"[A-Z][a-z]+-[a-z]+")
_ELIDED_PARTICLE = re.compile(r"[dl]['’][A-Z]")
_NUMBERED = re.compile(r"[A-Z]|\d+")


def _singular(word: str) -> str:
    """ "plans" -> "plan": enough for the head words of NOT_ORG_WORDS."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


# "Pierre-Simon Laplace", "Jean-Paul Sartre"; not "Austro-Hungarian Empire" (an adjective).
_HYPHENATED_PERSON = re.compile(r"[A-Z][a-zé]+-[A-Z][a-zé]+(?<!an) [A-Z][a-zé]+")


def _plausible_person(text: str) -> bool:
    words = text.split()
    return (
        1 <= len(words) <= 5
        and not any(ch.isdigit() for ch in text)
        and text[:1].isupper()
        and not (text.isupper() and len(text) > 4)  # bylines like "TIMES STAFF WRITER"
        and all(
            w[:1].isupper()
            or w.lower() in NAME_PARTICLES
            or w.split("-")[0].lower() in NAME_PARTICLE_PREFIXES | set(NAME_PARTICLES)
            or (w == "the" and k + 1 < len(words) and words[k + 1].lower() in EPITHETS)
            or _ELIDED_PARTICLE.match(w)  # "Jean le Rond d'Alembert", "Guy d’Arezzo"
            for k, w in enumerate(words)
        )
    )


def _plausible_org(text: str) -> bool:
    """Capitalised, or a numbered unit's name ("101st Airborne", "7th Cavalry Regiment")."""
    words = text.split()
    return (
        1 <= len(words) <= 12
        and (text[:1].isupper() or bool(_NUMBERED_UNIT.match(text)))
        and not text.isdigit()
    )


_NUMBERED_UNIT = re.compile(r"\d+(?:st|nd|rd|th) [A-Z]")


def is_acronym_of(short: str, full: str) -> bool:
    """ "NATO" of "North Atlantic Treaty Organization": the capitals' initials."""
    if not (short.isupper() and 2 <= len(short) <= 8 and " " not in short):
        return False
    return short.replace(".", "") == initials(full)


def initials(name: str) -> str:
    """The initials of a name's capitalised words ("North Atlantic Treaty Organization":
    "NATO"; "Jet-Propulsion Laboratory": "JPL")."""
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w[0].isupper())
