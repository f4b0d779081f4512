"""Wrong answers that are plausible: same kind, same granularity, never another name of the answer."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from itertools import combinations

from quizgen._lexicon import (
    NATIONALITY_ENDINGS,
    NEAR_SUBTYPES,
    POST_DOMAINS,
    RESEARCH_HEADS,
    TITLE_WORDS,
)

# This many names or fewer are tested one by one (those of a first word, those to avoid).
_SCAN_AT_MOST = 8
# A question's sentence this long or longer is searched once for the names it holds.
_SHARED_AT_LEAST = 1000
# A name of more words than this is tested for overlap by its words, not their subsets.
_SUBSETS_AT_MOST = 6
# Two options sharing this share of their words read as one name twice (`_unlike`).
_ALIKE_SHARE = 0.6


@lru_cache(maxsize=65536)
def _norm(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.casefold().replace("’", "'")).strip()


@lru_cache(maxsize=65536)
def _words(text: str) -> frozenset[str]:
    return frozenset(_norm(text).split())


def _stem(word: str) -> str:
    """The first six letters of a one-word name: "Confederacy", "Confederate" -> "confed"."""
    norm = _norm(word)
    return norm[:6] if len(norm) >= 6 else norm


@lru_cache(maxsize=65536)  # a pool's names are tried for question after question
def _shape(name: str) -> tuple[frozenset[str], str | None]:
    """A name's words, and its stem if it is one word (`_stem`)."""
    words = _words(name)
    return words, (_stem(name) if len(words) == 1 else None)


class _Overlaps:
    """Names a name may not overlap: two names overlap when the words of one are all words
    of the other ("President" / "Russian President"), or when both are one word of one stem
    ("Confederacy" / "Confederate", `_stem`), and would confuse a choice.

    A name sharing no word with them passes at once. Many names (a question's sentence may
    name hundreds of people to avoid) are looked up rather than tested one by one: by
    word (the names holding all of a name's words are among those holding its rarest),
    and as word sets (the names made of a name's words only are among the subsets of its
    words).
    """

    def __init__(self, names: Iterable[str]) -> None:
        self._sets: set[frozenset[str]] = set()
        self._by_word: dict[str, list[frozenset[str]]] = {}
        self._union: set[str] = set()
        self._stems: set[str] = set()  # of the one-word names
        for name in names:
            self.add(name)

    def add(self, name: str) -> None:
        words, stem = _shape(name)
        if stem is not None:
            self._stems.add(stem)
        if words and words not in self._sets:
            self._sets.add(words)
            self._union |= words
            for word in words:
                self._by_word.setdefault(word, []).append(words)

    def overlap(self, name: str) -> bool:
        """Does `name` overlap any of the names?"""
        words, stem = _shape(name)
        if stem is not None and stem in self._stems:
            return True
        if not words or self._union.isdisjoint(words):
            return False
        if len(self._sets) <= _SCAN_AT_MOST:
            return any(words <= o or o <= words for o in self._sets)
        holding = [self._by_word.get(w, ()) for w in words]
        if all(holding) and any(words <= o for o in min(holding, key=len)):
            return True  # a name with all its words (or the same words)
        if len(words) > _SUBSETS_AT_MOST:
            return any(o <= words for held in holding for o in held)
        # a name of its words only: one of their subsets
        ordered = sorted(words)
        return any(
            frozenset(part) in self._sets
            for k in range(1, len(ordered) + 1)
            for part in combinations(ordered, k)
        )


