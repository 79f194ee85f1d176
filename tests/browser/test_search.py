"""The search page, as a reader uses it in a real browser, from a sub-path.

Promises checked:
- a query (from the URL or typed into the box) lists the answer it matches,
  grouped under its interview, linking straight to that answer's anchor;
- Chinese queries find Chinese answers, and a theme named in the other
  language (talent on the Chinese page, 人才 on the English one) still finds
  that theme's answers, in the page's own language;
- the theme filter, alone, lists exactly the answers on that theme, each with
  its own anchor;
- following a hit lands on the answer, which is the page's :target and is
  visibly highlighted.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

SLUG = "minimax-yan-junjie"
HAN = re.compile(r"[\u3400-\u9fff]")
ENGLISH_SENTENCE = re.compile(r"[A-Za-z]+(?:\s+[A-Za-z]+){3,}")
"""Four Latin words in a row: English prose, not a name such as MiniMax or ChatGPT."""
MOE_ANSWERS = {"s02-q1", "s02-q2"}


def answer_url(site, lang: str, anchor: str) -> str:
    return site.url(f"{lang}/interviews/{SLUG}/#{anchor}")


def test_moe_from_the_url_links_to_its_answer(site, page):
    found = site.open_search(page, "en", q="MoE")
    groups = page.locator(".search-group")
    expect(groups).to_have_count(1)
    expect(groups.first.locator("h2 a")).to_have_attribute("href", re.compile(rf"/{SLUG}/$"))
    hrefs = [h.href for h in found]
    assert any(h.endswith(f"/archive/en/interviews/{SLUG}/#s02-q1") for h in hrefs), hrefs
    assert answer_url(site, "en", "s02-q1") in hrefs
    expect(page.locator("#search-status")).not_to_be_empty()


def test_moe_typed_into_the_box(site, page):
    page.goto(site.search_url("en"))
    site.wait_ready(page)
    assert site.hits(page) == [], "an empty search page lists answers before anything is typed"
    page.locator("#search-input").press_sequentially("MoE")
    hit = page.locator(f'.search-group .search-hit a.question[href$="/archive/en/interviews/{SLUG}/#s02-q1"]')
    expect(hit).to_have_count(1)
    # The search is linkable: the typed query is now in the address bar.
    expect(page).to_have_url(re.compile(r"[?&]q=MoE(&|$)"))


def test_chinese_query_typed_on_the_chinese_page(site, page):
    page.goto(site.search_url("zh"))
    site.wait_ready(page)
    page.locator("#search-input").press_sequentially("人才")
    expect(page.locator('.search-hit a.question[href*="#s04-q"]').first).to_be_attached()
    found = site.hits(page)
    assert any(h.anchor.startswith("s04-q") for h in found), found
    for h in found:
        assert h.href.startswith(site.url("zh/")), f"a Chinese-page hit leaves /zh/: {h.href}"


def test_talent_on_the_english_page_finds_the_talent_answers(site, page):
    found = site.open_search(page, "en", q="talent")
    ids = {h.anchor for h in found}
    assert {"s04-q1", "s04-q2"} <= ids, ids  # s04-q1 says "culture", not "talent": it comes by its theme
    assert not any(h.anchor.startswith("s02-") for h in found), ids
    for h in found:
        assert h.href.startswith(site.url("en/")), h.href


def test_text_matches_come_before_answers_found_only_by_their_theme(site, page):
    found = site.open_search(page, "en", q="talent")
    assert [h.anchor for h in found][:2] == ["s04-q2", "s04-q1"], found  # s04-q2 says "talent"
    assert page.locator(".search-hit").first.locator("mark").count() >= 1  # its excerpt marks the word


def test_english_theme_word_on_the_chinese_page_finds_chinese_answers(site, page):
    found = site.open_search(page, "zh", q="talent")
    ids = {h.anchor for h in found}
    assert {"s04-q1", "s04-q2"} <= ids, ids
    for h in found:
        assert h.href.startswith(site.url("zh/")), h.href
        assert HAN.search(h.question), f"hit shows no Chinese: {h.question!r}"
        assert not ENGLISH_SENTENCE.search(h.text), f"hit shows English prose on the Chinese page: {h.text!r}"


def test_chinese_theme_word_on_the_english_page_finds_english_answers(site, page):
    found = site.open_search(page, "en", q="人才")
    ids = {h.anchor for h in found}
    assert {"s04-q1", "s04-q2"} <= ids, ids
    for h in found:
        assert h.href.startswith(site.url("en/")), h.href
        assert not HAN.search(h.question), f"hit shows Chinese on the English page: {h.question!r}"


def test_theme_filter_from_the_url_lists_exactly_its_answers(site, page):
    found = site.open_search(page, "en", theme="moe")
    assert sorted(h.anchor for h in found) == sorted(MOE_ANSWERS), [h.href for h in found]
    assert {h.href for h in found} == {answer_url(site, "en", a) for a in MOE_ANSWERS}
    assert not any(h.anchor.startswith("s04-") for h in found)
    expect(page.locator('#search-filters fieldset[data-filter="theme"] input[value="moe"]')).to_be_checked()


def test_theme_filter_by_clicking_the_checkbox(site, page):
    page.goto(site.search_url("en"))
    site.wait_ready(page)
    box = page.locator('#search-filters fieldset[data-filter="theme"] input[value="moe"]')
    expect(box).not_to_be_checked()
    box.click()
    expect(box).to_be_checked()
    # The results list appears once the filtered search is done.
    page.locator("#search-results ol.search-results").wait_for()
    found = site.hits(page)
    assert sorted(h.anchor for h in found) == sorted(MOE_ANSWERS), [h.href for h in found]
    expect(page).to_have_url(re.compile(r"[?&]theme=moe(&|$)"))


def test_theme_filter_on_the_chinese_page(site, page):
    found = site.open_search(page, "zh", theme="moe")
    assert sorted(h.anchor for h in found) == sorted(MOE_ANSWERS), [h.href for h in found]
    assert {h.href for h in found} == {answer_url(site, "zh", a) for a in MOE_ANSWERS}


def test_following_a_hit_lands_on_the_highlighted_answer(site, page):
    site.open_search(page, "en", q="MoE")
    page.locator('.search-hit a.question[href$="#s02-q1"]').click()
    page.wait_for_url(answer_url(site, "en", "s02-q1"))
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") == "s02-q1"
    target = page.locator("article.qa#s02-q1")
    expect(target).to_be_in_viewport()
    background = "el => getComputedStyle(el).backgroundColor"
    highlighted = target.evaluate(background)
    plain = page.locator("article.qa#s04-q2").evaluate(background)
    assert highlighted != plain, f"the answer landed on looks like any other ({highlighted})"
    assert highlighted not in ("rgba(0, 0, 0, 0)", "transparent"), highlighted


def test_chinese_excerpts_read_as_text_with_the_phrase_marked(site, page):
    found = site.open_search(page, "zh", q="至关重要")
    assert [h.anchor for h in found] == ["s03-q2"], found
    excerpt = page.locator(".search-hit p").first
    assert "这一点至关重要，因为没有合适的产品" in excerpt.inner_text()  # pairs joined back, no "至关 关重"
    assert excerpt.locator("mark").all_inner_texts() == ["至关重要"]
