"""Markdown in content: raw HTML off, unsafe links dropped, and the plain-text fast path exact."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from minimax_archive.markup import _MD, excerpt, plain, render_block, render_inline


def test_raw_html_is_text_and_unsafe_links_are_not_links():
    html = render_block("<b>bold</b> [x](javascript:alert(1)) [y](data:text/html,hi) [ok](https://a.org/)")
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert 'href="javascript' not in html and 'href="data' not in html
    assert '<a href="https://a.org/">ok</a>' in html


def test_answers_keep_paragraphs_and_lists():
    assert render_block("One.\n\n- a\n- b") == "<p>One.</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"
    assert render_block("# not a heading") == "<p># not a heading</p>\n"


def test_plain_text_and_excerpt():
    assert plain("**Bold** and [link](https://a.org/)") == "Bold and link"
    assert excerpt("word " * 100, 40).endswith("…") and len(excerpt("word " * 100, 40)) <= 41
    assert excerpt("短" * 10, 40) == "短" * 10


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 中文？?.,-#>*_`[]()<>&!~\"'1234567890+=|\n\t")), max_size=30))
def test_fast_path_renders_exactly_like_markdown_it(text):
    assert render_block(text) == _MD.render(text)
    if "\n" not in text:
        assert render_inline(text) == _MD.renderInline(text)
