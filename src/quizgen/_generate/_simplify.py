"""Simplified statements: a sentence without the side remarks that name other facts.

"Henry Dunant, a Geneva businessman born on May 8, 1828, was travelling in northern Italy in
June 1859 ..." asked about June 1859 need not print the birth date: without the appositive it
reads "Henry Dunant was travelling in northern Italy in _____ ...". Heilman & Smith (2010)
ask from such simplified factual statements; here they let two facts of one sentence be
asked without either question printing the other's answer, and a true statement say what its
sentence says in fewer words. Only parts that carry another fact go, and only parts whose
removal leaves a sentence: an appositive or a relative clause set off by commas, a
prepositional phrase or adverbial clause hanging off a verb. A quotation is never cut.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from quizgen._extract import Sentence, Token
from quizgen._generate._torn import comma_before_a_remark, torn
from quizgen._lexicon import DETERMINERS, DIRECTION_PREPOSITIONS

# Dependency labels of side parts: an appositive, a non-restrictive relative clause, a
# prepositional phrase, an adverbial clause or a noun used as an adverb.
_SIDE = {"appos", "relcl", "prep", "advcl", "npadvmod"}
_FACT_LABELS = {"DATE", "PERSON", "ORG"}
_COMMAS = {",", ";", "—", "–"}
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
MAX_SENTENCE_WORDS = 60  # a wording longer than this (in tokens) does not stand alone
_FINITE = ("VBD", "VBZ", "VBP")
_MAX_CUT = 3  # a sentence this many times as long is not simplified at all


def _depth(words: Iterable[str]) -> int:
    """Brackets the words open minus those they close."""
    return sum((w in ("(", "[")) - (w in (")", "]")) for w in words)


def _with_brackets(toks: Sequence[Token], span: range) -> range | None:
    """The span grown by the bracket its part leaves open ("(OECD" takes its ")"), or
    None when that bracket is not next to it: half a bracket left in a question reads as
    a misprint ("... was reorganized ).")."""
    lo, hi = max(span.start, 0), min(span.stop, len(toks))
    depth = _depth(toks[k].text for k in range(lo, hi))
    while depth > 0 and hi < len(toks) and toks[hi].text in (")", "]"):
        hi, depth = hi + 1, depth - 1
    while depth < 0 and lo > 0 and toks[lo - 1].text in ("(", "["):
        lo, depth = lo - 1, depth + 1
    return range(lo, hi) if depth == 0 else None


_OPENERS = ("(", "[", "“", '"')
# A dash written against the part makes it half of a range: "in 1920–21" cut read "–21".
_DASHES = ("–", "-", "—")
# What may follow a remark set off by a comma: the comma (or dash) closing it, or the end.
_CLOSERS = frozenset({*_COMMAS, ".", "!", "?", ":", ")", ""})


def _glued(toks: Sequence[Token], lo: int, hi: int) -> bool:
    """Is the part [lo, hi] written against a word beside it, with no space between? It is
    then part of that word: cut, "Matthias Schleiden (1804–1881)" read "(1804 )" and "a
    1926 publication co-authored with X" read "publication co-." (blind review)."""
    before = toks[lo - 1] if lo > 0 else None
    after = toks[hi + 1] if hi + 1 < len(toks) else None
    return bool(
        (before is not None and not before.ws and before.text not in _OPENERS)
        or (
            after is not None
            and not toks[hi].ws
            and (after.pos != "PUNCT" or after.text in _DASHES)
        )
    )


def _adjunct_after(toks: Sequence[Token], i: int) -> bool:
    """Does a phrase that hangs on the verb start at token i ("in order to", "because",
    "after the war")? The comma before it set it off from the part cut before it only."""
    return i < len(toks) and toks[i].pos in ("ADP", "SCONJ") and not toks[i].quoted


def simplified_window(sent: Sentence, start: int, end: int) -> list[int] | None:
    """The token indices of the sentence without the side parts that name another fact
    (never the part holding tokens [start, end)); None when nothing would go, or the
    sentence quotes someone.

    The smallest parts go first: "a junior partner in the 1950s" loses "in the 1950s"
    only. Where that tears the sentence ("Anna Berg, a surveyor born, founded ..."), the
    largest go first: the whole remark "a surveyor born in 1890" goes; so too where the
    sentence is still too long to stand alone."""
    if len(sent.tokens) > _MAX_CUT * MAX_SENTENCE_WORDS:
        # cutting side remarks shortens a sentence so much only: a run-on list of hundreds
        # of names never stands alone, and trying it for each name would be quadratic
        return None
    if any(t.quoted for t in sent.tokens):
        return None  # quotations are never altered
    window = _window(sent, start, end, largest_first=False)
    if window is not None and (torn(sent, window, start, end) or len(window) > MAX_SENTENCE_WORDS):
        # too long still ("Holm, a chemist who ... in 1890, founded ..." without "in 1890")
        window = _window(sent, start, end, largest_first=True)
    return window


