"""Search as a Chinese reader uses it: typed with an input method, read in the results.

Promises checked on the bundled archive (the precision table is test_recall.py):
- nothing is searched while a pinyin composition is open; the committed text is;
- a match in the title or abstract only shows the abstract, linking to the interview;
- the status line is a sentence as a native speaker writes it;
- excerpts read as text, with the phrase as one mark and … where cut;
- without JavaScript the page says so and links to the themes and the interview list.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

SLUG = "minimax-yan-junjie"


def test_nothing_is_searched_while_a_pinyin_composition_is_open(site, page):
    page.goto(site.search_url("zh"))
    site.wait_ready(page)
    box = page.locator("#search-input")
    box.focus()
    cdp = page.context.new_cdp_session(page)
    for typed in ("c", "ch", "chan", "chanp", "chanpin"):
        cdp.send("Input.imeSetComposition", {"text": typed, "selectionStart": len(typed), "selectionEnd": len(typed)})
    expect(box).to_have_value("chanpin")
    page.wait_for_timeout(800)  # longer than the page's typing pause: a search would have run by now
    assert "q=" not in page.url, f"the half-typed pinyin went into the address bar: {page.url}"
    assert page.locator("#search-status").inner_text() == "", "the status changed while composing"
    assert site.hits(page) == []
    cdp.send("Input.insertText", {"text": "产品"})  # the reader picks 产品: the composition ends
    expect(box).to_have_value("产品")
    expect(page.locator(".search-hit").first).to_be_attached()
    expect(page).to_have_url(re.compile(r"[?&]q=%E4%BA%A7%E5%93%81(&|$)"))
    assert all("产品" in h.text for h in site.hits(page))


def test_a_match_in_the_abstract_only_shows_the_abstract(site, page):
    for lang, query in (("zh", "创始人"), ("en", "LLM")):
        assert site.open_search(page, lang, q=query) == [], "no answer says it"
        shown = page.locator(".search-group .search-page")
        expect(shown).to_have_count(1)
        expect(shown.locator("a")).to_have_attribute("href", re.compile(rf"/{lang}/interviews/{SLUG}/$"))
        expect(shown.locator("mark")).to_have_text([query])
        assert "0" not in page.locator("#search-status").inner_text()
    expect(page.locator("#search-status")).to_have_text("Found in the title or abstract of 1 interview.")


def test_status_line_reads_as_sentences(site, page):
    site.open_search(page, "zh", q="人才")
    status = page.locator("#search-status").inner_text()
    assert re.fullmatch(r"找到 \d+ 个回答，来自 1 篇访谈。另列出主题“人才”下的全部回答。", status), status
    site.open_search(page, "en", q="talent")
    status = page.locator("#search-status").inner_text()
    assert re.fullmatch(r"Found \d+ answers in 1 interview\. Also listing every answer on the theme “Talent”\.", status), status
    site.open_search(page, "zh", q="至关重要")
    expect(page.locator("#search-status")).to_have_text("找到 1 个回答，来自 1 篇访谈。")


def test_excerpts_mark_the_phrase_once_and_show_where_they_are_cut(site, page):
    site.open_search(page, "zh", q="生存之道")
    excerpt = page.locator(".search-hit p").first
    expect(excerpt.locator("mark")).to_have_text(["生存之道"])  # one mark; no stray 的生 or 道是
    assert "唯一的生存之道" in excerpt.inner_text()
    site.open_search(page, "en", q="system collapse")
    excerpt = page.locator(".search-hit p").first
    expect(excerpt.locator("mark")).to_have_text(["system collapse"])
    site.open_search(page, "zh", q="闫俊杰")
    for text in page.locator(".search-hit p").all_inner_texts():
        assert not re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", text), f"pairs shown instead of text: {text!r}"
        assert "？" not in text[:40] or "闫俊杰" in text, text  # the excerpt is the answer, not the question again


def test_one_character_and_traditional_queries_on_the_page(site, page):
    found = site.open_search(page, "zh", q="径")
    assert [h.anchor for h in found] == ["s04-q1"]
    expect(page.locator(".search-hit mark")).to_have_text(["径"])
    found = site.open_search(page, "zh", q="產品")
    assert found and all("产品" in h.text for h in found)


def test_the_traditional_table_loads_only_what_a_query_needs(site, browser):
    """A reader downloads the blocks of the Traditional -> Simplified table that the characters they
    typed fall in (產 U+7522, 品 U+54C1: blocks 75 and 54), not the whole table; English, none."""
    def tables(lang, query):
        context = browser.new_context()
        page = context.new_page()
        fetched = []
        page.on("requestfinished", lambda request: fetched.append(request.url))
        try:
            hits = site.open_search(page, lang, q=query)
        finally:
            context.close()
        return hits, sorted(u.rsplit("/", 1)[1] for u in fetched if "/assets/t2s/" in u)

    hits, blocks = tables("zh", "產品")
    assert hits and all("产品" in h.text for h in hits)
    assert blocks == ["54.js", "75.js"]
    hits, blocks = tables("en", "talent")
    assert hits and blocks == []


def test_without_javascript_the_page_says_so_and_links_elsewhere(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        for lang, words in (("zh", "搜索需要 JavaScript"), ("en", "Search needs JavaScript")):
            page.goto(site.search_url(lang, q="人才"))
            note = page.locator(".search-noscript")
            expect(note).to_be_visible()
            expect(note).to_contain_text(words)
            hrefs = note.locator("a").evaluate_all("els => els.map(a => a.href)")
            assert hrefs == [site.url(f"{lang}/themes/"), site.url(f"{lang}/")], hrefs
            assert "…" not in page.locator("#search-status").inner_text(), "a loading message that never ends"
    finally:
        context.close()
