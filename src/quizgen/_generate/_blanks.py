"""A fact's sentence with the answer blanked: whole, as its own clause, or simplified. Each
wording reads on its own or is None: too long, a heading, a pronoun with no referent, half a
quotation, a piece the sentence splitter cut. The sentences naming an entity are
`_mention_blanks`'; sentences that are no statement of the text, `_fragments`'.
"""

from __future__ import annotations

import re
from itertools import pairwise

from quizgen._deck import BLANK, BLANK_RE
from quizgen._extract import Pronouns, Sentence, Token
from quizgen._generate._acronyms import spelled_by_acronym
from quizgen._generate._clauses import clause_window
from quizgen._generate._leaning import (
    deictic,
    leaning_parts,
    leans_on_others,
    leans_on_people,
    story_thing,
    titled_person,
)
from quizgen._generate._mentions import bare_name_of_several
from quizgen._generate._rewrite import strip_leading
from quizgen._generate._simplify import MAX_SENTENCE_WORDS as _MAX_SENTENCE_WORDS
from quizgen._generate._simplify import simplified_window
from quizgen._generate._torn import (
    closed_quotes,
    misprinted,
    named_twice,
    torn,
    without_figure_references,
)
from quizgen._lexicon import (
    DEMONSTRATIVES,
    FIRST_PERSON,
    POINTING_WORDS,
    POST_DOMAINS,
    READER_VERBS,
    SAY_VERBS,
    SENTENCE_ENDS,
    SUBJECT_PRONOUNS,
    TITLE_WORDS,
    is_honorific,
)

# What `blank_span` refuses around the blank, compiled once: it runs for each wording tried
_BRACKETED = re.compile(re.escape(BLANK) + r"\s*\(|\(\s*" + re.escape(BLANK))
_NAMED_IN_BRACKETS = re.compile(r"\([^()]*\b(?:as|called|or)\s+" + re.escape(BLANK))
# Words of a title or post ("Attorney", "Governor"): a blank opening on one after a capital
# has torn the title ("Assistant District _____").
_POST_WORDS = TITLE_WORDS.union(*POST_DOMAINS.values())
_KNOWN_AS = re.compile(re.escape(BLANK) + r"[,(]?\s*(?:\w+ ){0,2}(?:known|referred to) as\b")


def sentence_context(sent: Sentence) -> str:
    return strip_leading(sent.text)


def blank_in_clause(sent: Sentence, start: int, end: int, pronouns: Pronouns) -> str | None:
    """The sentence with tokens [start, end) blanked, or else the independent clause holding
    them as a sentence of its own."""
    if bare_name_of_several(sent, pronouns, start, end):
        return None
    # A sentence too long to stand alone is never blanked whole: its pronouns are not
    # looked at (a pass over the sentence for each of the hundreds of names of a run-on list)
    if len(sent.tokens) <= _MAX_SENTENCE_WORDS:
        subs = pronouns.substitutes(sent)
        if subs is not None and (blanked := blank_span(sent, start, end, subs)):
            return blanked
    window = clause_window(sent, start, end)
    if window is None:
        return None
    wsubs = pronouns.substitutes(sent, window)
    return None if wsubs is None else blank_span(sent, start, end, wsubs, window)


def _gap_ws(sent: Sentence, i: int, kept: set[int]) -> str:
    """The space after token i, or one where the words after it were left out (a
    simplified sentence), unless punctuation follows."""
    toks = sent.tokens
    if i + 1 >= len(toks) or i + 1 in kept:
        return toks[i].ws
    nxt = next((k for k in range(i + 1, len(toks)) if k in kept), None)
    # "(the Saudi subsidiary of Socal)", not "... of Socal )" once ", which ..." is cut
    return "" if nxt is None or toks[nxt].text in (*".,;:!?", ")", "]") else " "


def simplified_blank(sent: Sentence, start: int, end: int, pronouns: Pronouns) -> str | None:
    """The sentence with tokens [start, end) blanked and the side parts naming other facts
    left out (`_simplify`), or None when there are none or it would not stand alone."""
    window = simplified_window(sent, start, end)
    if window is None:
        return None
    subs = pronouns.substitutes(sent, window)
    return None if subs is None else blank_span(sent, start, end, subs, window)


