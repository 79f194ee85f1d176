"""Reading features in a real browser: the side-by-side page, each answer's link, copy link, cite, print.

Promises checked:
- the side-by-side page pairs the two texts answer by answer: one row per Q&A
  id, the same ids as the interview pages, each column marked with its own
  ``lang`` (the reader's language first); the columns stand side by side on a
  wide screen and stack per answer on a phone; both language pages link to it;
- every answer has a visible permanent link that the keyboard reaches;
- "copy link" puts the answer's absolute URL on the clipboard: the published
  address when base_url is set, else the address the page was opened at;
- "cite" shows a plain-text and a BibTeX citation with that URL;
- printing shows each answer's permanent URL and hides the navigation.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sitekit import EN, REPO, ZH, write_archive

from minimax_archive.build import build

SLUG = "minimax-yan-junjie"
HTML_LANG = {"en": "en", "zh": "zh-CN"}
BASE = "https://archive.example.com/talks/"


def rows(page) -> list[dict]:
    return page.eval_on_selector_all(".bi-row.qa", """rows => rows.map(r => ({
        id: r.id,
        cells: [...r.querySelectorAll(':scope > .bi-cell')].map(c => ({
            qa: c.dataset.qa, lang: c.lang, question: c.querySelector('.question').innerText,
            box: c.getBoundingClientRect().toJSON()}))}))""")


def interview_questions(page, site, lang: str) -> dict[str, str]:
    page.goto(site.url(f"{lang}/interviews/{SLUG}/"))
    return dict(page.eval_on_selector_all(".qa", "qas => qas.map(q => [q.id, q.querySelector('.question').innerText])"))


@pytest.mark.parametrize("lang, other", [("en", "zh"), ("zh", "en")])
def test_side_by_side_pairs_answers_by_id_with_a_lang_per_column(site, page, lang, other):
    questions = {code: interview_questions(page, site, code) for code in (lang, other)}
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site.url(f"{lang}/interviews/{SLUG}/bilingual/"))
    expect(page.locator("html")).to_have_attribute("lang", HTML_LANG[lang])
    found = rows(page)
    assert [r["id"] for r in found] == list(questions[lang]), "rows are not the interview's answers in order"
    for row in found:
        assert [c["qa"] for c in row["cells"]] == [row["id"], row["id"]]
        assert [c["lang"] for c in row["cells"]] == [HTML_LANG[lang], HTML_LANG[other]]
        for cell, code in zip(row["cells"], (lang, other), strict=True):
            assert cell["question"] == questions[code][row["id"]]
        first, second = (c["box"] for c in row["cells"])
        assert second["x"] >= first["x"] + first["width"], f"{row['id']}: columns not side by side at 1280 px"
        assert abs(second["y"] - first["y"]) < 4


def test_side_by_side_stacks_each_answer_on_a_phone(site, page):
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(site.url(f"zh/interviews/{SLUG}/bilingual/"))
    found = rows(page)
    assert len(found) == 8
    for row, following in zip(found, found[1:] + [None], strict=True):
        first, second = (c["box"] for c in row["cells"])
        assert second["y"] >= first["y"] + first["height"] - 1, f"{row['id']}: not stacked"
        assert abs(second["x"] - first["x"]) < 2
        if following:  # the pair stays together: the next answer starts below both texts of this one
            assert following["cells"][0]["box"]["y"] >= second["y"] + second["height"] - 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 375, "the page scrolls sideways"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_both_language_pages_link_to_the_side_by_side_page(site, page, lang):
    page.goto(site.url(f"{lang}/interviews/{SLUG}/"))
    page.locator(".bilingual-link a").click()
    page.wait_for_url(site.url(f"{lang}/interviews/{SLUG}/bilingual/"))
    expect(page.locator(".bi-row.qa")).to_have_count(8)


def test_side_by_side_answer_numbers_lead_to_each_language_page(site, page):
    page.goto(site.url(f"en/interviews/{SLUG}/bilingual/"))
    page.locator('#s03-q2 .bi-cell[data-lang="zh"] a.bi-permalink').click()
    page.wait_for_url(site.url(f"zh/interviews/{SLUG}/#s03-q2"))
    assert page.evaluate("document.querySelector(':target')?.id") == "s03-q2"


def test_the_permalink_is_visible_and_reached_by_the_keyboard(site, page):
    page.goto(site.url(f"en/interviews/{SLUG}/"))
    link = page.locator("#s01-q1 a.permalink")
    expect(link).to_be_visible()
    assert link.evaluate("a => getComputedStyle(a).textDecorationLine") == "underline"
    page.locator("#s01-q1 .answer").click()  # start from the answer, as a reader who was reading it
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('#s01-q1 a.permalink')"):
            break
    else:
        raise AssertionError("Tab never reached the answer's permalink")
    page.keyboard.press("Enter")
    page.wait_for_url(site.url(f"en/interviews/{SLUG}/#s01-q1"))


@pytest.fixture(scope="module")
def small_sites(tmp_path_factory, serve_folder):
    """The same small archive built twice: without a base_url, and with one."""
    sites = {}
    root = tmp_path_factory.mktemp("reading")
    content = write_archive(root, {"both": {"en.txt": EN, "zh.txt": ZH}})
    for name, base_url in (("plain", None), ("published", BASE)):
        folder = root / name / "srv" / "archive"
        build(str(content), str(folder), templates=str(REPO / "templates"), base_url=base_url, search=False)
        sites[name] = folder
    with serve_folder(sites["plain"]) as plain, serve_folder(sites["published"]) as published:
        yield {"plain": plain, "published": published}


@pytest.fixture
def clipboard_page(browser):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.parametrize("which", ["plain", "published"])
def test_copy_link_puts_the_answers_absolute_url_on_the_clipboard(small_sites, clipboard_page, which):
    page, site = clipboard_page, small_sites[which]
    page.goto(site.url("en/interviews/both/"))
    page.evaluate("navigator.clipboard.writeText('nothing yet')")
    page.locator("#s01-q2 button.copy-link").click()
    expect(page.locator("#s01-q2 .qa-tools [role=status]")).to_have_text("Link copied.")
    expected = (site.url("en/interviews/both/") if which == "plain" else BASE + "en/interviews/both/") + "#s01-q2"
    assert page.evaluate("navigator.clipboard.readText()") == expected


def test_copy_link_in_chinese(small_sites, clipboard_page):
    page, site = clipboard_page, small_sites["plain"]
    page.goto(site.url("zh/interviews/both/#s02-q1"))
    page.locator("#s02-q1 button.copy-link").click()
    expect(page.locator("#s02-q1 .qa-tools [role=status]")).to_have_text("链接已复制。")
    assert page.evaluate("navigator.clipboard.readText()") == site.url("zh/interviews/both/") + "#s02-q1"


def test_cite_gives_plain_text_and_bibtex_with_the_permanent_url(small_sites, page):
    page.goto(small_sites["published"].url("en/interviews/both/"))
    button = page.locator("#s01-q1 button.cite")
    expect(button).to_have_attribute("aria-expanded", "false")
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    url = BASE + "en/interviews/both/#s01-q1"
    plain = page.locator("#s01-q1-cite pre.cite-plain")
    expect(plain).to_be_visible()
    assert "“Why MoE?”" in plain.inner_text() and url in plain.inner_text()
    assert "A Test Interview" in plain.inner_text() and "Test Archive" in plain.inner_text()
    bibtex = page.locator("#s01-q1-cite pre.cite-bibtex").inner_text()
    assert bibtex.startswith("@misc{both-s01-q1-en,")
    assert "  title = {Why MoE?}," in bibtex and f"  url = {{{url}}}," in bibtex
    button.click()
    expect(plain).to_be_hidden()
    expect(button).to_have_attribute("aria-expanded", "false")


def test_cite_in_chinese_follows_the_chinese_reference_style(small_sites, page):
    page.goto(small_sites["plain"].url("zh/interviews/both/"))
    page.locator("#s02-q1 button.cite").click()
    plain = page.locator("#s02-q1-cite pre.cite-plain").inner_text()
    assert plain.startswith("测试档案. 如何寻找人才？[EB/OL]//一次测试访谈. 测试档案[")
    assert plain.endswith(small_sites["plain"].url("zh/interviews/both/") + "#s02-q1")


def test_print_shows_each_answers_permanent_url(small_sites, page):
    page.goto(small_sites["published"].url("en/interviews/both/"))
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator("#s01-q1 button.cite")).to_be_hidden()
    printed = page.eval_on_selector_all(".qa", """qas => qas.map(q =>
        getComputedStyle(q.querySelector('a.permalink'), '::after').content)""")
    assert printed == [f'"{BASE}en/interviews/both/#{id}"' for id in ("s01-q1", "s01-q2", "s02-q1")]
