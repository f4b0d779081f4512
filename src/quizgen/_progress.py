"""Progress of a long run, as data: the library reports it through a callback and never
prints; the CLI draws it (a rich bar on a terminal, plain lines in a pipe)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Progress", "ProgressCallback"]


@dataclass(frozen=True)
class Progress:
    """Where a run stands: sources finished of all, words parsed (or read from the cache)
    of all, and the source the last step belonged to (as given, e.g. 'sources/a.txt')."""

    sources_done: int
    sources_total: int
    words_done: int
    words_total: int
    current: str


ProgressCallback = Callable[[Progress], None]
