"""Fixtures shared by every test file: the shared corpus, a sample deck, and a CLI runner."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quizgen._deck import Deck, Question, SourceRef

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the repo: the real article, its gold file and the scoring tool."""
    if not SHARED.is_dir():
        pytest.fail(f"{SHARED} is missing: clone the repo beside the shared folder")
    return SHARED


def run_cli(
    *args: str,
    cwd: Path | None = None,
    input: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """Run the real `quizgen` CLI in a subprocess (python -m quizgen) and capture its output."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "quizgen", *args],
        cwd=cwd,
        input=input,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
    )


def listing(folder: Path) -> dict[str, str]:
    """Every file under `folder` (names relative to it) with a hash of its bytes, to check
    that a command wrote nothing, or changed nothing, by comparing before and after."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        if path.is_symlink() or not path.is_file():
            out[rel] = "-"
        elif os.access(path, os.R_OK) and path.stat().st_size < 1 << 20:
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            out[rel] = f"size {path.stat().st_size}"
    return out


@pytest.fixture
def cli():
    """The `run_cli` function, as a fixture."""
    return run_cli


def make_sample_deck() -> Deck:
    """A small valid deck with every question type, non-Latin names and markup-like text."""
    src = "sources/sample.txt"
    return Deck(
        title="Sample <b>deck</b> & friends",
        deck_id=1234567890,
        sources=[
            SourceRef(
                path=src,
                title="A sample source",
                published="2001-05-04",
                url="https://example.org/a?b=1&c=2",
            )
        ],
        questions=[
            Question(
                id="q-00000001",
                kind="date",
                type="choice",
                prompt="In what year did China let the 1950 accord lapse?",
                answer="1979",
                accept=["in 1979"],
                choices=["1969", "1979", "1950", "1972"],
                context="A 1950 accord was allowed to lapse in 1979 at China's request.",
                source=src,
                template="date-event",
                tags=["date"],
            ),
            Question(
                id="q-00000002",
                kind="actor",
                type="short",
                prompt="Who was Russia's president when the treaty was drafted?",
                answer="Владимир Путин",
                accept=["Putin", "Vladimir V. Putin"],
                context="Russian President Vladimir V. Putin met Łukasz and Ολυμπία.",
                source=src,
                template="actor-role",
                tags=["actor"],
            ),
            Question(
                id="q-00000003",
                kind="organization",
                type="cloze",
                prompt="Russia criticizes the eastward expansion of the _____ <script>alert(1)</script>.",
                answer="North Atlantic Treaty Organization",
                accept=["NATO"],
                context="China backs Russia in its criticism of NATO's eastward expansion & more.",
                source=src,
                template="org-cloze",
                tags=["organization"],
            ),
            Question(
                id="q-00000004",
                kind="actor",
                type="truefalse",
                prompt="Tang Jiaxuan was China's foreign minister.",
                answer="true",
                context="Chinese Foreign Minister Tang Jiaxuan flew home Tuesday.",
                source=src,
                template="actor-role-tf",
                tags=["actor"],
            ),
            Question(
                id="q-00000005",
                kind="actor",
                type="short",
                prompt="A rejected question that is never rendered?",
                answer="Nobody",
                source=src,
                status="rejected",
            ),
        ],
    )


@pytest.fixture
def sample_deck() -> Deck:
    """A fresh copy of the sample deck for each test."""
    return make_sample_deck()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite tests/golden/ from the current output.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to refresh golden files (review them as a diff)."""
    return bool(request.config.getoption("--update-golden"))
