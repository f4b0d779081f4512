"""Which words of a sentence make the clause a question is asked through.

    "In 1979, after long talks, China let the accord lapse, and Moscow protested."
    -> the clause of "let": "China let the accord lapse" (the date's phrase, the adverbials
       before the subject and the coordinated clause after the verb left out)

`find_clause` gives a `Clause` (see `_clause_rules`) or None where no verb with a subject
dates the name or date; `without_sides` leaves out the phrases on the verb that name
another entity, so that it can be asked from the same sentence. `_invert` turns the result
into a question body.
"""

from __future__ import annotations

import re
from dataclasses import replace

from quizgen._extract import Sentence, Token
from quizgen._generate._clause_rules import Clause, date_phrase
from quizgen._generate._torn import comma_before_a_remark, leaves_a_stub
from quizgen._lexicon import DATE_ADVERBS, DIRECTION_PREPOSITIONS, DISCOURSE_MARKERS

_CLAUSE_DEPS = {"ROOT", "advcl", "relcl", "conj", "ccomp", "xcomp", "acl", "pcomp"}


# Words an object question keeps besides its subject, auxiliaries and adverbs ("study
# biology"): with the verb alone it fits many objects ("Whom did Marie Curie also meet?").
MIN_OBJECT_REST = 2


def find_clause(
    sent: Sentence, start: int, end: int, phrase: list[int] | None = None
) -> Clause | None:
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
    if any(c.i > verb.i and _list_item(sent, c) for c in sent.children(verb.i)):
        return None  # "grew with the addition of X to ..., the Rail Board to run ...": see
    idx = _cut_trailing_conj(sent, verb, idx)
    markers = _discourse_markers(sent, verb)
    idx = [i for i in idx if i not in markers]
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


NAME_LABELS = frozenset({"PERSON", "ORG"})


DATE_LABELS = frozenset({"DATE"})


def without_sides(clause: Clause, labels: frozenset[str], thin_ok: bool = False) -> Clause | None:
    """The clause without the phrases on its verb that name an entity of `labels`: a
    prepositional phrase other than "of" or a destination ("moved to the Panthéon": see
    DIRECTION_PREPOSITIONS) ("by the Norwegian Nobel Committee", "in 1953") or
    a bare date ("last year"), whole and in one run of words; None when none is there.
    A clause left with its verb alone (see MIN_OBJECT_REST) keeps them, unless `thin_ok`."""
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
                part = part[:-1]  # "on May 3, 1903, the youngest": see `find_clause`
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
    if len(said) < MIN_OBJECT_REST and not thin_ok:
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


def _discourse_markers(sent: Sentence, verb: Token) -> set[int]:
    """The tokens of each discourse marker on the verb ("however", "then", "in particular",
    see DISCOURSE_MARKERS) with the commas that set it off: it ties the clause to the text
    around it, and in a question it reads as a stray word ("Until what year did the
    British, however, hold out?", blind review 4)."""
    toks, out = sent.tokens, set()
    for c in sent.children(verb.i):
        if c.dep not in ("advmod", "prep", "npadvmod"):
            continue
        part = sent.subtree(c.i)
        lo, hi = min(part), max(part)
        if hi - lo + 1 != len(part) or " ".join(toks[i].lower_text for i in part) not in (
            DISCOURSE_MARKERS
        ):
            continue
        out.update(part)
        out.update(k for k in (lo - 1, hi + 1) if 0 <= k < len(toks) and toks[k].text == ",")
    return out


def _list_item(sent: Sentence, c: Token) -> bool:
    """Is the clause at `c` an infinitive with a subject of its own ("the Rail Board to run
    the trains")? Hung on the verb as a clause, it is an item of a list of "X to do Y" the
    parser tore ("grew with the addition of the Harbor Trust to run the docks, the Rail
    Board to run the trains, and ..."): a question cut there lists the first items only,
    and a clause it keeps reads "grew, the Rail Board to run ..." (blind review 4)."""
    if c.dep not in ("conj", "advcl") or c.tag != "VB":
        return False
    children = sent.children(c.i)
    subject = next((k for k in children if k.dep in ("nsubj", "nsubjpass")), None)
    if subject is None or not any(k.tag == "TO" for k in children):
        return False
    # an item opens with its subject; "and, with Irène's help, trained women to operate
    # them" is a coordination the parser hung on "women"
    toks = sent.tokens
    words = [i for i in sent.subtree(c.i) if toks[i].pos not in ("PUNCT", "CCONJ")]
    return words[0] == sent.subtree(subject.i)[0]


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


def _closes_a_bracket(toks: list[Token], idx: list[int]) -> bool:
    """Does the last token of `idx` close a bracket or a quotation opened within `idx`?"""
    last = toks[idx[-1]].text
    if last in ('"', "”", "''"):
        return sum(toks[i].text in ('"', "“", "”", "``", "''") for i in idx) % 2 == 0
    return last == ")" and sum(toks[i].text == "(" for i in idx) > sum(
        toks[i].text == ")" for i in idx[:-1]
    )
