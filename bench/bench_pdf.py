"""How long a 1,000-question worksheet with its key takes, against bare reportlab.

The baseline lays out the same texts (prompts, choices, answers, source sentences) as
plain Paragraphs in a SimpleDocTemplate, with the same embedded font, in the same run.
Run: PYTHONPATH=src python bench/bench_pdf.py [--out DIR] (DIR keeps the PDFs to look at).
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

from quizgen._deck import Deck, Question, SourceRef
from quizgen._render import render
from quizgen._render.pdf import PdfOptions

NAMES = ["Łukasz Nowak", "Владимир Путин", "Ολυμπία Παππά", "Tang Jiaxuan", "Zoë Ångström"]
ORGS = ["North Atlantic Treaty Organization", "the United Nations", "Gazprom", "UNESCO"]
FILLER = (
    "after a long meeting in the capital that ran late into the night, with delegates "
    "from several countries present & arguing about <the> terms"
)


def build_deck(n: int, seed: int = 1) -> Deck:
    """A deck of `n` questions cycling through every type, some long, some Unicode."""
    rng = random.Random(seed)
    questions = []
    for i in range(n):
        qtype = ("choice", "truefalse", "cloze", "short")[i % 4]
        name = rng.choice(NAMES)
        org = rng.choice(ORGS)
        tail = " " + FILLER if i % 7 == 0 else ""
        context = f"In {1900 + i % 120}, {name} spoke for {org}{tail}."
        if qtype == "choice":
            years = rng.sample(range(1900, 2020), 4)
            choices = [str(y) for y in years]
            if i % 8 == 0:
                choices = [f"{y}, shortly after the {org} met{tail[:40]}" for y in years]
            q = Question(
                f"q-{i:08d}",
                "date",
                qtype,
                f"In what year did {name} speak for {org}?{tail}",
                choices[0],
                choices=choices,
                context=context,
            )
        elif qtype == "truefalse":
            q = Question(
                f"q-{i:08d}",
                "actor",
                qtype,
                f"{name} spoke for {org}.{tail}",
                rng.choice(["true", "false"]),
                context=context,
            )
        elif qtype == "cloze":
            q = Question(
                f"q-{i:08d}",
                "organization",
                qtype,
                f"{name} spoke for _____ in {1900 + i % 120}.{tail}",
                org,
                context=context,
            )
        else:
            q = Question(
                f"q-{i:08d}",
                "actor",
                qtype,
                f"Who spoke for {org} in {1900 + i % 120}?{tail}",
                name,
                accept=[name.split()[-1]],
                context=context,
            )
        questions.append(q)
    return Deck(
        title="Bench deck: a thousand questions",
        questions=questions,
        sources=[SourceRef("bench.txt", "Bench source", "2024-01-02", "https://example.org/b")],
    )


def bare_reportlab(deck: Deck) -> bytes:
    """The same texts as plain Paragraphs, one after another, with the same font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from quizgen._render.pdf._fonts import REGULAR, register_fonts

    register_fonts()
    style = ParagraphStyle("p", fontName=REGULAR, fontSize=10.5, leading=14)
    story = []
    for q in deck.questions:
        story.append(Paragraph(escape(q.prompt), style))
        story += [Paragraph(escape(c), style) for c in q.choices]
    for q in deck.questions:
        story.append(Paragraph(escape(q.answer), style))
        story.append(Paragraph(escape(q.context), style))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=1).build(story)
    return out.getvalue()


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, help="keep the PDFs in this folder")
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    deck = build_deck(args.n)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.out or Path(tmp)
        out = folder / "bench.pdf"
        options = PdfOptions(key="end")
        bare_reportlab(deck)  # warm up: font registration, imports
        render("pdf", [deck], out, options)
        bare = best_of(lambda: bare_reportlab(deck), args.repeat)
        ours = best_of(lambda: render("pdf", [deck], out, options), args.repeat)
        size = out.stat().st_size
    print(f"questions: {args.n} (mixed types), with key; best of {args.repeat}")
    print(f"bare reportlab Paragraphs: {bare:.2f} s")
    print(f"quizgen pdf:               {ours:.2f} s ({size / 1024:.0f} KiB)")
    print(f"ratio: {ours / bare:.2f} (target <= 2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
