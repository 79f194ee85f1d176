"""Stopping work that runs in other threads: the first error wins, the rest stop at once.

A build renders in one thread while Pagefind processes index in others. When
any of them fails (or the user presses Ctrl-C), :meth:`Cancel.fail` records
the first error and runs every registered stopper: the Pagefind processes are
killed, so a thread blocked on one wakes up at once instead of at its deadline.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """Raised by work that stopped because something else failed first."""


class Cancel:
    """A one-way switch shared by the threads of one build."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._stoppers: list[Callable[[], None]] = []
        self.error: BaseException | None = None
        """The first failure, which the build reports."""

    def is_set(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the build is stopping."""
        if self._event.is_set():
            raise Cancelled()

    def fail(self, error: BaseException) -> None:
        """Record ``error`` unless an earlier one is recorded, and stop everything."""
        with self._lock:
            if self.error is None and not isinstance(error, Cancelled):
                self.error = error
            self._event.set()
            stoppers, self._stoppers = self._stoppers, []
        for stop in stoppers:
            stop()

    def on_cancel(self, stop: Callable[[], None]) -> None:
        """Run ``stop`` when the build is cancelled (at once if it already is)."""
        with self._lock:
            if not self._event.is_set():
                self._stoppers.append(stop)
                return
        stop()
