"""Anki is told what was retired (issue 13 §4): a question rejected or deleted after its
deck was imported comes back once, tagged quizgen::retired, into a real collection."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from conftest import import_apkg, run_cli
from quizgen._deck import Deck, save_deck
from quizgen._render import RenderOptions, render
from quizgen._render.anki import AnkiOptions, manifest_path_for, retired_count

TAG = "quizgen::retired"


def reject(deck: Deck, qid: str) -> Deck:
    questions = [replace(q, status="rejected") if q.id == qid else q for q in deck.questions]
    return replace(deck, questions=questions)


def test_rejected_and_deleted_notes_arrive_tagged_once(sample_deck: Deck, col, tmp_path: Path):
    out = tmp_path / "s.apkg"
    render("anki", [sample_deck], out)
    import_apkg(col, out)
    assert col.note_count() == 4
    assert retired_count(out) == 0

    # Reject the cloze (q-3), delete the true/false (q-4) by hand, rebuild, re-import.
    edited = reject(sample_deck, "q-00000003")
    edited = replace(edited, questions=[q for q in edited.questions if q.id != "q-00000004"])
    render("anki", [edited], out)
    assert retired_count(out) == 2
    log = import_apkg(col, out)
    assert col.note_count() == 4, "no duplicates"
    assert not log.new
    retired = col.find_notes(f"tag:{TAG}")
    assert len(retired) == 2
    texts = {col.get_note(n).fields[0] for n in retired}
    assert any("eastward expansion" in t for t in texts)
    assert any("Tang Jiaxuan was China" in t for t in texts)
    # The notes still studied are untouched, their tags without the retired one.
    kept = col.find_notes(f"-tag:{TAG}")
    assert len(kept) == 2
    manifest = json.loads(manifest_path_for(out).read_text(encoding="utf-8"))
    assert len(manifest["notes"]) == 2 and len(manifest["retired"]) == 2

    # The next export does not send them again.
    render("anki", [edited], out)
    assert retired_count(out) == 0
    import_apkg(col, out)
    assert col.note_count() == 4
    assert len(col.find_notes(f"tag:{TAG}")) == 2


def test_a_note_never_imported_lands_in_the_retired_subdeck(sample_deck: Deck, col, tmp_path):
    out = tmp_path / "s.apkg"
    render("anki", [sample_deck], out)
    render("anki", [reject(sample_deck, "q-00000002")], out)
    import_apkg(col, out)
    (nid,) = col.find_notes(f"tag:{TAG}")
    card = col.get_note(nid).cards()[0]
    assert col.decks.name(card.did) == f"{sample_deck.title}::Retired"


def test_without_the_old_package_a_rejected_note_is_rebuilt_from_the_deck(
    sample_deck: Deck, col, tmp_path
):
    out = tmp_path / "s.apkg"
    render("anki", [sample_deck], out)
    import_apkg(col, out)
    out.unlink()
    render("anki", [reject(sample_deck, "q-00000002")], out)
    assert retired_count(out) == 1
    import_apkg(col, out)
    assert col.note_count() == 4
    assert len(col.find_notes(f"tag:{TAG}")) == 1


def test_filters_and_other_decks_retire_nothing(sample_deck: Deck, tmp_path):
    out = tmp_path / "s.apkg"
    render("anki", [sample_deck], out)
    render("anki", [sample_deck], out, RenderOptions(kinds=["date"]))
    assert retired_count(out) == 0
    other = Deck(title="Other", questions=sample_deck.questions[:1])
    render("anki", [sample_deck], out)
    render("anki", [other], out)
    assert retired_count(out) == 0
    fixed = AnkiOptions(timestamp=1_700_000_000)
    render("anki", [reject(sample_deck, "q-00000001")], out, fixed)
    assert retired_count(out) == 0  # reproducible bytes: the last export plays no part


def test_cli_says_how_many_and_how_to_find_them(sample_deck: Deck, tmp_path: Path):
    deck = save_deck(sample_deck, tmp_path / "s.yaml")
    out = tmp_path / "s.apkg"
    first = run_cli("anki", str(deck), "-o", str(out))
    assert first.returncode == 0, first.stderr
    assert "retired" not in first.stdout + first.stderr
    save_deck(reject(sample_deck, "q-00000001"), deck)
    second = run_cli("anki", str(deck), "-o", str(out))
    assert second.returncode == 0, second.stderr
    said = second.stdout + second.stderr
    assert "s.apkg: 1 note retired since the last export (rejected or deleted)" in said
    assert "tag:quizgen::retired" in said


def test_name_titles_the_anki_deck_and_the_pdf(sample_deck: Deck, col, tmp_path: Path):
    from pypdf import PdfReader

    deck = save_deck(sample_deck, tmp_path / "s.yaml")
    out = tmp_path / "s.apkg"
    result = run_cli("anki", str(deck), "-o", str(out), "--name", "Cold War, week 3")
    assert result.returncode == 0, result.stderr
    import_apkg(col, out)
    assert col.decks.by_name("Cold War, week 3") is not None
    assert col.decks.by_name(sample_deck.title) is None
    other = save_deck(replace(sample_deck, title="Other", deck_id=None), tmp_path / "o.yaml")
    both = tmp_path / "both.apkg"
    assert run_cli("anki", str(deck), str(other), "-o", str(both), "--name", "Week").returncode == 0
    import_apkg(col, both)
    assert col.decks.by_name("Week::Other") is not None
    pdf = tmp_path / "s.pdf"
    result = run_cli("pdf", str(deck), "-o", str(pdf), "--name", "Cold War, week 3")
    assert result.returncode == 0, result.stderr
    first_page = PdfReader(pdf).pages[0].extract_text()
    assert "Cold War, week 3" in first_page
    assert "friends" not in first_page
