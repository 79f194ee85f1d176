"""What every page says about itself in ``<head>``: for search engines, feed readers and link previews.

``with_head`` adds a ``head`` record to each page's view data (rendered by
``head_meta.html``): the meta description, the canonical URL, ``hreflang``
alternates with ``x-default``, Open Graph and a Twitter card, the Atom feed, and
the page's data (``data/``: the interview's JSON, else the whole archive's).

Rules:

- Only languages the page really exists in are alternates: an interview's
  "not yet translated" notice is neither listed nor lists itself.
- ``x-default`` is the entry page for the language homes (it lets the reader
  choose), else the default language's version, else the first there is.
- Absolute URLs need the archive's ``base_url``. Without it, canonical,
  ``hreflang``, ``og:url`` and the feed link are left out: a guessed address
  would send crawlers and shared links somewhere wrong.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from . import urls
from .markup import excerpt
from .model import Archive, Interview
from .views import Page

OG_LOCALES = {"en": "en_US", "zh": "zh_CN"}
"""Open Graph wants language_TERRITORY."""


def with_head(archive: Archive, pages: list[Page], interview: Interview | None = None) -> list[Page]:
    """Every page with its ``head`` record added (pages without one of ours pass through);
    ``interview`` is the one whose pages these are, if they are an interview's."""
    by_slug = {interview.slug: interview} if interview else {}
    return [replace(p, context=p.context | {"head": head_of(archive, p, by_slug)})
            if p.template.endswith(".html") else p for p in pages]


def head_of(archive: Archive, page: Page, by_slug: dict[str, Interview]) -> dict[str, Any]:
    """The head record of one page, from its template and view data."""
    config, ctx, path = archive.config, page.context, page.path
    if page.template == "entry.html":
        lang = config.default_language
        versions = {code: urls.home(code) for code in config.languages}
        title = " · ".join(config.title.get(code, "") for code in config.languages)
        return _record(archive, path, lang, title, config.description.get(lang, ""), "website",
                       versions, x_default=path, translated=True) | {"data": "data/archive.json"}
    lang = ctx["lang"]
    title, description, kind = ctx["site_title"], ctx["site_description"], "website"
    data = urls.link(path, "data/archive.json")
    versions = {code: code + path[len(lang):] for code in config.languages}
    x_default = urls.entry() if path == urls.home(lang) else None
    if page.template in ("interview.html", "missing.html"):
        interview = by_slug[path.split("/")[2]]
        title, kind = ctx["title"], "article"
        description = ctx["summary"] or description
        versions = {code: p for code, p in versions.items() if code in interview.documents}
        data = urls.link(path, f"data/interviews/{interview.slug}.json")
    elif page.template == "bilingual.html":  # the same texts as the interview pages: point there
        interview = by_slug[path.split("/")[2]]
        title, kind = ctx["t"]["bilingual_title"].format(title=ctx["title"]), "article"
        abstract = interview.documents[lang].abstract
        description = excerpt(abstract, 220) if abstract else description
        record = _record(archive, path, lang, title, description, kind, {}, None, translated=False,
                         canonical=urls.interview(lang, interview.slug))
        return record | {"data": urls.link(path, f"data/interviews/{interview.slug}.json")}
    elif page.template == "theme.html":
        title = ctx["theme"]["label"]
        description = ctx["theme"]["description"] or description
    elif page.template in ("themes.html", "search.html"):
        title = ctx["t"]["themes" if page.template == "themes.html" else "search"]
    return _record(archive, path, lang, title, description, kind, versions, x_default,
                   translated=path in versions.values()) | {"data": data}


def _record(archive: Archive, path: str, lang: str, title: str, description: str, kind: str,
            versions: dict[str, str], x_default: str | None, translated: bool,
            canonical: str | None = None) -> dict[str, Any]:
    """``versions``: the page in each language it exists in; ``translated``: this page is one of them;
    ``canonical``: the page that search engines should index instead of this one."""
    config = archive.config
    base = config.base_url
    alternates = []
    if base and translated:
        alternates = [{"hreflang": config.html_lang(code), "href": urls.absolute(base, p)}
                      for code, p in versions.items()]
        default = x_default or versions.get(config.default_language) or next(iter(versions.values()))
        alternates.append({"hreflang": "x-default", "href": urls.absolute(base, default)})
    others = [code for code in versions if code != lang] if translated else []
    return {
        "title": title,
        "description": description,
        "canonical": urls.absolute(base, canonical or path),
        "alternates": alternates,
        "feed": urls.link(path, urls.feed(lang)) if base else None,
        "feed_title": config.title.get(lang, ""),
        "og": {"type": kind, "title": title, "description": description,
               "url": urls.absolute(base, canonical or path),
               "site_name": config.title.get(lang, ""), "locale": OG_LOCALES[lang],
               "locale_alternates": [OG_LOCALES[code] for code in others]},
    }