def _window(sent: Sentence, start: int, end: int, largest_first: bool) -> list[int] | None:
    toks = sent.tokens
    keep_path = set(range(start, end))
    for i in range(start, end):
        keep_path.update(sent.ancestors(i))
    drop: set[int] = set()
    sides = [t for t in toks if t.dep in _SIDE and t.head != t.i and t.i not in keep_path]
    size = -1 if largest_first else 1
    for t in sorted(sides, key=lambda t: (size * len(sent.subtree(t.i)), t.i)):
        if t.i in drop:
            continue
        part = sent.subtree(t.i)
        facts = [k for k in part if toks[k].ent in _FACT_LABELS and k not in drop]
        if keep_path & set(part) or not facts:
            continue
        lo, hi = min(part), max(part)
        if hi - lo + 1 != len(part):
            continue  # not one run of words: cutting it would tear the sentence
        if _glued(toks, lo, hi):
            continue  # "(1804–1881)", "co-authored with X": half a word or range would stay
        if t.dep in ("prep", "npadvmod") and all(toks[k].ent == "DATE" for k in facts):
            lo = _date_lead(toks, lo, keep_path)
        if t.dep in ("prep", "npadvmod") and comma_before_a_remark(toks, lo, hi):
            hi -= 1  # "in Lund on May 3, 1901, the eldest of four": the comma is the remark's
        before = toks[lo - 1].text if lo > 0 else ""
        after = toks[hi + 1].text if hi + 1 < len(toks) else ""
        if t.dep == "appos" and before == "(" and after == ")":
            span = range(lo - 1, hi + 2)  # "Robert Remak (1815–1865)": a remark in brackets
        elif t.dep in ("appos", "relcl"):
            if before not in _COMMAS:
                continue  # "the writer Tolstoy", "the book that he wrote": it restricts
            closed = after in _CLOSERS or toks[hi].text in _COMMAS  # its own comma
            if not closed and toks[t.head].pos != "PROPN":
                # not closed where it ends: "banking, the National Labor Relations Board to
                # regulate ..." is an item of a list the parser hung wrong; cut, "banking to
                # regulate the way companies could treat their workers" (blind review 4).
                # A remark on a name is one whose closing comma the writer forgot.
                continue
            if toks[lo].pos == "PROPN" or any(c.dep == "conj" for c in sent.children(t.head)):
                continue  # "them: Dunant, Moynier, General Dufour": a list, not a remark
            span = range(lo - 1, hi + 2 if after in _COMMAS else hi + 1)
        elif t.dep in ("prep", "advcl", "npadvmod"):
            head = toks[t.head]
            if t.lower_text in DIRECTION_PREPOSITIONS and head.pos in ("VERB", "AUX"):
                continue  # "will be sent to the California Science Center": where to
            if t.lower_text == "as" and _intransitive(sent, head) and t.i > head.i:
                continue  # "served as Rector of the university": what he served as
            main_verb = head.pos in ("VERB", "AUX") and (head.head == head.i or head.dep == "conj")
            when = t.lower_text != "of" and all(toks[k].ent == "DATE" for k in facts)
            if not (main_verb or when):
                continue  # "known as the Shanghai Five", "the battle of Solferino": needed
            if t.dep == "advcl" and t.tag in _FINITE and not _has_subject(sent, t.i):
                # "Bayern equalized as striker Lewandowski scored a tap-in": a finite verb
                # has a subject; without one the parser hung it elsewhere, and the cut
                # left "Bayern equalized as striker Lewandowski."
                continue
            if not when and _complement(sent, t):
                continue  # "grappled with the question of ...": cut, "grappled." (review)
            if (
                t.i > t.head
                and before not in _COMMAS
                and after == ","
                and _noun_phrase_at(toks, hi + 2)
            ):
                # "grew with the addition of X to ..., the SEC to regulate ...": the phrase
                # opens a list whose other items the parser hung elsewhere; cut, "grew, the
                # SEC to regulate ..." (blind review 4)
                continue
            # set off on both sides between subject and verb ("the committee, under ...
            # Berg, proposed"): both go; after a fronted phrase ("At the end of its
            # hearings, in July 1974, the committee ...") one stays
            both = before in _COMMAS and after in _COMMAS and _between_subject_and_verb(sent, t)
            span = range(lo - 1 if before in _COMMAS else lo, hi + 2 if both else hi + 1)
            if before not in _COMMAS and after == "," and _adjunct_after(toks, hi + 2):
                span = range(lo, hi + 2)  # "was formed as ..., in order to": the comma too
            if (not when or not main_verb) and _left_bare(sent, t.head, drop | set(span)):
                # "he lectured at the Congress ... in 1904": cut both, "he lectured,". A
                # main verb may lose its date ("a second, Ève, followed."); a verb inside
                # a phrase may not: "with laws ... expected next month" read "expected?"
                continue
        else:
            continue
        if any(c.dep == "cc" for c in sent.children(t.i)):
            continue  # "After ... documents, and then demarcating ...": half a coordination
        span = _with_brackets(toks, span)
        if span is None:
            continue  # cutting half a bracket left "... was reorganized )."
        drop.update(span)
    if not drop:
        return None
    window = [t.i for t in toks if t.i not in drop]
    # the main verb keeps its own subject: cut with a misparsed opening phrase, "Russian
    # botanist X suggested in 1905 that ..." read "Suggested in _____ that ..." (blind review)
    roots = {t.i for t in toks if t.head == t.i}
    if not window or not any(toks[i].dep in _SUBJECTS and toks[i].head in roots for i in window):
        return None
    while window and toks[window[0]].text in _COMMAS:
        window.pop(0)
    if _hollowed_bracket(toks, window) or _list_tail_left(toks, drop):
        return None
    return window


