"""Showing a run's progress on stderr: a rich bar on a terminal, plain lines in a pipe.

Nothing shows for work done within about two seconds, so a quick build prints only what
it wrote; `--quiet` shows nothing at all. The library reports through `Progress` values
and never prints: this is the one place that draws them.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    import rich.progress

    from quizgen._build import RunOptions
    from quizgen._progress import Progress

_DELAY = 2.0  # seconds of work before any progress shows
_PLAIN_LINES = 10  # a pipe gets about this many lines over a run


class ProgressDisplay:
    """A context manager and a progress callback: `with ProgressDisplay() as show: run(show)`."""

    def __init__(self, quiet: bool = False, stream: TextIO | None = None) -> None:
        self._stream = stream or sys.stderr
        self._quiet = quiet
        self._tty = self._stream.isatty()
        self._start = time.monotonic()
        self._bar: rich.progress.Progress | None = None
        self._task: rich.progress.TaskID | None = None
        self._last: Progress | None = None
        self._printed = -1
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None

    def __enter__(self) -> ProgressDisplay:
        if self._tty and not self._quiet:
            # The bar comes up after the delay even when the first source takes minutes.
            self._timer = threading.Timer(_DELAY, self._show_bar)
            self._timer.daemon = True
            self._timer.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            if self._bar is not None:
                self._bar.stop()
                self._bar = None

    def __call__(self, progress: Progress) -> None:
        if self._quiet:
            return
        with self._lock:
            self._last = progress
            if self._bar is not None and self._task is not None:
                self._bar.update(
                    self._task,
                    completed=progress.words_done,
                    total=progress.words_total,
                    sources=f"{progress.sources_done}/{progress.sources_total}",
                )
            elif not self._tty:
                self._plain(progress)

    def _plain(self, p: Progress) -> None:
        """One line every tenth or so of the sources, once the run is past the delay."""
        every = max(1, -(-p.sources_total // _PLAIN_LINES))
        elapsed = time.monotonic() - self._start
        due = p.sources_done % every == 0 or p.sources_done == p.sources_total
        if p.sources_total < 2 or elapsed < _DELAY or not due or p.sources_done == self._printed:
            return
        self._printed = p.sources_done
        rate = p.words_done / elapsed if elapsed else 0.0
        print(
            f"{p.sources_done}/{p.sources_total} sources, {p.words_done:,} words "
            f"({rate:,.0f} words/s)",
            file=self._stream,
            flush=True,
        )

    def _show_bar(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            Progress,
            ProgressColumn,
            Task,
            TaskProgressColumn,
            TextColumn,
            TimeRemainingColumn,
        )
        from rich.text import Text

        class WordsPerSecond(ProgressColumn):
            def render(self, task: Task) -> Text:
                speed = task.finished_speed or task.speed
                return Text(f"{speed:,.0f} words/s" if speed else "", style="progress.data.speed")

        with self._lock:
            if self._bar is not None:
                return
            bar = Progress(
                TextColumn("parsing"),
                BarColumn(),
                TaskProgressColumn(),
                TextColumn("{task.fields[sources]} sources"),
                WordsPerSecond(),
                TimeRemainingColumn(),
                console=Console(file=self._stream),
                transient=True,
            )
            last = self._last
            self._task = bar.add_task(
                "parsing",
                total=last.words_total if last else None,
                completed=last.words_done if last else 0,
                sources=f"{last.sources_done}/{last.sources_total}" if last else "0/?",
            )
            bar.start()
            self._bar = bar


@contextmanager
def running(
    *, jobs: int | None, quiet: bool, cache: bool, executor: str, scheduler: str | None
) -> Iterator[tuple[int, RunOptions]]:
    """The parser processes (`--jobs`, default: every core) and how to run (`RunOptions`):
    progress shown unless `quiet`, the cache unless `--no-cache`, a Dask cluster for
    `--executor dask`. Raises QuizgenError when Dask is asked for and missing."""
    from quizgen._build import RunOptions
    from quizgen._extract import default_jobs

    jobs = jobs or default_jobs()
    with ProgressDisplay(quiet=quiet) as show, contextlib.ExitStack() as stack:
        mapper = None
        if executor == "dask":
            from quizgen._extract.dask import dask_mapper

            mapper = stack.enter_context(dask_mapper(scheduler, jobs))
        yield jobs, RunOptions(cache=cache, progress=show, mapper=mapper)
