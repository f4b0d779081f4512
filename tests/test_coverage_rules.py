"""Rules that let more facts be asked (issue 12: every person, organization and date asked
once), each with a small input of its own: the years in brackets after a name, words that
only look like a speaker's "I", a sentence asked without its side remarks when it cannot
be asked whole."""

from __future__ import annotations

import re

import pytest

from quizgen._deck import Question
from quizgen._extract import extract_facts
from quizgen._generate import GenerateOptions, generate_planned
from quizgen._generate._candidates import fact_key
from quizgen._generate._fields import FactSlots, fact_slots
from quizgen._generate._lists import list_slots
from quizgen._generate._subjects import with_subject_clause
from quizgen._sources import Source
from wordings import facts_of, wordings

pytestmark = pytest.mark.slow  # spaCy parses every text


def _questions(text: str, plan: bool = True) -> list[Question]:
    source = Source(path="notes.txt", title="Notes", text=text)
    deck, _ = generate_planned(extract_facts(source), GenerateOptions(seed=1, plan=plan))
    return deck.questions


def _wordings(text: str) -> list[str]:
    return wordings(text, ("blanked", "clause"))


def test_the_years_in_brackets_after_a_name_in_prose_are_a_birth_and_a_death_asked_once():
    text = (
        "The chemist Marta Lind (1821–1890) studied the salts of the northern lakes.\n\n"
        "Her pupil Jon Berg (1850–1911) weighed them, and he praised Marta Lind (1821–1890)."
    )
    facts = facts_of(text)
    lives = {
        (i.fields["clause"], fact_key(i), i.fact_sentence)
        for i in fact_slots(facts)
        if i.kind == "date" and re.fullmatch(r"was .* born|did .* die", i.fields.get("clause", ""))
    }
    # each end of a life is a fact of its own, one however often the text gives it: the
    # second "(1821–1890)" is keyed to sentence 0, as the first
    assert lives == {
        ("was Marta Lind born", "date:1821@0", 0),
        ("did Marta Lind die", "date:1890@0", 0),
        ("was Jon Berg born", "date:1850@1", 1),
        ("did Jon Berg die", "date:1911@1", 1),
    }
    # the births first: a death is a side remark, asked where its sentence has room
    asked = {q.answer for q in _questions(text) if q.prompt.startswith("In what year was")}
    assert asked == {"1821", "1850"}
    candidates = [q.prompt for q in _questions(text, plan=False)]
    assert "In what year did Marta Lind die?" in candidates


def test_a_bracketed_life_may_end_on_a_day_follow_a_pronunciation_and_must_open_on_a_date():
    # "(1790 – March 3, 1860)": a year and a day; "(Swedish: [...]; 1850 – 1921)": a life
    # after the name's pronunciation; "(Socony – 1911)" opens on a name
    text = (
        "Her teacher Karl Berg (1790 – March 3, 1860) taught chemistry at Uppsala.\n\n"
        "Karin Holm (Swedish: [ˈkɑːrɪn hɔlm]; 1850 – 1921) was a botanist who studied mosses."
        "\n\nThe oil firm Nordic Fuel (Socony – 1911) grew quickly in the north."
    )
    clauses = {w for w in _wordings(text) if re.fullmatch(r"was .* born|did .* die", w)}
    # (extraction finds no date in "– 1921)" after a pronunciation: only the birth is here)
    assert clauses == {"was Karl Berg born", "did Karl Berg die", "was Karin Holm born"}


def test_the_years_after_a_name_in_a_list_row_are_no_life():
    # rows under a heading give terms of office, not lives: no "born" question from them
    text = "Chairmen\n\nKarl Holm (1901–1920)\n\nJon Berg (1920–1935)"
    assert not [w for w in _wordings(text) if "born" in w]


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        # "US" is the country, not "us"
        (
            "US poet Ann Berg died in her Oslo home in 1990, her agent Tom Lund said in a letter.",
            "Tom Lund",
        ),
        # a song title in capitals is no one speaking
        (
            "The best-known song of Ann Berg was a 1979 duet with the Danish singer Nils Dahl,"
            " I Saw You There (for Me).",
            "Nils Dahl",
        ),
    ],
)
def test_words_that_only_look_like_a_speakers_i_do_not_stop_a_wording(text, answer):
    assert any(answer not in w and "_____" in w for w in _wordings(text))
    assert answer in [q.answer for q in _questions(text, plan=False)]


def test_a_speakers_own_i_still_stops_a_wording():
    text = "Then I met the painter Tom Lund at the Oslo harbour in 1980, long before the war."
    assert not [w for w in _wordings(text) if " I met" in w]


