"""Distractors a student has to think about, statements that read true, and the facts
`generate` leaves unasked (issue 12, parts 3, 4 and the `facts` listing): each rule with a
small text of its own."""

from __future__ import annotations

import json
import random

import pytest

from quizgen._extract import extract_facts
from quizgen._generate import GenerateOptions, generate
from quizgen._generate._distractors import (
    Pool,
    choice_options,
    org_family,
    pick,
    pick_of_kind,
    same_form,
    same_post,
)
from quizgen._sources import Source


def _deck(text: str, **options):
    source = Source(path="notes.txt", title="Notes", text=text)
    return generate(extract_facts(source), GenerateOptions(seed=1, **options))


@pytest.mark.slow
def test_facts_lists_the_facts_generate_leaves_unasked(cli, tmp_path):
    # four facts in one sentence: at most two are asked from it, the rest are listed
    source = tmp_path / "a.txt"
    source.write_text(
        "The Vell Company\n\nIn 1950, Anna Berg founded the Vell Company and the Lorn Bank"
        " with Peter Hald in Oslo.\n",
        encoding="utf-8",
    )
    table = cli("facts", str(source))
    assert table.returncode == 0, table.stderr
    listed = table.stdout.split("LEFT UNASKED BY GENERATE (")[1].splitlines()
    count = int(listed[0].split(")")[0])
    assert count >= 2 and len(listed) == count + 1
    assert all(": " in line and line.startswith("  ") for line in listed[1:])
    data = json.loads(cli("facts", str(source), "--json").stdout)
    assert [u["fact"] for u in data["unasked"]] == [
        line.split(": ")[0].strip() for line in listed[1:]
    ]
    assert all(u["reason"] for u in data["unasked"])


def test_an_organization_is_offered_organizations_of_its_own_kind():
    pools = {
        "org:company": Pool(["Vell Company", "Lorn Bank", "Harlow Railway", "Oslo Motors"]),
        "org:party": Pool(["Green Party", "Labour Party"]),
        "org:government body": Pool(["Ministry of Transport", "Rail Office"]),
        "org:legislature": Pool(["Storting"]),
    }
    rng = random.Random(1)
    assert set(pick_of_kind("Vell Company", "company", pools, [], rng, 8)) == {
        "Lorn Bank",
        "Harlow Railway",
        "Oslo Motors",
    }
    # a ministry takes a legislature when the text has too few ministries, never a party
    assert set(pick_of_kind("Rail Office", "government body", pools, [], rng, 8)) == {
        "Ministry of Transport",
        "Storting",
    }
    assert pick_of_kind("Green Party", "party", pools, [], rng, 8) == ["Labour Party"]


def test_an_institute_without_a_subtype_is_a_research_body():
    assert org_family("Far East Institute", None) == "research body"
    assert org_family("Carnegie Moscow Center", None) == "research body"
    assert org_family("Kremlin", None) == ""
    assert org_family("Labour Party", "party") == "party"


@pytest.mark.slow
def test_choices_for_a_company_are_companies():
    deck = _deck(
        "Rail deal\n\nVell Motors bought a factory in Oslo in 1990.\n\n"
        "Lorn Motors sold its trains to a rival in 1991.\n\n"
        "Harlow Motors opened a plant in Bergen in 1992.\n\n"
        "Oslo Motors closed its last shop in 1993.\n\n"
        "The Green Party and the Labour Party opposed the deal in 1994.\n\n"
        "The Ministry of Transport approved it in 1995.\n",
        types=["choice"],
        kinds=["organization"],
    )
    companies = {"Vell Motors", "Lorn Motors", "Harlow Motors", "Oslo Motors"}
    asked = [q for q in deck.questions if q.answer in companies]
    assert len(asked) == 4
    for q in asked:
        assert set(q.choices) <= companies, q


def test_a_name_is_offered_names_written_like_it():
    pool = ["Bush", "Josef Stalin", "Mao", "Jiang Zemin", "Alexander Losyukov"]
    assert same_form("Tang Jiaxuan", pool) == ["Josef Stalin", "Jiang Zemin", "Alexander Losyukov"]
    assert same_form("Roux", ["Paul Ehrlich", "Pasteur", "Calmette", "Meister"]) == [
        "Pasteur",
        "Calmette",
        "Meister",
    ]


def test_a_post_is_offered_posts_of_its_domain_and_country():
    posts = [
        "Analyst of the Carnegie Moscow Center think tank",
        "Chinese President",
        "Russian Deputy Foreign Minister",
        "Russian Prime Minister",
        "Foreign Secretary",
        "Chief Engineer",
    ]
    # offices of state, Russian or of no country; never an analyst's post, never China's
    assert same_post("Russian President", posts) == [
        "Russian Deputy Foreign Minister",
        "Russian Prime Minister",
        "Foreign Secretary",
        "Chief Engineer",
    ]
    assert same_post("Senior Analyst", posts) == [posts[0], "Chief Engineer"]


def test_another_form_of_the_answer_is_no_option():
    # "Confederate" offered for "Confederacy" is the answer again (issue 12, second review)
    pool = Pool(["Confederate", "Union Army", "Ku Klux Klan", "Oslo City Council", "Lund"])
    for seed in range(10):
        picked = pick("Confederacy", pool, [], random.Random(seed), count=4)
        assert "Confederate" not in picked and len(picked) == 4


def test_a_relation_is_no_post_option():
    options = ["President Roosevelt's daughter", "Ohio Congressman", "former Kentucky Governor"]
    assert "President Roosevelt's daughter" not in same_post("U.S. President", options)


def test_two_options_sharing_most_words_are_not_offered_together():
    # "Harbour Trading Company of Lund" beside "Lund Harbour Trading Company": one firm twice
    drawn = [
        "Harbour Trading Company of Lund",
        "Lund Harbour Trading Company",
        "Visby Rope Works",
        "Ystad Salt Company",
    ]
    options = same_form("Kalmar Shipping Company", drawn)
    assert "Harbour Trading Company of Lund" in options
    assert "Lund Harbour Trading Company" not in options
    # ... nor one sharing most of the answer's words
    near = ["Kalmar Shipping Company Ltd", "Visby Rope Works", "Ystad Salt Company"]
    assert "Kalmar Shipping Company Ltd" not in same_form("Kalmar Shipping Company", near)
    # dates share their month by design
    days = ["June 6, 1947", "June 15, 1947", "June 25, 1947"]
    assert same_form("June 5, 1947", days) == days


def test_a_choice_is_made_only_of_names_of_the_answers_length():
    # a one-word name among full names is eliminated unread, and the reverse picks itself
    assert choice_options("Anna Berg", ["Karl Holm", "Nils Dahl", "Eva Lind"]) == [
        "Karl Holm",
        "Nils Dahl",
        "Eva Lind",
    ]
    assert choice_options("Anna Berg", ["Karl Holm", "Nils Dahl", "Lindqvist"]) == []
    assert choice_options("Lindqvist", ["Karl Holm", "Nils Dahl", "Eva Lind"]) == []
    assert choice_options("1947", ["1946", "1950", "1939"]) == ["1946", "1950", "1939"]
