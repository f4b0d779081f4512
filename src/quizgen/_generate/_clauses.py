"""Independent clauses of a compound sentence, so a fact can be asked inside its own clause.

    "In 1944 Avery ... showed that ..., and in 1950 Erwin Chargaff ... reported that ..."
    -> "In 1944 Avery ... showed that ..." and "In 1950 Erwin Chargaff ... reported that ..."

A clause is a verb with its own subject that is the sentence's root or coordinated with it
("conj"). A sentence with a quotation or an inserted "he said" (parataxis) is never split:
every clause of it is what someone said. A clause is only offered when it reads as a sentence of its own: no
leading relative or subordinating word, and nothing that points back into the rest of the
sentence ("the same year", "it", "there").
"""

from __future__ import annotations

from quizgen._extract import Sentence
from quizgen._generate._leaning import leaning_parts
from quizgen._generate._memo import by_identity
from quizgen._lexicon import ANAPHORIC_WORDS, CLAUSE_POSSESSIVES, DEMONSTRATIVES, RELATIVE_WORDS

_SUBJECTS = ("nsubj", "nsubjpass", "expl")


def _has_subject(sent: Sentence, i: int) -> bool:
    return any(c.dep in _SUBJECTS for c in sent.children(i))


def _clause_heads(sent: Sentence) -> list[int]:
    heads, todo = [], [t.i for t in sent.tokens if t.head == t.i]
    while todo:
        h = todo.pop(0)
        heads.append(h)
        todo.extend(c.i for c in sent.children(h) if _is_coordinated_clause(sent, c.i))
    return heads


def _is_coordinated_clause(sent: Sentence, i: int) -> bool:
    t = sent.tokens[i]
    return t.dep == "conj" and t.pos in ("VERB", "AUX") and _has_subject(sent, i)


@by_identity  # asked once per name and date of the sentence: hundreds in a run-on list
def independent_clauses(sent: Sentence) -> list[list[int]]:
    """The token indices of each independent clause, in order; [] if the sentence has one.
    (The lists are shared between callers: read them, never change them.)

    A clause whose tokens are not one unbroken run (after dropping the joining "and" and
    punctuation) is left out: it would not read as a sentence.
    """
    toks = sent.tokens
    if any(t.quoted or t.dep == "parataxis" for t in toks):
        # "The economy will grow in 2002, he said, and ...": every clause is what someone
        # said; cut from "he said", it would read as a fact
        return []
    heads = _clause_heads(sent)
    if len(heads) < 2:
        return []
    out = []
    for h in heads:
        if not _has_subject(sent, h):
            continue
        cut: set[int] = set()
        for c in sent.children(h):
            if _is_coordinated_clause(sent, c.i):
                cut.update(sent.subtree(c.i))
        idx = [i for i in sent.subtree(h) if i not in cut]
        # the words that join it to its neighbours: ", and", "; but", a final period is kept
        while idx and (toks[idx[0]].dep == "cc" or toks[idx[0]].pos == "PUNCT"):
            idx.pop(0)
        while idx and (
            toks[idx[-1]].dep == "cc"
            or (toks[idx[-1]].pos == "PUNCT" and toks[idx[-1]].text != ".")
        ):
            idx.pop()
        # "cc"/punct inside the run may sit between this clause and a cut one
        idx = [i for i in idx if not (i > h and toks[i].dep == "cc" and i + 1 in cut)]
        while idx and toks[idx[-1]].pos == "PUNCT" and toks[idx[-1]].text != ".":
            idx.pop()
        if idx and idx[-1] - idx[0] + 1 == len(idx):
            out.append(idx)
    out.sort()
    return out


def clause_window(sent: Sentence, start: int, end: int) -> list[int] | None:
    """The independent clause holding tokens [start, end), if it can stand as a sentence.

    A fronted phrase that leans on the text before ("Later that year,") does not keep it
    from standing: the wording made of the clause leaves it out (`_leaning`)."""
    for idx in independent_clauses(sent):
        if idx[0] <= start and end - 1 <= idx[-1]:
            lean = leaning_parts(sent, [sent.tokens[i] for i in idx], start, end)
            return idx if stands_alone(sent, [i for i in idx if i not in lean]) else None
    return None


def stands_alone(sent: Sentence, idx: list[int]) -> bool:
    """Does the clause read as a sentence of its own, without the rest of its sentence?"""
    toks = sent.tokens
    words = [toks[i] for i in idx if toks[i].pos != "PUNCT"]
    if len(words) < 6:
        return False
    first = words[0]
    if first.lower_text in RELATIVE_WORDS or first.dep == "mark":
        return False
    subjects = [
        toks[i] for i in idx if toks[i].dep in ("nsubj", "nsubjpass") and toks[i].head in idx
    ]
    for t in words:
        if t.quoted:
            continue
        low = t.lower_text
        if low == "there" and t.dep == "expl":
            continue  # "there were ..." points nowhere
        if low in ANAPHORIC_WORDS and (t.pos in ("PRON", "ADJ", "ADV", "DET") or low == "same"):
            return False
        if low in DEMONSTRATIVES and t.tag == "DT":
            return False
        # "its"/"their" read right only after a named subject in the same clause
        if low in CLAUSE_POSSESSIVES and not any(
            s.i < t.i and s.pos in ("NOUN", "PROPN") for s in subjects
        ):
            return False
    return True
