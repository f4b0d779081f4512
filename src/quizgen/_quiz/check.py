"""Answer checking: forgive what a person would, never accept a different entity.

`check_answer` is a pure function of the question, the typed response and the other
answers in the deck (needed to tell whether a bare surname is unambiguous and whether a
near-miss is in fact another entity). It never prints and never touches the clock.

Forgiven: case, punctuation, leading articles, diacritics, extra spaces; one typo in an
answer of 6 or more letters (but never in anything with a digit: "1969" is not "1979");
any `accept` alias; a leading "in"/"on" before a date ("1979" for "in 1979");
a choice by its letter or its text; true/false as t/f/true/false/yes/no/y/n.
Dates are compared as dates (`_dates`: "5 June 1947" is "June 5, 1947"); names of people
as people write them (`_names`: "van Hal", "George Marshall", "President Wilson"), never
in a form that also fits another answer of the deck.

Some responses are neither right nor wrong: the front end asks again without grading
(`REFUSED`: "E" on an A-D question, "maybe" for true/false, "5/6/1947" with no day-month
order known), or once asks for more (`LESS_PRECISE`: "June 1947" for "June 5, 1947").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from quizgen._deck import Question
from quizgen._lexicon import ANSWER_DATE_PREPOSITIONS, ARTICLES, CHOICE_LETTERS
from quizgen._quiz._dates import AmbiguousDate, Order, compare_dates
from quizgen._quiz._names import name_forms, strip_titles

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
# Verdicts that grade nothing: the question is asked again.
REFUSED = frozenset({"not true or false", "no such choice", "ambiguous date"})
# A date right as far as it goes, one step short of the answer's precision.
LESS_PRECISE = "less precise"


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
    # Imported here, not at the top: rapidfuzz costs 50-250 ms, and the first question
    # must be on screen before any answer needs checking.
    from rapidfuzz.distance import OSA

    return OSA.distance(response, target, score_cutoff=1) <= 1


def check_answer(
    question: Question,
    response: str,
    others: Iterable[str] = (),
    date_order: Order | None = None,
) -> Verdict:
    """Judge a typed response to `question`.

    `others` are the answers (and accepted aliases) of the other questions in the deck:
    a response that names one of them exactly is never accepted as a typo, and a surname
    shared with one of them is ambiguous. `date_order` ("dmy" or "mdy") reads an
    all-numeric date such as "5/6/1947". Raises nothing; an empty response is wrong.
    """
    if question.type == "truefalse":
        return _check_truefalse(question, response)
    own = {f for a in question.answers for f in _forms(a)}
    others = [o for o in others if not (_forms(o) & own)]
    if question.type == "choice":
        return _check_choice(question, response, others, date_order)
    return _check_text(question, response, others, date_order)


def _check_truefalse(question: Question, response: str) -> Verdict:
    said = normalize(response)
    if said in _TRUE:
        value = "true"
    elif said in _FALSE:
        value = "false"
    else:
        return Verdict(False, "not true or false" if said else "empty")
    return Verdict(value == question.answer.strip().lower(), "exact")


def _check_choice(
    question: Question, response: str, others: list[str], date_order: Order | None
) -> Verdict:
    said = normalize(response)
    if not said:
        return Verdict(False, "empty")
    letter = _LETTER_RE.match(response.strip().lower())
    if letter and len(question.choices) <= len(CHOICE_LETTERS):
        index = CHOICE_LETTERS.index(letter.group(1).upper())
        if index < len(question.choices):
            return Verdict(question.choices[index] == question.answer, "letter")
        if not any(normalize(c) == said for c in question.choices):
            return Verdict(False, "no such choice")  # "E" on an A-D question
    # Typed text: the other choices are the entities it must not be mistaken for.
    wrong_choices = [c for c in question.choices if c != question.answer]
    return _check_text(question, response, [*others, *wrong_choices], date_order)


def _check_date(question: Question, response: str, date_order: Order | None) -> Verdict | None:
    """The verdict on a date answer compared as a date; None when either is not a date."""
    seen = set()
    for answer in question.answers:
        try:
            how = compare_dates(answer, response, date_order)
        except AmbiguousDate:
            return Verdict(False, "ambiguous date")
        if how == "same":
            return Verdict(True, "date")
        seen.add(how)
    if "coarser" in seen:
        return Verdict(False, LESS_PRECISE)
    return Verdict(False, "different") if "different" in seen else None


def _check_text(
    question: Question, response: str, others: list[str], date_order: Order | None = None
) -> Verdict:
    said_forms = _forms(response)
    if not said_forms:
        return Verdict(False, "empty")
    main = _forms(question.answer)
    if said_forms & main:
        return Verdict(True, "exact")
    aliases = {f for a in question.accept for f in _forms(a)}
    if said_forms & aliases:
        return Verdict(True, "alias")
    if question.kind == "date" and (dated := _check_date(question, response, date_order)):
        return dated
    other_forms = {f for o in others for f in _forms(o)}
    if said_forms & other_forms:
        return Verdict(False, "another answer")
    names: dict[str, str] = {}
    if question.kind == "actor":
        said_forms |= {strip_titles(f) for f in said_forms}
        names = name_forms(question.answers, others, normalize)
        if said_forms & main:
            return Verdict(True, "exact")  # "President Woodrow Wilson"
        for said in sorted(said_forms):
            if said in names:
                return Verdict(True, names[said])
    for said in said_forms:
        for target in main | aliases | set(names):
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
