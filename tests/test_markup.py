"""Markdown in content: raw HTML off, unsafe links dropped, the plain-text fast path exact, nesting that
would be cut found, and the question marks Markdown hides."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minimax_archive.markup import _MD, MAX_DEPTH, excerpt, plain, question_end, render_block, render_inline, too_deep


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


DEEP_LIST = "".join("  " * i + f"- level{i}\n" for i in range(10)) + "\nafter the list\n"
DEEP_QUOTE = ">" * 20 + " quoted\n\nafter the quote\n"


def test_a_list_10_deep_and_a_quote_20_deep_are_shown_whole_on_the_page_and_in_search():
    for text, last in ((DEEP_LIST, "after the list"), (DEEP_QUOTE, "after the quote")):
        assert too_deep(text) is None
        html = render_block(text)
        assert last in html and html.count("<ul>") + html.count("<blockquote>") in (10, 20)
        assert plain(text).endswith(last)


def test_nesting_that_markdown_would_cut_is_found_with_its_line():
    assert too_deep("intro\n" + "".join("  " * i + f"- level{i}\n" for i in range(60))) == 50
    assert too_deep("a\n\n" + "> " * 5000 + "x\n") == 2
    assert too_deep("".join("  " * i + f"- level{i}\n" for i in range(MAX_DEPTH))) is None


@pytest.mark.parametrize("text, question", [
    ("Why? Because.", "Why?"),
    ("What does [the post](https://x.org/?p=1) say? It says.", "What does [the post](https://x.org/?p=1) say?"),
    ("Was [Is AGI near?](https://x.org/) right? Yes.", "Was [Is AGI near?](https://x.org/) right?"),
    ("Does `f(x?)` return? Yes.", "Does `f(x?)` return?"),
    ("Does ``a ` b?`` work? Yes.", "Does ``a ` b?`` work?"),
    ("Is https://x.org/faq?lang=en it? Yes.", "Is https://x.org/faq?lang=en it?"),
    ("Read https://x.org/faq? Yes.", "Read https://x.org/faq?"),
    ("Unclosed `code? yes", "Unclosed `code?"),
    ("为什么用 `MoE?` 架构？因为。", "为什么用 `MoE?` 架构？"),
])
def test_where_a_question_ends(text, question):
    end = question_end(text)
    assert end is not None and text[:end] == question


@pytest.mark.parametrize("text", ["`" * 100_000, "".join("`" * i + "x" for i in range(1, 450)),
                                  "` `` " * 20_000, "[" * 100_000, "[a](" * 50_000, "https://" + "a." * 100_000],
                         ids=["one-run", "every-length", "alternating", "brackets", "open-links", "long-url"])
def test_where_a_question_ends_in_linear_time(text):
    assert question_end(text + "?") is not None
