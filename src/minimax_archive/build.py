"""The build, as a recipe: load -> themes -> (render and write | index) -> copy files -> swap."""

from __future__ import annotations

import os
import queue
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

from . import urls
from .cancel import Cancel, Cancelled
from .dates import build_time
from .discovery import without_base_url
from .errors import BuildError, Problem
from .incremental import BuildCache, Plan, cache_path, settings_key
from .loader import load_archive
from .model import Archive, ThemeMap
from .pagefind_service import timeout_from_environment
from .render import Renderer, asset_files, closing_pages, global_pages, render_interview, shipped_templates, site_files
from .search import SearchDocument, index_language, pagefind_binary
from .summaries import Summary
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
    interviews: int = 0
    """Interviews in the archive."""
    unchanged: int = 0
    """Interviews whose pages were taken from the last build (incremental.py)."""


def resolve_templates(templates: str | None) -> str:
    """An explicit --templates folder, else ./templates if present, else the package's own."""
    if templates is not None:
        if not os.path.isdir(templates):
            raise BuildError(f"{templates}: templates folder not found")
        return templates
    return "templates" if os.path.isdir("templates") else shipped_templates()


def build(content: str, out: str, templates: str | None = None, base_url: str | None = None,
          search: bool = True, cache: bool = True, cache_dir: str | None = None,
          previous: str | None = None) -> BuildResult:
    """Build the site from ``content`` into ``out``; on any error ``out`` is left untouched.

    With ``cache`` (see incremental.py), what did not change since the last build is taken
    from ``previous`` (the site being replaced; default ``out``) and ``cache_dir`` (default
    ``.<out>.cache`` beside ``out``); the output is the same either way.
    """
    started = time.perf_counter()
    templates_dir = resolve_templates(templates)
    check_out(out, content)  # before any work: a wrong --out is not worth a full build
    binary = pagefind_binary() if search else ""  # missing Pagefind is an error now, not a surprise later
    timeout = timeout_from_environment()
    store = BuildCache(cache_dir or cache_path(out), previous or out) if cache else None
    # 1. Load and check all content. Every problem is reported here, before anything is written.
    archive, warnings = load_archive(content, base_url, parallel_map, store.load_one if store else None)
    themes = assign(archive, parallel_map)
    statics = static_files(content)
    # 2. Write to a staging folder and index there, then swap it in: a failure at any
    #    step leaves the previous site exactly as it was. The lock keeps a second
    #    build out; taking it also cleans up after a build that was killed.
    with locked(out):
        staging = stage(out)
        try:
            job = _Job(archive, themes, Renderer(templates_dir), staging,
                       archive.config.languages if search else (), binary, timeout, store)
            pages = job.run()
            for rel, source in [*asset_files(templates_dir).items(), *statics.items()]:
                if staging.written(rel):
                    raise BuildError(f"{source}: the build writes {rel} itself (rename this file)")
                staging.copy(rel, source)
            commit(staging)  # carries the user's own files (CNAME, .git, ...) into the new site
        except BaseException:
            discard(staging)
            raise
        if store is not None:
            store.save(archive, job.plan, job.units, job.bundles, job.summaries)
    notes = tuple(n for n in [without_base_url(archive.config)] if n)
    return BuildResult(pages, archive.answer_count if search else 0, warnings, time.perf_counter() - started,
                       notes, len(archive.interviews), len(job.plan.reused))


_Unit = tuple[list[str], dict[str, list[dict[str, Any]]], dict[str, Summary], dict[str, SearchDocument]]
"""What one interview gives the build: files written, sitemap entries, summaries, search documents."""


