"""What a published site tells crawlers, feed readers and link previews.

A small archive written inline: one interview in both languages (dated), one
only in English (its Chinese page is a "not yet translated" notice), built with
a base URL under a sub-path, and once without one.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sitekit import EN, REPO, ZH, write_archive

from minimax_archive import cli, discovery
from minimax_archive.build import build
from minimax_archive.dates import display

BASE = "https://archive.test/sub/path/"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
ONLY_EN = EN.replace("A Test Interview", "An English-only Interview")

INTERVIEWS = {
    "dated": {"en.txt": EN, "zh.txt": ZH, "meta.yaml": "date: 2024-03\ninterviewee: {en: Ann, zh: 安}\n"},
    "only-en": {"en.txt": ONLY_EN, "meta.yaml": "date: 2023-05-17\n"},
    "undated": {"en.txt": EN.replace("A Test Interview", "Undated"), "zh.txt": ZH},
}

#: One page of every type, in both languages where it exists.
PAGE_TYPES = {
    "entry": "index.html",
    "home": "{lang}/index.html",
    "interview": "{lang}/interviews/dated/index.html",
    "themes": "{lang}/themes/index.html",
    "theme": "{lang}/themes/moe/index.html",
    "search": "{lang}/search/index.html",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("publish")
    content = write_archive(root, INTERVIEWS)
    build(str(content), str(root / "site"), templates=str(REPO / "templates"), search=False, base_url=BASE)
    return root / "site"


class Head(HTMLParser):
    """The <head> metadata of a page: meta by name/property (lists), links by rel."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict[str, str]] = []
        self.anchors: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and ("name" in a or "property" in a):
            self.meta.setdefault(a.get("name") or a["property"], []).append(a.get("content", ""))
        elif tag == "link":
            self.links.append(a)
        elif tag == "a" and "href" in a:
            self.anchors.append(a["href"])

    def one(self, key: str) -> str:
        values = self.meta.get(key, [])
        assert len(values) == 1, f"{key}: {values}"
        return values[0]

    def rel(self, rel: str) -> list[dict[str, str]]:
        return [link for link in self.links if link.get("rel") == rel]

    def hreflangs(self) -> dict[str, str]:
        return {link["hreflang"]: link["href"] for link in self.rel("alternate") if "hreflang" in link}


def head(site: Path, rel: str) -> Head:
    parser = Head()
    parser.feed((site / rel).read_text(encoding="utf-8"))
    return parser


def url_of(rel: str) -> str:
    return BASE + (rel.removesuffix("index.html"))


# --- head metadata --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", PAGE_TYPES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_page_type_has_description_canonical_hreflang_open_graph_and_twitter_card(site, kind, lang):
    rel = PAGE_TYPES[kind].format(lang=lang)
    page = head(site, rel)
    assert page.one("description").strip()
    assert [link["href"] for link in page.rel("canonical")] == [url_of(rel)]
    other = {"en": "zh", "zh": "en"}[lang]
    expected = ({"en": url_of("en/index.html"), "zh-CN": url_of("zh/index.html"), "x-default": BASE}
                if kind in ("entry", "home") else
                {"en": url_of(PAGE_TYPES[kind].format(lang="en")), "zh-CN": url_of(PAGE_TYPES[kind].format(lang="zh")),
                 "x-default": url_of(PAGE_TYPES[kind].format(lang="en"))})
    assert page.hreflangs() == expected
    assert page.one("og:type") == ("article" if kind == "interview" else "website")
    assert page.one("og:url") == url_of(rel)
    assert page.one("og:title").strip() and page.one("og:description") == page.one("description")
    assert page.one("og:site_name") in ("Test Archive", "测试档案")
    locales = {"en": "en_US", "zh": "zh_CN"}
    if kind != "entry":
        assert page.one("og:locale") == locales[lang]
        assert page.meta["og:locale:alternate"] == [locales[other]]
    assert page.one("twitter:card") == "summary"
    assert page.one("twitter:title") == page.one("og:title")


def test_interview_and_theme_pages_describe_themselves(site):
    en, zh = head(site, "en/interviews/dated/index.html"), head(site, "zh/interviews/dated/index.html")
    assert en.one("og:title") == "A Test Interview" and zh.one("og:title") == "一次测试访谈"
    assert en.one("description") == "About MoE and talent." and zh.one("description") == "关于混合专家和人才。"
    assert head(site, "zh/themes/moe/index.html").one("og:title") == "混合专家"
    assert head(site, "en/search/index.html").one("og:title") == "Search"


