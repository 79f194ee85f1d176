"""How others find the site: Atom feeds, ``sitemap.xml`` and ``robots.txt``.

Feeds (RFC 4287) and sitemaps (sitemaps.org) must carry absolute URLs, so
both exist only when the archive's ``base_url`` is known; without it the build
says so once (:func:`without_base_url`) and writes neither. ``robots.txt`` is
always written, with a ``Sitemap:`` line when there is a sitemap.

Dates come from the content: an entry's ``updated`` and a page's ``lastmod``
are the interview's date (a month or year stands for its first day). Atom needs
an ``updated`` on every entry, so an undated interview uses the build time,
which ``SOURCE_DATE_EPOCH`` fixes for reproducible builds; a sitemap's
``lastmod`` is optional and is left out rather than guessed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from . import urls
from .dates import first_day, timestamp
from .model import Archive, SiteConfig
from .summaries import Summary
from .views import Page

FEED_SIZE = 50
"""Newest interviews per feed."""


def without_base_url(config: SiteConfig) -> str | None:
    """The one line the build prints when absolute URLs cannot be written, else None."""
    if config.base_url:
        return None
    return ("no base_url: canonical links, hreflang alternates, og:url, the Atom feeds and sitemap.xml "
            "are left out (set base_url in archive.yaml or pass --base-url URL)")


def feed_page(archive: Archive, lang: str, now: str, summaries: Sequence[Summary]) -> Page:
    """The Atom feed of one language: its newest translated interviews. Needs base_url;
    ``summaries`` are every interview's in ``lang`` (summaries.py), in archive order."""
    config = archive.config
    base = config.base_url
    assert base, "feeds need absolute URLs"
    path = urls.feed(lang)
    entries = [_entry(archive, s, lang, now) for s in summaries if s["available"]][:FEED_SIZE]
    context = {
        "lang": lang, "html_lang": config.html_lang(lang),
        "id": urls.absolute(base, path), "self_url": urls.absolute(base, path),
        "alternate": urls.absolute(base, urls.home(lang)),
        "title": config.title.get(lang, ""), "subtitle": config.description.get(lang, ""),
        "author": config.title.get(lang, ""),
        "updated": max((e["updated"] for e in entries), default=now),
        "entries": entries,
    }
    return Page(path, "feed.xml", context)


def _entry(archive: Archive, summary: Summary, lang: str, now: str) -> dict[str, Any]:
    url = urls.absolute(archive.config.base_url, urls.interview(lang, summary["slug"]))
    date = summary["date"]
    return {"id": url, "url": url, "title": summary["title"],
            "updated": timestamp(date) if date else now, "published": timestamp(date) if date else None,
            "summary": summary["feed_summary"]}


def newest_date(dates: Iterable[str | None]) -> str | None:
    """The first day of the newest of the interviews' ``dates``: when a page made from the whole
    archive last changed."""
    return max((first_day(date) for date in dates if date), default=None)


def sitemap_entry(archive: Archive, page: Page, newest: str | None = None) -> dict[str, Any] | None:
    """The sitemap entry of an indexable page (its URL, alternates and content date), else None;
    ``newest`` (:func:`newest_date`) dates the pages made from the whole archive."""
    head = page.context.get("head")
    if head is None or head["canonical"] != urls.absolute(archive.config.base_url, page.path) \
            or page.template in ("missing.html", "404.html"):
        return None  # no URL, a notice, or a page whose canonical is another (the side-by-side view)
    if page.template == "interview.html":
        date = page.context["date"]
        lastmod = first_day(date) if date else None
    else:
        lastmod = newest
    return {"loc": head["canonical"], "alternates": head["alternates"], "lastmod": lastmod}


SITEMAP_LIMIT = 10_000
"""URLs in one sitemap file. The protocol allows 50,000 (and 50 MB); with their alternates,
10,000 are about 4 MB (some 4,200 interviews), a file search engines fetch without trouble."""


def sitemap_pages(config: SiteConfig, entries: list[dict[str, Any]]) -> list[Page]:
    """Every indexable page (not the untranslated notices), with its alternates and content date:
    ``sitemap.xml``, or, past :data:`SITEMAP_LIMIT` URLs, ``sitemap.xml`` as a sitemap index of
    ``sitemaps/<n>.xml`` files, each of at most that many, so no file grows with the archive."""
    if len(entries) <= SITEMAP_LIMIT:
        return [Page(urls.sitemap(), "sitemap.xml", {"entries": entries})]
    parts = [entries[start:start + SITEMAP_LIMIT] for start in range(0, len(entries), SITEMAP_LIMIT)]
    pages = [Page(urls.sitemap_part(n), "sitemap.xml", {"entries": part}) for n, part in enumerate(parts, 1)]
    index = [{"loc": urls.absolute(config.base_url, page.path),
              "lastmod": max((e["lastmod"] for e in page.context["entries"] if e["lastmod"]), default=None)}
             for page in pages]
    return [Page(urls.sitemap(), "sitemap_index.xml", {"sitemaps": index}), *pages]


def robots_txt(config: SiteConfig) -> str:
    """Allow everything; point at the sitemap when there is one (robots.txt is read at a domain's root)."""
    lines = ["User-agent: *", "Allow: /"]
    if config.base_url:
        lines.append(f"Sitemap: {urls.absolute(config.base_url, urls.sitemap())}")
    return "\n".join(lines) + "\n"
