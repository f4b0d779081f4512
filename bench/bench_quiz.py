"""How fast the quiz starts: process start to the first question on screen, and `--help`.

Each figure is the median of several runs, printed beside a bare `python -c pass` start
(and an import of the libraries the quiz needs) measured in the same run, so the ratio
says what quizgen adds. Targets: first question < 0.5 s (on 4 and on 2,000 questions),
--help < 0.3 s. Beside each wall time, the CPU seconds the child process used (user +
system): on a machine shared with other work the wall time swings with the load, the
CPU time far less.

    python bench/bench_quiz.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import resource
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


Timing = tuple[float, float]  # (wall seconds, child CPU seconds)


def _children_cpu() -> float:
    """CPU seconds used by the children this process has waited for, so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_command(args: list[str]) -> Timing:
    cpu, start = _children_cpu(), time.perf_counter()
    subprocess.run(args, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start, _children_cpu() - cpu


def time_first_question(deck: Path, db: Path) -> Timing:
    """Seconds from spawning `quizgen quiz` until 'Question 1/' is read from its stdout,
    and the CPU seconds of the whole run (it ends at once: its input is empty)."""
    for stale in db.parent.glob(db.name + "*"):
        stale.unlink()
    cpu, start = _children_cpu(), time.perf_counter()
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
    return elapsed, _children_cpu() - cpu


def median(fn, runs: int) -> Timing:
    """The median wall time and the median CPU time of `runs` calls of `fn`."""
    fn()  # warm the page cache and __pycache__
    timings = [fn() for _ in range(runs)]
    return statistics.median(t[0] for t in timings), statistics.median(t[1] for t in timings)


def load_seconds(deck: Path, runs: int) -> float:
    """CPU seconds of `load_deck` on `deck`, in this process: the median of `runs`."""
    from quizgen._deck import load_deck

    load_deck(deck)
    times = []
    for _ in range(runs):
        start = time.process_time()
        load_deck(deck)
        times.append(time.process_time() - start)
    return statistics.median(times)


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
        load_big = load_seconds(decks["2000"], runs)
    print(f"median of {runs} runs, fresh progress database each quiz run; wall time (CPU time)")
    print(f"  {'python -c pass':<38} {bare[0] * 1000:7.1f} ms ({bare[1] * 1000:5.1f} ms)")
    print(
        f"  {'python -c import yaml,fsrs,typer,...':<38} {libs[0] * 1000:7.1f} ms"
        f" ({libs[1] * 1000:5.1f} ms)"
    )
    failed = False
    for name, (seconds, cpu) in figures.items():
        target = TARGETS.get(name)
        verdict = ""
        if target is not None:
            ok = seconds < target
            failed |= not ok
            verdict = f"  target < {target} s: {'ok' if ok else 'MISSED'}"
        print(
            f"  {name:<38} {seconds * 1000:7.1f} ms ({cpu * 1000:5.1f} ms)"
            f" = {seconds / bare[0]:4.1f}x bare python, {seconds / libs[0]:4.1f}x bare imports,"
            f" CPU {cpu / libs[1]:4.1f}x bare imports{verdict}"
        )
    big, small = figures["first question, 2000-question deck"], figures["first question"]
    print(
        f"  2000 questions vs 4: wall {big[0] / small[0]:4.2f}x, CPU {big[1] / small[1]:4.2f}x;"
        f" load_deck of the 2000-question deck, in process: {load_big * 1000:.1f} ms CPU"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