def test_the_side_by_side_page_points_search_engines_at_the_interview(site):
    page = head(site, "zh/interviews/dated/bilingual/index.html")
    assert [link["href"] for link in page.rel("canonical")] == [url_of("zh/interviews/dated/index.html")]
    assert page.hreflangs() == {}
    assert page.one("og:url") == url_of("zh/interviews/dated/index.html") and page.one("og:type") == "article"
    assert "一次测试访谈" in page.one("og:title") and page.one("description") == "关于混合专家和人才。"
    assert page.one("twitter:card") == "summary"
    locs = {loc.text for loc in ET.parse(site / "sitemap.xml").getroot().iter(SITEMAP + "loc")}
    assert not [loc for loc in locs if "bilingual" in loc]


def test_an_untranslated_page_is_no_alternate_and_lists_none(site):
    notice = head(site, "zh/interviews/only-en/index.html")
    assert notice.one("robots") == "noindex"
    assert notice.hreflangs() == {}
    assert "og:locale:alternate" not in notice.meta
    assert notice.one("og:title") == "An English-only Interview" and notice.one("twitter:card") == "summary"
    assert notice.one("og:url") == url_of("zh/interviews/only-en/index.html") and notice.one("og:locale") == "zh_CN"
    english = head(site, "en/interviews/only-en/index.html")
    assert english.hreflangs() == {"en": url_of("en/interviews/only-en/index.html"),
                                   "x-default": url_of("en/interviews/only-en/index.html")}
    assert "og:locale:alternate" not in english.meta


def test_theme_pages_do_not_link_to_answers_on_untranslated_pages(site):
    zh = head(site, "zh/themes/moe/index.html").anchors
    assert not [href for href in zh if "only-en" in href]
    assert any("dated/#s01-q1" in href for href in zh)
    en = head(site, "en/themes/moe/index.html").anchors
    assert any("only-en/#s01-q1" in href for href in en)


# --- Atom feeds -----------------------------------------------------------------------------------------------


def atom(site: Path, lang: str) -> ET.Element:
    return ET.parse(site / lang / "feed.xml").getroot()


def only(parent: ET.Element, tag: str) -> ET.Element:
    found = parent.findall(ATOM + tag)
    assert len(found) == 1, f"{tag}: {len(found)} elements"
    return found[0]


def assert_valid_atom(feed: ET.Element) -> None:
    """RFC 4287's rules for a feed without atom:content (4.1.1, 4.1.2, 4.2.6, 4.2.7, 3.3)."""
    assert feed.tag == ATOM + "feed"
    for tag in ("id", "title", "updated"):
        assert only(feed, tag).text and only(feed, tag).text.strip(), tag
    feed_id = urlsplit(only(feed, "id").text)
    assert feed_id.scheme == "https" and feed_id.netloc, "atom:id must be an absolute IRI"
    assert RFC3339.match(only(feed, "updated").text)
    assert only(only(feed, "author"), "name").text.strip(), "a feed without per-entry authors needs one"
    selfs = [link for link in feed.findall(ATOM + "link") if link.get("rel") == "self"]
    assert len(selfs) == 1 and urlsplit(selfs[0].get("href")).scheme == "https"
    ids = []
    for entry in feed.findall(ATOM + "entry"):
        for tag in ("id", "title", "updated"):
            assert only(entry, tag).text and only(entry, tag).text.strip(), tag
        ids.append(only(entry, "id").text)
        assert urlsplit(ids[-1]).scheme == "https"
        assert RFC3339.match(only(entry, "updated").text)
        for published in entry.findall(ATOM + "published"):
            assert RFC3339.match(published.text)
        alternates = [link for link in entry.findall(ATOM + "link") if link.get("rel", "alternate") == "alternate"]
        assert len(alternates) == 1, "an entry without content needs one alternate link"
        assert only(entry, "summary").text.strip(), "an entry without content needs a summary"
    assert len(ids) == len(set(ids)), "entry ids must be unique"
    assert "1970" not in ET.tostring(feed, encoding="unicode")


def test_feeds_are_valid_atom_with_dates_from_the_interviews(site, monkeypatch):
    for lang in ("en", "zh"):
        assert_valid_atom(atom(site, lang))
    en = atom(site, "en")
    entries = {only(e, "id").text: e for e in en.findall(ATOM + "entry")}
    dated = entries[BASE + "en/interviews/dated/"]
    assert only(dated, "updated").text == "2024-03-01T00:00:00Z"
    assert only(dated, "summary").text == "About MoE and talent."
    assert only(entries[BASE + "en/interviews/only-en/"], "updated").text == "2023-05-17T00:00:00Z"
    assert only(en, "updated").text == max(only(e, "updated").text for e in entries.values())


