"""A long run with no paragraph break costs no more memory than the same text in
paragraphs (issue 15, ../shared/cases/29-very-long-text): spaCy's batches are bounded by
characters, not only by count, and the bound never changes what is extracted."""

from __future__ import annotations

import pytest


def test_batches_hold_at_most_so_many_characters(monkeypatch) -> None:
    import quizgen._extract as ext

    long_run = [("x" * 10_000, k) for k in range(64)]  # a 640k-character run cut at 10k
    batches = list(ext._batches(iter(long_run)))
    assert [item for b in batches for item in b] == long_run
    assert all(sum(len(t) for t, _ in b) <= ext._BATCH_CHARS for b in batches)
    short = [("A short paragraph.", k) for k in range(200)]
    assert [len(b) for b in ext._batches(iter(short))] == [64, 64, 64, 8]
    huge = [("y" * 50_000, 0), ("z", 1)]  # one chunk above the bound still goes alone
    assert [len(b) for b in ext._batches(iter(huge))] == [1, 1]


@pytest.mark.slow
def test_the_batch_bound_never_changes_the_facts(monkeypatch) -> None:
    import quizgen._extract as ext
    from quizgen._sources import Source

    text = " ".join(
        f"In {1850 + k % 90} Ada Brack joined the Corran Mill Company. She left it in {1900 + k % 50}."
        for k in range(300)
    )
    source = Source("long.txt", "Long Line", text)
    by_default = ext._extract_many([source])[0]
    monkeypatch.setattr(ext, "_BATCH_CHARS", 1)
    monkeypatch.setattr(ext, "_CHUNK_CHARS", 2_000)
    one_by_one = ext._extract_many([source])[0]
    monkeypatch.setattr(ext, "_BATCH_CHARS", 10**9)
    all_at_once = ext._extract_many([source])[0]
    assert by_default.sentences and by_default.dates
    assert one_by_one == all_at_once
