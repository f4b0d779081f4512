"""Extraction with the real spaCy model: one actor per person, roles, quotes, organizations, dates."""

from __future__ import annotations

import pytest

from quizgen import Source, extract_facts
from quizgen._extract._dates import parse_date

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


@pytest.mark.slow
def test_one_actor_per_person_with_short_forms_as_aliases(facts):
    putin = next(a for a in facts.actors if "Putin" in a.name)
    assert putin.name == "Vladimir V. Putin"
    assert "Putin" in putin.aliases
    assert sum("Putin" in a.name for a in facts.actors) == 1


@pytest.mark.slow
def test_titles_and_appositives_become_roles(facts):
    roles = {a.name: [r.text for r in a.roles] for a in facts.actors}
    assert "Chinese Foreign Minister" in roles["Tang Jiaxuan"]
    assert "Russian Deputy Foreign Minister" in roles["Alexander Losyukov"]
    assert any("senior analyst" in r for r in roles["Vladimir S. Myasnikov"])
    myasnikov = next(a for a in facts.actors if a.name == "Vladimir S. Myasnikov")
    assert any(r.org == "Far East Institute" for r in myasnikov.roles)


@pytest.mark.slow
def test_quotes_are_attributed(facts):
    losyukov = next(a for a in facts.actors if a.name == "Alexander Losyukov")
    assert losyukov.quotes and losyukov.quotes[0].text.startswith("We find a common language")


@pytest.mark.slow
def test_organizations_are_canonical_and_places_are_not_organizations(facts):
    names = [o.name for o in facts.organizations]
    assert "North Atlantic Treaty Organization" in names
    assert "Far East Institute" in names
    everything = names + [a.name for a in facts.actors]
    for place in ("Moscow", "China", "Russia", "Chinese", "Russian"):
        assert place not in everything


@pytest.mark.slow
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
        ("Friday", "2001-05-04", ("day", "May 4, 2001", "2001-05-04")),
        ("last Friday", "2001-05-04", ("day", "April 27, 2001", "2001-04-27")),
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
    from quizgen._extract import _CHUNK_CHARS, _chunks

    run_on = ", ".join(f"Name{i} Surname{i}" for i in range(3000))  # no sentence end
    sentences = " ".join(f"Sentence number {i} ends here." for i in range(3000))
    for para in (run_on, sentences):
        chunks = list(_chunks(para))
        assert len(chunks) > 1
        assert all(len(c) <= _CHUNK_CHARS for c in chunks)
        assert " ".join(chunks).split() == para.split()
    assert all(c.endswith(".") for c in _chunks(sentences))


# --- organizations: what the small model gets wrong, and what must stay right -------------


def _found(text: str):
    facts = extract_facts(Source(path="mem.txt", title="T", text=text))
    orgs = {o.name: o for o in facts.organizations}
    actors = {a.name: a for a in facts.actors}
    return orgs, actors


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "person"),
    [
        # an appositive that only a person can be
        (
            "Early in 1953 Linus Pauling, a chemist at the California Institute of Technology "
            "(Caltech), proposed a three-stranded structure of his own.",
            "Linus Pauling",
        ),
        # a role noun before the name
        (
            "In 1901 he shared the first Nobel Peace Prize with the French economist and peace "
            "campaigner Frédéric Passy.",
            "Frédéric Passy",
        ),
        # a first name the tagger left out of the span
        (
            "In 1944 Oswald Avery and his colleagues at the Rockefeller Institute in New York "
            "showed that purified DNA could pass an inherited trait.",
            "Oswald Avery",
        ),
        # a class noun that does not modify the name says nothing about it
        ("The company Henry Ford built in Detroit grew fast.", "Henry Ford"),
        # only a person takes "who"
        (
            "Under Roux, who directed it from 1904 to 1933, the institute opened branches abroad.",
            "Roux",
        ),
    ],
)
def test_a_person_never_becomes_an_organization(text, person):
    orgs, actors = _found(text)
    assert person in actors
    assert not any(person.split()[-1] in name for name in orgs), orgs


