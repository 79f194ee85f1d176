"""View data for the theme pages and the search page (which filters by theme)."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from markupsafe import Markup

from . import urls
from .markup import excerpt, plain, render_inline
from .model import QA, Archive, Interview, Section, ThemeMap, qa_anchor
from .views import PAGE_SIZE, Page, common, script_json


def _answers_by_theme(archive: Archive, lang: str,
                      themes: ThemeMap) -> dict[str, list[tuple[Interview, Section, QA]]]:
    """theme key -> [(interview, section, qa)] in archive order, for one language."""
    out: dict[str, list[tuple[Interview, Section, QA]]] = {t.key: [] for t in archive.config.themes}
    for interview in archive.interviews:
        if lang not in interview.documents:  # its page here is only a notice: no answers to link to
            continue
        for section in interview.documents[lang].sections:
            for qa in section.items:
                for key in themes.get((interview.slug, qa_anchor(section, qa)), ()):
                    out[key].append((interview, section, qa))
    return out


THEME_PAGE_SIZE = 100
"""Answers per page of a theme: a theme's pages grow in number, never in size."""
MATRIX_PAGE_SIZE = PAGE_SIZE
"""Interviews per page of the themes index's table (as many as a page of the listing)."""


def theme_pages(archive: Archive, lang: str, themes: ThemeMap) -> list[Page]:
    """The themes index (with the theme × interview table, MATRIX_PAGE_SIZE rows per page)
    and each theme's answers (THEME_PAGE_SIZE per page, grouped by interview)."""
    by_theme = _answers_by_theme(archive, lang, themes)
    counts = {key: Counter(a[0].slug for a in answers) for key, answers in by_theme.items()}
    # The page of each theme where an interview's answers start: the table links there.
    starts: dict[str, dict[str, int]] = {key: {} for key in by_theme}
    for key, answers in by_theme.items():
        for n, (interview, _, _) in enumerate(answers):
            starts[key].setdefault(interview.slug, n // THEME_PAGE_SIZE + 1)
    pages = _index_pages(archive, lang, by_theme, counts, starts)
    for theme in archive.config.themes:
        answers = by_theme[theme.key]
        total = max(1, -(-len(answers) // THEME_PAGE_SIZE))
        info = {"key": theme.key, "label": theme.label.get(lang, theme.key),
                "description": theme.description.get(lang, ""), "answers": len(answers),
                "interviews": len(counts[theme.key])}
        for n in range(1, total + 1):
            path = urls.theme(lang, theme.key, n)
            groups: dict[str, dict[str, Any]] = {}
            for interview, section, qa in answers[(n - 1) * THEME_PAGE_SIZE:n * THEME_PAGE_SIZE]:
                group = groups.setdefault(interview.slug, {
                    "slug": interview.slug, "title": interview.display_title(lang),
                    "href": urls.link(path, urls.interview(lang, interview.slug)),
                    "interviewee": interview.meta.interviewee.get(lang), "answers": []})
                group["answers"].append({"question": Markup(render_inline(qa.question)),
                                         "excerpt": excerpt(qa.answer),
                                         "href": group["href"] + "#" + qa_anchor(section, qa)})
            context = common(archive, lang, path) | {
                "theme": info, "groups": list(groups.values()),
                "pager": _pager(path, [urls.theme(lang, theme.key, k) for k in range(1, total + 1)], n),
                "search_href": urls.link(path, urls.search(lang)) + f"?theme={theme.key}"}
            pages.append(Page(path, "theme.html", context))
    return pages


def _index_pages(archive: Archive, lang: str, by_theme: dict[str, list[tuple[Interview, Section, QA]]],
                 counts: dict[str, Counter[str]], starts: dict[str, dict[str, int]]) -> list[Page]:
    interviews = archive.interviews
    total = max(1, -(-len(interviews) // MATRIX_PAGE_SIZE))
    paths = [urls.themes_page(lang, n) for n in range(1, total + 1)]
    pages = []
    for n, path in enumerate(paths, start=1):
        summary = [{"key": t.key, "label": t.label.get(lang, t.key), "description": t.description.get(lang, ""),
                    "href": urls.link(path, urls.theme(lang, t.key)), "answers": len(by_theme[t.key]),
                    "interviews": len(counts[t.key])} for t in archive.config.themes]
        matrix = []
        for interview in interviews[(n - 1) * MATRIX_PAGE_SIZE:n * MATRIX_PAGE_SIZE]:
            cells = []
            for theme in archive.config.themes:
                count = counts[theme.key][interview.slug]
                target = urls.theme(lang, theme.key, starts[theme.key].get(interview.slug, 1))
                cells.append({"count": count, "label": theme.label.get(lang, theme.key),
                              "href": urls.link(path, target) + f"#i-{interview.slug}"})
            matrix.append({"title": interview.display_title(lang),
                           "href": urls.link(path, urls.interview(lang, interview.slug)), "cells": cells})
        pages.append(Page(path, "themes.html", common(archive, lang, path) |
                          {"themes": summary, "matrix": matrix, "pager": _pager(path, paths, n)}))
    return pages


def _pager(path: str, paths: list[str], n: int) -> dict[str, Any]:
    """Page ``n`` of ``paths`` (1-based): its number, the total, and links to the pages before and after."""
    return {"n": n, "total": len(paths),
            "previous": urls.link(path, paths[n - 2]) if n > 1 else None,
            "next": urls.link(path, paths[n]) if n < len(paths) else None}


def search_page(archive: Archive, lang: str, themes: ThemeMap) -> Page:
    """The search page; the theme vocabulary goes along as JSON for cross-language matching,
    with each theme's number of answers (Pagefind counts pages) for the filter list."""
    path = urls.search(lang)
    by_theme = _answers_by_theme(archive, lang, themes)
    vocabulary = [{"key": t.key, "label": t.label.get(lang, t.key), "answers": len(by_theme[t.key]),
                   "interviews": len({i.slug for i, _, _ in by_theme[t.key]}),
                   "keywords": sorted({w for words in t.keywords.values() for w in words}),
                   "json": [urls.theme_answers(lang, t.key, n) for n in range(1, theme_parts(by_theme, t.key) + 1)]}
                  for t in archive.config.themes]
    indexed = any(lang in interview.documents for interview in archive.interviews)
    data = script_json({"themes": vocabulary, "lang": lang,
                        "bundle": urls.search_bundle(lang) if indexed else None})
    return Page(path, "search.html", common(archive, lang, path) | {"search_data": data})


THEME_EXCERPT = 120
"""Characters of an answer's start in a theme's JSON: enough for a result, small at scale."""
THEME_PART = 200
"""Answers per JSON file of a theme: the search page loads one part at a time."""


def theme_parts(by_theme: dict[str, list[tuple[Interview, Section, QA]]], key: str) -> int:
    return -(-len(by_theme[key]) // THEME_PART)


def theme_answer_files(archive: Archive, lang: str, themes: ThemeMap) -> dict[str, str]:
    """Per theme, its answers in ``lang`` as JSON parts for the search page (``urls.theme_answers``).

    Each part holds up to THEME_PART answers, in archive order: ``{"interviews": [{"url",
    "title", "people": [interviewee, organisation], "answers": [[id, question, first words,
    [theme keys]]]}]}``. A theme filter or a theme keyword lists these without the word index.
    """
    out = {}
    for key, answers in _answers_by_theme(archive, lang, themes).items():
        for part, start in enumerate(range(0, len(answers), THEME_PART), start=1):
            groups: dict[str, dict[str, Any]] = {}
            for interview, section, qa in answers[start:start + THEME_PART]:
                group = groups.setdefault(interview.slug, {
                    "url": urls.site_path(urls.interview(lang, interview.slug)),
                    "title": interview.display_title(lang),
                    "people": [v for v in (interview.meta.interviewee.get(lang),
                                           interview.meta.organisation.get(lang)) if v],
                    "answers": []})
                anchor = qa_anchor(section, qa)
                group["answers"].append([anchor, plain(qa.question), excerpt(qa.answer, THEME_EXCERPT),
                                         list(themes.get((interview.slug, anchor), ()))])
            data = {"interviews": list(groups.values())}
            out[urls.theme_answers(lang, key, part)] = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return out