class Pool:
    """The names of one kind in a run, sorted, with an index to find those a text mentions.

    Built once per run: a question looks up names in its own words instead of scanning
    every name, so a book with thousands of names stays linear.
    """

    def __init__(
        self,
        names: Iterable[str],
        articles: dict[str, str] | None = None,
        renamed: dict[str, set[str]] | None = None,
    ) -> None:
        self._members = frozenset(names)
        self.names = sorted(self._members)
        self.articles = articles or {}  # name -> "the" when the text writes "the <name>"
        self.renamed = renamed or {}  # name -> its other names by a renaming (`renamings`)
        self._by_word: dict[str, list[tuple[str, str]]] = {}  # first word -> (lowered, name)
        # A first word many names share (a hundred Johns, "the ..."): those names also by
        # where that word stands in them and their length, so a text is looked up at each
        # place the word occurs in it instead of every name being searched for in it.
        self._placed: dict[str, dict[tuple[int, int], dict[str, list[str]]]] = {}
        self._offset = 0  # where a first word starts in its name, at the most ("(OECD": 1)
        for name in self.names:
            low = name.lower()
            first = re.search(r"\w+", low)
            word = first.group() if first else ""
            self._by_word.setdefault(word, []).append((low, name))
            if first:
                place = (first.start(), len(low))
                self._placed.setdefault(word, {}).setdefault(place, {}).setdefault(low, [])
                self._placed[word][place][low].append(name)
                self._offset = max(self._offset, first.start())
        for word, named in self._by_word.items():
            if len(named) <= _SCAN_AT_MOST:
                self._placed.pop(word, None)
        self._shared: dict[str, tuple[frozenset[str], frozenset[str]]] = {}

    def __len__(self) -> int:
        return len(self.names)

    def __contains__(self, name: object) -> bool:
        return name in self._members

    def __getitem__(self, i: int) -> str:
        return self.names[i]

    def mentioned_in(self, text: str, shared: str | None = None) -> list[str]:
        """The names that occur in `text` (case-insensitive) and whose first word is a word
        of it, in sorted order. With `shared`, in `text + " " + shared`: `shared` is what
        many calls have in common (a question's sentence), and the names in it are found
        once, which a sentence naming hundreds of people needs."""
        if shared is None or len(shared) < _SHARED_AT_LEAST:
            lowered = text.lower() if shared is None else f"{text} {shared}".lower()
            return sorted(
                n for word in self._first_words(lowered) for n in self._named(word, lowered)
            )
        # lower() of the joined text is that of its parts: a space ends what a letter's
        # lower case depends on (a final sigma)
        head, tail = text.lower(), shared.lower()
        lowered = f"{head} {tail}"
        in_tail, tail_words = self._in_shared(tail)
        head_words = self._first_words(head)
        found = set(in_tail)  # names wholly in the tail, of a first word that is a word there
        for word in head_words - tail_words:
            found.update(self._named(word, tail))  # ... or a word of the head only
        # names that start in the head (and may end in the tail): their first word is in
        # the first len(head) + _offset + len(word) characters
        for word in head_words | tail_words:
            if lowered.find(word, 0, len(head) + self._offset + len(word)) >= 0:
                found.update(self._named(word, lowered, starts_by=len(head)))
        return sorted(found)

    def _in_shared(self, lowered: str) -> tuple[frozenset[str], frozenset[str]]:
        """The names `mentioned_in(lowered)`, and its `_first_words`; cached."""
        if (hit := self._shared.get(lowered)) is None:
            if len(self._shared) >= 64:
                self._shared.clear()  # the sentences of a few questions in a row are enough
            words = frozenset(self._first_words(lowered))
            names = frozenset(n for word in words for n in self._named(word, lowered))
            hit = self._shared[lowered] = (names, words)
        return hit

    def _first_words(self, lowered: str) -> set[str]:
        """The words of `lowered`, and "", that are the first word of a name."""
        return self._by_word.keys() & {"", *re.findall(r"\w+", lowered)}

    def _named(self, word: str, lowered: str, starts_by: int | None = None) -> Iterable[str]:
        """The names of first word `word` that occur in `lowered`; with `starts_by`, at a
        place no later than that index. A word many names share is looked up at each place
        it occurs (overlapping places too), by each name's offset and length."""
        if starts_by is None and word not in self._placed:
            return [n for low, n in self._by_word[word] if low in lowered]
        limit = len(lowered) if starts_by is None else starts_by
        if word not in self._placed:
            return [
                n
                for low, n in self._by_word.get(word, ())
                if lowered.find(low, 0, limit + len(low)) >= 0
            ]
        found: set[str] = set()
        places = self._placed[word]
        end = limit + self._offset + len(word)
        at = lowered.find(word, 0, end)
        while at >= 0:
            for (offset, size), names in places.items():
                start = at - offset
                if 0 <= start <= limit and (hit := names.get(lowered[start : start + size])):
                    found.update(hit)
            at = lowered.find(word, at + 1, end)
        return found


def _shuffled(seq: Sequence[str], rng: random.Random) -> Iterator[str]:
    """`seq` in a random order, drawn lazily (sparse Fisher-Yates): early picks cost O(1)."""
    moved: dict[int, int] = {}
    for i in range(len(seq) - 1, -1, -1):
        j = rng.randrange(i + 1)
        yield seq[moved.get(j, j)]
        moved[j] = moved.get(i, i)


