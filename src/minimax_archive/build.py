"""The build, as a recipe: settings -> (per interview: read, theme, render, write | index) -> the pages made
from the whole archive -> copy files -> swap."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

from .cancel import Cancel, Cancelled
from .dates import build_time
from .discovery import without_base_url
from .errors import BuildError, ContentError, Problem
from .incremental import BuildCache, bundle_key, cache_path, page_key, settings_key
from .loader import Frame, archive_order, load_archive, open_archive
from .model import Archive
from .pagefind_cli import (
    available_memory,
    default_timeout,
    document_file,
    index_language,
    memory_needed,
    one_at_a_time,
    pagefind_binary,
    timeout_from_environment,
)
from .render import Collected, Renderer, asset_files, closing_pages, global_pages, shipped_templates, site_files
from .units import Context, Unit, make_unit, reused
from .views import Page
from .workers import Workers, parallel_map
from .write import (
    Staging,
    check_out,
    commit,
    discard,
    discard_folder,
    disk_errors,
    link_or_copy,
    locked,
    scratch,
    stage,
    static_files,
)


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
    # Read, check, render and index, into a staging folder; then swap it in: a failure
    # at any step (a content error in any interview too) leaves the previous site
    # exactly as it was. The lock keeps a second build out; taking it also cleans up
    # after a build that was killed.
    with locked(out):
        staging, work = stage(out), ""
        try:
            work = scratch(out)
            # Without the cache, a throwaway one in the work folder holds this build's search documents.
            store = BuildCache(cache_dir or cache_path(out), previous or out) if cache else \
                BuildCache(os.path.join(work, "cache"), out)
            job = _Job(frame, Renderer(templates_dir), staging, work, frame.config.languages if search else (),
                       binary, timeout, store, cache)
            pages = job.run()
            for rel, source in [*asset_files(templates_dir).items(), *statics.items()]:
                if staging.written(rel):
                    raise BuildError(f"{source}: the build writes {rel} itself (rename this file)")
                staging.copy(rel, source)
            commit(staging)  # carries the user's own files (CNAME, .git, ...) into the new site
        except BaseException:
            discard(staging)
            raise
        finally:
            if work:
                discard_folder(work)
        if cache:
            store.save(job.settings, {u.slug: u.record() for u in job.units}, job.bundles, job.pages)
    notes = tuple(n for n in [without_base_url(frame.config), *job.notes] if n)
    return BuildResult(pages, sum(u.answers for u in job.units) if search else 0, job.warnings,
                       time.perf_counter() - started, notes, len(job.units), sum(u.reused for u in job.units))


class _Job:
    """Reading, rendering and indexing one build into its staging folder.

    The interview folders go to worker processes, one per core (``units.py``),
    which write each interview's pages into the staging folder, save its search
    documents in the cache and send back what the rest needs. Then each
    language's bundle is taken from the last build when none of its documents
    changed; otherwise its documents are laid out at their pages' paths in the
    work folder and Pagefind's command line indexes them, one process per
    language. While it does, the pages made from the whole archive are
    rendered here, from the interviews' summaries (a page whose data did not
    change is linked from the last build). The first error anywhere stops the rest at
    once: an error in a page kills the Pagefind processes, and an indexing
    error (or Pagefind at its deadline) stops the rendering. Content errors are
    collected from every interview and reported together at the end, as
    ``check`` reports them.
    """

    def __init__(self, frame: Frame, renderer: Renderer, staging: Staging, work: str, languages: Sequence[str],
                 binary: str, timeout: float | None, store: BuildCache, reuse: bool):
        self.frame, self.renderer, self.staging, self.work = frame, renderer, staging, work
        self.binary, self.timeout, self.store = binary, timeout, store
        self.archive = Archive(frame.config, ())
        self.languages = tuple(languages)
        self.settings = settings_key(self.archive, renderer.templates_dir)
        self.reuse = reuse
        """A build with the cache: it reads the last build's and leaves its own for the next."""
        if reuse:
            store.load(self.settings)
        self.cancel = Cancel()
        self.units: list[Unit] = []
        """Every interview, in archive order once :meth:`run` is done."""
        self.bundles: dict[str, dict[str, Any]] = {}
        """Per language: its bundle's key and files, for the next build."""
        self.warnings: list[Problem] = []
        self.notes: list[str] = []
        """What the build did differently and why, for the CLI to say."""
        self.pages: dict[str, str] = {}
        """The key of each page made from the whole archive (incremental.page_key)."""
        self.count = 0

    def run(self) -> int:
        """Everything but the assets; the number of pages."""
        cancel, archive = self.cancel, self.archive
        context = Context(archive, self.frame.folders, self.frame.known_themes, self.settings, self.renderer,
                          self.staging, self.languages, self.store)
        indexing: list[Future[None]] = []
        # The workers fork first: a process must not fork while it runs other threads.
        with Workers(lambda item: make_unit(context, item), len(self.frame.folders)) as workers, \
                ThreadPoolExecutor(max_workers=max(1, len(self.languages))) as pool:
            try:
                units = []
                for unit in workers.results():
                    cancel.check()
                    if unit.reused:
                        unit = reused(unit, self.store)
                    units.append(unit)
                    if unit.failed:
                        continue
                    if unit.reused:
                        self.staging.link_all(unit.files, self.store.previous)
                    else:
                        self.staging.adopt(unit.files)
                    self.count += sum(rel.endswith(".html") for rel in unit.files)
                problems = [*self.frame.problems.items, *(p for u in units for p in u.problems)]
                if any(not p.warning for p in problems):
                    raise ContentError(problems)
                self.warnings = [p for p in problems if p.warning]
                self.units = archive_order(units, lambda u: u.slug, lambda u: u.entry.get("date"))
                by_slug = sorted(self.units, key=lambda u: u.slug)
                jobs = {lang: documents for lang in self.languages
                        if (documents := self._documents(lang, by_slug)) is not None}
                # Only two or more languages to index can be too many at once: then their documents' sizes.
                sizes = {lang: sum(os.path.getsize(self.store.doc_path(k)) for _, k in documents)
                         for lang, documents in jobs.items()} if len(jobs) > 1 else {}
                needed = [memory_needed(n) for n in sizes.values()]
                available = available_memory() if sizes else None
                if one_at_a_time(needed, available):  # the largest first: the peak is the same, the wait shorter
                    assert available is not None
                    self.notes.append(f"the search indexes were made one after the other: together they need "
                                      f"about {_size(sum(needed))} of memory, and {_size(available)} is free")
                    order = sorted(jobs, key=lambda lang: -sizes[lang])
                    indexing.append(pool.submit(self._index_in_turn, [(lang, jobs[lang]) for lang in order]))
                else:
                    indexing += [pool.submit(self.index, lang, documents) for lang, documents in jobs.items()]
                # While Pagefind indexes: the pages made from the whole archive, from the summaries.
                collected = Collected([u.summaries for u in self.units], [u.entry for u in self.units],
                                      [u.sitemap for u in self.units])
                site_pages = global_pages(archive, collected)
                for rel, text in site_files(self._render, archive, site_pages, collected):
                    if text is not None:
                        self.write(rel, text)
                for page in closing_pages(archive, site_pages, collected, build_time()):
                    if (text := self._render(page)) is not None:
                        self.write(page.path, text)
                wait(indexing)
            except BaseException as exc:
                cancel.fail(exc)  # kills the Pagefind processes, so the pool's threads end at once
                if isinstance(exc, Cancelled) and cancel.error is not None:
                    raise cancel.error from None
                raise
        if cancel.error is not None:
            raise cancel.error
        return self.count

    def _documents(self, lang: str, by_slug: list[Unit]) -> list[tuple[str, str]] | None:
        """Link the last build's bundle of ``lang`` if none of its documents changed (None), else
        the documents to index: (slug, document key), in slug order."""
        keys = [(u.slug, u.doc_keys[lang]) for u in by_slug if lang in u.doc_keys]
        key = bundle_key(self.settings, self.binary, lang, [k for _, k in keys])
        self.bundles[lang] = {"key": key}
        files = self.store.bundle(lang, key)
        if files is None:
            return keys
        self.staging.link_all(files, self.store.previous)
        self.bundles[lang]["files"] = files
        return None

    def index(self, lang: str, documents: list[tuple[str, str]]) -> None:
        """Lay the documents out at their pages' paths, in slug order (Pagefind numbers pages in the
        order it finds them), index them, and move the bundle into the staging folder."""
        try:
            site = os.path.join(self.work, lang)
            with disk_errors(self.staging.out):
                os.makedirs(site)
                for slug, doc in documents:
                    self.cancel.check()
                    target = os.path.join(site, document_file(lang, slug))
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    link_or_copy(self.store.doc_path(doc), target)
            timeout = self.timeout or default_timeout(len(documents))
            made, moved = index_language(site, os.path.join(self.work, f"{lang}-bundle"), lang, len(documents),
                                         self.binary, timeout, self.cancel)
            for rel, data in made.items():
                self.cancel.check()
                self.staging.write_bytes(rel, data)
            for rel, path in moved.items():
                self.cancel.check()
                self.staging.link(rel, path)
            self.bundles[lang]["files"] = sorted([*made, *moved])
        except BaseException as exc:
            self.cancel.fail(exc)
            raise

    def _index_in_turn(self, jobs: list[tuple[str, list[tuple[str, str]]]]) -> None:
        for lang, documents in jobs:
            self.index(lang, documents)

    def _render(self, page: Page) -> str | None:
        """A page made from the whole archive: linked from the last build if made from the same data
        (then None), else rendered."""
        key = page_key(page) if self.reuse else None  # without the cache, nothing to compare with or keep
        if key is not None:
            self.pages[page.path] = key
            if self.store.page(page.path, key):
                self.cancel.check()
                self.staging.link(page.path, self.store.previous_file(page.path))
                self.count += 1
                return None
        return self.renderer.render(page)

    def write(self, rel: str, text: str) -> None:
        self.cancel.check()
        self.staging.write_text(rel, text)
        self.count += rel.endswith((".html", ".xml"))


def _size(count: int) -> str:
    return f"{count / 2**30:.1f} GB" if count >= 2**30 else f"{count / 2**20:.0f} MB"
