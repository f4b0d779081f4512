"""A person's edits are never lost: merging a fresh generation into an edited deck keeps
every edit, rejection and addition, and ids never change."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import run_cli
from quizgen.deck import (
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
from quizgen.errors import DeckError


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


@settings(max_examples=60, deadline=None)
@given(
    first=st.sets(st.integers(0, 30), min_size=1, max_size=12),
    second=st.sets(st.integers(0, 30), max_size=12),
    edits=st.lists(EDITS, min_size=12, max_size=12),
    added=st.lists(st.tuples(TEXT, TEXT), max_size=3),
)
def test_merge_keeps_every_edit(first, second, edits, added) -> None:
    existing = _generated(sorted(first))
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
    # Then only the fresh questions whose id the deck does not hold, as generated.
    known = {q.id for q in kept}
    assert merged.questions[len(kept) :] == [q for q in fresh.questions if q.id not in known]
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


@pytest.mark.xfail(
    strict=True,
    reason="a deleted question whose fact is still in the source comes back as new: the deck "
    "keeps no record of deletions (status: rejected is how to keep one out); fixing it needs "
    "a place in deck format v1 for deleted ids",
)
def test_a_deleted_question_stays_deleted() -> None:
    existing = _generated([1, 2, 3])
    del existing.questions[1]
    merged, _ = merge_decks(existing, _generated([1, 2, 3]))
    assert "q-00000002" not in [q.id for q in merged.questions]
