"""Generation speed: end-to-end `generate` against bare `nlp.pipe` on the same text, in one run.

Two inputs: (a) ~100k words made by repeating our varied samples and the shared article;
(b) --mb megabytes (default 10; give less on a slow machine) of bench_memory's synthetic
text. For each, times (1) spaCy alone parsing the same paragraphs with nlp.pipe, (2)
quizgen's generate (pipe + extraction + questions), and prints the ratio (targets, issue
15: <= 1.15 at 100k words, <= 1.3 at 10 MB) and words per second.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

from quizgen import GenerateOptions, Source, generate, iter_facts, load_source
from quizgen._extract import _chunks, load_model

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [*sorted((ROOT / "tests" / "samples").glob("*.txt")), ROOT / "sources" / "marshall-plan.md"]
ARTICLE = ROOT.parent / "shared" / "corpus" / "russia-china-2001.txt"
sys.path.insert(0, str(Path(__file__).resolve().parent))


def _ratio(label: str, text: str, target: float, repeat: int) -> tuple[float, Source]:
    """Time bare nlp.pipe and quizgen's generate on `text`, alternately, `repeat` times;
    print the best of each and their ratio, by CPU time of this process (the fair figure on
    a shared machine, where other sessions take the cores) and by wall time (the best,
    since a shared machine only ever slows a run down), with the load average."""
    total_words = len(text.split())
    source = Source(path="bench.txt", title="Bench", text=text)
    nlp = load_model(None)
    list(nlp.pipe(["warm up the model."]))
    bares, ours_ = [], []  # (cpu, wall) of each run
    for _ in range(repeat):
        c0, t0 = time.process_time(), time.perf_counter()
        for _doc in nlp.pipe(_chunks(text), batch_size=64):
            pass
        bares.append((time.process_time() - c0, time.perf_counter() - t0))
        c0, t0 = time.process_time(), time.perf_counter()
        deck = generate(iter_facts([source]), GenerateOptions(seed=0))
        ours_.append((time.process_time() - c0, time.perf_counter() - t0))
    (bare_cpu, bare), (ours_cpu, ours) = (
        (min(c for c, _ in runs), min(w for _, w in runs)) for runs in (bares, ours_)
    )
    paragraphs = len(re.split(r"\n\s*\n", text))
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{label}: {total_words:,} words in {paragraphs:,} paragraphs, best of {repeat}")
    print(f"  bare nlp.pipe:     {bare_cpu:7.2f} s CPU {bare:7.2f} s wall")
    print(
        f"  quizgen generate:  {ours_cpu:7.2f} s CPU {ours:7.2f} s wall "
        f"({total_words / ours:,.0f} words/s), {len(deck.questions):,} questions"
    )
    # each round's own ratio too: its two runs saw the same load, a minute apart
    rounds = sorted(o[0] / b[0] for b, o in zip(bares, ours_, strict=True))
    print(
        f"  ratio generate / nlp.pipe: {ours_cpu / bare_cpu:.2f} CPU, {ours / bare:.2f} wall "
        f"(target <= {target}); median of the rounds' CPU ratios "
        f"{statistics.median(rounds):.2f} ({', '.join(f'{r:.2f}' for r in rounds)}); "
        f"load average {load}",
        flush=True,
    )
    return ours_cpu, source


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="size of input (b); 0: skip it")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each, the best kept")
    args = parser.parse_args()
    paths = [*TEXTS, ARTICLE] if ARTICLE.exists() else TEXTS
    base = "\n\n".join(load_source(str(p)).text for p in paths)
    words = len(base.split())
    text = "\n\n".join([base] * max(1, 100_000 // words))
    ours, source = _ratio("(a) ~100k words", text, 1.15, args.repeat)

    # Planning (issue 12) on the same facts: candidates -> score -> select, against the whole
    # generate; and twice the candidates, to see it stays linear (target <= 5% of generate).
    from quizgen._generate import default_templates, fact_slots, plan_questions, shift_sentences

    grouped: list[list] = [[]]
    seen = 0  # as generate_planned: a section's sentences are counted on from the last
    for part in iter_facts([source]):
        grouped[0].extend(
            shift_sentences(i, seen) for i in sorted(fact_slots(part), key=lambda i: i.order)
        )
        seen += len(part.sentences)
    opts = GenerateOptions(seed=0)
    t0 = time.process_time()
    plan_questions(grouped, default_templates(), opts)
    planning = time.process_time() - t0
    doubled = [[*grouped[0], *grouped[0]]]
    t0 = time.process_time()
    plan_questions(doubled, default_templates(), opts)
    planning2 = time.process_time() - t0

    print(
        f"planning (candidates+select): {planning:6.2f} s CPU = {planning / ours:.1%} of generate"
        f" (target <= 5%); twice the facts: {planning2:.2f} s ({planning2 / planning:.2f}x)"
    )
    if args.mb > 0:
        from bench_memory import synthetic_text

        _ratio(f"(b) {args.mb:g} MB synthetic", synthetic_text(args.mb), 1.3, args.repeat)


if __name__ == "__main__":
    main()
