"""Date expressions beyond the plain ones (issue 11): en/em-dash ranges and short end years,
date lists, seasons, and parts of a decade or century, each with its precision."""

from __future__ import annotations

import pytest

from quizgen._extract import extract_facts
from quizgen._extract._dates import date_part, parse_date, year_range
from quizgen._sources import Source


def _dates(text: str) -> list[tuple[str, str, str, bool, str | None]]:
    facts = extract_facts(Source(path="mem.txt", title="Mills", text=text))
    return [(d.answer, d.normalized, d.granularity, d.in_range, d.part) for d in facts.dates]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("The Orme Weaving Company made cloth during the war of 1914–1918.", ["1914", "1918"]),
        ("The Orme Weaving Company made cloth in the Great War (1914–18).", ["1914", "1918"]),
        ("The Orme Weaving Company made cloth in 1939—45 for the navy.", ["1939", "1945"]),
        ("The Orme Weaving Company made cloth in 1898–1902 for the army.", ["1898", "1902"]),
        ("The Orme Weaving Company made cloth in 1998–02 for the army.", ["1998", "2002"]),
    ],
)
def test_dash_ranges_give_both_years(text, years):
    assert _dates(text) == [(y, y, "year", True, None) for y in years]


def test_two_ranges_in_one_sentence():
    found = _dates("The Dunmore Wool Company was open in 1914–18 and again in 1939–45.")
    assert [d[0] for d in found] == ["1914", "1918", "1939", "1945"]


@pytest.mark.parametrize(
    ("a", "dash", "b"),
    [("1995", "–", "1990"), ("1914", "–", "2"), ("12", "–", "18"), ("1914", "/", "18")],
)
def test_what_is_no_year_range(a, dash, b):
    assert year_range(a, dash, b) is None


def test_date_lists_give_each_date():
    found = _dates("The Brack Blanket Company lost its mills in 1923, 1925 and 1931.")
    assert found == [(y, y, "year", False, None) for y in ("1923", "1925", "1931")]


def test_seasons_parts_of_decades_and_centuries_keep_their_precision():
    found = _dates(
        "The Paris Commune was crushed in the spring of 1871. The Kestrel Bank grew fast in "
        "the mid-1990s. The Fenwick Canal Company was founded in the early 19th century."
    )
    assert found == [
        ("spring of 1871", "1871-21", "season", False, None),
        ("mid-1990s", "1990s", "decade", False, "mid"),
        ("early 19th century", "19C", "century", False, "early"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the spring of 1871", ("season", "spring of 1871", "1871-21")),
        ("autumn 1944", ("season", "autumn 1944", "1944-23")),
        ("the winter of 1709", ("season", "winter of 1709", "1709-24")),
        ("summer 2001", ("season", "summer 2001", "2001-22")),
    ],
)
def test_parse_season(text, expected):
    assert parse_date(text)[:3] == expected


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("the early 19th century", "early"),
        ("mid-1990s", "mid"),
        ("the late 1880s", "late"),
        ("the 1880s", None),
        ("1871", None),
    ],
)
def test_date_part(text, part):
    assert date_part(text) == part
