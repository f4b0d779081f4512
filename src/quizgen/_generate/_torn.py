"""Wordings that came out torn: a sentence left with a hole where words were taken out.

A clause or a simplified sentence (`_clauses`, `_simplify`) is the sentence with some of
its words left out. Most of the time the rest reads as a sentence; these rules catch the
times it does not, each with the example a blind reviewer flagged (issue 12). A torn
wording is not offered, so the planner asks the fact through its whole sentence or
another wording instead of losing it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from quizgen._deck import BLANK
from quizgen._extract import Sentence, Token
from quizgen._lexicon import (
    CITATION,
    COMPARISON_PREPOSITIONS,
    DANGLING_PRONOUNS,
    DETERMINERS,
    HANGING_WORDS,
)


def _beside_the_blank(sent: Sentence, keep: set[int], start: int, end: int) -> bool:
    """ "Belgium started the game _____ Mertens making ...": words left out right before or
    after the blank, and not set off by commas, read as part of what the blank stands for."""
    toks = sent.tokens
    lo, hi = min(keep), max(keep)
    before = start - 1
    if lo <= before and before not in keep:
        k = before
        while k not in keep:
            k -= 1
        if toks[k].pos != "PUNCT" and toks[k + 1].pos != "PUNCT":
            return True
    return end <= hi and end not in keep and toks[end].pos != "PUNCT"


def _hanging_word(sent: Sentence, keep: set[int], start: int, end: int) -> bool:
    """ "... contracted in _____, with her father's help, then, and.": a conjunction or a
    connective ("then") whose words were left out, now followed by a comma or the end."""
    toks, kept = sent.tokens, sorted(keep)
    for k, nxt in zip(kept, [*kept[1:], None], strict=True):
        word = toks[k]
        if start <= k < end or not (word.dep == "cc" or word.lower_text in HANGING_WORDS):
            continue
        if k + 1 in keep:
            continue  # "and, in 1966, ...": the text's own comma
        if nxt is None or (toks[nxt].pos == "PUNCT" and toks[nxt].text not in "“\"'("):
            return True
    return False


def _stripped_head(sent: Sentence, keep: set[int], start: int, end: int) -> bool:
    """ "The results of the experiment, published, suggested ...", "... and was put.",
    "... payable.": a participle, an adjective or a preposition whose every word after it
    was left out. A finite verb may lose them: "a second, Ève, followed." reads."""
    toks = sent.tokens
    for k in keep:
        word = toks[k]
        if word.head == k or word.pos not in ("VERB", "ADJ", "ADP"):
            continue
        if word.pos == "VERB" and word.tag not in ("VBN", "VBG"):
            continue
        after = [c.i for c in sent.children(k) if c.i > k and c.pos != "PUNCT"]
        if after and not any(c in keep or start <= c < end for c in after):
            return True
    return False


def _stripped_conjunct(sent: Sentence, keep: set[int], start: int, end: int) -> bool:
    """ "..., and acted." of "..., and acted as president of the Congress": a verb joined to
    the one before by "and" whose every word after it was left out. Alone it says another
    thing, or nothing (blind review 4: a true/false statement ended so); a verb that had
    nothing after it ("and wept.") keeps all it had, and one that lost only its date ("and
    a second, Ève, followed." of "... followed in 1904") says what it said."""
    toks = sent.tokens
    for k in keep:
        word = toks[k]
        if word.dep != "conj" or word.pos not in ("VERB", "AUX"):
            continue
        after = [c.i for c in sent.children(k) if c.i > k and c.pos != "PUNCT"]
        if any(c in keep or start <= c < end for c in after):
            continue
        if any(not any(toks[j].ent in ("DATE", "TIME") for j in sent.subtree(c)) for c in after):
            return True
    return False


def _next_kept(keep: set[int], k: int, n: int) -> int | None:
    """The first kept token after k, or None when none is."""
    return next((i for i in range(k + 1, n) if i in keep), None)


def _orphan_determiner(sent: Sentence, keep: set[int], start: int, end: int) -> bool:
    """ "When the war broke out that, Curie equipped ...": a determiner ("that", "the",
    "its") whose noun was left out, now followed by a comma or the end. A determiner never
    closes a phrase, whatever the parser made of it ("that" read as a conjunction)."""
    toks = sent.tokens
    for k in keep:
        if toks[k].lower_text not in DETERMINERS or k + 1 in keep or start <= k + 1 < end:
            continue
        if k + 1 >= len(toks) or toks[k + 1].pos == "PUNCT":
            continue  # "to accept this[, which ...]": a pronoun, whose remark went
        nxt = _next_kept(keep, k, len(toks))
        if nxt is None or toks[nxt].pos == "PUNCT":
            return True
    return False


def _unclosed_remark(sent: Sentence, keep: set[int], start: int, end: int) -> bool:
    """ "The group, which first met called itself ...": a remark opened by a comma whose
    closing comma went with the words cut from its end, so it runs into the main verb."""
    toks = sent.tokens
    for t in toks:
        if t.dep not in ("relcl", "appos") or t.i not in keep:
            continue
        part = sent.subtree(t.i)
        lo, hi = min(part), max(part)
        if lo == 0 or toks[lo - 1].text != "," or lo - 1 not in keep:
            continue
        close = hi if toks[hi].text == "," else hi + 1
        if close >= len(toks) or toks[close].text != "," or close in keep:
            continue
        nxt = _next_kept(keep, close, len(toks))
        if nxt is not None and toks[nxt].pos != "PUNCT" and not start <= nxt < end:
            last = max((i for i in keep if i < close), default=lo)
            if last >= lo:  # the remark kept words of its own, now run into what follows
                return True
    return False


def _stranded_adverbs(sent: Sentence, keep: set[int], start: int, end: int) -> bool:
    """ "... was revised several times, most fully.": after a comma, adverbs alone whose
    phrase ("in 1949") was left out: they modified what went, and now close the sentence."""
    toks = sent.tokens
    kept = sorted(keep)
    for pos, k in enumerate(kept):
        if toks[k].text != "," or start <= k < end:
            continue
        run = []
        for i in kept[pos + 1 :]:
            if toks[i].pos != "ADV" or start <= i < end:
                break
            run.append(i)
        if not run or run[-1] + 1 in keep:
            continue
        nxt = _next_kept(keep, run[-1], len(toks))
        if nxt is None or (toks[nxt].pos == "PUNCT" and not start <= nxt < end):
            return True
    return False


_WINDOW_RULES: tuple[Callable[[Sentence, set[int], int, int], bool], ...] = (
    _beside_the_blank,
    _hanging_word,
    _stripped_head,
    _stripped_conjunct,
    _orphan_determiner,
    _unclosed_remark,
    _stranded_adverbs,
)


def comma_before_a_remark(toks: Sequence[Token], lo: int, hi: int) -> bool:
    """Does the phrase [lo, hi] end on a comma, not opened by one, before a noun phrase
    set off as a remark ("on May 3, 1903, the youngest of five")? The comma is the
    remark's, not the phrase's."""
    return (
        toks[hi].text == ","
        and hi + 1 < len(toks)
        and toks[hi + 1].pos in ("DET", "ADJ", "NOUN", "NUM")
        and (lo == 0 or toks[lo - 1].text != ",")
    )


def leaves_a_stub(sent: Sentence, window: Sequence[int], start: int, end: int) -> bool:
    """Does keeping only `window` leave a determiner or adverbs whose words were cut (see
    _orphan_determiner, _stranded_adverbs)? For a clause asked about the date at [start,
    end), whose phrase is not in the window: "was the treaty revised, most fully"."""
    keep = set(window)
    return _orphan_determiner(sent, keep, start, end) or _stranded_adverbs(sent, keep, start, end)


def torn(sent: Sentence, window: Sequence[int], start: int, end: int) -> bool:
    """Does keeping only the tokens `window` of `sent` (the blank at [start, end)) tear the
    sentence? See the rules above; a window of the whole sentence never does."""
    keep = set(window)
    if len(keep) == len(sent.tokens):
        return False
    return any(rule(sent, keep, start, end) for rule in _WINDOW_RULES)


# "Unlike _____, his business practices were ...": the one compared with is the blank, and
# the pronoun after it the text's own person, whom the wording no longer names (review)
_COMPARED_BLANK = re.compile(
    rf"(?:{'|'.join(sorted(COMPARISON_PREPOSITIONS))}) {re.escape(BLANK)}, "
    rf"(?:{'|'.join(sorted(DANGLING_PRONOUNS))})\b",
    re.I,
)


def misprinted(text: str) -> bool:
    """Does a wording read as a misprint: ", ." or "( )" where words were left out, " ,"
    where the text lost one, or a blank compared with a pronoun that now points nowhere
    ("Unlike _____, his ...")?"""
    if _COMPARED_BLANK.match(text):
        return True
    # ", ." and "( )"; " , " where the text itself lost a word ("The New , and ...")
    return re.search(r"[,;:]\s*[,.;:]|\(\s*\)|\w ,", text.replace(BLANK, "x")) is not None


def closed_quotes(text: str) -> str:
    """The wording with its quotation marks balanced: a sentence of a quotation that goes
    on for several ("Sassi said, "We were playing against a highly-skilled team.") closes
    it at its end, one that ends it opens it at its start, so no question leaves a
    quotation open."""
    opened = text.count("“") - text.count("”")
    if opened > 0:
        return text + "”" * opened
    if opened < 0:
        return "“" * -opened + text
    if text.count('"') % 2 == 1:
        return '"' + text if text.endswith('"') else text + '"'
    return text


def named_twice(text: str, toks: Sequence[Token], subs: Mapping[int, str] | None) -> bool:
    """Did a possessive pronoun take the name of someone the wording names anyway? "His son
    Harry W. Henry II" read "Harry W. Henry II’s son Harry W. Henry II": the pronoun was
    someone else's (father and son)."""
    return bool(subs) and any(
        toks[i].tag == "PRP$" and text.count(name.removesuffix("’s")) > 1
        for i, name in (subs or {}).items()
        if name != toks[i].text
    )


_FIGURE_REFERENCE = re.compile(r"\s*\((?:see\s+)?(?:Figure|Fig\.|Table|Map)\s+[\w.]+\)", re.I)


_CITATION = re.compile(r"\s*" + CITATION.pattern)  # "(Romo, 1986)", with its space


# "(see below)", "(see the chapter on Stellar Distances)": a pointer into the book, which a
# question does not print (blind review 4); with a blank in it, the cloze has none left
# and is dropped (`_candidates`), as a chapter's title is no fact of the text.
_CROSS_REFERENCE = re.compile(r"\s*\(see\b[^()]*\)", re.I)


def without_figure_references(text: str) -> str:
    """The wording without "(Figure 15.17)", a cross-reference "(see below)" or a citation
    "(Romo, 1986)": a question shows no figure to look at, has no "below", and the sources
    a text cites are none of its facts."""
    text = _CROSS_REFERENCE.sub("", _FIGURE_REFERENCE.sub("", text))
    return _CITATION.sub("", text)
