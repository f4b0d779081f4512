"""How fast the quiz starts: process start to the first question on screen, and `--help`.

Each figure is the median of several runs, printed beside a bare `python -c pass` start
(and an import of the libraries the quiz needs) measured in the same run, so the ratio
says what quizgen adds. Targets: first question < 0.5 s (on 4 and on 2,000 questions),
--help < 0.3 s.

    python bench/bench_quiz.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
sys.path.insert(0, str(SRC))

from quizgen._deck import Deck, Question, save_deck  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": str(SRC), "NO_COLOR": "1"}
TARGETS = {"first question": 0.5, "first question, 2000-question deck": 0.5, "--help": 0.3}


def big_deck(n: int) -> Deck:
    """A deck of `n` questions of every type, like a long generated one."""
    questions = []
    for i in range(n):
        kind = ("date", "actor", "organization")[i % 3]
        qtype = ("short", "cloze", "choice", "truefalse")[i % 4]
        answer = {"truefalse": "true", "choice": f"{1900 + i % 100}"}.get(qtype, f"Answer {i}")
        questions.append(
            Question(
                id=f"q-{i:08x}",
                kind=kind,
                type=qtype,
                prompt=f"Question number {i} about something? ____"
                if qtype == "cloze"
                else f"Question number {i} about something?",
                answer=answer,
                accept=[f"alias {i}"] if qtype == "short" else [],
                choices=[f"{1900 + (i + k) % 100}" for k in range(4)] if qtype == "choice" else [],
                context=f"The source sentence of question {i}, long enough to be realistic.",
            )
        )
    return Deck(title=f"Big deck {n}", questions=questions)


def time_command(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def time_first_question(deck: Path, db: Path) -> float:
    """Seconds from spawning `quizgen quiz` until 'Question 1/' is read from its stdout."""
    for stale in db.parent.glob(db.name + "*"):
        stale.unlink()
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "quizgen", "quiz", str(deck), "--db", str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=ENV,
        text=True,
    )
    assert proc.stdout is not None and proc.stdin is not None
    elapsed = None
    for line in proc.stdout:
        if line.startswith("Question 1/"):
            elapsed = time.perf_counter() - start
            break
    proc.stdin.close()  # end of input: the quiz ends cleanly
    proc.stdout.read()
    proc.wait(timeout=60)
    if elapsed is None:
        raise SystemExit("the quiz never showed a first question")
    return elapsed


def median(fn, runs: int) -> float:
    fn()  # warm the page cache and __pycache__
    return statistics.median(fn() for _ in range(runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        decks = {
            "4": save_deck(
                Deck(title="Small", questions=big_deck(4).questions),
                tmp_path / "small.yaml",
            ),
            "2000": save_deck(big_deck(2000), tmp_path / "big.yaml"),
        }
        db = tmp_path / "p.sqlite3"
        bare = median(lambda: time_command([py, "-c", "pass"]), runs)
        libs = median(
            lambda: time_command([py, "-c", "import yaml, sqlite3, fsrs, rapidfuzz, typer"]), runs
        )
        figures = {
            "--help": median(lambda: time_command([py, "-m", "quizgen", "--help"]), runs),
            "first question": median(lambda: time_first_question(decks["4"], db), runs),
            "first question, 2000-question deck": median(
                lambda: time_first_question(decks["2000"], db), runs
            ),
        }
        # The deck parse alone, in process: what a big deck costs before the quiz starts.
        from quizgen._deck import load_deck

        start = time.perf_counter()
        load_deck(decks["2000"])
        load_big = time.perf_counter() - start
    print(f"median of {runs} runs, fresh progress database each quiz run")
    print(f"  {'python -c pass':<38} {bare * 1000:7.1f} ms")
    print(f"  {'python -c import yaml,fsrs,typer,...':<38} {libs * 1000:7.1f} ms")
    failed = False
    for name, seconds in figures.items():
        target = TARGETS.get(name)
        verdict = ""
        if target is not None:
            ok = seconds < target
            failed |= not ok
            verdict = f"  target < {target} s: {'ok' if ok else 'MISSED'}"
        print(
            f"  {name:<38} {seconds * 1000:7.1f} ms  = {seconds / bare:4.1f}x bare python,"
            f" {seconds / libs:4.1f}x bare imports{verdict}"
        )
    print(f"  (of which load_deck of the 2000-question deck, in process: {load_big * 1000:.1f} ms)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
