"""Who a he/she refers to (`Coref`) and who said a quotation (`attach_quotes`).

Works on the light parse in `Sentence`; a pronoun resolves only where the text leaves one
candidate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizgen._extract._types import Entity, Quote, Sentence, Token
from quizgen._lexicon import (
    NAME_PARTICLES,
    PRONOUN_GENDER,
    SPEECH_VERBS,
)

_SUBJECT_PRONOUNS = {"he", "she"}


class Coref:
    """Resolves he/she/his/her to a person, only where the text leaves one candidate.

    A text about one person (named in its title) refers to them with its most frequent
    pronoun; any other he/she must have exactly one person named just before it.
    """

    def __init__(self, sentences: Sequence[Sentence], actors: Sequence[Entity], title: str) -> None:
        self.sentences = sentences
        self.mentions: dict[int, list[tuple[int, Entity]]] = {}
        for actor in actors:
            for m in actor.mentions:
                self.mentions.setdefault(m.sent_index, []).append((m.start, actor))
        # "Singer Aretha Franklin, 'queen of soul', dies aged 76" is about Aretha Louise
        # Franklin: the title may use a shorter form of the name, but a full one (2+ words)
        self.topic = next(
            (
                a
                for a in actors
                if any(
                    n == a.name or len(n.split()) > 1
                    for n in a.names
                    if any(_in_words(form, title.lower()) for form in _name_forms(n.lower()))
                )
            ),
            None,
        )
        counts = {"m": 0, "f": 0}
        for sent in sentences:
            for t in sent.tokens:
                if t.lower_text in PRONOUN_GENDER and not t.quoted:
                    counts[PRONOUN_GENDER[t.lower_text]] += 1
        major, minor = sorted(counts, key=counts.get, reverse=True)  # type: ignore[arg-type]
        self.topic_gender = major if counts[major] >= 2 * max(counts[minor], 1) else None

    def resolve(self, sent_index: int, token_index: int, pronoun: str) -> Entity | None:
        """The person `pronoun` at (sentence, token) refers to, or None when unsure."""
        gender = PRONOUN_GENDER.get(pronoun.lower())
        if gender is None:
            return None
        here = self.mentions.get(sent_index, [])
        before = list({id(e): e for start, e in here if start < token_index}.values())
        topical = self.topic is not None and gender == self.topic_gender
        if topical:
            return self.topic if not before or before == [self.topic] else None
        candidates = [e for e in before if e is not self.topic or self.topic_gender is None]
        if before:
            return candidates[0] if len(before) == 1 and candidates else None
        if sent_index == 0:
            return None
        # News often attributes a quote in a new paragraph ("..., she said."): look back one sentence.
        prev = list({id(e): e for _, e in self.mentions.get(sent_index - 1, [])}.values())
        prev = [e for e in prev if e is not self.topic or self.topic_gender is None]
        return prev[0] if len(prev) == 1 else None


def attach_quotes(
    sentences: Sequence[Sentence], actors_at: dict[tuple[int, int], Entity], coref: Coref
) -> None:
    """“…,” said X / X said “…” / “…,” she said -> a Quote on X."""
    starts = {}
    for (s, start), entity in actors_at.items():
        starts.setdefault(s, []).append((start, entity))
    for sent in sentences:
        if sum(t.quoted for t in sent.tokens) < 4:
            continue
        speaker = None
        for t in sent.tokens:
            if t.quoted or t.lemma not in SPEECH_VERBS:
                continue
            for child in sent.children(t.i):
                if child.dep != "nsubj" or child.quoted:
                    continue
                speaker = _actor_at(sent, child.i, starts.get(sent.index, []))
                if speaker is None and child.lower_text in _SUBJECT_PRONOUNS:
                    speaker = coref.resolve(sent.index, child.i, child.lower_text)
            if speaker:
                break
        if speaker is None:
            continue
        text = _quote_text(sent)
        if text:
            speaker.quotes.append(Quote(text, sent.index))


def _actor_at(sent: Sentence, i: int, starts: list[tuple[int, Entity]]) -> Entity | None:
    for start, entity in starts:
        for m in entity.mentions:
            if m.sent_index == sent.index and m.start == start and m.start <= i < m.end:
                return entity
    return None


def _quote_text(sent: Sentence) -> str:
    """The longest run of quoted words in the sentence, without its closing comma."""
    runs: list[list[Token]] = [[]]
    for t in sent.tokens:
        if t.quoted and t.text not in ("“", "”", '"'):
            runs[-1].append(t)
        elif runs[-1]:
            runs.append([])
    best = max(runs, key=len)
    if len(best) < 4:
        return ""
    text = "".join(t.text + t.ws for t in best).strip()
    return text.rstrip(",").strip()


def _name_forms(name: str) -> list[str]:
    """The name and, for one of 3+ words, the form a title may write it in with its middle
    names as initials ("robert w. criswell" for "robert wesley criswell"; particles stay:
    "ludwig van beethoven"). Not the form without them: "John Adams" is not "John Quincy
    Adams"."""
    words = name.split()
    if len(words) < 3:
        return [name]
    middle = [w if w in NAME_PARTICLES or w.endswith(".") else w[0] + "." for w in words[1:-1]]
    return [name, " ".join([words[0], *middle, words[-1]])]


def _in_words(name: str, text: str) -> bool:
    """Is `name` in `text` as whole words ("Ann" is not in "Annual report")?"""
    # the substring test first: a pattern per name overflowed `re`'s cache (512) on long texts
    return name in text and re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text) is not None
