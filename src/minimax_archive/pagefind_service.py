"""A minimal client for Pagefind's indexing service (``pagefind_extended --service``).

Pagefind's own Python wrapper (``pagefind.index``) waits 100 ms before reading
each response, so 13,000 answers take over 20 minutes. This client speaks the
same protocol (base64-encoded JSON messages, each followed by a comma, on
stdin/stdout) but streams: requests go out as they are made while a thread
collects the responses. The binary is found the way the wrapper finds it
(``PAGEFIND_BINARY_PATH``, then the installed extended build).
"""

from __future__ import annotations

import base64
import json
import os
import queue
import subprocess
import threading
import time
from typing import Any, Iterable

from .errors import BuildError


def _bundle_state(path: str) -> dict[str, int] | None:
    """File sizes of a bundle, or None while its entry file is missing, partial, or names a missing file."""
    try:
        with open(os.path.join(path, "pagefind-entry.json"), encoding="utf-8") as handle:
            entry = json.load(handle)
        for info in entry["languages"].values():
            if os.path.getsize(os.path.join(path, f"pagefind.{info['hash']}.pf_meta")) == 0:
                return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return {os.path.join(base, name): os.path.getsize(os.path.join(base, name))
            for base, _, names in os.walk(path) for name in names}


def _wait_until_written(path: str, settle: float = 0.2, limit: float = 300.0) -> None:
    """Return once the bundle at ``path`` is complete and unchanged for ``settle`` seconds."""
    deadline = time.monotonic() + limit
    previous = None
    while time.monotonic() < deadline:
        state = _bundle_state(path)
        if state is not None and state == previous:
            return
        previous = state
        time.sleep(settle)
    raise BuildError(f"Pagefind failed: the index in {path} was not completely written")


class PagefindService:
    """One running ``pagefind --service`` process with one index."""

    def __init__(self, binary: str):
        try:
            self._proc = subprocess.Popen([binary, "--service"], stdin=subprocess.PIPE,
                                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        except OSError as exc:
            raise BuildError(f"Pagefind failed: cannot start {binary}: {exc.strerror}") from None
        self._responses: queue.Queue = queue.Queue()
        threading.Thread(target=self._read_all, daemon=True).start()
        self._next_id = 0
        self._index_id = self._call({"type": "NewIndex", "config": None})["index_id"]

    def add_html(self, files: Iterable[dict[str, Any]]) -> int:
        """Index HTML documents ({url, file_contents}) as they come; return how many.

        Requests stream out while a thread collects the answers, so Pagefind
        starts on the first document while the caller still produces the rest.
        """
        count = 0
        for item in files:
            self._send({"type": "AddFile", "index_id": self._index_id, "file_path": None, **item})
            count += 1
        self._flush()
        for _ in range(count):
            self._receive()
        return count

    def write_files(self, output_path: str) -> None:
        """Write the search bundle (pagefind.js, index and fragments) to ``output_path``.

        Pagefind answers WriteFiles before its writes have landed (an empty
        pagefind-entry.json was seen right after the answer), so wait until the
        bundle is complete and no file has changed for a moment.
        """
        self._call({"type": "WriteFiles", "index_id": self._index_id, "output_path": output_path})
        _wait_until_written(output_path)

    def close(self) -> None:
        if self._proc.stdin and not self._proc.stdin.closed:
            try:
                self._proc.stdin.close()
            except BrokenPipeError:
                pass
        try:
            self._proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()

    def __enter__(self) -> PagefindService:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _send(self, payload: dict[str, Any]) -> None:
        self._next_id += 1
        message = {"message_id": self._next_id, "payload": payload}
        try:
            self._proc.stdin.write(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
        except (BrokenPipeError, ValueError):
            raise self._died() from None

    def _flush(self) -> None:
        try:
            self._proc.stdin.flush()
        except (BrokenPipeError, ValueError):
            raise self._died() from None

    def _call(self, payload: dict[str, Any]) -> dict[str, Any]:
        self._send(payload)
        self._flush()
        return self._receive()

    def _receive(self) -> dict[str, Any]:
        payload = self._responses.get()
        if payload is None:
            self._responses.put(None)  # every later caller learns it too
            raise self._died()
        if payload.get("type") == "Error":
            raise BuildError(f"Pagefind failed: {payload.get('message')}")
        return payload

    def _died(self) -> BuildError:
        return BuildError(f"Pagefind failed: the indexing service exited (status {self._proc.poll()})")

    def _read_all(self) -> None:
        """Runs in a thread: every answer on stdout goes to the queue; None marks the end."""
        buffer = b""
        while chunk := self._proc.stdout.read1(1 << 16):
            buffer += chunk
            *messages, buffer = buffer.split(b",")
            for message in messages:
                self._responses.put(json.loads(base64.b64decode(message))["payload"])
        self._responses.put(None)
