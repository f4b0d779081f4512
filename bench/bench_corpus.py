"""A reading list: a folder of 20 sources (--words in all, default 100,000) built with the
real CLI, each run in a fresh process; prints, measured in one run (ratios, since a shared
machine makes absolute times noisy):

(1) first build (empty cache, --jobs 1) against the second of the unchanged folder (which
    leaves every deck alone: `quizgen._uptodate`);
(2) `generate` with --jobs 1 against --jobs 2 (no cache), and that their decks are the same;
(3) with --case29 FILE (long-line.txt of ../shared/cases/29-very-long-text, made by its
    `make_inputs.py`): peak RSS of `generate` on it against the same text in paragraphs.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_memory import _measure, synthetic_text


def _run(*args: str, cwd: Path, env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "quizgen", *args, "--quiet"], cwd=cwd, env=env, capture_output=True
    )
    elapsed = time.perf_counter() - t0
    if done.returncode:  # the per-deck report lines are noise here, but not an error
        sys.exit(f"quizgen {' '.join(args)} failed:\n{done.stderr.decode()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--sources", type=int, default=20)
    parser.add_argument("--case29", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        env = {**os.environ, "QUIZGEN_CACHE_DIR": str(root / "cache")}
        # ~6.5 characters a word in the synthetic text
        per = args.words * 6.5 / args.sources / (1024 * 1024)
        words = 0
        for k in range(args.sources):
            text = synthetic_text(per, seed=k)
            words += len(text.split())
            path = root / "sources" / f"part{k // 5}" / f"s{k:02}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"Source {k}\n\n{text}", encoding="utf-8")
        print(f"input: {args.sources} sources, {words:,} words")
        build = ("build", "sources", "--to", "anki", "-j", "1")
        cold = _run(*build, cwd=root, env=env)
        warm = _run(*build, cwd=root, env=env)
        print(
            f"build, empty cache: {cold:6.1f} s; again, unchanged: {warm:5.1f} s; "
            f"ratio {cold / warm:.1f}x (target >= 10x)"
        )
        times = {}
        for jobs in ("1", "2"):
            out = root / f"decks{jobs}"
            args_ = ("generate", "sources", "-o", str(out / "all.yaml"), "-j", jobs, "--no-cache")
            times[jobs] = _run(*args_, cwd=root, env=env)
        same = filecmp.cmp(
            root / "decks1" / "all.yaml", root / "decks2" / "all.yaml", shallow=False
        )
        print(
            f"generate --jobs 1: {times['1']:6.1f} s; --jobs 2: {times['2']:6.1f} s; "
            f"speed-up {times['1'] / times['2']:.2f}x on {os.cpu_count()} cores "
            f"(target >= 1.7x); same deck: {same}"
        )
    if args.case29:
        peaks = {}
        with tempfile.TemporaryDirectory() as tmp:
            line = args.case29.read_text(encoding="utf-8")
            paras = Path(tmp) / "long-paras.txt"
            paras.write_text(line.replace(". ", ".\n\n"), encoding="utf-8")
            for name, path in (("paragraphs", paras), ("one line", args.case29)):
                cmd = [
                    sys.executable,
                    "-m",
                    "quizgen",
                    "generate",
                    str(path),
                    "-o",
                    str(Path(tmp) / "d.yaml"),
                    "-j",
                    "1",
                    "--no-cache",
                    "-q",
                ]
                wall, peaks[name] = _measure(cmd)
                print(f"case 29, {name}: {wall:6.1f} s, peak RSS {peaks[name]:6.0f} MB")
        print(
            f"case 29 peak ratio one line / paragraphs: "
            f"{peaks['one line'] / peaks['paragraphs']:.2f}"
        )


if __name__ == "__main__":
    main()
