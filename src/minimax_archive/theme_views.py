"""View data for the theme pages and the search page (which filters by theme)."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from markupsafe import Markup

from . import urls
from .markup import excerpt, plain, render_inline
from .model import QA, Archive, Interview, Section, ThemeMap, qa_anchor
from .views import Page, common, script_json


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


def theme_pages(archive: Archive, lang: str, themes: ThemeMap) -> list[Page]:
    """The themes index (with the theme x interview matrix) and one page per theme."""
    by_theme = _answers_by_theme(archive, lang, themes)
    index_path = urls.themes(lang)
    summary = []
    for theme in archive.config.themes:
        answers = by_theme[theme.key]
        summary.append({"key": theme.key, "label": theme.label.get(lang, theme.key),
                        "description": theme.description.get(lang, ""),
                        "href": urls.link(index_path, urls.theme(lang, theme.key)),
                        "answers": len(answers), "interviews": len({a[0].slug for a in answers})})
    counts = {key: Counter(a[0].slug for a in answers) for key, answers in by_theme.items()}
    matrix = []
    for interview in archive.interviews:
        cells = []
        for theme in archive.config.themes:
            cells.append({"count": counts[theme.key][interview.slug], "label": theme.label.get(lang, theme.key),
                          "href": urls.link(index_path, urls.theme(lang, theme.key)) + f"#i-{interview.slug}"})
        matrix.append({"title": interview.display_title(lang),
                       "href": urls.link(index_path, urls.interview(lang, interview.slug)), "cells": cells})
    pages = [Page(index_path, "themes.html", common(archive, lang, index_path) |
                  {"themes": summary, "matrix": matrix})]
    for theme, info in zip(archive.config.themes, summary, strict=True):
        path = urls.theme(lang, theme.key)
        groups: dict[str, dict[str, Any]] = {}
        for interview, section, qa in by_theme[theme.key]:
            group = groups.setdefault(interview.slug, {
                "slug": interview.slug, "title": interview.display_title(lang),
                "href": urls.link(path, urls.interview(lang, interview.slug)),
                "interviewee": interview.meta.interviewee.get(lang), "answers": []})
            group["answers"].append({"question": Markup(render_inline(qa.question)),
                                   "excerpt": excerpt(qa.answer),
                                   "href": group["href"] + "#" + qa_anchor(section, qa)})
        context = common(archive, lang, path) | {
            "theme": info, "groups": list(groups.values()),
            "search_href": urls.link(path, urls.search(lang)) + f"?theme={theme.key}"}
        pages.append(Page(path, "theme.html", context))
    return pages


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
