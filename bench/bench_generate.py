"""Generation speed: end-to-end `generate` against bare `nlp.pipe` on the same text, in one run.

Builds a ~100k-word input by repeating our varied samples and the shared article, then times
(1) spaCy alone parsing the same paragraphs with nlp.pipe, (2) quizgen's generate (pipe +
extraction + questions). Prints the ratio (target <= 1.25) and words per second.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from quizgen import GenerateOptions, Source, generate, iter_facts, load_source
from quizgen._extract import _chunks, load_model

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [*sorted((ROOT / "tests" / "samples").glob("*.txt")), ROOT / "sources" / "marshall-plan.md"]
ARTICLE = ROOT.parent / "shared" / "corpus" / "russia-china-2001.txt"


def main() -> None:
    paths = [*TEXTS, ARTICLE] if ARTICLE.exists() else TEXTS
    base = "\n\n".join(load_source(str(p)).text for p in paths)
    words = len(base.split())
    text = "\n\n".join([base] * max(1, 100_000 // words))
    total_words = len(text.split())
    source = Source(path="bench.txt", title="Bench", text=text)
    nlp = load_model(None)
    list(nlp.pipe(["warm up the model."]))

    t0 = time.perf_counter()
    for _ in nlp.pipe(list(_chunks(text)), batch_size=64):
        pass
    bare = time.perf_counter() - t0

    t0 = time.perf_counter()
    parts = list(iter_facts([source]))  # kept, to time the planning on the same facts
    deck = generate(parts, GenerateOptions(seed=0))
    ours = time.perf_counter() - t0

    # Planning (issue 12) on the same facts: candidates -> score -> select, against the whole
    # generate; and twice the candidates, to see it stays linear (target <= 5% of generate).
    from quizgen._generate import default_templates, plan_questions
    from quizgen._generate._fields import fact_slots, shift_sentences

    grouped: list[list] = [[]]
    seen = 0
    for part in parts:
        grouped[0] += [shift_sentences(i, seen) for i in fact_slots(part)]
        seen += len(part.sentences)
    opts = GenerateOptions(seed=0)
    t0 = time.perf_counter()
    plan_questions(grouped, default_templates(), opts)
    planning = time.perf_counter() - t0
    doubled = [[*grouped[0], *grouped[0]]]
    t0 = time.perf_counter()
    plan_questions(doubled, default_templates(), opts)
    planning2 = time.perf_counter() - t0

    paragraphs = len(re.split(r"\n\s*\n", text))
    print(f"input: {total_words:,} words in {paragraphs:,} paragraphs")
    print(f"bare nlp.pipe:     {bare:7.2f} s  ({total_words / bare:,.0f} words/s)")
    print(
        f"quizgen generate:  {ours:7.2f} s  ({total_words / ours:,.0f} words/s), {len(deck.questions):,} questions"
    )
    print(f"ratio generate / nlp.pipe: {ours / bare:.2f} (target <= 1.25)")
    print(
        f"planning (candidates+select): {planning:6.2f} s = {planning / ours:.1%} of generate"
        f" (target <= 5%); twice the facts: {planning2:.2f} s ({planning2 / planning:.2f}x)"
    )


if __name__ == "__main__":
    main()
