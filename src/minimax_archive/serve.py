"""Local preview: serve the built site on 127.0.0.1 (search needs HTTP, not file://)."""

from __future__ import annotations

import functools
import http.server


def serve(site_dir: str, port: int = 8000) -> None:
    """Serve ``site_dir`` until interrupted."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=site_dir)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        host, real_port = server.server_address[:2]
        print(f"serving {site_dir}/ at http://{host}:{real_port}/ (Ctrl-C to stop)", flush=True)
        server.serve_forever()
