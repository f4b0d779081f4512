"""The tsv export, checked through the official `anki` package's text import (File → Import
of a .txt/.tsv): the file's own headers drive the import, with Anki's default options."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from anki.collection import Collection, ImportCsvRequest

from conftest import import_apkg
from quizgen._deck import Deck, Question
from quizgen._render import render
from quizgen._render.anki import AnkiOptions, note_guid


def import_tsv(col: Collection, path: Path):
    """Import as File → Import does: the metadata Anki reads from the file's headers."""
    metadata = col.get_csv_metadata(str(path), None)
    return col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata)).log


def with_note_types(col: Collection, tmp_path: Path) -> None:
    """A collection that imported some other quizgen package: it has the note types."""
    other = Deck(
        title="Another deck",
        questions=[
            Question(id=f"q-o{t}", kind="date", type=t, prompt=p, answer=a, choices=c)
            for t, p, a, c in (
                ("short", "When?", "1990", []),
                ("cloze", "In _____.", "1991", []),
                ("choice", "Which?", "1992", ["1992", "1993"]),
                ("truefalse", "It was 1994.", "true", []),
            )
        ],
    )
    import_apkg(col, render("anki", [other], tmp_path / "other.apkg")[0])


def fields_by_guid(col: Collection) -> dict[str, list[str]]:
    notes = [col.get_note(nid) for nid in col.find_notes("")]
    return {n.guid: list(n.fields) for n in notes}


def test_headers_make_an_import_without_choices(sample_deck, tmp_path):
    text = render("tsv", [sample_deck], tmp_path / "s.tsv")[0].read_text(encoding="utf-8")
    assert text.splitlines()[:6] == [
        "#separator:tab",
        "#html:true",
        "#guid column:1",
        "#notetype column:2",
        "#deck column:3",
        "#tags column:9",
    ]


def test_notes_are_the_active_questions_with_the_apkg_guids(sample_deck, col, tmp_path):
    with_note_types(col, tmp_path)
    before = col.note_count()
    log = import_tsv(col, render("tsv", [sample_deck], tmp_path / "s.tsv")[0])

    active = sample_deck.active()
    assert len(log.new) == len(active) == col.note_count() - before == 4
    assert not col.find_notes('"Nobody"')  # the rejected question is not exported
    guids = {note_guid(sample_deck, q) for q in active}
    assert guids <= set(fields_by_guid(col))
    assert col.decks.by_name(sample_deck.title) is not None
    names = {col.get_note(nid).note_type()["name"] for nid in col.find_notes("")}
    assert names == {
        "quizgen Basic",
        "quizgen Cloze",
        "quizgen Multiple choice",
        "quizgen True/False",
    }
    tags = col.get_note(col.find_notes('"deck:Sample <b>deck</b> & friends"')[0]).tags
    assert "quizgen" in tags and any(t.startswith("type::") for t in tags)


def test_the_same_fields_as_the_apkg(sample_deck, tmp_path):
    apkg_col = Collection(str(tmp_path / "a.anki2"))
    tsv_col = Collection(str(tmp_path / "t.anki2"))
    try:
        import_apkg(apkg_col, render("anki", [sample_deck], tmp_path / "s.apkg")[0])
        with_note_types(tsv_col, tmp_path)
        import_tsv(tsv_col, render("tsv", [sample_deck], tmp_path / "s.tsv")[0])
        from_apkg, from_tsv = fields_by_guid(apkg_col), fields_by_guid(tsv_col)
        assert from_apkg and all(from_tsv[guid] == f for guid, f in from_apkg.items())
    finally:
        apkg_col.close()
        tsv_col.close()


def test_reimport_after_an_edit_updates_in_place(sample_deck, col, tmp_path):
    with_note_types(col, tmp_path)
    path = tmp_path / "s.tsv"
    import_tsv(col, render("tsv", [sample_deck], path)[0])
    count = col.note_count()
    edited = replace(sample_deck, questions=list(sample_deck.questions))
    edited.questions[1] = replace(edited.questions[1], answer="Vladimir Putin\tthe second")

    log = import_tsv(col, render("tsv", [edited], path)[0])

    assert (len(log.new), len(log.updated), col.note_count()) == (0, 1, count)
    back = fields_by_guid(col)[note_guid(edited, edited.questions[1])][1]
    assert back.startswith("Vladimir Putin\tthe second")


def test_an_apkg_import_then_the_tsv_adds_nothing(sample_deck, col, tmp_path):
    import_apkg(col, render("anki", [sample_deck], tmp_path / "s.apkg", AnkiOptions())[0])
    count = col.note_count()
    log = import_tsv(col, render("tsv", [sample_deck], tmp_path / "s.tsv")[0])
    assert (len(log.new), len(log.updated), col.note_count()) == (0, 0, count)
    assert len(log.duplicate) == count == 4


def test_same_deck_same_bytes(sample_deck, tmp_path):
    a = render("tsv", [sample_deck], tmp_path / "a.tsv")[0].read_bytes()
    b = render("tsv", [sample_deck], tmp_path / "b.tsv")[0].read_bytes()
    assert a == b