def test_an_untranslated_interview_is_no_feed_entry(site):
    zh = [only(e, "id").text for e in atom(site, "zh").findall(ATOM + "entry")]
    assert sorted(zh) == [BASE + "zh/interviews/dated/", BASE + "zh/interviews/undated/"]


def test_undated_entries_use_the_build_time_from_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    content = write_archive(tmp_path, {"undated": {"en.txt": EN, "zh.txt": ZH}})
    build(str(content), str(tmp_path / "site"), templates=str(REPO / "templates"), search=False, base_url=BASE)
    feed = atom(tmp_path / "site", "en")
    assert_valid_atom(feed)
    assert only(feed, "updated").text == "2023-11-14T22:13:20Z"
    assert [only(e, "updated").text for e in feed.findall(ATOM + "entry")] == ["2023-11-14T22:13:20Z"]


def test_a_feed_holds_the_newest_fifty_of_many_interviews_and_the_sitemap_every_page(tmp_path):
    months = [f"{2019 + n // 12}-{n % 12 + 1:02d}" for n in range(60)]
    content = write_archive(tmp_path, {f"i{n:02d}": {"en.txt": EN, "zh.txt": ZH, "meta.yaml": f"date: {month}\n"}
                                       for n, month in enumerate(months)})
    build(str(content), str(tmp_path / "site"), templates=str(REPO / "templates"), search=False, base_url=BASE)
    feed = atom(tmp_path / "site", "zh")
    assert_valid_atom(feed)
    entries = feed.findall(ATOM + "entry")
    assert [only(e, "id").text for e in entries] == [BASE + f"zh/interviews/i{n:02d}/" for n in range(59, 9, -1)]
    assert only(feed, "updated").text == "2023-12-01T00:00:00Z"
    locs = {loc.text for loc in ET.parse(tmp_path / "site/sitemap.xml").getroot().iter(SITEMAP + "loc")}
    assert {BASE + f"{lang}/interviews/i{n:02d}/" for lang in ("en", "zh") for n in range(60)} <= locs
    assert {BASE + "en/page/2/", BASE + "zh/page/2/"} <= locs
    assert head(tmp_path / "site", "zh/page/2/index.html").hreflangs() == {
        "en": BASE + "en/page/2/", "zh-CN": BASE + "zh/page/2/", "x-default": BASE + "en/page/2/"}


# --- sitemap and robots.txt -----------------------------------------------------------------------------------


