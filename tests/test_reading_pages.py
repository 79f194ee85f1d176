"""The built pages' reading details that need no browser: bylines, aria-current, side-by-side pages, UI words."""

from __future__ import annotations

import json
import re

from sitekit import EN, REPO, ZH, write_archive

from minimax_archive.build import build


def built(tmp_path, interviews):
    content = write_archive(tmp_path, interviews)
    out = tmp_path / "site"
    build(str(content), str(out), templates=str(REPO / "templates"), search=False)
    return out


def text(path) -> str:
    return path.read_text(encoding="utf-8")


def test_a_byline_without_interviewee_or_date_does_not_start_with_a_separator(tmp_path):
    out = built(tmp_path, {"plain": {"en.txt": EN, "zh.txt": ZH}})
    assert '<p class="byline">3 questions</p>' in text(out / "en/index.html")
    assert '<p class="byline">3 个问题</p>' in text(out / "zh/index.html")


def test_navigation_marks_the_current_page(tmp_path):
    out = built(tmp_path, {"plain": {"en.txt": EN, "zh.txt": ZH}})
    nav = re.compile(r'<nav class="site-nav".*?</nav>', re.DOTALL)
    def current(page):
        return re.findall(r'<a href="[^"]*" aria-current="(\w+)">([^<]+)</a>', nav.search(text(out / page)).group())
    assert current("en/index.html") == [("page", "Interviews")]
    assert current("en/themes/index.html") == [("page", "Themes")]
    assert current("zh/themes/moe/index.html") == [("true", "主题")]
    assert current("zh/search/index.html") == [("page", "搜索")]
    assert current("en/interviews/plain/index.html") == []


def test_side_by_side_only_for_interviews_with_both_texts(tmp_path):
    out = built(tmp_path, {"both": {"en.txt": EN, "zh.txt": ZH}, "only-english": {"en.txt": EN}})
    for lang in ("en", "zh"):
        assert (out / f"{lang}/interviews/both/bilingual/index.html").is_file()
        assert not (out / f"{lang}/interviews/only-english/bilingual").exists()
    assert '<a href="bilingual/">中英对照阅读 →</a>' in text(out / "zh/interviews/both/index.html")
    assert "bilingual/" not in text(out / "en/interviews/only-english/index.html")
    page = text(out / "en/interviews/both/bilingual/index.html")
    assert page.count('class="bi-row qa"') == 3
    assert re.findall(r'<article class="bi-cell" lang="([\w-]+)" data-lang="\w+" data-qa="s01-q1">', page) == ["en", "zh-CN"]


def test_chinese_interface_words(tmp_path):
    out = built(tmp_path, {"both": {"en.txt": EN, "zh.txt": ZH}})
    assert "阅读中文版 →" in text(out / "index.html") and "Read in English →" in text(out / "index.html")
    assert "<p>共 1 个回答，来自 1 篇访谈。</p>" in text(out / "zh/themes/moe/index.html")
    search = text(out / "zh/search/index.html")
    strings = json.loads(re.search(r'<script type="application/json" id="search-strings">(.*?)</script>', search).group(1))
    assert strings["search_loading"] == "搜索加载中……" and strings["filter_count"] == "（{count}）"
    assert "本条链接" in text(out / "zh/interviews/both/index.html")
