"""Turning a dated clause into a question: subject-auxiliary inversion and do-support.

    "China let the accord lapse in 1979"           -> "did China let the accord lapse"
    "a 1950 accord ... was allowed to lapse in 1979" -> "was the 1950 accord ... allowed to lapse"

Works on the light parse in `Sentence`; returns None whenever the result might be
ungrammatical or dangling (a pronoun with no referent), so the caller falls back to a cloze.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from quizgen._extract import Sentence, Token
from quizgen._generate._torn import named_twice, without_figure_references
from quizgen._lexicon import (
    BOUND_PREPOSITIONS,
    CLAUSE_POSSESSIVES,
    DANGLING_PRONOUNS,
    DATE_ADVERBS,
    DEMONSTRATIVES,
    DIRECTION_PREPOSITIONS,
    LEADING_CONNECTIVES,
    MONTHS,
    POINT_PREPOSITIONS,
    SAY_VERBS,
    SENTENCE_ENDS,
    TITLE_WORDS,
    VAGUE_SUBJECTS,
)

_CLAUSE_DEPS = {"ROOT", "advcl", "relcl", "conj", "ccomp", "xcomp", "acl", "pcomp"}
_DO = {"VBD": "did", "VBZ": "does", "VBP": "do"}
# Words an object question keeps besides its subject, auxiliaries and adverbs ("study
# biology"): with the verb alone it fits many objects ("Whom did Marie Curie also meet?").
_MIN_OBJECT_REST = 2


@dataclass(frozen=True)
class _Clause:
    """The clause a date at tokens [start, end) dates: its verb, its subject (the subject's
    subtree `subject_idx`), and the tokens that make the question (`idx`, in order)."""

    sent: Sentence
    start: int
    end: int
    verb: Token
    subject: Token
    subject_idx: list[int]
    idx: list[int]

    @property
    def auxes(self) -> list[Token]:
        """The auxiliaries before the verb ("was", "had"), not the "to" of an infinitive."""
        return [
            c
            for c in self.sent.children(self.verb.i)
            if c.dep in ("aux", "auxpass") and c.i < self.verb.i and c.lower_text != "to"
        ]


def _quoted_date(sent: Sentence, start: int, end: int) -> bool:
    """ "'We left in 1979,' he said": a date inside a quote is the speaker's, not the text's."""
    return any(t.quoted for t in sent.tokens[start:end])


def _rejoined_pieces(sent: Sentence, start: int, end: int) -> bool:
    """ "... the Dr." + "Smith arrived in 1950": pieces rejoined after a bad split have two
    roots, and no parse spans them."""
    return sum(1 for t in sent.tokens if t.head == t.i) > 1


def _cut_short(sent: Sentence, start: int, end: int) -> bool:
    """ "He moved to St" (split at an abbreviation): a sentence cut short may cut its clause."""
    return sent.tokens[-1].text not in SENTENCE_ENDS


# Sentences whose clauses are never rewritten, whatever the clause.
_SENTENCE_RULES: tuple[Callable[[Sentence, int, int], bool], ...] = (
    _quoted_date,
    _rejoined_pieces,
    _cut_short,
)


def _dates_a_thing(c: _Clause) -> bool:
    """ "a 1950 accord lapsed", "after 1948": the date names a thing or bounds a time; it does
    not put the clause at a point (see _modifies_clause)."""
    return not _modifies_clause(c.sent, c.start, c.end, c.verb, c.subject)


def _relative_subject(c: _Clause) -> bool:
    """ "the treaty, which was signed in 1950": "was which signed" is no question."""
    return c.subject.lower_text in ("which", "that", "who")


def _vague_subject(c: _Clause) -> bool:
    """ "In what year did the two share ...?": who, without the sentence before?"""
    toks = c.sent.tokens
    return " ".join(toks[i].lower_text for i in c.subject_idx) in VAGUE_SUBJECTS


def _needs_the_text(c: _Clause) -> bool:
    """ "On what date did the strike begin?", "... did the state senator oppose ...": a
    subject of common words only ("the", "this" and nouns, no name, number or phrase that
    says which) names a thing of the text the student cannot know. "the dock workers'
    strike in Leeds", "the colonel, Peter Marsh," say which and stay."""
    toks = [c.sent.tokens[i] for i in c.subject_idx]
    if not toks or toks[0].lower_text not in ("the", *DEMONSTRATIVES):
        return False
    # Only a person by role for now: "the strike", "the deal", "the accord" are just as
    # vague, but refusing them cost a third of the dates of our samples (no anchor yet).
    if c.subject.lower_text not in TITLE_WORDS:
        return False
    return all(
        (t.pos in ("NOUN", "ADJ") and t.lower_text.isalpha())
        or (t.pos == "PART" and t.lower_text in ("'s", "’s", "'", "’"))
        for t in toks[1:]
    )


