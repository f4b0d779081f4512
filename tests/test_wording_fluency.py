"""Wordings that read on their own (issue 12, third blind review): no half of a word or a
range left where a part was cut, a life in brackets left out of a question about another
date, nothing that leans on the sentence before ("In that same year,", ", however,",
"Both had ..."), no subordinate clause asked as "Which Though president ...?". Each rule
with a small input of its own."""

from __future__ import annotations

import re

import pytest

from quizgen._generate._acronyms import spelled_by_acronym
from quizgen._generate._subjects import with_subject_clause
from wordings import slots, wordings

pytestmark = pytest.mark.slow  # spaCy parses every text


def _items(text: str):
    return slots(text, with_subject_clause)


def _wordings(text: str) -> list[str]:
    return wordings(text, ("blanked", "clause", "subject_clause"), with_subject_clause)


def test_a_cut_never_leaves_half_a_word_or_half_a_range():
    text = (
        "In 1871, Anna Lindqvist (1840–1902), a Swedish chemist, described the salts of the"
        " Vell spring.\n\n"
        "Lindqvist wrote many papers in the 1880s on the salts of the spring, including a 1884"
        " paper co-written with Peter Hald.\n\n"
    )
    wordings = _wordings(text)
    assert wordings
    for w in wordings:
        assert not re.search(r"\(\d{4} \)|\(\d{4}\)|–\)", w), w  # "(1840 )", "(1840)"
        assert not re.search(r"co-[.,]|co- ", w), w  # "a 1884 paper co-."
    # the life goes whole from a question about another date, and stays in its own cloze
    assert "In what year did Anna Lindqvist, a Swedish chemist, describe" in " ".join(
        f"{i.fields.get('wh', '')} {i.fields.get('clause', '')}" for i in _items(text)
    )
    assert any("(1840–_____)" in w for w in wordings)


def test_what_leans_on_the_sentence_before_is_left_out_or_refused():
    text = (
        "The Vell Company built a dam on the river in 1921.\n\n"
        "In that same year, the village was renamed Vellby in honour of Anna Lindqvist, who had"
        " raised the money for the dam.\n\n"
        "Neither the Harlow Council nor the Lorn Bank, however, wished to pay for the road.\n\n"
        "Lindqvist and Peter Hald both subsequently left the Vell Company.\n\n"
        "Both had withdrawn their objections to the dam by then, said the Harlow Council.\n\n"
    )
    wordings = _wordings(text)
    assert any(w.startswith("The village was renamed Vellby") for w in wordings), wordings
    assert any("Lorn Bank wished to pay" in w or "_____ wished to pay" in w for w in wordings)
    for w in wordings:
        assert not re.search(r"that same year|however|subsequently", w, re.I), w
        assert not w.startswith("Both"), w


def test_a_role_in_a_subordinate_clause_is_no_which_question():
    text = (
        "Though President Anna Lindqvist was open to the plan, several members of the Harlow"
        " Council opposed it.\n\n"
        "Lindqvist was the president of the Harlow Council from 1950 to 1961.\n\n"
    )
    for item in _items(text):
        assert not item.fields.get("role_noun", "").lower().startswith("though"), item.fields


def test_an_acronym_that_spells_the_blank_gives_it_away():
    # a blank over part of a name: the bracketed acronym spells it with the words after it
    said = "During the election, the _____ to Save the Harbour (CSH) printed leaflets."
    assert spelled_by_acronym(said, "Committee")
    assert not spelled_by_acronym(said, "Board")  # "B" is not what "CSH" opens with
    # an acronym of another name, or none, gives nothing away
    assert not spelled_by_acronym("The _____ met the Harlow Rail Board (HRB).", "Committee")
    assert not spelled_by_acronym("The _____ to Save the Harbour printed leaflets.", "Committee")


def test_a_pointing_word_after_a_phrase_set_before_is_the_subjects():
    text = (
        "The settlers built many small villages along the Vell river.\n\n"
        "In 1902 most of these villages, with up to 3,000 people, merged into one town.\n\n"
        "Despite this setback, the Lorn Company opened a mill on the river in 1903.\n\n"
    )
    wordings = _wordings(text)
    assert not [w for w in wordings if "these villages" in w]
    # a phrase set before the subject that points back goes (`_leaning`), the rest stays
    assert "The Lorn Company opened a mill on the river in _____." in wordings


