"""Pages to HTML through the Jinja templates; returns ``{path: text}``, writes nothing.

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
from collections.abc import Iterator
from importlib import resources

import jinja2

from .bilingual_views import bilingual_pages
from .data_export import data_files
from .dates import build_time
from .discovery import feed_page, robots_txt, sitemap_page
from .errors import BuildError
from .head import with_head
from .i18n import plural
from .model import Archive, ThemeMap
from .notfound import not_found_page
from .theme_views import search_page, theme_answer_files, theme_pages
from .views import Page, entry_page, home_pages, interview_page


def shipped_templates() -> str:
    """The templates that come with the package (used when the archive has none).

    A wheel carries them inside the package; an editable install (a source
    checkout) has them in the repository's templates/ folder instead.
    """
    packaged = resources.files("minimax_archive") / "templates"
    if packaged.is_dir():
        return str(packaged)
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, os.pardir, "templates")


def make_environment(templates_dir: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        autoescape=True,  # by file name, an included .j2, .htm or .txt partial would print content raw
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["plural"] = plural
    return env


def pages(archive: Archive, themes: ThemeMap, now: str = "") -> list[Page]:
    """Every page of the site, in a stable order; ``now`` (RFC 3339) dates undated feed entries."""
    out = [entry_page(archive)]
    for lang in archive.config.languages:
        out += home_pages(archive, lang)
        out += [interview_page(archive, i, lang, themes) for i in archive.interviews]
        out += bilingual_pages(archive, lang)
        out += theme_pages(archive, lang, themes)
        out.append(search_page(archive, lang, themes))
    out = with_head(archive, out)
    if archive.config.base_url:  # feeds and sitemaps are made of absolute URLs (see discovery.py)
        out += [feed_page(archive, lang, now) for lang in archive.config.languages]
        out.append(sitemap_page(archive, out))
    out.append(not_found_page(archive))
    return out


def render_site(archive: Archive, themes: ThemeMap, templates_dir: str) -> dict[str, str]:
    """Render every page; template errors become a BuildError naming the template and line."""
    return dict(render_pages(archive, themes, templates_dir))


def render_pages(archive: Archive, themes: ThemeMap, templates_dir: str) -> Iterator[tuple[str, str]]:
    """Render page after page as (path, text), so the caller can write each one, or stop, between pages."""
    env = make_environment(templates_dir)
    for page in pages(archive, themes, build_time()):
        try:
            text = env.get_template(page.template).render(page.context)
        except jinja2.TemplateSyntaxError as exc:
            raise BuildError(f"{exc.filename or page.template}:{exc.lineno}: template error: {exc.message}") from None
        except jinja2.TemplateNotFound as exc:
            raise BuildError(f"{templates_dir}: template {exc.name!r} not found "
                             "(copy it from the package's templates, or remove the folder to use them)") from None
        except Exception as exc:  # noqa: BLE001  undefined names, bad filters: never a traceback
            where = _template_position(exc, templates_dir) or page.template
            raise BuildError(f"{where}: template error: {type(exc).__name__}: {exc} "
                             f"(while rendering {page.path})") from None
        yield page.path, text
    for lang in archive.config.languages:  # the search page's theme lists (JSON, no template)
        yield from theme_answer_files(archive, lang, themes).items()
    yield "robots.txt", robots_txt(archive.config)
    yield from data_files(archive, themes).items()


def _template_position(exc: BaseException, templates_dir: str) -> str | None:
    """``path:line`` of the innermost template frame of an error raised while rendering (Jinja puts
    the template file and line into the traceback), or None when there is none."""
    root = os.path.abspath(templates_dir) + os.sep
    frames = [frame for frame in traceback.extract_tb(exc.__traceback__)
              if frame.filename and os.path.abspath(frame.filename).startswith(root)]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else None


def asset_files(templates_dir: str) -> dict[str, str]:
    """Static files to copy: site path -> source file."""
    folder = os.path.join(templates_dir, "assets")
    if not os.path.isdir(folder):
        return {}
    return {f"assets/{name}": os.path.join(folder, name) for name in sorted(os.listdir(folder))
            if os.path.isfile(os.path.join(folder, name))}
