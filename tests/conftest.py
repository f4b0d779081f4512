"""Fixtures shared by every test file: the shared corpus, a sample deck, and a CLI runner."""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizgen._deck import Deck, Question, SourceRef

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test its own empty cache of parsed sources: never the user's, never another test's."""
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(tmp_path_factory.mktemp("facts-cache")))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the repo: the real article, its gold file and the scoring tool.

    A public clone has no ../shared: the tests that need it skip, naming what is missing."""
    if not SHARED.is_dir():
        pytest.skip(f"needs {SHARED} (the shared article and scorer), absent in a public clone")
    return SHARED


class CliTimeout(BaseException):
    """A CLI run in process took longer than its timeout. A BaseException, so that neither
    the CLI's OSError mapping nor CliRunner swallows it."""


def run_cli(
    *args: str,
    cwd: Path | None = None,
    input: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """Run the `quizgen` CLI in this process with typer's CliRunner and capture its output.

    The result has the shape of `subprocess.run`'s (returncode, stdout, stderr), and the
    app maps errors to `Error: ...` lines itself, so it is what a user sees. Stdin is
    `input` (empty if None), the environment gets NO_COLOR and `env`, and the run fails
    with CliTimeout after `timeout` seconds (a SIGALRM, which interrupts a blocking read).
    """
    from typer.testing import CliRunner

    from quizgen._cli import app

    def _expired(signum: int, frame: object) -> None:
        raise CliTimeout(f"quizgen {' '.join(args)}: still running after {timeout} s")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        with contextlib.chdir(cwd or Path.cwd()), warnings.catch_warnings():
            _python_default_warning_filters()
            result = CliRunner().invoke(
                app, list(args), input=input, env={"NO_COLOR": "1", **(env or {})}
            )
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        # A bug: a real run would print the traceback, so show it in the test's failure.
        raise result.exception
    return subprocess.CompletedProcess(
        ["quizgen", *args], result.exit_code, result.stdout, result.stderr
    )


def _python_default_warning_filters() -> None:
    """The filters a fresh `python` has, instead of pytest's (which show DeprecationWarning):
    the CLI prints every shown warning as a `Warning:` line, so they must match a real run."""
    warnings.resetwarnings()
    warnings.filterwarnings("default", category=DeprecationWarning, module="__main__")
    for category in (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning):
        warnings.filterwarnings("ignore", category=category)


def run_cli_process(
    *args: str,
    cwd: Path | None = None,
    input: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """Run the real `quizgen` CLI in a subprocess (python -m quizgen) and capture its output:
    for the smoke tests of what only a process has (entry point, signals, import cost)."""
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


def start_quiz(deck: Path, db: Path, now: str, quiet: bool = False) -> subprocess.Popen[str]:
    """`quizgen quiz DECK --db DB` in a process with a pipe for stdin (and for stdout and
    stderr unless `quiet`), the clock pinned to `now`: for signal tests."""
    out = subprocess.DEVNULL if quiet else subprocess.PIPE
    return subprocess.Popen(
        [sys.executable, "-m", "quizgen", "quiz", str(deck), "--db", str(db)],
        stdin=subprocess.PIPE,
        stdout=out,
        stderr=out,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), "QUIZGEN_NOW": now, "NO_COLOR": "1"},
        text=True,
    )


def wait_for_reviews(db: Path, count: int, timeout: float = 30) -> None:
    """Wait until the progress database `db` holds `count` reviews (or `timeout` passes)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if db.exists() and review_count(db) == count:
                return
        except sqlite3.OperationalError:
            pass  # the quiz is still creating the schema
        time.sleep(0.05)


def review_count(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
    finally:
        conn.close()


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
    """The `run_cli` function (the CLI in process), as a fixture."""
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


_SPACY_BEFORE = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    item.stash[_SPACY_BEFORE] = "spacy" in sys.modules
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Iterator[pytest.TestReport]:
    """In a `-m "not slow"` run, a test that loads spaCy fails: it belongs with the slow ones.

    Only spaCy's import is seen (not a subprocess's), and only for the first such test of
    the run; that is enough to keep the everyday loop fast as tests are added.
    """
    report = yield
    loaded = call.when == "teardown" and not item.stash.get(_SPACY_BEFORE, True)
    if (
        loaded
        and "spacy" in sys.modules
        and item.get_closest_marker("slow") is None
        and "not slow" in (item.config.getoption("markexpr") or "")
    ):
        report.outcome = "failed"
        report.longrepr = f"{item.nodeid} loads spaCy: mark it @pytest.mark.slow"
    return report


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


@pytest.fixture
def col(tmp_path: Path):
    """A fresh, empty Anki collection (the official `anki` package), closed afterwards."""
    from anki.collection import Collection

    collection = Collection(str(tmp_path / "collection.anki2"))
    yield collection
    collection.close()


def import_apkg(col, path: Path):
    """Import a package with Anki's default options (update notes only when newer)."""
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    return col.import_anki_package(request).log
