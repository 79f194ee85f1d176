"""One interview through the whole build, in a worker process: read, check, theme, render, write.

Each interview folder is a unit of work that needs nothing from the others
(the archive's settings aside), so the build hands the folders to one worker
process per core. A worker reads and checks the folder, finds its themes,
renders its pages straight into the staging folder, saves its search documents
in the cache's folder and sends back only what the rest of the build needs:
its problems, what the pages made from the whole archive show of it (its
summaries, data entry and sitemap entries) and its search documents' keys. No
process ever holds the whole archive's texts. When the interview did not change
since the last build (its folder's fingerprint gives the same key), the worker
does not even parse it: the last build's record stands for it, and its files
are linked from that build. The worker then sends back only that it is reused:
the build takes the record from its own copy of the cache (:func:`reused`), so
an unchanged archive's records (about 13 KB an interview) never cross between
processes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .errors import Problem
from .incremental import BuildCache, doc_key, unit_key
from .loader import fingerprint, load_one
from .model import Archive, Interview, ThemeMap
from .render import Renderer, render_interview
from .summaries import Summary
from .themes import assigner
from .write import Staging


@dataclass
class Unit:
    """What one interview gives the build."""

    slug: str
    problems: list[Problem]
    """Its errors and warnings (with an error, nothing else is filled in)."""
    key: str = ""
    """The key of its pages (incremental.unit_key)."""
    files: list[str] = field(default_factory=list)
    """The site files it is: written by the worker, or to link from the last build (``reused``)."""
    reused: bool = False
    sitemap: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    summaries: dict[str, Summary] = field(default_factory=dict)
    entry: dict[str, Any] = field(default_factory=dict)
    """Its entry in the data index; its ``date`` orders the archive."""
    answers: int = 0
    """Q&As in all its texts."""
    doc_keys: dict[str, str] = field(default_factory=dict)
    """Language -> the key of its search document there (saved in the cache's ``docs/``)."""
    indexed: tuple[str, ...] = ()
    """The languages its documents were made for (``doc_keys`` is complete for these)."""

    @property
    def failed(self) -> bool:
        return any(not p.warning for p in self.problems)

    def record(self) -> dict[str, Any]:
        """What the next build needs of it (incremental.py keeps it)."""
        return {"key": self.key, "files": self.files, "sitemap": self.sitemap, "summaries": self.summaries,
                "entry": self.entry, "answers": self.answers, "doc_keys": self.doc_keys,
                "indexed": self.indexed,
                "warnings": [p for p in self.problems if p.warning]}


@dataclass
class Context:
    """Everything a worker needs, set up before the workers are forked."""

    archive: Archive
    """The settings (``interviews`` is empty: no process holds them all)."""
    folders: list[tuple[str, str]]
    known_themes: set[str] | None
    settings: str
    """incremental.settings_key."""
    renderer: Renderer
    staging: Staging
    search: tuple[str, ...]
    """The languages indexed for search (none with --no-search)."""
    store: BuildCache
    """The last build's records (none in a cold build), and where search documents are saved."""
    themes_of: Callable[[Interview], ThemeMap] = field(init=False)
    """The archive's theme matcher (themes.assigner), compiled once for every interview."""

    def __post_init__(self) -> None:
        self.themes_of = assigner(self.archive.config)


def make_unit(context: Context, item: int) -> Unit:
    """Interview folder ``item`` through the build (see the module's docstring)."""
    folder, slug = context.folders[item]
    config = context.archive.config
    found = fingerprint(folder, slug, config.languages, context.known_themes)
    key = unit_key(context.settings, slug, found[0])
    store = context.store
    if store.reusable(slug, key, context.search) is not None:
        return Unit(slug, [], key, reused=True)  # a placeholder: see reused()
    interview, problems = load_one(folder, slug, config.languages, context.known_themes, found)
    if interview is None or any(not p.warning for p in problems):
        return Unit(slug, problems)
    themes = context.themes_of(interview)
    output = render_interview(context.renderer, context.archive, themes, interview, bool(context.search))
    for rel, text in output.files:
        context.staging.put_text(rel, text)
    doc_keys = {lang: doc_key(context.settings, interview, themes, lang) for lang in output.search}
    for lang, doc in output.search.items():
        store.save_doc(doc_keys[lang], doc.html)
    answers = sum(len(s.items) for doc in interview.documents.values() for s in doc.sections)
    return Unit(slug, problems, key, [rel for rel, _ in output.files], False, output.sitemap, output.summaries,
                output.entry, answers, doc_keys, context.search)


def reused(unit: Unit, store: BuildCache) -> Unit:
    """The whole Unit of an interview a worker found unchanged (``unit`` is its placeholder), from the
    last build's record in ``store`` (the worker checked that its files are all there)."""
    record = store.units[unit.slug]
    return Unit(unit.slug, list(record["warnings"]), unit.key, list(record["files"]), True, record["sitemap"],
                record["summaries"], record["entry"], record["answers"], dict(record["doc_keys"]),
                tuple(record["indexed"]))