def _says_nothing(c: _Clause) -> bool:
    """ "On what date did Whitfield say?": the words said were a quotation, left out."""
    if c.verb.lemma not in SAY_VERBS or c.subject.dep == "nsubjpass":
        return False  # "readings would be added next year": "add" in another sense
    return not any(i > c.verb.i for i in c.idx)


def _date_of_coordinated_verb(c: _Clause) -> bool:
    """ "He went bankrupt and in 1867 left Geneva": the date is the second verb's, not this one's."""
    sent, verb = c.sent, c.verb
    return any(
        k.dep == "conj"
        and k.pos in ("VERB", "AUX")
        and k.i > verb.i
        and c.start in sent.subtree(k.i)
        for k in sent.children(verb.i)
    )


def _quoted_words(c: _Clause) -> bool:
    """ "'We left,' he said in 1950": quoted words cannot be inverted around. A short
    quotation after the verb, kept whole with its marks, stays as it is: "In what year did
    she acquire the nickname "the Queen of Soul"?" alters no word of it."""
    toks = c.sent.tokens
    quoted = [i for i in range(len(toks)) if toks[i].quoted]
    if not any(i in c.idx for i in quoted):
        return False
    kept = set(c.idx)
    whole = all(i in kept for i in quoted) and quoted[-1] - quoted[0] + 1 == len(quoted)
    marks = toks[quoted[0]].pos == "PUNCT" and toks[quoted[-1]].pos == "PUNCT"
    return not (whole and marks and quoted[0] > c.verb.i and len(quoted) <= _SHORT_QUOTE)


_SHORT_QUOTE = 8  # tokens, with the marks: a name or a phrase, not a speech


def _no_do_support(c: _Clause) -> bool:
    """ "He would have been 90 in 1950" parsed oddly: no auxiliary, no "be", and a verb form
    that takes no did/does/do either."""
    verb = c.verb
    return not c.auxes and verb.lemma != "be" and verb.pos != "AUX" and verb.tag not in _DO


def _in_a_relative_clause(c: _Clause) -> bool:
    """ "the amount that Germany should pay at the conference in 1919", "King, with whom she
    toured in the 1950s": without its relative word the clause says another thing ("In
    what year should Germany pay?"), and the date may be the noun's, not the clause's."""
    return c.verb.dep == "relcl"


def _dated_twice(c: _Clause) -> bool:
    """ "in 1861 and 1862, Union forces had used contrabands", "signed in 1951 with Decca,
    then in 1955 with Philips": another date on the same verb, in the date's own phrase or
    beside it, makes "In what year ...?" ask two things, or the other date's event. A date
    inside a clause of its own ("after Moynier, who had died in 1910") dates that clause."""
    toks, sent = c.sent.tokens, c.sent
    own = set(range(c.start, c.end))
    # the date's words and the words tagged with it ("the", "late"): one run of DATE tokens
    lo, hi = c.start, c.end
    while lo > 0 and toks[lo - 1].ent == "DATE":
        lo -= 1
    while hi < len(toks) and toks[hi].ent == "DATE":
        hi += 1
    own.update(range(lo, hi))
    phrase = _date_phrase(sent, c.start, c.end)
    top = phrase[0] if toks[phrase[0]].dep == "prep" else sent.span_head(c.start, c.end)
    if any(_a_date(toks[i]) and i not in own and not _in_a_clause(toks, i, top) for i in phrase):
        return True
    for i in c.idx:
        if not _a_date(toks[i]) or i in own:
            continue
        k = i
        while toks[k].head not in (c.verb.i, k) and toks[toks[k].head].pos not in ("VERB", "AUX"):
            k = toks[k].head
        if toks[k].head == c.verb.i and toks[k].dep in ("prep", "npadvmod", "tmod"):
            return True
    return False