class _Job:
    """Rendering and indexing one build into its staging folder.

    The interviews are rendered by worker processes, one per core
    (``workers.py``), each writing its files into the staging folder and sending
    back its search documents, which go to the Pagefind processes in archive
    order while the rest are still being rendered; interviews that did not
    change since the last build are hard-linked from it instead (``incremental.py``),
    and so is a language's search bundle when none of its documents changed.
    The pages made from the whole archive are rendered here. The first error
    anywhere stops the rest at once: a template error kills the Pagefind
    processes and the workers, and an indexing error (or a hung Pagefind at its
    deadline) stops the rendering.
    """

    def __init__(self, archive: Archive, themes: ThemeMap, renderer: Renderer, staging: Staging,
                 languages: Sequence[str], binary: str, timeout: float, store: BuildCache | None):
        self.archive, self.themes, self.renderer, self.staging = archive, themes, renderer, staging
        self.binary, self.timeout, self.store = binary, timeout, store
        self.cancel = Cancel()
        settings = settings_key(archive, renderer.templates_dir)
        self.plan = store.plan(archive, themes, settings, tuple(languages), binary) if store else \
            Plan(settings, [""] * len(archive.interviews))
        self.languages = list(languages)
        self.indexed = [lang for lang in languages if lang not in self.plan.reused_bundles]
        """The languages whose bundle is made in this build (the others are the last build's)."""
        self.todo = [n for n in range(len(archive.interviews)) if n not in self.plan.reused]
        self.units: dict[str, dict[str, Any]] = {}
        """Per interview slug: its key, files and sitemap entries, for the next build."""
        self.bundles: dict[str, list[str]] = {}
        """Per language: the files of its bundle, for the next build."""
        self.summaries: dict[str, dict[str, Summary]] = {}
        """Per interview slug: its summaries by language, for the next build."""
        self.documents: dict[str, queue.Queue[object]] = {lang: queue.Queue(maxsize=256) for lang in self.indexed}
        self.count = 0

    def render(self, item: int) -> _Unit:
        """In a worker: render the ``item``-th interview to do, write its files; what the build needs back."""
        n = self.todo[item]
        output = render_interview(self.renderer, self.archive, self.themes, self.archive.interviews[n],
                                  bool(self.languages))
        for rel, text in output.files:
            self.staging.put_text(rel, text)
        if self.store is not None:
            for lang, doc in output.search.items():
                self.store.save_doc(self.plan.doc_keys[lang][n], doc.html)
        docs = {lang: doc for lang, doc in output.search.items() if lang in self.indexed}
        return [rel for rel, _ in output.files], output.sitemap, output.summaries, docs

    def index(self, lang: str) -> None:
        try:
            bundle = index_language(_drain(self.documents[lang], self.cancel), lang, self.binary,
                                    self.timeout, self.cancel)
            for rel, data in bundle.items():
                self.cancel.check()
                self.staging.write_bytes(rel, data)
            self.bundles[lang] = list(bundle)
        except BaseException as exc:
            self.cancel.fail(exc)
            raise

    def write(self, rel: str, text: str) -> None:
        self.cancel.check()
        self.staging.write_text(rel, text)
        self.count += rel.endswith((".html", ".xml"))

    def run(self) -> int:
        """Render, link and index everything; the number of pages."""
        archive, cancel = self.archive, self.cancel
        # The workers fork first: a process must not fork while it runs other threads.
        with Workers(self.render, len(self.todo)) as workers, \
                ThreadPoolExecutor(max_workers=max(1, len(self.indexed))) as pool:
            try:
                jobs = [pool.submit(self.index, lang) for lang in self.indexed]
                for lang, files in self.plan.reused_bundles.items():
                    for rel in files:
                        self.staging.link(rel, self.store.previous_file(rel) if self.store else rel)
                    self.bundles[lang] = files
                results = workers.results()
                sitemaps, summaries = [], []
                for n, interview in enumerate(archive.interviews):
                    cancel.check()
                    rels, sitemap, summary, docs = self._reuse(n) if n in self.plan.reused else next(results)
                    if n not in self.plan.reused:
                        self.staging.adopt(rels)
                    self.count += sum(rel.endswith(".html") for rel in rels)
                    sitemaps.append(sitemap)
                    summaries.append(summary)
                    self.units[interview.slug] = {"key": self.plan.unit_keys[n], "files": rels, "sitemap": sitemap}
                    self.summaries[interview.slug] = summary
                    for lang, doc in docs.items():
                        _put(self.documents[lang], doc, cancel)
                for lang in self.indexed:
                    _put(self.documents[lang], _END, cancel)
                # While Pagefind indexes: the pages made from the whole archive, from the summaries.
                site_pages = global_pages(archive, summaries)
                for rel, text in site_files(self.renderer, archive, self.themes, site_pages, summaries):
                    self.write(rel, text)
                for page in closing_pages(archive, site_pages, sitemaps, summaries, build_time()):
                    self.write(page.path, self.renderer.render(page))
                wait(jobs)
            except BaseException as exc:
                cancel.fail(exc)  # stops the Pagefind processes, so the pool's threads end at once
                if isinstance(exc, Cancelled) and cancel.error is not None:
                    raise cancel.error from None
                raise
        if cancel.error is not None:
            raise cancel.error
        return self.count

    def _reuse(self, n: int) -> _Unit:
        """Interview ``n`` as the last build made it: its files linked, its documents from the cache."""
        assert self.store is not None
        record, interview = self.plan.reused[n], self.archive.interviews[n]
        for rel in record["files"]:
            self.staging.link(rel, self.store.previous_file(rel))
        docs = {lang: SearchDocument(urls.site_path(urls.interview(lang, interview.slug)),
                                     self.store.read_doc(self.plan.doc_keys[lang][n]))
                for lang in self.indexed if lang in interview.documents}
        return list(record["files"]), dict(record["sitemap"]), self.plan.summaries[interview.slug], docs


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
