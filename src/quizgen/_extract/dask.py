"""Work on a Dask cluster (`pip install 'quizgen[dask]'`): the units of a run (see
`quizgen._extract._run`) are mapped over the cluster's workers, and their results come
back to the client in source order, where the decks are merged and written, byte for
byte as in a local run. With `map_facts` (build and generate, a deck per source) a
worker also generates each short source's deck and sends back only the deck; with
`iter_facts` it sends back the Facts.

    with dask_mapper("tcp://10.0.0.5:8786") as mapper:   # None: a LocalCluster
        for deck in map_facts(sources, finish, mapper=mapper): ...

Each worker process loads the spaCy model once, on its first unit (`load_model` is
cached per process), so a worker needs quizgen and the model installed and about 500 MB
of memory per unit in flight (docs/scaling.md); no shared disk (the client reads and
writes the cache, and sends a --templates file's bytes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from quizgen._errors import QuizgenError
from quizgen._extract._run import Mapper, ordered_map

__all__ = ["dask_mapper"]


@contextmanager
def dask_mapper(scheduler: str | None = None, workers: int = 1) -> Iterator[Mapper]:
    """A Mapper that runs on the Dask scheduler at `scheduler` ('tcp://HOST:PORT'), or
    on a LocalCluster of `workers` single-threaded processes when it is None.

    Raises QuizgenError when dask.distributed is not installed or the scheduler cannot
    be reached.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise QuizgenError(
            "--executor dask needs dask.distributed: pip install 'quizgen[dask]'"
        ) from None
    cluster = None
    try:
        if scheduler is None:
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout="10s")
    except OSError as exc:
        if cluster is not None:
            cluster.close()
        raise QuizgenError(f"{scheduler}: cannot reach the Dask scheduler ({exc})") from None
    try:
        window = 2 * max(1, len(client.scheduler_info().get("workers", {})) or workers)

        def mapper(fn: Callable[..., list[Any]], units: Iterable[Any]) -> Iterator[list[Any]]:
            def submit(f: Callable[..., Any], unit: Any) -> Any:
                return client.submit(f, unit, pure=False)

            return ordered_map(submit, fn, units, window=window)

        yield mapper
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
