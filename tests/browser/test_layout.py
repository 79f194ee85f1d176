"""Layout and typography a reader sees, measured in the browser at phone and desktop widths.

- Chinese text is set in a CJK font stack (so “ ” ？ …… are full-width), chosen
  by ``:lang(zh)`` wherever Chinese is declared, also in the entry page's
  Chinese block; English keeps a Latin stack; emphasis on Chinese is dots, not a slant;
- the page keeps its vertical breathing room (the heading is not pressed
  against the header, the table not against the footer);
- the header takes at most two rows on a 320 px phone; the interview's source
  link stays on one line there;
- the themes table never breaks a header inside a word and, when it is wider
  than the screen, says that it scrolls sideways (and can be scrolled from the keyboard);
- search filter counts do not wrap inside "(2 answers)".
"""

from __future__ import annotations

import itertools

import pytest
from playwright.sync_api import expect
from sitekit import REPO, write_archive

from minimax_archive.build import build

SLUG = "minimax-yan-junjie"
CJK_FIRST = ('"PingFang SC"', '"Source Han Sans SC"', '"Noto Sans SC"', '"Noto Sans CJK SC"')

LINES = """el => {
  const range = document.createRange(); range.selectNodeContents(el);
  return new Set([...range.getClientRects()].filter(r => r.width > 1).map(r => Math.round(r.top))).size;
}"""


def font(page, selector: str) -> str:
    return page.locator(selector).first.evaluate("el => getComputedStyle(el).fontFamily")


def test_chinese_is_set_in_a_cjk_stack_and_english_in_a_latin_one(site, page):
    page.goto(site.url(f"zh/interviews/{SLUG}/"))
    for selector in ("h1", ".question", ".answer p", ".abstract p"):
        assert font(page, selector).startswith(CJK_FIRST[0]), selector
        assert all(f in font(page, selector) for f in CJK_FIRST)
    page.goto(site.url(f"en/interviews/{SLUG}/"))
    assert font(page, ".answer p").startswith("system-ui")
    page.goto(site.url(""))
    assert font(page, '.entry-lang[lang="zh-CN"] p').startswith(CJK_FIRST[0])
    assert font(page, '.entry-lang[lang="en"] p').startswith("system-ui")


def test_emphasis_on_chinese_is_dots_not_a_slant(tmp_path_factory, serve_folder, page):
    root = tmp_path_factory.mktemp("emphasis")
    zh = "题目\n\n🙋 问答\n\n[01] 一\n\n1. 问什么？答案里有*强调*的词。\n"
    en = "Title\n\n🙋 Q&A\n\n[01] One\n\n1. Ask what? An *emphasised* word.\n"
    content = write_archive(root, {"t": {"en.txt": en, "zh.txt": zh}})
    folder = root / "srv" / "archive"
    build(str(content), str(folder), templates=str(REPO / "templates"), search=False)
    with serve_folder(folder) as served:
        page.goto(served.url("zh/interviews/t/"))
        style = page.locator(".answer em").evaluate(
            "el => { const s = getComputedStyle(el); return [s.fontStyle, s.textEmphasisStyle]; }")
        assert style == ["normal", "dot"]  # "filled" is the default, left out
        page.goto(served.url("en/interviews/t/"))
        assert page.locator(".answer em").evaluate("el => getComputedStyle(el).fontStyle") == "italic"


@pytest.mark.parametrize("path", [f"en/interviews/{SLUG}/", "zh/themes/"])
def test_main_keeps_its_vertical_padding(site, page, path):
    page.goto(site.url(path))
    main = page.locator("main").evaluate("el => getComputedStyle(el).paddingTop + ' ' + getComputedStyle(el).paddingBottom")
    assert main == "24px 48px"
    header = page.locator(".site-header").bounding_box()
    h1 = page.locator("main h1").bounding_box()
    assert h1["y"] - (header["y"] + header["height"]) >= 24


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_header_takes_two_rows_at_320_px(site, page, lang):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site.url(f"{lang}/interviews/{SLUG}/"))
    # Rows: items whose vertical middles lie within 12 px of each other share one.
    middles = sorted(page.eval_on_selector_all(".site-header a, .site-header span", """els => els
        .filter(e => e.offsetParent).map(e => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; })"""))
    rows = 1 + sum(1 for a, b in itertools.pairwise(middles) if b - a > 12)
    assert rows <= 2, f"the header has {rows} rows at 320 px (middles {middles})"
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert page.locator(".facts a.source").evaluate(LINES) == 1


@pytest.mark.parametrize("lang, width", [("zh", 320), ("en", 768), ("zh", 768), ("zh", 1280)])
def test_themes_table_headers_stay_whole(site, page, lang, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site.url(f"{lang}/themes/"))
    heads = page.locator(".matrix thead th")
    for n in range(heads.count()):
        assert heads.nth(n).evaluate(LINES) == 1, heads.nth(n).inner_text()
    hint = page.locator(".scroll-hint")
    scroller = page.locator(".table-scroll")
    overflows = scroller.evaluate("el => el.scrollWidth > el.clientWidth")
    assert overflows == (width == 320 or lang == "en" and width == 768)
    if overflows:
        expect(hint).to_be_visible()
        scroller.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("document.querySelector('.table-scroll').scrollLeft > 0")
    else:
        expect(hint).to_be_hidden()


@pytest.mark.parametrize("lang, query", [("en", "MoE"), ("zh", "人才")])
def test_filter_counts_stay_on_one_line(site, page, lang, query):
    page.set_viewport_size({"width": 320, "height": 800})
    site.open_search(page, lang, q=query)
    counts = page.locator(".filter .count")
    assert counts.count() > 0
    for n in range(counts.count()):
        assert counts.nth(n).evaluate(LINES) == 1, counts.nth(n).inner_text()
        text = counts.nth(n).inner_text().strip()
        # Chinese takes full-width brackets (（2 个回答）), English half-width ones after a space.
        assert (text.startswith("（") and text.endswith("）")) if lang == "zh" else \
            (text.startswith("(") and text.endswith(")")), text
