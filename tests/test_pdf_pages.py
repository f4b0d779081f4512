"""Where a worksheet's pages break: no lone question on a last page, sections kept
together where they fit, a page saved by slightly tighter spacing (A4 and Letter)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from quizgen._deck import Deck, Question, SourceRef
from quizgen._render import render
from quizgen._render.pdf import PdfOptions
from quizgen._render.pdf._paginate import MAX_GAP, Item, paginate

LONG = " after a long meeting in the capital that ran late into the night"
TYPES = ("choice", "truefalse", "cloze", "short")


def _deck(n: int) -> Deck:
    """`n` questions cycling through the four types, every seventh one long."""
    questions = []
    for i in range(n):
        qtype = TYPES[i % 4]
        tail = LONG if i % 7 == 0 else ""
        if qtype == "choice":
            choices = [str(1900 + i + k) for k in range(4)]
            if i % 8 == 0:
                choices = [f"{c}, shortly after the first meeting{tail}" for c in choices]
            q = Question(f"q-{i}", "date", qtype, f"Question {i}: in what year?{tail}",
                         choices[0], choices=choices)  # fmt: skip
        elif qtype == "truefalse":
            q = Question(f"q-{i}", "actor", qtype, f"Question {i}: Brandt met Kennedy.{tail}",
                         "true")  # fmt: skip
        elif qtype == "cloze":
            q = Question(f"q-{i}", "organization", qtype, f"Question {i}: ____ met.{tail}",
                         "North Atlantic Treaty Organization")  # fmt: skip
        else:
            q = Question(f"q-{i}", "actor", qtype, f"Question {i}: who spoke?{tail}", "Brandt")
        questions.append(q)
    return Deck("Pages", questions=questions, sources=[SourceRef("a.txt", "Atlas")])


def _sheet_pages(deck: Deck, paper: str, out: Path) -> list[list[int]]:
    """The question numbers (from 'Question N:') on each page of the worksheet."""
    render("pdf", [deck], out, PdfOptions(key="none", paper=paper))  # type: ignore[arg-type]
    return [
        [int(n) for n in re.findall(r"Question (\d+):", page.extract_text())]
        for page in PdfReader(out).pages
    ]
