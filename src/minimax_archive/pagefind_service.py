"""A minimal client for Pagefind's indexing service (``pagefind_extended --service``).

Pagefind's own Python wrapper (``pagefind.index``) waits 100 ms before reading
each response, so 13,000 answers take over 20 minutes. This client speaks the
same protocol (base64-encoded JSON messages, each followed by a comma, on
stdin/stdout) but streams: a thread writes the requests as they are made while
another collects the responses. The bundle comes back in memory (``GetFiles``),
so the caller writes it, and nothing waits on files Pagefind writes.

Every wait has a deadline (``timeout`` seconds without an answer, or without
Pagefind taking the next request); on a deadline, an unreadable answer, an
error or an exit, the process is killed and the error names what happened and
the end of Pagefind's own error output. The binary is found the way Pagefind's
wrapper finds it (``PAGEFIND_BINARY_PATH``, then the installed extended build).
"""

from __future__ import annotations

import base64
import binascii
import collections
import json
import os
import queue
import subprocess
import threading
from collections.abc import Iterable
from typing import IO, Any, Self

from .cancel import Cancel, Cancelled
from .errors import BuildError

TIMEOUT_VARIABLE = "MINIMAX_ARCHIVE_PAGEFIND_TIMEOUT"
DEFAULT_TIMEOUT = 300.0
"""Seconds Pagefind may go without answering. Building the index of a large archive
is one long request (about a minute at 10,000 interviews on two cores)."""

_BASE64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=,"
_EOF = object()


def timeout_from_environment() -> float:
    """The deadline from MINIMAX_ARCHIVE_PAGEFIND_TIMEOUT (seconds), else the default."""
    value = os.environ.get(TIMEOUT_VARIABLE, "")
    try:
        seconds = float(value) if value else DEFAULT_TIMEOUT
    except ValueError:
        raise BuildError(f"{TIMEOUT_VARIABLE}={value!r} is not a number of seconds") from None
    if not seconds > 0:
        raise BuildError(f"{TIMEOUT_VARIABLE}={value!r} must be more than 0 seconds")
    return seconds