def pick(
    answer: str,
    pool: Sequence[str],
    avoid: Sequence[str],
    rng: random.Random,
    count: int = 3,
    unless_in: str = "",
) -> list[str]:
    """Up to `count` distractors from `pool`: not the answer, none of `avoid`, no two alike,
    and none that `unless_in` (the question's own sentence) mentions."""
    banned_norms, unlike_banned = _banned((answer, *avoid))
    seen_in = unless_in.lower()
    chosen: list[str] = []
    unlike_chosen = _Overlaps(())
    for c in _shuffled(pool, rng):
        if seen_in and c.lower() in seen_in:
            continue
        if _norm(c) in banned_norms or unlike_banned.overlap(c) or unlike_chosen.overlap(c):
            continue
        chosen.append(c)
        unlike_chosen.add(c)
        if len(chosen) == count:
            break
    return chosen


@lru_cache(maxsize=32)  # a question's templates avoid the same names (its sentence's) in turn
def _banned(names: tuple[str, ...]) -> tuple[frozenset[str], _Overlaps]:
    """The names' normal forms, and their _Overlaps (shared: never added to)."""
    return frozenset(map(_norm, names)), _Overlaps(names)


_EMPTY = Pool(())


def org_family(name: str, subtype: str | None) -> str:
    """An organization's fine kind for its distractors: its subtype (`_lexicon.ORG_SUBTYPES`),
    else "research body" for an institute or centre, else "" (unknown, with the unknown)."""
    if subtype:
        return subtype
    last = re.findall(r"\w+", name.lower())[-1:]
    return "research body" if last and last[0] in RESEARCH_HEADS else ""


def pick_of_kind(
    answer: str,
    family: str,
    pools: Mapping[str, Pool],
    avoid: Sequence[str],
    rng: random.Random,
    count: int = 3,
) -> list[str]:
    """Up to `count` organizations to stand for `answer`, of its own `family` first (a news
    outlet for a news outlet), then of the near ones (`_lexicon.NEAR_SUBTYPES`: a ministry
    for a legislature), never of another (a party never for a ministry). `pools` maps
    "org:FAMILY" to names; fewer than three means the question is asked as a short answer.
    An answer of unknown family ("") gets none (blind review: "Herat" and "United States"
    offered as founders of a contest, "MVP" swapped in for a singer).
    """
    if not family:
        # an unknown fine kind is a grab bag (a band, a city, a misread person): none of
        # them is a wrong answer a student has to weigh, so no choice and no false statement
        return []
    chosen: list[str] = []
    for fam in (family, *NEAR_SUBTYPES.get(family, ())):
        if len(chosen) >= min(count, 3):
            break
        chosen += pick(
            answer, pools.get(f"org:{fam}", _EMPTY), [*avoid, *chosen], rng, count - len(chosen)
        )
    return chosen


def same_post(answer: str, options: Sequence[str]) -> list[str]:
    """The `options` a student cannot dismiss as posts for `answer`: of its domain
    (`_lexicon.POST_DOMAINS`: a president's among offices of state, never an analyst's)
    where both are known, and of no other country ("Chinese President" is no distractor
    for "Russian Deputy Foreign Minister")."""
    domain, nation = _post_domain(answer), _nationality(answer)
    return [
        o
        for o in options
        if (not domain or _post_domain(o) in (domain, ""))
        and (not nation or _nationality(o) in (nation, ""))
        and not re.search(r"[’']s\b", o)  # "President Roosevelt's daughter" is no post
    ]


def _post_domain(title: str) -> str:
    """The domain of a title by its head word: "Chief of Staff" -> "", "Analyst of the
    Carnegie Moscow Center" -> "research", "Russian Deputy Foreign Minister" -> "state"."""
    head = title.split(" of ", 1)[0].lower().split()
    for word in reversed(head):
        for domain, words in POST_DOMAINS.items():
            if word in words:
                return domain
    return ""


def _nationality(title: str) -> str:
    """The country word of a title ("Russian", "Chinese"), or "": a capitalized word that
    is no title word and ends like a nationality."""
    for word in re.findall(r"[A-Z][a-z]+", title):
        if word.lower() not in TITLE_WORDS and word.lower().endswith(NATIONALITY_ENDINGS):
            return word
    return ""


@lru_cache(maxsize=65536)
def shape(text: str) -> str:
    """The form of an option: digits as 9, words as a/A ("49 BC" -> "99 A", "1850" -> "9999",
    "Vladimir Putin" -> "A"), as a student sees it before reading it."""
    s = re.sub(r"\d", "9", text)
    s = re.sub(r"[a-z]+", "a", s)
    s = re.sub(r"[A-Z][a-z]*", "A", s)
    return re.sub(r"(A\s?)+", "A", s).strip()