def test_a_title_held_before_is_no_post_to_ask_for():
    text = (
        "Former Governor Anna Lindqvist opened the Vell bridge in 1931.\n\n"
        "Harbour Commissioner Peter Hald closed the Vell harbour in 1932.\n\n"
        "The road was paid for by former Lund County Governor Lisa Brandt in 1933.\n\n"
    )
    titles = {i.fields["answer"]: i.fields.get("title") for i in _items(text) if i.kind == "actor"}
    assert titles["Peter Hald"] == "Harbour Commissioner"
    assert titles["Anna Lindqvist"] is None  # "Former Governor": when, not what
    assert titles["Lisa Brandt"] == "Lund County Governor"


def test_a_name_with_a_participle_after_it_is_not_asked_who():
    # "Who removed from slave ships ... were put ashore?": the words after the blank are
    # the name's own, not what it did
    text = "The Lorn Bank founded in 1850 was sold to the Vell Company in 1921.\n"
    items = _items(text)
    assert any(i.fields.get("answer") == "Lorn Bank" for i in items)
    for item in items:
        assert not item.fields.get("subject_clause", "").startswith("founded"), item.fields


def test_a_cut_part_takes_the_comma_that_set_it_off_from_the_next_phrase():
    text = (
        "The Vell Company was formed as a joint venture between the Lorn Bank and the Harlow"
        " Steel Company, in order to build a railway to the coast.\n"
    )
    wordings = _wordings(text)
    assert any("was formed in order to build" in w for w in wordings), wordings
    assert not [w for w in wordings if "formed, in order" in w]


def test_a_simplified_sentence_keeps_its_main_verbs_subject():
    # the parser reads "Peter Hald" as the object of "reproduce": cut with its phrase
    text = (
        "Based upon the ferns’ ability to reproduce independently, Danish botanist Peter Hald"
        " (1850–1920) suggested in 1901 that ferns may have originated from ancestral algae"
        " living symbiotically inside a fungus.\n"
    )
    for w in _wordings(text):
        assert not w.startswith("Suggested"), w


def test_an_unnamed_them_as_what_the_statement_says_is_refused():
    text = (
        "The Vell Company built three ferries in 1920.\n\n"
        "Peter Hald and the Harlow Council sold them to Lisa Brandt.\n\n"
        "The Lorn Company built two tugs in 1921 and Anna Lindqvist sold them in 1925.\n\n"
    )
    wordings = _wordings(text)
    assert not [w for w in wordings if w.endswith("sold them to Lisa Brandt.")]
    # "them" after the things it stands for, in the same statement, reads right
    assert any("sold them in" in w for w in wordings)


def _questions(text: str) -> list[str]:
    """Every wording of `text`'s slots, the date questions as "wh clause"."""
    out = _wordings(text)
    for item in _items(text):
        f = item.fields
        out += [f"{f['wh']} {f[k]}" for k in ("clause", "clause_bare") if k in f and "wh" in f]
    return out


def test_a_cut_leaves_no_determiner_without_its_noun():
    # "broke out that August": cut the date and "that" stood before a comma
    text = (
        "When the flood came that April, Anna Lindqvist loaded boats with bread for the Vell"
        " Council and, with Peter Hald's help, rowed them to the village.\n\n"
        "Peter Hald was glad to accept this, which pleased the Lorn Company.\n\n"
    )
    for w in _questions(text):
        assert not re.search(r"\b(?:that|the|its),", w), w
        # the "and" is a coordination the parser missed: no "did ... bread, ... rowed them"
        assert not re.search(r"^In which month did .*, rowed", w), w
    # the determiner goes with its date: "When the flood came, Anna Lindqvist ..."
    assert any(w.startswith("When the flood came, Anna Lindqvist") for w in _wordings(text))
    # a pronoun "this" whose remark went is no determiner: the cut still reads
    assert "Peter Hald was glad to accept this." in " ".join(_wordings(text)) or any(
        w.startswith("Peter Hald was glad to accept this") for w in _wordings(text)
    )


