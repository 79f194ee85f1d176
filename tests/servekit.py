"""``minimax-archive serve`` run as a user runs it: a subprocess on a free port, read line by line.

Every wait has a deadline (a hang guard, not a speed limit): a preview that
never says what it should fails the test with everything it printed.
"""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Self

DEADLINE = 120.0
"""Seconds any single wait may take before the test fails as hung."""


class ServeProcess:
    """``python -m minimax_archive serve --port 0 ...`` in ``cwd``, its output collected as it comes."""

    def __init__(self, cwd: Path, *args: str, env: dict[str, str] | None = None):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "minimax_archive", "serve", "--port", "0", *args], cwd=cwd,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, **(env or {})})
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.url = ""
        self._eof = False

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def wait_for(self, text: str, deadline: float = DEADLINE) -> str:
        """The next output line containing ``text``; fails if serve exits or stays silent past the deadline."""
        end = time.monotonic() + deadline
        while True:
            try:
                line = self._queue.get(timeout=max(0.0, end - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"serve never printed {text!r}; it printed:\n" + "\n".join(self.lines)) from None
            if line is None:
                self._eof = True
                raise AssertionError(f"serve exited before printing {text!r}:\n" + "\n".join(self.lines))
            self.lines.append(line)
            if text in line:
                return line

    def started(self) -> ServeProcess:
        """Wait for the 'serving http://...' line and remember the URL."""
        line = self.wait_for("serving http://")
        match = re.search(r"http://\S+/", line)
        assert match, line
        self.url = match.group(0)
        return self

    def stop(self, signum: int = signal.SIGTERM) -> int:
        """Send ``signum`` and wait for the exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(signum)
        try:
            return self.proc.wait(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=DEADLINE)
            raise AssertionError("serve did not stop on " + signal.Signals(signum).name) from None

    def output(self) -> str:
        """Everything printed so far (after :meth:`stop`: everything)."""
        while not self._eof:
            try:
                line = self._queue.get(timeout=DEADLINE if self.proc.poll() is not None else 0.1)
            except queue.Empty:
                break
            if line is None:
                self._eof = True
                break
            self.lines.append(line)
        return "\n".join(self.lines)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
