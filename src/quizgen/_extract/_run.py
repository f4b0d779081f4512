"""Running extraction over many sources: the cache in front, sections spread over
processes (or a Dask cluster), Facts handed on lazily in source order.

The unit of work is a batch of sections (a short source is one section; a long one is
cut by `sections`). Every unit is a pure function of its text and the model, so the
Facts, and every byte written from them, are the same whether a unit ran here, in a
worker process, on a Dask worker, or came from the cache.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any

from quizgen._progress import Progress, ProgressCallback

if TYPE_CHECKING:
    from quizgen._extract._types import Facts
    from quizgen._extract.cache import FactsCache
    from quizgen._sources import Source

_Unit = list[tuple[int, "Source"]]  # (section number, section) pairs, parsed in one pipe
Mapper = Callable[[Callable[[_Unit], list["Facts"]], Iterable[_Unit]], Iterator[list["Facts"]]]


def run(
    sources: Sequence[Source],
    sections: Callable[[Source], list[Source]],
    extract: Callable[[_Unit], list[Facts]],
    *,
    batch_chars: int,
    jobs: int = 1,
    cache: FactsCache | None = None,
    progress: ProgressCallback | None = None,
    mapper: Mapper | None = None,
    prepare: Callable[[], object] | None = None,
) -> Iterator[Facts]:
    """Facts for every section of every source, in order (see `iter_facts`).

    Sections found in `cache` are read from it when their turn comes; the others are
    grouped into units of up to `batch_chars` (smaller when `jobs` > 1, so that every
    worker has work) and mapped with `mapper`, by default here (`jobs` 1) or in a pool of
    `jobs` processes. Each new Facts is stored in the cache as it arrives. `prepare` (loading
    the model) runs here before the pool starts, so that forked workers share it.
    """
    plan: list[tuple[int, Source, int, str | None, bool]] = []  # source, section, no, key, hit
    for k, source in enumerate(sources):
        for number, section in enumerate(sections(source)):
            key = cache.key(section, number) if cache is not None else None
            plan.append((k, section, number, key, key is not None and key in cache))
    misses = [(number, section) for _, section, number, _, hit in plan if not hit]
    miss_chars = sum(len(s.text) for _, s in misses)
    if jobs > 1:
        batch_chars = max(5_000, min(batch_chars, miss_chars // (jobs * 4) + 1))
    units = _batches(misses, batch_chars)
    words = [len(s.text.split()) for _, s, *_ in plan]
    last_of = {k: i for i, (k, *_) in enumerate(plan)}
    done_words = done_sources = 0
    if progress is not None:  # the totals, before the first (maybe long) parse
        progress(Progress(0, len(sources), 0, sum(words), sources[0].path if sources else ""))
    with _Results(mapper, jobs, extract, units, prepare) as results:
        parsed = (facts for batch in results for facts in batch)
        for i, (k, section, number, key, hit) in enumerate(plan):
            facts = cache.get(key) if hit and cache is not None and key is not None else None
            if facts is None:
                # A hit that turned out corrupt is parsed here, in order, and rewritten.
                facts = extract([(number, section)])[0] if hit else next(parsed)
                if cache is not None and key is not None:
                    cache.put(key, facts)
            done_words += words[i]
            yield facts
            done_sources += last_of[k] == i
            if progress is not None:
                progress(
                    Progress(done_sources, len(sources), done_words, sum(words), sources[k].path)
                )


def _batches(misses: list[tuple[int, Source]], limit: int) -> list[_Unit]:
    units: list[_Unit] = [[]]
    size = 0
    for number, section in misses:
        if units[-1] and size + len(section.text) > limit:
            units.append([])
            size = 0
        units[-1].append((number, section))
        size += len(section.text)
    return [u for u in units if u]


class _Results:
    """The results of `extract` over `units`: lazily here, in a process pool, or by the
    caller's `mapper`; the pool is shut down when the run ends or is abandoned."""

    def __init__(
        self,
        mapper: Mapper | None,
        jobs: int,
        extract: Callable[[_Unit], list[Facts]],
        units: list[_Unit],
        prepare: Callable[[], object] | None,
    ) -> None:
        self._pool: ProcessPoolExecutor | None = None
        if mapper is not None:
            self.results = mapper(extract, units)
        elif jobs > 1 and len(units) > 1:
            if prepare is not None:
                prepare()
            # Forked workers start with the model loaded; spawned ones would load it again.
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else None)
            self._pool = ProcessPoolExecutor(min(jobs, len(units)), mp_context=context)
            self.results = ordered_map(self._pool.submit, extract, units, window=2 * jobs)
        else:
            self.results = map(extract, units)

    def __enter__(self) -> Iterator[list[Facts]]:
        return self.results

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


def ordered_map(
    submit: Callable[..., Future[Any] | Any],
    fn: Callable[[_Unit], list[Facts]],
    units: Sequence[_Unit],
    window: int,
) -> Iterator[list[Facts]]:
    """`fn` over `units` through `submit` (an executor's or a Dask client's), results in
    order, with at most `window` units in flight: a slow consumer (writing decks) must not
    have every parsed source waiting in memory."""
    pending: deque[Any] = deque()
    todo = iter(units)
    for unit in todo:
        pending.append(submit(fn, unit))
        if len(pending) >= window:
            break
    while pending:
        result = pending.popleft().result()
        for unit in todo:
            pending.append(submit(fn, unit))
            break
        yield result


def default_jobs() -> int:
    """The cores this process may use (its CPU affinity where the OS tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)
