"""Turning a dated clause into a question: subject-auxiliary inversion and do-support.

    "China let the accord lapse in 1979"           -> "did China let the accord lapse"
    "a 1950 accord ... was allowed to lapse in 1979" -> "was a 1950 accord ... allowed to lapse"

Works on the light parse in `Sentence`; returns None whenever the result might be
ungrammatical or dangling (a pronoun with no referent), so the caller falls back to a cloze.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from quizgen._extract import Sentence, Token
from quizgen._generate._clause_rules import (
    CLAUSE_RULES,
    DATE_ONLY_RULES,
    DO_FORMS,
    QUESTION_RULES,
    SENTENCE_RULES,
    Clause,
    date_phrase,
)
from quizgen._generate._torn import (
    comma_before_a_remark,
    leaves_a_stub,
    named_twice,
    without_figure_references,
)
from quizgen._lexicon import (
    BOUND_PREPOSITIONS,
    CLAUSE_POSSESSIVES,
    DANGLING_PRONOUNS,
    DATE_ADVERBS,
    DIRECTION_PREPOSITIONS,
    EXAMPLE_PREPOSITIONS,
    LEADING_CONNECTIVES,
    ROLE_QUALIFIERS,
)

_CLAUSE_DEPS = {"ROOT", "advcl", "relcl", "conj", "ccomp", "xcomp", "acl", "pcomp"}
# Words an object question keeps besides its subject, auxiliaries and adverbs ("study
# biology"): with the verb alone it fits many objects ("Whom did Marie Curie also meet?").
_MIN_OBJECT_REST = 2


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
    clause = _clause(sent, start, end)
    if clause is None or any(rule(clause) for rule in CLAUSE_RULES):
        return None
    if bare:
        clause = _without_sides(clause, _NAMES)
        if clause is None:
            return None
    return _invert(clause, substitutes) or _invert_without_clauses(clause, substitutes)


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
    clause = _clause(sent, start, end, phrase)
    if clause is None or clause.verb.i != verb.i or verb.pos not in ("VERB", "AUX"):
        return None
    if any(rule(clause) for rule in CLAUSE_RULES if rule not in DATE_ONLY_RULES):
        return None
    # "in the 1950s" goes: the date may be asked from the same sentence; "By whom was the
    # first recombinant DNA molecule created?" needs no more than its subject says
    by_whom = prep == "by" and _says_which(clause)
    clause = _without_sides(clause, _DATES, thin_ok=by_whom) or clause
    said = [
        i
        for i in clause.idx
        if i not in clause.subject_idx and toks[i].pos not in ("PUNCT", "ADV", "AUX")
    ]
    if len(said) < _MIN_OBJECT_REST and not by_whom:
        return None  # "Whom did Randall recruit?": which of the people he recruited?
    # the clause after the verb is another fact, and may name the answer ("when he ...")
    body = _invert_without_clauses(clause, substitutes) or _invert(clause, substitutes)
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
    if not cut or len(said) < _MIN_OBJECT_REST:
        return None
    return _invert(replace(clause, idx=idx), substitutes)


# Tags of a verb form that makes no clause of its own: "being", "been", "be", "to".
_NON_FINITE = frozenset({"VBG", "VBN", "VB", "TO"})


def _invert(
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


def _clause(sent: Sentence, start: int, end: int, phrase: list[int] | None = None) -> Clause | None:
    """The clause around the date, with the date's phrase (or `phrase`), the subordinating
    conjunction, adverbials before the subject and a coordinated clause after the verb left
    out; None when no verb with a subject dates it."""
    toks = sent.tokens
    verb = _clause_verb(sent, start)
    if verb is None:
        return None
    subject = next((c for c in sent.children(verb.i) if c.dep in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    drop = set(date_phrase(sent, start, end) if phrase is None else phrase)
    if drop and comma_before_a_remark(toks, min(drop), max(drop)):
        # "in Warsaw on November 7, 1867, the youngest of five": the comma the parser hung
        # on the date sets off the remark after it; without it "in Warsaw the youngest"
        drop.discard(max(drop))
    idx = [i for i in sent.subtree(verb.i) if i not in drop]
    # A subordinate clause loses its conjunction ("since", "when"); nested clauses stay.
    idx = [i for i in idx if not (toks[i].dep == "mark" and toks[i].head == verb.i)]
    subject_idx = sent.subtree(subject.i)
    if subject_idx[-1] - subject_idx[0] + 1 != len(subject_idx):
        # "Anna Berg was born in Lund on May 3, 1901, the eldest of four children": the
        # remark at the end is the subject's; moved with it, it read "was Anna Berg the
        # eldest of four children born in Lund"
        return None
    # Adverbials before the subject ("Barring unforeseen events,") go; the rest keeps its order.
    first = subject_idx[0]
    idx = [
        i
        for i in idx
        if i >= first or (toks[i].dep in ("aux", "auxpass", "neg") and toks[i].head == verb.i)
    ]
    later = [c for c in sent.children(verb.i) if c.i > verb.i]
    if any(c.dep == "cc" for c in later) and not any(c.dep == "conj" for c in later):
        # "equipped trucks ... and, with X's help, trained drivers" with "trained" hung on
        # "drivers": an "and" with nothing it joins is a coordination the parser missed;
        # without the "and" the question reads "did she equip trucks, ... trained drivers"
        return None
    idx = [i for i in idx if not (toks[i].dep == "cc" and toks[i].head == verb.i and i > verb.i)]
    idx = _cut_trailing_conj(sent, verb, idx)
    # "a 1950 accord ... lapsed in 1979": the other year names the accord; asking the lapse
    # without it lets the 1950 be asked from the same sentence without this printing it.
    idx = [i for i in idx if not _year_modifier(toks[i], toks)]
    # "Robert Remak (1815–1865)": a life in brackets is two facts of its own, asked apart
    in_brackets = _dates_in_brackets(sent, start, end)  # once: a scan of the sentence
    idx = [i for i in idx if i not in in_brackets]
    # the clause's last punctuation goes, but for a bracket it closes: "(ESPCI)"
    while idx and toks[idx[-1]].pos == "PUNCT" and not _closes_a_bracket(toks, idx):
        idx.pop()
    # "lost tragically back on February 1, 2003": an adverb set on the date goes with it
    if drop and min(drop) > 0 and toks[min(drop) - 1].lower_text in DATE_ADVERBS:
        idx = [i for i in idx if i != min(drop) - 1]
    if leaves_a_stub(sent, idx, start, end):
        return None  # "was the treaty revised several times, most fully": "in 1949" went
    return Clause(sent, start, end, verb, subject, subject_idx, idx)


_NAMES = frozenset({"PERSON", "ORG"})
_DATES = frozenset({"DATE"})


def _without_sides(clause: Clause, labels: frozenset[str], thin_ok: bool = False) -> Clause | None:
    """The clause without the phrases on its verb that name an entity of `labels`: a
    prepositional phrase other than "of" or a destination ("moved to the Panthéon": see
    DIRECTION_PREPOSITIONS) ("by the Norwegian Nobel Committee", "in 1953") or
    a bare date ("last year"), whole and in one run of words; None when none is there.
    A clause left with its verb alone (see _MIN_OBJECT_REST) keeps them, unless `thin_ok`."""
    sent, toks = clause.sent, clause.sent.tokens
    kept = set(clause.idx)
    drop: set[int] = set()
    for c in sent.children(clause.verb.i):
        if not (
            (c.dep in ("prep", "agent") and c.lower_text not in ("of", *DIRECTION_PREPOSITIONS))
            or (c.dep in ("npadvmod", "tmod") and "DATE" in labels)
        ):
            continue
        part = sent.subtree(c.i)
        if (
            set(part) <= kept
            and max(part) - min(part) + 1 == len(part)
            # the phrase's own object is the name: "with X-ray apparatus for the Army" stays
            and any(k.ent in labels for k in _named_by(sent, c, _vague(clause)))
            and not any(clause.start <= k < clause.end for k in part)
        ):
            lo, hi = min(part), max(part)
            if comma_before_a_remark(toks, lo, hi):
                part = part[:-1]  # "on May 3, 1903, the youngest": see `_clause`
            drop.update(part)
            if lo > 0 and toks[lo - 1].text == ",":  # ", under the chairmanship of X," goes whole
                drop.add(lo - 1)
                if hi + 1 < len(toks) and toks[hi + 1].text == ",":
                    drop.add(hi + 1)
    if not drop:
        return None
    idx = [i for i in clause.idx if i not in drop]
    said = [
        i for i in idx if i not in clause.subject_idx and toks[i].pos not in ("PUNCT", "ADV", "AUX")
    ]
    if len(said) < _MIN_OBJECT_REST and not thin_ok:
        return None
    return replace(clause, idx=idx)


def _named_by(sent: Sentence, prep: Token, vague_subject: bool) -> list[Token]:
    """The preposition, its object, and the name its object is "of" where the object is a
    noun of relation: "by [the Committee]", "at the behest of [President Hoover]", "under
    the chairmanship of [Owen Young]" all say who acted. Not under a subject of common
    nouns: "the committee, under the chairmanship of Owen Young," is which committee."""
    out = [prep]
    for obj in sent.children(prep.i):
        if obj.dep == "prep":
            continue
        out.append(obj)
        for of in sent.children(obj.i):
            if of.lower_text == "of" and obj.pos == "NOUN" and not vague_subject:
                out += [k for k in sent.children(of.i) if k.dep == "pobj"]
    return out


def _vague(clause: Clause) -> bool:
    """Is the subject "the" and common nouns only ("the committee"), naming nothing alone?"""
    toks = clause.sent.tokens
    words = [toks[i] for i in clause.subject_idx if toks[i].pos != "PUNCT"]
    return words[0].lower_text == "the" and all(t.text.islower() for t in words[1:])


def _says_which(clause: Clause) -> bool:
    """Does the subject say which thing it is by itself ("the first recombinant DNA
    molecule": "By whom was it created?" has one answer), where "Randall" does not?"""
    toks = clause.sent.tokens
    words = [i for i in clause.subject_idx if toks[i].pos not in ("DET", "PUNCT")]
    return len(words) >= 3


def _year_modifier(tok: Token, toks: list[Token]) -> bool:
    """A year that modifies a noun ("the 1972 Antiballistic Missile Treaty", "a 1950
    accord"): it names the thing, and the noun still says which thing without it."""
    return (
        tok.ent == "DATE"
        and re.fullmatch(r"\d{4}", tok.text) is not None
        and tok.dep in ("nummod", "compound", "amod")
        and toks[tok.head].pos in ("NOUN", "PROPN")
        and tok.head > tok.i
    )


def _dates_in_brackets(sent: Sentence, start: int, end: int) -> set[int]:
    """The tokens of each bracket that holds dates only ("(1815–1865)", "(b. 1773)" is not:
    "b." is no date word), with its brackets and the space before it, but for one holding
    tokens [start, end)."""
    toks, out = sent.tokens, set()
    opened: int | None = None
    for t in toks:
        if t.text == "(":
            opened = t.i
        elif t.text == ")" and opened is not None:
            inner = toks[opened + 1 : t.i]
            if (
                inner
                and not (opened < start and end <= t.i)
                and any(k.ent == "DATE" for k in inner)
                and all(k.ent == "DATE" or k.pos in ("PUNCT", "SYM") for k in inner)
            ):
                out.update(range(opened, t.i + 1))
            opened = None
    return out


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


def bound_preposition(sent: Sentence, start: int, end: int) -> str:
    """The preposition bounding the date at tokens [start, end) ("by", "until", "since"),
    for "By what year ...?"; "" for a date at a point ("in 1979", "on May 2")."""
    toks = sent.tokens
    head = toks[sent.span_head(start, end)]
    prep = toks[head.head]
    if head.dep == "pobj" and prep.dep == "prep" and prep.lower_text in BOUND_PREPOSITIONS:
        return prep.lower_text
    return ""


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
    return tok.pos in ("DET", "NOUN", "NUM", "ADV") and tok.ent in ("", "CARDINAL", "ORDINAL")


def _closes_a_bracket(toks: list[Token], idx: list[int]) -> bool:
    """Does the last token of `idx` close a bracket or a quotation opened within `idx`?"""
    last = toks[idx[-1]].text
    if last in ('"', "”", "''"):
        return sum(toks[i].text in ('"', "“", "”", "``", "''") for i in idx) % 2 == 0
    return last == ")" and sum(toks[i].text == "(" for i in idx) > sum(
        toks[i].text == ")" for i in idx[:-1]
    )


def _named(subject: Iterable[Token]) -> bool:
    """Does a subject name something ("Graham Paper", "the company"), not a pronoun?"""
    return any(t.pos in ("PROPN", "NOUN") for t in subject)


def _has_dangling_pronoun(text: str) -> bool:
    words = re.findall(r"[A-Za-z’']+", text.lower())
    return any(w in DANGLING_PRONOUNS for w in words)


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
