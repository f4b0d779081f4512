"""Answer checking: forgive what a person would, never accept a different entity.

`check_answer` is a pure function of the question, the typed response and the other
answers in the deck (needed to tell whether a bare surname is unambiguous and whether a
near-miss is in fact another entity). It never prints and never touches the clock.

Forgiven: case, punctuation, leading articles, diacritics, extra spaces; one typo in an
answer of 6 or more letters (but never in anything with a digit: "1969" is not "1979");
any `accept` alias; a surname alone when no other answer in the deck has that word
(actor questions only); a leading "in"/"on" before a date ("1979" for "in 1979");
a choice by its letter or its text; true/false as t/f/true/false/yes/no/y/n.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from quizgen._deck import Question
from quizgen._lexicon import ANSWER_DATE_PREPOSITIONS, ARTICLES, CHOICE_LETTERS

MIN_TYPO_LENGTH = 6

_TRUE = ("t", "true", "yes", "y")
_FALSE = ("f", "false", "no", "n")
# Letters that NFKD does not split into a base letter and a mark.
_FOLD = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ı": "i",
        "ħ": "h",
    }
)
_NON_WORD = re.compile(r"[\W_]+")
_LETTER_RE = re.compile(r"^\(?([a-z])[).:]?$")


@dataclass(frozen=True)
class Verdict:
    """The result of checking one response.

    `correct` is the grade; `how` says why it was accepted or rejected in a few words
    ("exact", "alias", "typo", "surname", "letter", "other choice", "empty", ...).
    """

    correct: bool
    how: str


def normalize(text: str) -> str:
    """Fold text to the form answers are compared in.

    Lower case, no diacritics, punctuation as spaces, single spaces, no leading article.
    """
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c)).translate(_FOLD)
    words = _join_initials(_NON_WORD.sub(" ", folded).split())
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


def _join_initials(words: list[str]) -> list[str]:
    """'n a t o' (from N.A.T.O.) -> 'nato'; a lone initial ('John F Kennedy') stays."""
    out: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if len(word) == 1 and word.isalpha():
            run.append(word)
            continue
        out.extend(["".join(run)] if len(run) > 1 else run)
        run = []
        if word:
            out.append(word)
    return out


def _strip_date_preposition(norm: str) -> str:
    words = norm.split()
    if len(words) > 1 and words[0] in ANSWER_DATE_PREPOSITIONS and any(c.isdigit() for c in norm):
        return " ".join(words[1:])
    return norm


def _forms(text: str) -> set[str]:
    """The normalized forms a text may be written in (with and without a date preposition)."""
    norm = normalize(text)
    return {norm, _strip_date_preposition(norm)} - {""}


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def _one_typo(response: str, target: str) -> bool:
    """At most one edit (a transposition counts as one) in a long, digit-free answer."""
    if any(c.isdigit() for c in response + target):
        return False
    if _letters(target) < MIN_TYPO_LENGTH:
        return False
    return OSA.distance(response, target, score_cutoff=1) <= 1


def _surnames(question: Question, others: Iterable[str]) -> set[str]:
    """Surnames that may stand for the whole answer: the last word of a multi-word name,
    provided no other answer in the deck contains that word."""
    if question.kind != "actor":
        return set()
    other_words = {w for other in others for w in normalize(other).split()}
    names = set()
    for answer in question.answers:
        words = normalize(answer).split()
        if len(words) >= 2 and not any(c.isdigit() for c in words[-1]):
            names.add(words[-1])
    return names - other_words


def check_answer(question: Question, response: str, others: Iterable[str] = ()) -> Verdict:
    """Judge a typed response to `question`.

    `others` are the answers (and accepted aliases) of the other questions in the deck:
    a response that names one of them exactly is never accepted as a typo, and a surname
    shared with one of them is ambiguous. Raises nothing; an empty response is wrong.
    """
    if question.type == "truefalse":
        return _check_truefalse(question, response)
    own = {f for a in question.answers for f in _forms(a)}
    others = [o for o in others if not (_forms(o) & own)]
    if question.type == "choice":
        return _check_choice(question, response, others)
    return _check_text(question, response, others)


def _check_truefalse(question: Question, response: str) -> Verdict:
    said = normalize(response)
    if said in _TRUE:
        value = "true"
    elif said in _FALSE:
        value = "false"
    else:
        return Verdict(False, "not true or false" if said else "empty")
    return Verdict(value == question.answer.strip().lower(), "exact")


def _check_choice(question: Question, response: str, others: list[str]) -> Verdict:
    said = normalize(response)
    if not said:
        return Verdict(False, "empty")
    letter = _LETTER_RE.match(response.strip().lower())
    if letter and len(question.choices) <= len(CHOICE_LETTERS):
        index = CHOICE_LETTERS.index(letter.group(1).upper())
        if index < len(question.choices):
            return Verdict(question.choices[index] == question.answer, "letter")
    # Typed text: the other choices are the entities it must not be mistaken for.
    wrong_choices = [c for c in question.choices if c != question.answer]
    return _check_text(question, response, [*others, *wrong_choices])


def _check_text(question: Question, response: str, others: list[str]) -> Verdict:
    said_forms = _forms(response)
    if not said_forms:
        return Verdict(False, "empty")
    main = _forms(question.answer)
    if said_forms & main:
        return Verdict(True, "exact")
    aliases = {f for a in question.accept for f in _forms(a)}
    if said_forms & aliases:
        return Verdict(True, "alias")
    other_forms = {f for o in others for f in _forms(o)}
    if said_forms & other_forms:
        return Verdict(False, "another answer")
    surnames = _surnames(question, others)
    if said_forms & surnames:
        return Verdict(True, "surname")
    for said in said_forms:
        for target in main | aliases | surnames:
            if _one_typo(said, target) and not any(_one_typo(said, o) for o in other_forms):
                return Verdict(True, "typo")
    return Verdict(False, "different")


def hint(question: Question, level: int = 1) -> str:
    """A hint that narrows the answer without giving it away.

    Level 1: first letter and number of words; level 2 and up: the first letter of every word.
    """
    if question.type == "truefalse":
        return "answer t (true) or f (false)"
    words = question.answer.split()
    count = f"{len(words)} word{'s' if len(words) != 1 else ''}"
    if any(c.isdigit() for c in question.answer):
        digits = sum(c.isdigit() for c in question.answer)
        count = f"{count}, {digits} digit{'s' if digits != 1 else ''}"
    if level <= 1:
        return f"starts with '{question.answer[:1]}', {count}"
    initials = " ".join(w[:1] + "…" for w in words)
    return f"{initials} ({count})"


def answer_label(question: Question) -> str:
    """The correct answer as shown after a question: with its letter for a choice."""
    if question.type == "truefalse":
        return question.answer.strip().capitalize()
    if question.type == "choice" and question.answer in question.choices:
        index = question.choices.index(question.answer)
        if index < len(CHOICE_LETTERS):
            return f"{CHOICE_LETTERS[index]}) {question.answer}"
    return question.answer
