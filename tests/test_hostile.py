"""Hostile content comes out as harmless text on every page, in JSON-LD, feeds and the sitemap."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from hostile import write_hostile_archive
from sitekit import ARCHIVE_YAML, EN, REPO, ZH, write_archive

from minimax_archive.build import build
from minimax_archive.errors import ContentError
from minimax_archive.loader import load_archive


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    content = write_hostile_archive(root)
    # With a base URL, so that the feeds and the sitemap are written too.
    build(str(content), str(root / "site"), templates=str(REPO / "templates"), search=False,
          base_url="https://archive.test/sub/")
    return root / "site"


class Elements(HTMLParser):
    """Every element and attribute a browser would build from the page."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


OUR_SCRIPTS = {("src", "assets/site.js"), ("type", "application/ld+json"), ("type", "application/json"),
               ("src", "assets/search.js")}


def test_no_injected_elements_or_attributes_on_any_page(hostile_site):
    pages = list(hostile_site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        parser = Elements()
        parser.feed(html)
        for tag, attrs in parser.tags:
            assert tag not in ("img", "svg", "iframe", "object"), f"{page}: <{tag}>"
            assert not [a for a in attrs if a.startswith("on")], f"{page}: <{tag} {attrs}>"
            for key in ("href", "src"):
                assert not (attrs.get(key) or "").strip().lower().startswith(("javascript:", "data:")), page
            if tag == "script":  # only the site's own scripts
                assert any(k == "src" and (attrs.get("src") or "").endswith(v) or attrs.get(k) == v
                           for k, v in OUR_SCRIPTS), f"{page}: {attrs}"
        assert html.count("jinja-ran") == html.count("{% if true %}jinja-ran{% endif %}"), page  # never evaluated


def test_content_is_shown_as_text(hostile_site):
    html = (hostile_site / "en/interviews/evil-one/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html  # Jinja-looking text is printed, never evaluated


def test_json_ld_cannot_close_its_script_element(hostile_site):
    html = (hostile_site / "en/interviews/evil-one/index.html").read_text(encoding="utf-8")
    block = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and "\\u003c/script\\u003e" in block


def test_feed_and_sitemap_escape_content(hostile_site):
    feed = (hostile_site / "en/feed.xml").read_text(encoding="utf-8")
    assert "<script" not in feed and "&lt;script&gt;" in feed
    import xml.dom.minidom
    xml.dom.minidom.parseString(feed.encode())  # still well-formed XML


def test_unsafe_source_url_is_an_error(tmp_path):
    content = write_archive(tmp_path, {"x": {"en.txt": EN, "zh.txt": ZH,
                                             "meta.yaml": "source: javascript:alert(1)\n"}})
    with pytest.raises(ContentError) as info:
        load_archive(str(content))
    assert [str(p) for p in info.value.problems] == [
        f"{content}/interviews/x/meta.yaml:1: source 'javascript:alert(1)' is not an http(s) URL "
        "(for example: https://aili.app/share/...)"]


def test_pathological_markdown_renders_and_finishes(tmp_path):
    nasty = "[" * 20000 + "*_" * 20000 + "`" * 5000 + "<" * 5000 + "](" * 5000
    text = EN.replace("Because MoE is cheaper.", f"Because MoE is cheaper. {nasty}")
    content = write_archive(tmp_path, {"x": {"en.txt": text, "zh.txt": ZH}})
    build(str(content), str(tmp_path / "site"), templates=str(REPO / "templates"), search=False)
    html = (tmp_path / "site/en/interviews/x/index.html").read_text(encoding="utf-8")
    assert "Because MoE is cheaper." in html and "&lt;&lt;&lt;" in html


def test_control_characters_never_reach_a_page_or_feed(tmp_path):
    """NUL, VT, ESC and U+FFFE make feed.xml invalid XML: refused at their line, in texts and YAML."""
    title = "A Test \x00Interview \x0bwith \x1b[1m and \ufffe"
    meta = 'interviewee: {en: "Yan\\eJunjie", zh: 闫俊杰}\n'
    archive_yaml = ARCHIVE_YAML.replace("description: {en: A test.,", 'description: {en: "A\\0test",')
    content = write_archive(tmp_path, {"x": {"en.txt": EN.replace("A Test Interview", title), "zh.txt": ZH,
                                             "meta.yaml": meta}}, archive_yaml=archive_yaml)
    with pytest.raises(ContentError) as info:
        load_archive(str(content))
    hint = "it is not allowed in web pages and feeds)"
    assert [str(p) for p in info.value.problems] == [
        f"{content}/archive.yaml:2: control character U+0000 (NUL) in the text (remove it: {hint}",
        f"{content}/interviews/x/meta.yaml:1: control character U+001B (ESC) in the text (remove it: {hint}",
        f"{content}/interviews/x/en.txt:1: control character U+0000 (NUL) in the text "
        f"(remove it: it is invisible in most editors, and is not allowed in web pages and feeds)"]


def test_deeply_nested_lists_and_quotes_keep_the_rest_of_the_answer(tmp_path):
    nested = "".join("  " * i + f"- level {i}\n" for i in range(10)) + "\n" + ">" * 20 + " quoted\n\nThe end."
    text = EN.replace("Because MoE is cheaper.", "Because MoE is cheaper.\n\n" + nested)
    content = write_archive(tmp_path, {"x": {"en.txt": text, "zh.txt": ZH}})
    build(str(content), str(tmp_path / "site"), templates=str(REPO / "templates"), search=False)
    html = (tmp_path / "site/en/interviews/x/index.html").read_text(encoding="utf-8")
    assert "level 9" in html and "quoted" in html and "The end." in html


def test_nesting_markdown_would_cut_is_an_error_naming_its_line(tmp_path):
    nested = "".join("  " * i + f"- level {i}\n" for i in range(60))
    content = write_archive(tmp_path, {"x": {"en.txt": EN.replace("Because MoE is cheaper.", "Levels:\n" + nested),
                                             "zh.txt": ZH}})
    with pytest.raises(ContentError) as info:
        load_archive(str(content))
    assert [str(p) for p in info.value.problems] == [
        f"{content}/interviews/x/en.txt:61: lists or quotes nested too deeply: the rest of the answer would "
        "not be shown (nest them at most 49 levels deep)"]
