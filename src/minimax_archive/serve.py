"""Local preview: build into a private temporary folder, serve it, rebuild on every change.

The order is the contract: the port is taken first (a busy port is an error
before any build), then every build goes into a fresh folder under a temporary
folder of its own (the user's ``site/`` is never touched), and the server
switches to a build only once it has succeeded. A failed rebuild is reported in
the terminal and over the open page while the last good build stays served; an
unexpected error is reported the same way and watching goes on. The temporary
folder is removed on exit (Ctrl-C or SIGTERM). What the server answers is
``serve_http``'s business.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import secrets
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from types import FrameType
from typing import Self

from .serve_http import Handler, Served, Server

LOCALHOST = "127.0.0.1"
WILDCARDS = ("0.0.0.0", "::", "")
"""Hosts that mean "every address of this machine"."""
JOIN_DEADLINE = 120.0
"""Seconds to let a running rebuild finish on exit before its folder is removed under it."""


class ServeError(Exception):
    """The preview cannot start (port busy, host unknown)."""


BuildInto = Callable[[str], None]
"""Build the site into a new folder; raise on failure."""
Describe = Callable[[Exception], str]
"""A failed build's exception -> the text shown in the terminal and over the page."""


class Preview:
    """A bound server, its temporary folder, the build being served, and the watcher."""

    def __init__(self, build_into: BuildInto, describe: Describe, host: str = LOCALHOST, port: int = 8000,
                 explicit_host: bool = False, poll: float = 0.5):
        self._build_into, self._describe, self._poll = build_into, describe, poll
        host = host.strip("[]")  # "[::1]" as in a URL
        self._server = _bind(host, port)
        self._server.names = _names(host) if explicit_host else frozenset()
        self._host = host
        try:
            self._folder = tempfile.mkdtemp(prefix="minimax-archive-serve-")
        except OSError:
            self._server.server_close()
            raise
        self._session = secrets.token_hex(4)  # a restarted serve makes open pages reload too
        self._builds = 0
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None
        self._sigterm: Callable[[int, FrameType | None], object] | int | None = None

    @property
    def url(self) -> str:
        shown = self._host
        if shown in WILDCARDS:  # every address: this machine's own is one of them
            shown = "::1" if shown == "::" else LOCALHOST
        return f"http://{f'[{shown}]' if ':' in shown else shown}:{self._server.server_port}/"

    @property
    def everywhere(self) -> bool:
        """True when listening on every address of this machine (``--host 0.0.0.0``)."""
        return self._host in WILDCARDS

    @property
    def served(self) -> Served | None:
        return self._server.served

    @property
    def folder(self) -> str:
        """The temporary folder that holds the builds."""
        return self._folder

    def build(self) -> None:
        """Build into a new folder and serve it; on failure raise, and keep serving the last good build."""
        self._builds += 1
        target = os.path.join(self._folder, f"build-{self._builds}")
        try:
            self._build_into(target)
        except BaseException:
            shutil.rmtree(target, ignore_errors=True)
            raise
        old = self._server.served
        self._server.served = Served(target, f"{self._session}-{self._builds}")
        if old is not None:
            shutil.rmtree(old.root, ignore_errors=True)

    def rebuild(self) -> None:
        """Build; on any error report it in the terminal and the page, and keep the last good build."""
        try:
            self.build()
        except Exception as exc:  # noqa: BLE001 - a rebuild error must never stop the preview
            text = self._describe(exc)
            print(f"{text}\nstill serving the last good build; fix it and save to rebuild", file=sys.stderr, flush=True)
            served = self._server.served
            if served is not None:
                self._server.served = dataclasses.replace(served, error=text)

    def watch(self, folders: list[str]) -> None:
        """Rebuild whenever a file under ``folders`` changes (from now on), in a background thread."""
        seen = snapshot(folders, self._folder)  # before returning: a change made right after counts
        self._watcher = threading.Thread(target=self._watch, args=(folders, seen), name="serve-watch", daemon=True)
        self._watcher.start()

    def _watch(self, folders: list[str], seen: dict[str, tuple[int, int]]) -> None:
        wait = self._poll
        while not self._stop.wait(wait):
            try:
                started = time.monotonic()
                now = snapshot(folders, self._folder)
                # A large archive takes a while to look at: look less often, at most a tenth of a core.
                wait = max(self._poll, 10 * (time.monotonic() - started))
                if now != seen:
                    now = self._settled(folders, now)
                    print(f"{_changed(seen, now)} changed; rebuilding", flush=True)
                    seen = now
                    self.rebuild()
            except Exception as exc:  # noqa: BLE001 - report it and keep watching, never die silently
                print(f"{self._describe(exc)}\nstill watching", file=sys.stderr, flush=True)

    def _settled(self, folders: list[str], now: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
        """Wait until the files stop changing (an editor saving in pieces), for at most a second."""
        for _ in range(10):
            if self._stop.wait(0.1):
                break
            again = snapshot(folders, self._folder)
            if again == now:
                break
            now = again
        return now

    def serve_forever(self) -> None:
        """Answer requests until Ctrl-C, SIGTERM (inside ``with``, in the main thread) or :meth:`shutdown`."""
        try:
            self._server.serve_forever(poll_interval=0.2)
        except KeyboardInterrupt:
            print("stopped", flush=True)

    def shutdown(self) -> None:
        """Stop :meth:`serve_forever` running in another thread."""
        self._server.shutdown()

    def close(self) -> None:
        """Stop watching, close the port, remove the temporary folder."""
        self._stop.set()
        if self._watcher is not None:
            self._watcher.join(JOIN_DEADLINE)
            if self._watcher.is_alive():
                print("warning: a rebuild was still running; removing its folder anyway", file=sys.stderr)
        self._server.server_close()
        shutil.rmtree(self._folder, ignore_errors=True)

    def __enter__(self) -> Self:
        if threading.current_thread() is threading.main_thread():  # a terminated preview still cleans up
            self._sigterm = signal.signal(signal.SIGTERM, _interrupt)
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.close()
        finally:
            if self._sigterm is not None:
                signal.signal(signal.SIGTERM, self._sigterm)


def snapshot(folders: list[str], ignore: str) -> dict[str, tuple[int, int]]:
    """Modification time and size of every file under ``folders``, except under ``ignore``."""
    ignore = os.path.realpath(ignore)
    found = {}
    for folder in folders:
        prune = _within(ignore, os.path.realpath(folder))  # else no folder below can be it (links are not followed)
        for base, dirs, files in os.walk(folder):
            if prune:
                dirs[:] = [d for d in dirs if not _within(os.path.realpath(os.path.join(base, d)), ignore)]
            for name in files:
                path = os.path.join(base, name)
                try:
                    stat = os.stat(path)
                except OSError:
                    continue  # removed while we looked: the next look sees it gone
                found[path] = (stat.st_mtime_ns, stat.st_size)
    return found


def _changed(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> str:
    """The first file added, removed or changed between two snapshots, and how many more."""
    paths = sorted({path for path, _ in before.items() ^ after.items()})
    return paths[0] + (f" and {len(paths) - 1} more" if len(paths) > 1 else "")


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _names(host: str) -> frozenset[str]:
    """Host names to answer besides localhost and IP addresses: the one the user chose."""
    if host in WILDCARDS:  # every address: the machine's own name too
        name = socket.gethostname().lower()
        return frozenset({name, f"{name}.local"})
    return frozenset({host.lower().rstrip(".")})


def _bind(host: str, port: int) -> Server:
    class Bound(Server):
        address_family = socket.AF_INET6 if ":" in host else socket.AF_INET

    try:
        return Bound((host, port), Handler)
    except socket.gaierror:
        raise ServeError(f"cannot listen on {host}: unknown host name (try --host 127.0.0.1)") from None
    except OSError as exc:
        reasons = {
            errno.EADDRINUSE: "the port is in use (is another preview running? choose another --port, "
                              "or --port 0 for a free one)",
            errno.EACCES: "permission denied (ports below 1024 need privileges; choose --port 8000)",
            errno.EADDRNOTAVAIL: f"{host} is not an address of this machine (try --host 127.0.0.1)",
        }
        reason = reasons.get(exc.errno or 0, exc.strerror or str(exc))
        raise ServeError(f"cannot listen on {host}:{port}: {reason}") from None


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt
