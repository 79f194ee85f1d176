"""View data for the theme pages and the search page (which filters by theme)."""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from . import urls
from .lang import fold
from .model import Archive
from .summaries import Summary
from .views import PAGE_SIZE, Page, common, script_json

Answer = list[Any]
"""One answer of a summary: [id, [theme keys], question HTML, excerpt, plain question, short excerpt]."""


ByTheme = dict[str, list[tuple[Summary, Answer]]]
"""theme key -> [(summary, answer)] in archive order, for one language (:func:`answers_by_theme`)."""


def answers_by_theme(archive: Archive, summaries: Sequence[Summary]) -> ByTheme:
    """theme key -> [(summary, answer)] in archive order, for one language's summaries (the theme
    pages, the search page and the theme lists all start from it: made once per language)."""
    out: dict[str, list[tuple[Summary, Answer]]] = {t.key: [] for t in archive.config.themes}
    for summary in summaries:
        for answer in summary.get("answers", ()):  # none without a text: its page is only a notice
            for key in answer[1]:
                out[key].append((summary, answer))
    return out


THEME_PAGE_SIZE = 100
"""Answers per page of a theme: a theme's pages grow in number, never in size."""
MATRIX_PAGE_SIZE = PAGE_SIZE
"""Interviews per page of the themes index's table (as many as a page of the listing)."""


