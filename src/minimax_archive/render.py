"""Pages to HTML through the Jinja templates; returns texts, writes nothing.

Autoescape is on for every template, whatever its file name (an included
``header.j2`` or ``.txt`` partial too), and undefined variables are errors
(StrictUndefined), so a template typo fails the build instead of printing
nothing; the error names the template file and line where it happened, which
may be a base or included template. Static files (CSS, JS) come from the
templates' ``assets/`` folder.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import jinja2

from .bilingual_views import bilingual_page
from .data_export import archive_data_files, index_entry, interview_data_file
from .dates import build_time
from .discovery import feed_page, newest_date, robots_txt, sitemap_entry, sitemap_pages
from .errors import BuildError
from .head import with_head
from .jinja_env import make_environment
from .model import Archive, Interview, ThemeMap
from .notfound import not_found_page
from .search import SearchDocument, document
from .summaries import Summary, summarise
from .theme_views import ByTheme, answers_by_theme, search_page, theme_answer_files, theme_pages
from .views import Page, bilingual_pair, entry_page, home_pages, interview_page


def shipped_templates() -> str:
    """The templates that come with the package (used when the archive has none).

    A wheel carries them inside the package; an editable install (a source
    checkout) has them in the repository's templates/ folder instead.
    """
    packaged = resources.files("minimax_archive") / "templates"
    if packaged.is_dir():
        return str(packaged)
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, os.pardir, "templates")


class Renderer:
    """Pages to text through one Jinja environment; template errors become a BuildError naming the
    template file and line."""

    def __init__(self, templates_dir: str):
        self.templates_dir = templates_dir
        self.env = make_environment(templates_dir)

    def render(self, page: Page) -> str:
        try:
            return self.env.get_template(page.template).render(page.context)
        except jinja2.TemplateSyntaxError as exc:
            raise BuildError(f"{exc.filename or page.template}:{exc.lineno}: template error: {exc.message}") from None
        except jinja2.TemplateNotFound as exc:
            raise BuildError(f"{self.templates_dir}: template {exc.name!r} not found "
                             "(copy it from the package's templates, or remove the folder to use them)") from None
        except Exception as exc:  # noqa: BLE001  undefined names, bad filters: never a traceback
            where = _template_position(exc, self.templates_dir) or page.template
            raise BuildError(f"{where}: template error: {type(exc).__name__}: {exc} "
                             f"(while rendering {page.path})") from None


@dataclass(frozen=True, slots=True)
class InterviewOutput:
    """Everything one interview adds to the site, made without looking at any other interview."""

    files: list[tuple[str, str]]
    """(site path, text): its pages in every language, its side-by-side pages, its data file."""
    sitemap: dict[str, list[dict[str, Any]]]
    """Language -> the sitemap entries of its pages there (none without base_url)."""
    search: dict[str, SearchDocument]
    """Language -> what Pagefind indexes for its page there (only languages it has a text in)."""
    summaries: dict[str, Summary]
    """Language -> what the pages made from the whole archive show of it (summaries.py)."""
    entry: dict[str, Any]
    """Its entry in the data index (``data_export.index_entry``)."""


@dataclass(frozen=True, slots=True)
class Collected:
    """What the interviews gave, each in archive order: what the pages made from the whole archive
    are made of."""

    summaries: list[dict[str, Summary]] = field(default_factory=list)
    entries: list[dict[str, Any]] = field(default_factory=list)
    sitemaps: list[dict[str, list[dict[str, Any]]]] = field(default_factory=list)

    _by_theme: dict[str, ByTheme] = field(default_factory=dict, repr=False)

    def of(self, lang: str) -> list[Summary]:
        return [per_lang[lang] for per_lang in self.summaries]

    def by_theme(self, archive: Archive, lang: str) -> ByTheme:
        """Each theme's answers in ``lang`` (theme_views.answers_by_theme), made once per language:
        ask only when every interview is in."""
        if lang not in self._by_theme:
            self._by_theme[lang] = answers_by_theme(archive, self.of(lang))
        return self._by_theme[lang]


def interview_pages(archive: Archive, themes: ThemeMap, interview: Interview) -> list[Page]:
    """An interview's page in every language and its side-by-side pages, with their head records."""
    langs = archive.config.languages
    out = [interview_page(archive, interview, lang, themes) for lang in langs]
    out += [bilingual_page(archive, interview, lang, other) for lang in langs
            if (other := bilingual_pair(archive, interview, lang))]
    return with_head(archive, out, interview)


def render_interview(renderer: Renderer, archive: Archive, themes: ThemeMap, interview: Interview,
                     search: bool = True) -> InterviewOutput:
    """One interview's share of the site; independent of every other, so interviews render in parallel."""
    pages = interview_pages(archive, themes, interview)
    files = [(page.path, renderer.render(page)) for page in pages]
    files.append(interview_data_file(archive, themes, interview))
    sitemap: dict[str, list[dict[str, Any]]] = {}
    if archive.config.base_url:
        for page in pages:
            entry = sitemap_entry(archive, page)
            if entry:
                sitemap.setdefault(page.context["lang"], []).append(entry)
    docs = {lang: document(archive, interview, lang, themes) for lang in archive.config.languages
            if search and lang in interview.documents}
    return InterviewOutput(files, sitemap, docs,
                           {lang: summarise(archive, interview, lang, themes) for lang in archive.config.languages},
                           index_entry(interview, archive))


def global_pages(archive: Archive, collected: Collected) -> list[Page]:
    """The pages made from the whole archive (entry, listings, themes, search), with head records;
    not the feeds, sitemap and 404 page (see :func:`closing_pages`)."""
    out = [entry_page(archive)]
    for lang in archive.config.languages:
        own = collected.of(lang)
        out += home_pages(archive, lang, own)
        out += theme_pages(archive, lang, own, collected.by_theme(archive, lang))
        out.append(search_page(archive, lang, own, collected.by_theme(archive, lang)))
    return with_head(archive, out)


def closing_pages(archive: Archive, site_pages: list[Page], collected: Collected, now: str) -> list[Page]:
    """Feeds, the sitemap and the 404 page. ``site_pages`` are the global pages; the sitemap lists,
    per language, the listing, the interviews, then the theme and search pages."""
    out = []
    if archive.config.base_url:  # feeds and sitemaps are made of absolute URLs (see discovery.py)
        out += [feed_page(archive, lang, now, collected.of(lang)) for lang in archive.config.languages]
        by_lang: dict[str, list[Page]] = {}
        for page in site_pages[1:]:
            by_lang.setdefault(page.context["lang"], []).append(page)
        newest = newest_date(entry["date"] for entry in collected.entries)
        entries = [sitemap_entry(archive, site_pages[0], newest)]
        for lang in archive.config.languages:
            listing = [p for p in by_lang.get(lang, []) if p.template == "home.html"]
            rest = [p for p in by_lang.get(lang, []) if p.template != "home.html"]
            entries += [sitemap_entry(archive, p, newest) for p in listing]
            entries += [e for per_interview in collected.sitemaps for e in per_interview.get(lang, [])]
            entries += [sitemap_entry(archive, p, newest) for p in rest]
        out += sitemap_pages(archive.config, [e for e in entries if e])
    out.append(not_found_page(archive))
    return out


def global_files(archive: Archive, collected: Collected) -> list[tuple[str, str]]:
    """Files that are not rendered through a template: the search page's theme lists (JSON),
    robots.txt and the archive's data index (not the per-interview data files)."""
    out: list[tuple[str, str]] = []
    for lang in archive.config.languages:
        out += theme_answer_files(lang, collected.by_theme(archive, lang)).items()
    out.append(("robots.txt", robots_txt(archive.config)))
    out += archive_data_files(archive, collected.entries).items()
    return out


def site_files(render: Callable[[Page], str | None], archive: Archive, site_pages: list[Page],
               collected: Collected) -> Iterator[tuple[str, str | None]]:
    """The global pages rendered by ``render``, then the global files: (path, text), one at a time.
    ``render`` may give None for a page it took from elsewhere (the last build)."""
    for page in site_pages:
        yield page.path, render(page)
    yield from global_files(archive, collected)


def render_site(archive: Archive, themes: ThemeMap, templates_dir: str) -> dict[str, str]:
    """Every file of the site but the search bundle and assets, in one process: {path: text}."""
    return dict(render_pages(archive, themes, templates_dir))


def render_pages(archive: Archive, themes: ThemeMap, templates_dir: str) -> Iterator[tuple[str, str]]:
    """Render page after page as (path, text), in one process (the build spreads the interviews
    over several, see build.py)."""
    renderer = Renderer(templates_dir)
    collected = Collected()
    for interview in archive.interviews:
        output = render_interview(renderer, archive, themes, interview, search=False)
        collected.sitemaps.append(output.sitemap)
        collected.summaries.append(output.summaries)
        collected.entries.append(output.entry)
        yield from output.files
    site_pages = global_pages(archive, collected)
    for path, text in site_files(renderer.render, archive, site_pages, collected):
        assert text is not None
        yield path, text
    for page in closing_pages(archive, site_pages, collected, build_time()):
        yield page.path, renderer.render(page)


def _template_position(exc: BaseException, templates_dir: str) -> str | None:
    """``path:line`` of the innermost template frame of an error raised while rendering (Jinja puts
    the template file and line into the traceback), or None when there is none."""
    root = os.path.abspath(templates_dir) + os.sep
    frames = [frame for frame in traceback.extract_tb(exc.__traceback__)
              if frame.filename and os.path.abspath(frame.filename).startswith(root)]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else None


def asset_files(templates_dir: str) -> dict[str, str]:
    """Static files to copy, the ``assets/`` folder's subfolders included: site path -> source file."""
    folder = os.path.join(templates_dir, "assets")
    found: dict[str, str] = {}
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            source = os.path.join(root, name)
            found["assets/" + os.path.relpath(source, folder).replace(os.sep, "/")] = source
    return found