def blank_span(
    sent: Sentence,
    start: int,
    end: int,
    subs: dict[int, str] | None = None,
    window: list[int] | None = None,
) -> str | None:
    """The sentence (or the clause `window` of it) with tokens [start, end) blanked, or None
    if it would not stand alone."""
    toks = sent.tokens if window is None else [sent.tokens[i] for i in window]
    if len(toks) > _MAX_SENTENCE_WORDS or BLANK_RE.search(sent.text):
        return None  # too long to stand alone, or its own underscores would be a second blank
    if not any(t.pos in ("VERB", "AUX") for t in toks):
        return None  # a heading or caption ("Congress and the act of 1948") states nothing
    if not sent.text.rstrip().endswith(SENTENCE_ENDS):
        return None  # a heading or a list item: "Describe the reasons why many Americans ..."
    if _spliced(sent, toks):
        return None  # "... exists as AT&T. By 1880, fifty thousand ...": two sentences
    if _instructs_the_reader(sent):
        return None  # "Read about the folly to learn ...": an instruction, no fact (review 5)
    if _alters_a_quotation(sent, toks):
        return None
    if _cuts_a_name(sent, start, end):
        return None
    # "In that same year," / ", however,": what leans on the text before goes
    lean = leaning_parts(sent, toks, start, end)
    toks = [t for t in toks if t.i not in lean]
    if leans_on_people(toks) or leans_on_others(toks):
        return None  # "Both had withdrawn ...", "Other areas ...": who, the text before says
    last = toks[-1].i + 1
    kept = {t.i for t in toks}
    words = []
    # "the _____ (OECD)": a short parenthesis after the blank names the answer; leave it out.
    skip = set(range(end, past_bracket(sent, end, last)))
    for t in toks:
        if t.i in skip:
            continue
        if start <= t.i < end:
            if t.i == start:
                # "_____ (b), who ..., was": the space of what follows what was left out
                ws = _gap_ws(sent, max(skip) if skip else end - 1, kept)
                words.append(BLANK + (ws if t.i != last - 1 or end < last else ""))
            continue
        text = subs[t.i] if subs and t.i in subs else t.text
        if subs and t.i in subs and t.i == toks[0].i:
            text = text[:1].upper() + text[1:]
        words.append(text + (_gap_ws(sent, t.i, kept) if t.i != last - 1 else ""))
    text = "".join(words).strip()
    text = text[:1].upper() + text[1:]  # "in _____, Schleiden ..." once "Later," went
    if _BRACKETED.search(text):
        return None  # "the _____ (OECD)": the acronym beside the blank gives it away
    if spelled_by_acronym(text, sent.span_text(start, end)):
        return None  # "the _____ to Re-Elect the President (CREEP)": "Committee"
    if _NAMED_IN_BRACKETS.search(text):
        return None  # "deoxyribonuclease (referred to as _____)": named just before it
    if window is not None and _across_a_semicolon(sent, window):
        return None  # "joined Marussia at the _____ Monaco Grand Prix, he scored ...": glued
    if misprinted(text) or (window is not None and torn(sent, window, start, end)):
        return None  # "... then in _____, and.": the planner asks it another way
    if _KNOWN_AS.search(text):
        return None  # "_____, formerly known as H. B. Graham and Brothers": its other name
    if _points_back(sent, toks, start, end):
        return None
    if any(_speaks(sent, t) for t in toks) and not _shows_a_quotation(text):
        return None  # "... and I'm deeply disappointed": who speaks, the question cannot say
    if named_twice(text, sent.tokens, subs):
        return None  # "Harry W. Henry II’s son Harry W. Henry II": the name is another's
    first = next((t for t in toks if t.pos != "PUNCT"), None)
    if (
        first is not None
        and first.lower_text in SUBJECT_PRONOUNS
        and not (subs and first.i in subs)
    ):
        return None
    if any(
        t.lower_text in ("he", "she", "they", "it")
        and t.dep.startswith("nsubj")
        and not t.quoted
        and not (subs and t.i in subs)
        and not _reports_itself(sent, t)
        for t in toks
    ):
        return None
    if any(
        t.lower_text == "them"
        and not t.quoted
        and sent.tokens[t.head].lower_text in ("of", "among")
        for t in toks
    ):
        return None  # "the first of them", "Among them were": the sentence before says who
    if any(
        t.lower_text == "them"
        and t.dep == "dobj"
        and sent.tokens[t.head].head == t.head  # what the statement says: its main verb's
        and not t.quoted
        and not (subs and t.i in subs)
        and not any(k.tag in ("NNS", "NNPS") and k.i < t.i for k in toks)
        for t in toks
    ):
        return None  # "Cox and the Senate subpoenaed them": the tapes, named before
    if window is not None:
        # a clause becomes a sentence: capital first, a full stop last
        text = strip_leading(text)
        text = text[:1].upper() + text[1:]
        text = text.rstrip(" ,;:-–—")
        if not text.endswith((".", "!", "?", ".”", "?”", "!”")):
            text += "."
    return closed_quotes(strip_leading(without_figure_references(text)))


