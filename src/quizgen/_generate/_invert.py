"""A clause as a question body: subject-auxiliary inversion and do-support.

    "China let the accord lapse"                -> "did China let the accord lapse"
    "a 1950 accord ... was allowed to lapse"    -> "was a 1950 accord ... allowed to lapse"

`invert` returns None whenever the result might be ungrammatical or dangling (a pronoun
with no referent), so the caller tries another wording or drops the candidate.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from quizgen._extract import Token
from quizgen._generate._clause_rules import DO_FORMS, QUESTION_RULES, Clause
from quizgen._generate._torn import named_twice, without_figure_references
from quizgen._lexicon import CLAUSE_POSSESSIVES, DANGLING_PRONOUNS, ROLE_QUALIFIERS

# Tags of a verb form that makes no clause of its own: "being", "been", "be", "to".
_NON_FINITE = frozenset({"VBG", "VBN", "VB", "TO"})


def invert(
    clause: Clause,
    substitutes: dict[int, str] | Callable[[list[int]], dict[int, str] | None] | None,
) -> str | None:
    """The clause as a question body: the auxiliary (or do-support) before the subject."""
    toks, verb = clause.sent.tokens, clause.verb
    kept: set[int] = set()  # pronouns that read right: their person is named in the clause
    if callable(substitutes):
        substitutes = substitutes(clause.idx)
        if substitutes is None:
            return None
        kept = {i for i, text in substitutes.items() if text == toks[i].text}
    words = {i: _word(toks[i], substitutes) for i in clause.idx}
    for i, nxt in zip(clause.idx, clause.idx[1:], strict=False):
        if nxt != i + 1 and not words[i][1] and toks[i + 1].pos == "PUNCT":
            words[i] = (words[i][0], True)  # "the committee[, under ...,] proposed": a space
        if nxt != i + 1 and words[i][0].lower() in ("a", "an"):
            # a word left out after "a"/"an": the article agrees with the word now after it
            article = "an" if words[nxt][0][:1].lower() in "aeiou" else "a"
            words[i] = (article if words[i][0].islower() else article.title(), words[i][1])
    auxes = clause.auxes
    if auxes:
        moved, front = auxes[0].i, toks[auxes[0].i].lower_text
    elif verb.lemma == "be" or verb.pos == "AUX":
        moved, front = verb.i, verb.lower_text
    else:
        if not _a_word(verb.lemma) or verb.tag not in DO_FORMS:
            return None  # "In whom did Jones unconditione fear?": the lemmatizer's guess
        moved, front = -1, DO_FORMS[verb.tag]
        words[verb.i] = (verb.lemma, bool(verb.ws))
    if moved >= 0 and toks[moved].tag in _NON_FINITE:
        # "with the top five being rounded out by Logano": a clause without a finite verb
        # has nothing to put before its subject ("By whom being the top five rounded
        # out?", blind review 4); nor has "followed by Fahr" a form for "did"
        return None
    body = [i for i in clause.idx if i != moved]
    first = clause.subject_idx[0]
    if any(i < first for i in body if i not in clause.subject_idx):
        return None  # an adverbial before the subject would stand before it in the question
    # The subject comes straight after the moved auxiliary; the rest keeps its order.
    subj = [words[i] for i in body if i in clause.subject_idx]
    rest = [words[i] for i in body if i not in clause.subject_idx]
    if len(subj) > 1 and [w for w, _ in subj].count(",") == 1 and subj[-1][0] == ",":
        # "the failed lawyer Charles J. Guiteau, shot him": the comma closed a remark
        # before the subject; before the verb it read "did ... Guiteau, shoot" (review 4).
        # One that closes a remark in the subject stays: "Marshall, who had been ..., was"
        subj = [*subj[:-2], (subj[-2][0], True)]
    if subj and subj[0][0] in ("A", "An", "The"):
        # lower case only: "When a Black family purchased ..." stays "did a Black family
        # purchase"; "the" would point at a family the text never named (blind review)
        subj[0] = (subj[0][0].lower(), True)
    elif subj and _common_word(toks[clause.subject_idx[0]]):
        subj[0] = (subj[0][0][:1].lower() + subj[0][0][1:], subj[0][1])  # "were all debts"
    text = without_figure_references(_join([(front, True), *subj, *rest]))
    if any(rule(text) for rule in QUESTION_RULES):
        return None
    # "did Graham Paper buy out one of its rivals": "its" after a subject with a name or a
    # noun in it is that subject's
    if _named(toks[i] for i in clause.subject_idx):
        kept |= {i for i in body if toks[i].lower_text in CLAUSE_POSSESSIVES and i > first}
    if _has_dangling_pronoun(_join([words[i] for i in body if i not in kept])):
        return None
    if named_twice(text, toks, substitutes):
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


def _a_word(lemma: str) -> bool:
    """Is the verb's base form a word English writes? spaCy guesses the base of a verb it
    does not know by cutting its ending ("unconditioned" -> "unconditione"); do-support
    would print the guess. wordfreq (a dependency, also used for hyphens) has seen every
    real one, rare ones too ("demarcate", "deplane")."""
    from wordfreq import zipf_frequency

    return zipf_frequency(lemma, "en") > 0


def _common_word(tok: Token) -> bool:
    """A word written with a capital only because it opens the sentence ("All debts"),
    not a name or a nationality ("European nations", "Congress")."""
    # "Black soldiers" keeps its capital; a number word does not: "did one of her songs"
    if tok.lower_text in ROLE_QUALIFIERS:
        return True  # "Current Harlow mayor Peter Hald opened ...": "did current Harlow mayor"
    return (
        tok.pos in ("DET", "NOUN", "NUM", "ADV")
        and tok.ent in ("", "CARDINAL", "ORDINAL")
        and _frequent(tok.lower_text)
    )


# The Zipf frequency (wordfreq) from which a word is a common word of English: "debts"
# (4.0) is; a surname the tagger took for a noun at the start of a sentence is not:
# "Crile organized ..." read "did crile organize" (1.4).
_COMMON_ZIPF = 3.5


def _frequent(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= _COMMON_ZIPF


def _named(subject: Iterable[Token]) -> bool:
    """Does a subject name something ("Graham Paper", "the company"), not a pronoun?"""
    return any(t.pos in ("PROPN", "NOUN") for t in subject)


def _has_dangling_pronoun(text: str) -> bool:
    words = re.findall(r"[A-Za-z’']+", text.lower())
    return any(w in DANGLING_PRONOUNS for w in words)