def test_a_remark_cut_from_its_end_does_not_run_into_the_verb():
    text = (
        "The group, which first met on March 3, 1911, called itself the Vell Society, and Lisa"
        " Brandt became its first president.\n"
    )
    wordings = _wordings(text)
    assert not [w for w in wordings if re.search(r"which first met called", w)], wordings
    assert any("_____ became its first president" in w for w in wordings)


def test_adverbs_whose_phrase_went_do_not_close_a_question():
    text = "The Harlow Charter was amended many times by the Vell Council, most fully in 1950.\n"
    for w in _questions(text):
        assert not re.search(r", most fully[.?]?$", w), w
    # the adverbs go with the date they complete, and the rest still asks the council
    assert "The Harlow Charter was amended many times by the _____." in _questions(text)


def test_a_role_owned_by_someone_is_asked_who_and_a_remark_holding_the_verb_is_no_clause():
    text = (
        "Norway's chief negotiator, Anna Lindqvist, said the Vell Council had signed late.\n\n"
        "Its chair, Peter Hald, said a sale to Lorn Ports, a family-owned harbour operator,"
        " removed the concern.\n\n"
    )
    items = {i.fields["answer"]: i.fields for i in _items(text) if i.kind == "actor"}
    assert "role_noun" not in items["Anna Lindqvist"]  # no "Which Norway's chief negotiator"
    assert items["Anna Lindqvist"]["subject_clause"].startswith("said the Vell Council")
    hald = items["Peter Hald"]
    assert "role_noun" not in hald
    assert not hald.get("subject_clause", "").startswith("a family-owned"), hald


def test_a_question_prints_no_guessed_verb_stem_nor_a_sentence_opening_capital():
    text = (
        "Lisa Brandt unconditioned fear in Little Tom, who had been afraid of dogs, in 1924.\n\n"
        "One of Anna Lindqvist's songs, Blue River, won her the Vell Prize in 1968.\n\n"
        "Current Harlow mayor Peter Hald opened the new bridge over the Vell river in 1970.\n\n"
    )
    items = _items(text)
    said = " ".join(v for i in items for k, v in i.fields.items() if k != "blanked")
    # do-support on a verb the lemmatizer did not know prints its guess "unconditione"
    assert "unconditione " not in said, said
    assert "did one of Anna Lindqvist's songs" in said
    assert "did current Harlow mayor Peter Hald open" in said
    hald = next(i.fields for i in items if i.fields["answer"] == "Peter Hald")
    assert hald["role_noun"] == "current Harlow mayor", hald


def test_one_of_a_set_is_not_asked_including_whom():
    text = "Ten people lost their lives in the Lorn fire, including Karl Brandt, in 1931.\n"
    questions = [i.fields.get("wh_question", "") for i in _items(text)]
    assert not [q for q in questions if q.lower().startswith("including")], questions


def test_a_text_that_lost_a_word_before_a_comma_is_not_copied():
    from quizgen._generate._torn import misprinted

    assert misprinted("Lisa Brandt wrote two books: The Old , and _____ and Other Tales.")
    assert not misprinted("Lisa Brandt wrote two books, The Old Mill and _____.")


def test_a_remark_after_the_date_keeps_its_comma_and_stays_off_the_subject():
    text = (
        "Lisa Holm wrote many books about the Vell river.\n\n"
        "She was born in Lund on May 3, 1903, the youngest of five children of two farmers.\n\n"
    )
    said = " ".join(_questions(text))
    assert "On what date was Lisa Holm born in Lund, the youngest of five children" in said
    assert "Lund the youngest" not in said
    text = (
        "Anna Berg was born Anna Holm in Lund on May 3, 1901, the eldest of four children of a"
        " miller.\n"
    )
    for q in _questions(text):
        assert "Lund the eldest" not in q, q
        # the parser hangs "the eldest ..." on "Anna Berg": moved with her, it read "was
        # Anna Berg the eldest of four children of a millerborn Anna Holm in Lund"
        assert not re.search(r"Anna Berg the eldest|millerborn", q), q


