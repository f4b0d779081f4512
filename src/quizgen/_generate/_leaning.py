"""Words of a sentence that lean on the sentences before it, left out of a statement made
from it: a fronted phrase of relative time or pointing ("In that same year,", "Nearly 200
years later,", "Afterwards,") and a connective set off by commas (", however,").

A blind review flagged such statements as dangling ("In that same year, the settlement was
named Liberia ..." with no year before it). What they leave out is when or against what the
statement holds, which the question never asks: "The settlement was named Liberia ..." is as
true, and stands alone. A statement that opens with a word standing for people named before
("Both had withdrawn their objections") has no such cure: it is refused (`leans_on_people`).
"""

from __future__ import annotations

from collections.abc import Sequence

from quizgen._extract import Sentence, Token
from quizgen._lexicon import (
    LEANING_ADVERBS,
    POINTING_WORDS,
    QUANTIFIER_SUBJECTS,
    RELATIVE_WORDS_OF_TIME,
)

# A fronted phrase longer than this is a clause of its own, not "In that same year".
_FRONTED_AT_MOST = 7
_LEANING = POINTING_WORDS | RELATIVE_WORDS_OF_TIME | LEANING_ADVERBS
# What a phrase set before the subject hangs on its verb as: "In that same year", "Later".
_ADVERBIAL = frozenset({"prep", "advmod", "npadvmod", "tmod", "advcl"})


def leaning_parts(sent: Sentence, kept: Sequence[Token], start: int, end: int) -> set[int]:
    """The indices of the tokens of `kept` (a sentence or part of it, in order) to leave
    out: its opening phrase up to the first comma when a word of it leans on the text
    before and it holds no verb and not the blank [start, end) ("In that same year,"), and
    each leaning adverb set off by commas (", however,") or right before its verb
    ("both subsequently punted"). Quoted words are never cut."""
    out: set[int] = set()
    words = [t for t in kept if not t.quoted]
    comma = next((k for k, t in enumerate(kept) if t.text == ","), None)
    if comma is not None and 0 < comma <= _FRONTED_AT_MOST and len(words) == len(kept):
        phrase = kept[:comma]
        inside = {t.i for t in phrase}
        if (
            any(t.lower_text in _LEANING for t in phrase)
            # an adverbial, not the subject ("Prominent Americans such as X, Y ... were")
            and all(t.dep in _ADVERBIAL for t in phrase if t.head not in inside)
            and not any(t.pos in ("VERB", "AUX") for t in phrase)
            and not any(start <= t.i < end for t in phrase)
        ):
            out.update(t.i for t in kept[: comma + 1])
    toks = sent.tokens
    for t in words:
        if t.lower_text not in LEANING_ADVERBS or t.dep != "advmod" or t.i in out:
            continue
        before = toks[t.i - 1].text if t.i > 0 else ""
        after = toks[t.i + 1].text if t.i + 1 < len(toks) else ""
        if before == "," and after == ",":
            out.update(
                (t.i - 1, t.i, t.i + 1)
            )  # "nor the _____, however, wished" -> "nor the _____ wished"
        elif before not in (",", "") and toks[t.head].pos == "VERB" and t.head == t.i + 1:
            out.add(t.i)  # "both subsequently punted" -> "both punted"
    return out


def leans_on_people(kept: Sequence[Token]) -> bool:
    """Does the statement open with a word standing for people named before it ("Both
    had withdrawn their objections", "Each signed the treaty")?"""
    first = next((t for t in kept if t.pos != "PUNCT"), None)
    return (
        first is not None
        and first.lower_text in QUANTIFIER_SUBJECTS
        and first.dep.startswith("nsubj")
    )
