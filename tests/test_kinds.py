"""Issue 11: every name under its kind, by its whole name, with its roles and salience.

One small input per kind of fault, through the real spaCy model; the people and the
organizations found are asserted exactly, and what is neither lands in Facts.others.
"""

from __future__ import annotations

import pytest

from quizgen import Source, extract_facts


def _facts(text: str, title: str = "Notes"):
    return extract_facts(Source(path="mem.txt", title=title, text=text))


def _kinds(text: str) -> tuple[list[str], list[str], dict[str, str]]:
    facts = _facts(text)
    others = {o.name: o.kind for o in facts.others}
    return [a.name for a in facts.actors], [o.name for o in facts.organizations], others


def test_an_office_is_no_organization_and_a_long_name_stays_whole() -> None:
    actors, orgs, _ = _kinds(
        "The United Nations High Representative for Bosnia and Herzegovina visited Sarajevo. "
        "The Society for the Protection of Ancient Buildings was founded by William Morris."
    )
    assert orgs == ["Society for the Protection of Ancient Buildings"]
    assert actors == ["William Morris"]


def test_a_ruler_known_by_an_epithet_is_a_person() -> None:
    actors, orgs, _ = _kinds("Catherine the Great founded the Smolny Institute in 1764.")
    assert actors == ["Catherine the Great"]
    assert orgs == ["Smolny Institute"]


def test_an_armed_force_is_an_organization() -> None:
    facts = _facts("The Russian navy sailed into the Black Sea in 1905.")
    assert [(o.name, o.subtype) for o in facts.organizations] == [("Russian navy", "armed force")]


def test_a_short_form_is_a_mention_of_the_full_name_the_text_gave() -> None:
    facts = _facts(
        "The U.S. House of Representatives passed the bill in 1913. The House then adjourned."
    )
    [house] = facts.organizations
    assert (house.name, house.aliases, house.subtype) == (
        "U.S. House of Representatives",
        ["House"],
        "legislature",
    )
    assert len(house.mentions) == 2


def test_names_with_particles_are_people() -> None:
    actors, _, _ = _kinds(
        "In 1948 Omar al-Rashid opened a shop.\n\nIn 1950 Hassan el-Amin joined him.\n\n"
        "In 1962 Ludwig van Hal met Anna Weiss-Berger."
    )
    assert actors == ["Omar al-Rashid", "Hassan el-Amin", "Ludwig van Hal", "Anna Weiss-Berger"]


def test_two_people_who_share_a_first_name_stay_two() -> None:
    facts = _facts("King John sealed a charter in 1215. John Wesley preached in Bristol.")
    assert [(a.name, a.aliases, [r.text for r in a.roles]) for a in facts.actors] == [
        ("King John", [], ["King"]),
        ("John Wesley", [], []),
    ]


def test_coordinated_names_before_administrations_are_people() -> None:
    actors, orgs, _ = _kinds("The Taft, Wilson, and Harding administrations opposed the plan.")
    assert actors == ["Taft", "Wilson", "Harding"]
    assert orgs == []


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Pioneer 10 flew past Neptune in 1989.", "Neptune", "place"),
        ("Pioneer 10 flew past Neptune in 1989.", "Pioneer 10", "vehicle"),
        ("The Moon rose over the hills as they watched.", "Moon", "place"),
        ("King John sealed the Magna Carta in 1215.", "Magna Carta", "work"),
        ("Protesters gathered in Alexanderplatz in 1989.", "Alexanderplatz", "facility"),
        ("Neil Armstrong commanded Apollo 11 in 1969.", "Apollo 11", "vehicle"),
        ("The Liberal Democrats of the period opposed the plan.", "Democrats", "group"),
        ("Wesley was a Methodist preacher in Bristol.", "Methodist", "group"),
        ("The coffin left Waterloo Station on HMY Alberta.", "HMY Alberta", "vehicle"),
        ("The coffin left Waterloo Station on HMY Alberta.", "Waterloo Station", "facility"),
        # plural documents, groups of states, meetings named for a place, ships (issue 11)
        ("The Dawes and Young Plans offered a solution in 1929.", "Dawes and Young Plans", "work"),
        ("The U.S. lent money to the Allied Powers in 1917.", "Allied Powers", "group"),
        ("At the Lausanne Conference in 1932, the nations agreed.", "Lausanne Conference", "event"),
        ("The Confederacy purchased the CSS Alabama in 1862.", "CSS Alabama", "vehicle"),
    ],
)
def test_what_is_neither_person_nor_organization_keeps_its_own_kind(
    text: str, name: str, kind: str
) -> None:
    actors, orgs, others = _kinds(text)
    assert name not in actors + orgs
    assert others.get(name) == kind


def test_a_foreign_rank_is_no_organization() -> None:
    actors, orgs, _ = _kinds("Hauptmann, Captain, Karl Weber commanded the unit in 1916.")
    assert orgs == []
    assert actors == ["Karl Weber"]


def test_roles_come_from_appositives_after_the_name_and_nouns_before_it() -> None:
    facts = _facts(
        "Margaret Thatcher, the Prime Minister of the United Kingdom, met the press. "
        "Mikhail Kalinin, the Chairman of the Presidium of the Supreme Soviet, signed it. "
        "The merchant Hans Sloane collected books."
    )
    roles = {a.name: [r.text for r in a.roles] for a in facts.actors}
    assert roles == {
        "Margaret Thatcher": ["the Prime Minister of the United Kingdom"],
        "Mikhail Kalinin": ["the Chairman of the Presidium of the Supreme Soviet"],
        "Hans Sloane": ["merchant"],
    }


def test_salience_ranks_the_headline_and_the_subject_first_and_json_carries_kinds() -> None:
    facts = _facts(
        "Florence Nightingale nursed soldiers in 1854. Sidney Herbert had sent her there. "
        "Nightingale worked with the Royal Society on the reports. Nightingale died in 1910.",
        title="Florence Nightingale and the war",
    )
    by_name = {a.name: a.salience for a in facts.actors}
    # mentions 3 + headline 3 + lead 2 + subject 3 x 0.5; mention 1 + lead 2 + subject 0.5
    assert by_name == {"Florence Nightingale": 9.5, "Sidney Herbert": 3.5}
    data = facts.to_dict()
    society = data["organizations"][0]
    assert (society["name"], society["kind"], society["subtype"]) == (
        "Royal Society",
        "organization",
        None,
    )
    assert data["actors"][0]["kind"] == "actor"
    assert data["actors"][0]["salience"] == 9.5


def test_a_legislature_named_by_one_word_is_an_organization() -> None:
    facts = _facts(
        "The plan was attacked in Congress in 1912. Robert Owen steered it through the Senate."
    )
    assert [(o.name, o.subtype) for o in facts.organizations] == [
        ("Congress", "legislature"),
        ("Senate", "legislature"),
    ]


def test_people_the_tagger_files_as_organizations_by_their_shape() -> None:
    actors, orgs, _ = _kinds(
        "Foreign monarchs were present, including Kaiser Wilhelm of Germany.\n\n"
        "It drew on the investigations of Pierre-Simon Laplace."
    )
    assert orgs == []
    assert "Pierre-Simon Laplace" in actors and any(a.startswith("Kaiser Wilhelm") for a in actors)