@pytest.mark.slow
def test_an_appositive_role_keeps_its_brackets_balanced_and_short_forms_link():
    orgs, actors = _found(
        "Early in 1953 Linus Pauling, a chemist at the California Institute of Technology "
        "(Caltech), proposed a three-stranded structure of his own."
    )
    assert list(orgs) == ["California Institute of Technology"]
    assert orgs["California Institute of Technology"].aliases == ["Caltech"]
    role = actors["Linus Pauling"].roles[0].text
    assert role.count("(") == role.count(")") == 1


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "not_org"),
    [
        (
            "Countries agreed to share records, because water shortages now reach Alpine "
            "valleys. Norway joined although it has no Alpine glaciers.",
            "Alpine",
        ),
        (
            "He and the veterinarian Camille Guérin developed the BCG vaccine against tuberculosis.",
            "BCG",
        ),
        # "Relief" + "to the Wounded": one name, not a second organization called "Wounded"
        (
            "The group called itself the International Committee for Relief to the Wounded, "
            "and Dufour became its first president.",
            "Wounded",
        ),
        # a program and its short form are not organizations
        (
            "The Marshall Plan, known officially as the European Recovery Program (ERP), was "
            "an aid effort.",
            "ERP",
        ),
        # "King's" is short for the college, not an organization called "King"
        (
            "At King's College London, the Medical Research Council had set up a biophysics "
            "unit. Bragg told them to leave DNA to King's.",
            "King",
        ),
    ],
)
def test_adjectives_products_and_stray_words_are_not_organizations(text, not_org):
    orgs, _ = _found(text)
    assert not any(not_org in o.names for o in orgs.values()), orgs


@pytest.mark.slow
def test_real_one_word_organizations_and_acronyms_stay():
    orgs, _ = _found(
        "Engineers at Google said on Monday that NATO had asked for help. "
        "Max Perutz led an MRC group at the Cavendish."
    )
    assert {"Google", "NATO", "MRC"} <= set(orgs)
    # a company that is also a common word the text uses
    orgs, _ = _found(
        "Shell said on Monday that it would sell the unit. The buyer is a shell company "
        "registered abroad. Analysts expect Shell to raise its dividend."
    )
    assert "Shell" in orgs


@pytest.mark.slow
def test_a_name_cut_at_a_preposition_is_joined():
    orgs, _ = _found(
        "The group called itself the International Committee for Relief to the Wounded, "
        "and Dufour became its first president."
    )
    assert "International Committee for Relief to the Wounded" in orgs


@pytest.mark.slow
def test_a_possessive_short_form_is_an_alias():
    orgs, _ = _found(
        "At King's College London, the Medical Research Council had set up a biophysics "
        "unit. Bragg told them to leave DNA to King's."
    )
    assert orgs["King's College London"].aliases == ["King's"]


@pytest.mark.slow
def test_a_part_and_its_whole_are_two_organizations():
    orgs, _ = _found(
        "James Watson arrived at the Cavendish Laboratory of the University of Cambridge "
        "in the autumn of 1951."
    )
    assert orgs["Cavendish Laboratory"].part_of == "University of Cambridge"
    assert orgs["University of Cambridge"].part_of is None
    # a place after "of" is part of the name, not a second organization
    orgs, _ = _found("Calmette later led the Pasteur Institute of Lille.")
    assert list(orgs) == ["Pasteur Institute of Lille"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "org"),
    [
        # an appositive with an organization class noun outweighs "at" before the name
        (
            "Marco Bernasconi, a senior engineer at Rhonewerk Energie, a Swiss hydropower "
            "operator with dams in the Valais, said sharper forecasts would help.",
            "Rhonewerk Energie",
        ),
        ("Their one-page paper was printed in Nature on April 25, 1953.", "Nature"),
        ("The trial was published in The Lancet in May.", "Lancet"),
        # "at" before a name is a place, unless people work there
        ("Analysts at Goldman Sachs said the deal was fair.", "Goldman Sachs"),
        # an investor or an asset manager can be a company: not a person's noun
        ("SoftBank, an investor in the startup, agreed to the sale.", "SoftBank"),
        ("The deal was opposed by the union Unite and approved by the regulator.", "Unite"),
        (
            "An analyst at Harrow & Finch, the stockbroker, Priya Natarajan, said investors "
            "had feared the deal.",
            "Harrow & Finch",
        ),
    ],
)
def test_class_nouns_and_publishing_make_organizations(text, org):
    orgs, _ = _found(text)
    assert org in orgs, orgs


@pytest.mark.slow
def test_acronyms_in_brackets_link_when_the_parse_splits_the_name():
    orgs, _ = _found(
        "In 1961 the OEEC was reorganized as the Organisation for Economic Co-operation and "
        "Development (OECD), and later worked with the World Health Organization (WHO)."
    )
    assert orgs["Organisation for Economic Co-operation and Development"].aliases == ["OECD"]
    assert orgs["World Health Organization"].aliases == ["WHO"]
    # the bracketed short form defines an alias; it is not a second mention in that sentence
    assert len(orgs["World Health Organization"].mentions) == 1


