"""Turning a dated clause into a question, or a name's clause into an object question.

    "China let the accord lapse in 1979"           -> "did China let the accord lapse"
    "a 1950 accord ... was allowed to lapse in 1979" -> "was a 1950 accord ... allowed to lapse"

The clause is found in `_clause_span` and inverted in `_invert`; the rules that refuse a
clause are in `_clause_rules`. Returns None whenever the result might be ungrammatical or
dangling (a pronoun with no referent), so the caller falls back to a cloze.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from quizgen._extract import Sentence
from quizgen._generate._clause_rules import (
    CLAUSE_RULES,
    DATE_ONLY_RULES,
    SENTENCE_RULES,
    Clause,
)
from quizgen._generate._clause_span import (
    DATE_LABELS,
    MIN_OBJECT_REST,
    NAME_LABELS,
    find_clause,
    without_sides,
)
from quizgen._generate._invert import invert
from quizgen._lexicon import BOUND_PREPOSITIONS, EXAMPLE_PREPOSITIONS, LEADING_CONNECTIVES


def clause_question(
    sent: Sentence,
    start: int,
    end: int,
    substitutes: dict[int, str] | Callable[[list[int]], dict[int, str] | None] | None = None,
    bare: bool = False,
) -> str | None:
    """The question body for the clause dated by tokens [start, end), without wh-word and '?'.

    `bare`: without the phrases on its verb that name a person or organization ("was
    Marshall awarded the Nobel Peace Prize", not "... by the Norwegian Nobel Committee"),
    so that they can be asked from the same sentence; None when there are none.

    `substitutes` replaces tokens (a resolved pronoun -> a name): a mapping, or a function
    given the clause's tokens that returns one for that clause (None: a pronoun in it stays
    unresolved); a pronoun it maps to itself is named earlier in the clause and may stay.
    None if unsafe: a rule of SENTENCE_RULES, CLAUSE_RULES or QUESTION_RULES says so, an
    adverbial would stand before the subject, or a pronoun would dangle.
    """
    if any(rule(sent, start, end) for rule in SENTENCE_RULES):
        return None
    clause = find_clause(sent, start, end)
    if clause is None or any(rule(clause) for rule in CLAUSE_RULES):
        return None
    if bare:
        clause = without_sides(clause, NAME_LABELS)
        if clause is None:
            return None
    return invert(clause, substitutes) or _invert_without_clauses(clause, substitutes)


def object_question(
    sent: Sentence,
    start: int,
    end: int,
    substitutes: Callable[[list[int]], dict[int, str] | None] | None = None,
) -> tuple[str, str] | None:
    """A name at tokens [start, end) that is the object of its clause's verb, or of a
    preposition on it, asked through that clause: (the preposition or "", the question body
    without wh-word and '?'), or None where unsafe (as `clause_question`).

        "Ms. Marten studied biology at the University of Vienna" -> ("at", "did Ms. Marten
        study biology");  "Stalin treated Mao as a junior partner" -> ("", "did Stalin treat
        as a junior partner")  (the caller puts "At which university" / "Whom" before it)

    What hangs off the name (", which ...") goes with it."""
    if any(rule(sent, start, end) for rule in SENTENCE_RULES):
        return None
    toks = sent.tokens
    head = toks[sent.span_head(start, end)]
    if any(c.dep == "conj" for c in sent.children(head.i)):
        return None  # "discovered by James Watson and Francis Crick": two answers, one key
    if head.dep == "dobj":
        verb, prep, phrase = toks[head.head], "", sent.subtree(head.i)
        if any(c.dep in ("dobj", "dative") and c.i != head.i for c in sent.children(verb.i)):
            return None  # "passed Crick a report": "Whom did he pass a report?" wants a "to"
    elif head.dep == "pobj" and toks[head.head].dep in ("prep", "agent", "dative"):
        word = toks[head.head]
        verb, prep, phrase = toks[word.head], word.lower_text, sent.subtree(word.i)
        if verb.dep == "dobj":
            verb = toks[verb.head]  # "signed an agreement with X": with which bank was it signed
        if prep == "of" or word.i != phrase[0]:
            return None  # "the head of X": of what, the question cannot say
        if prep in EXAMPLE_PREPOSITIONS:
            return None  # "Including whom did 123 people lose their lives?": one of many
        if _absolute(sent, word.i, head.i, end):
            return None
    else:
        return None
    clause = find_clause(sent, start, end, phrase)
    if clause is None or clause.verb.i != verb.i or verb.pos not in ("VERB", "AUX"):
        return None
    if any(rule(clause) for rule in CLAUSE_RULES if rule not in DATE_ONLY_RULES):
        return None
    # "in the 1950s" goes: the date may be asked from the same sentence; "By whom was the
    # first recombinant DNA molecule created?" needs no more than its subject says
    by_whom = prep == "by" and _says_which(clause)
    clause = without_sides(clause, DATE_LABELS, thin_ok=by_whom) or clause
    said = [
        i
        for i in clause.idx
        if i not in clause.subject_idx and toks[i].pos not in ("PUNCT", "ADV", "AUX")
    ]
    if len(said) < MIN_OBJECT_REST and not by_whom:
        return None  # "Whom did Randall recruit?": which of the people he recruited?
    # the clause after the verb is another fact, and may name the answer ("when he ...")
    body = _invert_without_clauses(clause, substitutes) or invert(clause, substitutes)
    return None if body is None else (prep, body)


def _invert_without_clauses(
    clause: Clause,
    substitutes: dict[int, str] | Callable[[list[int]], dict[int, str] | None] | None,
) -> str | None:
    """The question without the clause hanging off its verb at the end, where that clause
    kept it from reading ("... created by Paul Berg in 1972 when he combined DNA ...":
    "By whom was the first recombinant DNA molecule created?"). None when there is none."""
    toks, sent = clause.sent.tokens, clause.sent
    cut: set[int] = set()
    for c in sent.children(clause.verb.i):
        part = sent.subtree(c.i)
        if c.dep == "advcl" and c.i > clause.verb.i and max(part) >= max(clause.idx):
            cut.update(part)
            if toks[min(part) - 1].text == ",":
                cut.add(min(part) - 1)
    idx = [i for i in clause.idx if i not in cut]
    said = [i for i in idx if i not in clause.subject_idx and toks[i].pos not in ("PUNCT", "AUX")]
    if not cut or len(said) < MIN_OBJECT_REST:
        return None
    return invert(replace(clause, idx=idx), substitutes)


def _says_which(clause: Clause) -> bool:
    """Does the subject say which thing it is by itself ("the first recombinant DNA
    molecule": "By whom was it created?" has one answer), where "Randall" does not?"""
    toks = clause.sent.tokens
    words = [i for i in clause.subject_idx if toks[i].pos not in ("DET", "PUNCT")]
    return len(words) >= 3


def bound_preposition(sent: Sentence, start: int, end: int) -> str:
    """The preposition bounding the date at tokens [start, end) ("by", "until", "since"),
    for "By what year ...?"; "" for a date at a point ("in 1979", "on May 2")."""
    toks = sent.tokens
    head = toks[sent.span_head(start, end)]
    prep = toks[head.head]
    if head.dep == "pobj" and prep.dep == "prep" and prep.lower_text in BOUND_PREPOSITIONS:
        return prep.lower_text
    return ""


def strip_leading(text: str) -> str:
    """Drop a sentence-opening connective ("But", "Yet") that needs the previous sentence."""
    first, _, rest = text.partition(" ")
    if first.lower().rstrip(",") in LEADING_CONNECTIVES and rest:
        return rest[:1].upper() + rest[1:]
    return text


def _absolute(sent: Sentence, prep: int, head: int, end: int) -> bool:
    """Is the preposition's object the subject of an absolute construction: "with"/"without"
    and a name the participle after it acts on ("The half ended with the Broncos leading
    13–7")? The name is no argument of the verb: "With which team did the half end leading
    13–7?" makes no sense. The parser hangs the participle on the name or on the verb."""
    toks = sent.tokens
    if toks[prep].lower_text not in ("with", "without"):
        return False
    if any(c.dep == "acl" and c.tag == "VBG" for c in sent.children(head)):
        return True
    return (
        end < len(toks)
        and toks[end].tag == "VBG"
        and not any(c.dep in ("nsubj", "nsubjpass") for c in sent.children(end))
    )
