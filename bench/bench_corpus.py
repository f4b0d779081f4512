"""A reading list: a folder of 20 sources (--words in all, default 100,000) built with the
real CLI, each run in a fresh process; prints, measured in one run (ratios, since a shared
machine makes absolute times noisy):

(1) first build (empty cache, --jobs 1) against the second of the unchanged folder (which
    leaves every deck alone: `quizgen._uptodate`);
(2) `generate` of a deck per source with --jobs 1 against --jobs 2, and against
    `--executor dask -j 2` (a LocalCluster of two workers) when dask.distributed is
    installed (no cache; best of --repeat alternating runs), and that their decks are the
    same bytes; the load average is printed beside, since the machine may be shared;
(3) with --case29 FILE (long-line.txt of ../shared/cases/29-very-long-text, made by its
    `make_inputs.py`): peak RSS of `generate` on it against the same text in paragraphs.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_memory import _measure, synthetic_text


def _run(*args: str, cwd: Path, env: dict[str, str]) -> float:
    return _timed(*args, cwd=cwd, env=env)[0]


def _timed(*args: str, cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system, of the run and every process it started) of
    `quizgen ARGS --quiet`. CPU near wall with --jobs 2 means the scheduler gave the run
    one core: Linux shares the cores between sessions (autogroup), so on a machine other
    sessions keep busy, more processes in one session get no more CPU."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "quizgen", *args, "--quiet"], cwd=cwd, env=env, capture_output=True
    )
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:  # the per-deck report lines are noise here, but not an error
        sys.exit(f"quizgen {' '.join(args)} failed:\n{done.stderr.decode()}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, cpu


def _jobs(root: Path, env: dict[str, str], repeat: int) -> None:
    """(2): each way of running `repeat` times in turn, the best time of each kept, with
    the 1-minute load average before and after that run (ours included in the after)."""
    ways = {"--jobs 1": ("jobs1", "-j", "1"), "--jobs 2": ("jobs2", "-j", "2")}
    if importlib.util.find_spec("distributed") is not None:
        ways["dask -j 2"] = ("dask2", "--executor", "dask", "-j", "2")
    best: dict[str, float] = {}
    cpus: dict[str, float] = {}
    loads: dict[str, tuple[float, float]] = {}
    for _ in range(repeat):
        for label, (folder, *flags) in ways.items():
            # generate mirrors the folder below ./decks: each way runs in a folder of its
            # own, where sources/ links to the one folder of sources.
            here = root / folder
            shutil.rmtree(here, ignore_errors=True)
            here.mkdir()
            (here / "sources").symlink_to(root / "sources", target_is_directory=True)
            before = os.getloadavg()[0]
            seconds, cpu = _timed("generate", "sources", "--no-cache", *flags, cwd=here, env=env)
            if seconds < best.get(label, float("inf")):
                best[label], cpus[label] = seconds, cpu
                loads[label] = (before, os.getloadavg()[0])
    first = _listing(root / "jobs1" / "decks")
    same = all(_listing(root / folder / "decks") == first for folder, *_ in ways.values())
    print(f"a deck per source ({len(first)} decks), the same bytes every way: {same}")
    for label in ways:
        print(
            f"  generate {label:9}: {best[label]:6.1f} s, {best['--jobs 1'] / best[label]:.2f}x"
            f" (CPU {cpus[label]:.1f} s; load average {loads[label][0]:.1f} before,"
            f" {loads[label][1]:.1f} after; {os.cpu_count()} cores)"
        )
    print("  target: --jobs 2 >= 1.7x")


def _listing(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.yaml"))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--sources", type=int, default=20)
    parser.add_argument("--case29", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=2, help="runs of each, the best kept")
    parser.add_argument("--skip-build", action="store_true", help="skip (1)")
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
        if not args.skip_build:
            build = ("build", "sources", "--to", "anki", "-j", "1")
            cold = _run(*build, cwd=root, env=env)
            warm = _run(*build, cwd=root, env=env)
            print(
                f"build, empty cache: {cold:6.1f} s; again, unchanged: {warm:5.1f} s; "
                f"ratio {cold / warm:.1f}x (target >= 10x)"
            )
        _jobs(root, env, args.repeat)
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
