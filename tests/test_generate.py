"""Generation: question quality on real and sample texts, templates, determinism, merging edits."""

from __future__ import annotations

import ast
import dataclasses
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quizgen
import quizgen._generate._entity_slots
import quizgen._generate._fields
from gold import score_deck
from quizgen import (
    GenerateOptions,
    Source,
    TemplateError,
    dump_deck,
    extract_facts,
    generate,
    iter_facts,
    load_deck,
    load_source,
)
from quizgen._deck import BLANK, BLANK_RE, Deck, loads_deck
from quizgen._generate._fields import ITEM_FIELDS, template_fields
from quizgen._generate._rewrite import clause_question
from quizgen._generate._templates import load_templates

# Nearly every test here parses text with the spaCy model.
pytestmark = pytest.mark.slow

HERE = Path(__file__).resolve().parent
SAMPLES = HERE / "samples"
GOLDEN = HERE / "golden"


def score(deck_path: Path, gold: Path, scorer: Path) -> dict:
    """The shared scoring tool, run as the graders run it."""
    out = subprocess.run(
        [sys.executable, str(scorer), str(deck_path), str(gold), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def article_deck(shared_dir, tmp_path_factory):
    source = load_source(str(shared_dir / "corpus" / "russia-china-2001.txt"))
    # Cite it as a user in the repo would, so the golden file does not depend on where CI runs.
    source = dataclasses.replace(source, path="../shared/corpus/russia-china-2001.txt")
    deck = generate(extract_facts(source), GenerateOptions(seed=0))
    path = tmp_path_factory.mktemp("article") / "deck.yaml"
    path.write_text(dump_deck(deck), encoding="utf-8")
    return deck, path


def test_quality_bar_on_the_real_article(article_deck, shared_dir):
    _, path = article_deck
    result = score(
        path,
        shared_dir / "corpus" / "russia-china-2001.gold.yaml",
        shared_dir / "tools" / "score_deck.py",
    )
    # lower than the 0.9 of an unplanned deck: see SAMPLE_BARS (facts sharing a sentence)
    assert result["coverage"]["actors"] >= 0.9, result["missing"]
    assert result["coverage"]["organizations"] >= 0.65, result["missing"]
    assert result["coverage"]["dates"] >= 0.85, result["missing"]
    assert result["precision"] >= 0.95, result["unmatched_answers"]
    assert result["choice_faults"] == []
    assert result["giveaways"] == []


# Our own samples, of the other kinds the held-out texts are: (file, min coverage, min precision).
# Since the deck is planned as a whole (issue 12: one question per fact, at most two per
# sentence, none printing the answer of another from its sentence), facts that share a
# sentence compete: "Élie Metchnikoff and Paul Ehrlich shared ..." asks one of them. The bars
# are what the planner reaches; they were 0.5-0.9 when every fact had several questions.
SAMPLE_BARS = [
    ("news-glacier-archive.txt", {"actors": 0.95, "organizations": 0.75, "dates": 0.95}),
    ("history-red-cross.txt", {"actors": 0.5, "organizations": 0.95, "dates": 0.7}),
    ("science-dna-structure.txt", {"actors": 0.65, "organizations": 0.4, "dates": 0.95}),
    ("bio-marie-curie.txt", {"actors": 0.75, "organizations": 0.4, "dates": 0.8}),
    # Many organizations: companies, regulators, a union, a broker; institutes, journals, units.
    ("news-rail-merger.txt", {"actors": 0.5, "organizations": 0.7, "dates": 0.65}),
    ("science-pasteur-institute.txt", {"actors": 0.4, "organizations": 0.5, "dates": 0.55}),
    ("econ-federal-reserve.txt", {"actors": 0.6, "organizations": 0.35, "dates": 0.85}),
    # low: extraction misses "Ilse Marten" and files "Ms. Marten" under her husband, so
    # most of what is said of her stays unasked rather than asked about the wrong person
    ("obit-seed-library.txt", {"actors": 0.25, "organizations": 0.0, "dates": 0.35}),
]


@pytest.fixture(scope="module")
def sample_decks() -> Callable[[str], Deck]:
    """The deck generated from a sample text (seed 0), made once per module."""
    made: dict[str, Deck] = {}

    def deck_of(name: str) -> Deck:
        if name not in made:
            made[name] = generate(
                extract_facts(load_source(str(SAMPLES / name))), GenerateOptions(seed=0)
            )
        return made[name]

    return deck_of


@pytest.mark.parametrize(("name", "bars"), SAMPLE_BARS)
def test_quality_on_our_samples(name, bars, sample_decks):
    result = score_deck(sample_decks(name), SAMPLES / name.replace(".txt", ".gold.yaml"))
    for kind, bar in bars.items():
        assert result.coverage[kind] >= bar, (kind, result.missing[kind])
    assert result.precision >= 0.95, result.wrong
    assert result.choice_faults == []


@pytest.mark.parametrize("name", [name for name, _ in SAMPLE_BARS])
def test_our_scorer_agrees_with_the_shared_one(name, sample_decks, tmp_path, shared_dir):
    deck, gold = sample_decks(name), SAMPLES / name.replace(".txt", ".gold.yaml")
    path = tmp_path / "deck.yaml"
    path.write_text(dump_deck(deck), encoding="utf-8")
    shared = score(path, gold, shared_dir / "tools" / "score_deck.py")
    ours = score_deck(deck, gold)
    assert (ours.coverage, ours.missing, ours.precision, len(ours.choice_faults)) == (
        shared["coverage"],
        shared["missing"],
        shared["precision"],
        len(shared["choice_faults"]),
    )


def test_every_question_is_well_formed(article_deck):
    deck, _ = article_deck
    assert {q.kind for q in deck.questions} == {"date", "actor", "organization"}
    assert {q.type for q in deck.questions} >= {"short", "cloze", "choice"}
    for q in deck.questions:
        assert q.prompt.lstrip('“"‘')[0].isupper(), q.prompt
        if q.type == "choice":
            assert len(q.choices) == 4 and q.answer in q.choices
            assert len({c.casefold() for c in q.choices}) == 4
        if q.type in ("short", "choice"):
            assert q.prompt.endswith("?"), q.prompt
            for name in q.answers:
                assert name.casefold() not in q.prompt.casefold(), (q.prompt, name)
        if q.type == "truefalse":
            assert q.answer in ("true", "false")
    # true/false at most 15% of the deck, as many true as false (the planner, issue 12)
    tf = [q.answer for q in deck.questions if q.type == "truefalse"]
    assert len(tf) <= 0.15 * len(deck.questions)
    assert abs(tf.count("true") - tf.count("false")) <= 1


def check_golden(text: str, golden: Path, update: bool) -> None:
    """Compare `text` with the reviewed golden file; rewrite it only when asked to (`update`).

    A missing golden file fails: writing it would pass a test that compared nothing."""
    if update:
        golden.write_text(text, encoding="utf-8")
    if not golden.exists():
        pytest.fail(f"{golden} is missing: run pytest --update-golden and review the new file")
    assert text == golden.read_text(encoding="utf-8"), (
        "run pytest --update-golden and review the diff"
    )


def test_article_deck_matches_the_reviewed_golden_file(article_deck, update_golden):
    deck, _ = article_deck
    check_golden(dump_deck(deck), GOLDEN / "russia-china-2001.yaml", update_golden)


def test_a_missing_golden_file_fails_and_is_not_written(tmp_path):
    golden = tmp_path / "gone.yaml"
    with pytest.raises(pytest.fail.Exception, match="is missing: run pytest --update-golden"):
        check_golden("deck\n", golden, update=False)
    assert not golden.exists()
    check_golden("deck\n", golden, update=True)  # asked to: written, then equal
    assert golden.read_text(encoding="utf-8") == "deck\n"
    with pytest.raises(AssertionError, match="review the diff"):
        check_golden("other\n", golden, update=False)


def test_same_seed_same_bytes_and_seed_changes_choices(shared_dir):
    source = load_source(str(shared_dir / "corpus" / "russia-china-2001.txt"))
    a = dump_deck(generate(extract_facts(source), GenerateOptions(seed=7)))
    b = dump_deck(generate(extract_facts(source), GenerateOptions(seed=7)))
    c = dump_deck(generate(extract_facts(source), GenerateOptions(seed=8)))
    assert a == b
    assert a != c
    assert loads_deck(a).questions  # a valid deck


def test_options_filter_kinds_types_and_count(shared_dir):
    source = load_source(str(shared_dir / "corpus" / "russia-china-2001.txt"))
    deck = generate(
        extract_facts(source), GenerateOptions(kinds=["date"], types=["cloze", "short"], limit=3)
    )
    assert 0 < len(deck.questions) <= 3
    assert {q.kind for q in deck.questions} == {"date"}
    assert {q.type for q in deck.questions} <= {"cloze", "short"}


@pytest.mark.parametrize("limit", [1, 3, 5, 7])
def test_max_keeps_clozes_within_half(limit):
    # --max cuts each source to its most salient questions after the planner held clozes to
    # half of the plan: on this text the cut kept 2 clozes of 3 and 5 of 7 (issue 12). The
    # least salient cloze gives way to a real question the cut left out, so the count holds.
    facts = extract_facts(load_source(str(SAMPLES / "history-red-cross.txt")))
    deck = generate(facts, GenerateOptions(seed=1, limit=limit))
    clozes = sum(q.type == "cloze" for q in deck.questions)
    assert len(deck.questions) == limit
    assert clozes <= len(deck.questions) / 2


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        ("China let the accord lapse in 1979.", "1979", "did China let the accord lapse"),
        (
            "Stalin treated Mao as a junior partner in the 1950s.",
            "1950s",
            "did Stalin treat Mao as a junior partner",
        ),
        (
            "The accord was allowed to lapse in 1979 at China's request.",
            "1979",
            "was the accord allowed to lapse at China's request",
        ),
        (
            "The family moved to a village near Bergen in 1853.",
            "1853",
            None,
        ),  # "In what year did the family move ...?": which family, the text said before
        (
            "When a Swedish family bought a farmhouse in 1962, neighbours protested.",
            "1962",
            "did a Swedish family buy a farmhouse",
        ),  # indefinite stays indefinite: "the Swedish family" was never named (review)
        (
            "In 1864, twelve nations signed the Geneva Convention.",
            "1864",
            "did twelve nations sign the Geneva Convention",
        ),
        (
            "A 1950 accord was allowed to lapse.",
            "1950",
            None,
        ),  # the date names the accord: no question
        (
            "Had he stayed home, Nils Dahl would have won the race in 1921.",
            "1921",
            None,
        ),  # what would have happened did not: no date to ask
        (
            "Nils Dahl ran one of the fastest races in the 1920s.",
            "1920s",
            None,
        ),  # the decade bounds "fastest": it does not date the race
        ("Nils Dahl ran a record race in 1921.", "1921", "did Nils Dahl run a record race"),
    ],
)
def test_dated_clauses_are_rewritten_with_inversion_and_do_support(sentence, date, expected):
    facts = extract_facts(Source(path="s.txt", title="t", text=sentence))
    d = next(d for d in facts.dates if d.answer == date)
    assert clause_question(facts.sentences[d.sent_index], d.start, d.end) == expected


