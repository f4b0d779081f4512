"""Answers printed elsewhere on the worksheet (issue 12: "across the whole deck, prefer the
selection that prints fewer answers elsewhere, and report that share").

A question leaks when another question of the deck prints its answer, in its prompt or among
its options, as `../shared/tools/deck_shape.py` counts it: the answer's words, normalized
(`norm`), as whole words of the other's text; answers under four letters and true/false
values are not counted. `_select` keeps leaks within one sentence out; across the deck it
calls two passes here once the deck is chosen:

- `reoption`: an option of a choice question that is another question's answer gives way
  to another drawn distractor of the same form (`same_form`), when three remain;
- `unleak`: a chosen question that prints another's answer, or whose answer another prints,
  moves to another wording or type of its own fact with the same key (a question form instead of a cloze
  that prints a date, another anchor) when that prints fewer answers in all and loses at
  most `MOST_LOST` of its score; no question is dropped for it. A choice whose options
  are all answers elsewhere may so become a short answer. `reoption` then runs again for
  the choices moved in.

Both are passes over the chosen questions with look-ups by word: linear in their number.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from quizgen._generate._distractors import choice_options, same_form
from quizgen._lexicon import NATIONALITY_ENDINGS

if TYPE_CHECKING:
    from quizgen._generate._candidates import Candidate

# How much of its score a question may lose to print fewer answers: a question form may
# become a cloze (1.0 -> 0.5). A wording a person asked for (`asked_for`, 1.0) is never
# given up. Nothing becomes a true/false: its answer is "true" or "false", uncounted, but
# the value another question prints gives it away as well.
MOST_LOST = 0.5
_SHORTEST = 4  # letters of an answer that counts (as deck_shape: "EU" is inside too much)


# A people's or country's adjective grown from a name's stem: "Mexic" + "an", "Canad" +
# "ian", "Chin" + "ese", "German" + "" (of Germany), with a plural "s".
_PEOPLE_WORD = r"(?:i?(?:{})|)s?".format("|".join(NATIONALITY_ENDINGS))
_SHORTEST_STEM = 4  # "Chin" of China; shorter stems begin too many words


def names_its_people(prompt: str, answer: str) -> bool:
    """Does the prompt name a one-word answer by its adjective ("Mexican President Lázaro
    Cárdenas ... operating in _____." for Mexico; "Russian troops ... entered _____")? The
    adjective gives the answer away (blind review 4)."""
    if " " in answer.strip() or not answer[:1].isupper():
        return False
    stem = answer[:-1] if answer[-1] in "aeiouy" else answer  # Kenya: "Keny" + "an"
    if len(stem) < _SHORTEST_STEM:
        return False
    word = re.compile(rf"(?<!\w){re.escape(stem)}{_PEOPLE_WORD}(?!\w)")
    return any(m.group() != answer for m in word.finditer(prompt))


@lru_cache(maxsize=65536)  # a candidate's text is looked at again on every try
def norm(text: str) -> str:
    """Casefolded words of `text`, one space apart and around: " de gaulle 1958 "."""
    return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "


def answer_key(c: Candidate) -> str:
    """The question's answer as it is looked for in other questions, '' when it is not."""
    if c.question.type == "truefalse":
        return ""
    key = norm(c.question.answer).strip()
    return key if len(key) >= _SHORTEST else ""


def leak_share(chosen: Sequence[Candidate]) -> float:
    """Share of questions whose answer another question prints (as deck_shape counts it)."""
    if not chosen:
        return 0.0
    texts = [norm(c.text) for c in chosen]
    holding: dict[str, list[int]] = defaultdict(list)  # word -> texts that print it
    for i, t in enumerate(texts):
        for w in set(t.split()):
            holding[w].append(i)
    leaks = 0
    for i, c in enumerate(chosen):
        if not (key := answer_key(c)):
            continue
        ans = f" {key} "
        rarest = min(key.split(), key=lambda w: len(holding[w]))
        leaks += any(ans in texts[j] for j in holding[rarest] if j != i)
    return leaks / len(chosen)


class _Ledger:
    """Which chosen question holds which answer and which prints it, by answer: the number
    of questions that leak is kept per answer, so a change of wording is weighed by the
    few answers it touches."""

    def __init__(self, answers: Iterable[str]) -> None:
        # answers by their first two words ("anna berg"), or their one word: by the first
        # word alone, a text naming "Anna" would be searched for every Anna of a long text
        self._heads: dict[str, set[str]] = defaultdict(set)
        for a in answers:
            if a:
                self._heads[" ".join(a.split()[:2])].add(a)
        self._holders: dict[str, set[int]] = defaultdict(set)  # answer -> id(question)
        self._printers: dict[str, set[int]] = defaultdict(set)
        self._printed: dict[int, frozenset[str]] = {}

    def found_in(self, text: str) -> frozenset[str]:
        """The answers that `text` prints."""
        text = norm(text)
        words = text.split()
        heads = {*words, *map(" ".join, pairwise(words))}
        return frozenset(a for h in heads for a in self._heads.get(h, ()) if f" {a} " in text)

    def prints(self, c: Candidate) -> frozenset[str]:
        """The answers that the question's text prints."""
        if id(c) not in self._printed:
            self._printed[id(c)] = self.found_in(c.text)
        return self._printed[id(c)]

    def add(self, c: Candidate) -> None:
        if key := answer_key(c):
            self._holders[key].add(id(c))
        for a in self.prints(c):
            self._printers[a].add(id(c))

    def remove(self, c: Candidate) -> None:
        if key := answer_key(c):
            self._holders[key].discard(id(c))
        for a in self.prints(c):
            self._printers[a].discard(id(c))

    def leaking(self, answer: str) -> int:
        """How many questions answered `answer` another question prints it in."""
        holders, printers = self._holders.get(answer, set()), self._printers.get(answer, set())
        if not holders or not printers:
            return 0
        # a choice prints its own answer: that alone is no leak
        alone = len(printers) == 1 and next(iter(printers)) in holders
        return len(holders) - alone

    def touched(self, c: Candidate) -> set[str]:
        return {answer_key(c), *self.prints(c)} - {""}

    def gain(self, old: Candidate, new: Candidate) -> int:
        """How many fewer questions leak once `new` stands where `old` stood."""
        answers = self.touched(old) | self.touched(new)
        before = sum(map(self.leaking, answers))
        self.remove(old)
        self.add(new)
        after = sum(map(self.leaking, answers))
        self.remove(new)
        self.add(old)
        return before - after


def unleak(
    chosen: Sequence[Candidate],
    by_fact: Mapping[str, Sequence[Candidate]],
    swap: Callable[[Candidate, Candidate], bool],
    cloze_share: float,
) -> None:
    """Move chosen questions that leak, or print another's answer, to other candidates of
    their facts that leak less (see the module's rules). `swap(old, new)` replaces one
    question by another when the planner's rules allow it (its sentence's room, the type
    caps) and says whether it did; a cloze is taken only while clozes stay within
    `cloze_share` of the deck. Same candidates in, same swaps: ties break by question id."""
    ledger = _Ledger(answer_key(c) for cs in by_fact.values() for c in cs)
    for c in chosen:
        ledger.add(c)
    clozes = sum(c.question.type == "cloze" for c in chosen)
    room = int(cloze_share * len(chosen)) - clozes
    for c in sorted(chosen, key=lambda c: (c.anchor, c.order, c.question.id)):
        if c.covers or not any(map(ledger.leaking, ledger.touched(c))):
            continue  # a list asks several facts; a question in no leak stays
        better = []
        for x in by_fact[c.fact]:
            if x is c or c.score - x.score > MOST_LOST:
                continue
            if x.question.answer != c.question.answer:
                continue  # "What post did Roosevelt hold?" no longer asks for Roosevelt
            if x.question.type == "cloze" and c.question.type != "cloze" and room <= 0:
                continue
            if x.question.type == "truefalse" != c.question.type:
                continue  # its answer is "true": the value printed elsewhere still gives it
            if (gain := ledger.gain(c, x)) > 0:
                better.append((-gain, -x.score, x.question.id, x))
        for *_, x in sorted(better, key=lambda b: b[:3]):
            if swap(c, x):
                ledger.remove(c)
                ledger.add(x)
                room -= (x.question.type == "cloze") - (c.question.type == "cloze")
                break


def reoption(chosen: Sequence[Candidate]) -> None:
    """Give each choice question options that are no other question's answer, from the
    distractors drawn for it (`Candidate.drawn`), when three of the answer's form remain;
    options that are no answer keep their places. Changes the questions in place."""
    answers = _Ledger(answer_key(c) for c in chosen)
    for c in chosen:
        q = c.question
        if q.type != "choice":
            continue
        answer = answer_key(c)
        leaking = [o for o in q.choices if o != q.answer and answers.found_in(o) - {answer}]
        if not leaking:
            continue
        kept = [o for o in q.choices if o != q.answer and o not in leaking]
        fresh = [d for d in c.drawn if d not in q.choices and not answers.found_in(d)]
        options = choice_options(q.answer, same_form(q.answer, kept + fresh))
        if not options or not set(kept) <= set(options):
            continue  # too few options of the answer's form: the question stays as it was
        new = iter(o for o in options if o not in kept)
        q.choices = [o if o == q.answer or o in kept else next(new) for o in q.choices]
