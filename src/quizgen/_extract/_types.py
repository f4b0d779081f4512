"""The facts extraction hands to generation: plain data, no spaCy objects.

Sentences keep their parse as light `Token` records so that question rewriting
(inversion, do-support) happens in `quizgen._generate` without importing spaCy.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from quizgen._lexicon import CITATION

if TYPE_CHECKING:  # pragma: no cover
    from quizgen._extract._pronouns import Pronouns


# Not frozen, though never changed: a frozen dataclass sets each field through
# object.__setattr__, three times the cost of making a token (a second per 100,000 words).
# Equal and hashed by value all the same.
@dataclass(slots=True, unsafe_hash=True)
class Token:
    """One token of a parsed sentence; `head` is an index into the same sentence."""

    i: int
    text: str
    ws: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    ent: str = ""  # entity label (PERSON, ORG, DATE, GPE ...) or ""
    quoted: bool = False  # inside quotation marks
    # `text` in lower case, made once: the rules ask for it two million times a 100,000 words
    lower_text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        lower = self.text.lower()
        self.lower_text = self.text if lower == self.text else lower  # no second copy


@dataclass
class Sentence:
    """A sentence of the source with its parse."""

    index: int
    text: str
    tokens: list[Token]
    paragraph: int = 0

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens [start, end), with their original spacing ("" when empty;
        indexes clipped as a slice of `tokens` clips them)."""
        n = len(self.tokens)
        if not 0 <= start < end <= n:  # as a slice of the tokens takes them
            start, end, _ = slice(start, end).indices(n)
            if start >= end:
                return ""
        # a slice of the tokens' text joined once: the rules ask for a span's text 300,000
        # times a 100,000 words, joining its tokens anew each time
        joined, at = self._joined
        return joined[at[start] : at[end - 1] + len(self.tokens[end - 1].text)]

    @cached_property
    def _joined(self) -> tuple[str, list[int]]:
        """Every token's text and trailing space joined, and where each token starts in it."""
        at, size = [], 0
        for t in self.tokens:
            at.append(size)
            size += len(t.text) + len(t.ws)
        return "".join(t.text + t.ws for t in self.tokens), at

    @cached_property
    def citations(self) -> frozenset[int]:
        """Indices of the tokens of author-year citations, brackets included ("(Weisstein,
        1993)"; the pattern is `quizgen._lexicon.CITATION`)."""
        if "(" not in self.text:
            return frozenset()
        joined, at = self._joined
        spans = [m.span() for m in CITATION.finditer(joined)]
        return frozenset(
            t.i
            for t, pos in zip(self.tokens, at, strict=True)
            if any(a <= pos < b for a, b in spans)
        )

    @cached_property
    def _kids(self) -> list[list[Token]]:
        kids: list[list[Token]] = [[] for _ in self.tokens]
        for t in self.tokens:
            if t.head != t.i:
                kids[t.head].append(t)
        return kids

    def children(self, i: int) -> list[Token]:
        return self._kids[i]

    @cached_property
    def _subtrees(self) -> dict[int, list[int]]:
        return {}  # token -> its subtree, as `subtree` found it

    def subtree(self, i: int) -> list[int]:
        """Indices of token i and everything below it, in order: a list of the caller's own.
        Walked once per token: generation asks again for every fact of the sentence."""
        known = self._subtrees.get(i)
        if known is None:
            out, todo = [], [i]
            while todo:
                k = todo.pop()
                out.append(k)
                todo.extend(t.i for t in self._kids[k])
            known = self._subtrees[i] = sorted(out)
        return known.copy()

    def __getstate__(self) -> dict[str, Any]:
        """The sentence without what `children`, `subtree` and `span_text` worked out
        (pickled for the cache and worker processes): rebuilt on use."""
        return {
            k: v for k, v in self.__dict__.items() if k not in ("_kids", "_subtrees", "_joined")
        }

    def span_head(self, start: int, end: int) -> int:
        """The head of tokens [start, end): the first whose parent lies outside the span,
        or the sentence's root ("the Red Cross" -> "Cross"). Raises ValueError when empty.

        In a tree every non-empty span has one; a span that is no subtree ("Marie Curie,
        a chemist" cut at the comma) gives its first such token.
        """
        for t in self.tokens[start:end]:
            if not start <= t.head < end or t.head == t.i:
                return t.i
        raise ValueError(f"no head in the empty span [{start}, {end})")

    def ancestors(self, i: int) -> list[int]:
        out = []
        seen = {i}
        while self.tokens[i].head != i and self.tokens[i].head not in seen:
            i = self.tokens[i].head
            seen.add(i)
            out.append(i)
        return out


@dataclass(frozen=True)
class Mention:
    """Where an entity is named: sentence index and token span [start, end). `shared` when
    the tokens write only part of `text` ("Justice" of "the Justice and Defense
    Ministries"): blanking them would not blank the name."""

    sent_index: int
    start: int
    end: int
    text: str
    shared: bool = False


