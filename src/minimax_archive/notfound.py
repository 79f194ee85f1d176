"""The bilingual ``404.html`` at the site root.

Hosts (GitHub Pages, Netlify, Cloudflare Pages, S3 with an error document)
serve it *at the missing URL*, at any depth, so relative links would resolve
against the wrong folder. The page sets ``<base href>`` to the path of the
archive's ``base_url`` (``/minimax-archive/``); every link on it is relative to
that. Without a base_url it assumes the site is at the domain's root (``/``).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from . import urls
from .i18n import STRINGS
from .model import KNOWN_LANGUAGES, Archive
from .views import Page


def not_found_page(archive: Archive) -> Page:
    config = archive.config
    base = urlsplit(config.base_url).path if config.base_url else "/"
    languages = [{"lang": code, "html_lang": config.html_lang(code), "name": KNOWN_LANGUAGES[code][0],
                  "site_title": config.title.get(code, ""), "t": STRINGS[code],
                  "home": urls.link(urls.entry(), urls.home(code)),
                  "search": urls.link(urls.entry(), urls.search(code))} for code in config.languages]
    context = {"base": base, "html_lang": config.html_lang(config.default_language), "languages": languages,
               "title": " · ".join(STRINGS[code]["not_found_title"] for code in config.languages),
               "description": STRINGS[config.default_language]["not_found_body"]}
    return Page("404.html", "404.html", context)
