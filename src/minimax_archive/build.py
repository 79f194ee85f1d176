"""The build, as a recipe: load -> themes -> (render and write | index) -> copy files -> swap."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass

from .cancel import Cancel
from .discovery import without_base_url
from .errors import BuildError, Problem
from .loader import load_archive
from .model import Archive, ThemeMap
from .pagefind_service import timeout_from_environment
from .render import asset_files, render_pages, shipped_templates
from .search import index_language, pagefind_binary
from .themes import assign
from .write import Staging, check_out, commit, discard, locked, stage, static_files


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build did, for the CLI to report."""

    pages: int
    """HTML and XML files written (pages, feeds, sitemap; not the JSON data)."""
    answers: int
    """Answers indexed for search (0 with --no-search)."""
    warnings: list[Problem]
    """Problems that did not stop the build."""
    seconds: float
    """Wall-clock time of the whole build."""
    notes: tuple[str, ...] = ()
    """What the build left out and why (said once, e.g. no base_url: no feeds)."""


def resolve_templates(templates: str | None) -> str:
    """An explicit --templates folder, else ./templates if present, else the package's own."""
    if templates is not None:
        if not os.path.isdir(templates):
            raise BuildError(f"{templates}: templates folder not found")
        return templates
    return "templates" if os.path.isdir("templates") else shipped_templates()


def build(content: str, out: str, templates: str | None = None, base_url: str | None = None,
          search: bool = True) -> BuildResult:
    """Build the site from ``content`` into ``out``; on any error ``out`` is left untouched."""
    started = time.perf_counter()
    templates_dir = resolve_templates(templates)
    check_out(out, content)  # before any work: a wrong --out is not worth a full build
    binary = pagefind_binary() if search else ""  # missing Pagefind is an error now, not a surprise later
    timeout = timeout_from_environment()
    # 1. Load and check all content. Every problem is reported here, before anything is written.
    archive, warnings = load_archive(content, base_url)
    themes = assign(archive)
    statics = static_files(content)
    # 2. Write to a staging folder and index there, then swap it in: a failure at any
    #    step leaves the previous site exactly as it was. The lock keeps a second
    #    build out; taking it also cleans up after a build that was killed.
    with locked(out):
        staging = stage(out)
        try:
            pages = _render_and_index(archive, themes, templates_dir, staging,
                                      archive.config.languages if search else (), binary, timeout)
            for rel, source in [*asset_files(templates_dir).items(), *statics.items()]:
                if staging.written(rel):
                    raise BuildError(f"{source}: the build writes {rel} itself (rename this file)")
                staging.copy(rel, source)
            commit(staging)  # carries the user's own files (CNAME, .git, ...) into the new site
        except BaseException:
            discard(staging)
            raise
    notes = tuple(n for n in [without_base_url(archive.config)] if n)
    return BuildResult(pages, archive.answer_count if search else 0, warnings, time.perf_counter() - started,
                       notes)


def _render_and_index(archive: Archive, themes: ThemeMap, templates_dir: str, staging: Staging,
                      languages: Sequence[str], binary: str, timeout: float) -> int:
    """Render and write the pages here while each language is indexed in its own thread; return the page count.

    Indexing needs only the archive, so Pagefind runs while Python renders.
    The first error on either side stops the other at once: a template error
    kills the Pagefind processes, and an indexing error (or a hung Pagefind at
    its deadline) stops the rendering before its next page.
    """
    cancel = Cancel()

    def index(lang: str) -> None:
        try:
            for rel, data in index_language(archive, themes, lang, binary, timeout, cancel).items():
                cancel.check()
                staging.write_bytes(rel, data)
        except BaseException as exc:
            cancel.fail(exc)
            raise

    count = 0
    with ThreadPoolExecutor(max_workers=max(1, len(languages))) as pool:
        try:
            jobs = [pool.submit(index, lang) for lang in languages]
            for path, text in render_pages(archive, themes, templates_dir):
                if cancel.is_set():
                    break
                staging.write_text(path, text)
                count += path.endswith((".html", ".xml"))
            wait(jobs)
        except BaseException as exc:
            cancel.fail(exc)  # stops the Pagefind processes, so the pool's threads end at once
            raise
    if cancel.error is not None:
        raise cancel.error
    return count
