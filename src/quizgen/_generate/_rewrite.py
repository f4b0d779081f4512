"""Turning a dated clause into a question: subject-auxiliary inversion and do-support.

    "China let the accord lapse in 1979"           -> "did China let the accord lapse"
    "a 1950 accord ... was allowed to lapse in 1979" -> "was the 1950 accord ... allowed to lapse"

Works on the light parse in `Sentence`; returns None whenever the result might be
ungrammatical or dangling (a pronoun with no referent), so the caller falls back to a cloze.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from quizgen._extract import Sentence, Token
from quizgen._lexicon import (
    DANGLING_PRONOUNS,
    LEADING_CONNECTIVES,
    POINT_PREPOSITIONS,
    SENTENCE_ENDS,
    VAGUE_SUBJECTS,
)

_CLAUSE_DEPS = {"ROOT", "advcl", "relcl", "conj", "ccomp", "xcomp", "acl", "pcomp"}
_DO = {"VBD": "did", "VBZ": "does", "VBP": "do"}


def clause_question(
    sent: Sentence,
    start: int,
    end: int,
    substitutes: dict[int, str] | Callable[[list[int]], dict[int, str] | None] | None = None,
) -> str | None:
    """The question body for the clause dated by tokens [start, end), without wh-word and '?'.

    `substitutes` replaces tokens (a resolved pronoun -> a name): a mapping, or a function
    given the clause's tokens that returns one for that clause (None: a pronoun in it stays
    unresolved); a pronoun it maps to itself is named earlier in the clause and may stay.
    None if unsafe.
    """
    toks = sent.tokens
    if any(t.quoted for t in toks[start:end]):
        return None
    if sum(1 for t in toks if t.head == t.i) > 1:
        return None  # pieces rejoined after a bad split: the parse does not span them
    if toks[-1].text not in SENTENCE_ENDS:
        return None  # a sentence cut short (a split at an abbreviation): its clause may be too
    verb = _clause_verb(sent, start)
    if verb is None:
        return None
    subject = next((c for c in sent.children(verb.i) if c.dep in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep == "relcl":
        return None
    if subject is None:
        return None
    if not _modifies_clause(sent, start, end, verb, subject):
        return None
    drop = set(_date_phrase(sent, start, end))
    clause = [i for i in sent.subtree(verb.i) if i not in drop]
    # A subordinate clause loses its conjunction ("since", "when"); nested clauses stay.
    clause = [i for i in clause if not (toks[i].dep == "mark" and toks[i].head == verb.i)]
    subj_idx = sent.subtree(subject.i)
    if subject.lower_text in ("which", "that", "who"):
        return None
    if " ".join(toks[i].lower_text for i in subj_idx) in VAGUE_SUBJECTS:
        return None  # "In what year did the two share ...?": who, without the sentence?
    # Adverbials before the subject ("Barring unforeseen events,") go; the rest keeps its order.
    first = subj_idx[0]
    clause = [
        i
        for i in clause
        if i >= first or (toks[i].dep in ("aux", "auxpass", "neg") and toks[i].head == verb.i)
    ]
    clause = [
        i for i in clause if not (toks[i].dep == "cc" and toks[i].head == verb.i and i > verb.i)
    ]
    if any(
        c.dep == "conj" and c.pos in ("VERB", "AUX") and c.i > verb.i and start in sent.subtree(c.i)
        for c in sent.children(verb.i)
    ):
        return None  # the date belongs to a coordinated verb, not to this clause's verb
    clause = _cut_trailing_conj(sent, verb, clause)
    while clause and toks[clause[-1]].pos == "PUNCT":
        clause.pop()
    if any(toks[i].quoted for i in clause):
        return None
    auxes = [
        c
        for c in sent.children(verb.i)
        if c.dep in ("aux", "auxpass") and c.i < verb.i and c.lower_text != "to"
    ]
    kept: set[int] = set()  # pronouns that read right: their person is named in the clause
    if callable(substitutes):
        substitutes = substitutes(clause)
        if substitutes is None:
            return None
        kept = {i for i, text in substitutes.items() if text == toks[i].text}
    words = {i: _word(toks[i], substitutes) for i in clause}
    if auxes:
        moved, front = auxes[0].i, toks[auxes[0].i].lower_text
    elif verb.lemma == "be" or verb.pos == "AUX":
        moved, front = verb.i, verb.lower_text
    else:
        if verb.tag not in _DO:
            return None
        moved, front = -1, _DO[verb.tag]
        words[verb.i] = (verb.lemma, bool(verb.ws))
    body = [i for i in clause if i != moved]
    if any(i < first for i in body if i not in subj_idx):
        return None
    # The subject comes straight after the moved auxiliary; the rest keeps its order.
    subj = [words[i] for i in body if i in subj_idx]
    rest = [words[i] for i in body if i not in subj_idx]
    if subj and subj[0][0] in ("a", "an", "A", "An", "The"):
        subj[0] = ("the", True)
    text = _join([(front, True), *subj, *rest])
    if "—" in text or "--" in text:
        return None  # a dateline ("LEEDS, Sept. 12 —") or an aside: the question reads wrong
    if text.count("(") != text.count(")"):
        return None  # the date's phrase took a bracket with it: "(WHO"
    if _has_dangling_pronoun(_join([words[i] for i in body if i not in kept])):
        return None
    return text


def _word(tok: Token, substitutes: dict[int, str] | None) -> tuple[str, bool]:
    text = substitutes[tok.i] if substitutes and tok.i in substitutes else tok.text
    return text, bool(tok.ws)


def _join(words: list[tuple[str, bool]]) -> str:
    """Join words, each followed by a space only where the source had one."""
    text = "".join(w + (" " if space else "") for w, space in words)
    text = re.sub(r"\s+([,.;:!?’”)])", r"\1", text)
    text = re.sub(r",(\s*,)+", ",", text)  # a phrase dropped between two commas
    text = re.sub(r"\s{2,}", " ", text)
    return text.strip(" ,;:-–—")


def _clause_verb(sent: Sentence, i: int) -> Token | None:
    """The nearest verb above token i that heads a clause with a subject."""
    toks = sent.tokens
    for k in sent.ancestors(i):
        t = toks[k]
        if t.pos in ("VERB", "AUX") and any(
            c.dep in ("nsubj", "nsubjpass") for c in sent.children(k)
        ):
            return t
        # a clause without its own subject (participle, infinitive): unsafe to rewrite
        if (
            t.pos in ("VERB", "AUX")
            and t.dep not in ("xcomp", "conj", "ROOT")
            and t.dep in _CLAUSE_DEPS
        ):
            return None
    return None


def _modifies_clause(sent: Sentence, start: int, end: int, verb: Token, subject: Token) -> bool:
    """Only a date that dates the clause ("... lapse in 1979") may be asked about through it;
    one that names a thing ("a 1950 accord", "the 1972 treaty") does not date the clause."""
    toks = sent.tokens
    head = sent.span_head(start, end)
    if head in sent.subtree(subject.i):
        return False
    dep = toks[head].dep
    if dep in ("npadvmod", "tmod") and toks[head].head == verb.i:
        return True
    prep = toks[toks[head].head]
    # "scientists of the 20th century" says which scientists; it does not date the clause
    if prep.lower_text == "of" and toks[prep.head].pos in ("NOUN", "PROPN"):
        return False
    # "after 1948", "until 1933", "by 1950" bound a time: "In what year did ..." would take
    # the bound for the time itself and be wrong; the cloze keeps the preposition.
    return dep == "pobj" and prep.dep == "prep" and prep.lower_text in POINT_PREPOSITIONS


def _date_phrase(sent: Sentence, start: int, end: int) -> list[int]:
    """The tokens to remove with the date: its preposition ("in 1979") or the bare date."""
    toks = sent.tokens
    head = sent.span_head(start, end)
    parent = toks[toks[head].head]
    if parent.dep == "prep" and parent.pos == "ADP" and toks[head].dep == "pobj":
        return sent.subtree(parent.i)
    if toks[head].dep in ("npadvmod", "tmod", "nmod"):
        return sent.subtree(head)
    return list(range(start, end))


def _cut_trailing_conj(sent: Sentence, verb: Token, clause: list[int]) -> list[int]:
    """Drop a coordinated clause after the verb ("..., and then X happened"): it is another fact."""
    for c in sent.children(verb.i):
        # with or without its own subject: "he went bankrupt in 1867 and left the committee"
        # asks about going bankrupt; "left" would also break the do-support ("did he go ... left")
        if c.dep == "conj" and c.pos in ("VERB", "AUX") and c.i > verb.i:
            cut = set(sent.subtree(c.i))
            clause = [i for i in clause if i not in cut]
            # and the "and" / comma before it
            while clause and sent.tokens[clause[-1]].dep in ("cc", "punct"):
                clause.pop()
    return clause


def _has_dangling_pronoun(text: str) -> bool:
    words = re.findall(r"[A-Za-z’']+", text.lower())
    return any(w in DANGLING_PRONOUNS for w in words)


def strip_leading(text: str) -> str:
    """Drop a sentence-opening connective ("But", "Yet") that needs the previous sentence."""
    first, _, rest = text.partition(" ")
    if first.lower().rstrip(",") in LEADING_CONNECTIVES and rest:
        return rest[:1].upper() + rest[1:]
    return text
