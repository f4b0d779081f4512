"""A person's edits are never lost: merging a fresh generation into an edited deck keeps
every edit, rejection and addition, and ids never change."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import run_cli
from quizgen._deck import (
    BLANK,
    Deck,
    Question,
    SourceRef,
    dump_deck,
    load_deck,
    loads_deck,
    merge_decks,
    save_deck,
    save_merged,
)
from quizgen._errors import DeckError


def _generated(ids: list[int]) -> Deck:
    """A deck as `generate` makes it: questions from templates, one per fact number."""
    return Deck(
        title="Generated",
        deck_id=42,
        sources=[SourceRef(path="src.txt", title="Source")],
        questions=[
            Question(
                id=f"q-{n:08x}",
                kind="date",
                type="short",
                prompt=f"When did event {n} happen?",
                answer=str(1900 + n),
                context=f"Event {n} happened in {1900 + n}.",
                source="src.txt",
                template="date-event",
                tags=["date"],
            )
            for n in ids
        ],
    )


TEXT = st.text(min_size=1, max_size=40).filter(lambda t: t.strip() == t and t)
EDITS = st.one_of(
    st.tuples(st.just("keep"), st.none()),
    st.tuples(st.just("prompt"), TEXT),
    st.tuples(st.just("answer"), TEXT),
    st.tuples(st.just("status"), st.sampled_from(["new", "approved", "rejected"])),
    st.tuples(st.just("delete"), st.none()),
)


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(
    first=st.sets(st.integers(0, 30), min_size=1, max_size=12),
    second=st.sets(st.integers(0, 30), max_size=12),
    edits=st.lists(EDITS, min_size=12, max_size=12),
    added=st.lists(st.tuples(TEXT, TEXT), max_size=3),
)
def test_merge_keeps_every_edit(first, second, edits, added) -> None:
    existing = _generated(sorted(first))
    existing.generated = [q.id for q in existing.questions]  # as a saved deck records them
    kept: list[Question] = []
    for q, (op, value) in zip(existing.questions, edits, strict=False):
        if op == "delete":
            continue
        if op in ("prompt", "answer", "status"):
            setattr(q, op, value)
        kept.append(q)
    for i, (prompt, answer) in enumerate(added):
        kept.append(Question(f"mine-{i}", "actor", "short", prompt, answer, template="manual"))
    existing.questions = kept
    snapshot = loads_deck(dump_deck(existing))
    fresh = _generated(sorted(second))

    merged, report = merge_decks(existing, fresh)

    # Everything the person has, exactly as they left it, in their order, first.
    assert merged.questions[: len(kept)] == snapshot.questions
    # Then only the fresh questions whose id the deck never held, as generated: one the
    # person deleted stays deleted.
    known = {q.id for q in kept}
    assert merged.questions[len(kept) :] == [
        q for q in fresh.questions if q.id not in known | set(existing.generated)
    ]
    assert len({q.id for q in merged.questions}) == len(merged.questions)
    assert (merged.title, merged.deck_id) == (existing.title, existing.deck_id)
    assert set(report.kept) == known & {q.id for q in fresh.questions}
    assert set(report.vanished) == {
        q.id for q in kept if q.template != "manual" and q.id not in set(report.kept)
    }
    # The merged deck is a valid deck that survives a save and a load.
    assert loads_deck(dump_deck(merged)) == merged


def test_merge_adds_a_repeated_fresh_id_once() -> None:
    fresh = _generated([1, 2])
    fresh.questions += _generated([2, 3]).questions  # the same source given twice
    merged, report = merge_decks(_generated([1]), fresh)
    assert [q.id for q in merged.questions] == [f"q-{n:08x}" for n in (1, 2, 3)]
    assert report.added == ["q-00000002", "q-00000003"]


def test_a_merge_that_adds_nothing_leaves_the_file_and_its_comments(tmp_path: Path) -> None:
    path = tmp_path / "deck.yaml"
    text = dump_deck(_generated([1, 2])).replace("questions:", "# my note\nquestions:")
    path.write_text(text, encoding="utf-8")
    merged, report = save_merged(_generated([1, 2]), path)
    assert report.added == [] and len(merged.questions) == 2
    assert path.read_text(encoding="utf-8") == text


def test_a_merge_never_reads_a_pipe(tmp_path: Path) -> None:
    path = tmp_path / "deck.yaml"
    os.mkfifo(path)  # reading it would wait for a writer forever
    with pytest.raises(DeckError, match="not a regular file"):
        save_merged(_generated([1]), path)


SOURCE_FOR_EDITS = (
    "Marie Curie was born in Warsaw in 1867. She moved to Paris in 1891 to study at the "
    "University of Paris. In 1903 she shared the Nobel Prize in Physics with Pierre Curie "
    "and Henri Becquerel. The Radium Institute opened in 1914.\n"
)


@pytest.mark.slow
def test_cli_generate_again_keeps_edits_and_rejections(tmp_path: Path) -> None:
    source = tmp_path / "curie.txt"
    source.write_text(SOURCE_FOR_EDITS, encoding="utf-8")
    deck_path = tmp_path / "curie.yaml"
    first = run_cli("generate", str(source), "-o", str(deck_path), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    deck = load_deck(deck_path)
    assert len(deck.questions) >= 2
    ids = [q.id for q in deck.questions]
    edited, rejected = deck.questions[0], deck.questions[1]
    edited.prompt = "My own wording of this question?" + (
        f" {BLANK}" if edited.type == "cloze" else ""
    )
    edited.accept = [*edited.accept, "my alias"]
    rejected.status = "rejected"
    save_deck(deck, deck_path)

    again = run_cli("generate", str(source), "-o", str(deck_path), cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    after = load_deck(deck_path)
    assert [q.id for q in after.questions] == ids
    assert after.questions == deck.questions
    by_id = {q.id: q for q in after.questions}
    assert by_id[edited.id].prompt.startswith("My own wording of this question?")
    assert "my alias" in by_id[edited.id].accept
    assert by_id[rejected.id].status == "rejected"
    assert f"0 new, {len(ids)} kept" in again.stderr


@pytest.mark.slow
def test_cli_the_same_source_twice_makes_a_valid_deck(tmp_path: Path) -> None:
    source = tmp_path / "curie.txt"
    source.write_text(SOURCE_FOR_EDITS, encoding="utf-8")
    deck_path = tmp_path / "twice.yaml"
    result = run_cli("generate", str(source), str(source), "-o", str(deck_path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    check = run_cli("check", str(deck_path))
    assert check.returncode == 0, check.stderr
    ids = [q.id for q in load_deck(deck_path).questions]
    assert ids and len(set(ids)) == len(ids)


def test_a_deleted_question_stays_deleted(tmp_path: Path) -> None:
    path = tmp_path / "deck.yaml"
    save_merged(_generated([1, 2, 3]), path)
    deck = load_deck(path)
    assert deck.generated == ["q-00000001", "q-00000002", "q-00000003"]
    del deck.questions[1]
    save_deck(deck, path)

    merged, report = save_merged(_generated([1, 2, 3, 4]), path)

    assert [q.id for q in load_deck(path).questions] == ["q-00000001", "q-00000003", "q-00000004"]
    assert report.deleted == ["q-00000002"] and report.added == ["q-00000004"]
    assert "q-00000004" in merged.generated


def test_a_deck_from_before_the_record_learns_its_ids_on_the_next_merge() -> None:
    merged, _ = merge_decks(_generated([1, 2]), _generated([2, 3]))
    assert merged.generated == ["q-00000001", "q-00000002", "q-00000003"]


@pytest.mark.slow
def test_cli_a_deleted_question_stays_deleted(tmp_path: Path) -> None:
    source = tmp_path / "curie.txt"
    source.write_text(SOURCE_FOR_EDITS, encoding="utf-8")
    deck_path = tmp_path / "curie.yaml"
    assert run_cli("generate", str(source), "-o", str(deck_path)).returncode == 0
    deck = load_deck(deck_path)
    gone = deck.questions.pop(0)
    save_deck(deck, deck_path)

    again = run_cli("generate", str(source), "-o", str(deck_path))

    assert again.returncode == 0, again.stderr
    assert gone.id not in [q.id for q in load_deck(deck_path).questions]
    assert "1 you deleted stays deleted" in again.stderr


def test_a_deck_edited_on_disk_while_merging_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import quizgen._deck.merge as merge_module

    path = tmp_path / "deck.yaml"
    save_deck(_generated([1]), path)
    theirs = dump_deck(_generated([1])).replace("When did event 1", "When, says my editor, did 1")
    real_text = merge_module._merged_text

    def text_while_an_editor_saves(*args: Any) -> str:
        path.write_text(theirs, encoding="utf-8")  # the editor's save lands mid-merge
        return real_text(*args)

    monkeypatch.setattr(merge_module, "_merged_text", text_while_an_editor_saves)
    with pytest.raises(DeckError, match="changed on disk while generating"):
        save_merged(_generated([1, 2]), path)
    assert path.read_text(encoding="utf-8") == theirs
    assert [p.name for p in tmp_path.iterdir()] == ["deck.yaml"]  # no temp file left


def test_more_questions_than_a_deck_holds_keeps_a_spread(monkeypatch: pytest.MonkeyPatch) -> None:
    import quizgen._deck.merge as merge_module

    monkeypatch.setattr(merge_module, "MAX_QUESTIONS", 5)
    merged, report = merge_decks(_generated([0]), _generated(list(range(1, 13))))
    assert [q.id for q in merged.questions] == [f"q-{n:08x}" for n in (0, 1, 4, 7, 10)]
    assert report.left_out == 8


@pytest.mark.slow
def test_regenerating_uses_the_decks_own_templates(tmp_path: Path) -> None:
    from quizgen import generate_deck, load_source

    source = tmp_path / "curie.txt"
    source.write_text(SOURCE_FOR_EDITS, encoding="utf-8")
    path = tmp_path / "curie.yaml"
    generate_deck([load_source(source)], path)
    deck = load_deck(path)
    deck.templates = [
        {
            "id": "date-mine",
            "kind": "date",
            "needs": ["blanked"],
            "types": ["cloze"],
            "prompt": "In my words: {blanked}",
        }
    ]
    save_deck(deck, path)

    merged, report = generate_deck([load_source(source)], path)

    mine = [q for q in merged.questions if q.template == "date-mine"]
    assert mine and all(q.prompt.startswith("In my words: ") for q in mine)
    assert set(report.added) == {q.id for q in mine}


def _commented(text: str) -> str:
    """A deck text with a person's comments at the top, inside a question and at the end."""
    text = "# Unit 3 - check dates against the textbook\n" + text
    text = text.replace("    answer: '1901'\n", "    answer: '1901'  # confirmed in class\n")
    return text + "# end of my deck\n"


