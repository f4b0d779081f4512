"""Extraction speed: `facts` (iter_facts) against bare `nlp.pipe` on the same paragraphs.

Builds a ~100k-word input as bench_generate does, then times (1) the spaCy pipeline as it
installs, without quizgen's EntityRuler, parsing the paragraphs with nlp.pipe, (2)
quizgen's extraction (pipe with the ruler + spans, kinds, clustering, roles, salience).
Prints the ratio (target <= 1.15, issue 11) and words per second.
"""

from __future__ import annotations

import time

import spacy

from bench_generate import ARTICLE, TEXTS
from quizgen import Source, iter_facts, load_source
from quizgen._extract import _chunks, default_model_name, load_model


def main() -> None:
    paths = [*TEXTS, ARTICLE] if ARTICLE.exists() else TEXTS
    base = "\n\n".join(load_source(str(p)).text for p in paths)
    text = "\n\n".join([base] * max(1, 100_000 // len(base.split())))
    words = len(text.split())
    source = Source(path="bench.txt", title="Bench", text=text)
    bare_nlp = spacy.load(default_model_name())
    list(bare_nlp.pipe(["warm up the model."]))
    list(load_model(None).pipe(["warm up the model."]))
    chunks = list(_chunks(text))

    t0 = time.perf_counter()
    for _ in bare_nlp.pipe(chunks, batch_size=64):
        pass
    bare = time.perf_counter() - t0

    t0 = time.perf_counter()
    facts = list(iter_facts([source]))
    ours = time.perf_counter() - t0

    names = sum(len(f.actors) + len(f.organizations) + len(f.others) for f in facts)
    print(f"input: {words:,} words")
    print(f"bare nlp.pipe:  {bare:7.2f} s  ({words / bare:,.0f} words/s)")
    print(f"quizgen facts:  {ours:7.2f} s  ({words / ours:,.0f} words/s), {names:,} names")
    print(f"ratio facts / nlp.pipe: {ours / bare:.2f} (target <= 1.15)")


if __name__ == "__main__":
    main()
