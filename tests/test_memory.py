"""A long source's sections are freed one by one during generation: a parse is held in a
reference cycle (its pronoun resolver points back at it), so without a collection each
section's parse stayed alive until the cycle collector happened to run a full pass."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

from quizgen import generate
from quizgen._extract import Facts, Sentence, Token


def _section(number: int, sentences: int) -> Facts:
    words = ["The", "river", "rose", "."]
    made = []
    for k in range(sentences):
        toks = [Token(i, w, " ", w.lower(), "X", "X", "dep", i) for i, w in enumerate(words)]
        made.append(Sentence(k, "The river rose.", toks))
    facts = Facts("long.txt", "Long", made, [], [], [], section=number)
    assert facts.pronouns.facts is facts  # the cycle: Facts -> Pronouns -> Facts
    return facts


def test_a_large_sections_parse_is_freed_before_the_next_is_made() -> None:
    alive: list[bool] = []

    def sections() -> Iterator[Facts]:
        first = _section(0, 2500)
        gone = weakref.ref(first)
        del first
        yield gone()  # type: ignore[misc]
        alive.append(gone() is not None)  # asked for the next: the first's slots are made
        yield _section(1, 10)

    was = gc.isenabled()
    gc.disable()  # as for a large heap: no full collection comes by itself
    try:
        generate(sections())
    finally:
        if was:
            gc.enable()
    assert alive == [False]


def test_a_short_sources_parse_is_left_to_the_collector() -> None:
    """No full collection per short source (the cost of a collection is about that of its
    deck): only parts of 2,000 sentences or more are collected at once."""
    alive: list[bool] = []

    def sources() -> Iterator[Facts]:
        first = _section(0, 50)
        gone = weakref.ref(first)
        del first
        yield gone()  # type: ignore[misc]
        alive.append(gone() is not None)
        yield _section(0, 10)

    was = gc.isenabled()
    gc.disable()
    try:
        generate(sources())
    finally:
        if was:
            gc.enable()
    assert alive == [True]