class PagefindService:
    """One running ``pagefind --service`` process with one index; use it as a context manager."""

    def __init__(self, binary: str, timeout: float = DEFAULT_TIMEOUT, cancel: Cancel | None = None):
        self._timeout = timeout
        self._cancel = cancel or Cancel()
        try:
            self._proc = subprocess.Popen([binary, "--service"], stdin=subprocess.PIPE,
                                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        except OSError as exc:
            raise BuildError(f"Pagefind failed: cannot start {binary}: {exc.strerror}") from None
        self._responses: queue.Queue[Any] = queue.Queue()
        self._requests: queue.Queue[bytes | None] = queue.Queue(maxsize=64)
        self._stderr: collections.deque[bytes] = collections.deque(maxlen=64)
        self._threads = [threading.Thread(target=target, daemon=True)
                         for target in (self._read_responses, self._write_requests, self._read_stderr)]
        for thread in self._threads:
            thread.start()
        self._cancel.on_cancel(self.stop)
        self._next_id = 0
        try:
            self._index_id = self._call({"type": "NewIndex", "config": None})["index_id"]
        except BaseException:
            self.stop()
            raise

    def add_html(self, files: Iterable[dict[str, Any]]) -> int:
        """Index HTML documents ({url, file_contents}) as they come; return how many.

        Requests stream out while a thread collects the answers, so Pagefind
        starts on the first document while the caller still produces the rest.
        """
        count = 0
        for item in files:
            self._send({"type": "AddFile", "index_id": self._index_id, "file_path": None, **item})
            count += 1
        for _ in range(count):
            self._receive()
        return count

    def get_files(self) -> dict[str, bytes]:
        """Build the index and return the bundle: {path relative to the bundle: contents}."""
        reply = self._call({"type": "GetFiles", "index_id": self._index_id})
        try:
            return {item["path"].replace(os.sep, "/"): base64.b64decode(item["content"], validate=True)
                    for item in reply["files"]}
        except (KeyError, TypeError, AttributeError, binascii.Error):
            raise self._failure("its bundle is not in the expected form") from None

    def close(self) -> None:
        """End the service normally: close its input, and kill it if it does not exit in time."""
        try:
            self._requests.put(None, timeout=self._timeout)
        except queue.Full:
            pass
        try:
            self._proc.wait(timeout=min(self._timeout, 10))
        except subprocess.TimeoutExpired:
            pass
        self.stop()

    def stop(self) -> None:
        """Kill the process (if still running) and let the threads end. Safe to call twice, from any thread."""
        if self._proc.poll() is None:
            self._proc.kill()
        self._proc.wait()
        try:  # wake the writer if it waits for a request
            self._requests.put_nowait(None)
        except queue.Full:
            pass

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: object, *exc: object) -> None:
        if kind is None:
            self.close()
        else:
            self.stop()

    def _send(self, payload: dict[str, Any]) -> None:
        self._next_id += 1
        message = base64.b64encode(json.dumps({"message_id": self._next_id, "payload": payload}).encode()) + b","
        try:
            self._requests.put(message, timeout=self._timeout)
        except queue.Full:
            raise self._failure(f"it took no request for {self._timeout:g} s") from None
        if self._proc.poll() is not None:
            raise self._failure("it exited")

    def _call(self, payload: dict[str, Any]) -> dict[str, Any]:
        self._send(payload)
        return self._receive()

    def _receive(self) -> dict[str, Any]:
        try:
            reply = self._responses.get(timeout=self._timeout)
        except queue.Empty:
            raise self._failure(f"no answer within {self._timeout:g} s") from None
        if reply is _EOF:
            self._responses.put(_EOF)  # every later caller learns it too
            raise self._failure("it exited")
        if isinstance(reply, bytes):
            raise self._failure(f"unreadable answer {reply[:60].decode('ascii', 'replace')!r}")
        if reply.get("type") == "Error":
            raise self._failure(str(reply.get("message")))
        return dict(reply)

    def _failure(self, what: str) -> Exception:
        """Stop the process; the error to raise (Cancelled if the build is already stopping)."""
        if self._cancel.is_set():
            self.stop()
            return Cancelled()
        self.stop()
        self._threads[2].join(timeout=5)  # the rest of its stderr
        status = self._proc.returncode
        said = b"".join(self._stderr).decode("utf-8", "replace").strip()
        said = " | ".join(line.strip() for line in said.splitlines() if line.strip())
        if len(said) > 600:
            said = "…" + said[-600:]
        exited = f" (exit status {status})" if what == "it exited" else ""
        return BuildError(f"Pagefind failed: {what}{exited}" + (f"; Pagefind said: {said}" if said else ""))

    # The three threads. Each ends when the process's pipes close (stop() kills it).

    def _write_requests(self) -> None:
        stdin: IO[bytes] = self._proc.stdin  # type: ignore[assignment]
        try:
            while (message := self._requests.get()) is not None:
                stdin.write(message)
                if self._requests.empty():
                    stdin.flush()
        except (OSError, ValueError):
            pass  # the process died: the reader reports it
        finally:
            try:
                stdin.close()
            except (OSError, ValueError):
                pass

    def _read_responses(self) -> None:
        """Every answer on stdout goes to the queue; bytes mean garbage; _EOF marks the end."""
        stdout: IO[bytes] = self._proc.stdout  # type: ignore[assignment]
        parts: list[bytes] = []
        try:
            while chunk := stdout.read1(1 << 16):  # type: ignore[attr-defined]
                if chunk.translate(None, _BASE64):  # not base64 at all: fail now, not at the deadline
                    self._responses.put(chunk)
                    return
                start = 0
                while (comma := chunk.find(b",", start)) != -1:
                    parts.append(chunk[start:comma])
                    message, parts = b"".join(parts), []
                    start = comma + 1
                    try:
                        payload = json.loads(base64.b64decode(message, validate=True))["payload"]
                        if not isinstance(payload, dict):
                            raise TypeError
                    except (ValueError, KeyError, TypeError):
                        self._responses.put(_readable(message))
                        return
                    message = b""  # the bundle's answer is large: do not hold it twice
                    self._responses.put(payload)
                parts.append(chunk[start:])
        except (OSError, ValueError):
            pass
        finally:
            self._responses.put(_EOF)

    def _read_stderr(self) -> None:
        stderr: IO[bytes] = self._proc.stderr  # type: ignore[assignment]
        try:
            while chunk := stderr.read1(1 << 12):  # type: ignore[attr-defined]
                self._stderr.append(chunk)
        except (OSError, ValueError):
            pass


def _readable(message: bytes) -> bytes:
    """What a bad message says: its base64 decoded when that works (an answer that is not JSON)."""
    try:
        return base64.b64decode(message, validate=True) or b","
    except binascii.Error:
        return message or b","
