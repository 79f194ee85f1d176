"""Work spread over the machine's cores: forked worker processes that start with the loaded archive.

A build's interviews are independent of each other (``render.render_interview``),
so they are rendered by one worker process per core. The workers are forked,
so each starts with the archive already loaded and the templates already
compiled: nothing is sent to them but interview numbers, and what comes back
is small (the files each wrote, its sitemap entries, its search documents' keys).
Results come back in archive order, so the build's output does not depend on
which worker finished first.

Forking is safe only before the build starts threads of its own, which is why
:class:`Workers` starts its processes when it is made. Where ``fork`` does not
exist (Windows), or with one core, or for a handful of items, the work runs in
this process instead, with the same results.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Self

from .errors import BuildError

CHUNK = 8
"""Items per message to a worker: large enough to keep the pipes quiet, small enough to share evenly."""

_job: Callable[[int], Any] | None = None
"""The job of the pool being started; each forked worker keeps its own copy."""


Mapper = Callable[[Callable[[Any], Any], Sequence[Any]], list[Any]]
"""How to apply a function to many items: in order in this process (:func:`serial_map`),
or spread over the workers (:func:`parallel_map`)."""


def serial_map(function: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
    return [function(item) for item in items]


def available_cpus() -> int:
    """The cores this process may run on (a container's limit, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def worker_count() -> int:
    """Workers for a build: MINIMAX_ARCHIVE_WORKERS if set (1 renders in the build's own process),
    else one per available core."""
    value = os.environ.get("MINIMAX_ARCHIVE_WORKERS", "")
    return int(value) if value.isdigit() and int(value) > 0 else available_cpus()


class Workers:
    """``job(0)`` … ``job(count - 1)`` in worker processes, results in order; a context manager.

    The processes start (fork) here. On leaving with an error they are killed at
    once; on success they are waited for. A worker that dies (killed, out of
    memory) is an error, never a build that waits forever.
    """

    def __init__(self, job: Callable[[int], Any], count: int, processes: int | None = None):
        global _job
        self._job, self._count = job, count
        processes = min(processes or worker_count(), -(-count // CHUNK))
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[list[Any]]] = []
        if processes > 1 and "fork" in multiprocessing.get_all_start_methods():
            _job = job
            gc.freeze()  # the inherited objects stay shared: the workers' collectors leave them alone
            try:
                self._pool = ProcessPoolExecutor(processes, multiprocessing.get_context("fork"),
                                                 initializer=_worker_start)
                self._futures = [self._pool.submit(_run_chunk, (start, min(start + CHUNK, count)))
                                 for start in range(0, count, CHUNK)]  # the first submit forks them all
            finally:
                gc.unfreeze()
                _job = None

    def results(self) -> Iterator[Any]:
        """Each item's result, in item order, as soon as it and those before it are done."""
        if self._pool is None:
            for item in range(self._count):
                yield self._job(item)
            return
        for future in self._futures:
            try:
                batch = future.result()
            except BrokenProcessPool:
                raise BuildError("a build worker process died (out of memory, or killed); "
                                 "set MINIMAX_ARCHIVE_WORKERS=1 to build in one process") from None
            yield from batch

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: object, *exc: object) -> None:
        if self._pool is None:
            return
        if kind is not None:
            # No future is cancelled: the executor then fails every pending one as broken, and
            # Python 3.11's executor raises (and prints) InvalidStateError for one already cancelled.
            for process in list(self._pool._processes.values()):  # the executor has no "kill now"
                process.kill()
        self._pool.shutdown(wait=True)


def _worker_start() -> None:
    # Ctrl-C reaches the whole process group: the build's own process handles it and stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_chunk(bounds: tuple[int, int]) -> list[Any]:
    assert _job is not None, "a worker runs the job it was forked with"
    return [_job(item) for item in range(*bounds)]


def parallel_map(function: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
    """``[function(item) for item in items]``, spread over the workers (for pure, CPU-bound functions)."""
    with Workers(lambda k: function(items[k]), len(items)) as workers:
        return list(workers.results())