@pytest.mark.slow
def test_a_name_tagged_org_more_often_than_person_is_an_organization():
    orgs, actors = _found(
        "Britain's watchdog cleared the merger of Pennine Freight and Humber Logistics. "
        "Pennine Freight, founded in 1994 when the old state railway's freight arm was sold "
        "off, will pay about 410 million pounds in cash and shares for Humber Logistics. "
        "Tomasz Wojcik has run Pennine Freight since 2019."
    )
    assert "Pennine Freight" in orgs
    assert "Pennine Freight" not in actors


@pytest.mark.slow
def test_a_numbered_thing_after_a_name_is_not_part_of_it():
    _, actors = _found(
        "James Watson came to London. In January 1953 Maurice Wilkins showed Watson "
        "Photograph 51 without Rosalind Franklin's knowledge."
    )
    assert not any("Photograph" in name for name in actors), actors


@pytest.mark.slow
def test_a_short_form_follows_its_full_name_and_brackets_belong_to_the_nearest_name():
    orgs, actors = _found(
        "Google said that it would buy Lumina Robotics, a Boston startup. Lumina was spun out "
        "of the Computer Science and Artificial Intelligence Laboratory of the Massachusetts "
        "Institute of Technology (MIT) in 2016. Its founder will report to Demis Hassabis, "
        "the head of Google DeepMind."
    )
    assert orgs["Lumina Robotics"].aliases == ["Lumina"]
    assert "Lumina" not in actors
    # "Google" came first on its own: a different organization from Google DeepMind
    assert orgs["Google"].aliases == [] and orgs["Google DeepMind"].aliases == []
    assert orgs["Massachusetts Institute of Technology"].aliases == ["MIT"]
    lab = orgs["Computer Science and Artificial Intelligence Laboratory"]
    assert lab.aliases == [] and lab.part_of == "Massachusetts Institute of Technology"
    assert "Demis Hassabis" in actors and "Demis Hassabis" not in orgs


@pytest.mark.slow
def test_a_surname_tagged_org_is_a_mention_of_that_person():
    orgs, actors = _found(
        "Maurice Wilkins had begun photographing DNA fibres in 1950. Their paper was printed "
        "in Nature on April 25, 1953, alongside papers by Wilkins and his co-workers."
    )
    assert "Wilkins" not in orgs
    # the second mention is what lets "his co-workers" find its person
    assert len(actors["Maurice Wilkins"].mentions) == 2


@pytest.mark.slow
def test_a_sentence_the_splitter_cut_is_joined_up_again() -> None:
    text = (
        "Henry Dunant was travelling in northern Italy in June 1859 when he reached the town of"
        " Castiglione delle Stiviere, near the battlefield of Solferino. The battle was over.\n\n"
        "In February 1863 the society appointed a committee of five to study them: Dunant,"
        " Moynier, Dufour, Louis Appia and Théodore Maunoir.\n"
    )
    facts = extract_facts(Source(path="s.txt", title="t", text=text))
    texts = [s.text for s in facts.sentences]
    assert any(
        t.endswith("Castiglione delle Stiviere, near the battlefield of Solferino.") for t in texts
    )
    assert any(t.startswith("In February 1863") and t.endswith("Théodore Maunoir.") for t in texts)
    assert "The battle was over." in texts


@pytest.mark.slow
def test_light_tokens_read_from_arrays_match_spacys_tokens() -> None:
    """`_Parsed` reads the Doc's columns at once (`Doc.to_array`): each token must be what
    spaCy's Token says, heads before and after it (an offset stored unsigned), trailing
    spaces, lemmas, entity labels, and the quote flags of straight and curly quotes."""
    from quizgen._extract import _Parsed, load_model

    text = (
        "Dr. Ada Okafor, who led the Harbour Trust in 1998, said “we will build it.” "
        'Her deputy replied "not yet"  and left  Lagos.'
    )
    doc = next(load_model().pipe([text]))
    parsed = _Parsed()
    parsed.add(doc, 0)
    tokens = [t for s in parsed.sentences for t in s.tokens]
    assert len(tokens) == len(doc) and len(parsed.sentences) >= 2
    start = 0
    for sentence in parsed.sentences:
        for t in sentence.tokens:
            d = doc[start + t.i]
            assert (t.text, t.ws, t.lemma, t.pos, t.tag, t.dep, t.ent) == (
                d.text,
                d.whitespace_,
                d.lemma_,
                d.pos_,
                d.tag_,
                d.dep_,
                d.ent_type_,
            )
            assert start + t.head == d.head.i and t.lower_text == d.lower_
        start += len(sentence.tokens)
    quoted = [t.text for t in tokens if t.quoted]
    assert quoted[:2] == ["“", "we"] and "not" in quoted and "Lagos" not in quoted
