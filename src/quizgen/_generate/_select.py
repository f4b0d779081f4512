"""Plan the deck as a whole: which candidates become questions (issue 12).

Rules, in the order they bind:
- coverage first: every fact gets one question, in order of salience (how often the text
  names it; among equals, the fact with the fewest sentences to be asked from first),
  before any fact gets a second (`per_fact`); a fact kept out moves others along an
  augmenting path (as in bipartite matching: facts x sentence places) to make room;
- at most `per_sentence` questions anchored in one sentence: a sentence of the cleaned
  text, so a reference marker glued to a full stop ("in 1921.[1] Karl Holm ...") ends
  one, as a reader of the rendered page sees it (a superscript). ../shared's deck_shape.py
  splits the raw text and reads such a run as one sentence; taking the run as one place
  would cost some 22 of 142 questions on the six texts where it reports 3 (15 of 35 on a
  company history whose paragraphs all end in markers), so it is not done;
- no question prints the answer of another question from the same sentence, in its prompt
  or choices; across the deck, a wording that prints fewer other answers wins, and once
  the deck is chosen `_leaks` moves questions and options that still print one;
- a teacher's type mix: a real question (short or choice, balanced by `mix`) where one can
  be formed, a cloze only where none can and at most `mix["cloze"]` of every deck, however
  small (a cloze that would pass it moves to another form or is left out), true/false
  at most `mix["truefalse"]`, as many true as false, never a copied true sentence.
Every step is a pass over the candidates with dictionary look-ups: linear in their number.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from quizgen._deck import BLANK
from quizgen._generate._candidates import Candidate
from quizgen._generate._leaks import leak_share as _leak_share
from quizgen._generate._leaks import norm as _norm
from quizgen._generate._leaks import reoption, unleak

# Shares of the deck: cloze and truefalse are the most they may take; short and choice
# weigh the question forms against each other.
# What printing another question's answer costs a wording (a form is worth 0.5 to 1): a
# choice whose options are answers asked elsewhere gives way to a short answer.
_LEAK_COST = 0.1
_REPAIR_TRIES = 4
_REPAIR_DEPTH = 4  # how many facts deep a search for room goes (each sentence searched once)
DEFAULT_MIX = {"short": 0.4, "choice": 0.4, "cloze": 0.5, "truefalse": 0.15}


@dataclass
class Plan:
    """The planner's choice: the questions' candidates in reading order, the facts left
    unasked with a reason each, and the figures of the summary line."""

    chosen: list[Candidate] = field(default_factory=list)
    facts: int = 0
    unasked: list[tuple[str, str]] = field(default_factory=list)  # (fact, reason)
    leak_share: float = 0.0  # share of questions whose answer another question prints
    short_of_count: str = ""  # why --count could not be met, if it could not

    def summary(self) -> str:
        """One line: facts found, asked, left unasked, the type mix and the leak share."""
        types = Counter(c.question.type for c in self.chosen)
        mix = ", ".join(f"{n} {t}" for t, n in sorted(types.items()))
        # a list's question asks each of its names ("sons _____.": four people)
        asked = len({c.fact for c in self.chosen if not c.covers} | _covered(self.chosen))
        return (
            f"{self.facts} facts, {asked} asked, {len(self.unasked)} left unasked; "
            f"{len(self.chosen)} questions ({mix or 'none'}); "
            f"{self.leak_share:.0%} print an answer given elsewhere"
        )


@lru_cache(maxsize=65536)  # a candidate is ranked again on every try
def _heads(text: str) -> frozenset[str]:
    """The words and word pairs of a normalized wording: where an answer it prints starts."""
    words = text.split()
    return frozenset({*words, *map(" ".join, pairwise(words))})


class _Printed:
    """The words every chosen question prints, to find an answer printed elsewhere."""

    def __init__(self) -> None:
        self.words: Counter[str] = Counter()

    def add(self, c: Candidate) -> None:
        self.words.update(set(_norm(c.text).split()))

    def remove(self, c: Candidate) -> None:
        self.words.subtract(set(_norm(c.text).split()))

    def may_print(self, names: Iterable[str]) -> bool:
        """Might a chosen question print one of the names (all its words are printed)?"""
        return any(n.split() and all(self.words[w] for w in n.split()) for n in map(_norm, names))


def _prints(c: Candidate, names: Iterable[str]) -> bool:
    text = _norm(c.text)
    # a two-letter answer ("EU") is found inside too many words to count (as deck_shape)
    return any(_norm(n) in text for n in names if len(_norm(n).strip()) >= 4)


def _leaks(a: Candidate, b: Candidate) -> bool:
    """Does either print the answer of the other? A blank beside the other's name in a
    pair ("In their experiments, _____ and Chase showed ..." beside "Hershey and _____
    showed ...") does by any name: the two ask one fact, who ran the experiments."""
    return (
        a.fact in b.covers  # a list and one of its names: the same people asked twice
        or b.fact in a.covers
        or _prints(a, [b.answer])
        or _prints(b, [a.answer])
        or _paired(a.question.prompt, b.names)
        or _paired(b.question.prompt, a.names)
        or _one_relation(a, b)
    )


def _one_relation(a: Candidate, b: Candidate) -> bool:
    """Do two questions of one sentence, of two facts, ask one? They do when they answer
    the same thing by any name, or when each prints the other's answer by some name: "Who was a
    former CIA officer ...?" (E. Howard Hunt) and "Hunt was a former _____ officer ..."
    (CIA) ask one relation from both ends (blind review: a duplicate). A short name counts
    here only as a whole word in its own case ("CIA", not "cia" in another word)."""
    if a.fact == b.fact:
        return False  # a second question of one fact is `per_fact`'s to allow
    if {n.casefold() for n in a.names} & {n.casefold() for n in b.names}:
        return True
    return _shows(a, b.names) and _shows(b, a.names) and _one_clause(a, b)


# Where a sentence's clause ends: "; ", ", but ", ", while " ... ("Franklin soon produced
# sharper images, but Randall had left the work unclear": two facts, one of each).
_CLAUSE_BREAK = re.compile(r"[;:]|,\s*(?:and|but|while|whereas|although|though|yet|so)\b|\bbut\b")


def _one_clause(a: Candidate, b: Candidate) -> bool:
    """Does the sentence both are asked from name their answers in one clause, with no
    clause break between them ("Hunt was a former CIA officer")?"""
    text = a.question.context or ""
    spots_a = [m.start() for n in a.names for m in re.finditer(re.escape(n), text)]
    spots_b = [m.start() for n in b.names for m in re.finditer(re.escape(n), text)]
    return any(
        not _CLAUSE_BREAK.search(text[min(i, k) : max(i, k)]) for i in spots_a for k in spots_b
    )


def _shows(c: Candidate, names: Iterable[str]) -> bool:
    """Does the question print one of `names` (a short one in its own case, as a word)?"""
    text = _norm(c.text)
    return any(
        _norm(n) in text
        if len(_norm(n).strip()) >= 4
        else re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", c.text) is not None
        for n in names
    )


def _paired(prompt: str, names: list[str]) -> bool:
    """Is the blank of `prompt` coordinated with one of `names` ("_____ and Chase")?"""
    if BLANK not in prompt:
        return False
    before, _, after = prompt.partition(BLANK)
    return any(
        re.match(r",? (?:and|or) " + re.escape(n) + r"\b", after)
        or re.search(r"\b" + re.escape(n) + r",? (?:and|or) $", before)
        for n in names
    )


def select(
    cands: Sequence[Candidate],
    *,
    per_fact: int = 1,
    per_sentence: int = 2,
    count: int | None = None,
    mix: dict[str, float] | None = None,
    facts_without: Sequence[str] = (),
) -> Plan:
    """Choose the deck's questions from every fact's candidates (see the module's rules).

    `facts_without` are facts no template could ask at all (reported as unasked). Same
    candidates in, same plan out: ties break by question id.
    """
    mix = {**DEFAULT_MIX, **(mix or {})}
    by_fact: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        by_fact[c.fact].append(c)
    lists = {f for f, cs in by_fact.items() if cs[0].covers}  # asked after their names
    facts = sorted(
        (f for f in by_fact if f not in lists),
        key=lambda f: (-by_fact[f][0].salience, by_fact[f][0].order, f),
    )
    size = min(count, len(facts) * per_fact) if count else len(facts) * per_fact
    caps = {t: int(mix[t] * size) for t in ("cloze", "truefalse")}
    caps["cloze"] = max(caps["cloze"], 1)
    weights = {t: mix[t] for t in ("short", "choice")}
    state = _State(per_sentence, caps, weights, _others_printed(by_fact), by_fact)
    reasons: dict[str, str] = {}
    # Coverage first, in order of salience; among facts named as often, the most
    # constrained first (a fact with one possible sentence before a fact with five), as in
    # matching (so --count still gives the most salient).
    rank = {f: i for i, f in enumerate(facts)}
    first = sorted(facts, key=lambda f: (-by_fact[f][0].salience, _room(by_fact[f]), rank[f]))
    for fact in first:
        if count and len(state.chosen) >= count:
            break
        if why := state.take(by_fact[fact]):
            reasons[fact] = why
    for fact in sorted(lists, key=lambda f: (by_fact[f][0].order, f)):
        if count and len(state.chosen) >= count:
            break
        _take_list(state, by_fact[fact])
    for _ in range(per_fact - 1):
        for fact in facts:  # a second question only once every fact has its first
            if state.asked[fact] and not (count and len(state.chosen) >= count):
                state.take(by_fact[fact])
    _keep_cloze_share(state, mix["cloze"], reasons, first, count or size)
    # across the deck, fewer answers printed elsewhere: other wordings, other options
    reoption(list(state.chosen.values()))
    unleak(list(state.chosen.values()), by_fact, state.swap, mix["cloze"])
    reoption(list(state.chosen.values()))
    plan = Plan(facts=len(facts) + len(facts_without))
    plan.chosen = sorted(state.chosen.values(), key=lambda c: (c.anchor[0], c.order, c.question.id))
    covered = _covered(state.chosen.values())
    for fact in facts:
        if not state.asked[fact] and fact not in covered:
            plan.unasked.append((fact, reasons.get(fact, f"beyond --count {count}")))
    plan.unasked += [
        (f, "no template fits it (no role, quote or sentence that stands alone)")
        for f in facts_without
    ]
    if count and len(plan.chosen) < count:
        plan.short_of_count = (
            f"could make {len(plan.chosen)} of {count} questions: "
            f"{len(plan.unasked)} facts left unasked"
        )
    plan.leak_share = _leak_share(plan.chosen)
    return plan


class _State:
    """What has been chosen so far, and the checks a new candidate must pass."""

    def __init__(
        self,
        per_sentence: int,
        caps: dict[str, int],
        weights: dict[str, float],
        crowding: dict[int, int],
        by_fact: dict[str, list[Candidate]],
    ):
        self.by_fact = by_fact
        self.per_sentence = per_sentence
        self.crowding = crowding  # id(candidate) -> other facts whose answer it prints
        self.caps = caps
        self.weights = weights
        self.chosen: dict[int, Candidate] = {}  # by id(): removable in O(1)
        self.journal: list[tuple[bool, Candidate]] = []  # (added?, candidate), to undo
        self.pinned: set[str] = set()  # facts a search for room is placing: never moved
        self.asked: Counter[str] = Counter()
        self.ids: set[str] = set()
        self.by_sentence: dict[tuple[str, int], list[Candidate]] = defaultdict(list)
        self.types: Counter[str] = Counter()
        self.truth: Counter[str] = Counter()
        self.printed = _Printed()
        # chosen answers (normalized, counted) by their first two words ("june 5"), or their
        # one word: by the first word alone, and one entry per question, a deck of a hundred
        # Johns or fifty questions answered "1850" looked at each for every wording
        self.answers: dict[str, Counter[str]] = {}

    def take(
        self, options: list[Candidate], repair: int = _REPAIR_DEPTH, seen: set | None = None
    ) -> str:
        """Choose the best acceptable candidate of one fact; '' or why none was.

        When none is acceptable, a fact already asked in the way may move to another of
        its candidates to make room, and so on `repair` facts deep: an augmenting path, as
        in bipartite matching (facts x sentence places). A sentence is searched once per
        path (`seen`), so one search looks at each candidate at most once."""
        # ranking is the costly part: only the acceptable are ranked, unless none is
        if acceptable := [c for c in options if not self._refuse(c)]:
            self._add(min(acceptable, key=self._rank))
            return ""
        ranked = sorted(options, key=self._rank)
        why = self._refuse(ranked[-1]) if ranked else ""
        seen = set() if seen is None else seen
        if repair and any(self._make_room(c, repair, seen) for c in ranked[:_REPAIR_TRIES]):
            return ""
        return why or "no acceptable question"

    def swap(self, old: Candidate, new: Candidate) -> bool:
        """Put `new` where `old` is, if the rules allow it; say whether it was done."""
        mark = len(self.journal)
        self._remove(old)
        if self._refuse(new):
            self._undo(mark)
            return False
        self._add(new)
        return True

    def _make_room(self, c: Candidate, depth: int, seen: set) -> bool:
        """Move the questions that keep `c` out of its sentence to other wordings of their
        facts, and take `c`; undo everything when one of them has nowhere to go."""
        if c.anchor in seen or c.fact in self.pinned:
            return False
        seen.add(c.anchor)
        here = self.by_sentence[c.anchor]
        leaking = [o for o in here if _leaks(o, c)]
        if leaking:
            options = [leaking]
        elif len(here) >= self.per_sentence:
            options = [[o] for o in here]  # a full sentence: any one of them may move
        else:
            return False  # refused for its type, not its place
        for blockers in options:
            if any(self.asked[o.fact] > 1 or o.fact in self.pinned for o in blockers):
                continue
            self.pinned.add(c.fact)
            try:
                if self._move(c, blockers, depth, seen):
                    return True
            finally:
                self.pinned.discard(c.fact)
        return False

    def _move(self, c: Candidate, blockers: list[Candidate], depth: int, seen: set) -> bool:
        mark = len(self.journal)
        for o in blockers:
            self._remove(o)
        if not self._refuse(c):
            self._add(c)
            if all(
                not self.take(
                    [x for x in self.by_fact[o.fact] if x is not o], repair=depth - 1, seen=seen
                )
                for o in blockers
            ):
                return True
        self._undo(mark)
        return False

    def _undo(self, mark: int) -> None:
        """Undo every add and remove since the journal had `mark` entries."""
        while len(self.journal) > mark:
            added, c = self.journal[-1]
            if added:
                self._remove(c)
            else:
                self._add(c)
            del self.journal[-2:]  # the undo logged itself

    def _rank(self, c: Candidate) -> tuple[float, int, str]:
        qtype = c.question.type
        score = c.score
        if qtype in self.weights:
            # lean to the question form the mix is short of
            done = self.types["short"] + self.types["choice"] + 1
            score += 0.1 * (self.weights[qtype] - self.types[qtype] / done)
        if qtype == "truefalse":
            # the value the deck has fewer of first, so true and false stay balanced
            score += 0.01 if self.truth[c.question.answer] <= self.truth[_other(c)] else 0
        # a wording that prints other questions' answers, or whose answer they print, less
        text = _norm(c.text)
        leaks = self.printed.may_print(c.names) + sum(
            k
            for h in self.answers.keys() & _heads(text)
            for n, k in self.answers[h].items()
            if n in text
        )
        # printing another fact's answer takes its sentence from it: a clean wording first
        score -= 0.15 * self.crowding.get(id(c), 0)
        return (-(score - _LEAK_COST * leaks), 0, c.question.id)

    def _refuse(self, c: Candidate) -> str:
        q = c.question
        if q.id in self.ids:
            return "asked already in this wording"
        here = self.by_sentence[c.anchor]
        if len(here) >= self.per_sentence:
            return f"its sentence already has {self.per_sentence} questions"
        if any(_leaks(o, c) for o in here):
            return "its question would print the answer of another from the same sentence"
        if q.type == "truefalse" and any(o.question.type == "truefalse" for o in here):
            return "its sentence has a true/false statement already"  # the same statement
        # a list's cloze asks several facts: the share is kept at the end, at others' cost
        if q.type in self.caps and self.types[q.type] >= self.caps[q.type] and not c.covers:
            return f"the deck has its share of {q.type} questions"
        if q.type == "truefalse":
            if c.copied:
                return "a true statement would copy its sentence"
            if self.truth[q.answer] > self.truth[_other(c)]:
                return "true and false must stay balanced"
        return ""

    def _add(self, c: Candidate) -> None:
        self.journal.append((True, c))
        self.chosen[id(c)] = c
        self.asked[c.fact] += 1
        self.ids.add(c.question.id)
        self.by_sentence[c.anchor].append(c)
        self.types[c.question.type] += 1
        if c.question.type == "truefalse":
            self.truth[c.question.answer] += 1
        elif words := _norm(c.question.answer).split():
            self.answers.setdefault(" ".join(words[:2]), Counter())[_norm(c.question.answer)] += 1
        self.printed.add(c)

    def _remove(self, c: Candidate) -> None:
        self.journal.append((False, c))
        del self.chosen[id(c)]
        self.asked[c.fact] -= 1
        self.ids.discard(c.question.id)
        self.by_sentence[c.anchor].remove(c)
        self.types[c.question.type] -= 1
        if c.question.type == "truefalse":
            self.truth[c.question.answer] -= 1
        elif words := _norm(c.question.answer).split():
            self.answers[" ".join(words[:2])][_norm(c.question.answer)] -= 1
        self.printed.remove(c)


def _take_list(state: _State, options: list[Candidate]) -> None:
    """A list of names where some of them found no question of their own, asked as one
    ("sons _____."): it takes the place of its names' own questions in its sentence, which
    it asks too; all stays as it was when it cannot be placed."""
    covers = set(options[0].covers)
    if all(state.asked[m] for m in covers):
        return  # every name has a question of its own
    mark = len(state.journal)
    anchors = {c.anchor for c in options}
    for c in [c for a in anchors for c in state.by_sentence[a] if c.fact in covers]:
        state._remove(c)
    # another fact's question in its sentence may move to another of its wordings to make
    # room, as for a fact of its own: the list asks two or more names where it asks one
    if state.take(options):
        state._undo(mark)


def _keep_cloze_share(
    state: _State, share: float, reasons: dict[str, str], order: Sequence[str], room: int
) -> None:
    """Clozes at most `share` of every deck, however small (issue 12: "a cloze only where
    none can [form a question] (clozes at most half of a deck)"; a deck of 9 with 6 clozes
    read as a worksheet of gaps). The cloze of the least salient fact (then the lowest
    score) moves to another form of its fact where one is acceptable (no new cloze is
    taken meanwhile), or is left out, until the share holds: a deck of only clozes becomes
    empty, each fact reported unasked with the reason. The places freed go to the facts
    still unasked, in `order` (a real question first, a cloze while the share holds with
    it), up to `room` questions in all (--count)."""
    state.caps["cloze"] = 0  # nothing taken here may be a cloze: a list's is counted below

    def over() -> bool:
        return state.types["cloze"] > share * len(state.chosen)

    clozes = sorted(
        (c for c in state.chosen.values() if c.question.type == "cloze"),
        key=lambda c: (bool(c.covers), c.salience, c.score, -c.order[0], c.question.id),
    )  # lists last: each asks several names
    moved = False  # only a deck that changed here has places to fill
    for c in clozes:
        if not over():
            break
        state._remove(c)
        moved = True
        others = [x for x in state.by_fact[c.fact] if x.question.type != "cloze"]
        if not others or state.take(others, repair=1):
            reasons[c.fact] = f"clozes would pass {share:.0%} of the deck and no other form fits"
    listed = _covered(state.chosen.values()) if moved else set()
    for fact in order if moved else ():
        if len(state.chosen) >= room:
            break
        if state.asked[fact] or fact in listed:
            continue
        # a real question first; a cloze only while the share holds with it
        state.caps["cloze"] = int(share * (len(state.chosen) + 1))
        real = [x for x in state.by_fact[fact] if x.question.type != "cloze"]
        clozes_of = [x for x in state.by_fact[fact] if x.question.type == "cloze"]
        taken = bool(real) and state.take(real, repair=0) == ""  # take: '' or why not
        if taken or state.take(clozes_of, repair=0) == "":
            reasons.pop(fact, None)
    state.caps["cloze"] = len(state.chosen)  # `unleak` keeps the share itself from here


def _others_printed(by_fact: dict[str, list[Candidate]]) -> dict[int, int]:
    """For each candidate, how many other facts of its own sentence its text prints: asking
    them there would then leak, so a cleaner wording goes first. Only the facts with a
    candidate in that sentence are looked at (a sentence has a handful; looking up every
    fact's names by the candidate's words cost a quarter of planning at 100k words)."""
    names: dict[str, list[str]] = {}  # fact -> its names, normalized
    here: dict[tuple[str, int], set[str]] = defaultdict(set)  # sentence -> facts asked there
    for fact, cs in by_fact.items():
        names[fact] = [n for n in {_norm(n) for n in cs[0].names if len(n) > 3} if n.split()]
        for c in cs if not cs[0].covers else ():  # a list is asked last, where room is left
            here[c.anchor].add(fact)
    out: dict[int, int] = {}
    for fact, cs in by_fact.items():
        for c in cs:
            others = here[c.anchor] - {fact}
            text = _norm(c.text) if others else ""
            out[id(c)] = sum(1 for f in others if any(n in text for n in names[f]))
    return out


def _covered(chosen: Iterable[Candidate]) -> set[str]:
    """The facts that chosen lists ask (each name of "sons _____.")."""
    return {m for c in chosen for m in c.covers}


def _room(cands: list[Candidate]) -> int:
    """In how many sentences a fact can be asked: the fewer, the sooner it is placed."""
    return len({c.anchor for c in cands})


def _other(c: Candidate) -> str:
    return "false" if c.question.answer == "true" else "true"
