"""Search on a generated archive of 60 interviews: batches, totals, focus, theme lists.

The interviews come from the corpus generator (bench/gen_corpus.py),
and archive.yaml is written from the generator's own theme table, so the theme
keywords are the words the texts use. One theme label holds ``$&`` (a string
replacement pattern) to prove labels are shown as written.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import subprocess
import sys
import urllib.parse
from collections import Counter

import pytest
from playwright.sync_api import expect
from sitekit import REPO

from minimax_archive.build import build
from minimax_archive.loader import load_archive
from minimax_archive.themes import assign

GENERATOR = REPO / "bench" / "gen_corpus.py"
COUNT = 60
BATCH = 20
TALENT_LABEL = {"en": "Talent $& teams", "zh": "人才 $& 团队"}


def _generator_themes() -> list[dict]:
    spec = importlib.util.spec_from_file_location("gen_corpus", GENERATOR)
    assert spec and spec.loader, f"{GENERATOR} not found"
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module.THEMES


def _archive_yaml() -> str:
    lines = ["title: {en: Generated Archive, zh: 生成的档案}", "description: {en: Scale test., zh: 规模测试。}",
             "languages: [en, zh]", "themes:"]
    for theme in _generator_themes():
        label = TALENT_LABEL if theme["key"] == "talent" else {"en": theme["en"], "zh": theme["zh"]}
        keywords = {"en": [theme["en"]] + (["Mixture-of-Experts"] if theme["key"] == "moe" else []), "zh": [theme["zh"]]}
        lines += [f"  {theme['key']}:", f"    label: {json.dumps(label, ensure_ascii=False)}",
                  f"    keywords: {json.dumps(keywords, ensure_ascii=False)}"]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def generated(tmp_path_factory, serve_folder):
    root = tmp_path_factory.mktemp("scale")
    content = root / "content"
    subprocess.run([sys.executable, str(GENERATOR), "--n", str(COUNT), "--out", str(content), "--targets", "txt"],
                   check=True, capture_output=True)
    (content / "archive.yaml").write_text(_archive_yaml(), encoding="utf-8")
    archive, _ = load_archive(str(content))
    assert len(archive.interviews) == COUNT
    folder = root / "srv" / "archive"
    build(str(content), str(folder), templates=str(REPO / "templates"))
    with serve_folder(folder) as served:
        served.themes = assign(archive)
        yield served


def _open(site, page, lang: str, params: list[tuple[str, str]]):
    page.goto(site.url(f"{lang}/search/") + "?" + urllib.parse.urlencode(params))
    site.wait_ready(page)


def _every_group_has_answers(page):
    empty = page.locator(".search-group").evaluate_all(
        "gs => gs.filter(g => !g.querySelector('.search-hit, .search-page')).map(g => g.innerText)")
    assert not empty, f"interview headings without any answer: {empty[:3]}"


def _click_more_until_done(site, page) -> list[int]:
    """Click More until it is gone; the number of items listed after each batch."""
    items = page.locator(".search-hit, .search-page")  # answers, and interviews whose title matched
    counts = [items.count()]
    more = page.locator("#search-results button.more")
    while more.count():
        more.click()
        expect(items).not_to_have_count(counts[-1])
        counts.append(items.count())
        _every_group_has_answers(page)
        assert len(counts) < 200, "More never goes away"
    return counts


def _expected(themes, keys: set[str]) -> tuple[int, int]:
    hits = [slug for (slug, _), found in themes.items() if keys <= set(found)]
    return len(hits), len(Counter(hits))


@pytest.mark.parametrize(("lang", "keys"), [("en", ["agi", "product"]), ("zh", ["moe"]), ("zh", ["agents", "product"]), ("en", ["product"])])
def test_theme_filters_list_every_answer_in_full_batches_with_the_total(generated, page, lang, keys):
    answers, interviews = _expected(generated.themes, set(keys))
    assert answers > BATCH, "the generated archive is too small for this test"
    _open(generated, page, lang, [("theme", k) for k in keys])
    status = page.locator("#search-status").inner_text()
    total = {"en": f"Found {answers} answers in {interviews} interviews.",
             "zh": f"找到 {answers} 个回答，来自 {interviews} 篇访谈。"}[lang]
    assert status == total, status
    counts = _click_more_until_done(generated, page)
    assert all(b - a > 0 for a, b in itertools.pairwise(counts)), counts  # no empty batch
    assert counts[-1] == answers and all(b - a == BATCH for a, b in itertools.pairwise(counts[:-1])), counts
    hrefs = [h.href for h in generated.hits(page)]
    assert len(set(hrefs)) == len(hrefs), "an answer is listed twice"
    assert page.locator(".search-group").count() == interviews


@pytest.mark.parametrize(("lang", "params"), [
    ("en", [("q", "routing"), ("theme", "talent")]),
    ("en", [("q", "routing")]),
    ("zh", [("q", "混合专家")]),
    ("zh", [("q", "路由 专家")]),
])
def test_text_searches_fill_every_batch_and_end_with_the_count(generated, page, lang, params):
    site = generated
    _open(site, page, lang, params)
    _every_group_has_answers(page)
    counts = _click_more_until_done(site, page)
    assert all(b - a > 0 for a, b in itertools.pairwise(counts)), counts
    hits, groups = len(site.hits(page)), page.locator(".search-group").count()
    status = page.locator("#search-status").inner_text()
    if not hits:
        assert status.startswith(("No answers found.", "没有找到")), status
        return
    found = {"en": f"Found {hits} answer{'s' if hits != 1 else ''} in {groups} interview{'s' if groups != 1 else ''}.",
             "zh": f"找到 {hits} 个回答，来自 {groups} 篇访谈。"}[lang]
    assert status.startswith(found), status


@pytest.mark.parametrize(("lang", "query"), [("zh", "talent"), ("en", "人才")])
def test_a_theme_named_in_the_other_language_lists_its_answers_at_once(generated, page, lang, query):
    _open(generated, page, lang, [("q", query)])
    found = generated.hits(page)
    shown = page.locator(".search-hit, .search-page").count()  # a few titles say 人才 too
    assert shown == BATCH and len(found) >= BATCH // 2, f"{query!r} on /{lang}/ shows {len(found)} answers at first"
    assert all(h.href.startswith(generated.url(f"{lang}/interviews/")) for h in found)
    _every_group_has_answers(page)
    label = TALENT_LABEL[lang]
    assert f"“{label}”" in page.locator("#search-status").inner_text()  # $& shown as written


@pytest.mark.parametrize("key", ["moe", "product"])
def test_a_theme_list_needs_no_word_index(generated, page, key):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    _open(generated, page, "zh", [("theme", key)])
    assert len(generated.hits(page)) == BATCH
    assert any(u.endswith(f"/zh/themes/{key}/answers-1.json") for u in requested), requested
    assert not any(u.endswith(f"/zh/themes/{key}/answers-2.json") for u in requested), "loaded more than needed"
    words = [u for u in requested if "/pagefind/zh/index/" in u or "/pagefind/zh/fragment/" in u]
    assert not words, f"a theme list loaded the word index: {words[:3]}"


def test_focus_moves_to_the_first_new_answer_after_more(generated, page):
    _open(generated, page, "en", [("theme", "moe")])
    page.locator("#search-results button.more").click()
    expect(page.locator(".search-hit")).to_have_count(2 * BATCH)
    new_first = page.locator(".search-hit a.question").nth(BATCH)
    expect(new_first).to_be_focused()