@dataclass
class Role:
    """A role, title or description the text gives an actor, with its evidence."""

    text: str  # as in the text: "Chinese Foreign Minister", "a senior analyst and head of ..."
    sent_index: int
    source: str  # "title" (before the name), "appositive", "copula"
    org: str | None = None  # an organization the role names (affiliation)


@dataclass
class Quote:
    """Words the text attributes to an actor."""

    text: str
    sent_index: int


@dataclass
class Entity:
    """A named thing: one per referent, not per mention.

    `kind` is "actor" (a person) or "organization", the askable kinds, or one of the kinds
    kept but never asked as either: "place", "facility", "vehicle", "work", "event",
    "group" (of people). `subtype` is an organization's ("legislature", "armed force",
    "company" ...; see `_lexicon.ORG_SUBTYPES`) or None. `salience` is how much the text is
    about it (mentions, headline and lead, subject position; see `_kinds.salience`),
    comparable within one text only.
    """

    kind: str
    name: str  # fullest form
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    descriptions: list[Role] = field(
        default_factory=list
    )  # organizations: what the text says of it
    members: list[str] = field(default_factory=list)  # organizations: member countries/groups
    class_noun: str | None = None  # "think tank", "institute", "university" ...
    part_of: str | None = None  # organizations: the one it belongs to ("X Laboratory of Y")
    subtype: str | None = None
    salience: float = 0.0

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass
class DateFact:
    """An absolute (or resolved relative) date and the sentence it dates."""

    text: str  # as in the text, without a leading "the": "1979", "1950s", "17th century", "July"
    answer: str  # how a question states it
    normalized: str  # ISO-like: "1979", "2001-07", "1947-06-05", "1950s", "17C", "1871-21" (spring)
    granularity: str  # year | decade | century | season | month | month-year | day
    sent_index: int
    start: int  # token span of the date words in the sentence
    end: int
    relative: str | None = None  # the relative phrase it resolves, e.g. "Tuesday"
    in_range: bool = False  # one end of a range ("from 1947 to 1952"): cloze only
    part: str | None = None  # "early" | "mid" | "late": "the early 19th century", "mid-1990s"


@dataclass
class Facts:
    """Everything extraction found in one source, or in one section of a long source.

    `sentences` are indexed by `Mention.sent_index`, `DateFact.sent_index` and friends. `section` is 0
    for a source's first (or only) part; `iter_facts` cuts a source longer than
    SECTION_CHARS between paragraphs, and each later part comes with section 1, 2, ...
    The source's citation (`source_path`, `title`, `published`, `url`, `author`) rides
    along so that generation needs nothing but Facts.
    """

    source_path: str
    title: str
    sentences: list[Sentence]
    actors: list[Entity]
    organizations: list[Entity]
    dates: list[DateFact]
    published: str | None = None
    url: str | None = None
    author: str | None = None
    section: int = 0
    # Names kept but not askable as people or organizations: places, facilities, vehicles,
    # works, events, groups of people (Entity.kind says which).
    others: list[Entity] = field(default_factory=list)

    @cached_property
    def pronouns(self) -> Pronouns:
        """Who each he/she/his/her/him of the sentences can mean (see `_pronouns`).

        Extraction sets it from the coreference it ran for quotes; Facts made by hand get
        one built on first use.
        """
        from quizgen._extract._coref import Coref
        from quizgen._extract._pronouns import Pronouns

        return Pronouns(self, Coref(self.sentences, self.actors, self.title))

    def __getstate__(self) -> dict[str, Any]:
        """Facts without `pronouns` when pickled (the cache, worker processes, Dask): it keys
        people by `id()`, which means nothing in another process; it is rebuilt on first use,
        the same as the one extraction made."""
        state = dict(self.__dict__)
        state.pop("pronouns", None)
        return state

    def to_dict(self) -> dict[str, Any]:
        """Facts as JSON-ready data (without the parse)."""

        def entity(e: Entity) -> dict[str, Any]:
            return {
                "name": e.name,
                "kind": e.kind,
                "subtype": e.subtype,
                "salience": e.salience,
                "aliases": e.aliases,
                "roles": [r.text for r in e.roles],
                "affiliations": sorted({r.org for r in e.roles if r.org}),
                "quotes": [q.text for q in e.quotes],
                "descriptions": [d.text for d in e.descriptions],
                "members": e.members,
                "part_of": e.part_of,
                "mentions": len(e.mentions),
            }

        return {
            "source": self.source_path,
            "title": self.title,
            "published": self.published,
            "actors": [entity(e) for e in self.actors],
            "organizations": [entity(e) for e in self.organizations],
            "others": [
                {"name": e.name, "kind": e.kind, "aliases": e.aliases, "mentions": len(e.mentions)}
                for e in self.others
            ],
            "dates": [
                {
                    **{
                        k: v
                        for k, v in asdict(d).items()
                        if k not in ("start", "end", "sent_index")
                    },
                    "sentence": self.sentences[d.sent_index].text,
                }
                for d in self.dates
            ],
        }