def _cuts_a_name(sent: Sentence, start: int, end: int) -> bool:
    """Would blanking tokens [start, end) cut a longer name? The span ends on a proper noun
    and another follows it after a space ("CEO of the _____ Solomon" for a span "Refugee
    Council Enver" of "Refugee Council Enver Solomon"), or it opens on a title word after a
    capitalised word ("Assistant District _____" for "Attorney Paul Krotel"), or it is one
    name after another, not a title ("Dries _____'s attempt" for "Mertens"): the answer is
    then a name and a half, and the natural answer is marked wrong (issue 12, review 3)."""
    toks = sent.tokens
    after = toks[end] if end < len(toks) else None
    if (
        after is not None
        and toks[end - 1].pos == "PROPN"  # a name's end, not "In 1947 Jackie Robinson ..."
        and after.pos == "PROPN"
        and after.text[:1].isupper()
        and bool(toks[end - 1].ws)  # "Rode's": a clitic is no second name
    ):
        return True
    before = toks[start - 1] if start else None
    if before is None or before.pos != "PROPN" or not before.text[:1].isupper():
        return False
    # "Assistant District _____" for a span "Attorney Paul Krotel": a title torn in two;
    # "Dries _____'s attempt" for a span "Mertens": a first name left before the blank
    return toks[start].lower_text in _POST_WORDS or (
        end - start == 1
        and toks[start].pos == "PROPN"
        and bool(before.ws)
        and before.lower_text.rstrip(".") not in _POST_WORDS
        and not is_honorific(before.text)
    )


def _speaks(sent: Sentence, t: Token) -> bool:
    """Is `t` a first-person pronoun of someone speaking? Not "US" the country ("US soul
    singer ..." is tagged a proper noun), nor a word of a title set in capitals ("a duet,
    I Knew You Were Waiting (for Me)": its verb is capitalized in mid-sentence)."""
    if t.lower_text not in FIRST_PERSON or t.pos != "PRON":
        return False
    verb = next(
        (
            sent.tokens[k]
            for k in [t.i, *sent.ancestors(t.i)]
            if sent.tokens[k].pos in ("VERB", "AUX")
        ),
        None,
    )
    if verb is None or verb.i == 0 or not verb.text[:1].isupper():
        return True
    return sent.tokens[verb.i - 1].text in ("“", '"', "‘", "(", ":")  # a quotation's first word


def _shows_a_quotation(text: str) -> bool:
    """Does the wording show quotation marks, so that "I" and "we" are the quoted
    speaker's (a sentence in the middle of a long quotation shows none)?"""
    return any(mark in text for mark in ('"', "“", "”"))


def _across_a_semicolon(sent: Sentence, window: list[int]) -> bool:
    """Does the clause or simplified sentence `window` join words from both sides of a
    semicolon it leaves out? Cut out of "In 2013, he joined Marussia; the following year, at
    the 2014 Monaco Grand Prix, he scored ...", the two statements run into one false one;
    a list of results that keeps its semicolons still reads as the text wrote it."""
    first, last, kept = min(window), max(window), set(window)
    return any(t.text == ";" and t.i not in kept for t in sent.tokens[first:last])


# "that number" points back as "this number" does (blind review 4: dangling), when it
# stands before the main verb (`_points_back`).
_POINTING = POINTING_WORDS | DEMONSTRATIVES


def _root(sent: Sentence) -> int:
    """The index of the sentence's main verb (its parse's root)."""
    return next((t.i for t in sent.tokens if t.head == t.i), len(sent.tokens))


def _spliced(sent: Sentence, toks: list[Token]) -> bool:
    """Is the "sentence" two, glued where the parser took a sentence's last period for an
    abbreviation's ("... still exists as AT&T. By 1880, fifty thousand ...", blind review
    5)? A word ending in a period inside the wording `toks`, then a capitalised word that
    is no name ("By", "The"; "U.S. Army", "St. Louis", "Dr. Smith" go on with a name). A
    clause of one side alone ("By _____, fifty thousand ...") is one sentence."""
    inside = {t.i for t in toks}
    toks = sent.tokens
    return any(
        t.i in inside
        and nxt.i in inside
        and len(t.text) > 1
        and t.text.endswith(".")
        and t.ws
        and nxt.text[:1].isupper()
        and nxt.pos not in ("PROPN", "NUM", "PUNCT")
        and nxt.ent == ""
        for t, nxt in pairwise(toks)
    )


