"""Pages built from hostile content run no script of the content's, in a real browser.

Every field of the archive (texts, meta.yaml, archive.yaml, theme labels) carries
script tags, event-handler attributes, javascript: links and closing-tag breakouts
(tests/hostile.py). Each would set ``window.__pwned`` or open a dialog if it ran.
"""

from __future__ import annotations

import pytest
from hostile import write_hostile_archive
from sitekit import REPO

from minimax_archive.build import build


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, serve_folder):
    root = tmp_path_factory.mktemp("hostile-browser")
    content = write_hostile_archive(root)
    folder = root / "srv" / "archive"
    build(str(content), str(folder), templates=str(REPO / "templates"))
    with serve_folder(folder) as served:
        yield served


def watch(page) -> list[str]:
    """Record dialogs (alert/confirm) the page opens."""
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    return dialogs


def assert_nothing_ran(page, dialogs):
    page.wait_for_timeout(300)  # let any onload/onerror handler fire
    assert page.evaluate("window.__pwned") is None, page.url
    assert dialogs == [], page.url


def test_no_page_runs_content_script(hostile, page):
    dialogs = watch(page)
    pages = sorted(p.relative_to(hostile.folder).as_posix() for p in hostile.folder.rglob("*.html"))
    assert "en/interviews/evil-one/index.html" in pages and len(pages) > 10
    for rel in pages:
        page.goto(hostile.url(rel))
        assert_nothing_ran(page, dialogs)
    page.goto(hostile.url("en/interviews/evil-one/"))
    assert "<script>window.__pwned = 1</script>" in page.inner_text("h1")  # shown, as text
    for link in page.locator("main a").all():
        assert not (link.get_attribute("href") or "").lower().startswith("javascript:")


@pytest.mark.parametrize("lang, query", [("en", "pwned"), ("zh", "恶意"), ("en", "script")])
def test_search_results_show_hostile_text_as_text(hostile, page, lang, query):
    dialogs = watch(page)
    hits = hostile.open_search(page, lang, q=query)
    assert hits, f"{query!r} should find the hostile answers"
    assert any("<script>" in hit.text or "<img" in hit.text for hit in hits)
    assert page.locator("#search-results script, #search-results img, #search-results svg").count() == 0
    assert_nothing_ran(page, dialogs)
    page.locator(".search-hit a.question").first.click()
    page.wait_for_load_state()
    assert_nothing_ran(page, dialogs)
