"""The spans of a text as the context rules (`_context`) see and settle them.

`Found` holds the spans, the spans a rule adds (replacing what they overlap) and the kinds
settled for whole names; the helpers read a name's words on the light parse.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from quizgen._extract._orgs import Span
from quizgen._extract._types import Sentence, Token
from quizgen._lexicon import ARTICLES, KIND_OF_LABEL

NAME_LABELS = frozenset({"PERSON", "ORG", *KIND_OF_LABEL})
DASHES = ("-", "–", "—")


@dataclass
class Found:
    """The spans of a text and what the context rules settled about them.

    `spans` is replaced, never changed in place (`merge`), so the indexes built from it
    hold until the next rule: the rules run over a book's thousands of spans.
    """

    sentences: Sequence[Sentence]
    spans: list[Span]
    added: list[Span] = field(default_factory=list)  # new spans, replacing what they overlap
    names: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # "" drops
    _at: dict[tuple[int, int], Span] | None = field(default=None, init=False, repr=False)
    _people: dict[int, dict[str, set[str]]] = field(default_factory=dict, init=False, repr=False)
    # (sentence, start, end) -> its name_text: the text never changes, whatever the spans do
    _name_at: dict[tuple[int, int, int], str] = field(default_factory=dict, init=False, repr=False)

    def merge(self) -> None:
        """Put the added spans in, replacing what they overlap; the indexes go stale."""
        if self.added:
            self.spans = merged(self)
            self.added = []
            self._at = None
            self._people = {}

    def people(self, least: int = 1) -> dict[str, set[str]]:
        """Word (lower case) -> the texts of the names of `least` words or more, tagged
        PERSON, that hold it."""
        if least not in self._people:
            index: dict[str, set[str]] = {}
            for s in self.spans:
                if s.label == "PERSON" and s.end - s.start >= least:
                    text = self.sentences[s.sent_index].span_text(s.start, s.end)
                    for w in text.split():
                        index.setdefault(w.lower(), set()).add(text)
            self._people[least] = index
        return self._people[least]

    def add(self, sent: Sentence, start: int, end: int, label: str, **kw: object) -> None:
        self.added.append(Span(sent.index, start, end, label, **kw))  # type: ignore[arg-type]

    def name(
        self, sent: Sentence, start: int, end: int, label: str, sub: str | None = None
    ) -> None:
        """Every mention of the name at [start, end) is of `label` (the first rule to say wins)."""
        key = name_text(sent, start, end)
        if key:
            self.names.setdefault(key, (label, sub))

    def label_of(self, span: Span) -> str:
        """The span's label, or the one a rule before settled for its name."""
        if span.label not in NAME_LABELS or not self.names:
            return span.label  # no rule settles it: no name to read (asked 150,000 times)
        key = (span.sent_index, span.start, span.end)
        name = self._name_at.get(key)
        if name is None:  # a span's name, once: every rule asks for the labels in turn
            name = self._name_at[key] = name_text(self.sentences[span.sent_index], *key[1:])
        decided = self.names.get(name)
        return span.label if decided is None else decided[0]

    @cached_property
    def inside_words(self) -> frozenset[str]:
        """Every word the text writes somewhere other than at a sentence's start."""
        return frozenset(t.text for sent in self.sentences for t in sent.tokens[1:])

    def covering(self, sent: Sentence, i: int) -> Span | None:
        if self._at is None:
            self._at = {(s.sent_index, k): s for s in self.spans for k in range(s.start, s.end)}
        return self._at.get((sent.index, i))


def name_text(sent: Sentence, start: int, end: int) -> str:
    """The name at [start, end) as every mention of it writes it: no "the", no "'s"."""
    toks = sent.tokens
    while start < end and toks[start].lower_text in ARTICLES:
        start += 1
    while end > start and toks[end - 1].text in ("’s", "'s", "’", "'", ","):
        end -= 1
    return sent.span_text(start, end) if start < end else ""


def merged(found: Found) -> list[Span]:
    taken = {(s.sent_index, i) for s in found.added for i in range(s.start, s.end)}
    kept = [
        s for s in found.spans if not any((s.sent_index, i) in taken for i in range(s.start, s.end))
    ]
    return sorted([*kept, *found.added], key=lambda s: (s.sent_index, s.start))


def is_cap(t: Token) -> bool:
    return t.text[:1].isupper() and any(c.isalpha() for c in t.text)


def run_at(toks: list[Token], i: int) -> tuple[int, int]:
    """The untagged capitalised name around token i, with its hyphened parts."""

    def part(k: int) -> bool:
        t = toks[k]
        return not t.ent and ((is_cap(t) and t.pos == "PROPN") or (t.text in DASHES and not t.ws))

    start, end = i, i + 1
    while start > 0 and part(start - 1):
        start -= 1
    while end < len(toks) and part(end):
        end += 1
    return start, end


def conj_groups(sent: Sentence) -> list[list[int]]:
    """The token indexes of each list of proper nouns the parse joins ("A, B and C"), the
    list's first member first."""
    toks = sent.tokens
    groups: dict[int, list[int]] = {}
    for t in toks:
        if t.dep == "conj" and t.pos == "PROPN":
            root = t.i
            while toks[root].dep == "conj" and toks[root].head != root:
                root = toks[root].head
            groups.setdefault(root, [root]).append(t.i)
    return list(groups.values())