def test_a_sitemap_too_large_for_one_file_becomes_an_index_of_parts(tmp_path, monkeypatch):
    content = write_archive(tmp_path, {f"i{n:02d}": {"en.txt": EN, "zh.txt": ZH} for n in range(12)})
    build(str(content), str(tmp_path / "one"), search=False, base_url=BASE)
    whole = [loc.text for loc in ET.parse(tmp_path / "one/sitemap.xml").getroot().iter(SITEMAP + "loc")]
    monkeypatch.setattr(discovery, "SITEMAP_LIMIT", 10)
    build(str(content), str(tmp_path / "site"), search=False, base_url=BASE)
    index = ET.parse(tmp_path / "site/sitemap.xml").getroot()
    assert index.tag == SITEMAP + "sitemapindex"
    parts = [loc.text for loc in index.iter(SITEMAP + "loc")]
    assert parts == [f"{BASE}sitemaps/{n}.xml" for n in range(1, -(-len(whole) // 10) + 1)]
    locs = []
    for part in parts:
        root = ET.parse(tmp_path / "site" / part[len(BASE):]).getroot()
        assert root.tag == SITEMAP + "urlset"
        found = [loc.text for loc in root.iter(SITEMAP + "loc")]
        assert 0 < len(found) <= 10
        locs += found
    assert locs == whole  # every page, once, in the same order
    assert "Sitemap: " + BASE + "sitemap.xml" in (tmp_path / "site/robots.txt").read_text(encoding="utf-8")


def test_sitemap_lists_every_translated_page_with_alternates_and_content_dates(site):
    root = ET.parse(site / "sitemap.xml").getroot()
    urls = {u.find(SITEMAP + "loc").text: u for u in root.findall(SITEMAP + "url")}
    pages = [p.relative_to(site).as_posix() for p in site.rglob("*.html")
             if p.name != "404.html" and "/bilingual/" not in p.as_posix()]
    expected = {url_of(p) for p in pages} - {url_of("zh/interviews/only-en/index.html")}
    assert set(urls) == expected
    for loc, node in urls.items():
        links = {link.get("hreflang"): link.get("href") for link in node.findall(XHTML + "link")}
        assert all(link.get("rel") == "alternate" for link in node.findall(XHTML + "link"))
        assert "x-default" in links and loc in links.values(), loc
        assert set(links.values()) <= set(urls), f"{loc}: an alternate that is not in the sitemap"
    lastmod = {loc: (node.find(SITEMAP + "lastmod").text if node.find(SITEMAP + "lastmod") is not None else None)
               for loc, node in urls.items()}
    assert lastmod[BASE + "en/interviews/dated/"] == "2024-03-01"
    assert lastmod[BASE + "en/interviews/only-en/"] == "2023-05-17"
    assert lastmod[BASE + "en/interviews/undated/"] is None
    assert lastmod[BASE + "en/themes/"] == "2024-03-01"


def test_robots_txt_points_at_the_sitemap(site):
    assert (site / "robots.txt").read_text(encoding="utf-8") == (
        f"User-agent: *\nAllow: /\nSitemap: {BASE}sitemap.xml\n")


# --- without a base URL ---------------------------------------------------------------------------------------


def test_without_base_url_nothing_absolute_is_guessed_and_the_build_says_so_once(tmp_path, capsys):
    content = write_archive(tmp_path, INTERVIEWS)
    out = tmp_path / "site"
    assert cli.main(["build", "--content", str(content), "--out", str(out), "--templates", str(REPO / "templates"),
                     "--no-search"]) == 0
    printed = capsys.readouterr().out
    assert printed.count("note: no base_url:") == 1
    assert not (out / "sitemap.xml").exists() and not (out / "en" / "feed.xml").exists()
    assert (out / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nAllow: /\n"
    for path in out.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert 'rel="canonical"' not in text and "hreflang=\"x-default\"" not in text and "og:url" not in text, path
        assert "example.org" not in text and "application/atom+xml" not in text, path
        page = head(out, path.relative_to(out).as_posix())
        if path.name != "404.html":
            assert page.one("og:title") and page.one("description"), path


def test_the_environment_variable_gives_the_base_url(tmp_path, monkeypatch):
    monkeypatch.setenv("MINIMAX_ARCHIVE_BASE_URL", "https://pages.test/repo")
    content = write_archive(tmp_path, INTERVIEWS)
    out = tmp_path / "site"
    assert cli.main(["build", "--content", str(content), "--out", str(out), "--templates", str(REPO / "templates"),
                     "--no-search"]) == 0
    assert "Sitemap: https://pages.test/repo/sitemap.xml" in (out / "robots.txt").read_text(encoding="utf-8")


def test_the_bundled_archive_sets_no_made_up_base_url():
    text = (REPO / "content" / "archive.yaml").read_text(encoding="utf-8")
    assert not re.search(r"^base_url:", text, re.MULTILINE)
    assert "example.org" not in (REPO / "README.md").read_text(encoding="utf-8")


# --- 404 and dates --------------------------------------------------------------------------------------------


def test_404_page_links_under_the_base_url_path_in_both_languages(site):
    text = (site / "404.html").read_text(encoding="utf-8")
    assert '<base href="/sub/path/">' in text
    page = head(site, "404.html")
    assert page.one("robots") == "noindex"
    assert page.anchors == ["en/", "en/search/", "zh/", "zh/search/"]
    assert "Page not found" in text and "页面不存在" in text


@pytest.mark.parametrize("iso, en, zh", [
    ("2024-03", "March 2024", "2024年3月"),
    ("2024-03-05", "5 March 2024", "2024年3月5日"),
    ("2024", "2024", "2024年"),
    ("2023-12-31", "31 December 2023", "2023年12月31日"),
])
def test_dates_are_written_as_a_reader_expects(iso, en, zh):
    assert (display(iso, "en"), display(iso, "zh")) == (en, zh)


def test_pages_show_dates_in_words_with_the_machine_form_in_datetime(site):
    en = (site / "en/interviews/dated/index.html").read_text(encoding="utf-8")
    zh = (site / "zh/index.html").read_text(encoding="utf-8")
    assert '<time datetime="2024-03">March 2024</time>' in en
    assert '<time datetime="2024-03">2024年3月</time>' in zh