def _date_lead(toks: Sequence[Token], lo: int, keep: set[int]) -> int:
    """Where a date's phrase starting at `lo` really starts: with the determiner the parser
    hung elsewhere ("broke out that August": cut alone, "that," stayed), or with the
    adverbs and comma before it that it completes (", most fully in 1949": cut alone,
    ", most fully." stayed)."""
    k = lo - 1
    if k >= 0 and toks[k].lower_text in DETERMINERS and k not in keep:
        return k
    while k >= 0 and toks[k].pos == "ADV" and k not in keep:
        k -= 1
    if k < lo - 1 and k >= 0 and toks[k].text == "," and k not in keep:
        return k
    return lo


def _list_tail_left(toks: Sequence[Token], drop: set[int]) -> bool:
    """Would a cut keep the last item of a list whose other items went? A noun set beside
    a verb as its conjunct is a list the parser hung wrong: "drew up a list of proposals to
    present to X that included an armistice, ..., and the withdrawal of troops" lost its
    middle and read "drew up a list of proposals, and the withdrawal of troops" (blind
    review)."""
    return any(
        t.dep == "conj"
        and t.pos in ("NOUN", "PROPN")
        and toks[t.head].pos in ("VERB", "AUX")
        and t.i not in drop
        and any(k in drop for k in range(t.head + 1, t.i))
        for t in toks
    )


def _intransitive(sent: Sentence, verb: Token) -> bool:
    """Is `verb` an active verb without an object ("served", "acted")? Its "as" phrase is
    then what it says ("served as Rector"); "was formed as a joint venture" and "joined the
    firm as a clerk" say their fact without it."""
    return verb.pos in ("VERB", "AUX") and not any(
        c.dep in ("dobj", "auxpass", "nsubjpass") for c in sent.children(verb.i)
    )


def _has_subject(sent: Sentence, i: int) -> bool:
    return any(c.dep in _SUBJECTS for c in sent.children(i))


def _noun_phrase_at(toks: Sequence[Token], i: int) -> bool:
    """Does a noun phrase start at token i ("the SEC", "Harvick")?"""
    return i < len(toks) and toks[i].pos in ("DET", "PROPN", "NOUN", "NUM", "ADJ")


def _left_bare(sent: Sentence, verb: int, drop: set[int]) -> bool:
    """Would a verb that had words after it keep none but punctuation? "Jespersen visited
    the United States twice: he lectured at the Congress of Arts and Sciences in St. Louis
    in 1904" without both phrases read "he lectured," (blind review 4): what is said of it
    went."""
    toks = sent.tokens
    particle = toks[verb].dep in ("advmod", "prt") and toks[toks[verb].head].pos == "VERB"
    if toks[verb].pos not in ("VERB", "AUX") and not particle:
        return False  # but "documents dating back [to the 1680s]" is a verb's too
    after = [c.i for c in sent.children(verb) if c.i > verb and c.pos != "PUNCT"]
    after = [i for i in after if toks[i].dep not in ("cc", "conj")]
    return bool(after) and all(i in drop for i in after)


def _complement(sent: Sentence, t: Token) -> bool:
    """Is the phrase at `t` what its verb needs after it: right after the verb, with
    nothing else of the verb's after it ("grappled with the question", "relied on X")?"""
    verb = t.head
    first = min(sent.subtree(t.i))
    return first == verb + 1 and not any(
        c.i > verb and c.i != t.i and c.pos != "PUNCT" for c in sent.children(verb)
    )


def _between_subject_and_verb(sent: Sentence, t: Token) -> bool:
    """Does the part at `t` stand after its verb's subject and before the verb?"""
    verb = t.head
    subject = next((c for c in sent.children(verb) if c.dep in ("nsubj", "nsubjpass")), None)
    return subject is not None and max(sent.subtree(subject.i)) < t.i < verb


def _hollowed_bracket(toks: Sequence[Token], window: list[int]) -> bool:
    """Does the window keep both ends of a bracket but not all of what is inside? "King
    Louis XV (1710–1774, reigned 1715–1774)" without its dates read "(1710 reigned 1715 )"."""
    kept, opened = set(window), []
    for t in toks:
        if t.text in ("(", "["):
            opened.append(t.i)
        elif t.text in (")", "]") and opened:
            i = opened.pop()
            if i in kept and t.i in kept and any(k not in kept for k in range(i + 1, t.i)):
                return True
    return False
