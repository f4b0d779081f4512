"""A list of names as one fact: "survived by sons Clarence, Edward, Ted and Karl".

A sentence that names several people (or organizations) in one coordination can ask each
of them only by printing the others: at most one of them gets a question there, and the
rest go unasked (issue 12: a list sentence "A, B and C were elected" -> a question about
them anchored where it leaks nothing). Asked as one blank, "Anna Berg is survived by sons
_____.", the list is one fact whose answer is every name of it, and the planner counts
each member as asked by it (`covers`) when none has a question of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizgen._deck import BLANK
from quizgen._extract import Entity, Facts, Sentence
from quizgen._generate._blanks import blank_in_clause, sentence_context
from quizgen._generate._fields import FactSlots
from quizgen._generate._fragments import cut_by_the_splitter
from quizgen._generate._mentions import subject_role

_JOINERS = frozenset({",", "and", "or", "the"})  # "the Bergen Bank and the Oslo Bank"
_MIN_NAMES = 2


def name_lists(facts: Facts, kind: str) -> Iterator[tuple[Sentence, int, int, list[Entity]]]:
    """Each coordination of two or more names of `kind` ("actor", "organization") in one
    sentence: (sentence, start, end, the entities in order), where tokens [start, end) hold
    nothing but the names, commas and "and"/"or" ("Clarence, Edward, Ted, and Karl")."""
    entities = facts.actors if kind == "actor" else facts.organizations
    by_sentence: dict[int, dict[int, tuple[int, int, Entity]]] = {}
    for e in entities:
        for m in e.mentions:
            sent = facts.sentences[m.sent_index]
            head = sent.span_head(m.start, m.end)
            by_sentence.setdefault(m.sent_index, {})[head] = (m.start, m.end, e)
    for index, heads in sorted(by_sentence.items()):
        if len(heads) < _MIN_NAMES:
            continue
        sent = facts.sentences[index]
        for head, (start, end, entity) in sorted(heads.items()):
            if sent.tokens[head].dep == "conj" and sent.tokens[head].head in heads:
                continue  # a later member: its list starts at its first name
            members = [(start, end, entity)]
            at = head
            while nxt := next(
                (c.i for c in sent.children(at) if c.dep == "conj" and c.i in heads), None
            ):
                members.append(heads[nxt])
                at = nxt
            if len(members) < _MIN_NAMES or len({id(e) for _, _, e in members}) < len(members):
                continue
            lo, hi = members[0][0], members[-1][1]
            inside = {k for s, e, _ in members for k in range(s, e)}
            if _goes_on(sent, {sent.span_head(a, b) for a, b, _ in members}, lo, hi) or not all(
                k in inside or sent.tokens[k].lower_text in _JOINERS for k in range(lo, hi)
            ):
                continue  # "Henry Clay, Daniel Webster, and John Randolph": all or none
            yield sent, lo, hi, [e for _, _, e in members]


def _goes_on(sent: Sentence, heads: set[int], lo: int, hi: int) -> bool:
    """Does the coordination go on past the names found ("Henry Clay, Daniel Webster, and
    John Randolph" where the last is no entity), or start before them?"""
    toks = sent.tokens
    if any(c.dep == "conj" and c.i not in heads for h in heads for c in sent.children(h)):
        return True
    after = [t.lower_text for t in toks[hi : hi + 2]]
    before = toks[lo - 1].text if lo > 0 else ""
    return (
        after[:1] in (["and"], ["or"])
        or after == [",", "and"]
        or after == [",", "or"]
        or (before == "," and lo > 1 and toks[lo - 2].pos == "PROPN")
    )


def list_wording(facts: Facts, sent: Sentence, start: int, end: int) -> str | None:
    """The sentence with the whole list blanked, where it stands alone, else None."""
    if cut_by_the_splitter(facts, sent):
        return None
    blanked = blank_in_clause(sent, start, end, facts.pronouns)
    if blanked is None or len(blanked.split()) < 6:
        return None
    return _PLURAL_AFTER_LIST.sub(lambda m: f"{m.group(1)} {_PLURAL[m.group(2)]}", blanked)


# "Bayern's forwards _____ has played ...": a list of names is the subject of a plural
# verb, whatever the text wrote; the cloze reads as one name where the verb is singular
_PLURAL = {"has": "have", "is": "are", "was": "were", "does": "do"}
_PLURAL_AFTER_LIST = re.compile(rf"({re.escape(BLANK)}) ({'|'.join(_PLURAL)})\b")


def list_slots(facts: Facts) -> Iterator[FactSlots]:
    """Every list of names of one kind in one sentence that stands as a cloze, as one fact
    that covers its names' facts (the planner asks it after them, where room is left)."""
    for kind in ("actor", "organization"):
        for sent, start, end, members in name_lists(facts, kind):
            blanked = list_wording(facts, sent, start, end)
            if blanked is None:
                continue
            answer = sent.span_text(start, end)
            yield FactSlots(
                kind=kind,
                key=f"{answer}@{sent.index}",
                fields={"answer": answer, "blanked": blanked},
                accept={"answer": []},
                context=sentence_context(sent),
                order=(sent.index, start),
                source=facts.source_path,
                names=[m.name for m in members],
                anchors={"blanked": sent.index},
                sentences={sent.index: sentence_context(sent)},
                salience=1,
                covers=[f"{kind}:{m.name}" for m in members],
                # "_____ showed that ...": "Who showed that ...?" (`_subjects`)
                subjects={blanked: subject_role(sent, start, end)},
            )