def _negated(c: _Clause) -> bool:
    """ "she didn't record Respect for a political movement": what did not happen has no
    date; the date dates the saying ("In what year did she n't record ...?")."""
    return any(k.dep == "neg" for k in c.sent.children(c.verb.i))


# Clauses that are never rewritten: each would make an ungrammatical or misleading question.
_CLAUSE_RULES: tuple[Callable[[_Clause], bool], ...] = (
    _negated,
    _in_a_relative_clause,
    _dated_twice,
    _dates_a_thing,
    _relative_subject,
    _vague_subject,
    _needs_the_text,
    _says_nothing,
    _date_of_coordinated_verb,
    _quoted_words,
    _no_do_support,
)


def _a_date(tok: Token) -> bool:
    """A word that names a point in time ("1862", "1950s", "August", "century"), not a
    length of it ("about ten weeks after Moynier")."""
    return tok.ent == "DATE" and (
        re.fullmatch(r"\d{3,4}s?", tok.text) is not None
        or tok.lower_text in MONTHS
        or tok.lower_text in ("century", "centuries", "decade")
    )


def _in_a_clause(toks: list[Token], i: int, top: int) -> bool:
    """Is token i inside a clause of its own below token `top` ("on October 30, after
    Moynier, who had died on August 21")?"""
    k = i
    while k != top and toks[k].head != k:
        k = toks[k].head
        if k != top and toks[k].pos in ("VERB", "AUX"):
            return True
    return False


# Rules about the date a clause question asks: an object question asks no date.
_DATE_ONLY_RULES = (_dates_a_thing, _dated_twice)


def _aside(text: str) -> bool:
    """ "did LEEDS, Sept. 12 — the board meet": a dateline or an aside reads wrong."""
    return "—" in text or "--" in text


def _unbalanced_bracket(text: str) -> bool:
    """ "did the World Health Organization (WHO meet": the date's phrase took a bracket."""
    return text.count("(") != text.count(")")


