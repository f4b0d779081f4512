"""Lay a planned worksheet out on pages with reportlab and return the PDF bytes.

Imported only inside `render`, so reportlab loads only when a PDF is made.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, SimpleDocTemplate, Spacer
from reportlab.platypus.doctemplate import LayoutError

from quizgen._deck import BLANK_RE
from quizgen._errors import RenderError
from quizgen._lexicon import choice_letter
from quizgen._render.pdf._flowables import (
    BUBBLE_W,
    GREY,
    Block,
    HeaderFields,
    MarkedParagraph,
    NumberedCanvas,
    OptionRow,
    PartStart,
    ScriptParagraph,
    WritingLines,
    fits_in_columns,
)
from quizgen._render.pdf._fonts import BOLD, ITALIC, REGULAR
from quizgen._render.pdf._paginate import Item, paginate
from quizgen._render.pdf._plan import Plan, Version, WorksheetEntry, citation_text
from quizgen._render.pdf._scripts import markup
from quizgen._safetext import strip_unsafe

PAPERS = {"a4": A4, "letter": LETTER}
MARGIN = 18 * mm
# reportlab's page frame keeps this much padding inside each margin.
PADDING = 6.0
# Space above a section (its heading) and above each other question, in points.
SECTION_GAP = 18.0
QUESTION_GAP = 9.0
BODY = 10.5
# A blank is at least this many no-break spaces; a longer answer gets a longer blank, in
# steps of the same size, so the length says little about the answer.
BLANK_SPACES = 34
# Handwriting is about this much wider than the same words printed at body size.
HANDWRITING = 1.6
# Ruled lines never take more than this: an answer longer than that is an essay question.
MAX_LINES = 4
MAX_CITATIONS = 3
# A long link is clipped on paper (it stays whole in the PDF's clickable link).
MAX_URL = 70


@dataclass(frozen=True)
class Part:
    """One run of pages that numbers its own pages: a version's sheet, or a key."""

    kind: str  # "sheet" or "key"
    version: Version


def text(value: str) -> str:
    """Plain text made safe for reportlab's paragraph markup ('<' and '&' print as is),
    each run of a script Fira Sans lacks in a font that has it."""
    return markup(strip_unsafe(unicodedata.normalize("NFC", value)))


class _Styles:
    """Paragraph styles for one page width; `indent` leaves room for the widest number."""

    def __init__(self, last_number: int) -> None:
        self.indent = max(20.0, stringWidth(f"{last_number}.", BOLD, BODY) + 7)
        body = ParagraphStyle("body", fontName=REGULAR, fontSize=BODY, leading=14)
        self.title = ParagraphStyle("title", body, fontName=BOLD, fontSize=17, leading=21)
        self.version = ParagraphStyle("version", self.title, alignment=2)
        self.cite = ParagraphStyle("cite", body, fontSize=8.5, leading=11, textColor=GREY)
        self.heading = ParagraphStyle(
            "heading", body, fontName=BOLD, fontSize=12.5, leading=16, spaceBefore=14
        )
        self.part = ParagraphStyle(
            "part", body, fontName=BOLD, fontSize=14.5, leading=18, spaceBefore=16
        )
        self.instruction = ParagraphStyle(
            "instruction", body, fontName=ITALIC, fontSize=9.5, leading=12, spaceAfter=5
        )
        self.question = ParagraphStyle(
            "question", body, leftIndent=self.indent, bulletIndent=0, bulletFontName=BOLD
        )
        self.statement = ParagraphStyle("statement", self.question, rightIndent=44)
        self.option = ParagraphStyle(
            "option", body, leftIndent=self.indent + BUBBLE_W, spaceBefore=4
        )
        self.answer = ParagraphStyle("answer", self.question, fontSize=10, leading=13)
        self.context = ParagraphStyle(
            "context",
            body,
            fontSize=8,
            leading=10,
            textColor=GREY,
            leftIndent=self.indent,
            spaceBefore=1,
        )


