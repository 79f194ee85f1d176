"""The build, as a recipe: load -> themes -> (render and write | index) -> copy files -> swap."""

from __future__ import annotations

import os
import queue
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

from .cancel import Cancel, Cancelled
from .dates import build_time
from .discovery import without_base_url
from .errors import BuildError, Problem
from .loader import load_archive
from .model import Archive, ThemeMap
from .pagefind_service import timeout_from_environment
from .render import Renderer, asset_files, closing_pages, global_pages, render_interview, shipped_templates, site_files
from .search import SearchDocument, index_language, pagefind_binary
from .themes import assign
from .workers import Workers, parallel_map
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
    archive, warnings = load_archive(content, base_url, parallel_map)
    themes = assign(archive, parallel_map)
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
    """Render and write the site while each language is indexed in its own thread; return the page count.

    The interviews are rendered by worker processes, one per core
    (``workers.py``), each writing its files into the staging folder and sending
    back its search documents, which go to the Pagefind processes in archive
    order while the rest are still being rendered. The pages made from the
    whole archive are rendered here. The first error anywhere stops the rest at
    once: a template error kills the Pagefind processes and the workers, and an
    indexing error (or a hung Pagefind at its deadline) stops the rendering.
    """
    cancel = Cancel()
    renderer = Renderer(templates_dir)
    documents: dict[str, queue.Queue[object]] = {lang: queue.Queue(maxsize=256) for lang in languages}

    def render(item: int) -> tuple[list[str], dict[str, list[dict[str, Any]]], dict[str, SearchDocument]]:
        output = render_interview(renderer, archive, themes, archive.interviews[item], bool(languages))
        for rel, text in output.files:
            staging.put_text(rel, text)
        return [rel for rel, _ in output.files], output.sitemap, output.search

    def index(lang: str) -> None:
        try:
            bundle = index_language(_drain(documents[lang], cancel), lang, binary, timeout, cancel)
            for rel, data in bundle.items():
                cancel.check()
                staging.write_bytes(rel, data)
        except BaseException as exc:
            cancel.fail(exc)
            raise

    count = 0

    def write(rel: str, text: str) -> None:
        nonlocal count
        cancel.check()
        staging.write_text(rel, text)
        count += rel.endswith((".html", ".xml"))

    # The workers fork first: a process must not fork while it runs other threads.
    with Workers(render, len(archive.interviews)) as workers, \
            ThreadPoolExecutor(max_workers=max(1, len(languages))) as pool:
        try:
            jobs = [pool.submit(index, lang) for lang in languages]
            site_pages = global_pages(archive, themes)
            for rel, text in site_files(renderer, archive, themes, site_pages):  # while the workers work
                write(rel, text)
            sitemaps = []
            for rels, sitemap, docs in workers.results():
                cancel.check()
                staging.adopt(rels)
                count += sum(rel.endswith(".html") for rel in rels)
                sitemaps.append(sitemap)
                for lang, doc in docs.items():
                    _put(documents[lang], doc, cancel)
            for lang in languages:
                _put(documents[lang], _END, cancel)
            for page in closing_pages(archive, site_pages, sitemaps, build_time()):
                write(page.path, renderer.render(page))
            wait(jobs)
        except BaseException as exc:
            cancel.fail(exc)  # stops the Pagefind processes, so the pool's threads end at once
            if isinstance(exc, Cancelled) and cancel.error is not None:
                raise cancel.error from None
            raise
    if cancel.error is not None:
        raise cancel.error
    return count


_END = object()
"""The end of a language's documents."""


def _put(documents: queue.Queue[object], item: object, cancel: Cancel) -> None:
    while True:
        cancel.check()
        try:
            documents.put(item, timeout=0.2)
            return
        except queue.Full:
            continue


def _drain(documents: queue.Queue[object], cancel: Cancel) -> Iterator[SearchDocument]:
    while True:
        try:
            item = documents.get(timeout=0.2)
        except queue.Empty:
            cancel.check()
            continue
        if item is _END:
            return
        assert isinstance(item, SearchDocument)
        yield item