def test_templates_file_overrides_by_id(tmp_path, shared_dir):
    templates = tmp_path / "t.yaml"
    templates.write_text(
        "templates:\n"
        "  - id: actor-role\n    kind: actor\n    needs: [role_np]\n    types: [short]\n"
        "    prompt: 'Name {role_np}.'\n",
        encoding="utf-8",
    )
    source = load_source(str(shared_dir / "corpus" / "russia-china-2001.txt"))
    deck = generate(extract_facts(source), GenerateOptions(templates=templates))
    role_qs = [q for q in deck.questions if q.template == "actor-role"]
    assert role_qs and all(q.prompt.startswith("Name ") for q in role_qs)


def test_regenerating_keeps_a_persons_edits(tmp_path, cli, shared_dir):
    article = shared_dir / "corpus" / "russia-china-2001.txt"
    deck_path = tmp_path / "rc.yaml"
    first = cli("generate", str(article), "-o", str(deck_path))
    assert first.returncode == 0, first.stderr
    data = yaml.safe_load(deck_path.read_text(encoding="utf-8"))
    ids = [q["id"] for q in data["questions"]]
    data["questions"][0]["prompt"] = "An edited prompt, by a teacher?"
    data["questions"][1]["status"] = "rejected"
    data["questions"].append(
        {
            "id": "q-manual01",
            "kind": "date",
            "type": "short",
            "prompt": "Mine?",
            "answer": "1999",
            "template": "manual",
        }
    )
    del data["questions"][2]
    deck_path.write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    again = cli("generate", str(article), "-o", str(deck_path))
    assert again.returncode == 0, again.stderr
    merged = load_deck(deck_path)
    by_id = {q.id: q for q in merged.questions}
    assert by_id[ids[0]].prompt == "An edited prompt, by a teacher?"
    assert by_id[ids[1]].status == "rejected"
    assert "q-manual01" in by_id
    assert ids[2] not in by_id  # deleted by the teacher: stays deleted
    assert set(ids) - {ids[2]} <= set(by_id)


