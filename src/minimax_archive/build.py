"""The build, as a recipe: settings -> (per interview: read, theme, render, write | index) -> the pages made
from the whole archive -> copy files -> swap."""

from __future__ import annotations

import os
import queue
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

from . import urls
from .cancel import Cancel, Cancelled
from .dates import build_time
from .discovery import without_base_url
from .errors import BuildError, ContentError, Problem
from .incremental import BuildCache, bundle_key, cache_path, settings_key
from .loader import Frame, archive_order, load_archive, open_archive
from .model import Archive
from .pagefind_service import timeout_from_environment
from .render import Collected, Renderer, asset_files, closing_pages, global_pages, shipped_templates, site_files
from .search import SearchDocument, index_language, pagefind_binary
from .units import Context, Unit, make_unit
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
    frame = open_archive(content, base_url)
    if frame.problems.errors:  # archive.yaml or the folders are wrong: report them with every other problem
        load_archive(content, base_url, parallel_map)
    statics = static_files(content)
    store = BuildCache(cache_dir or cache_path(out), previous or out) if cache else None
    # Read, check, render and index, into a staging folder; then swap it in: a failure
    # at any step (a content error in any interview too) leaves the previous site
    # exactly as it was. The lock keeps a second build out; taking it also cleans up
    # after a build that was killed.
    with locked(out):
        staging = stage(out)
        try:
            job = _Job(frame, Renderer(templates_dir), staging, frame.config.languages if search else (),
                       binary, timeout, store)
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
            store.save(job.settings, {u.slug: u.record() for u in job.units}, job.bundles)
    notes = tuple(n for n in [without_base_url(frame.config)] if n)
    return BuildResult(pages, sum(u.answers for u in job.units) if search else 0, job.warnings,
                       time.perf_counter() - started, notes, len(job.units), sum(u.reused for u in job.units))