# Questions that came out wrong after all.
_QUESTION_RULES: tuple[Callable[[str], bool], ...] = (_aside, _unbalanced_bracket)


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
    None if unsafe: a rule of _SENTENCE_RULES, _CLAUSE_RULES or _QUESTION_RULES says so, an
    adverbial would stand before the subject, or a pronoun would dangle.
    """
    if any(rule(sent, start, end) for rule in _SENTENCE_RULES):
        return None
    clause = _clause(sent, start, end)
    if clause is None or any(rule(clause) for rule in _CLAUSE_RULES):
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
    if any(rule(sent, start, end) for rule in _SENTENCE_RULES):
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
    else:
        return None
    clause = _clause(sent, start, end, phrase)
    if clause is None or clause.verb.i != verb.i or verb.pos not in ("VERB", "AUX"):
        return None
    if any(rule(clause) for rule in _CLAUSE_RULES if rule not in _DATE_ONLY_RULES):
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
    clause: _Clause,
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


def _invert(
    clause: _Clause,
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
        moved, front = -1, _DO[verb.tag]
        words[verb.i] = (verb.lemma, bool(verb.ws))
    body = [i for i in clause.idx if i != moved]
    first = clause.subject_idx[0]
    if any(i < first for i in body if i not in clause.subject_idx):
        return None  # an adverbial before the subject would stand before it in the question
    # The subject comes straight after the moved auxiliary; the rest keeps its order.
    subj = [words[i] for i in body if i in clause.subject_idx]
    rest = [words[i] for i in body if i not in clause.subject_idx]
    if subj and subj[0][0] in ("a", "an", "A", "An", "The"):
        subj[0] = ("the", True)
    elif subj and _common_word(toks[clause.subject_idx[0]]):
        subj[0] = (subj[0][0][:1].lower() + subj[0][0][1:], subj[0][1])  # "were all debts"
    text = without_figure_references(_join([(front, True), *subj, *rest]))
    if any(rule(text) for rule in _QUESTION_RULES):
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


def _clause(
    sent: Sentence, start: int, end: int, phrase: list[int] | None = None
) -> _Clause | None:
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
    drop = set(_date_phrase(sent, start, end) if phrase is None else phrase)
    idx = [i for i in sent.subtree(verb.i) if i not in drop]
    # A subordinate clause loses its conjunction ("since", "when"); nested clauses stay.
    idx = [i for i in idx if not (toks[i].dep == "mark" and toks[i].head == verb.i)]
    subject_idx = sent.subtree(subject.i)
    # Adverbials before the subject ("Barring unforeseen events,") go; the rest keeps its order.
    first = subject_idx[0]
    idx = [
        i
        for i in idx
        if i >= first or (toks[i].dep in ("aux", "auxpass", "neg") and toks[i].head == verb.i)
    ]
    idx = [i for i in idx if not (toks[i].dep == "cc" and toks[i].head == verb.i and i > verb.i)]
    idx = _cut_trailing_conj(sent, verb, idx)
    # "a 1950 accord ... lapsed in 1979": the other year names the accord; asking the lapse
    # without it lets the 1950 be asked from the same sentence without this printing it.
    idx = [i for i in idx if not _year_modifier(toks[i], toks)]
    # the clause's last punctuation goes, but for a bracket it closes: "(ESPCI)"
    while idx and toks[idx[-1]].pos == "PUNCT" and not _closes_a_bracket(toks, idx):
        idx.pop()
    # "lost tragically back on February 1, 2003": an adverb set on the date goes with it
    if drop and min(drop) > 0 and toks[min(drop) - 1].lower_text in DATE_ADVERBS:
        idx = [i for i in idx if i != min(drop) - 1]
    return _Clause(sent, start, end, verb, subject, subject_idx, idx)


_NAMES = frozenset({"PERSON", "ORG"})
_DATES = frozenset({"DATE"})


def _without_sides(
    clause: _Clause, labels: frozenset[str], thin_ok: bool = False
) -> _Clause | None:
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
            and any(k.ent in labels for k in [c, *sent.children(c.i)] if k.dep != "prep")
            and not any(clause.start <= k < clause.end for k in part)
        ):
            drop.update(part)
    if not drop:
        return None
    idx = [i for i in clause.idx if i not in drop]
    said = [
        i for i in idx if i not in clause.subject_idx and toks[i].pos not in ("PUNCT", "ADV", "AUX")
    ]
    if len(said) < _MIN_OBJECT_REST and not thin_ok:
        return None
    return replace(clause, idx=idx)


def _says_which(clause: _Clause) -> bool:
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
    # the bound for the time itself and be wrong; the question keeps the preposition ("By
    # what year ...?", see `bound_preposition`), and only where it is on the verb.
    if dep != "pobj" or prep.dep != "prep":
        return False
    if prep.lower_text in BOUND_PREPOSITIONS:
        return prep.head == verb.i and prep.i == sent.subtree(prep.i)[0]
    return prep.lower_text in POINT_PREPOSITIONS


def bound_preposition(sent: Sentence, start: int, end: int) -> str:
    """The preposition bounding the date at tokens [start, end) ("by", "until", "since"),
    for "By what year ...?"; "" for a date at a point ("in 1979", "on May 2")."""
    toks = sent.tokens
    head = toks[sent.span_head(start, end)]
    prep = toks[head.head]
    if head.dep == "pobj" and prep.dep == "prep" and prep.lower_text in BOUND_PREPOSITIONS:
        return prep.lower_text
    return ""


def _date_phrase(sent: Sentence, start: int, end: int) -> list[int]:
    """The tokens to remove with the date: its preposition ("in 1979") or the bare date."""
    toks = sent.tokens
    head = sent.span_head(start, end)
    parent = toks[toks[head].head]
    if parent.dep == "prep" and toks[head].dep == "pobj":  # "since" may be tagged SCONJ
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


def _common_word(tok: Token) -> bool:
    """A word written with a capital only because it opens the sentence ("All debts"),
    not a name or a nationality ("European nations", "Congress")."""
    return tok.pos in ("DET", "NOUN", "NUM", "ADV") and tok.ent == ""  # "Black soldiers"


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