def test_facts_command_prints_a_table_and_json(cli, shared_dir):
    article = str(shared_dir / "corpus" / "russia-china-2001.txt")
    table = cli("facts", article)
    assert table.returncode == 0, table.stderr
    assert "Tang Jiaxuan" in table.stdout and "Chinese Foreign Minister" in table.stdout
    # kind, subtype and salience per name; places listed apart
    assert re.search(r"Tang Jiaxuan +\[person, salience \d", table.stdout)
    assert "Moscow  [place]" in table.stdout.split("OTHER NAMES")[1]
    as_json = cli("facts", article, "--json")
    data = json.loads(as_json.stdout)
    assert any(a["name"] == "Jiang Zemin" for a in data["actors"])
    jiang = next(a for a in data["actors"] if a["name"] == "Jiang Zemin")
    assert jiang["kind"] == "actor" and jiang["salience"] > 1
    assert {"Moscow": "place"}.items() <= {o["name"]: o["kind"] for o in data["others"]}.items()
    assert any(d["normalized"] == "1979" for d in data["dates"])


def test_missing_model_is_one_line_error(cli, shared_dir):
    result = cli(
        "facts", str(shared_dir / "corpus" / "russia-china-2001.txt"), "--model", "no_such_model_xx"
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert "no_such_model_xx" in result.stderr and "pip install" in result.stderr


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(min_size=1, max_size=300))
def test_any_unicode_text_generates_a_valid_deck(text):
    deck = generate(
        extract_facts(Source(path="any.txt", title="Any", text=text)), GenerateOptions(seed=1)
    )
    assert loads_deck(dump_deck(deck)) == deck


