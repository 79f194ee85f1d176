"""The build, as a recipe: load -> themes -> render -> write -> index -> swap."""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from .discovery import without_base_url
from .errors import BuildError, Problem
from .loader import load_archive
from .render import asset_files, render_site, shipped_templates
from .search import pagefind_binary, write_index
from .themes import assign
from .write import commit, discard, stage, write_files


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build did, for the CLI to report."""

    pages: int
    """HTML and XML files written (pages, feeds, sitemap; not the data/ JSON)."""
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
    if search:
        pagefind_binary()  # before any work: missing Pagefind is a build error, not a surprise later
    # 1. Load and check all content. Every problem is reported here, before anything is written.
    archive, warnings = load_archive(content, base_url)
    themes = assign(archive)
    # 2. Write to a staging folder and index it there, then swap it in: a failure
    #    at any step leaves the previous site exactly as it was. Indexing needs
    #    only the archive, so Pagefind runs while Python renders and writes.
    staging = stage(out)
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            indexing = pool.submit(write_index, staging, archive, themes) if search else None
            files = render_site(archive, themes, templates_dir)
            write_files(staging, files, asset_files(templates_dir))
            if indexing is not None:
                indexing.result()
        commit(staging, out)
    except BaseException:
        discard(staging)
        raise
    notes = tuple(n for n in [without_base_url(archive.config)] if n)
    pages = sum(path.endswith((".html", ".xml")) for path in files)
    return BuildResult(pages, archive.answer_count if search else 0, warnings, time.perf_counter() - started,
                       notes)
