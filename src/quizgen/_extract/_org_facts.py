"""What a text says of an organization: "known as" names, appositive and relative-clause
descriptions, its class noun ("the rowing club") and its members ("consists of A and B").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizgen._extract._person_roles import balanced
from quizgen._extract._types import Entity, Mention, Role, Sentence
from quizgen._lexicon import (
    GROUP_NOUNS,
    MEMBER_VERBS,
    ORG_WORDS,
)


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
                    sub = balanced(sent, sub)
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
