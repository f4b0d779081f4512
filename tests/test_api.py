"""The public API: what `from quizgen import ...` gives, and the example that documents it."""

from __future__ import annotations

import doctest
import shutil
import types
from pathlib import Path

import pytest

import quizgen

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", quizgen.__all__)
def test_every_public_name_imports_and_is_no_module(name):
    value = getattr(quizgen, name)
    assert not isinstance(value, types.ModuleType), f"quizgen.{name} is a module"
    if name != "__version__":
        assert value.__doc__, f"quizgen.{name} has no docstring"


def test_the_stage_functions_are_functions():
    from quizgen import build, extract_facts, generate, iter_facts, load_source, render

    for fn in (build, extract_facts, generate, iter_facts, load_source, render):
        assert isinstance(fn, types.FunctionType), fn


def test_all_lists_every_public_name_once_and_nothing_else():
    assert len(quizgen.__all__) == len(set(quizgen.__all__))
    assert set(quizgen.__all__) == {"__version__", *quizgen._EXPORTS}
    with pytest.raises(AttributeError, match="no attribute 'extract_many'"):
        quizgen.extract_many  # noqa: B018  (a private helper is not reachable by the lazy lookup)


@pytest.mark.slow  # the example generates a deck: it loads spaCy
def test_the_module_docstring_example_runs(tmp_path, monkeypatch):
    # The example reads sources/marshall-plan.md as a user in the repository would, and
    # writes beside it: run it in a copy so the tree stays clean.
    (tmp_path / "sources").mkdir()
    shutil.copy(ROOT / "sources" / "marshall-plan.md", tmp_path / "sources")
    monkeypatch.chdir(tmp_path)
    result = doctest.testmod(quizgen, optionflags=doctest.ELLIPSIS, report=True)
    assert result.attempted >= 10
    assert result.failed == 0
    assert (tmp_path / "marshall-plan.apkg").stat().st_size > 0
