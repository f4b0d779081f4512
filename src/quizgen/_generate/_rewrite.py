"""Turning a dated clause into a question: subject-auxiliary inversion and do-support.

    "China let the accord lapse in 1979"           -> "did China let the accord lapse"
    "a 1950 accord ... was allowed to lapse in 1979" -> "was the 1950 accord ... allowed to lapse"

Works on the light parse in `Sentence`; returns None whenever the result might be
ungrammatical or dangling (a pronoun with no referent), so the caller falls back to a cloze.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from quizgen._extract import Sentence, Token
from quizgen._generate._memo import by_identity
from quizgen._lexicon import (
    DANGLING_PRONOUNS,
    DEMONSTRATIVES,
    DIRECTION_PREPOSITIONS,
    LEADING_CONNECTIVES,
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
    return _roots(sent) > 1


@by_identity  # asked for every fact of the sentence: hundreds in a run-on list
def _roots(sent: Sentence) -> int:
    return sum(1 for t in sent.tokens if t.head == t.i)


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
    """ "He called it 'a disgrace' in 1950": quoted words cannot be inverted around."""
    return any(c.sent.tokens[i].quoted for i in c.idx)


def _no_do_support(c: _Clause) -> bool:
    """ "He would have been 90 in 1950" parsed oddly: no auxiliary, no "be", and a verb form
    that takes no did/does/do either."""
    verb = c.verb
    return not c.auxes and verb.lemma != "be" and verb.pos != "AUX" and verb.tag not in _DO


# Clauses that are never rewritten: each would make an ungrammatical or misleading question.
_CLAUSE_RULES: tuple[Callable[[_Clause], bool], ...] = (
    _dates_a_thing,
    _relative_subject,
    _vague_subject,
    _needs_the_text,
    _says_nothing,
    _date_of_coordinated_verb,
    _quoted_words,
    _no_do_support,
)


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
    return _invert(clause, substitutes)


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
    if any(rule(clause) for rule in _CLAUSE_RULES if rule is not _dates_a_thing):
        return None
    # "in the 1950s" goes: the date may be asked from the same sentence
    clause = _without_sides(clause, _DATES) or clause
    said = [
        i
        for i in clause.idx
        if i not in clause.subject_idx and toks[i].pos not in ("PUNCT", "ADV", "AUX")
    ]
    if len(said) < _MIN_OBJECT_REST:
        return None  # "Whom did Randall recruit?": which of the people he recruited?
    body = _invert(clause, substitutes)
    return None if body is None else (prep, body)


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
    text = _join([(front, True), *subj, *rest])
    if any(rule(text) for rule in _QUESTION_RULES):
        return None
    if _has_dangling_pronoun(_join([words[i] for i in body if i not in kept])):
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
    while idx and toks[idx[-1]].pos == "PUNCT":
        idx.pop()
    return _Clause(sent, start, end, verb, subject, subject_idx, idx)


_NAMES = frozenset({"PERSON", "ORG"})
_DATES = frozenset({"DATE"})


def _without_sides(clause: _Clause, labels: frozenset[str]) -> _Clause | None:
    """The clause without the phrases on its verb that name an entity of `labels`: a
    prepositional phrase other than "of" or a destination ("moved to the Panthéon": see
    DIRECTION_PREPOSITIONS) ("by the Norwegian Nobel Committee", "in 1953") or
    a bare date ("last year"), whole and in one run of words; None when none is there.
    A clause left with its verb alone (see _MIN_OBJECT_REST) keeps them."""
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
    if len(said) < _MIN_OBJECT_REST:
        return None
    return replace(clause, idx=idx)


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
