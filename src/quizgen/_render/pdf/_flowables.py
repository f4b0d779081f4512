"""The pieces a worksheet is drawn with: answer bubbles, writing lines, the name/score
header, a keep-together block, and a canvas that prints "Page X of Y" per part.

Imported only inside `render` (it subclasses reportlab classes at import time).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from quizgen._render.pdf._fonts import BOLD, REGULAR, register_fonts
from quizgen._render.pdf._scripts import RTL_FONTS, SHAPED_FONTS

INK = Color(0, 0, 0)
GREY = Color(0.42, 0.42, 0.42)
RULE = Color(0.62, 0.62, 0.62)
BUBBLE_R = 6.0
BUBBLE_W = 2 * BUBBLE_R + 5  # bubble plus the gap before the option text


def draw_bubble(canv: Canvas, cx: float, baseline: float, label: str, size: float) -> None:
    """An empty circle with a small bold letter in it, centred on the cap height of text
    whose baseline is `baseline` (so it sits level with the option it marks)."""
    cy = baseline + size * 0.34
    canv.saveState()
    canv.setStrokeColor(INK)
    canv.setLineWidth(0.7)
    canv.circle(cx, cy, BUBBLE_R, stroke=1, fill=0)
    canv.setFillColor(INK)
    label_size = 7.5 if len(label) == 1 else 6
    canv.setFont(BOLD, label_size)
    canv.drawCentredString(cx, cy - label_size * 0.35, label)
    canv.restoreState()


class ScriptParagraph(Paragraph):
    """A paragraph whose Devanagari and Thai runs (see _scripts.markup) are shaped.

    reportlab shapes a whole word with the font of its first run, and would reverse the
    right-to-left text _scripts has already ordered; so shaping is on only when a word
    needs it, every word is in one font, and no right-to-left text is in the paragraph.
    Otherwise those letters print unshaped, in order.
    """

    def __init__(self, text: str, style: Any, bulletText: str | None = None, **kwargs: Any) -> None:
        super().__init__(text, style, bulletText=bulletText, **kwargs)
        if kwargs.get("frags") is not None:
            return  # a piece of a split: its frags and style are already settled
        fonts = {f.fontName for f in self.frags if getattr(f, "text", "")}
        if (
            fonts & SHAPED_FONTS
            and not fonts & RTL_FONTS
            and _one_font_per_word(self.frags)
            and getFont(style.fontName).shapable
        ):
            self.style = ParagraphStyle(f"{style.name}-shaped", style, shaping=1)


def _one_font_per_word(frags: list[Any]) -> bool:
    """Whether no word (text between spaces) runs across two fonts."""
    previous, open_word = None, False
    for frag in frags:
        text = getattr(frag, "text", "")
        if not text:
            continue
        if open_word and not text[0].isspace() and frag.fontName != previous:
            return False
        previous, open_word = frag.fontName, not text[-1].isspace()
    return True


class MarkedParagraph(ScriptParagraph):
    """A paragraph with answer bubbles drawn level with its first line.

    `left` is a bubble at x=`left_x` (a choice's letter); `right` are bubbles packed
    against the right edge (T and F), for which the style keeps a right indent free.
    """

    def __init__(
        self,
        text: str,
        style: Any,
        bulletText: str | None = None,
        left: str | None = None,
        left_x: float = 0.0,
        right: tuple[str, ...] = (),
        **kwargs: Any,
    ) -> None:
        # reportlab's split makes the pieces with extra keywords (frags=...).
        super().__init__(text, style, bulletText=bulletText, **kwargs)
        self._left = left
        self._left_x = left_x
        self._right = right

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        # A choice longer than the room left: the bubbles stay with its first line.
        pieces = super().split(availWidth, availHeight)
        if pieces and isinstance(pieces[0], MarkedParagraph):
            pieces[0]._left, pieces[0]._left_x = self._left, self._left_x
            pieces[0]._right = self._right
        return pieces

    def draw(self) -> None:
        super().draw()
        size = self.style.fontSize
        baseline = self.height - size
        if self._left:
            draw_bubble(self.canv, self._left_x + BUBBLE_R, baseline, self._left, size)
        x = self.width - BUBBLE_R - 1
        for label in reversed(self._right):
            draw_bubble(self.canv, x, baseline, label, size)
            x -= 2 * BUBBLE_R + 10


class OptionRow(Flowable):
    """Short choices side by side in equal columns, each with its bubble: one line, no wrap."""

    def __init__(
        self, options: list[tuple[str, str]], indent: float, columns: int, size: float
    ) -> None:
        super().__init__()
        self._options = options
        self._indent = indent
        self._columns = columns
        self._size = size
        self._leading = size * 1.45

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        rows = -(-len(self._options) // self._columns)
        self.height = rows * self._leading
        return availWidth, self.height

    def draw(self) -> None:
        canv = self.canv
        column = (self.width - self._indent) / self._columns
        canv.setFont(REGULAR, self._size)
        canv.setFillColor(INK)
        for i, (label, text) in enumerate(self._options):
            row, col = divmod(i, self._columns)
            x = self._indent + col * column
            baseline = self.height - (row + 1) * self._leading + (self._leading - self._size) / 2
            draw_bubble(canv, x + BUBBLE_R, baseline, label, self._size)
            canv.setFont(REGULAR, self._size)
            canv.drawString(x + BUBBLE_W, baseline, text)


def fits_in_columns(texts: list[str], width: float, columns: int, size: float) -> bool:
    """Whether every text, after its bubble, fits one line of a `columns`-wide row.

    A row draws in Fira Sans only: a choice in another script goes on a line of its own.
    """
    room = width / columns - BUBBLE_W - 10
    covered = register_fonts()
    return all(
        stringWidth(t, REGULAR, size) <= room and all(ord(c) in covered for c in t) for t in texts
    )


class WritingLines(Flowable):
    """Ruled lines to write an answer on, from `indent` to the right margin."""

    def __init__(self, lines: int, indent: float, gap: float = 22.0) -> None:
        super().__init__()
        self._lines = lines
        self._indent = indent
        self._gap = gap

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self._lines * self._gap
        return availWidth, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        for i in range(self._lines):
            y = self.height - (i + 1) * self._gap + 2
            canv.line(self._indent, y, self.width, y)
        canv.restoreState()


class Block(Flowable):
    """Flowables that never split across pages (a question with its choices and lines).

    Like reportlab's KeepTogether, but each part is wrapped once per placement instead
    of twice, which matters for a thousand-question sheet. A block taller than a whole
    page still splits into its parts rather than failing.
    """

    def __init__(self, parts: list[Flowable], space_before: float, page_height: float) -> None:
        super().__init__()
        self._parts = parts
        self.space_before = space_before  # the layout may tighten it to save a page
        self._page_height = page_height
        self._heights: list[float] = []
        self._wrapped_width: float | None = None

    def getSpaceBefore(self) -> float:
        return self.space_before

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # Measured once per width: the layout measures every block to plan the page
        # breaks, and reportlab asks again while placing it (the heights do not depend
        # on the height left).
        if availWidth == self._wrapped_width:
            return availWidth, self.height
        self._wrapped_width = availWidth
        # Each part after the first keeps its own space before it (a choice below its prompt).
        self._heights = [
            p.wrapOn(self.canv, availWidth, availHeight)[1] + (p.getSpaceBefore() if i else 0)
            for i, p in enumerate(self._parts)
        ]
        self.width = availWidth
        self.height = sum(self._heights)
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        # An empty list sends the block whole to the next page; only a block that could
        # not fit even there is broken up.
        if self.height <= self._page_height:
            return []
        # reportlab needs the first piece to fit where it stands: a prompt longer than
        # the room left is split itself (reportlab raised LayoutError otherwise).
        first, *rest = self._parts
        if first.wrapOn(self.canv, availWidth, availHeight)[1] <= availHeight:
            return list(self._parts)
        pieces = first.splitOn(self.canv, availWidth, availHeight)
        return [*pieces, *rest] if pieces else []

    def draw(self) -> None:
        y = self.height
        for part, height in zip(self._parts, self._heights, strict=True):
            y -= height
            part.drawOn(self.canv, 0, y)  # its space before sits above it, inside `height`


class HeaderFields(Flowable):
    """Name / Class / Date lines to write on, and a score box "___ / N" at the right."""

    def __init__(self, total: int, size: float = 10.5) -> None:
        super().__init__()
        self._total = total
        self._size = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = 52.0
        return availWidth, self.height

    def draw(self) -> None:
        canv, size = self.canv, self._size
        box_w = 92.0
        fields_w = self.width - box_w - 18
        canv.saveState()
        canv.setLineWidth(0.6)
        canv.setStrokeColor(INK)
        canv.setFillColor(INK)
        rows = ((("Name", 1.0),), (("Class", 0.5), ("Date", 0.5)))
        for r, row in enumerate(rows):
            baseline = self.height - 16 - r * 26
            x = 0.0
            for label, share in row:
                span = fields_w * share
                canv.setFont(BOLD, size)
                canv.drawString(x, baseline, label)
                start = x + stringWidth(label, BOLD, size) + 5
                end = x + span - (14 if share < 1 else 0)
                canv.line(start, baseline - 2, end, baseline - 2)
                x += span
        x0 = self.width - box_w
        canv.roundRect(x0, 2, box_w, self.height - 4, 5, stroke=1, fill=0)
        canv.setFont(BOLD, 8)
        canv.setFillColor(GREY)
        canv.drawCentredString(x0 + box_w / 2, self.height - 14, "SCORE")
        canv.setFillColor(INK)
        canv.setFont(BOLD, 14)
        total = f"/ {self._total}"
        right = x0 + box_w - 10
        canv.drawRightString(right, 14, total)
        line_end = right - stringWidth(total, BOLD, 14) - 4
        canv.line(x0 + 10, 12, line_end, 12)
        canv.restoreState()


class PartStart(Flowable):
    """Zero-size marker at the top of a part (a version's sheet, a key): names the part
    for the footer's page count and for the PDF bookmark the canvas adds on saving."""

    def __init__(self, part: int, footer: str, bookmark: str) -> None:
        super().__init__()
        self._part = (part, footer, bookmark)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._quizgen_part = self._part


class NumberedCanvas(Canvas):
    """Holds every page back until the end, then prints each one's footer "Page X of Y"
    counted within its part (each version and each key numbers its own pages).

    So that duplex printing never puts one part on the back of another (version B behind
    version A, or the key behind the questions), a part with an odd number of pages is
    followed by a blank page when another part comes after it.
    """

    footer_size = 8.0
    margin = 0.0  # set by the layout before the build

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        parts = [page.get("_quizgen_part", (0, "", "")) for page in self._pages]
        counts: dict[int, int] = {}
        for part, _, _ in parts:
            counts[part] = counts.get(part, 0) + 1
        seen: dict[int, int] = {}
        for n, (page, (part, footer, bookmark)) in enumerate(zip(self._pages, parts, strict=True)):
            self.__dict__.update(page)
            seen[part] = seen.get(part, 0) + 1
            if seen[part] == 1 and bookmark:
                # Bookmarks are made here, where the page really is added to the document.
                self.bookmarkPage(f"part-{part}")
                self.addOutlineEntry(bookmark, f"part-{part}", level=0)
            self._footer(footer, seen[part], counts[part])
            super().showPage()
            last_of_part = n + 1 == len(parts) or parts[n + 1][0] != part
            if last_of_part and n + 1 < len(parts) and counts[part] % 2:
                self._blank_page()
        super().save()

    def _blank_page(self) -> None:
        width, height = self._pagesize
        self.saveState()
        self.setFont(REGULAR, self.footer_size)
        self.setFillColor(GREY)
        self.drawCentredString(width / 2, height / 2, "This page is intentionally left blank.")
        self.restoreState()
        super().showPage()

    def _footer(self, label: str, page: int, pages: int) -> None:
        width, _ = self._pagesize
        y = self.margin * 0.5
        size = self.footer_size
        self.saveState()
        self.setFont(REGULAR, size)
        self.setFillColor(GREY)
        right = f"Page {page} of {pages}"
        self.drawRightString(width - self.margin, y, right)
        room = width - 2 * self.margin - stringWidth(right, REGULAR, size) - 20
        self.drawString(self.margin, y, _clip(label, room, size))
        self.restoreState()


def _clip(text: str, room: float, size: float) -> str:
    """`text`, shortened with an ellipsis until it fits `room` points."""
    if stringWidth(text, REGULAR, size) <= room:
        return text
    # Binary search for the longest prefix that fits: cutting one character at a time
    # measured the whole title once per character, minutes for a very long title.
    fits, too_long = 0, len(text)
    while too_long - fits > 1:
        mid = (fits + too_long) // 2
        if stringWidth(text[:mid] + "…", REGULAR, size) <= room:
            fits = mid
        else:
            too_long = mid
    return text[:fits].rstrip() + "…"