# Names this long or longer that differ by this many letters are one name spelt two ways.
_ALIKE_LENGTH, _ALIKE_EDITS = 8, 2


def spelled_alike(option: str, answer: str) -> bool:
    """Is the option the answer's name spelt another way ("Pierre-Emerick Aubameyang" for
    "Pierre-Emerick Augameyang", "Robert Lewandowski" for "Robert Lewandoski")? A text's
    misprint makes two names of one person, and the option is a second right answer (issue
    12, review 3: German Super Cup deck). Names only: "1890" and "1891" are two years."""
    # the cheap length test first: most pairs are a short name and fail it (40,000 pairs at
    # 100,000 words)
    if min(len(option), len(answer)) < _ALIKE_LENGTH or _has_digit(option + answer):
        return False
    a, b = option.casefold(), answer.casefold()
    if abs(len(a) - len(b)) > _ALIKE_EDITS:
        return False
    from rapidfuzz.distance import Levenshtein  # imported here, as in _quiz/check.py

    return Levenshtein.distance(a, b, score_cutoff=_ALIKE_EDITS) <= _ALIKE_EDITS


def same_form(answer: str, chosen: Sequence[str], count: int = 3) -> list[str]:
    """Up to `count` of `chosen` (in order) such that no option stands out by its form.

    Options of the answer's exact form come first, then those of its broad form (a date of
    the same precision and era, "June 5, 1947" with "June 15, 1947"; a name with a name).
    The answer may not be the only option of its form while two others share one ("49 BC"
    among plain years: a give-away). Returns fewer than `count` when no such set exists
    (the question is then asked as a short answer).
    """
    chosen = _unlike(answer, [c for c in chosen if not spelled_alike(c, answer)])
    own = shape(answer)
    # a name by its length too: "Bush" among "Josef Stalin" and "Jiang Zemin" is eliminated
    # unread, and so is the answer as the one full name among surnames
    alike = sorted((c for c in chosen if shape(c) == own), key=lambda c: _name_length(c, answer))
    if len(alike) >= count:
        return alike[:count]
    broad = _broad_shape(answer)
    others = [c for c in chosen if shape(c) != own and _broad_shape(c) == broad]
    if not alike:
        # the answer's form is its own: the others may not share one among themselves
        distinct: dict[str, str] = {}
        for c in others:
            distinct.setdefault(shape(c), c)
        others = list(distinct.values())
    return (alike + others)[:count]


def choice_options(answer: str, distractors: Sequence[str], count: int = 3) -> list[str]:
    """The first `count` distractors (of `same_form`) as a choice's options, or [] when one
    of them is a name of another length than the answer: "Gaga" among full names is
    eliminated unread, and the answer as the one full name among one-word names is picked
    unread (blind review 4). The question is then asked as a short answer. A false
    statement shows one name alone, and may take any of them."""
    options = list(distractors[:count])
    if len(options) < count or any(_name_length(o, answer) for o in options):
        return []
    return options


def _unlike(answer: str, options: Sequence[str]) -> list[str]:
    """The options, in order, but those sharing most words with the answer or with an
    option kept before them (`_ALIKE_SHARE` of their words): "Standard Oil Company of
    California" beside "California Arabian Standard Oil Company" reads as one company
    twice, and a student cannot tell which the question means (blind review 4). Dates
    share their month and day by design and are kept."""
    kept: list[str] = []
    for option in options:
        if _has_digit(option) or not any(
            _share(option, other) >= _ALIKE_SHARE for other in (answer, *kept)
        ):
            kept.append(option)
    return kept


def _share(a: str, b: str) -> float:
    """The share of the two names' words (of three letters or more) that both have."""
    wa = {w for w in _words(a) if len(w) > 2}
    wb = {w for w in _words(b) if len(w) > 2}
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def _name_length(option: str, answer: str) -> int:
    """0 when `option` is written like `answer` (a one-word name with one, a full name with
    a full name), 1 otherwise; 0 for anything with a digit (dates have their own form)."""
    if _has_digit(answer) or _has_digit(option):
        return 0
    return int((len(option.split()) == 1) != (len(answer.split()) == 1))


@lru_cache(maxsize=65536)
def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _broad_shape(text: str) -> str:
    """A date's precision and era ("99 A" for "49 BC" and "120 BC"); any name is a name."""
    if not any(ch.isdigit() for ch in text):
        return ""
    return re.sub(r"9+", "9", shape(text))
