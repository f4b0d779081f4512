"""Actors and organizations: one entity per referent, with roles, quotes and descriptions.

Works on the light parse in `Sentence` (no spaCy objects), so it is testable on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizgen._extract import _orgs
from quizgen._extract._name_index import ShortForms, Supersets
from quizgen._extract._name_text import (
    is_acronym_of,
    name_key,
    span_text,
    without_suffix,
)
from quizgen._extract._orgs import Span
from quizgen._extract._types import Entity, Mention, Quote, Role, Sentence, Token
from quizgen._lexicon import (
    ARTICLES,
    GROUP_NOUNS,
    MEMBER_VERBS,
    NAME_PARTICLES,
    ORG_HEAD_SHORT_FORMS,
    ORG_WORDS,
    PRONOUN_GENDER,
    REGNAL_TITLES,
    SPEECH_VERBS,
    TITLE_WORDS,
)

_SUBJECT_PRONOUNS = {"he", "she"}


# --- clustering ---------------------------------------------------------------------------


def cluster(
    sentences: Sequence[Sentence],
    spans: list[Span],
    kind: str,
    labels: frozenset[str] | None = None,
) -> tuple[list[Entity], dict[tuple[int, int], Entity]]:
    """Group mentions into entities of `kind`; returns the entities and a map (sent, start)
    -> entity. The spans are those labelled PERSON for "actor", ORG for "organization", or
    any of `labels` for another kind (clustered as organizations are)."""
    if labels is None:
        labels = frozenset({"PERSON" if kind == "actor" else "ORG"})
    mentions = [
        Mention(
            s.sent_index,
            s.start,
            s.end,
            s.text or span_text(sentences[s.sent_index], s.start, s.end),
            s.text is not None,
        )
        for s in spans
        if s.label in labels
    ]
    entities: list[Entity] = []
    by_key: dict[tuple[str, ...], Entity] = {}
    where: dict[tuple[int, int], Entity] = {}
    # Fullest names first, so short forms find the entity they belong to.
    names = sorted({m.text for m in mentions}, key=lambda n: (-len(name_key(n)), -len(n), n))
    first: dict[str, tuple[int, int]] = {}
    for m in mentions:
        first[m.text] = min(first.get(m.text, (m.sent_index, m.start)), (m.sent_index, m.start))
    # Only the keys and organizations that can pass the tests below are tested (`_name_index`).
    supersets, short_forms = Supersets(), ShortForms()
    for name in names:
        key = name_key(name) if kind == "actor" else (_org_key(name),)
        if key in by_key:
            continue
        if kind == "actor":
            owners = supersets.of(key)  # the keys holding all of its words
        else:
            # A short form follows its full name ("Lumina Robotics ... Lumina"); a name used
            # first on its own is another organization ("Google ... Google DeepMind").
            owners = [
                e
                for e in short_forms.shortened_by(name)
                if is_acronym_of(name, e.name)
                or (_shortens(name, e.name) and first[e.name] < first[name])
            ]
            # "the House" after "U.S. House of Representatives": the text's own short form;
            # with two such names ("House of Commons", "House of Lords") it is neither's.
            heads = [
                e
                for e in short_forms.holding_word(name)
                if _head_short(name, e.name) and first[e.name] < first[name]
            ]
            if not owners and len(heads) > 1:
                by_key[key] = _AMBIGUOUS
                continue
            owners = owners or heads
        if len(owners) == 1 or (owners and kind == "actor"):
            by_key[key] = owners[0] if len(owners) == 1 else _AMBIGUOUS
            supersets.add(key, by_key[key])
            continue
        entity = Entity(kind=kind, name=name)
        entities.append(entity)
        by_key[key] = entity
        supersets.add(key, entity)
        short_forms.add(entity)
    ambiguous: set[tuple[str, ...]] = {k for k, e in by_key.items() if e is _AMBIGUOUS}
    last_full: dict[tuple[str, ...], Entity] = {}
    for m in sorted(mentions, key=lambda m: (m.sent_index, m.start)):
        key = name_key(m.text) if kind == "actor" else (_org_key(m.text),)
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
        where[(m.sent_index, m.start)] = entity
        if m.text != entity.name and m.text not in entity.aliases and key not in ambiguous:
            entity.aliases.append(m.text)
    entities = [e for e in entities if e.mentions]
    entities.sort(key=lambda e: (e.mentions[0].sent_index, e.mentions[0].start))
    return entities, where


_AMBIGUOUS = Entity(kind="ambiguous", name="")


def _org_key(name: str) -> str:
    return re.sub(r"^the\s+", "", name.lower()).replace("’", "'")


def _head_short(short: str, full: str) -> bool:
    """ "House" of "U.S. House of Representatives", "League" of "League of Nations": one
    capitalised word of the longer name that names its kind of body, before any "of"
    ("Congress" of "Library of Congress" is another body: blind review 4)."""
    return (
        " " not in short
        and short.istitle()
        and short in _head_part(full)
        and short != full
        and _org_key(short) in ORG_HEAD_SHORT_FORMS
    )


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


def _shortens(short: str, full: str) -> bool:
    """Is `short` how a text names `full` once it has been named: its opening words, its
    last word, or the name without its legal form ("Graham Paper" of "Graham Paper
    Company")?"""
    return _leads(short, full) or _ends(short, full) or short == without_suffix(full.split())


def _ends(short: str, full: str) -> bool:
    """ "Enquirer" of "Cincinnati Enquirer", "Derrick" of "Oil City Derrick": a newspaper's or
    a firm's last word, when it names no kind of body ("Union" of "Soviet Union" is any
    union's). The caller links only when one organization fits. The last word must be the
    name's head: after an "of" it names another thing ("Congress" of "Library of Congress"
    is the legislature, "Texas" of "University of Texas" the state; blind review 4 keyed
    "the president and Congress" as the library)."""
    words = full.split()
    return (
        " " not in short
        and short.istitle()
        and len(words) > 1
        and words[-1] == short
        and short.lower() not in ORG_WORDS
        and _head_part(full) == words
    )


def _head_part(full: str) -> list[str]:
    """The words of a name before its first lower-case word ("of", "for", "and"): the part
    that names the body ("Library" of "Library of Congress"); what follows names another
    thing, its owner, place or field."""
    words = full.split()
    cut = next((k for k, w in enumerate(words) if w[:1].islower()), len(words))
    return words[:cut]


def link_acronyms(sentences: Sequence[Sentence], orgs: list[Entity]) -> list[Entity]:
    """Tie "Full Name (ACR)" acronyms to their full names; merge ACR-only entities into them."""
    covered = {(m.sent_index, i) for o in orgs for m in o.mentions for i in range(m.start, m.end)}
    for org in orgs:
        for m in org.mentions:
            sent = sentences[m.sent_index]
            found = _orgs.acronym_after(sent, m.end)
            if found is None or sent.tokens[found[0] + 1].ent in ("GPE", "LOC", "NORP", "DATE"):
                continue
            if any((m.sent_index, i) in covered for i in range(m.end, found[0])):
                continue  # "X Laboratory of the Y Institute (YI)": the brackets are Y's
            # "(ESPCI)" after a name the parse cut short; "(Caltech)": a short form, not initials
            acr = found[1]
            if (acr.isupper() or _orgs.is_short_form(acr, org.name)) and acr not in org.names:
                org.aliases.append(acr)
    merged: list[Entity] = []
    for org in orgs:
        owner = next(
            (o for o in merged if org.name in o.aliases or is_acronym_of(org.name, o.name)), None
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
            (m.sent_index, found[0] + 1)
            for m in org.mentions
            if (found := _orgs.acronym_after(sentences[m.sent_index], m.end)) is not None
        }
        org.mentions = [m for m in org.mentions if (m.sent_index, m.start) not in defined]
    return merged


# --- roles, quotes, descriptions ----------------------------------------------------------


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
        if t.lower_text in ARTICLES or t.pos in (
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
    if (
        start == m.start
        and start >= 2
        and toks[start - 1].text.islower()
        and _orgs.is_person_noun(toks[start - 1].text)
        and toks[start - 2].lower_text in ARTICLES
    ):
        start -= 1  # "The merchant Hans Sloane": the parse may hang the noun elsewhere
    if start >= m.start:
        return _regnal_role(sent, m)
    words = toks[start : m.start]
    if not any(w.lower_text in TITLE_WORDS or (w.pos == "NOUN" and not w.ent) for w in words):
        return None
    text = sent.span_text(start, m.start)
    org = None
    # "Analyst X of the Carnegie Moscow Center think tank": the affiliation completes the title.
    head = sent.span_head(m.start, m.end)
    for child in sent.children(head):
        if child.dep == "prep" and child.lower_text in ("of", "at", "from") and child.i >= m.end:
            sub = sent.subtree(child.i)
            org = _org_in(sent, sub, orgs_at)
            if org:
                text = f"{text} {sent.span_text(sub[0], sub[-1] + 1)}"
                break
    if org is None:
        org = _org_in(sent, list(range(start, m.start)), orgs_at)
    return Role(text=text, sent_index=sent.index, source="title", org=org)


def _regnal_role(sent: Sentence, m: Mention) -> Role | None:
    """ "King John": the title a ruler's name keeps is their role."""
    first = sent.tokens[m.start]
    if m.end - m.start > 1 and first.lower_text in REGNAL_TITLES:
        return Role(first.text, sent.index, "title")
    return None


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
    head = sent.span_head(m.start, m.end)
    for child in sent.children(head):
        # "a senior analyst", or a capitalised title: "the Prime Minister of the United Kingdom"
        titled = child.pos == "PROPN" and child.lower_text in TITLE_WORDS | REGNAL_TITLES
        if child.dep == "appos" and child.i > m.end and (child.pos == "NOUN" or titled):
            if child.tag in ("NNS", "NNPS"):
                # "Bob Woodward and Carl Bernstein, reporters for the Post": a plural role
                # is the pair's, and "Who was the reporters ...?" has two answers
                return None
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
    head = sent.span_head(m.start, m.end)
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
            sent = sentences[m.sent_index]
            if any(t.quoted for t in sent.tokens[m.start : m.end]):
                continue
            for finder in (title_role, appositive_role, copula_role):
                role = finder(sent, m, orgs_at)
                if role and role.text.lower() not in seen:
                    seen.add(role.text.lower())
                    actor.roles.append(role)


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
                self.mentions.setdefault(m.sent_index, []).append((m.start, actor))
        # "Singer Aretha Franklin, 'queen of soul', dies aged 76" is about Aretha Louise
        # Franklin: the title may use a shorter form of the name, but a full one (2+ words)
        self.topic = next(
            (
                a
                for a in actors
                if any(
                    n == a.name or len(n.split()) > 1
                    for n in a.names
                    if any(_in_words(form, title.lower()) for form in _name_forms(n.lower()))
                )
            ),
            None,
        )
        counts = {"m": 0, "f": 0}
        for sent in sentences:
            for t in sent.tokens:
                if t.lower_text in PRONOUN_GENDER and not t.quoted:
                    counts[PRONOUN_GENDER[t.lower_text]] += 1
        major, minor = sorted(counts, key=counts.get, reverse=True)  # type: ignore[arg-type]
        self.topic_gender = major if counts[major] >= 2 * max(counts[minor], 1) else None

    def resolve(self, sent_index: int, token_index: int, pronoun: str) -> Entity | None:
        """The person `pronoun` at (sentence, token) refers to, or None when unsure."""
        gender = PRONOUN_GENDER.get(pronoun.lower())
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
            if t.quoted or t.lemma not in SPEECH_VERBS:
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
            if m.sent_index == sent.index and m.start == start and m.start <= i < m.end:
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
            sent = sentences[m.sent_index]
            toks = sent.tokens
            head = sent.span_head(m.start, m.end)
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
            if t.lemma not in MEMBER_VERBS and not (
                t.lemma == "bring" and any(c.lower_text == "together" for c in sent.children(t.i))
            ):
                continue
            subj = next((c for c in sent.children(t.i) if c.dep == "nsubj"), None)
            if subj is None:
                continue
            owner = orgs_at.get((sent.index, subj.i)) or _org_covering(sent, subj.i, orgs)
            if (
                owner is None
                and subj.lemma in GROUP_NOUNS
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
            if m.sent_index == sent.index and m.start <= i < m.end:
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


def _name_forms(name: str) -> list[str]:
    """The name and, for one of 3+ words, the form a title may write it in with its middle
    names as initials ("robert w. criswell" for "robert wesley criswell"; particles stay:
    "ludwig van beethoven"). Not the form without them: "John Adams" is not "John Quincy
    Adams"."""
    words = name.split()
    if len(words) < 3:
        return [name]
    middle = [w if w in NAME_PARTICLES or w.endswith(".") else w[0] + "." for w in words[1:-1]]
    return [name, " ".join([words[0], *middle, words[-1]])]


def _in_words(name: str, text: str) -> bool:
    """Is `name` in `text` as whole words ("Ann" is not in "Annual report")?"""
    # the substring test first: a pattern per name overflowed `re`'s cache (512) on long texts
    return name in text and re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text) is not None
