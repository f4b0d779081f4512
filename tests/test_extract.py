"""Extraction with the real spaCy model: one actor per person, roles, quotes, organizations, dates."""

from __future__ import annotations

import pytest

from quizgen.extract import extract_facts
from quizgen.extract._dates import parse_date
from quizgen.sources import Source

TEXT = (
    "Chinese Foreign Minister Tang Jiaxuan met Russian President Vladimir V. Putin in Moscow. "
    "Putin said the talks went well.\n\n"
    "“We find a common language with our Chinese colleagues on practically all issues,” "
    "said Russian Deputy Foreign Minister Alexander Losyukov.\n\n"
    "Vladimir S. Myasnikov, a senior analyst at Russia’s Far East Institute, was cautious. "
    "China backs Russia in its criticism of the North Atlantic Treaty Organization’s expansion. "
    "The accord was allowed to lapse in 1979. Stalin treated Mao as a junior partner in the 1950s. "
    "Documents date back to the 17th century. After a four-day visit and a decade of work, "
    "the talks ended today."
)


@pytest.fixture(scope="module")
def facts():
    return extract_facts(Source(path="mem.txt", title="Talks", text=TEXT))


def test_one_actor_per_person_with_short_forms_as_aliases(facts):
    putin = next(a for a in facts.actors if "Putin" in a.name)
    assert putin.name == "Vladimir V. Putin"
    assert "Putin" in putin.aliases
    assert sum("Putin" in a.name for a in facts.actors) == 1


def test_titles_and_appositives_become_roles(facts):
    roles = {a.name: [r.text for r in a.roles] for a in facts.actors}
    assert "Chinese Foreign Minister" in roles["Tang Jiaxuan"]
    assert "Russian Deputy Foreign Minister" in roles["Alexander Losyukov"]
    assert any("senior analyst" in r for r in roles["Vladimir S. Myasnikov"])
    myasnikov = next(a for a in facts.actors if a.name == "Vladimir S. Myasnikov")
    assert any(r.org == "Far East Institute" for r in myasnikov.roles)


def test_quotes_are_attributed(facts):
    losyukov = next(a for a in facts.actors if a.name == "Alexander Losyukov")
    assert losyukov.quotes and losyukov.quotes[0].text.startswith("We find a common language")


def test_organizations_are_canonical_and_places_are_not_organizations(facts):
    names = [o.name for o in facts.organizations]
    assert "North Atlantic Treaty Organization" in names
    assert "Far East Institute" in names
    everything = names + [a.name for a in facts.actors]
    for place in ("Moscow", "China", "Russia", "Chinese", "Russian"):
        assert place not in everything


def test_dates_are_absolute_and_normalized(facts):
    found = {d.answer: (d.normalized, d.granularity) for d in facts.dates}
    assert found["1979"] == ("1979", "year")
    assert found["1950s"] == ("1950s", "decade")
    assert found["17th century"] == ("17C", "century")
    for vague in ("four-day", "a decade", "today"):
        assert vague not in found


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("1979", None, ("year", "1979", "1979")),
        ("the 1950s", None, ("decade", "1950s", "1950s")),
        ("the 17th century", None, ("century", "17th century", "17C")),
        ("the seventeenth century", None, ("century", "seventeenth century", "17C")),
        ("July 2001", None, ("month-year", "July 2001", "2001-07")),
        ("June 5, 1947", None, ("day", "June 5, 1947", "1947-06-05")),
        ("5 June 1947", None, ("day", "5 June 1947", "1947-06-05")),
        ("July", "2001-05-04", ("month", "July", "2001-07")),
        ("Tuesday", "2001-05-04", ("day", "May 1, 2001", "2001-05-01")),
        ("later this month", "2001-05-04", ("month-year", "May 2001", "2001-05")),
        ("last year", "2001-05-04", ("year", "2000", "2000")),
    ],
)
def test_parse_date(text, published, expected):
    assert parse_date(text, published)[:3] == expected


@pytest.mark.parametrize(
    "text", ["four-day", "a decade", "today", "years", "Tuesday", "later this month", "may"]
)
def test_vague_and_unresolvable_dates_are_not_asked(text):
    assert parse_date(text, None) is None


def test_long_paragraphs_are_cut_at_sentence_ends_or_spaces_never_in_a_word() -> None:
    from quizgen.extract import _CHUNK_CHARS, _chunks

    run_on = ", ".join(f"Name{i} Surname{i}" for i in range(3000))  # no sentence end
    sentences = " ".join(f"Sentence number {i} ends here." for i in range(3000))
    for para in (run_on, sentences):
        chunks = list(_chunks(para))
        assert len(chunks) > 1
        assert all(len(c) <= _CHUNK_CHARS for c in chunks)
        assert " ".join(chunks).split() == para.split()
    assert all(c.endswith(".") for c in _chunks(sentences))