def test_underscores_in_the_source_never_make_a_second_blank():
    text = (
        "Fill in: George Marshall announced the ______ plan at Harvard University in June 1947.\n\n"
        "The Organisation for European Economic Co-operation was founded in 1948 by sixteen "
        "countries, Marshall said.\n"
    )
    deck = generate(extract_facts(Source(path="worksheet.txt", title="Worksheet", text=text)))
    assert deck.questions
    for q in deck.questions:
        assert len(BLANK_RE.findall(q.prompt)) <= 1, q.prompt


def test_a_year_bc_is_a_date_not_an_organization():
    text = "Rome was founded in 753 BC, and the Roman Senate met in 509 BC for the first time.\n"
    facts = extract_facts(Source(path="rome.txt", title="Rome", text=text))
    assert "BC" not in [o.name for o in facts.organizations]


def test_years_with_an_era_are_dates_and_read_right():
    text = (
        "Rome was founded in 753 BC. Augustus died in AD 14. "
        "Caesar crossed the Rubicon in 49 B.C. with one legion.\n"
    )
    facts = extract_facts(Source(path="rome.txt", title="Rome", text=text))
    assert {d.answer for d in facts.dates} >= {"753 BC", "AD 14", "49 B.C."}
    deck = generate(
        extract_facts(Source(path="rome.txt", title="Rome", text=text)), GenerateOptions(seed=3)
    )
    assert not [q.prompt for q in deck.questions if ".." in q.prompt]


def test_a_long_source_is_parsed_by_sections_with_the_same_questions(monkeypatch):
    import quizgen._extract as ext

    paragraphs = [
        "The Hanseatic League was founded in 1356 by merchant towns of the Baltic.",
        "Johannes Gutenberg printed his Bible in Mainz in 1455.",
        "The Dutch East India Company was chartered in 1602 by the States General.",
        "Isaac Newton published the Principia in 1687 with the help of Edmond Halley.",
    ]
    source = Source(path="history.txt", title="History", text="\n\n".join(paragraphs))
    whole = generate(iter_facts([source]), GenerateOptions(seed=1))
    monkeypatch.setattr(ext, "SECTION_CHARS", 40)  # one paragraph per section
    assert len(ext._sections(source)) == 4
    assert "\n\n".join(s.text.strip() for s in ext._sections(source)) == source.text
    parts = list(iter_facts([source, source]))
    assert [f.section for f in parts] == [0, 1, 2, 3, 0, 1, 2, 3]
    sectioned = generate(parts[:4], GenerateOptions(seed=1))
    assert whole.questions and sectioned.questions == whole.questions
    assert sectioned.sources == whole.sources and len(generate(parts).sources) == 2


