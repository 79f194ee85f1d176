"""Real-browser fixtures: the bundled archive, built once, served under a sub-path, read by Chromium.

The site is built with ``minimax_archive.build.build`` into pytest's temporary
folder as ``<tmp>/srv/archive/`` and the parent ``srv/`` is served over HTTP, so
every page is reached as ``http://127.0.0.1:PORT/archive/...``. A site that
only worked from the server root would break here, which is the point: the
archive is published from a sub-path (GitHub Pages project sites).

Chromium is the system one: ``$CHROMIUM_PATH`` if set, else ``/usr/bin/chromium``;
Playwright cannot download its own. Without it the browser tests fail, loudly:
CI runs every test.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium")
"""The browser the tests drive (``CHROMIUM_PATH`` chooses another build of Chromium)."""
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
]
TIMEOUT_MS = 15_000
"""Generous waits, never asserted as a limit: a slow machine must not fail a test."""
SUB_PATH = "archive"
SLUG = "minimax-yan-junjie"


@dataclass(frozen=True)
class Hit:
    """One answer listed by the search page, as the reader sees it."""

    href: str
    """The link's resolved (absolute) URL."""
    anchor: str
    """The Q&A id it points to (``s02-q1``)."""
    question: str
    """The link text: the question."""
    text: str
    """All visible text of the hit: question and excerpt."""


class Site:
    """The served archive: URLs under the sub-path, and the search page as a reader uses it."""

    def __init__(self, folder: Path, origin: str):
        self.folder = folder
        """The built site on disk (``<tmp>/srv/archive``)."""
        self.origin = origin
        """``http://127.0.0.1:PORT``."""
        self.base = f"{origin}/{SUB_PATH}/"
        """The site root URL, under the sub-path."""

    def url(self, path: str = "") -> str:
        """An absolute URL for a path relative to the site root (``en/search/?q=MoE``)."""
        return self.base + path

    def search_url(self, lang: str, q: str | None = None, theme: str | None = None) -> str:
        params = [(k, v) for k, v in (("q", q), ("theme", theme)) if v]
        query = urllib.parse.urlencode(params, quote_via=urllib.parse.quote)
        return self.url(f"{lang}/search/") + (f"?{query}" if query else "")

    def open_search(self, page, lang: str, q: str | None = None, theme: str | None = None) -> list[Hit]:
        """Load the search page with ``?q=&theme=``, wait until its first search is done, return the hits."""
        page.goto(self.search_url(lang, q, theme))
        self.wait_ready(page)
        return self.hits(page)

    @staticmethod
    def wait_ready(page) -> None:
        """Wait for the search page to finish its first search (or say what it shows instead)."""
        try:
            page.wait_for_selector("html[data-search-ready]", state="attached", timeout=TIMEOUT_MS)
        except Exception as exc:
            status = page.locator("#search-status").first.text_content(timeout=1000)
            raise AssertionError(f"search page never became ready (status: {status!r}) at {page.url}") from exc

    @staticmethod
    def hits(page) -> list[Hit]:
        """The answers currently listed, in order."""
        rows = page.eval_on_selector_all(".search-group .search-hit", """els => els.map(li => {
            const a = li.querySelector('a.question');
            return {href: a ? a.href : '', question: a ? a.innerText : '', text: li.innerText};
        })""")
        return [Hit(r["href"], urllib.parse.urlsplit(r["href"]).fragment, r["question"], r["text"]) for r in rows]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The bundled archive, built once per session into ``<tmp>/srv/archive``."""
    from minimax_archive.build import build

    srv = tmp_path_factory.mktemp("browser") / "srv"
    srv.mkdir()
    folder = srv / SUB_PATH
    build(str(REPO / "content"), str(folder), templates=str(REPO / "templates"))
    assert (folder / "pagefind" / "zh" / "pagefind.js").is_file(), "the build wrote no Pagefind index"
    return folder


@contextlib.contextmanager
def serve(folder: Path):
    """Serve a built site from a background thread, the site one folder below the server root."""
    handler = functools.partial(_QuietHandler, directory=str(folder.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="browser-test-http", daemon=True)
    thread.start()
    try:
        yield Site(folder, f"http://127.0.0.1:{server.server_port}")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def serve_folder():
    """``serve`` for tests that build a site of their own: ``with serve_folder(folder) as site``."""
    return serve


@pytest.fixture(scope="session")
def site(built_site: Path):
    """The bundled archive, served under the sub-path."""
    with serve(built_site) as served:
        yield served


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: the browser tests need Chromium (Debian: apt-get install chromium; "
                    "elsewhere set CHROMIUM_PATH to its executable)",
                    pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        except Exception as exc:
            pytest.fail(f"could not start {CHROMIUM}: {exc}", pytrace=False)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page in its own context per test; an uncaught script error on it fails the test."""
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(f"{tab.url}: {error}"))
    yield tab
    context.close()
    assert not errors, "uncaught script errors in the page:\n" + "\n".join(errors)
