"""The preview's HTTP side: which requests are answered, and with what.

- Only requests addressed to ``localhost``, an IP address or a name the user
  chose with ``--host`` are answered; any other ``Host`` gets 403. A web page
  on another site can point its own domain name at 127.0.0.1 (DNS rebinding),
  but the browser then sends that domain name as ``Host``.
- Only regular files inside the served build are sent: a symbolic link that
  leads out of it is a 404, and so is a folder without ``index.html`` (no
  directory listings). A missing page gets the site's own ``404.html`` when it
  has one, as static hosts do.
- Every HTML response gets one ``<script>`` tag, added on the way out and never
  written into a build: the script polls :data:`STATE_URL` and reloads the page
  after a rebuild, or shows the build error over the page (``preview.js``).
- Nothing is cached: every response says ``Cache-Control: no-store``.
"""

from __future__ import annotations

import http.server
import io
import ipaddress
import json
import os
import re
import socket
import socketserver
import sys
import urllib.parse
from dataclasses import dataclass
from http import HTTPStatus
from importlib import resources
from typing import BinaryIO

STATE_URL = "/.preview/state"
"""JSON ``{"build": token, "error": text or null}`` for the reload script."""
SCRIPT_URL = "/.preview/reload.js"
"""The reload script. Both paths start with a dot: no build writes such a folder."""

_HOST = re.compile(r"(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?")


@dataclass(frozen=True, slots=True)
class Served:
    """What the server answers with right now; replaced as a whole, never changed in place."""

    root: str
    """The build folder being served."""
    build: str
    """A token that changes with every good build and every start of ``serve``."""
    error: str | None = None
    """The text of the last failed rebuild, shown over the page; None after a good build."""


def host_allowed(header: str | None, names: frozenset[str]) -> bool:
    """True when a ``Host`` header names localhost, an IP address, or one of ``names`` (lower case)."""
    match = _HOST.fullmatch(header or "")
    if not match:
        return False
    name = match.group(1).strip("[]").lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost") or name in names:
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def inject(html: bytes, tag: bytes) -> bytes:
    """``html`` with ``tag`` just before its last ``</body>`` (or at the end when there is none)."""
    at = html.lower().rfind(b"</body>")
    return html + tag if at < 0 else html[:at] + tag + html[at:]


def reload_tag(build: str) -> bytes:
    return f'<script src="{SCRIPT_URL}" data-state="{STATE_URL}" data-build="{build}" defer></script>\n'.encode()


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


class Server(http.server.ThreadingHTTPServer):
    """A threading HTTP server that knows what it serves and which host names it answers."""

    served: Served | None = None
    names: frozenset[str] = frozenset()

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that goes away mid-answer (a reload) is normal: say nothing; anything else in one line."""
        exc = sys.exc_info()[1]
        if not isinstance(exc, ConnectionError):
            print(f"error: while answering a request: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)

    def server_bind(self) -> None:
        # HTTPServer's own server_bind looks the host up in DNS (socket.getfqdn), which can hang.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), int(self.server_address[1])


class Handler(http.server.SimpleHTTPRequestHandler):
    """One request: the host check, the reload endpoints, then a file from the served build."""

    server: Server

    def __init__(self, request: socket.socket, client_address: tuple[str, int], server: Server) -> None:
        self.served = server.served  # one consistent view for the whole request, even across a rebuild
        super().__init__(request, client_address, server,
                         directory=self.served.root if self.served else os.devnull)

    def parse_request(self) -> bool:
        if not super().parse_request():
            return False
        if not host_allowed(self.headers.get("Host"), self.server.names):
            self.send_error(HTTPStatus.FORBIDDEN, "Host not allowed",
                            "This preview answers only localhost, IP addresses and the name given to --host.")
            return False
        return True

    def send_head(self) -> BinaryIO | None:
        path = urllib.parse.urlsplit(self.path).path
        if self.served is None:
            self.send_error(HTTPStatus.SERVICE_UNAVAILABLE, "No build yet")
            return None
        if path == STATE_URL:
            state = {"build": self.served.build, "error": self.served.error}
            return self._send(HTTPStatus.OK, "application/json", json.dumps(state).encode())
        if path == SCRIPT_URL:
            script = resources.files("minimax_archive").joinpath("preview.js").read_bytes()
            return self._send(HTTPStatus.OK, "text/javascript; charset=utf-8", script)
        found = self._file(self.translate_path(self.path))
        if found is None:
            return self._not_found()
        if os.path.isdir(self.translate_path(self.path)) and not path.endswith("/"):
            parts = urllib.parse.urlsplit(self.path)
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", urllib.parse.urlunsplit(parts._replace(path=parts.path + "/")))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        return self._send_file(HTTPStatus.OK, found)

    def _file(self, local: str) -> str | None:
        """The real path of the file to send for ``local``, if it is a file inside the build."""
        root = os.path.realpath(self.directory)
        real = os.path.realpath(local)
        if local.endswith("/") and not os.path.isdir(real):
            return None  # "style.css/" is not a file
        if os.path.isdir(real):
            real = os.path.realpath(os.path.join(real, "index.html"))
        return real if _inside(real, root) and os.path.isfile(real) else None

    def _not_found(self) -> BinaryIO | None:
        page = self._file(os.path.join(self.directory, "404.html"))
        if page is None:
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        return self._send_file(HTTPStatus.NOT_FOUND, page)

    def _send_file(self, status: HTTPStatus, path: str) -> BinaryIO | None:
        try:
            with open(path, "rb") as handle:
                body = handle.read()
        except OSError:
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        kind = self.guess_type(path)
        if kind.startswith("text/html") and self.served is not None:
            body = inject(body, reload_tag(self.served.build))
        return self._send(status, kind, body)

    def _send(self, status: HTTPStatus, kind: str, body: bytes) -> BinaryIO:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(body)

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        self.send_error(HTTPStatus.NOT_FOUND, "File not found")  # never a listing, whatever calls this

    def log_message(self, format: str, *args: object) -> None:  # the base class's parameter name
        pass
