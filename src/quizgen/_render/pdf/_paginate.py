"""Where a worksheet's pages break: sections kept together where they fit, no lone question
on the last page, and a little less space between questions when that saves a page.

Pure Python on measured heights (points), so the choice is made and tested apart from
reportlab; `_layout` measures the blocks, asks `paginate`, and puts a page break before
each block it names. The page model is reportlab's frame: a block goes on the page when
its space before plus its height fits what is left, and its space before is dropped at
the top of a page.

Candidates are every spacing in SPACINGS times every choice of sections to keep together;
the best has (in this order) the fewest pages, no lone question on its last page, the most
space between questions, and the fewest sections split across pages.
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
    sections = sorted({i.section for i in items if i.section is not None})
    best: tuple[tuple[float, ...], Pagination] | None = None
    for spacing in SPACINGS:
        heights = _section_heights(items, spacing)
        keepable = [s for s in sections if heights[s] <= room][:MAX_KEPT_CHOICES]
        for size in range(len(keepable) + 1):
            for keep in combinations(keepable, size):
                starts = _flow(items, room, spacing, frozenset(keep), heights)
                best = _better(best, items, starts, spacing)
                if _lone_last(items, starts):
                    for force in _earlier_breaks(items, starts):
                        forced = _flow(items, room, spacing, frozenset(keep), heights, force)
                        best = _better(best, items, forced, spacing)
    return best[1] if best else None


def _better(
    best: tuple[tuple[float, ...], Pagination] | None,
    items: Sequence[Item],
    starts: list[int],
    spacing: float,
) -> tuple[tuple[float, ...], Pagination]:
    score = (len(starts), _lone_last(items, starts), -spacing, _splits(items, starts))
    if best is None or score < best[0]:
        return score, Pagination(tuple(starts), spacing)
    return best


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
