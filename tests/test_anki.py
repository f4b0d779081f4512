"""The Anki renderer, checked through the official `anki` package: every package is
imported into a fresh collection with Anki's default import options."""

from __future__ import annotations

import html
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, make_sample_deck, run_cli
from quizgen._deck import Deck, Question, save_deck
from quizgen._errors import RenderError
from quizgen._render import render
from quizgen._render.anki import AnkiOptions, _esc

NOTE_TYPES = {"quizgen Basic", "quizgen Cloze", "quizgen Multiple choice", "quizgen True/False"}


@pytest.fixture
def col(tmp_path: Path):
    collection = Collection(str(tmp_path / "collection.anki2"))
    yield collection
    collection.close()


def build(decks: list[Deck], path: Path, timestamp: float | None = None, **opts) -> Path:
    written = render("anki", decks, path, AnkiOptions(timestamp=timestamp, **opts))
    assert written == [path]
    return path


def import_apkg(col: Collection, path: Path):
    """Import with Anki's default options (update notes only when the package's are newer)."""
    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    return col.import_anki_package(request).log


def notes(col: Collection) -> list:
    return [col.get_note(nid) for nid in col.find_notes("")]


def note_with(col: Collection, text: str):
    """The one note whose first field contains `text` (HTML-escaped as the renderer writes it)."""
    found = [n for n in notes(col) if html.escape(text, quote=False) in n.fields[0]]
    assert len(found) == 1, f"{len(found)} notes contain {text!r}"
    return found[0]


def test_package_has_one_note_per_active_question(sample_deck, col, tmp_path):
    log = import_apkg(col, build([sample_deck], tmp_path / "s.apkg"))

    active = sample_deck.active()
    assert len(log.new) == len(active) == col.note_count() == 4
    assert {n.note_type()["name"] for n in notes(col)} == NOTE_TYPES
    assert not col.find_notes('"Nobody"')  # the rejected question
    assert col.decks.by_name(sample_deck.title) is not None


def test_note_types_fields(sample_deck, col, tmp_path):
    import_apkg(col, build([sample_deck], tmp_path / "s.apkg"))
    fields = {n.note_type()["name"]: list(n.keys()) for n in notes(col)}
    assert fields == {
        "quizgen Basic": ["Front", "Back", "Context", "Source"],
        "quizgen Cloze": ["Text", "Extra"],
        "quizgen Multiple choice": ["Question", "Choices", "Answer", "Context", "Source"],
        "quizgen True/False": ["Statement", "Answer", "Context", "Source"],
    }


def test_fields_hold_escaped_text(sample_deck, col, tmp_path):
    import_apkg(col, build([sample_deck], tmp_path / "s.apkg"))
    short, cloze, choice, tf = (sample_deck.questions[i] for i in (1, 2, 0, 3))

    basic = note_with(col, short.prompt)
    assert "Владимир Путин" in basic["Back"]
    assert "Łukasz and Ολυμπία" in basic["Context"]
    assert 'href="https://example.org/a?b=1&amp;c=2"' in basic["Source"]
    assert "A sample source" in basic["Source"] and "2001-05-04" in basic["Source"]

    text = note_with(col, "Russia criticizes")["Text"]
    assert "{{c1::North Atlantic Treaty Organization}}" in text
    assert "_____" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "<script>" not in text
    extra = note_with(col, "Russia criticizes")["Extra"]
    assert html.escape(cloze.context, quote=False).split("NATO")[1] in extra

    mc = note_with(col, choice.prompt)
    assert "1979" in mc["Answer"]
    assert all(c in mc["Choices"] for c in choice.choices)

    assert "True" in note_with(col, tf.prompt)["Answer"]


