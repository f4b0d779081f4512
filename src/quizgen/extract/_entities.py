"""Actors and organizations: one entity per referent, with roles, quotes and descriptions.

Works on the light parse in `Sentence` (no spaCy objects), so it is testable on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizgen.extract import _orgs
from quizgen.extract._orgs import ORG_WORDS, Span
from quizgen.extract._types import Entity, Mention, Quote, Role, Sentence, Token

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
_GROUP_NOUNS = frozenset(
    [
        "group",
        "organization",
        "organisation",
        "association",
        "alliance",
        "bloc",
        "body",
        "league",
        "union",
        "forum",
        "club",
        "members",
    ]
)
_SPEECH_VERBS = frozenset(
    [
        "say",
        "tell",
        "add",
        "declare",
        "note",
        "explain",
        "warn",
        "insist",
        "argue",
        "write",
        "recall",
        "state",
        "announce",
        "reply",
    ]
)
_MEMBER_VERBS = {"consist", "comprise", "include", "unite", "group"}
_SUBJECT_PRONOUNS = {"he", "she"}


def _span_text(sent: Sentence, start: int, end: int) -> str:
    return sent.span_text(start, end)


def _is_initial(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]\.?", word))


def _name_key(name: str) -> tuple[str, ...]:
    return tuple(w.lower().strip(".") for w in name.split() if not _is_initial(w))


def normalize_spans(sentences: Sequence[Sentence], spans: list[Span]) -> list[Span]:
    """Trim articles, possessives and titles from entity spans and fix labels we can tell better."""
    spans = _orgs.merge_name_tails(sentences, spans) + _orgs.class_noun_spans(sentences, spans)
    common = _orgs.lowercase_words(sentences)
    # "King's" in "leave DNA to King's" is short for "King's College London": keep the 's.
    org_texts = [
        re.sub(r"^the\s+", "", _span_text(sentences[s.sent], s.start, s.end), flags=re.I)
        for s in spans
        if s.label == "ORG"
    ]
    out = []
    for span in spans:
        sent = sentences[span.sent]
        toks = sent.tokens
        start, end, label = span.start, span.end, span.label
        if label in ("DATE", "CARDINAL") and end < len(toks) and toks[end].text in _ERAS:
            # "753 BC": the tagger often leaves the era out of the date, or calls it an ORG.
            out.append(Span(span.sent, start, end + 1, "DATE"))
            continue
        if _span_text(sent, start, end) in _ERAS:
            continue
        if label in ("WORK_OF_ART", "PRODUCT") and (
            _orgs.published_in(sent, start, end)
            or _orgs.title_class(sent, start, _head_of(sent, start, end)) == "org"
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
            whole = _span_text(sent, start, end) + "'s "
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
            out.extend(_org_spans(sent, span.sent, start, end, common))
            continue
        label = _relabel(sent, start, end, label)
        text = _span_text(sent, start, end)
        if label == "PERSON" and not _plausible_person(text):
            continue
        if label == "ORG" and not _plausible_org(text):
            continue
        if label:
            out.append(Span(span.sent, start, end, label))
    out = _majority_labels(sentences, out)
    out = _short_org_names(sentences, out)
    persons = {
        w
        for s in out
        if s.label == "PERSON"
        for w in _name_key(_span_text(sentences[s.sent], s.start, s.end))
    }
    # "Franklin", "the Curies": a surname the tagger took for an organization. A person's
    # name is a mention of that person (so "Wilkins and his co-workers" has its "his");
    # a family ("the Curies") is no one person and is left out.
    kept = []
    for s in out:
        words = _name_key(_span_text(sentences[s.sent], s.start, s.end))
        if s.label == "ORG" and all(w in persons for w in words):
            kept.append(Span(s.sent, s.start, s.end, "PERSON"))
        elif not (s.label == "ORG" and all(w.rstrip("s") in persons for w in words)):
            kept.append(s)
    return kept


def _majority_labels(sentences: Sequence[Sentence], spans: list[Span]) -> list[Span]:
    """A name tagged ORG more often than PERSON is an organization everywhere: the tagger
    called "Pennine Freight" a person once, as the subject of "will pay"."""
    votes: dict[str, int] = {}
    for s in spans:
        if s.label in ("PERSON", "ORG"):
            text = _span_text(sentences[s.sent], s.start, s.end)
            votes[text] = votes.get(text, 0) + (1 if s.label == "ORG" else -1)
    return [
        Span(s.sent, s.start, s.end, "ORG")
        if s.label == "PERSON" and votes[_span_text(sentences[s.sent], s.start, s.end)] > 0
        else s
        for s in spans
    ]


def _short_org_names(sentences: Sequence[Sentence], spans: list[Span]) -> list[Span]:
    """ "Lumina was spun out of ...": one word tagged PERSON that opens a company's name found
    elsewhere ("Lumina Robotics") and no person's name is the company's short form."""
    texts = [(s, _span_text(sentences[s.sent], s.start, s.end).split()) for s in spans]
    openers = {
        words[0]
        for s, words in texts
        if s.label == "ORG" and len(words) > 1 and all(w[:1].isupper() for w in words)
    }
    in_names = {w for s, words in texts if s.label == "PERSON" and len(words) > 1 for w in words}
    out = []
    for s, words in texts:
        toks = sentences[s.sent].tokens
        titled = s.start > 0 and toks[s.start - 1].lower_text in TITLE_WORDS | HONORIFICS
        if (
            s.label == "PERSON"
            and len(words) == 1
            and words[0] in openers
            and words[0] not in in_names
            and not titled
        ):
            s = Span(s.sent, s.start, s.end, "ORG")
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
        if (_is_acronym_of(acronym[1], longer) and toks[end - 1].lower_text in _CUT_WORDS) or (
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
        text = _span_text(sent, a, b)
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


# --- clustering ---------------------------------------------------------------------------


def cluster(
    sentences: Sequence[Sentence], spans: list[Span], kind: str
) -> tuple[list[Entity], dict[tuple[int, int], Entity]]:
    """Group mentions into entities; returns the entities and a map (sent, start) -> entity."""
    label = "PERSON" if kind == "actor" else "ORG"
    mentions = [
        Mention(s.sent, s.start, s.end, _span_text(sentences[s.sent], s.start, s.end))
        for s in spans
        if s.label == label
    ]
    entities: list[Entity] = []
    by_key: dict[tuple[str, ...], Entity] = {}
    where: dict[tuple[int, int], Entity] = {}
    # Fullest names first, so short forms find the entity they belong to.
    names = sorted({m.text for m in mentions}, key=lambda n: (-len(_name_key(n)), -len(n), n))
    first: dict[str, tuple[int, int]] = {}
    for m in mentions:
        first[m.text] = min(first.get(m.text, (m.sent, m.start)), (m.sent, m.start))
    for name in names:
        key = _name_key(name) if kind == "actor" else (_org_key(name),)
        if key in by_key:
            continue
        if kind == "actor":
            owners = [e for k, e in by_key.items() if set(key) < set(k) or (set(key) == set(k))]
        else:
            # A short form follows its full name ("Lumina Robotics ... Lumina"); a name used
            # first on its own is another organization ("Google ... Google DeepMind").
            owners = [
                e
                for e in entities
                if _is_acronym_of(name, e.name)
                or (_leads(name, e.name) and first[e.name] < first[name])
            ]
        if len(owners) == 1 or (owners and kind == "actor"):
            by_key[key] = owners[0] if len(owners) == 1 else _AMBIGUOUS
            continue
        entity = Entity(kind=kind, name=name)
        entities.append(entity)
        by_key[key] = entity
    ambiguous: set[tuple[str, ...]] = {k for k, e in by_key.items() if e is _AMBIGUOUS}
    last_full: dict[tuple[str, ...], Entity] = {}
    for m in sorted(mentions, key=lambda m: (m.sent, m.start)):
        key = _name_key(m.text) if kind == "actor" else (_org_key(m.text),)
        entity = by_key[key]
        if key in ambiguous:
            # A shared surname ("Curie") goes to whoever of its owners was named last.
            candidates = [e for k, e in last_full.items() if set(key) < set(k)]
            if not candidates:
                continue
            entity = candidates[-1]
        else:
            last_full[key] = entity
            # keep insertion order = recency
            last_full[key] = last_full.pop(key)
        entity.mentions.append(m)
        where[(m.sent, m.start)] = entity
        if m.text != entity.name and m.text not in entity.aliases and key not in ambiguous:
            entity.aliases.append(m.text)
    entities = [e for e in entities if e.mentions]
    entities.sort(key=lambda e: (e.mentions[0].sent, e.mentions[0].start))
    return entities, where


_AMBIGUOUS = Entity(kind="ambiguous", name="")


def _org_key(name: str) -> str:
    return re.sub(r"^the\s+", "", name.lower()).replace("’", "'")


def _leads(short: str, full: str) -> bool:
    """ "King's" of "King's College London", "Lumina" of "Lumina Robotics": the opening words
    of a longer name (a possessive, or one word), with no organization word of their own.
    The caller links only when one organization fits."""
    words = short.replace("’", "'").split()
    full_words = full.replace("’", "'").split()
    return (
        full_words[: len(words)] == words
        and len(full_words) > len(words)
        and not any(w.lower() in ORG_WORDS for w in words)
        and (words[-1].endswith("'s") or (len(words) == 1 and full_words[1][:1].isupper()))
    )


def _is_acronym_of(short: str, full: str) -> bool:
    if not (short.isupper() and 2 <= len(short) <= 8 and " " not in short):
        return False
    initials = "".join(w[0] for w in re.split(r"[\s-]+", full) if w and w[0].isupper())
    return short.replace(".", "") == initials


def link_acronyms(sentences: Sequence[Sentence], orgs: list[Entity]) -> list[Entity]:
    """Tie "Full Name (ACR)" acronyms to their full names; merge ACR-only entities into them."""
    covered = {(m.sent, i) for o in orgs for m in o.mentions for i in range(m.start, m.end)}
    for org in orgs:
        for m in org.mentions:
            sent = sentences[m.sent]
            found = _orgs.acronym_after(sent, m.end)
            if found is None or sent.tokens[found[0] + 1].ent in ("GPE", "LOC", "NORP", "DATE"):
                continue
            if any((m.sent, i) in covered for i in range(m.end, found[0])):
                continue  # "X Laboratory of the Y Institute (YI)": the brackets are Y's
            # "(ESPCI)" after a name the parse cut short; "(Caltech)": a short form, not initials
            acr = found[1]
            if (acr.isupper() or _orgs.is_short_form(acr, org.name)) and acr not in org.names:
                org.aliases.append(acr)
    merged: list[Entity] = []
    for org in orgs:
        owner = next(
            (o for o in merged if org.name in o.aliases or _is_acronym_of(org.name, o.name)), None
        )
        if owner is None:
            merged.append(org)
            continue
        owner.mentions.extend(org.mentions)
        for alias in [org.name, *org.aliases]:
            if alias not in owner.aliases and alias != owner.name:
                owner.aliases.append(alias)
    for org in merged:
        # "the Council for Mutual Economic Assistance (Comecon)": the short form in brackets
        # defines an alias; it is not a second mention of the organization in that sentence.
        defined = {
            (m.sent, found[0] + 1)
            for m in org.mentions
            if (found := _orgs.acronym_after(sentences[m.sent], m.end)) is not None
        }
        org.mentions = [m for m in org.mentions if (m.sent, m.start) not in defined]
    return merged


# --- roles, quotes, descriptions ----------------------------------------------------------


def _head_of(sent: Sentence, start: int, end: int) -> int:
    """The token of [start, end) whose head lies outside the span."""
    for t in sent.tokens[start:end]:
        if not start <= t.head < end or t.head == t.i:
            return t.i
    return end - 1


def title_role(sent: Sentence, m: Mention, orgs_at: dict[tuple[int, int], Entity]) -> Role | None:
    """The title before a name: "Chinese Foreign Minister Tang Jiaxuan" -> "Chinese Foreign Minister"."""
    toks = sent.tokens
    members = set(range(m.start, m.end))
    k = m.start - 1
    while k >= 0:
        t = toks[k]
        # "Putin and Chinese President Jiang Zemin": the parser may hang the title elsewhere,
        # but a title word right before the name is still its title.
        if t.lower_text in TITLE_WORDS and t.text[:1].isupper():
            members.add(k)
            k -= 1
            continue
        attached = t.head in members and t.dep in (
            "compound",
            "amod",
            "nmod",
            "poss",
            "case",
            "punct",
            "nn",
        )
        # a possessive's case marker hangs on the possessor, not on the name
        possessive = t.dep == "case" and k + 1 in members
        if not (attached or possessive):
            break
        if t.dep == "punct" and t.text not in ("-", "–"):
            break
        if t.lower_text in ("the", "a", "an") or t.pos in (
            "VERB",
            "AUX",
            "PRON",
            "DET",
            "ADP",
            "CCONJ",
        ):
            break
        members.add(k)
        k -= 1
    start = k + 1
    if (
        start >= 2
        and toks[start - 1].lower_text == "of"
        and toks[start - 2].lower_text in TITLE_WORDS
    ):
        start -= 2  # "Secretary of State George C. Marshall"
        while (
            start > 0
            and toks[start - 1].text[:1].isupper()
            and toks[start - 1].pos in ("PROPN", "ADJ", "NOUN")
        ):
            start -= 1
    if start >= m.start:
        return None
    words = toks[start : m.start]
    if not any(w.lower_text in TITLE_WORDS or (w.pos == "NOUN" and not w.ent) for w in words):
        return None
    text = sent.span_text(start, m.start)
    org = None
    # "Analyst X of the Carnegie Moscow Center think tank": the affiliation completes the title.
    head = _head_of(sent, m.start, m.end)
    for child in sent.children(head):
        if child.dep == "prep" and child.lower_text in ("of", "at", "from") and child.i >= m.end:
            sub = sent.subtree(child.i)
            org = _org_in(sent, sub, orgs_at)
            if org:
                text = f"{text} {sent.span_text(sub[0], sub[-1] + 1)}"
                break
    if org is None:
        org = _org_in(sent, list(range(start, m.start)), orgs_at)
    return Role(text=text, sent=sent.index, source="title", org=org)


def _org_in(
    sent: Sentence, indices: Sequence[int], orgs_at: dict[tuple[int, int], Entity]
) -> str | None:
    for i in indices:
        org = orgs_at.get((sent.index, i))
        if org is not None:
            return org.name
    return None


def appositive_role(
    sent: Sentence, m: Mention, orgs_at: dict[tuple[int, int], Entity]
) -> Role | None:
    """ "X, a senior analyst and head of Y," -> "a senior analyst and head of Y"."""
    head = _head_of(sent, m.start, m.end)
    for child in sent.children(head):
        if child.dep == "appos" and child.i > m.end and child.pos in ("NOUN",):
            sub = [i for i in sent.subtree(child.i) if not sent.tokens[i].quoted]
            while sub and sent.tokens[sub[-1]].pos == "PUNCT":
                sub.pop()
            sub = _balanced(sent, sub)
            if not sub or len(sub) > 30:
                return None
            return Role(
                sent.span_text(sub[0], sub[-1] + 1),
                sent.index,
                "appositive",
                _org_in(sent, sub, orgs_at),
            )
    return None


def _balanced(sent: Sentence, sub: list[int]) -> list[int]:
    """A phrase never ends inside parentheses: "... of Technology (Caltech" gets its ")"."""
    toks = sent.tokens
    opened = sum(toks[i].text == "(" for i in sub) - sum(toks[i].text == ")" for i in sub)
    if opened <= 0 or not sub:
        return sub
    after = sub[-1] + 1
    if opened == 1 and after < len(toks) and toks[after].text == ")":
        return [*sub, after]
    cut = next(i for i in sub if toks[i].text == "(")
    return [i for i in sub if i < cut]


def copula_role(sent: Sentence, m: Mention, orgs_at: dict[tuple[int, int], Entity]) -> Role | None:
    """ "X was a physicist" / "X became the first ..." -> the predicate noun phrase."""
    head = _head_of(sent, m.start, m.end)
    tok = sent.tokens[head]
    if tok.dep != "nsubj":
        return None
    verb = sent.tokens[tok.head]
    if verb.lemma not in ("be", "become") or any(c.dep == "neg" for c in sent.children(verb.i)):
        return None
    for child in sent.children(verb.i):
        if child.dep == "attr" and child.pos == "NOUN" and child.i > head:
            sub = sent.subtree(child.i)
            # stop at a following clause: "a chemist, and in 1911 she ..."
            sub = [i for i in sub if i <= max(sub)]
            while sub and sent.tokens[sub[-1]].pos == "PUNCT":
                sub.pop()
            if not sub or len(sub) > 25 or any(sent.tokens[i].quoted for i in sub):
                return None
            return Role(
                sent.span_text(sub[0], sub[-1] + 1),
                sent.index,
                "copula",
                _org_in(sent, sub, orgs_at),
            )
    return None


def attach_roles(
    sentences: Sequence[Sentence], actors: list[Entity], orgs_at: dict[tuple[int, int], Entity]
) -> None:
    """Give each actor the roles the text states, first mention first, without repeats."""
    for actor in actors:
        seen: set[str] = set()
        for m in actor.mentions:
            sent = sentences[m.sent]
            if any(t.quoted for t in sent.tokens[m.start : m.end]):
                continue
            for finder in (title_role, appositive_role, copula_role):
                role = finder(sent, m, orgs_at)
                if role and role.text.lower() not in seen:
                    seen.add(role.text.lower())
                    actor.roles.append(role)


_GENDER = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}


class Coref:
    """Resolves he/she/his/her to a person, only where the text leaves one candidate.

    A text about one person (named in its title) refers to them with its most frequent
    pronoun; any other he/she must have exactly one person named just before it.
    """

    def __init__(self, sentences: Sequence[Sentence], actors: Sequence[Entity], title: str) -> None:
        self.sentences = sentences
        self.mentions: dict[int, list[tuple[int, Entity]]] = {}
        for actor in actors:
            for m in actor.mentions:
                self.mentions.setdefault(m.sent, []).append((m.start, actor))
        self.topic = next((a for a in actors if a.name.lower() in title.lower()), None)
        counts = {"m": 0, "f": 0}
        for sent in sentences:
            for t in sent.tokens:
                if t.lower_text in _GENDER and not t.quoted:
                    counts[_GENDER[t.lower_text]] += 1
        major, minor = sorted(counts, key=counts.get, reverse=True)  # type: ignore[arg-type]
        self.topic_gender = major if counts[major] >= 2 * max(counts[minor], 1) else None

    def resolve(self, sent_index: int, token_index: int, pronoun: str) -> Entity | None:
        """The person `pronoun` at (sentence, token) refers to, or None when unsure."""
        gender = _GENDER.get(pronoun.lower())
        if gender is None:
            return None
        here = self.mentions.get(sent_index, [])
        before = list({id(e): e for start, e in here if start < token_index}.values())
        topical = self.topic is not None and gender == self.topic_gender
        if topical:
            return self.topic if not before or before == [self.topic] else None
        candidates = [e for e in before if e is not self.topic or self.topic_gender is None]
        if before:
            return candidates[0] if len(before) == 1 and candidates else None
        if sent_index == 0:
            return None
        # News often attributes a quote in a new paragraph ("..., she said."): look back one sentence.
        prev = list({id(e): e for _, e in self.mentions.get(sent_index - 1, [])}.values())
        prev = [e for e in prev if e is not self.topic or self.topic_gender is None]
        return prev[0] if len(prev) == 1 else None


def attach_quotes(
    sentences: Sequence[Sentence], actors_at: dict[tuple[int, int], Entity], coref: Coref
) -> None:
    """“…,” said X / X said “…” / “…,” she said -> a Quote on X."""
    starts = {}
    for (s, start), entity in actors_at.items():
        starts.setdefault(s, []).append((start, entity))
    for sent in sentences:
        if sum(t.quoted for t in sent.tokens) < 4:
            continue
        speaker = None
        for t in sent.tokens:
            if t.quoted or t.lemma not in _SPEECH_VERBS:
                continue
            for child in sent.children(t.i):
                if child.dep != "nsubj" or child.quoted:
                    continue
                speaker = _actor_at(sent, child.i, starts.get(sent.index, []))
                if speaker is None and child.lower_text in _SUBJECT_PRONOUNS:
                    speaker = coref.resolve(sent.index, child.i, child.lower_text)
            if speaker:
                break
        if speaker is None:
            continue
        text = _quote_text(sent)
        if text:
            speaker.quotes.append(Quote(text, sent.index))


def _actor_at(sent: Sentence, i: int, starts: list[tuple[int, Entity]]) -> Entity | None:
    for start, entity in starts:
        for m in entity.mentions:
            if m.sent == sent.index and m.start == start and m.start <= i < m.end:
                return entity
    return None


def _quote_text(sent: Sentence) -> str:
    """The longest run of quoted words in the sentence, without its closing comma."""
    runs: list[list[Token]] = [[]]
    for t in sent.tokens:
        if t.quoted and t.text not in ("“", "”", '"'):
            runs[-1].append(t)
        elif runs[-1]:
            runs.append([])
    best = max(runs, key=len)
    if len(best) < 4:
        return ""
    text = "".join(t.text + t.ws for t in best).strip()
    return text.rstrip(",").strip()


def attach_org_facts(
    sentences: Sequence[Sentence], orgs: list[Entity], orgs_at: dict[tuple[int, int], Entity]
) -> None:
    """What the text says of an organization: "known as", appositives, relative clauses, members."""
    for org in orgs:
        for m in org.mentions:
            sent = sentences[m.sent]
            toks = sent.tokens
            head = _head_of(sent, m.start, m.end)
            if org.class_noun is None:
                org.class_noun = _class_noun(sent, m)
            # "a new multilateral association in Asia known as the Shanghai Five"
            prep = toks[toks[head].head]
            if (
                prep.lower_text == "as"
                and toks[prep.head].lemma in ("know", "call", "name")
                and toks[prep.head].dep == "acl"
            ):
                noun = toks[prep.head].head
                keep = [i for i in sent.subtree(noun) if i < prep.head]
                if keep:
                    org.descriptions.append(
                        Role(sent.span_text(keep[0], keep[-1] + 1), sent.index, "known-as")
                    )
                    if org.class_noun in (None, "organization"):
                        org.class_noun = toks[noun].lemma.lower()
            for child in sent.children(head):
                if child.dep == "appos" and child.pos == "NOUN" and child.i > m.end:
                    # "Harrow & Finch, the stockbroker, Priya Natarajan": the name that follows
                    # is the next appositive's, not part of this description
                    nested = {
                        i
                        for c in sent.children(child.i)
                        if c.dep == "appos" and c.ent == "PERSON"
                        for i in sent.subtree(c.i)
                    }
                    sub = [i for i in sent.subtree(child.i) if i not in nested]
                    while sub and toks[sub[-1]].pos == "PUNCT":
                        sub.pop()
                    sub = _balanced(sent, sub)
                    org.descriptions.append(
                        Role(
                            sent.span_text(sub[0], sub[-1] + 1).rstrip(","),
                            sent.index,
                            "appositive",
                        )
                    )
                if child.dep == "relcl" and child.i > m.end:
                    sub = [
                        i
                        for i in sent.subtree(child.i)
                        if toks[i].lower_text not in ("which", "that", "who")
                    ]
                    while sub and toks[sub[-1]].pos == "PUNCT":
                        sub.pop()
                    if sub and sub[0] > m.end and len(sub) <= 25:
                        org.descriptions.append(
                            Role(sent.span_text(sub[0], sub[-1] + 1), sent.index, "relative")
                        )
    _attach_members(sentences, orgs, orgs_at)


def _class_noun(sent: Sentence, m: Mention) -> str | None:
    toks = sent.tokens
    after = []
    k = m.end
    while k < len(toks) and toks[k].pos == "NOUN" and toks[k].text.islower() and len(after) < 2:
        after.append(toks[k].text)
        k += 1
    if after:
        return " ".join(after)
    last = toks[m.end - 1].lower_text
    return last if last in ORG_WORDS else None


def _attach_members(
    sentences: Sequence[Sentence], orgs: list[Entity], orgs_at: dict[tuple[int, int], Entity]
) -> None:
    last_org: Entity | None = None
    orgs_by_sent: dict[int, list[Entity]] = {}
    for (s, _), e in sorted(orgs_at.items(), key=lambda kv: kv[0]):
        orgs_by_sent.setdefault(s, []).append(e)
    for sent in sentences:
        toks = sent.tokens
        for t in toks:
            if t.lemma not in _MEMBER_VERBS and not (
                t.lemma == "bring" and any(c.lower_text == "together" for c in sent.children(t.i))
            ):
                continue
            subj = next((c for c in sent.children(t.i) if c.dep == "nsubj"), None)
            if subj is None:
                continue
            owner = orgs_at.get((sent.index, subj.i)) or _org_covering(sent, subj.i, orgs)
            if (
                owner is None
                and subj.lemma in _GROUP_NOUNS
                and any(c.lower_text == "the" for c in sent.children(subj.i))
            ):
                owner = last_org
            if owner is None:
                continue
            members: list[str] = []
            subj_tree = set(sent.subtree(subj.i))
            for i in sent.subtree(t.i):
                tok = toks[i]
                if (
                    tok.ent in ("GPE", "ORG", "NORP")
                    and i not in subj_tree
                    and (i == 0 or toks[i - 1].ent != tok.ent)
                ):
                    members.append(_entity_text(sent, i))
            for child in sent.children(
                t.i
            ):  # "Besides Russia and China, the group consists of ..."
                if (
                    child.dep == "prep"
                    and child.lower_text in ("besides", "beside")
                    and child.i < subj.i
                ):
                    members = [
                        _entity_text(sent, i)
                        for i in sent.subtree(child.i)
                        if toks[i].ent == "GPE" and (i == 0 or toks[i - 1].ent != "GPE")
                    ] + members
            if len(members) >= 2 and not owner.members:
                owner.members = list(dict.fromkeys(members))
        here = orgs_by_sent.get(sent.index)
        if here:
            last_org = here[-1]


def _org_covering(sent: Sentence, i: int, orgs: list[Entity]) -> Entity | None:
    for org in orgs:
        for m in org.mentions:
            if m.sent == sent.index and m.start <= i < m.end:
                return org
    return None


def _entity_text(sent: Sentence, i: int) -> str:
    label = sent.tokens[i].ent
    end = i
    while (
        end + 1 < len(sent.tokens)
        and sent.tokens[end + 1].ent == label
        and sent.tokens[end + 1].dep != "cc"
    ):
        end += 1
    text = sent.span_text(i, end + 1)
    return re.sub(r"^the\s+", "", text)