class _Job:
    """Reading, rendering and indexing one build into its staging folder.

    The interview folders go to worker processes, one per core (``units.py``),
    which write each interview's pages into the staging folder and send back
    what the rest needs. A cold build sends each search document on to its
    language's Pagefind process as it comes, while the rest are still being
    rendered; an incremental build first learns every document's key, then
    takes a language's bundle from the last build when none changed, or indexes
    it from the cached documents. The pages made from the whole archive are
    rendered here, from the interviews' summaries. The first error anywhere
    stops the rest at once: a template error kills the Pagefind processes and
    the workers, and an indexing error (or a hung Pagefind at its deadline)
    stops the rendering. Content errors are collected from every interview and
    reported together at the end, as ``check`` reports them.
    """

    def __init__(self, frame: Frame, renderer: Renderer, staging: Staging, languages: Sequence[str],
                 binary: str, timeout: float, store: BuildCache | None):
        self.frame, self.renderer, self.staging = frame, renderer, staging
        self.binary, self.timeout, self.store = binary, timeout, store
        self.archive = Archive(frame.config, ())
        self.languages = tuple(languages)
        self.settings = settings_key(self.archive, renderer.templates_dir)
        if store is not None:
            store.load(self.settings)
        self.stream = store is None or not store.state
        """Cold: every language is indexed, its documents sent to Pagefind as they come."""
        self.cancel = Cancel()
        self.units: list[Unit] = []
        """Every interview, in archive order once :meth:`run` is done."""
        self.bundles: dict[str, dict[str, Any]] = {}
        """Per language: its bundle's key and files, for the next build."""
        self.warnings: list[Problem] = []
        self.documents: dict[str, queue.Queue[object]] = {lang: queue.Queue(maxsize=256) for lang in self.languages}
        self.count = 0

    def run(self) -> int:
        """Everything but the assets; the number of pages."""
        cancel, archive = self.cancel, self.archive
        context = Context(archive, self.frame.folders, self.frame.known_themes, self.settings, self.renderer,
                          self.staging, self.languages, self.stream and bool(self.languages), self.store)
        indexing: dict[str, Future[None]] = {}
        # The workers fork first: a process must not fork while it runs other threads.
        with Workers(lambda item: make_unit(context, item), len(self.frame.folders)) as workers, \
                ThreadPoolExecutor(max_workers=max(1, len(self.languages))) as pool:
            try:
                if self.stream:
                    indexing = {lang: pool.submit(self.index, lang) for lang in self.languages}
                units = []
                for unit in workers.results():
                    cancel.check()
                    units.append(unit)
                    if unit.failed:
                        continue
                    if unit.reused and self.store is not None:
                        self.staging.link_all(unit.files, self.store.previous)
                    else:
                        self.staging.adopt(unit.files)
                    self.count += sum(rel.endswith(".html") for rel in unit.files)
                    for lang, doc in unit.docs.items():
                        _put(self.documents[lang], doc, cancel)
                problems = [*self.frame.problems.items, *(p for u in units for p in u.problems)]
                if any(not p.warning for p in problems):
                    raise ContentError(problems)
                self.warnings = [p for p in problems if p.warning]
                self.units = archive_order(units, lambda u: u.slug, lambda u: u.entry.get("date"))
                by_slug = sorted(self.units, key=lambda u: u.slug)  # Pagefind's order: the folders'
                if not self.stream:
                    indexing = self._index_changed(by_slug, pool)
                else:
                    for lang in self.languages:
                        _put(self.documents[lang], _END, cancel)
                        self.bundles[lang] = {"key": bundle_key(self.settings, self.binary, lang, _keys(by_slug, lang))}
                # While Pagefind indexes: the pages made from the whole archive, from the summaries.
                collected = Collected([u.summaries for u in self.units], [u.entry for u in self.units],
                                      [u.sitemap for u in self.units])
                site_pages = global_pages(archive, collected)
                for rel, text in site_files(self.renderer, archive, site_pages, collected):
                    self.write(rel, text)
                for page in closing_pages(archive, site_pages, collected, build_time()):
                    self.write(page.path, self.renderer.render(page))
                wait(list(indexing.values()))
            except BaseException as exc:
                cancel.fail(exc)  # stops the Pagefind processes, so the pool's threads end at once
                if isinstance(exc, Cancelled) and cancel.error is not None:
                    raise cancel.error from None
                raise
        if cancel.error is not None:
            raise cancel.error
        return self.count

    def _index_changed(self, by_slug: list[Unit], pool: ThreadPoolExecutor) -> dict[str, Future[None]]:
        """Incremental: link each language's bundle that did not change; index the others from the cache."""
        assert self.store is not None
        jobs = {}
        for lang in self.languages:
            keys = _keys(by_slug, lang)
            key = bundle_key(self.settings, self.binary, lang, keys)
            files = self.store.bundle(lang, key)
            self.bundles[lang] = {"key": key}
            if files is not None:
                self.staging.link_all(files, self.store.previous)
                self.bundles[lang]["files"] = files
                continue
            jobs[lang] = pool.submit(self.index, lang)
            store = self.store
            for unit in by_slug:
                if lang in unit.doc_keys:
                    doc = SearchDocument(urls.site_path(urls.interview(lang, unit.slug)),
                                         store.read_doc(unit.doc_keys[lang]))
                    _put(self.documents[lang], doc, self.cancel)
            _put(self.documents[lang], _END, self.cancel)
        return jobs

    def index(self, lang: str) -> None:
        try:
            bundle = index_language(_drain(self.documents[lang], self.cancel), lang, self.binary,
                                    self.timeout, self.cancel)
            for rel, data in bundle.items():
                self.cancel.check()
                self.staging.write_bytes(rel, data)
            self.bundles.setdefault(lang, {})["files"] = list(bundle)
        except BaseException as exc:
            self.cancel.fail(exc)
            raise

    def write(self, rel: str, text: str) -> None:
        self.cancel.check()
        self.staging.write_text(rel, text)
        self.count += rel.endswith((".html", ".xml"))


def _keys(units: list[Unit], lang: str) -> list[str]:
    return [u.doc_keys[lang] for u in units if lang in u.doc_keys]


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
