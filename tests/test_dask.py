"""`--executor dask`: the decks made on a Dask LocalCluster are byte-identical to a local run."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli
from test_corpus import CROSS, CURIE, DECK_WITH_TEMPLATES, OWN_TEMPLATES, _listing, _tree

pytest.importorskip("distributed", reason="needs the dask extra: pip install 'quizgen[dask]'")


@pytest.mark.slow
def test_a_dask_local_cluster_makes_the_same_bytes_as_a_local_run(tmp_path: Path) -> None:
    files = {
        "sources/a/one.txt": CURIE,
        "sources/b/two.txt": CROSS,
        "sources/three.txt": CURIE + CROSS,
        # The workers generate: the deck's own templates and the --templates file go there.
        "decks/b/two.yaml": DECK_WITH_TEMPLATES,
        "own.yaml": OWN_TEMPLATES,
    }
    decks = []
    for executor in ("local", "dask"):
        root = _tree(tmp_path / executor, files)
        args = ("generate", "sources", "--executor", executor, "-j", "2", "--no-cache", "-q")
        result = run_cli(*args, "--templates", "own.yaml", cwd=root)
        assert result.returncode == 0, result.stderr
        decks.append(_listing(root / "decks"))
    assert len(decks[0]) == 3 and decks[0] == decks[1]
    assert b"Say when" in decks[0]["a/one.yaml"] and b"Mine: who" in decks[0]["b/two.yaml"]


def test_an_unreachable_scheduler_is_one_error_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(CURIE, encoding="utf-8")
    args = ("generate", "a.txt", "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9")
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("Error: tcp://127.0.0.1:9: cannot reach the Dask scheduler")
    assert not (tmp_path / "decks").exists()
