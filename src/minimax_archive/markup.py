"""Markdown in content, rendered one way everywhere.

One MarkdownIt instance, CommonMark with raw HTML **off**: ``<script>`` in an
answer is shown as text, and links are kept only for http(s)/mailto targets
(markdown-it's default validator already drops ``javascript:``, ``vbscript:``,
``file:`` and most ``data:`` URLs). Headings, images and tables are not part of
an answer; they render as plain text.

markdown-it stops reading, silently, at its nesting limit: everything after a
too-deep list or quote would vanish from the page and the search index. The
limit is raised to :data:`MAX_NESTING` token levels (well within Python's
recursion limit), and :func:`too_deep` finds text that would still reach it,
so the parser can report it instead of losing it.

:func:`question_end` knows which question marks Markdown hides (in inline code,
link text and targets, and URLs), so that the Aili parser ends a question at
the first one a reader sees.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

_SAFE_LINK = re.compile(r"^(https?://|mailto:|#)", re.IGNORECASE)

MAX_NESTING = 100
"""markdown-it's nesting limit, in token levels (a list level takes two, a quote one)."""
MAX_DEPTH = MAX_NESTING // 2 - 1
"""How deeply lists and quotes may nest, in the user's terms (the list limit; quotes may go deeper)."""
# The characters that can open a container at the start of a line. A line's container depth is at
# most four token levels per character (a tab is four columns), so text whose every line starts with
# fewer than a quarter of MAX_NESTING of them cannot reach the limit and needs no parse to check.
_CONTAINER_PREFIX = re.compile(r"^[ \t>*+\-0-9.)]*", re.MULTILINE)


def _validate_link(url: str) -> bool:
    return bool(_SAFE_LINK.match(url.strip()))


# What may hide a '?' that does not end the question: inline code, a Markdown link, a URL.
_QUESTION_SCAN = re.compile(
    r"(?P<code>`+)|\[[^\[\]\n]*\]\([^()\s]*(?:\s+\"[^\"\n]*\")?\)"
    r"|<?https?://[!-;=?-~]*[A-Za-z0-9/#=&_~%+-]>?|(?P<mark>[?？])")

_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False,
                                "maxNesting": MAX_NESTING})
_MD.disable(["heading", "lheading", "image", "html_block", "html_inline", "code", "fence", "hr"])
_MD.validateLink = _validate_link  # type: ignore[method-assign]  # markdown-it's hook for this


# Text without any character markdown gives a meaning to renders as itself,
# escaped: most answers are plain prose, and skipping the parser for them halves
# the rendering time of a large archive. (A test checks that both paths agree.)
_MARKUP_ANYWHERE = re.compile(r"[\\`*_\[\]<>&!~\n\t]")
_MARKUP_AT_START = re.compile(r"[\s#>+=|-]|\d+[.)]")


def _is_prose(text: str) -> bool:
    """No character that markdown gives a meaning to (three simple scans: one regex with
    anchored alternatives tried each at every position was four times slower)."""
    return not (_MARKUP_ANYWHERE.search(text) or _MARKUP_AT_START.match(text) or text[-1:].isspace())


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


# render_inline, render_block and plain are memoised: an interview's pages, summaries and search
# documents ask for the same question or answer several times (3 to 5), one interview at a time.
@functools.lru_cache(maxsize=1024)
def render_inline(text: str) -> str:
    """One line of markdown (a question, a title) to HTML without a paragraph."""
    if _is_prose(text):
        return _escape(text)
    return str(_MD.renderInline(text))


@functools.lru_cache(maxsize=1024)
def render_block(text: str) -> str:
    """An answer or abstract: paragraphs and lists to HTML."""
    if text and _is_prose(text):
        return f"<p>{_escape(text)}</p>\n"
    return str(_MD.render(text))


def too_deep(text: str) -> int | None:
    """The 0-based line of ``text`` where lists or quotes nest so deeply that markdown-it would drop
    the text from there on; None when it renders whole."""
    if all(len(prefix) * 4 + 2 < MAX_NESTING - 1 for prefix in _CONTAINER_PREFIX.findall(text)):
        return None
    for token in _MD.parse(text):
        if token.nesting == 1 and token.level >= MAX_NESTING - 1:
            return token.map[0] if token.map else 0
    return None


def question_end(text: str) -> int | None:
    """The index just after the question mark that ends the question: the first '?' or '？' that is
    not inside inline code, a Markdown link or a URL. None when there is none."""
    closers = _backtick_runs(text) if "`" in text else {}
    pos = 0
    while match := _QUESTION_SCAN.search(text, pos):
        if match.group("mark"):
            return match.end()
        pos = match.end()
        run = match.group("code")
        if run:  # a code span ends at the next run of exactly as many backticks
            starts = closers[len(run)]
            after = bisect.bisect_left(starts, pos)
            if after < len(starts):
                pos = starts[after] + len(run)
    return None


def _backtick_runs(text: str) -> dict[int, list[int]]:
    """Where each run of backticks starts, by its length (in order)."""
    runs: dict[int, list[int]] = {}
    for match in re.finditer("`+", text):
        runs.setdefault(len(match.group()), []).append(match.start())
    return runs


@functools.lru_cache(maxsize=1024)
def plain(text: str) -> str:
    """Markdown to plain text, for the search index, excerpts and feeds."""
    if _is_prose(text):
        return " ".join(text.split())
    tokens = _MD.parseInline(text) if "\n" not in text else _MD.parse(text)
    return re.sub(r"\s+", " ", _text_of(tokens)).strip()


def _text_of(tokens: Sequence[Token]) -> str:
    out = []
    for token in tokens:
        if token.children:
            out.append(_text_of(token.children))
        elif token.type in ("text", "code_inline"):
            out.append(token.content)
        elif token.type in ("softbreak", "hardbreak", "paragraph_close", "list_item_close"):
            out.append(" ")
    return "".join(out)


def excerpt(text: str, limit: int = 160) -> str:
    """The start of an answer as plain text, cut at a word (or character, for Chinese)."""
    flat = plain(text)
    if len(flat) <= limit:
        return flat
    cut = flat[:limit]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,.;:，。；：、") + "…"
