"""The built site of the bundled archive: which pages exist and what they promise a reader."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sitekit import REPO

from minimax_archive.build import build

SLUG = "minimax-yan-junjie"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bundled") / "site"
    build(str(REPO / "content"), str(out), templates=str(REPO / "templates"), search=False,
          base_url="https://archive.test/minimax-archive/")  # as published: with feeds and sitemap
    return out


class Links(HTMLParser):
    """Collects ids, links and the <html lang> of a page."""

    def __init__(self):
        super().__init__()
        self.ids, self.links, self.lang, self.switch = [], [], None, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if "id" in a:
            self.ids.append(a["id"])
        if tag in ("a", "script", "img") or (tag == "link" and a.get("rel") in ("stylesheet", "icon")):
            if a.get("href") or a.get("src"):
                self.links.append(a.get("href") or a.get("src"))
        if tag == "a" and "data-lang-switch" in a:
            self.switch.append((a["hreflang"], a["href"]))


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def qa_ids(page: Links) -> list[str]:
    return [i for i in page.ids if re.fullmatch(r"s\d\d-q\d+", i)]


def test_pages_exist_in_both_languages(site):
    for rel in ["index.html", "sitemap.xml"]:
        assert (site / rel).is_file(), rel
    for lang in ("en", "zh"):
        for rel in ["index.html", f"interviews/{SLUG}/index.html", "search/index.html", "themes/index.html",
                    "themes/moe/index.html", "themes/talent/index.html", "feed.xml"]:
            assert (site / lang / rel).is_file(), f"{lang}/{rel}"


def test_interview_has_all_eight_answers_with_the_same_ids_in_both_languages(site):
    en = parse(site / f"en/interviews/{SLUG}/index.html")
    zh = parse(site / f"zh/interviews/{SLUG}/index.html")
    expected = [f"s0{s}-q{q}" for s in range(1, 5) for q in (1, 2)]
    assert qa_ids(en) == expected
    assert qa_ids(zh) == expected
    for page in (en, zh):
        assert [i for i in page.ids if re.fullmatch(r"s\d\d", i)] == ["s01", "s02", "s03", "s04"]


def test_interview_page_shows_title_interviewee_abstract_and_contents(site):
    en = (site / f"en/interviews/{SLUG}/index.html").read_text(encoding="utf-8")
    zh = (site / f"zh/interviews/{SLUG}/index.html").read_text(encoding="utf-8")
    assert "<h1>Yan Junjie of MiniMax: AGI Is Not a Superweapon" in en
    assert "<dd>Yan Junjie</dd>" in en and "<dd>闫俊杰</dd>" in zh
    assert "The article profiles MiniMax" in en and "本文介绍了中国领先的大模型" in zh
    assert '<a href="#s02"><span class="num">02</span> MiniMax&#39;s Technology Roadmap</a>' in en
    assert "Why did MiniMax focus on developing a Mixture-of-Experts (MoE) model" in en
    assert "https://aili.app/share/1KqUm1KmT4pTgVui0KbbF9" in en


def test_every_page_declares_its_language_for_search(site):
    for page in site.glob("en/**/*.html"):
        assert parse(page).lang == "en", page
    for page in site.glob("zh/**/*.html"):
        assert parse(page).lang == "zh-CN", page  # "zh" alone would search the English index


def test_language_switch_on_every_page_leads_to_the_same_page(site):
    for lang, other, hreflang in (("en", "zh", "zh-CN"), ("zh", "en", "en")):
        for page in site.glob(f"{lang}/**/index.html"):
            switch = dict(parse(page).switch)
            assert hreflang in switch, page
            target = (page.parent / switch[hreflang] / "index.html").resolve()
            assert target == (site / other / page.parent.relative_to(site / lang) / "index.html").resolve()


def test_internal_links_are_relative_and_resolve(site):
    for page in site.rglob("*.html"):
        for link in parse(page).links:
            if link.startswith(("https://", "http://", "#", "mailto:")):
                continue
            assert not link.startswith("/"), f"{page}: {link}"
            target = (page.parent / link.split("#")[0].split("?")[0])
            if link.endswith("/") or link.split("#")[0].endswith("/") or not link.split("#")[0]:
                target = target / "index.html"
            if "pagefind/" in link:
                continue  # the search bundle is not built in this module (search=False)
            assert target.exists(), f"{page}: {link}"


def test_entry_page_links_both_languages(site):
    entry = parse(site / "index.html")
    assert "en/" in entry.links and "zh/" in entry.links


def test_theme_pages_link_straight_to_answers(site):
    moe_en = (site / "en/themes/moe/index.html").read_text(encoding="utf-8")
    assert f'href="../../interviews/{SLUG}/#s02-q1"' in moe_en
    talent_zh = (site / "zh/themes/talent/index.html").read_text(encoding="utf-8")
    assert f'href="../../interviews/{SLUG}/#s04-q2"' in talent_zh
    assert f'href="../../interviews/{SLUG}/#s02-q1"' not in talent_zh
    index = (site / "en/themes/index.html").read_text(encoding="utf-8")
    assert f'href="moe/#i-{SLUG}"' in index  # the theme x interview matrix


def test_each_answer_shows_its_themes(site):
    zh = (site / f"zh/interviews/{SLUG}/index.html").read_text(encoding="utf-8")
    block = zh[zh.index('id="s02-q1"'):zh.index('id="s02-q2"')]
    assert '<a href="../../themes/moe/" data-theme="moe">混合专家模型</a>' in block
    assert 'data-theme="talent"' not in block


def test_every_language_has_every_site_string():
    from minimax_archive.i18n import STRINGS, plural
    from minimax_archive.model import KNOWN_LANGUAGES

    assert set(STRINGS) == set(KNOWN_LANGUAGES)
    keys = set(STRINGS["en"])
    for lang, strings in STRINGS.items():
        assert set(strings) == keys, lang
    assert plural(STRINGS["en"]["n_answers"], 1) == "1 answer"
    assert plural(STRINGS["en"]["n_answers"], 2) == "2 answers"
    assert plural(STRINGS["zh"]["n_answers"], 2) == "2 个回答"


def test_a_missing_translation_gets_a_notice_page_linking_the_text_that_exists(tmp_path):
    from sitekit import EN, write_archive

    content = write_archive(tmp_path, {"only-english": {"en.txt": EN}})
    out = tmp_path / "site"
    result = build(str(content), str(out), templates=str(REPO / "templates"), search=False)
    assert [str(w) for w in result.warnings] == [
        f"{content}/interviews/only-english/zh.txt: warning: no zh version of 'only-english' "
        "(readers of the zh site see a notice instead)"]
    notice = (out / "zh/interviews/only-english/index.html").read_text(encoding="utf-8")
    assert "这篇访谈还没有中文版" in notice and '<meta name="robots" content="noindex">' in notice
    assert '<a href="../../../en/interviews/only-english/" hreflang="en" lang="en">English</a>' in notice
    english = parse(out / "en/interviews/only-english/index.html")
    assert dict(english.switch)["zh-CN"] == "../../../zh/interviews/only-english/"


def test_the_interview_list_is_paged_and_newest_first(tmp_path):
    from sitekit import EN, ZH, write_archive

    interviews = {f"talk-{n:03d}": {"en.txt": EN, "zh.txt": ZH, "meta.yaml": f"date: 2020-01-{1 + n % 28:02d}\n"}
                  for n in range(51)}
    content = write_archive(tmp_path, interviews)
    out = tmp_path / "site"
    build(str(content), str(out), templates=str(REPO / "templates"), search=False)
    first = (out / "en/index.html").read_text(encoding="utf-8")
    second = (out / "en/page/2/index.html").read_text(encoding="utf-8")
    assert first.count('class="card"') == 50 and second.count('class="card"') == 1
    assert '<a href="page/2/" rel="next">' in first and '<a href="../../" rel="prev">' in second
    dates = re.findall(r'<time datetime="([\d-]+)">', first + second)
    assert dates == sorted(dates, reverse=True) and dates[0] == "2020-01-28"
    assert (out / "zh/page/2/index.html").is_file()
