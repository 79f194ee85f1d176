"""Moving around the site in a real browser, served from a sub-path.

Promises checked:
- the language switch takes the reader to the same page in the other language,
  keeping their place: the answer they were on (#s02-q1) and their search (?q=);
- every page says its language (<html lang="en"> / "zh-CN");
- every internal link, stylesheet and script, on every page of the built site,
  is relative and resolves to something that exists when the site is served
  from a sub-path; links to an anchor find that anchor on the page;
- the entry page leads to both languages.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
from playwright.sync_api import expect

SLUG = "minimax-yan-junjie"
HTML_LANG = {"en": "en", "zh": "zh-CN"}
ID_ATTR = re.compile(r"""\sid=["']([^"']+)["']""")


def switch(page, hreflang: str):
    return page.locator(f'header a[data-lang-switch][hreflang="{hreflang}"]')


def test_language_switch_on_an_interview(site, page):
    page.goto(site.url(f"en/interviews/{SLUG}/"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    switch(page, "zh-CN").click()
    page.wait_for_url(site.url(f"zh/interviews/{SLUG}/"))
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    expect(page.locator("h1")).to_contain_text("闫俊杰")
    switch(page, "en").click()
    page.wait_for_url(site.url(f"en/interviews/{SLUG}/"))
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_language_switch_keeps_the_answer(site, page):
    page.goto(site.url(f"en/interviews/{SLUG}/#s02-q1"))
    switch(page, "zh-CN").click()
    page.wait_for_url(site.url(f"zh/interviews/{SLUG}/#s02-q1"))
    assert page.evaluate("document.querySelector(':target')?.id") == "s02-q1"
    expect(page.locator("#s02-q1")).to_be_in_viewport()
    switch(page, "en").click()
    page.wait_for_url(site.url(f"en/interviews/{SLUG}/#s02-q1"))
    assert page.evaluate("document.querySelector(':target')?.id") == "s02-q1"


def test_language_switch_keeps_the_search(site, page):
    site.open_search(page, "en", q="MoE")
    switch(page, "zh-CN").click()
    page.wait_for_url(site.search_url("zh", q="MoE"))
    site.wait_ready(page)
    expect(page.locator("#search-input")).to_have_value("MoE")
    found = site.hits(page)
    assert {"s02-q1", "s02-q2"} <= {h.anchor for h in found}, found
    assert all(h.href.startswith(site.url("zh/")) for h in found), [h.href for h in found]


def test_language_switch_keeps_a_typed_search(site, page):
    page.goto(site.search_url("zh"))
    site.wait_ready(page)
    page.locator("#search-input").press_sequentially("人才")
    expect(page.locator('.search-hit a.question[href*="#s04-q"]').first).to_be_attached()
    switch(page, "en").click()
    page.wait_for_url(re.compile(r"/archive/en/search/\?q="))
    site.wait_ready(page)
    expect(page.locator("#search-input")).to_have_value("人才")
    assert any(h.anchor.startswith("s04-q") for h in site.hits(page))


def test_entry_page_leads_to_both_languages(site, page):
    page.goto(site.url())
    for lang, hreflang in HTML_LANG.items():
        link = page.locator(f'a[href][hreflang="{hreflang}"]')
        expect(link).to_have_count(1)
        assert link.evaluate("a => a.href") == site.url(f"{lang}/")
    page.locator('a[hreflang="zh-CN"]').click()
    page.wait_for_url(site.url("zh/"))
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    page.go_back()
    page.locator('a[hreflang="en"]').click()
    page.wait_for_url(site.url("en/"))
    expect(page.locator("html")).to_have_attribute("lang", "en")


@pytest.fixture(scope="module")
def crawl(site, browser):
    """Every HTML page of the built site, loaded in the browser: {url: (html lang, [(tag, raw link, resolved)])}."""
    # 404.html is served at missing addresses, its links relative to base_url's path (this site has
    # none, so the domain's root): test_not_found.py tests it where it is meant to be seen.
    pages = sorted(p.relative_to(site.folder).as_posix() for p in site.folder.rglob("*.html") if p.name != "404.html")
    assert "index.html" in pages and f"en/interviews/{SLUG}/index.html" in pages, pages
    context = browser.new_context()
    tab = context.new_page()
    found = {}
    for path in pages:
        url = site.url(path[: -len("index.html")] if path.endswith("index.html") else path)
        tab.goto(url)
        links = tab.eval_on_selector_all("a[href], link[href], script[src]", """els => els.map(el => {
            const attr = el.hasAttribute('src') ? 'src' : 'href';
            return [el.tagName.toLowerCase(), el.getAttribute(attr), new URL(el.getAttribute(attr), document.baseURI).href];
        })""")
        found[url] = (tab.evaluate("document.documentElement.lang"), links)
    context.close()
    return found


def test_every_page_says_its_language(site, crawl):
    assert len(crawl) >= 15, sorted(crawl)
    for url, (lang, _) in crawl.items():
        path = url[len(site.base):]
        first = path.split("/", 1)[0]
        expected = HTML_LANG.get(first, "en")  # the bilingual entry page is in the default language
        assert lang == expected, f"{url}: <html lang={lang!r}>, expected {expected!r}"


def test_internal_links_are_relative(crawl):
    bad = [(url, tag, raw) for url, (_, links) in crawl.items() for tag, raw, _ in links
           if raw.startswith("/")]
    assert not bad, "root-absolute links break under a sub-path:\n" + "\n".join(map(str, bad))


def test_every_internal_link_resolves(site, crawl):
    targets: dict[str, set[str]] = {}  # resolved URL without fragment -> fragments wanted there
    for url, (_, links) in crawl.items():
        for _, raw, resolved in links:
            if urllib.parse.urlsplit(raw).scheme:  # https://… (canonical, source): outside the site
                continue
            assert resolved.startswith(site.base), f"{url}: {raw!r} leaves the site's sub-path ({resolved})"
            target, _, fragment = resolved.partition("#")
            targets.setdefault(target, set()).update({fragment} if fragment else set())
    assert site.url("en/") in targets and site.url("zh/") in targets, "no page links to both language homes"
    broken = []
    for target, fragments in sorted(targets.items()):
        try:
            with urllib.request.urlopen(target, timeout=15) as response:
                status, body = response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            broken.append(f"{target}: HTTP {error.code}")
            continue
        if status != 200:
            broken.append(f"{target}: HTTP {status}")
            continue
        missing = fragments - set(ID_ATTR.findall(body))
        if missing:
            broken.append(f"{target}: no element with id {sorted(missing)}")
    assert not broken, "broken internal links:\n" + "\n".join(broken)