def test_a_capitalized_word_of_a_quotation_is_no_person_to_ask():
    text = 'The botanist Eva Holm wrote that each "Room, Bubble, or Hall" of the cork was closed.'
    assert "Bubble" not in [q.answer for q in _questions(text, plan=False)]


def test_a_sentence_refused_whole_is_asked_without_its_side_remarks():
    # over sixty words whole; without the remark that names another fact (its date) it stands
    text = (
        "Karl Holm, a chemist who had studied salts, minerals, metals, glass, paper, dyes,"
        " soaps, inks and oils at three universities in Norway, Sweden and Denmark for many"
        " years before he opened a small laboratory of his own near the harbour of the town"
        " in 1890, founded the Bergen Salt Company with a brother, two cousins and an old"
        " friend from school."
    )
    assert any(w.startswith("_____ founded the Bergen Salt Company") for w in _wordings(text))


def test_a_side_remark_inside_brackets_is_never_cut_out_of_them():
    text = (
        "Anna Holm was born in Bergen on May 2, 1754, the daughter of Per Holm (1704–1787), a"
        " clerk in the service of King Olav of Norway, (1710–1774, reigned 1715–1774), and"
        " Marie Holm, a teacher."
    )
    assert not [w for w in _wordings(text) if re.search(r"\(\d{4} \)|\(\d{4} reigned", w)]


def test_a_life_is_asked_only_by_the_full_name_it_follows():
    # "Pierre Berg" is the father here, and the son's short name too: no "born" question
    text = (
        "Pierre Charles Berg was born in Paris in 1754, the son of Pierre Berg (1704–1787), a"
        " painter in the service of the king."
    )
    assert not [w for w in _wordings(text) if w.endswith("born")]


def test_a_date_is_asked_without_the_person_at_whose_request_it_happened():
    # "at the request of X" says who acted, as "by X" does: the date's question leaves it
    # out, so that the person can be asked from the same sentence
    text = (
        "In 1931, Sweden signed a trade treaty with Norway at the request of President Karl Holm."
    )
    prompts = {q.prompt: q.answer for q in _questions(text)}
    assert prompts.get("In what year did Sweden sign a trade treaty with Norway?") == "1931"
    assert "Karl Holm" in prompts.values()


def test_a_phrase_that_says_which_committee_stays_in_its_question():
    text = "In 1929, the committee, under the chairmanship of Jon Berg, proposed a new trade plan."
    assert not [w for w in _wordings(text) if w.startswith("did the committee propose")]
    # cut out of a simplified sentence, the remark takes both its commas
    assert not [w for w in _wordings(text) if "committee, proposed" in w]


LIST = (
    "The painter Anna Berg taught in Oslo for thirty years. Her best pupils were Karl Holm,"
    " Nils Dahl and Jon Lund, who painted the harbour of the town."
)


def test_a_list_of_names_is_asked_as_one_and_asks_each_of_them():
    source = Source(path="notes.txt", title="Notes", text=LIST)
    deck, plan = generate_planned(extract_facts(source), GenerateOptions(seed=1))
    prompts = {q.prompt: q.answer for q in deck.questions}
    assert prompts.get(
        "Anna Berg’s best pupils were _____, who painted the harbour of the town."
    ) == ("Karl Holm, Nils Dahl and Jon Lund")
    # one blank for three people: none of them is left unasked, nor asked again beside it
    assert plan.unasked == []
    assert sum("Karl Holm" in q.answer for q in deck.questions) == 1
    assert plan.summary().startswith(
        "4 facts, 4 asked"
    )  # Berg and three pupils: the list is theirs


def test_a_list_of_bodies_keeps_their_articles_in_its_blank():
    text = (
        "The Oslo Trading Company was formed as a joint venture between the Bergen Bank,"
        " the Oslo Savings Bank and the Norwegian Shipping Company in 1912."
    )
    facts = facts_of(text)
    answers = [i.fields["answer"] for i in list_slots(facts)]
    assert [a for a in answers if "Oslo Savings Bank, and the" in a or "Bank and the" in a]


@pytest.mark.parametrize(
    "text",
    [
        # the list goes on past its names: "the mayor" is no one to blank with them
        "Famous painters such as Karl Holm, Nils Dahl, and the mayor of the town were members.",
        # a list that started before the names found ("Oslo, ...") is no list of them
        "The painters met in Oslo, Karl Holm, Nils Dahl and Jon Lund among them, in 1901.",
    ],
)
def test_part_of_a_list_is_not_asked_as_the_list(text):
    facts = facts_of(text)
    assert not list(list_slots(facts))


def test_a_list_that_is_the_subject_is_asked_who_with_its_plural_verb():
    text = (
        "The painter Anna Berg taught in Oslo for thirty years. Karl Holm and Nils Dahl were"
        " convicted of forging the paintings of Anna Berg."
    )
    prompts = {q.prompt: q.answer for q in _questions(text)}
    assert prompts.get("Who were convicted of forging the paintings of Anna Berg?") == (
        "Karl Holm and Nils Dahl"
    )


