"""Running extraction over many sources: the cache in front, sections spread over
processes (or a Dask cluster), Facts (or what a caller's function makes of a source's
Facts) handed on lazily in source order.

The unit of work is a batch of sections (a short source is one section; a long one is
cut by `sections`). Every unit is a pure function of its text and the model, so the
Facts, and every byte written from them, are the same whether a unit ran here, in a
worker process, on a Dask worker, or came from the cache. A short source can also be
finished where it was parsed (`finish`: build generates its deck there), so that only
the small result crosses back to the parent, not the parse.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from quizgen._progress import Progress, ProgressCallback

if TYPE_CHECKING:
    from quizgen._extract._types import Facts
    from quizgen._extract.cache import FactsCache
    from quizgen._sources import Source

_Unit = list[tuple[int, "Source"]]  # (section number, section) pairs, parsed in one pipe
Mapper = Callable[[Callable[..., list[Any]], Iterable[Any]], Iterator[list[Any]]]
Finish = Callable[[Iterable["Facts"]], Any]  # a source's Facts -> what is sent back instead


@dataclass(frozen=True)
class _Part:
    """A section as a unit of work carries it: parsed, or decoded from the `cached` entry
    the parent read (under the key `hit`, just before the unit is handed out); with
    `finish`, the whole source's work done where it was parsed (and the fresh Facts
    given back as a cache entry when `keep`)."""

    number: int
    section: Source
    finish: Finish | None = None
    keep: bool = False
    hit: str | None = None
    cached: bytes | None = None


@dataclass(frozen=True)
class _Finished:
    """What a worker sends back for a finished source: `finish`'s result, and the new
    cache entry of its Facts (None when they came from the cache or none is kept)."""

    result: Any
    entry: bytes | None


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
    finish: Sequence[Finish | None] | None = None,
) -> Iterator[Any]:
    """Facts for every section of every source, in order (see `iter_facts`); or, for a
    source whose `finish` (one per source) is given, that function's result on its Facts
    in their place (see `map_facts`).

    Sections found in `cache` are read from it when their turn comes; the others are
    grouped into units of up to `batch_chars` (smaller when `jobs` > 1, so that every
    worker has work) and mapped with `mapper`, by default here (`jobs` 1) or in a pool of
    `jobs` processes. A source of one section with a `finish` goes to the unit even when
    cached, and is finished there: only the result (and a new cache entry) comes back,
    never its Facts. A longer source is finished here, over its sections as they come.
    Each new Facts is stored in the cache as it arrives. `prepare` (loading the model)
    runs here before the pool starts, so that forked workers share it.
    """
    finish = list(finish) if finish is not None else [None] * len(sources)
    plan: list[tuple[int, Source, int, str | None, bool]] = []  # source, section, no, key, hit
    for k, source in enumerate(sources):
        for number, section in enumerate(sections(source)):
            key = cache.key(section, number) if cache is not None else None
            plan.append((k, section, number, key, key is not None and key in cache))
    whole = Counter(k for k, *_ in plan)
    parts = []  # what goes to the units, in plan order
    for k, section, number, key, hit in plan:
        if finish[k] is not None and whole[k] == 1:
            read = key if hit else None
            parts.append(_Part(number, section, finish[k], keep=key is not None, hit=read))
        elif not hit:
            parts.append(_Part(number, section))
    work_chars = sum(len(p.section.text) for p in parts)
    if jobs > 1:
        batch_chars = max(5_000, min(batch_chars, work_chars // (jobs * 4) + 1))
    # Cache entries are read as their unit is handed out: a warm corpus of thousands of
    # sources would otherwise hold every entry in memory at once.
    batches = _batches(parts, batch_chars)
    units = _with_entries(batches, cache)
    words = [len(s.text.split()) for _, s, *_ in plan]
    last_of = {k: i for i, (k, *_) in enumerate(plan)}
    done_words = done_sources = 0
    if progress is not None:  # the totals, before the first (maybe long) parse
        progress(Progress(0, len(sources), 0, sum(words), sources[0].path if sources else ""))
    if all(p.hit is not None for p in parts):
        prepare = None  # nothing to parse: the workers need no model
    work = partial(_work, extract=extract)
    with _Results(mapper, jobs, work, units, len(batches), prepare) as results:
        done = (out for batch in results for out in batch)

        def facts_of(i: int) -> Any:
            """Section `i` of the plan (a `_Finished` for a source finished in its unit)."""
            nonlocal done_words, done_sources
            k, section, number, key, hit = plan[i]
            if finish[k] is not None and whole[k] == 1:
                made = next(done)
                if made.entry is not None and cache is not None and key is not None:
                    cache.put_entry(key, made.entry)
            else:
                made = cache.get(key) if hit and cache is not None and key is not None else None
                if made is None:
                    # A hit that turned out corrupt is parsed here, in order, and rewritten.
                    made = extract([(number, section)])[0] if hit else next(done)
                    if cache is not None and key is not None:
                        cache.put(key, made)
            done_words += words[i]
            done_sources += last_of[k] == i
            return made

        def report(i: int) -> None:
            if progress is not None:
                k = plan[i][0]
                progress(
                    Progress(done_sources, len(sources), done_words, sum(words), sources[k].path)
                )

        i = 0
        while i < len(plan):
            k = plan[i][0]
            if finish[k] is not None and whole[k] > 1:  # finished here, section by section
                first, i = i, last_of[k] + 1
                yield finish[k](_sections_of(range(first, i), facts_of, report))
                continue
            made = facts_of(i)
            report(i)
            yield made.result if isinstance(made, _Finished) else made
            i += 1


def _sections_of(
    span: range, facts_of: Callable[[int], Any], report: Callable[[int], None]
) -> Iterator[Facts]:
    """The Facts of the sections `span` of a long source, lazily, for its `finish`."""
    for i in span:
        facts = facts_of(i)
        report(i)
        yield facts


def _work(parts: Sequence[_Part], extract: Callable[[_Unit], list[Facts]]) -> list[Any]:
    """One unit's work, in a worker or here: the Facts of its sections (decoded when the
    parent sent a cache entry, else parsed in one `extract` run), each given back, or
    finished (a `_Finished`) when its part says how."""
    from quizgen._extract.cache import decode_entry, encode_entry

    known = [decode_entry(p.cached) if p.cached is not None else None for p in parts]
    todo = [(p.number, p.section) for p, facts in zip(parts, known, strict=True) if facts is None]
    parsed = iter(extract(todo) if todo else [])
    out: list[Any] = []
    for part, facts in zip(parts, known, strict=True):
        fresh = facts is None
        facts = facts if facts is not None else next(parsed)
        if part.finish is None:
            out.append(facts)
        else:
            entry = encode_entry(facts) if part.keep and fresh else None
            out.append(_Finished(part.finish([facts]), entry))
    return out


def _batches(parts: list[_Part], limit: int) -> list[list[_Part]]:
    units: list[list[_Part]] = [[]]
    size = 0
    for part in parts:
        if units[-1] and size + len(part.section.text) > limit:
            units.append([])
            size = 0
        units[-1].append(part)
        size += len(part.section.text)
    return [u for u in units if u]


def _with_entries(units: list[list[_Part]], cache: FactsCache | None) -> Iterator[list[_Part]]:
    """The units in turn, each part to be decoded holding its cache entry."""
    from dataclasses import replace

    for unit in units:
        if cache is None:
            yield unit
            continue
        yield [replace(p, cached=cache.get_entry(p.hit)) if p.hit else p for p in unit]


class _Results:
    """The results of `extract` over `units`: lazily here, in a process pool, or by the
    caller's `mapper`; the pool is shut down when the run ends or is abandoned."""

    def __init__(
        self,
        mapper: Mapper | None,
        jobs: int,
        work: Callable[[list[_Part]], list[Any]],
        units: Iterator[list[_Part]],
        count: int,
        prepare: Callable[[], object] | None,
    ) -> None:
        self._pool: ProcessPoolExecutor | None = None
        if mapper is not None:
            self.results = mapper(work, units)
        elif jobs > 1 and count > 1:
            if prepare is not None:
                prepare()
            # Forked workers start with the model loaded; spawned ones would load it again.
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else None)
            self._pool = ProcessPoolExecutor(min(jobs, count), mp_context=context)
            self.results = ordered_map(self._pool.submit, work, units, window=2 * jobs)
        else:
            self.results = map(work, units)

    def __enter__(self) -> Iterator[list[Any]]:
        return self.results

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


def ordered_map(
    submit: Callable[..., Future[Any] | Any],
    fn: Callable[[Any], list[Any]],
    units: Iterable[Any],
    window: int,
) -> Iterator[list[Any]]:
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