@pytest.mark.parametrize("layout", ["ours", "indentless", "crlf"])
def test_a_merge_that_adds_questions_keeps_comments_and_layout(layout: str, tmp_path: Path) -> None:
    path = tmp_path / "deck.yaml"
    save_merged(_generated([1, 2]), path)
    text = _commented(path.read_text(encoding="utf-8"))
    if layout == "indentless":  # how yaml.safe_dump or a person may lay it out
        text = text.replace("\n  ", "\n")
    if layout == "crlf":
        text = text.replace("\n", "\r\n")
    path.write_bytes(text.encode("utf-8"))

    merged, report = save_merged(_generated([1, 2, 3]), path)

    after = path.read_bytes().decode("utf-8")
    assert report.added == ["q-00000003"]
    assert load_deck(path) == merged
    for comment in ("# Unit 3", "# confirmed in class", "# end of my deck"):
        assert comment in after
    # The person's text is kept as it was up to the new question.
    head = text[: text.index("# Every id")].rstrip()
    assert after.startswith(head)
    assert "\r\n" not in after.replace("\r\n", "") if layout == "crlf" else "\r" not in after


def test_a_deck_in_an_unusual_layout_is_rewritten_whole_and_right(tmp_path: Path) -> None:
    path = tmp_path / "deck.yaml"
    path.write_text("quizgen: 1\ntitle: Flow\nquestions: []  # to fill\n", encoding="utf-8")
    merged, _ = save_merged(_generated([1]), path)
    assert load_deck(path) == merged and len(merged.questions) == 1
