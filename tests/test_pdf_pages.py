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


def _check_order(pages: list[list[int]], n: int) -> None:
    """Every question printed once, on one page, in the order the sections number them."""
    printed = [q for page in pages for q in page]
    by_section = [i for t in range(4) for i in range(n) if i % 4 == t]
    assert printed == by_section


# Sizes whose last page held one question before pages were planned (a spill).
@pytest.mark.parametrize(
    ("paper", "n", "pages"), [("a4", 11, 1), ("letter", 29, 2), ("letter", 48, 3)]
)
def test_a_spilled_question_comes_back_onto_the_page_before(
    paper: str, n: int, pages: int, tmp_path: Path
) -> None:
    sheet = _sheet_pages(_deck(n), paper, tmp_path / "w.pdf")
    assert len(sheet) == pages
    _check_order(sheet, n)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_no_sheet_ends_on_a_lone_question(paper: str, tmp_path: Path) -> None:
    for n in (11, 12, 29, 30, 31, 48, 63, 65, 66, 67):
        sheet = _sheet_pages(_deck(n), paper, tmp_path / "w.pdf")
        assert len(sheet) == 1 or len(sheet[-1]) >= 2, (n, sheet)
        _check_order(sheet, n)


def test_a_section_that_fits_stays_on_one_page(tmp_path: Path) -> None:
    # 30 questions on Letter: the 8 true-or-false statements were split over two pages.
    sheet = _sheet_pages(_deck(30), "letter", tmp_path / "w.pdf")
    assert len(sheet) == 3
    on = {page for page, qs in enumerate(sheet) for q in qs if q % 4 == 1}
    assert len(on) == 1
    _check_order(sheet, 30)


def test_the_key_and_versions_keep_their_own_pages(tmp_path: Path) -> None:
    out = tmp_path / "w.pdf"
    render("pdf", [_deck(29)], out, PdfOptions(paper="letter", versions=2, key="end"))
    texts = [page.extract_text() for page in PdfReader(out).pages]
    sheets = [t for t in texts if "Worksheet" in t and "Question" in t]
    assert sum("Page 1 of 2" in t for t in sheets) == 2  # each version: 2 pages, not 3
    assert sum("Answer key" in t for t in texts) >= 2


# --- the planner on made-up heights (points) --------------------------------------------


def _items(*sections: list[float], header: float = 100) -> list[Item]:
    items = [Item(header, 0, questions=0)]
    for s, heights in enumerate(sections):
        items += [Item(h, 18 if i == 0 else 9, 1, s) for i, h in enumerate(heights)]
    return items


def test_a_lone_last_question_takes_one_from_the_page_before() -> None:
    # 100 + 18 + 160 + 9 + 160 = 447 of 600: the third question (too tall to save by
    # spacing) would be alone on page 2, so the second goes with it.
    plan = paginate(_items([160] * 3), 600)
    assert plan is not None and plan.spacing == 1.0
    assert plan.starts == (0, 2)


def test_tighter_spacing_saves_a_short_last_page() -> None:
    # 100 + 9 x 50 + 8 x 9 = 622: too tall for 600 at the normal spacing, not at 3/4.
    plan = paginate(_items([50] * 9), 620)
    assert plan is not None and (plan.pages, plan.spacing) == (1, 0.75)


def test_a_long_sheet_keeps_its_spacing() -> None:
    # 8, 10, 10, 10 and 4 questions a page; at half spacing 4 pages would do, but the
    # last page is not short: only a spill is pulled back.
    plan = paginate(_items([50] * 42), 600)
    assert plan is not None and (plan.pages, plan.spacing) == (5, 1.0)


def test_a_section_moves_to_the_next_page_only_when_little_room_is_left() -> None:
    # Section 1 (3 x 50 + 2 x 9 = 168) does not fit the 123 left under section 0: it moves.
    plan = paginate(_items([50] * 6, [50] * 3, [50] * 2), 600)
    assert plan is not None and plan.starts == (0, 7)
    # With 270 left (more than MAX_GAP of the page) a taller section splits instead.
    left = 600 - (100 + 4 * 50 + 18 + 3 * 9)
    assert left > MAX_GAP * 600
    plan = paginate(_items([50] * 4, [50] * 7), 600)
    assert plan is not None and plan.starts[1] > 5  # section 1 starts on page 1


def test_a_block_taller_than_a_page_is_left_to_reportlab() -> None:
    assert paginate(_items([50, 700]), 600) is None


@pytest.mark.parametrize(("paper", "n"), [("letter", 73), ("a4", 79)])
def test_the_key_does_not_end_on_a_lone_answer(paper: str, n: int, tmp_path: Path) -> None:
    out = tmp_path / "w.pdf"
    render("pdf", [_deck(n)], out, PdfOptions(key="separate", paper=paper))  # type: ignore[arg-type]
    pages = [
        re.findall(r"(?m)^(\d+)\. ", page.extract_text())
        for page in PdfReader(tmp_path / "w-key.pdf").pages
    ]
    assert len(pages) > 1 and len(pages[-1]) >= 2, pages
    assert [int(a) for page in pages for a in page] == list(range(1, n + 1))