def _instructs_the_reader(sent: Sentence) -> bool:
    """Does the sentence open with an imperative to the reader ("Read about the folly to learn
    the story ...", "See the chart", READER_VERBS): its verb first, the root, no subject?"""
    first = next((t for t in sent.tokens if t.pos != "PUNCT"), None)
    return (
        first is not None
        and first.lower_text in READER_VERBS
        and first.tag == "VB"
        and first.head == first.i
        and not any(k.dep.startswith("nsubj") for k in sent.children(first.i))
    )


# A wording this short is mostly what it asks: "The army marched to the town." (review 5)
# A place in it that nothing says which is dangles; in a long one it is a detail.
_SHORT_WORDING = 12


def _points_back(sent: Sentence, kept: list[Token], start: int, end: int) -> bool:
    """Does the wording lean on the sentence before it: "supported this conclusion", "One
    such regiment", "jailed for the same libel suit", "relations over the issue"? A noun
    with "this", "these", "those", "such" or "same", or a story noun that nothing says
    which is (`story_thing`), is the text's, unless it sits in a phrase set before the subject
    ("Despite this setback, France ..."), which the question can do without."""
    toks = sent.tokens
    comma = next((t.i for t in toks if t.text == ","), len(toks))
    fronted = toks[0].pos in ("ADP", "SCONJ", "ADV")
    # ... and it is the first word's phrase: in "In 1838 most of these settlements, with
    # ..., combined" no comma ends "In 1838", and "these" is the subject's (a first word
    # parsed as the root heads no phrase set before anything)
    first = toks[0].head if toks[0].dep == "mark" else 0
    phrase = set() if toks[first].head == first else set(sent.subtree(first))
    for t in kept:
        if fronted and t.i < comma and t.i in phrase:
            continue
        if story_thing(sent, t, kept) or titled_person(sent, t):
            return True  # "over the issue", "The Prince was": which, the text said before
        if deictic(sent, t, kept, start, end, places=len(kept) <= _SHORT_WORDING):
            return True  # "for the Spaniard", "Their greatest source": whom, it said before
        if t.quoted or t.lower_text not in _POINTING or toks[t.head].pos != "NOUN":
            continue
        if t.lower_text in ("this", "these") and "DATE" in (t.ent, toks[t.head].ent):
            continue  # "later this month": as of the report, dated as the text dates it
        if t.lower_text not in POINTING_WORDS and t.i > _root(sent):
            continue  # "... lift the blockade of that country": "that" after the verb points
            # back within the sentence as often as before it (Russia, named just before)
        noun = toks[t.head].lemma.lower()
        if any(o.i < t.i and o.lemma.lower() == noun for o in kept):
            continue  # "raised a fund ... and that fund grew": the wording says which
        if t.dep in ("det", "amod", "predet"):
            return True
    return False


def _alters_a_quotation(sent: Sentence, kept: list[Token]) -> bool:
    """Would the clause or simplified sentence `kept` keep part of a quotation only?

    Quoted words are never altered (issue 12). A blank inside a quotation is allowed only
    when the whole quotation is kept, as the text gives it, and the blank is the answer:
    a cloze that shows the speaker's own words. A true/false would put another name in
    the speaker's mouth, so `_candidates` makes none from a quoted blank; a relative date
    ("on Monday evening") is never blanked at all (`_date_slots`).
    """
    ids = {t.i for t in kept}
    quoted = [t.i for t in sent.tokens if t.quoted]
    return any(i in ids for i in quoted) and any(i not in ids for i in quoted)


def _reports_itself(sent: Sentence, pronoun: Token) -> bool:
    """ "Network Rail ... said it did not expect ...": an it/they subject of what an
    organization said is that organization, which the sentence names as the speaker."""
    if pronoun.lower_text not in ("it", "they"):
        return False
    clause = sent.tokens[pronoun.head]
    speaker_verb = sent.tokens[clause.head]
    if clause.dep != "ccomp" or speaker_verb.lemma not in SAY_VERBS:
        return False
    return any(
        c.dep == "nsubj" and c.ent == "ORG" and c.i < pronoun.i
        for c in sent.children(speaker_verb.i)
    )


def past_bracket(sent: Sentence, end: int, last: int | None = None) -> int:
    """The end of a short bracket right after tokens ending at `end` ("(MRC)"), else `end`;
    the bracket must close before token `last` (default: the sentence's end)."""
    toks = sent.tokens
    last = len(toks) if last is None else last
    if end < last and toks[end].text == "(":
        for k in range(end + 1, min(end + 5, last)):
            if toks[k].text == ")":
                return k + 1
    return end
