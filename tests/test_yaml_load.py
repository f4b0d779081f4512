"""Loading YAML fast: one pass over libyaml's nodes gives safe_load's values, with lines.

The loader builds text, lists and mappings itself and hands every other node to PyYAML's
safe constructor; its resolver skips patterns that cannot match. These tests hold it to
the full resolver and constructor, to the pure-Python parser, and to its messages.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from quizgen import _yaml
from quizgen._deck import Deck, dump_deck, loads_deck, save_deck
from quizgen._errors import DeckError
from quizgen._yaml import YamlProblem, load_yaml

ROOT = Path(__file__).resolve().parent.parent

# Plain scalars of every implicit type, near-misses of them, and text that starts with a
# resolver's first character (t, n, f, digits, '-', '.', '<', '=').
SCALARS = [
    "1", "-3", "+7", "0x1f", "0o17", "012", "1_000", "1:20", "1.5", "1e3", "-.5", ".inf",
    "-.inf", ".nan", "true", "True", "FALSE", "tRUE", "yes", "No", "on", "Off", "null",
    "Null", "NULL", "~", "2020-01-01", "2020-01-01 10:00:00", "type", "template", "new",
    "false news", "nothing", "1979 or 1980", "-", "+", ".", "..", "<x", "=x", "Tom",
    "'1'", '"true"', "'~'", "''",
]  # fmt: skip


class _Reference(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """safe_load with our implicit resolvers and nothing else changed: the expected values."""

    yaml_implicit_resolvers = _yaml._IMPLICIT


def _reference(text: str) -> Any:
    return yaml.load(text, Loader=_Reference)


@pytest.mark.parametrize("scalar", SCALARS)
def test_a_scalar_gets_the_value_the_full_resolver_gives(scalar: str) -> None:
    # Three times: the resolver remembers a plain scalar's tag after its first sight.
    text = f"a: {scalar}\nb: [{scalar}, {scalar}]\n{scalar}: key\n"
    try:
        expected = _reference(text)
    except yaml.YAMLError:  # "-: key" is not YAML
        with pytest.raises(YamlProblem):
            load_yaml(text)
    else:
        assert load_yaml(text).data == expected


def test_values_and_lines_of_a_deck_with_every_kind_of_node() -> None:
    text = (
        "quizgen: 1\n"  # an int, built by PyYAML's constructor
        "title: 'Quoted: title'\n"
        "flags: {on: yes, 1: one, null: none, =: value}\n"
        "questions:\n"
        "  - id: q1\n"
        "    answer: 1979\n"
        "    choices: [1979, '1980', true, ~]\n"
        "    context: |\n"
        "      Two lines\n"
        "      of text.\n"
        "  - !!omap [b: 1, a: 2]\n"
    )
    loaded = load_yaml(text)
    assert loaded.data == _reference(text)
    assert loaded.lines == {
        (): 1,
        ("quizgen",): 1,
        ("title",): 2,
        ("flags",): 3,
        **{("flags", key): 3 for key in ("on", "1", "null", "=")},
        ("questions",): 4,
        ("questions", 0): 5,
        **{("questions", 0, key): line for key, line in (("id", 5), ("answer", 6))},
        ("questions", 0, "choices"): 7,
        **{("questions", 0, "choices", i): 7 for i in range(4)},
        ("questions", 0, "context"): 8,
        ("questions", 1): 11,
        **{("questions", 1, i): 11 for i in range(2)},
        **{("questions", 1, i, key): 11 for i, key in ((0, "b"), (1, "a"))},
    }


# (text, message, line): the loader's own refusals come before a constructor's error,
# whichever comes first in the text; a constructor's error keeps its line and context.
PROBLEMS = [
    ("quizgen: 1\ntitle: !!set {a, b}\ntitle: x\n", "duplicate key 'title'", 3),
    ("a: 1\nb: !foo x\n", "unsupported tag '!foo'", 2),
    ("x: !foo 1\ny: [!bar 2]\n", "unsupported tag '!foo'", 1),
    ("a: 1\n? [a, b]\n: c\n", "found unhashable key (while constructing a mapping on line 1)", 2),
    ("a: &x [1]\nb: *x\n", "YAML aliases (*name) are not allowed", 1),
    ("a: !foo 1\n<<: {a: 1}\n", "YAML merge keys (<<) are not allowed", 2),
    ("a: 1\nb: [x\n", "a [ list starts here and is never closed with ]", 2),
]


@pytest.mark.parametrize(("text", "message", "line"), PROBLEMS)
def test_problems_keep_their_message_and_line(text: str, message: str, line: int) -> None:
    with pytest.raises(YamlProblem) as info:
        load_yaml(text)
    assert (info.value.message, info.value.line) == (message, line)


def _deck_text() -> str:
    from bench_quiz import big_deck  # the benchmark's deck: every type, 200 questions

    return dump_deck(big_deck(200))


@pytest.fixture
def bench_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "bench"))


@pytest.mark.usefixtures("bench_path")
def test_the_pure_python_parser_gives_the_same_deck(monkeypatch: pytest.MonkeyPatch) -> None:
    # Without libyaml the loader is built on yaml.SafeLoader: slower, same data and lines.
    text = _deck_text()
    fast = load_yaml(text)
    monkeypatch.setattr(_yaml, "_Loader", _yaml._make_loader(yaml.SafeLoader))
    pure = load_yaml(text)
    assert (pure.data, pure.lines) == (fast.data, fast.lines)
    assert fast.data == _reference(text)


def test_the_garbage_collector_is_left_as_it_was() -> None:
    assert gc.isenabled()
    load_yaml("a: [1, 2]\n")
    assert gc.isenabled()
    with pytest.raises(YamlProblem):
        load_yaml("a: 1\na: 2\n")
    assert gc.isenabled()
    with pytest.raises(DeckError):  # a problem found by the validator, not the parser
        loads_deck("quizgen: 1\ntitle: T\nquestions: [{id: q1}]\n")
    assert gc.isenabled()
    gc.disable()
    try:
        load_yaml("a: [1, 2]\n")
        assert not gc.isenabled()
    finally:
        gc.enable()


# Libraries the quiz must not import before its first question: spaCy and the
# renderers', and the date parsers the answer checker imports only when it needs them.
NOT_BEFORE_FIRST_QUESTION = {"spacy", "reportlab", "genanki", "dateutil", "dateparser", "lxml"}


@pytest.mark.usefixtures("bench_path")
def test_first_question_of_a_big_deck_imports_nothing_heavy(tmp_path: Path) -> None:
    from bench_quiz import big_deck

    deck = save_deck(Deck(title="Big", questions=big_deck(2000).questions), tmp_path / "d.yaml")
    db = str(tmp_path / "p.sqlite3")
    # No input: the quiz shows the first question, reads end of input and ends cleanly.
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "quizgen", "quiz", str(deck), "--db", db],
        input="",
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Question 1/" in result.stdout
    imported = {
        line.split("|")[-1].strip().split(".")[0]
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "yaml" in imported and "fsrs" in imported
    assert not imported & NOT_BEFORE_FIRST_QUESTION