# Fourth blind review: clauses cut out of long sentences, discourse markers left in.


def test_a_discourse_marker_is_left_out_of_a_question():
    said = _wordings(
        "The miners, however, held out until 1912, when the owners gave way.\n\n"
        "In particular, Clara Holm hoped the guild could grow.\n\n"
        "The town was then renamed Vellby in 1921.\n"
    )
    assert "did the miners hold out" in said, said
    assert "hoped the guild could grow" in said, said
    assert "was the town renamed Vellby" in said, said
    for w in said:
        assert not re.search(r"\bhowever\b|in particular|\bthen\b", w.lower()) or "_" in w, w


def test_a_cut_leaves_no_verb_bare_nor_half_a_range():
    said = _wordings(
        "Anna Berg taught at the Lund Museum from 1893 to 1925, and served as director of the"
        " museum in 1920–21.\n\n"
        "Anna Berg visited Norway twice: she lectured at the Royal Academy of Music in Oslo in"
        " 1904, and in 1909–1910 she visited the University of Bergen.\n"
    )
    assert said
    for w in said:
        assert not re.search(r"served (–|in _)|\bserved\W*$", w), w  # "and served –21."
        assert "lectured," not in w, w  # "she lectured, and in _____–1910 she visited"


def test_a_list_of_x_to_do_y_is_never_torn():
    said = _wordings(
        "In the 1930s, the city grew with the addition of the Harbor Trust to run the docks, the"
        " Rail Board to run the trains, the Water Company to supply the homes, and the Gas Board"
        " to light the streets.\n"
    )
    assert said
    for w in said:
        # cut, "grew, the Rail Board to run" or "did the city grow ... the trains" (the list
        # ending after its second item); "the docks to run the trains": an item lost
        assert "grew," not in w and "docks to run" not in w, w
        assert w.endswith("to light the streets."), w


def test_a_comma_closing_a_remark_before_the_subject_is_not_kept_before_the_verb():
    said = _wordings(
        "In 1881, after the vote, the failed banker Peter J. Lund, shot Mark Holt in the"
        " street.\n\n"
        "Marta Holm, who had been the town's chief nurse, was given the Lund Medal in 1930.\n"
    )
    assert "did the failed banker Peter J. Lund shoot Mark Holt in the street" in said, said
    # a comma that closes a remark within the subject stays
    assert "was Marta Holm, who had been the town's chief nurse, given the Lund Medal" in said


def test_a_name_the_tagger_took_for_a_noun_keeps_its_capital():
    # "Tull" opens the sentence tagged as a noun: lower-cased it read "did tull organize"
    said = _wordings("Tull organized the military hospital in Paris in 1917.\n")
    assert "did Tull organize the military hospital in Paris" in said, said


def test_a_verb_inside_a_phrase_keeps_its_date_or_goes_with_it():
    # cut alone, the date left "..., with laws banning empty homes expected." (review 4)
    said = _wordings(
        "Lisa Holm has made housing one of her main aims, with laws banning empty homes"
        " expected next month.\n"
    )
    assert "_____ has made housing one of her main aims." in said, said
    for w in said:
        assert not re.search(r"expected\W*$", w), w


def test_a_cross_reference_is_left_out_and_never_asked():
    said = _wordings(
        "Anna Holm's memoir (see below) was printed in Swedish in 1931.\n\n"
        "Her maps were drawn with the method of Peter Hald (see the chapter on Vell Survey).\n"
    )
    assert said
    for w in said:
        assert "(see" not in w, w  # "(see below)" points at nothing in a quiz (review 4)


def test_a_particle_keeps_what_it_needs():
    said = _wordings(
        "The Vell Archive holds records that reach back to the 1790s, and it was founded by"
        " Peter Hald in 1911.\n"
    )
    assert said
    for w in said:
        assert not re.search(r"reach back\W*(,|$|and\b)", w), w  # "records that reach back,"
