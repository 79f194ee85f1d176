"""View data for the theme pages and the search page (which filters by theme)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from markupsafe import Markup

from . import urls
from .markup import excerpt, render_inline
from .model import UNSPACED_LANGUAGES, Archive, ThemeMap, qa_anchor
from .views import Page, common, script_json


def _answers_by_theme(archive: Archive, lang: str, themes: ThemeMap) -> dict[str, list[tuple]]:
    """theme key -> [(interview, section, qa)] in archive order, for one language."""
    out: dict[str, list[tuple]] = {t.key: [] for t in archive.config.themes}
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
    answers = Counter(key for keys in themes.values() for key in keys)
    vocabulary = [{"key": t.key, "label": t.label.get(lang, t.key), "answers": answers[t.key],
                   "keywords": sorted({w for words in t.keywords.values() for w in words})}
                  for t in archive.config.themes]
    indexed = any(lang in interview.documents for interview in archive.interviews)
    data = script_json({"themes": vocabulary, "lang": lang,
                        "bundle": urls.search_bundle(lang) if indexed else None,
                        "pairs": lang in UNSPACED_LANGUAGES})
    return Page(path, "search.html", common(archive, lang, path) | {"search_data": data})