def theme_pages(archive: Archive, lang: str, summaries: Sequence[Summary], by_theme: ByTheme) -> list[Page]:
    """The themes index (with the theme × interview table, MATRIX_PAGE_SIZE rows per page)
    and each theme's answers (THEME_PAGE_SIZE per page, grouped by interview)."""
    counts = {key: Counter(s["slug"] for s, _ in answers) for key, answers in by_theme.items()}
    # The page of each theme where an interview's answers start: the table links there.
    starts: dict[str, dict[str, int]] = {key: {} for key in by_theme}
    for key, answers in by_theme.items():
        for n, (summary, _) in enumerate(answers):
            starts[key].setdefault(summary["slug"], n // THEME_PAGE_SIZE + 1)
    pages = _index_pages(archive, lang, summaries, by_theme, counts, starts)
    for theme in archive.config.themes:
        answers = by_theme[theme.key]
        total = max(1, -(-len(answers) // THEME_PAGE_SIZE))
        info = {"key": theme.key, "label": theme.label.get(lang, theme.key),
                "description": theme.description.get(lang, ""), "answers": len(answers),
                "interviews": len(counts[theme.key])}
        for n in range(1, total + 1):
            path = urls.theme(lang, theme.key, n)
            groups: dict[str, dict[str, Any]] = {}
            for summary, answer in answers[(n - 1) * THEME_PAGE_SIZE:n * THEME_PAGE_SIZE]:
                slug = summary["slug"]
                group = groups.setdefault(slug, {
                    "slug": slug, "title": summary["title"], "href": urls.link(path, urls.interview(lang, slug)),
                    "interviewee": summary["interviewee"], "answers": []})
                group["answers"].append({"question": Markup(answer[2]), "excerpt": answer[3],
                                         "href": group["href"] + "#" + answer[0]})
            context = common(archive, lang, path) | {
                "theme": info, "groups": list(groups.values()),
                "pager": _pager(path, [urls.theme(lang, theme.key, k) for k in range(1, total + 1)], n),
                "search_href": urls.link(path, urls.search(lang)) + f"?theme={theme.key}"}
            pages.append(Page(path, "theme.html", context))
    return pages


def _index_pages(archive: Archive, lang: str, summaries: Sequence[Summary],
                 by_theme: ByTheme, counts: dict[str, Counter[str]], starts: dict[str, dict[str, int]]) -> list[Page]:
    total = max(1, -(-len(summaries) // MATRIX_PAGE_SIZE))
    paths = [urls.themes_page(lang, n) for n in range(1, total + 1)]
    pages = []
    for n, path in enumerate(paths, start=1):
        theme_list = [{"key": t.key, "label": t.label.get(lang, t.key), "description": t.description.get(lang, ""),
                    "href": urls.link(path, urls.theme(lang, t.key)), "answers": len(by_theme[t.key]),
                    "interviews": len(counts[t.key])} for t in archive.config.themes]
        matrix = []
        link = functools.lru_cache(maxsize=None)(functools.partial(urls.link, path))  # a few themes' pages
        for summary in summaries[(n - 1) * MATRIX_PAGE_SIZE:n * MATRIX_PAGE_SIZE]:
            slug = summary["slug"]
            cells = []
            for theme in archive.config.themes:
                target = urls.theme(lang, theme.key, starts[theme.key].get(slug, 1))
                cells.append({"count": counts[theme.key][slug], "label": theme.label.get(lang, theme.key),
                              "href": link(target) + f"#i-{slug}"})
            matrix.append({"title": summary["title"], "href": urls.link(path, urls.interview(lang, slug)),
                           "cells": cells})
        pages.append(Page(path, "themes.html", common(archive, lang, path) |
                          {"themes": theme_list, "matrix": matrix, "pager": _pager(path, paths, n)}))
    return pages


def _pager(path: str, paths: list[str], n: int) -> dict[str, Any]:
    """Page ``n`` of ``paths`` (1-based): its number, the total, and links to the pages before and after."""
    return {"n": n, "total": len(paths),
            "previous": urls.link(path, paths[n - 2]) if n > 1 else None,
            "next": urls.link(path, paths[n]) if n < len(paths) else None}


def search_page(archive: Archive, lang: str, summaries: Sequence[Summary], by_theme: ByTheme) -> Page:
    """The search page; the theme vocabulary goes along as JSON for cross-language matching,
    with each theme's number of answers (Pagefind counts pages) for the filter list. The keywords
    go folded (lang.fold, one space between words), as the page compares them with a folded query."""
    path = urls.search(lang)
    vocabulary = [{"key": t.key, "label": t.label.get(lang, t.key), "answers": len(by_theme[t.key]),
                   "interviews": len({s["slug"] for s, _ in by_theme[t.key]}),
                   "keywords": sorted({" ".join(fold(w).split()) for words in t.keywords.values() for w in words}),
                   "json": [urls.theme_answers(lang, t.key, n) for n in range(1, theme_parts(by_theme, t.key) + 1)]}
                  for t in archive.config.themes]
    indexed = any(s["available"] for s in summaries)
    data = script_json({"themes": vocabulary, "lang": lang, "people": _people(summaries),
                        "bundle": urls.search_bundle(lang) if indexed else None})
    return Page(path, "search.html", common(archive, lang, path) | {"search_data": data})


PEOPLE_FILTER_LIMIT = 40
"""Interviewees (or organisations) the search page offers as filters, at most: more would be a
list nobody reads, and searching for a name finds their interviews anyway."""


def _people(summaries: Sequence[Summary]) -> dict[str, dict[str, int]]:
    """The interviewee and organisation filters: value -> interviews, for the keys with few values."""
    out = {}
    for key in ("interviewee", "organisation"):
        counts = Counter(s[key] for s in summaries if s["available"] and s[key])
        if 0 < len(counts) <= PEOPLE_FILTER_LIMIT:
            out[key] = dict(sorted(counts.items()))
    return out


THEME_PART = 200
"""Answers per JSON file of a theme: the search page loads one part at a time."""


def theme_parts(by_theme: ByTheme, key: str) -> int:
    return -(-len(by_theme[key]) // THEME_PART)


def theme_answer_files(lang: str, by_theme: ByTheme) -> dict[str, str]:
    """Per theme, its answers in ``lang`` as JSON parts for the search page (``urls.theme_answers``).

    Each part holds up to THEME_PART answers, in archive order: ``{"interviews": [{"url",
    "title", "people": [interviewee, organisation], "answers": [[id, question, first words,
    [theme keys]]]}]}``. A theme filter or a theme keyword lists these without the word index.
    """
    out = {}
    for key, answers in by_theme.items():
        for part, start in enumerate(range(0, len(answers), THEME_PART), start=1):
            groups: dict[str, dict[str, Any]] = {}
            for summary, answer in answers[start:start + THEME_PART]:
                slug = summary["slug"]
                group = groups.setdefault(slug, {
                    "url": urls.site_path(urls.interview(lang, slug)), "title": summary["title"],
                    "people": [v for v in (summary["interviewee"], summary["organisation"]) if v],
                    "answers": []})
                group["answers"].append([answer[0], answer[4], answer[5], answer[1]])
            data = {"interviews": list(groups.values())}
            out[urls.theme_answers(lang, key, part)] = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return out