TERMS = (
    "The Oslo Salt Company made salt on the coast of Norway for a century.\n\n"
    "{heading}\n\n"
    "Karl Holm (1901–1920)\n"
    "Nils Dahl (1920–1935)\n"
)


def _titled(text: str, title: str) -> list[Question]:
    source = Source(path="notes.txt", title=title, text=text)
    return generate_planned(extract_facts(source), GenerateOptions(seed=1))[0].questions


def test_the_holders_of_a_post_listed_with_their_years_are_asked_with_their_terms():
    questions = _titled(TERMS.format(heading="Directors"), "Oslo Salt Company")
    prompts = {q.prompt: q.answer for q in questions}
    assert prompts.get("Who was director of Oslo Salt Company from 1920 to 1935?") == "Nils Dahl"
    facts = extract_facts(
        Source(path="n.txt", title="Oslo Salt Company", text=TERMS.format(heading="Directors"))
    )
    clauses = {i.fields.get("clause") for i in fact_slots(facts) if i.kind == "date"}
    assert "did Karl Holm become director of Oslo Salt Company" in clauses


@pytest.mark.parametrize(
    ("heading", "title"),
    [("Painters", "Oslo Salt Company"), ("Directors", "Notes on salt")],
)
def test_years_in_a_list_are_no_term_without_a_post_and_its_organization(heading, title):
    # a list of painters gives lives; a title that is no organization says not whose post
    questions = _titled(TERMS.format(heading=heading), title)
    assert not [q for q in questions if " of Oslo Salt Company" in q.prompt]


def test_a_terms_first_year_told_elsewhere_of_its_holder_is_asked_there_only():
    text = "Karl Holm founded the Oslo Salt Company in 1901.\n\n" + TERMS.format(
        heading="Directors"
    )
    facts = extract_facts(Source(path="n.txt", title="Oslo Salt Company", text=text))
    clauses = {i.fields.get("clause") for i in fact_slots(facts) if i.kind == "date"}
    roles = {i.fields.get("role_np") for i in fact_slots(facts) if i.kind == "actor"}
    assert "did Karl Holm become director of Oslo Salt Company" not in clauses
    assert "director of Oslo Salt Company from 1901 to 1920" not in roles
    assert "director of Oslo Salt Company from 1920 to 1935" in roles  # Nils Dahl's row


def _subject_clause(blanked: str) -> str | None:
    """The subject clause `_subjects` finds in a blanked wording whose blank is the subject."""
    item = FactSlots(
        kind="organization",
        key="Bergen Fishery Board",
        fields={"answer": "Bergen Fishery Board", "blanked": blanked},
        accept={},
        context="",
        order=(0, 0),
        source="notes.txt",
        subjects={blanked: "subject"},
    )
    return with_subject_clause(item).fields.get("subject_clause")


def test_a_subject_with_a_remark_set_off_after_it_is_asked_without_the_remark():
    # "The _____, the regulator of the fisheries, must still approve ...": a real question,
    # "Which board must still approve ...?", where a cloze was the only form
    blanked = (
        "The _____, the regulator of the coastal fisheries, must still approve the transfer "
        "of the fishing licences, a step that usually takes about eight weeks."
    )
    assert _subject_clause(blanked) == (
        "must still approve the transfer of the fishing licences, a step that usually takes "
        "about eight weeks"
    )
    # what the subject says of itself stays: "said it did not expect"
    said = "_____, which owns the old docks, said it did not expect the sale to change much."
    assert _subject_clause(said) == "said it did not expect the sale to change much"


def test_a_remark_left_out_must_not_take_the_referent_of_an_it_with_it():
    # "Dahl, who became the society's president, led it for decades": "Who led it?" dangles
    blanked = "_____, who became the Bergen Song Society's president, led it for four decades."
    assert _subject_clause(blanked) is None


def test_a_life_calls_its_subject_by_bare_surname_though_kinsmen_share_it():
    # a life of Nils Dahl: "Dahl visited Paris in 1886" is him, his brother Karl Dahl or not
    source = Source(
        path="notes.txt",
        title="Nils Dahl",
        text=(
            "Nils Dahl was a Norwegian shipowner. His brother Karl Dahl ran a bakery in "
            "Bergen. Dahl visited Paris and Lyon in 1886 to buy new engines."
        ),
    )
    deck, _ = generate_planned(extract_facts(source), GenerateOptions(seed=1, plan=False))
    assert any(q.answer == "1886" and "Dahl" in q.prompt for q in deck.questions), [
        q.prompt for q in deck.questions
    ]
