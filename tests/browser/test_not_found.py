"""The 404 page as a host serves it: at the missing address, at any depth, under a sub-path.

The server here does what GitHub Pages, Netlify and Cloudflare Pages do: a
request for a file that does not exist gets ``404.html`` from the site's root,
with status 404, at the URL that was asked for.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import os
import threading
from pathlib import Path

import pytest

from minimax_archive.build import build

REPO = Path(__file__).resolve().parents[2]
SUB_PATH = "archive"


class FallbackHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files; a missing one gets the site's 404.html with status 404."""

    site: Path

    def log_message(self, format, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if os.path.exists(path):
            return super().send_head()
        body = (self.site / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve_with_fallback(site: Path):
    handler_class = type("Handler", (FallbackHandler,), {"site": site})
    handler = functools.partial(handler_class, directory=str(site.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="browser-test-404", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/{SUB_PATH}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    folder = tmp_path_factory.mktemp("notfound") / "srv" / SUB_PATH
    build(str(REPO / "content"), str(folder), templates=str(REPO / "templates"), search=False,
          base_url=f"https://archive.test/{SUB_PATH}/")
    with serve_with_fallback(folder) as url:
        yield url


@pytest.mark.parametrize("missing", ["nope", "en/interviews/no-such-interview/", "zh/a/b/c/d/e.html"])
def test_a_missing_page_at_any_depth_shows_the_bilingual_404_with_working_links(page, base, missing):
    response = page.goto(base + missing)
    assert response.status == 404
    assert page.locator("h1").all_inner_texts() == ["Page not found", "页面不存在"]
    # The stylesheet came from the site's root, not from next to the missing address.
    assert page.evaluate("() => [...document.styleSheets].some(s => s.href.endsWith('/archive/assets/style.css') "
                         "&& s.cssRules.length > 0)")
    page.get_by_role("link", name="全部访谈 →").click()
    page.wait_for_url(base + "zh/")
    assert page.locator(".page-title").inner_text() == "MiniMax 访谈档案"
    page.go_back()
    page.get_by_role("link", name="All interviews →").click()
    page.wait_for_url(base + "en/")
    assert page.locator(".page-title").inner_text() == "MiniMax Interview Archive"


def test_the_404_search_link_reaches_the_search_page(page, base):
    page.goto(base + "en/themes/unknown/")
    page.get_by_role("link", name="Search the archive").click()
    page.wait_for_url(base + "en/search/")
    assert page.locator("h1").inner_text() == "Search"
