"""Archives of other sizes than the bundled one: more than one batch of results (the search page
offers the rest on request), and a language without a single text."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sitekit import EN, REPO, ZH, write_archive

from minimax_archive.build import build

COUNT = 25  # more than the page's batch of 20 interviews


@pytest.fixture(scope="module")
def many(tmp_path_factory, serve_folder):
    root = tmp_path_factory.mktemp("many")
    content = write_archive(root, {f"talk-{n:02d}": {"en.txt": EN, "zh.txt": ZH} for n in range(COUNT)})
    folder = root / "srv" / "archive"
    build(str(content), str(folder), templates=str(REPO / "templates"))
    with serve_folder(folder) as served:
        yield served


@pytest.mark.parametrize("lang, query", [("en", "cheaper"), ("zh", "便宜")])
def test_more_results_button_shows_the_rest(many, page, lang, query):
    many.open_search(page, lang, q=query)
    groups = page.locator(".search-group")
    expect(groups).to_have_count(20)
    page.locator("#search-results button.more").click()
    expect(groups).to_have_count(COUNT)
    expect(page.locator("#search-results button.more")).to_have_count(0)
    hrefs = {h.href for h in many.hits(page)}
    assert len(hrefs) == COUNT and all(h.endswith("#s01-q1") for h in hrefs)


def test_a_language_no_interview_is_written_in_finds_nothing_rather_than_failing(tmp_path, serve_folder, page):
    # The archive offers Chinese, but no interview has a Chinese text yet: its search page works,
    # and finds nothing, instead of failing to load an index that was never made.
    content = write_archive(tmp_path, {"talk-en": {"en.txt": EN}})
    folder = tmp_path / "srv" / "archive"
    build(str(content), str(folder), templates=str(REPO / "templates"))
    with serve_folder(folder) as site:
        assert site.open_search(page, "zh", q="便宜") == []
        status = page.locator("#search-status")
        expect(status).not_to_be_empty()
        expect(status).not_to_have_text("搜索暂不可用：无法加载索引。")
        assert site.open_search(page, "en", q="cheaper")  # the English index has it
