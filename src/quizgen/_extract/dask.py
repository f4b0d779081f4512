"""Parsing on a Dask cluster (`pip install 'quizgen[dask]'`): the sections of a run are
mapped over the cluster's workers, and the Facts come back to the client in source order,
where the decks are generated, merged and written, byte for byte as in a local run.

    with dask_mapper("tcp://10.0.0.5:8786") as mapper:   # None: a LocalCluster
        for facts in iter_facts(sources, mapper=mapper): ...

Each worker process loads the spaCy model once, on its first section (`load_model` is
cached per process), so a worker needs the model installed and about 500 MB of memory
per section in flight (docs/scaling.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from quizgen._errors import QuizgenError
from quizgen._extract._run import Mapper, ordered_map

if TYPE_CHECKING:
    from quizgen._extract._types import Facts

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

        def mapper(fn: Callable[..., list[Facts]], units: Iterable[Any]) -> Iterator[list[Facts]]:
            def submit(f: Callable[..., Any], unit: Any) -> Any:
                return client.submit(f, unit, pure=False)

            return ordered_map(submit, fn, list(units), window=window)

        yield mapper
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
