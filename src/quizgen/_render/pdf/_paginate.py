"""Where a worksheet's pages break (and its key's): sections kept together where they fit,
no lone question on the last page, and a little less space between questions when that
saves a page.

Pure Python on measured heights (points), so the choice is made and tested apart from
reportlab; `_layout` measures the blocks, asks `paginate`, and puts a page break before
each block it names. The page model is reportlab's frame: a block goes on the page when
its space before plus its height fits what is left, and its space before is dropped at
the top of a page.

At the normal spacing, the candidates are every choice of sections to keep together, and
for a last page with a lone question, breaks moved earlier; the best has (in this order)
the fewest pages, no lone question on its last page, and the fewest sections split across
pages. When its last page is short (SHORT_LAST), the loosest spacing in SPACINGS that
saves that page is taken instead: only a spill is pulled back, a long sheet keeps its
spacing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

# Space between questions, as a share of the normal space: a page saved is worth a
# slightly tighter sheet (half the space still reads as a gap between two questions).
SPACINGS = (1.0, 0.75, 0.5)
# A last page with fewer questions than this looks like a printing accident.
MIN_LAST = 2
# A last page filled to no more than this share is worth tighter spacing to save it.
SHORT_LAST = 1 / 4
# A section starts a new page to stay whole only if that leaves at most this share of the
# page empty; a page two thirds empty reads as a missing page, a split section does not.
MAX_GAP = 1 / 3
# reportlab's rounding is not ours: plan as if every page were this much shorter.
SLACK = 1.0
# Sections a sheet has at most (one per question type): 2**4 choices of which to keep.
MAX_KEPT_CHOICES = 4


@dataclass(frozen=True)
class Item:
    """One block laid out whole: the sheet's header, or a question (a section's first
    question carries the section's heading)."""

    height: float  # points, without the space before it
    space_before: float  # points at the normal spacing; dropped at the top of a page
    questions: int = 1  # questions it prints (0 for the header)
    section: int | None = None  # the section it is in, None for the header


@dataclass(frozen=True)
class Pagination:
    """Where pages start (indices into the items, the first always 0) and the spacing
    (a share of each item's space before) they were planned with."""

    starts: tuple[int, ...]
    spacing: float

    @property
    def pages(self) -> int:
        return len(self.starts)


def paginate(items: Sequence[Item], room: float) -> Pagination | None:
    """The best page breaks for `items` on pages `room` points tall (see the module doc).

    Returns None when an item is taller than a page (reportlab splits it; we don't plan).
    """
    room -= SLACK
    if not items or any(item.height > room for item in items):
        return None
    best = _best(items, room, SPACINGS[0])
    last = _pages_of(items, list(best.starts))[-1]
    if best.pages > 1 and _height(items, last, best.spacing) <= SHORT_LAST * room:
        for spacing in SPACINGS[1:]:
            tighter = _best(items, room, spacing)
            if tighter.pages < best.pages:
                return tighter
    return best


def _best(items: Sequence[Item], room: float, spacing: float) -> Pagination:
    """The best page breaks at one spacing (see the module doc for "best")."""
    heights = _section_heights(items, spacing)
    sections = sorted(heights)
    keepable = [s for s in sections if heights[s] <= room][:MAX_KEPT_CHOICES]
    best: tuple[tuple[int, ...], list[int]] | None = None
    for size in range(len(keepable) + 1):
        for keep in combinations(keepable, size):
            starts = _flow(items, room, spacing, frozenset(keep), heights)
            tries = [starts]
            if _lone_last(items, starts):
                tries += [
                    _flow(items, room, spacing, frozenset(keep), heights, force)
                    for force in _earlier_breaks(items, starts)
                ]
            for candidate in tries:
                score = (len(candidate), _lone_last(items, candidate), _splits(items, candidate))
                if best is None or score < best[0]:
                    best = score, candidate
    assert best is not None  # the empty choice of sections is always tried
    return Pagination(tuple(best[1]), spacing)


def _height(items: Sequence[Item], span: range, spacing: float) -> float:
    """The height of items printed together on one page (the first one's space dropped)."""
    return sum(
        items[i].height + (items[i].space_before * spacing if i != span[0] else 0) for i in span
    )


def _flow(
    items: Sequence[Item],
    room: float,
    spacing: float,
    keep: frozenset[int],
    section_heights: dict[int, float],
    force: int | None = None,
) -> list[int]:
    """Page starts when items fill each page in turn, as reportlab's frame does; a kept
    section that does not fit what is left starts a page, and so does item `force`."""
    starts, used = [0], 0.0
    for i, item in enumerate(items):
        gap = item.space_before * spacing
        new_page = i == force or used + gap + item.height > room
        first_of_section = item.section is not None and (
            i == 0 or items[i - 1].section != item.section
        )
        if not new_page and first_of_section and item.section in keep:
            whole = section_heights[item.section]
            new_page = used + gap + whole > room and room - used <= MAX_GAP * room
        if i and new_page:
            starts.append(i)
            used = item.height
        else:
            used += (gap if i else 0) + item.height
    return starts


def _section_heights(items: Sequence[Item], spacing: float) -> dict[int, float]:
    """Each section's height laid out whole, from the top of a page."""
    heights: dict[int, float] = {}
    for item in items:
        if item.section is None:
            continue
        if item.section in heights:
            heights[item.section] += item.space_before * spacing + item.height
        else:
            heights[item.section] = item.height
    return heights


def _pages_of(items: Sequence[Item], starts: list[int]) -> list[range]:
    ends = [*starts[1:], len(items)]
    return [range(a, b) for a, b in zip(starts, ends, strict=True)]


def _lone_last(items: Sequence[Item], starts: list[int]) -> bool:
    """Whether a sheet of several pages ends on a page with fewer than MIN_LAST questions."""
    if len(starts) < 2:
        return False
    return sum(items[i].questions for i in _pages_of(items, starts)[-1]) < MIN_LAST


def _splits(items: Sequence[Item], starts: list[int]) -> int:
    """How many sections are printed on more than one page."""
    pages: dict[int, set[int]] = {}
    for page, span in enumerate(_pages_of(items, starts)):
        for i in span:
            if items[i].section is not None:
                pages.setdefault(items[i].section, set()).add(page)
    return sum(len(on) > 1 for on in pages.values())


def _earlier_breaks(items: Sequence[Item], starts: list[int]) -> list[int]:
    """Where the last page could start instead, to take a question or two more: the
    items before its start, back to the one that gives it MIN_LAST questions."""
    last, held, tries = starts[-1], 0, []
    for i in range(last, len(items)):
        held += items[i].questions
    for i in range(last - 1, starts[-2], -1):
        tries.append(i)
        held += items[i].questions
        if held >= MIN_LAST:
            break
    return tries
