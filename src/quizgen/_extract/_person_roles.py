"""A person's roles as the text states them: a title before the name ("Foreign Minister
X"), an appositive after it ("X, a senior analyst at Y,") and a copula ("X was a chemist").

Works on the light parse in `Sentence`; `attach_roles` fills `Entity.roles`.
"""

from __future__ import annotations

from collections.abc import Sequence

from quizgen._extract import _orgs
from quizgen._extract._types import Entity, Mention, Role, Sentence
from quizgen._lexicon import (
    ARTICLES,
    REGNAL_TITLES,
    TITLE_WORDS,
)


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
            sub = balanced(sent, sub)
            if not sub or len(sub) > 30:
                return None
            return Role(
                sent.span_text(sub[0], sub[-1] + 1),
                sent.index,
                "appositive",
                _org_in(sent, sub, orgs_at),
            )
    return None


def balanced(sent: Sentence, sub: list[int]) -> list[int]:
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