def _esc_before(text: str) -> str:
    """The hand-inlined escaping `_esc` replaced, kept as the reference for its output."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
    )


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("&<>\"'\n\r\t;#ab é€"), max_size=40) | st.text())
def test_escaping_by_the_library_gives_the_same_note_bytes(text):
    assert _esc(text) == _esc_before(text)


def test_tags(sample_deck, col, tmp_path):
    import_apkg(col, build([sample_deck], tmp_path / "s.apkg"))
    for q in sample_deck.active():
        tags = note_with(col, q.prompt.split("_")[0]).tags
        assert all(" " not in t and t for t in tags)
        assert f"type::{q.type}" in tags
        assert f"template::{q.template}" in tags
        assert "source::sample" in tags
        assert set(q.tags) <= set(tags)
    assert "kind::person" in note_with(col, "Who was Russia").tags


def test_question_tags_are_slugged(sample_deck, col, tmp_path):
    q = sample_deck.questions[1]
    q.tags = ["Cold War", "history::Russia", 'say "hi"']
    import_apkg(col, build([sample_deck], tmp_path / "s.apkg"))
    tags = note_with(col, q.prompt).tags
    assert {"cold-war", "history::russia", "say-hi"} <= set(tags)


def test_cards_show_prompt_on_front_and_answer_on_back(sample_deck, col, tmp_path):
    import_apkg(col, build([sample_deck], tmp_path / "s.apkg"))
    for q in sample_deck.active():
        [card] = note_with(col, q.prompt.split("_")[0]).cards()
        front, back = card.question(), card.answer()
        visible = html.escape(q.prompt.split("_")[0], quote=False)
        assert visible in front and visible in back
        answer = html.escape({"true": "True", "false": "False"}.get(q.answer, q.answer), False)
        assert 'id="answer"' not in front
        assert answer in (back if q.type == "cloze" else back.split('id="answer"')[1])
        if q.type in ("short", "cloze"):
            assert answer not in front
        assert "<script>" not in front + back
        assert "@media" in front  # the note type CSS comes with the card


def test_choice_card_letters_and_marked_answer(sample_deck, col, tmp_path):
    import_apkg(col, build([sample_deck], tmp_path / "s.apkg"))
    [card] = note_with(col, "In what year").cards()
    for letter, choice in zip("ABCD", sample_deck.questions[0].choices, strict=True):
        assert f'<span class="qz-letter">{letter}</span><span>{choice}</span>' in card.question()
    assert '<li class="qz-right"><span class="qz-letter">B</span><span>1979</span>' in card.answer()
    assert "lapse in <mark>1979</mark> at" in card.answer()  # the answer, marked in context
    assert 'class="qz qz-back"' in card.answer()
    assert 'class="qz qz-back"' not in card.question()


def test_truefalse_back_has_verdict_and_context(sample_deck, col, tmp_path):
    import_apkg(col, build([sample_deck], tmp_path / "s.apkg"))
    [card] = note_with(col, "Tang Jiaxuan").cards()
    assert "True or false?" in card.question()
    assert '<span class="qz-true">True</span>' in card.answer()
    assert "flew home Tuesday" in card.answer() and "flew home" not in card.question()


def test_edit_and_reimport_updates_the_note_in_place(sample_deck, col, tmp_path):
    apkg = tmp_path / "s.apkg"
    import_apkg(col, build([sample_deck], apkg))
    col.decks.select(col.decks.id_for_name(sample_deck.title))
    card = col.sched.getCard()
    card.start_timer()
    col.sched.answerCard(card, 3)
    note = card.note()
    [question] = [q for q in sample_deck.active() if q.prompt in note.fields[0]]
    history = {c.id: (c.reps, c.type, c.due) for c in col.find_cards("") for c in [col.get_card(c)]}
    assert history[card.id][0] == 1

    question.prompt = "Which year <then>?"
    log = import_apkg(col, build([sample_deck], apkg))  # in the same second: still newer

    assert col.note_count() == 4
    assert len(log.updated) == 1 and len(log.new) == 0
    edited = col.get_note(note.id)
    assert edited.fields[0] == "Which year &lt;then&gt;?"
    assert "Which year &lt;then&gt;?" in edited.cards()[0].question()
    after = {c.id: (c.reps, c.type, c.due) for c in col.find_cards("") for c in [col.get_card(c)]}
    assert after == history


def test_unchanged_rebuild_updates_nothing_and_keeps_anki_edits(sample_deck, col, tmp_path):
    apkg = tmp_path / "s.apkg"
    import_apkg(col, build([sample_deck], apkg, timestamp=1_600_000_000))
    note = note_with(col, "Who was Russia")
    note["Back"] = "my own note"
    col.update_note(note)

    log = import_apkg(col, build([sample_deck], apkg))  # no timestamp: stamps from the manifest

    assert len(log.updated) == 0 and len(log.new) == 0
    assert col.get_note(note.id)["Back"] == "my own note"
    others = [n for n in notes(col) if n.id != note.id]
    assert {n.mod for n in others} == {1_600_000_000}
    # Straight from the database: the Python side caches note types.
    stamps = col.db.list("SELECT mtime_secs FROM notetypes WHERE name LIKE 'quizgen %'")
    assert stamps == [1_600_000_000] * 4


def test_manifest_records_each_note(sample_deck, tmp_path):
    apkg = build([sample_deck], tmp_path / "s.apkg")
    manifest = json.loads((tmp_path / "s.apkg.notes.json").read_text(encoding="utf-8"))
    assert len(manifest["notes"]) == 4
    assert len(manifest["note_types"]) == 4
    first = dict(manifest["notes"])

    sample_deck.questions[0].context = "Changed."
    build([sample_deck], apkg)
    second = json.loads((tmp_path / "s.apkg.notes.json").read_text(encoding="utf-8"))["notes"]
    changed = [g for g in first if first[g] != second[g]]
    assert len(changed) == 1
    assert second[changed[0]][1] > first[changed[0]][1]


def test_broken_manifest_is_rebuilt(sample_deck, col, tmp_path):
    apkg = tmp_path / "s.apkg"
    (tmp_path / "s.apkg.notes.json").write_text("{not json", encoding="utf-8")
    import_apkg(col, build([sample_deck], apkg))
    assert col.note_count() == 4
    assert json.loads((tmp_path / "s.apkg.notes.json").read_text(encoding="utf-8"))["notes"]


def test_two_decks_make_one_package(sample_deck, col, tmp_path):
    other = Deck(
        title="Second",
        questions=[Question(id="q-1", kind="date", type="short", prompt="When?", answer="1990")],
    )
    import_apkg(col, build([sample_deck, other], tmp_path / "both.apkg"))
    assert col.note_count() == 5
    assert len(col.find_cards(f'"deck:{sample_deck.title}"')) == 4
    assert len(col.find_cards('"deck:Second"')) == 1


def test_parent_child_title_makes_a_subdeck(sample_deck, col, tmp_path):
    deck = replace(sample_deck, title="History::Cold War", deck_id=None)
    import_apkg(col, build([deck], tmp_path / "sub.apkg"))
    names = {d.name for d in col.decks.all_names_and_ids()}
    assert {"History", "History::Cold War"} <= names
    assert len(col.find_cards('"deck:History::Cold War"')) == 4


def test_same_question_ids_in_two_decks_stay_apart(sample_deck, col, tmp_path):
    twin = replace(make_sample_deck(), title="Twin", deck_id=None)
    import_apkg(col, build([sample_deck, twin], tmp_path / "twins.apkg"))
    assert col.note_count() == 8


def test_two_decks_with_one_id_are_refused(sample_deck, tmp_path):
    twin = replace(make_sample_deck(), title="Twin")
    with pytest.raises(RenderError, match="same Anki deck id 1234567890"):
        build([sample_deck, twin], tmp_path / "x.apkg")
    assert list(tmp_path.iterdir()) == []


def test_kinds_types_and_limit_select_questions(sample_deck, col, tmp_path):
    import_apkg(col, build([sample_deck], tmp_path / "a.apkg", kinds=["actor"], limit=1))
    assert [n.note_type()["name"] for n in notes(col)] == ["quizgen Basic"]
    import_apkg(col, build([sample_deck], tmp_path / "b.apkg", types=["cloze"]))
    assert col.note_count() == 2


def test_timestamp_makes_identical_bytes(sample_deck, tmp_path):
    first = build([sample_deck], tmp_path / "one.apkg", timestamp=1_700_000_000)
    (tmp_path / "two.apkg.notes.json").write_text('{"version": 1, "notes": {}}', "utf-8")
    second = build([make_sample_deck()], tmp_path / "two.apkg", timestamp=1_700_000_000)
    assert first.read_bytes() == second.read_bytes()
    third = build([make_sample_deck()], tmp_path / "three.apkg", timestamp=1_700_000_001)
    assert third.read_bytes() != first.read_bytes()


def test_timestamp_stamps_the_notes(sample_deck, col, tmp_path):
    import_apkg(col, build([sample_deck], tmp_path / "t.apkg", timestamp=1_600_000_000))
    assert {n.mod for n in notes(col)} == {1_600_000_000}


@pytest.mark.parametrize("bad", [-1, float("nan"), "soon", 2**40])
def test_bad_timestamp_is_refused(sample_deck, tmp_path, bad):
    with pytest.raises(RenderError, match="timestamp"):
        build([sample_deck], tmp_path / "t.apkg", timestamp=bad)


def test_cloze_text_cannot_make_clozes_of_its_own(sample_deck, col, tmp_path):
    q = sample_deck.questions[2]
    q.prompt, q.answer = "{{c2::leak}} says _____ at 10:30.", "a::b}}"
    import_apkg(col, build([sample_deck], tmp_path / "c.apkg"))
    [card] = note_with(col, "says").cards()  # no second card from a "c2" in the text
    shown = html.unescape(card.question())  # what the browser displays
    assert "{{c2::leak}} says " in shown and "[...]" in shown
    assert 'data-ordinal="1">a::b}}</span> at 10:30.' in html.unescape(card.answer())


def test_cloze_back_leaves_out_a_context_that_repeats_the_sentence(sample_deck, col, tmp_path):
    q = sample_deck.questions[2]
    q.prompt, q.answer, q.accept = "In _____ the accord lapsed.", "1979", []
    q.context = "In 1979  the accord lapsed."
    import_apkg(col, build([sample_deck], tmp_path / "c.apkg"))
    note = note_with(col, "the accord lapsed")
    assert "qz-context" not in note["Extra"] and "qz-source" in note["Extra"]


def test_cloze_without_blank_is_refused(sample_deck, tmp_path):
    sample_deck.questions[2].prompt = "No blank here."
    with pytest.raises(RenderError, match="q-00000003: a cloze prompt needs a blank"):
        build([sample_deck], tmp_path / "x.apkg")
    assert not (tmp_path / "x.apkg").exists()


def test_folder_as_output_is_refused(sample_deck, tmp_path):
    with pytest.raises(RenderError, match="is a folder"):
        build([sample_deck], tmp_path)


def test_cli_writes_a_package(sample_deck, col, tmp_path):
    deck_path = save_deck(sample_deck, tmp_path / "sample.yaml")
    result = run_cli("anki", str(deck_path), "--timestamp", "1700000000", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    apkg = tmp_path / "output" / "sample.apkg"
    assert f"wrote {Path('output') / 'sample.apkg'}" in result.stderr
    import_apkg(col, apkg)
    assert col.note_count() == 4


def test_cli_broken_deck_is_one_error_line_and_no_file(sample_deck, tmp_path):
    good = save_deck(sample_deck, tmp_path / "good.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "quizgen: 1\ntitle: Broken\nquestions:\n"
        "  - {id: q-1, kind: date, type: essay, prompt: When?, answer: '1990'}\n",
        encoding="utf-8",
    )
    result = run_cli("anki", str(good), str(broken), "-o", "out.apkg", cwd=tmp_path)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("Error: ") and "broken.yaml:4" in line and "unknown type 'essay'" in line
    assert not (tmp_path / "out.apkg").exists()
    assert not list(tmp_path.glob("out.apkg*"))


def test_cli_does_not_import_genanki_at_start():
    code = "import sys, quizgen._cli, quizgen._render.anki; print('genanki' in sys.modules)"
    env = {"PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.strip() == "False", out.stderr