def _questions(text: str) -> list:
    """Every template's question, unplanned: these tests study wordings, not selection."""
    source = Source(path="notes.txt", title="Notes", text="Notes\n\n" + text)
    return generate(extract_facts(source), GenerateOptions(seed=0, plan=False)).questions


def _statements(questions: list) -> set[str]:
    """Cloze and true/false prompts with any year blanked: one shape whichever type was made."""
    return {
        re.sub(r"\b1[0-9]{3}\b", BLANK, q.prompt)
        for q in questions
        if q.type in ("cloze", "truefalse")
    }


LONG_COMPOUND = (
    "In 1869 the Suez Canal opened to shipping after ten years of digging by tens of thousands"
    " of workers from Egypt and many other lands, and in 1875 the British government, which saw"
    " the canal as the shortest route to India and its other possessions in the East, bought the"
    " Egyptian ruler's shares in the canal company for four million pounds."
)


def test_a_long_compound_sentence_is_asked_clause_by_clause():
    facts = extract_facts(Source(path="s.txt", title="t", text=LONG_COMPOUND))
    assert len(facts.sentences[0].tokens) > 60  # too long to blank whole
    questions = _questions(LONG_COMPOUND)
    statements = {q.answer: q for q in questions if q.type == "cloze"}
    assert statements["1875"].prompt == (
        "In _____ the British government, which saw the canal as the shortest route to India and"
        " its other possessions in the East, bought the Egyptian ruler's shares in the canal"
        " company for four million pounds."
    )
    # the other clause, as a cloze or a true/false statement (with the year or a wrong one)
    assert (
        "In _____ the Suez Canal opened to shipping after ten years of digging by tens of"
        " thousands of workers from Egypt and many other lands."
    ) in _statements(questions)
    for q in questions:
        assert q.context == LONG_COMPOUND  # the source sentence, whole
        assert ", and in" not in q.prompt and not q.prompt.endswith(("and.", ",.", ", and"))


def test_a_clause_that_leans_on_the_rest_of_its_sentence_is_not_asked_alone():
    # "she" has no referent, and "it" in the second clause needs the first
    questions = _questions(
        "The city museum reopened in 1998 after a long restoration, but she never saw it again."
        " The gallery was sold in 2003, and in 2005 it was pulled down to make room for offices."
    )
    statements = [q.prompt for q in questions if q.type in ("cloze", "truefalse")]
    assert (
        "The city museum reopened in _____ after a long restoration."
        in [q.prompt for q in questions if q.type == "cloze"]
        or "The city museum reopened in 1998 after a long restoration." in statements
    )
    assert not any(
        "she" in p.split() or p.startswith(("She", "It ", "In _____ it")) for p in statements
    )
    assert not any(q.answer == "2005" for q in questions)


def test_he_or_she_takes_the_name_of_the_only_person_it_can_mean():
    questions = _questions(
        "Anna Weber joined the Rhine Trust in 1950 after she finished her studies in Zurich."
        " In 1972 she founded her own laboratory in Basel."
    )
    assert "In _____ Anna Weber founded her own laboratory in Basel." in _statements(questions)
    asked = {q.prompt for q in questions if q.answer == "1972"}
    assert "In what year did Anna Weber found her own laboratory in Basel?" in asked


def test_he_or_she_stays_unresolved_where_two_people_fit():
    questions = _questions(
        "Anna Weber met Karl Brandt at the Rhine Trust in 1950 after she finished her studies."
        " In 1972 she founded her own laboratory in Basel."
    )
    for q in questions:
        assert "Karl Brandt founded" not in q.prompt and "Anna Weber founded" not in q.prompt
        assert not q.prompt.startswith(("She ", "In _____ she", "In 1972 she"))