class Layout:
    """Builds the flowables of sheets and keys for one plan, then the PDF."""

    def __init__(self, plan: Plan, paper: str) -> None:
        self.plan = plan
        self.pagesize = PAPERS[paper]
        self.width = self.pagesize[0] - 2 * MARGIN
        self.frame_height = self.pagesize[1] - 2 * MARGIN
        # What reportlab's frame offers a flowable: the page inside margins and padding.
        self.room = (self.width - 2 * PADDING, self.frame_height - 2 * PADDING)
        self.styles = _Styles(plan.count)

    def build(self, parts: list[Part], title: str, subject: str) -> bytes:
        """The PDF of `parts` in order, each starting on a new page; deterministic bytes."""
        story: list[Flowable] = []
        for n, part in enumerate(parts):
            if n:
                story.append(PageBreak())
            story.append(PartStart(n, *self._labels(part)))
            story += self.sheet(part.version) if part.kind == "sheet" else self.key(part.version)
        out = io.BytesIO()
        doc = SimpleDocTemplate(
            out,
            pagesize=self.pagesize,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=title,
            subject=subject,
            author="",
            creator="quizgen",
            # Fixed creation date and document id: same input, same bytes.
            invariant=1,
        )
        NumberedCanvas.margin = MARGIN
        try:
            doc.build(story, canvasmaker=NumberedCanvas)
        except LayoutError:
            # Long texts split across pages; this is for whatever still cannot.
            name = title if len(title) <= 80 else title[:79] + "…"
            raise RenderError(
                f"{name}: a text is too large to fit on one page; shorten it in the deck"
            ) from None
        return out.getvalue()

    def _labels(self, part: Part) -> tuple[str, str]:
        mark = part.version.letter
        name = "Answer key" if part.kind == "key" else "Worksheet"
        version = f" — Version {mark}" if mark else ""
        return f"{self.plan.title}{version} · {name}", f"{name}{version}"

    # --- the worksheet ----------------------------------------------------------------------

    def sheet(self, version: Version) -> list[Flowable]:
        """Header, then one section per question type (on a sheet of several sources, per
        source and type, each source's title above its first), numbered on from the last,
        with a page break wherever `paginate` puts one (see there for the rules)."""
        header = Block(self._header(version), 0, self.frame_height)
        return self._paginated(header, self._questions(version))

    def _paginated(self, header: Block, blocks: list[tuple[Block, int | None]]) -> list[Flowable]:
        """`header` and `blocks` (each with its section, None in the key) measured, with
        the spacing and page breaks `paginate` chooses (as they come when it has none)."""
        canv = Canvas(io.BytesIO())  # only to measure with: nothing is drawn on it
        items = [Item(header.wrapOn(canv, *self.room)[1], 0, questions=0)]
        for block, section in blocks:
            items.append(Item(block.wrapOn(canv, *self.room)[1], block.space_before, 1, section))
        plan = paginate(items, self.room[1])
        story: list[Flowable] = [header]
        for n, (block, _) in enumerate(blocks, start=1):
            if plan is not None:
                block.space_before *= plan.spacing
                if n in plan.starts:
                    story.append(PageBreak())
            story.append(block)
        return story

    def _questions(self, version: Version) -> list[tuple[Block, int | None]]:
        """Each question as a block that never splits, with the number of its section."""
        st = self.styles
        blocks: list[tuple[Block, int | None]] = []
        part = None
        for number, section in enumerate(version.sections):
            head = [
                ScriptParagraph(text(section.title), st.heading),
                ScriptParagraph(text(section.instruction), st.instruction),
                Spacer(1, st.instruction.spaceAfter),
            ]
            if section.part is not None and section.part != part:
                # A sheet of several sources: each source's sections under its title.
                head.insert(0, ScriptParagraph(text(section.part), st.part))
            part = section.part
            for i, item in enumerate(section.items):
                parts = self._question(item)
                # The heading travels with the first question so it never ends a page alone.
                block = (
                    Block(head + parts, SECTION_GAP, self.frame_height)
                    if i == 0
                    else Block(parts, QUESTION_GAP, self.frame_height)
                )
                blocks.append((block, number))
        return blocks

    def _header(self, version: Version) -> list[Flowable]:
        st = self.styles
        title = ScriptParagraph(text(self.plan.title), st.title)
        story: list[Flowable] = []
        if version.letter:
            badge = f"Version {version.letter}"
            badge_w = stringWidth(badge, BOLD, st.title.fontSize) + 4
            story.append(
                _Row(title, ScriptParagraph(text(badge), st.version), self.width - badge_w - 24)
            )
        else:
            story.append(title)
        cites = self.plan.citations
        for ref in cites[:MAX_CITATIONS]:
            line = "Source: " + text(citation_text(ref))
            if ref.url:
                shown = text(ref.url if len(ref.url) <= MAX_URL else ref.url[: MAX_URL - 1] + "…")
                # Only web links are clickable: reportlab fails on "#" or "x" (a link to a
                # named place in the document), and javascript: has no place on a worksheet.
                if ref.url.lower().startswith(("http://", "https://")):
                    shown = f'<a href={quoteattr(ref.url)} color="#555555">{shown}</a>'
                line += f" — {shown}"
            story.append(ScriptParagraph(line, st.cite))
        if len(cites) > MAX_CITATIONS:
            more = len(cites) - MAX_CITATIONS
            story.append(ScriptParagraph(f"and {more} more source{'s' * (more > 1)}", st.cite))
        story += [Spacer(1, 8), HeaderFields(len(version.items)), Spacer(1, 2)]
        return story

    def _question(self, item: WorksheetEntry) -> list[Flowable]:
        st = self.styles
        q = item.question
        number = f"{item.number}."
        if q.type == "truefalse":
            return [MarkedParagraph(text(q.prompt), st.statement, number, right=("T", "F"))]
        if q.type == "cloze":
            blank = "<u>" + "\u00a0" * self._blank_spaces(q.answer) + "</u>"
            prompt = blank.join(text(piece) for piece in BLANK_RE.split(q.prompt))
            return [ScriptParagraph(prompt, st.question, bulletText=number), Spacer(1, 4)]
        parts: list[Flowable] = [ScriptParagraph(text(q.prompt), st.question, bulletText=number)]
        if q.type == "choice":
            parts += self._options(item)
        else:
            parts.append(WritingLines(self._writing_lines(q.answer), st.indent))
        return parts

    def _blank_spaces(self, answer: str) -> int:
        """No-break spaces in a cloze blank: room to write `answer` by hand, in steps of
        BLANK_SPACES, never more than a line ("North Atlantic Treaty Organization" fits)."""
        space = stringWidth("\u00a0", REGULAR, BODY)
        needed = stringWidth(answer, REGULAR, BODY) * HANDWRITING / space
        steps = max(1, -(-int(needed) // BLANK_SPACES))
        most = int((self.width - self.styles.indent) / space) - 2
        return min(steps * BLANK_SPACES, most)

    def _writing_lines(self, answer: str) -> int:
        """Ruled lines under a short-answer question: enough to write `answer` by hand."""
        room = self.width - self.styles.indent
        needed = -(-int(stringWidth(answer, REGULAR, BODY) * HANDWRITING) // int(room))
        return min(max(1, needed), MAX_LINES)

    def _options(self, item: WorksheetEntry) -> list[Flowable]:
        st = self.styles
        labelled = [(choice_letter(i), c) for i, c in enumerate(item.choices)]
        room = self.width - st.indent
        # Short choices share a row in four (or two) columns that line up from question to
        # question; a choice too long for its column gets a line of its own and may wrap.
        for columns in (4, 2) if len(labelled) <= 4 else (2,):
            if fits_in_columns(item.choices, room, columns, BODY):
                return [Spacer(1, 3), OptionRow(labelled, st.indent, columns, BODY)]
        return [
            MarkedParagraph(text(c), st.option, left=mark, left_x=st.indent) for mark, c in labelled
        ]

    # --- the key ----------------------------------------------------------------------------

    def key(self, version: Version) -> list[Flowable]:
        """Number -> answer (letter and text for a choice), with the source sentence below;
        paginated as the sheet is (no lone answer on the last page), without sections."""
        st = self.styles
        mark = f" — Version {version.letter}" if version.letter else ""
        header = [
            ScriptParagraph(text(f"Answer key{mark}"), st.title),
            ScriptParagraph(text(self.plan.title), st.cite),
            Spacer(1, 6),
        ]
        blocks: list[tuple[Block, int | None]] = [
            (Block(list(self._key_item(item)), 5, self.frame_height), None)
            for item in version.items
        ]
        return self._paginated(Block(header, 0, self.frame_height), blocks)

    def _key_item(self, item: WorksheetEntry) -> Iterator[Flowable]:
        st = self.styles
        q = item.question
        answer = f"<b>{text(item.key_answer)}</b>"
        accept = [a for a in q.accept if a.strip() and a != q.answer]
        if accept and q.type in ("short", "cloze"):
            answer += " <font color='#6b6b6b'>(also accept: "
            answer += text("; ".join(accept)) + ")</font>"
        yield ScriptParagraph(answer, st.answer, bulletText=f"{item.number}.")
        # With several sources the key says which one each answer comes from.
        cite = item.source if item.source and len(self.plan.citations) > 1 else ""
        if q.context and cite:
            yield ScriptParagraph(f"{text(q.context)} — <i>{text(cite)}</i>", st.context)
        elif q.context or cite:
            yield ScriptParagraph(text(q.context) or f"<i>{text(cite)}</i>", st.context)


class _Row(Flowable):
    """Two paragraphs side by side: the title at the left, a short badge at the right."""

    def __init__(self, left: ScriptParagraph, right: ScriptParagraph, left_width: float) -> None:
        super().__init__()
        self._left, self._right, self._left_width = left, right, left_width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, lh = self._left.wrapOn(self.canv, self._left_width, availHeight)
        _, rh = self._right.wrapOn(self.canv, availWidth - self._left_width, availHeight)
        self.width, self.height = availWidth, max(lh, rh)
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        # A title longer than a page: its first piece keeps the badge beside it.
        pieces = self._left.splitOn(self.canv, self._left_width, availHeight)
        if len(pieces) < 2:
            return []
        return [_Row(pieces[0], self._right, self._left_width), *pieces[1:]]

    def draw(self) -> None:
        self._left.drawOn(self.canv, 0, self.height - self._left.height)
        self._right.drawOn(self.canv, self._left_width, self.height - self._right.height)
