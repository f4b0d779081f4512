"""The command line as a whole: every command's help, and the few things only a real process
shows (the `quizgen` script, `python -m quizgen`, Ctrl-C, a fresh interpreter's imports: test_quiz_cli.py).

Every other CLI test runs the app in process (`run_cli`); the smoke tests here check that
what they see is what a user sees.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from pypdf import PdfReader

from conftest import ROOT, review_count, run_cli, run_cli_process, start_quiz, wait_for_reviews
from quizgen._cli import app
from quizgen._deck import Deck, save_deck
from quizgen._render import renderer_names

NAMES = renderer_names()


def _command_paths(command: typer.core.TyperGroup | typer.core.TyperCommand) -> list[list[str]]:
    """[[], ['build'], ['generate'], ...]: the root and every command under it, depth first."""
    paths: list[list[str]] = [[]]
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        paths.extend([name, *rest] for rest in _command_paths(sub))
    return paths


COMMANDS = _command_paths(typer.main.get_command(app))


def test_the_walk_finds_every_command() -> None:
    names = {" ".join(path) for path in COMMANDS}
    assert names == {
        "",
        "anki",
        "build",
        "check",
        "export",
        "facts",
        "generate",
        "pdf",
        "quiz",
        "stats",
    }


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "quizgen")
def test_every_command_has_help(path: list[str]) -> None:
    result = run_cli(*path, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    usage, _, body = result.stdout.partition("\n")
    assert usage.startswith(f"Usage: {' '.join(['quizgen', *path])} ")
    # A sentence of its own (the docstring), not just the option list.
    summary = body.strip().splitlines()[0]
    assert summary[0].isupper() and len(summary.split()) >= 4, result.stdout
    assert "-h, --help" in result.stdout


# --- typed choices ---------------------------------------------------------------------------


def test_cli_choices_are_the_renderers_choices() -> None:
    from quizgen._cli._common import Key, Output, Paper
    from quizgen._render.pdf import KEYS, PAPERS

    assert list(Output) == renderer_names()
    assert tuple(Key) == KEYS
    assert tuple(Paper) == PAPERS


def test_help_lists_the_choices() -> None:
    pdf_help = run_cli("pdf", "--help").stdout
    assert "--key <end|same|separate|none>" in pdf_help
    assert "--paper <a4|letter>" in pdf_help
    names = "|".join(renderer_names())
    assert f"--to <{names}>" in run_cli("build", "--help").stdout
    assert f"--to <{names}>" in run_cli("export", "--help").stdout
    assert {"tsv", "json", "gift", "moodle", "qti", "html"} <= set(renderer_names())


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["pdf", "deck.yaml", "--key", "back"], "'end', 'same', 'separate', 'none'"),
        (["pdf", "deck.yaml", "--paper", "a5"], "'a4', 'letter'"),
        (["build", "a.txt", "--to", "anki, csv"], f"'csv' is not one of: {', '.join(NAMES)}"),
        (["export", "d.yaml", "--to", "xls"], f"'xls' is not one of: {', '.join(NAMES)}"),
    ],
)
def test_an_unknown_choice_is_a_usage_error_naming_the_choices(
    args: list[str], names: str, tmp_path: Path
) -> None:
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert "Invalid value for" in result.stderr and names in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("to", [["anki, pdf"], ["anki", " PDF"], ["pdf,anki,"]])
def test_to_takes_commas_and_repeats_like_kinds(to: list[str], tmp_path: Path) -> None:
    # The options are accepted: the run goes on to the (missing) source, before spaCy loads.
    args = [x for value in to for x in ("--to", value)]
    result = run_cli("build", "gone.txt", *args, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, "Error: gone.txt: no such file\n")


def test_key_and_paper_ignore_case(tmp_path: Path, sample_deck: Deck) -> None:
    save_deck(sample_deck, tmp_path / "deck.yaml")
    result = run_cli("pdf", "deck.yaml", "--key", "None", "--paper", "LETTER", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "output").iterdir()) == ["deck.pdf"]
    reader = PdfReader(tmp_path / "output" / "deck.pdf")
    assert [float(x) for x in reader.pages[0].mediabox[2:]] == [612, 792]
    assert not any("Answer key" in page.extract_text() for page in reader.pages)


# --- smoke tests: a real process ----------------------------------------------------------


def _same_as_in_process(process: subprocess.CompletedProcess[str], *args: str) -> None:
    here = run_cli(*args)
    assert (process.returncode, process.stdout, process.stderr) == (
        here.returncode,
        here.stdout,
        here.stderr,
    )


@pytest.mark.parametrize(
    "args",
    [
        ["--version"],
        ["check", "no-such-deck.yaml"],  # a QuizgenError: one Error line, exit 2
        ["check", "."],  # a folder
        ["pdf", "deck.yaml", "--paper", "a5"],  # Typer's own usage error
    ],
    ids=["version", "missing", "folder", "bad-choice"],
)
def test_python_m_quizgen_prints_what_the_in_process_run_shows(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    process = run_cli_process(*args, cwd=tmp_path, timeout=60)
    if args[0] == "pdf":
        # click names the program as it was started: `python -m quizgen`, here `quizgen`.
        process.stderr = process.stderr.replace("python -m quizgen", "quizgen")
    _same_as_in_process(process, *args)


def test_the_installed_quizgen_script(tmp_path: Path, sample_deck: Deck) -> None:
    script = Path(sys.executable).parent / "quizgen"
    if not script.exists():
        pytest.skip(f"{script} is not installed (pip install -e . makes it)")
    deck = save_deck(sample_deck, tmp_path / "deck.yaml")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    ok = subprocess.run(
        [str(script), "check", deck.name], cwd=tmp_path, capture_output=True, text=True, env=env
    )
    assert (ok.returncode, ok.stdout, ok.stderr) == (
        0,
        "deck.yaml: ok, 5 questions (4 active)\n",
        "",
    )
    bad = subprocess.run(
        [str(script), "check", "gone.yaml"], cwd=tmp_path, capture_output=True, text=True, env=env
    )
    assert (bad.returncode, bad.stdout) == (2, "")
    assert bad.stderr.startswith("Error: gone.yaml: ") and bad.stderr.count("\n") == 1


def test_ctrl_c_ends_a_quiz_with_its_summary_and_keeps_the_answers(
    tmp_path: Path, sample_deck: Deck
) -> None:
    deck = save_deck(sample_deck, tmp_path / "deck.yaml")
    db = tmp_path / "p.sqlite3"
    proc = start_quiz(deck, db, "2026-03-01T09:00:00Z")
    assert proc.stdin is not None
    proc.stdin.write("b\n")
    proc.stdin.flush()
    wait_for_reviews(db, 1)
    # The second question waits for an answer on an open stdin when Ctrl-C comes.
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err  # 128 + SIGINT, as a shell reports an interrupted job
    assert "Traceback" not in err
    assert "Score: 1/1 right" in out
    assert review_count(db) == 1
