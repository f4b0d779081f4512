"""Shortcuts taken for speed give the answers of the plain rule they stand for (issue 15 §6).

A pattern built per name overflowed `re`'s cache of 512 patterns on long texts, so a cheap
test now comes first (the label of a picture credit, the name as a substring); and the
cycle collector is paused through extraction even when the model is loaded inside it;
clustering tests a new name only against the entities an index offers.
"""

from __future__ import annotations

import gc
import re

import pytest

import quizgen._extract as extract
from quizgen._extract._coref import _in_words
from quizgen._extract._entities import _head_short, _shortens
from quizgen._extract._name_index import ShortForms, Supersets
from quizgen._extract._name_text import is_acronym_of, name_key
from quizgen._extract._types import Entity
from quizgen._generate._not_options import _CREDIT_LABEL, credited
from quizgen._sources import Source

CONTEXTS = [
    "Image: Mira Sandberg. The rowing club was founded in 1911.",
    "The rowing club was founded in 1911 (photo by mira sandberg).",
    "Photographs credit: Mira Sandberg",
    "Mira Sandberg rowed for the club in 1911.",
    "The photo shows Mira Sandberg beside the boat house.",
    "Source: the club's annual report, not Mira Sandberg.",
]


@pytest.mark.parametrize("context", CONTEXTS)
def test_credited_answers_as_the_whole_pattern(context: str) -> None:
    whole = re.search(_CREDIT_LABEL + re.escape("Mira Sandberg"), context, re.I) is not None
    assert credited("Mira Sandberg", context) is whole


def test_credited_finds_a_credit_and_only_a_credit() -> None:
    assert credited("Mira Sandberg", CONTEXTS[0])
    assert credited("Mira Sandberg", CONTEXTS[1])  # the name in lower case: still her
    assert not credited("Mira Sandberg", CONTEXTS[3])  # named, credited for nothing
    assert not credited("Mira Sandberg", CONTEXTS[4])  # "photo", but no credit label


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        ("Ann", "the annual report of ann", False),  # case kept: "ann" is not "Ann"
        ("ann", "the annual report of ann", True),
        ("ann", "the annual report", False),  # a part of a word only
        ("ann", "", False),
    ],
)
def test_in_words_is_whole_words_only(name: str, text: str, found: bool) -> None:
    assert _in_words(name, text) is found


@pytest.mark.slow
def test_extraction_runs_paused_even_when_loading_the_model_turns_the_collector_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """spaCy's loader (srsly's msgpack) turns the collector on when done: loaded inside the
    pause, the model left the first unit of a run (a whole short source) unpaused."""
    real_load = extract.load_model
    loads: list[str | None] = []

    def loading(name: str | None = None):  # type: ignore[no-untyped-def]
        nlp = real_load(name)
        if not loads:  # the first load, as spaCy's does
            loads.append(name)
            gc.enable()
        return nlp

    seen: list[bool] = []
    real_add = extract._Parsed.add

    def add(self: extract._Parsed, doc: object, para: int) -> None:
        seen.append(gc.isenabled())
        real_add(self, doc, para)  # type: ignore[arg-type]

    monkeypatch.setattr(extract, "load_model", loading)
    monkeypatch.setattr(extract._Parsed, "add", add)
    text = "Mira Sandberg founded the Falun Rowing Club in 1911.\n\nShe left it in 1920."
    facts = extract.extract_facts(Source(path="club.txt", title="Club", text=text))
    assert gc.isenabled()
    assert seen == [False, False]
    assert [a.name for a in facts.actors] == ["Mira Sandberg"]


ORGS = [
    "North Atlantic Treaty Organization",
    "Lumina Robotics",
    "Cincinnati Enquirer",
    "Graham Paper Company",
    "U.S. House of Representatives",
    "House of Lords",
    "King’s College London",
]


def _org_index() -> tuple[ShortForms, list[Entity]]:
    index, orgs = ShortForms(), [Entity(kind="organization", name=n) for n in ORGS]
    for org in orgs:
        index.add(org)
    return index, orgs


@pytest.mark.parametrize(
    ("short", "expected"),
    [
        ("NATO", ["North Atlantic Treaty Organization"]),
        ("N.A.T.O.", ["North Atlantic Treaty Organization"]),
        ("Lumina", ["Lumina Robotics"]),
        ("Enquirer", ["Cincinnati Enquirer"]),
        ("Graham Paper", ["Graham Paper Company"]),
        ("King's", ["King’s College London"]),  # straight and curly apostrophes alike
        ("Bureau", []),
    ],
)
def test_short_forms_offer_every_organization_a_short_name_may_stand_for(
    short: str, expected: list[str]
) -> None:
    """The index narrows the search; the tests it stands in for find nothing it left out."""
    index, orgs = _org_index()
    offered = [o.name for o in index.shortened_by(short)]
    passing = [o.name for o in orgs if is_acronym_of(short, o.name) or _shortens(short, o.name)]
    assert passing == expected
    assert set(passing) <= set(offered)
    assert offered == [n for n in ORGS if n in offered]  # in the order added


def test_short_forms_offer_the_bodies_holding_a_word_in_order() -> None:
    index, orgs = _org_index()
    assert [o.name for o in index.holding_word("House")] == [ORGS[4], ORGS[5]]
    assert [o.name for o in orgs if _head_short("House", o.name)] == [ORGS[4], ORGS[5]]


def test_supersets_are_the_keys_holding_every_word_in_order() -> None:
    index = Supersets()
    people = [Entity(kind="actor", name=n) for n in ("Mira Sandberg", "Ola Sandberg", "Mira Holm")]
    for person in people:
        index.add(name_key(person.name), person)
    assert index.of(("sandberg",)) == people[:2]
    assert index.of(("mira", "sandberg")) == people[:1]
    assert index.of(("mira",)) == [people[0], people[2]]
    assert index.of(("berg",)) == []  # a word, never a part of one
    assert index.of(()) == people