def test_a_bare_surname_is_a_person_a_pronoun_may_mean():
    # Extraction links "Moynier" but not "Dunant": "his" and "he" are Dunant, never Moynier.
    questions = _questions(
        "Henry Dunant and Gustave Moynier founded the committee in 1863. Moynier led the"
        " committee for four decades. Dunant, by contrast, was ruined when his business in"
        " Algeria collapsed; he went bankrupt in 1867 and left Geneva."
    )
    about_1867 = [q.prompt for q in questions if "1867" in (q.answer, q.prompt)]
    assert about_1867
    assert not any("Moynier" in p for p in about_1867)
    assert "In what year did Henry Dunant go bankrupt?" in about_1867


def test_a_sentence_split_off_its_start_is_not_asked_about():
    # The splitter cuts "Queen Margaret" off "I united ...": the pieces are joined up again,
    # and no question is asked of a piece that has lost its subject.
    text = (
        "King Valdemar IV died in 1375. Queen Margaret I united Denmark, Norway and Sweden in"
        " 1397, and she ruled the Kalmar Union until her death in 1412."
    )
    facts = extract_facts(Source(path="s.txt", title="t", text=text))
    assert any(s.text.startswith("Queen Margaret I united") for s in facts.sentences)
    for q in _questions(text):
        assert not q.prompt.startswith("I ") and "did I " not in q.prompt, q.prompt


def test_a_clause_is_never_cut_from_the_words_that_say_who_said_it():
    from quizgen._generate._clauses import independent_clauses

    text = "The economy will grow in 2002, he said, and the budget will balance by 2004."
    facts = extract_facts(Source(path="s.txt", title="t", text=text))
    assert independent_clauses(facts.sentences[0]) == []
    assert not any(q.prompt.startswith("The economy will grow") for q in _questions(text))


def test_a_bounded_date_keeps_its_preposition_and_is_never_asked_as_when():
    # "after 1948" is no answer to "In what year did ...": the question keeps the preposition.
    text = "The institute worked closely with the World Health Organization (WHO) after 1948.\n"
    deck = generate(
        extract_facts(Source(path="who.txt", title="WHO", text=text)), GenerateOptions(plan=False)
    )
    dated = {q.prompt: q.type for q in deck.questions if q.answer == "1948"}
    assert (
        "After what year did the institute work closely with the World Health Organization"
        " (WHO)?" in dated
    )
    assert not [p for p in dated if p.startswith(("In what year", "When"))]
    assert not [q for q in deck.questions if "(WHO?" in q.prompt]


def test_it_in_what_an_organization_said_is_that_organization():
    text = (
        "Network Rail, which owns the tracks, said it did not expect the merger to change "
        "how train paths are allocated.\n"
    )
    deck = generate(extract_facts(Source(path="rail.txt", title="Rail", text=text)))
    assert any(
        q.answer == "Network Rail" and "said it did not expect" in q.prompt for q in deck.questions
    )


def test_no_role_by_a_possessive_and_no_question_through_a_dateline():
    questions = _questions(
        "The group first met on February 17, 1863, and Guillaume Dufour became its first"
        " president.\n\nLEEDS, Sept. 12 (Reuters) — Britain's competition watchdog on Thursday"
        " cleared the merger of Pennine Freight and Humber Logistics.\n"
    )
    prompts = [q.prompt for q in questions]
    assert prompts
    assert not [p for p in prompts if re.search(r"\b(the|a) (its|his|her|their)\b", p)]
    assert not [p for p in prompts if "LEEDS" in p and p.endswith("?")]


def test_a_heading_is_not_made_into_a_cloze():
    questions = _questions("Congress and the act of 1948\n\nCongress passed the act in 1948.\n")
    assert questions
    assert not [q for q in questions if q.prompt.startswith("Congress and the act")]


def test_jobs_parse_in_several_processes_and_give_the_same_deck(tmp_path, cli):
    source = tmp_path / "history.txt"
    source.write_text(
        "The Hanseatic League was founded in 1356 by merchant towns of the Baltic.\n\n"
        "Johannes Gutenberg printed his Bible in Mainz in 1455.\n",
        encoding="utf-8",
    )
    one, two = tmp_path / "one.yaml", tmp_path / "two.yaml"
    assert cli("generate", str(source), "-o", str(one)).returncode == 0
    result = cli("generate", str(source), "-o", str(two), "--jobs", "2")
    assert result.returncode == 0, result.stderr
    assert one.read_bytes() == two.read_bytes()


