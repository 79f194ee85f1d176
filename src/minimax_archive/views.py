"""View data for every page: plain dicts and strings, ready for the templates.

Templates never see the domain models; everything they show is prepared here
(markdown already rendered with raw HTML off, links already relative). Each
function is pure and returns ``Page`` records; ``render.py`` turns them into HTML.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from . import dates, jsonld, urls
from .i18n import STRINGS
from .markup import render_block, render_inline
from .model import KNOWN_LANGUAGES, Archive, Interview, ThemeMap, qa_anchor
from .summaries import Summary, card

PAGE_SIZE = 50
"""Interviews per page of the home listing: keeps every page small at 10,000 interviews."""


@dataclass(frozen=True, slots=True)
class Page:
    """One output file to render."""

    path: str
    """Where it goes in site/ (``en/interviews/x/index.html``)."""
    template: str
    """The Jinja template that renders it."""
    context: dict[str, Any]
    """What the template may use."""


def common(archive: Archive, lang: str, path: str) -> dict[str, Any]:
    """What every page of one language needs: names, navigation, language switch."""
    config = archive.config

    def other_path(code: str) -> str:  # pages are parallel per language
        return code + path[len(lang):]

    return {
        "lang": lang,
        "html_lang": config.html_lang(lang),
        "t": STRINGS[lang],
        "root": urls.root(path),
        "site_title": config.title.get(lang, ""),
        "site_description": config.description.get(lang, ""),
        "nav": {"home": urls.link(path, urls.home(lang)), "themes": urls.link(path, urls.themes(lang)),
                "search": urls.link(path, urls.search(lang))},
        "nav_current": _nav_current(lang, path),
        "switch": [{"lang": code, "name": KNOWN_LANGUAGES[code][0], "hreflang": config.html_lang(code),
                    "href": urls.link(path, other_path(code)), "current": code == lang}
                   for code in config.languages],
    }


def _nav_current(lang: str, path: str) -> dict[str, str | None]:
    """aria-current for the navigation: "page" on the page itself, "true" inside its part of the site."""
    parts = {"home": (urls.home(lang), f"{lang}/page/"), "themes": (urls.themes(lang), f"{lang}/themes/"),
             "search": (urls.search(lang), urls.search(lang))}
    return {key: "page" if path == own else "true" if path.startswith(prefix) else None
            for key, (own, prefix) in parts.items()}


def entry_page(archive: Archive) -> Page:
    """The bilingual front door at the site root."""
    config = archive.config
    path = urls.entry()
    langs = [{"lang": code, "html_lang": config.html_lang(code), "name": KNOWN_LANGUAGES[code][0],
              "title": config.title.get(code, ""), "description": config.description.get(code, ""),
              "href": urls.link(path, urls.home(code)), "t": STRINGS[code]} for code in config.languages]
    context = {"languages": langs, "html_lang": config.html_lang(config.default_language), "root": ""}
    return Page(path, "entry.html", context)


def home_pages(archive: Archive, lang: str, summaries: Sequence[Summary]) -> list[Page]:
    """The interview listing, PAGE_SIZE per page: /en/, /en/page/2/, ...; ``summaries`` are every
    interview's in ``lang`` (summaries.py), in archive order."""
    total = max(1, -(-len(summaries) // PAGE_SIZE))
    paths = [urls.home(lang)] + [f"{lang}/page/{n}/index.html" for n in range(2, total + 1)]
    pages = []
    for n, path in enumerate(paths):
        chunk = summaries[n * PAGE_SIZE:(n + 1) * PAGE_SIZE]
        context = common(archive, lang, path) | {
            "interviews": [_card(s, lang, path) for s in chunk],
            "page_n": n + 1, "page_total": total,
            "newer": urls.link(path, paths[n - 1]) if n > 0 else None,
            "older": urls.link(path, paths[n + 1]) if n + 1 < total else None,
        }
        pages.append(Page(path, "home.html", context))
    return pages


def _card(summary: Summary, lang: str, path: str) -> dict[str, Any]:
    """A card's view data from its summary (summaries.card), with links from ``path``."""
    date = summary["date"]
    return {key: summary[key] for key in ("title", "interviewee", "organisation", "date", "summary", "qa_count",
                                          "available")} | {
        "href": urls.link(path, urls.interview(lang, summary["slug"])),
        "date_text": dates.display(date, lang) if date else None,
    }


def interview_page(archive: Archive, interview: Interview, lang: str, themes: ThemeMap) -> Page:
    """One interview in one language (or a notice when that translation is missing)."""
    path = urls.interview(lang, interview.slug)
    context = common(archive, lang, path) | _card(card(interview, lang), lang, path)
    doc = interview.documents.get(lang)
    if doc is None:
        context["read_in"] = [s for s in context["switch"] if s["lang"] in interview.documents]
        return Page(path, "missing.html", context)
    labels = {t.key: t.label.get(lang, t.key) for t in archive.config.themes}
    sections = [{
        "anchor": s.anchor, "number": f"{s.number:02d}", "title": s.title,
        "qas": [{
            "anchor": qa_anchor(s, q), "number": q.number, "question": Markup(render_inline(q.question)),
            "answer": Markup(render_block(q.answer)), "truncated": q.truncated,
            "themes": [{"key": k, "label": labels[k], "href": urls.link(path, urls.theme(lang, k))}
                       for k in themes.get((interview.slug, qa_anchor(s, q)), ())],
        } for q in s.items],
    } for s in doc.sections]
    context |= {
        "abstract": Markup(render_block(doc.abstract)) if doc.abstract else None,
        "source": interview.meta.source,
        "source_host": urllib.parse.urlsplit(interview.meta.source).hostname if interview.meta.source else None,
        "bilingual": urls.link(path, urls.bilingual(lang, interview.slug)) if bilingual_pair(archive, interview, lang) else None,
        "sections": sections,
        "json_ld": script_json(jsonld.article(archive, interview, lang)),
    }
    return Page(path, "interview.html", context)


def bilingual_pair(archive: Archive, interview: Interview, lang: str) -> str | None:
    """The other language a side-by-side page of ``interview`` in ``lang`` shows, if it has both texts."""
    if lang not in interview.documents:
        return None
    return next((code for code in archive.config.languages if code != lang and code in interview.documents), None)


def script_json(data: Any) -> Markup:
    """JSON safe inside a <script> element: '<', '>' and '&' are written as \\uXXXX escapes."""
    text = json.dumps(data, ensure_ascii=False)
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, code)
    return Markup(text)
