"""Indexes that narrow `cluster`'s search for the entities a new name may belong to.

Clustering tests each distinct name against every entity made before it: quadratic in the
names of a section (a section of 400,000 characters of prose names a few thousand, and
the tests were a tenth of the work outside the parse). These indexes give only the
entities that can pass a test, in the order they were made; the caller still applies its
own test to each, so what it finds is what testing them all found.
"""

from __future__ import annotations

from collections.abc import Sequence

from quizgen._extract._name_text import initials, without_suffix
from quizgen._extract._types import Entity


class Supersets:
    """A person's name keys so far (`name_key`) with what each stands for: those holding
    all the words of a key (the keys a shorter name of someone may belong to)."""

    def __init__(self) -> None:
        self._keys: list[tuple[frozenset[str], Entity]] = []
        self._by_word: dict[str, list[int]] = {}

    def add(self, key: Sequence[str], entity: Entity) -> None:
        words = frozenset(key)
        for word in words:
            self._by_word.setdefault(word, []).append(len(self._keys))
        self._keys.append((words, entity))

    def of(self, key: Sequence[str]) -> list[Entity]:
        """What each key holding every word of `key` stands for, in the order added."""
        words = frozenset(key)
        if not words:
            return [e for _, e in self._keys]
        rarest = min((self._by_word.get(w, ()) for w in words), key=len)
        return [self._keys[i][1] for i in rarest if words <= self._keys[i][0]]


class ShortForms:
    """Organizations so far, by what a later short name shares with one: its initials
    ("NATO"), its first word ("Lumina" of "Lumina Robotics"), its last word ("Enquirer"),
    the name without its legal form ("Graham Paper"), and each of its words ("House")."""

    def __init__(self) -> None:
        self._orgs: list[Entity] = []
        self._by_form: dict[tuple[str, str], list[int]] = {}
        self._by_word: dict[str, list[int]] = {}

    def add(self, org: Entity) -> None:
        k = len(self._orgs)
        self._orgs.append(org)
        words = org.name.split()
        forms = {("initials", initials(org.name)), ("bare", without_suffix(words))}
        if words:
            forms |= {("first", org.name.replace("’", "'").split()[0]), ("last", words[-1])}
        for form in forms:
            self._by_form.setdefault(form, []).append(k)
        for word in dict.fromkeys(words):
            self._by_word.setdefault(word, []).append(k)

    def shortened_by(self, name: str) -> list[Entity]:
        """The organizations `name` may be the acronym or a short form of (`is_acronym_of`,
        `_shortens` in `_entities`), in the order added."""
        lead = name.replace("’", "'").split()[:1]
        forms = [("initials", name.replace(".", "")), ("last", name), ("bare", name)]
        forms += [("first", w) for w in lead]
        found = {k for form in forms for k in self._by_form.get(form, ())}
        return [self._orgs[k] for k in sorted(found)]

    def holding_word(self, word: str) -> list[Entity]:
        """The organizations with `word` among the words of their name, in the order added."""
        return [self._orgs[k] for k in self._by_word.get(word, ())]
