"""Local preview: serve the built site on 127.0.0.1 (search needs HTTP, not file://).

With ``watch``, the content and templates are polled once a second and the site
is rebuilt when a file changes; a failed rebuild prints its problems and the
previous site keeps being served (the build never leaves a half-written site).
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
import time
from typing import Callable


def serve(site_dir: str, port: int = 8000, watch: list[str] | None = None,
          rebuild: Callable[[], None] | None = None) -> None:
    """Serve ``site_dir`` until interrupted, rebuilding when a file under ``watch`` changes."""
    handler = functools.partial(_QuietHandler, directory=site_dir)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        if watch and rebuild:  # snapshot first: a change made right after the message below counts
            seen = _snapshot(watch)
            threading.Thread(target=_watch, args=(watch, rebuild, seen), daemon=True).start()
        host, real_port = server.server_address[:2]
        print(f"serving {site_dir}/ at http://{host}:{real_port}/ (Ctrl-C to stop)", flush=True)
        server.serve_forever()


def _snapshot(folders: list[str]) -> dict[str, float]:
    found = {}
    for folder in folders:
        for base, _, files in os.walk(folder):
            for name in files:
                path = os.path.join(base, name)
                try:
                    found[path] = os.stat(path).st_mtime
                except OSError:
                    pass
    return found


def _watch(folders: list[str], rebuild: Callable[[], None], seen: dict[str, float]) -> None:
    while True:
        time.sleep(1)
        now = _snapshot(folders)
        if now != seen:
            seen = now
            print("change detected; rebuilding", flush=True)
            rebuild()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass
