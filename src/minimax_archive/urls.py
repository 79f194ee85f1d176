"""The only place that maps a page to its file in site/ and to a link.

Every page is ``<dir>/index.html`` and is linked as ``<dir>/``, relative to the
page that links to it, so the site works from any sub-path (GitHub Pages
project sites, a folder on S3) without a rebuild.
"""

from __future__ import annotations

import functools


def entry() -> str:
    """The bilingual entry page at the site root."""
    return "index.html"


def home(lang: str) -> str:
    return f"{lang}/index.html"


def interview(lang: str, slug: str) -> str:
    return f"{lang}/interviews/{slug}/index.html"


def bilingual(lang: str, slug: str) -> str:
    """An interview's side-by-side page, the reader's language first."""
    return f"{lang}/interviews/{slug}/bilingual/index.html"


def search(lang: str) -> str:
    return f"{lang}/search/index.html"


def themes(lang: str) -> str:
    return f"{lang}/themes/index.html"


def themes_page(lang: str, n: int) -> str:
    """Page ``n`` (1, 2, …) of the themes index, whose theme × interview table is paged."""
    return themes(lang) if n == 1 else f"{lang}/themes/page/{n}/index.html"


def theme(lang: str, key: str, n: int = 1) -> str:
    """Page ``n`` (1, 2, …) of a theme's answers."""
    return f"{lang}/themes/{key}/index.html" if n == 1 else f"{lang}/themes/{key}/page/{n}/index.html"


def theme_answers(lang: str, key: str, part: int) -> str:
    """Part ``part`` (1, 2, …) of a theme's answers as JSON, for the search page (no word index needed)."""
    return f"{lang}/themes/{key}/answers-{part}.json"


def sitemap() -> str:
    return "sitemap.xml"


def sitemap_part(n: int) -> str:
    """Part ``n`` (from 1) of a sitemap too large for one file (``sitemap.xml`` is then their index)."""
    return f"sitemaps/{n}.xml"


def feed(lang: str) -> str:
    return f"{lang}/feed.xml"


def search_bundle(lang: str) -> str:
    """The Pagefind bundle of a language's search page."""
    return f"pagefind/{lang}/pagefind.js"


@functools.lru_cache(maxsize=8192)  # a page links to the same few pages again and again (themes, nav)
def link(from_page: str, to: str) -> str:
    """A relative link from one output file to another (``index.html`` shown as ``./``)."""
    here = from_page.split("/")[:-1]
    target = to.split("/")
    name = target.pop()
    common = 0
    while common < min(len(here), len(target)) and here[common] == target[common]:
        common += 1
    parts = [".."] * (len(here) - common) + target[common:]
    if name == "index.html":
        return "/".join(parts) + "/" if parts else "./"
    return "/".join([*parts, name])


def root(from_page: str) -> str:
    """The relative path from a page to the site root, ending with '/' (or '' at the root)."""
    depth = from_page.count("/")
    return "../" * depth


def site_path(to: str) -> str:
    """The root-relative URL of a page, as the search index records it (``/en/interviews/x/``)."""
    return "/" + (to[: -len("index.html")] if to.endswith("index.html") else to)


def absolute(base_url: str | None, to: str) -> str | None:
    """The absolute URL of a page when the archive's base_url is known."""
    return base_url + site_path(to)[1:] if base_url else None
