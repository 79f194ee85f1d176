"""Accessibility: axe-core finds no WCAG 2.0/2.1 A or AA violation on any page type.

Every page type, in both languages, in the light and the dark colour scheme
(emulated ``prefers-color-scheme``): the entry page, interview lists, an
interview (with a citation box open, so its text is checked too), the
side-by-side page, an answer a link has landed on (highlighted), the themes index, a theme page, the notice for a missing
translation, and the search page after a search has rendered its results and
filters. axe-core is the copy bundled by the ``axe-playwright-python`` package.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest
from sitekit import EN, REPO, write_archive

from minimax_archive.build import build

SLUG = "minimax-yan-junjie"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = {
    "entry": "",
    "home": "{lang}/",
    "interview": f"{{lang}}/interviews/{SLUG}/",
    "answer": f"{{lang}}/interviews/{SLUG}/#s02-q1",  # the answer a link lands on is highlighted
    "bilingual": f"{{lang}}/interviews/{SLUG}/bilingual/",
    "themes": "{lang}/themes/",
    "theme": "{lang}/themes/talent/",
    "search": "{lang}/search/?q={query}",
}
QUERY = {"en": "MoE", "zh": "人才"}


@pytest.fixture(scope="module")
def axe_source() -> str:
    return (resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def one_language_site(tmp_path_factory, serve_folder):
    """An interview with only an English text, for the missing-translation notice."""
    root = tmp_path_factory.mktemp("a11y")
    content = write_archive(root, {"only-english": {"en.txt": EN}})
    folder = root / "srv" / "archive"
    build(str(content), str(folder), templates=str(REPO / "templates"), search=False)
    with serve_folder(folder) as served:
        yield served


def violations(page, axe_source: str) -> list[str]:
    """axe's WCAG A/AA violations on the page as loaded, one line per failing element."""
    page.evaluate(axe_source)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {node['target']}: {node['failureSummary']}"
            for v in result["violations"] for node in v["nodes"]]


def assert_no_violations(page, axe_source: str) -> None:
    """Check the page in the light and then the dark colour scheme."""
    found = []
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        found += [f"[{scheme}] {line}" for line in violations(page, axe_source)]
    assert not found, f"{page.url}:\n" + "\n".join(found)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_wcag_violations(site, page, axe_source, kind, lang):
    page.goto(site.url(PAGES[kind].format(lang=lang, query=QUERY[lang])))
    if kind == "entry":  # one bilingual page: check it once as each language's front door
        page.evaluate(f"document.documentElement.lang = {json.dumps('zh-CN' if lang == 'zh' else 'en')}")
    if kind == "search":
        site.wait_ready(page)
        assert site.hits(page), "the search showed no results to check"
        assert page.locator("#search-filters input[type=checkbox]").count() > 0
    if kind == "interview":
        page.locator(".qa-tools button.cite").first.click()
        assert page.locator(".cite-box pre").first.is_visible()
    assert_no_violations(page, axe_source)


def test_missing_translation_notice_has_no_violations(one_language_site, page, axe_source):
    page.goto(one_language_site.url("zh/interviews/only-english/"))
    assert_no_violations(page, axe_source)
