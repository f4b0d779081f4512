"""The holders of a post listed under a heading, each with the years of their term.

    Presidents
    Henry Graham (1855–1885)
    Jacob Porter Tirrill (1912–1926)

Rows without a verb give no sentence to blank, yet each names a person and a date the text
asks a reader to know (issue 12: every person and date asked once). Under a heading that
names a post held for a term (`TERM_POSTS`), in a text whose title is an organization the
text names, a row reads "Jacob Porter Tirrill was president of Graham Paper Company from
1912 to 1926": asked "Who was president of Graham Paper Company from 1912 to 1926?" and "In
what year did Jacob Porter Tirrill become president of Graham Paper Company?".
"""

from __future__ import annotations

import re

from quizgen._extract import DateFact, Entity, Facts, Sentence
from quizgen._generate._memo import by_identity
from quizgen._lexicon import TERM_POSTS

_ROW = re.compile(r"(?:[A-Z][\w.’' -]*? \(\d{4}\s*[–—-]\s*\d{4}\)\s*)+")
_RANGE_DASHES = ("–", "-", "—")


def _singular(word: str) -> str:
    """ "Presidents" -> "president", "Chairmen" -> "chairman", "Coaches" -> "coach"."""
    word = word.lower()
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith(("ches", "shes", "sses")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


@by_identity
def term_posts(facts: Facts) -> dict[int, str]:
    """Sentence index -> "president of Graham Paper Company", for each row of a list of
    holders under a heading of their post, where the text's title is an organization it
    names; {} for most texts."""
    title = (facts.title or "").strip()
    org = next((o for o in facts.organizations if o.name == title), None)
    if org is None:
        return {}
    out: dict[int, str] = {}
    sents = facts.sentences
    for s in sents:
        if not (s.index and _ROW.fullmatch(s.text.strip())):
            continue
        first = s.index
        while first and sents[first - 1].paragraph == s.paragraph:
            first -= 1
        heading = sents[first - 1] if first else None
        words = heading.text.split() if heading is not None else []
        if (
            heading is None
            or heading.paragraph == s.paragraph
            or not 1 <= len(words) <= 2
            or _singular(words[-1]) not in TERM_POSTS
            or any(not _ROW.fullmatch(x.text.strip()) for x in sents[first : s.index])
        ):
            continue
        post = " ".join([*words[:-1], _singular(words[-1])]).lower()
        out[s.index] = f"{post} of {org.name}"
    return out


def row_holder(facts: Facts, d: DateFact) -> tuple[str, str] | None:
    """(the holder's name, the post) when `d` opens the term of a row (`term_posts`)."""
    post = term_posts(facts).get(d.sent_index)
    if post is None:
        return None
    sent = facts.sentences[d.sent_index]
    toks = sent.tokens
    if not (
        d.start >= 2
        and toks[d.start - 1].text == "("
        and d.end < len(toks)
        and toks[d.end].text in _RANGE_DASHES
    ):
        return None
    person = _named_before(facts, sent, d.start - 1)
    if person is None or _dated_elsewhere(facts, d, person):
        return None
    return person.name, post


def _dated_elsewhere(facts: Facts, d: DateFact, person: Entity) -> bool:
    """Does another sentence naming the holder give the term's first year ("founded by
    Henry Graham in 1855" beside "Henry Graham (1855–1885)")? Then the year is that
    sentence's fact: asking it again as the term's start would ask one year twice."""
    said = {m.sent_index for m in person.mentions} - {d.sent_index}
    return any(o.normalized == d.normalized and o.sent_index in said for o in facts.dates)


def _named_as(written: str, actor: Entity) -> bool:
    """Is the row's name the actor's, or a shorter form of it ("Henry Graham" for "Henry
    Brown Graham")? Not "Harry W. Henry" for "Harry W. Henry II": that is his son."""
    words, full = written.split(), actor.name.split()
    return written == actor.name or (set(words) <= set(full) and words[-1] == full[-1])


def row_role(facts: Facts, actor: Entity) -> tuple[str, int] | None:
    """ "president of Graham Paper Company from 1912 to 1926" and its sentence, for the
    holder a row names; None when no row names the actor."""
    posts = term_posts(facts)
    for m in actor.mentions:
        post = posts.get(m.sent_index)
        toks = facts.sentences[m.sent_index].tokens
        if post is None or m.end + 4 >= len(toks) or toks[m.end].text != "(":
            continue
        if not _named_as(m.text, actor):
            return None
        start, end = toks[m.end + 1].text, toks[m.end + 3].text
        opens = next(
            (d for d in facts.dates if d.sent_index == m.sent_index and d.start == m.end + 1), None
        )
        if opens is not None and _dated_elsewhere(facts, opens, actor):
            return None  # "founded by Henry Graham in 1855": asked there, not by the row
        if toks[m.end + 2].text in _RANGE_DASHES and start.isdigit() and end.isdigit():
            return f"{post} from {start} to {end}", m.sent_index
    return None


def _named_before(facts: Facts, sent: Sentence, at: int) -> Entity | None:
    """The person whose mention ends right before token `at` of the sentence."""
    for actor in facts.actors:
        for m in actor.mentions:
            if m.sent_index == sent.index and m.end == at:
                return actor if _named_as(m.text, actor) else None
    return None