def test_a_vague_subject_is_not_asked_through():
    questions = _questions(
        "In 1983 a team led by Luc Montagnier identified the virus, work for which the two"
        " shared the Nobel Prize in 2008.\n"
    )
    assert questions
    assert not [q for q in questions if "did the two" in q.prompt]


def test_bad_templates_fail_before_any_parsing_with_a_template_error(tmp_path):
    from quizgen import DeckError, TemplateError

    def facts_never_read():
        raise AssertionError("the sources were parsed before the templates were checked")
        yield

    missing = tmp_path / "missing.yaml"
    with pytest.raises(TemplateError, match=r"missing\.yaml: no such file") as raised:
        generate(facts_never_read(), GenerateOptions(templates=missing))
    assert not isinstance(raised.value, DeckError)


# --- the fields templates may name ---------------------------------------------------------


def _fields_each_kind_fills_in() -> dict[str, set[str]]:
    """The keys `_fields` and `_entity_slots` write into an item's `fields`, read from their
    source per kind."""
    body = [
        node
        for mod in (quizgen._generate._fields, quizgen._generate._entity_slots)
        for node in ast.parse(Path(mod.__file__).read_text(encoding="utf-8")).body
    ]
    makers = {"_date_slots": "date", "actor_slots": "actor", "org_slots": "organization"}
    found: dict[str, set[str]] = {}
    for fn in body:
        if not isinstance(fn, ast.FunctionDef) or fn.name not in makers:
            continue
        keys = found.setdefault(makers[fn.name], set())
        for node in ast.walk(fn):
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "fields" for t in node.targets
            ):
                assert isinstance(node.value, ast.Dict)
                keys.update(k.value for k in node.value.keys if isinstance(k, ast.Constant))
            elif (
                isinstance(node, ast.Subscript)
                and getattr(node.value, "id", None) == "fields"
                and isinstance(node.slice, ast.Constant)
            ):
                keys.add(node.slice.value)
    return found


def test_the_declared_fields_are_the_ones_facts_get():
    assert _fields_each_kind_fills_in() == {k: set(v) for k, v in ITEM_FIELDS.items()}


def test_default_templates_document_exactly_the_declared_fields():
    # default.yaml once documented an organization field 'relative' that nothing made.
    text = (Path(quizgen.__file__).parent / "templates" / "default.yaml").read_text("utf-8")
    block = text.split("# Fact fields", 1)[1].split("\ntemplates:", 1)[0]
    prose = re.sub(r"\([^)]*\)", "", " ".join(line.lstrip("# ") for line in block.splitlines()))
    documented = {}
    for kind, names in re.findall(r"\b(date|actor|organization): ([^.:]*?)(?=\s\w+:|\.|$)", prose):
        documented[kind] = {n.strip() for n in names.split(",") if n.strip()}
    assert documented == {k: set(template_fields(k)) for k in ITEM_FIELDS}


@pytest.mark.parametrize(
    ("needs", "prompt", "answer", "problem"),
    [
        ("[role_nps]", "Who was {role_np}?", "answer", "needs names unknown field 'role_nps'"),
        ("[role_np]", "Who was {role_nps}?", "answer", "prompt names unknown field 'role_nps'"),
        ("[role_np]", "Who was {role_np}?", "titel", "answer names unknown field 'titel'"),
    ],
)
def test_a_template_naming_a_field_no_fact_has_is_refused(
    needs: str, prompt: str, answer: str, problem: str, tmp_path: Path
) -> None:
    """It used to load, and then silently make no question at all."""
    path = tmp_path / "t.yaml"
    path.write_text(
        "templates:\n  - id: ok\n    kind: date\n    types: [short]\n    prompt: '{wh} {clause}?'\n"
        f"  - id: mine\n    kind: actor\n    needs: {needs}\n    types: [short]\n"
        f"    prompt: '{prompt}'\n    answer: {answer}\n",
        encoding="utf-8",
    )
    with pytest.raises(TemplateError) as raised:
        load_templates(path)
    assert str(raised.value) == (
        f"{path}:6: templates[1] (mine): {problem}; "
        "actor facts have: answer, blanked, name, possessed, quote, role_noun, role_np,"
        " subject_clause, title, wh_question"
    )
