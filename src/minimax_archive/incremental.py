"""Incremental builds: what did not change is taken from the last build, byte for byte.

A build keeps a cache folder beside its output (``.site.cache`` next to ``site/``):

```
parsed/<slug>.pickle      each interview as loaded (model and warnings), under its folder's fingerprint
docs/<key>.html           each interview's search document in one language, under its own key
summaries.pickle          what the pages made from the whole archive show of each interview (summaries.py)
state.json                per interview: the key of its pages and the files they are;
                          per language: the key of its search bundle and its files
```

The key of an interview's pages is a hash of everything they are made from:
its folder (``loader.fingerprint``), its themes, the archive's settings, the
templates and this program's own code. The next build renders only the
interviews whose key changed and hard-links the files of the others from the
site it replaces; a language's search bundle is made again only when one of its
documents changed. Pages made from the whole archive (listings, theme pages,
feeds, the sitemap, data) are rendered every time. Since everything is keyed on
what it is made from, the output is the same bytes a cold build writes
(``tests/test_incremental.py``). ``build --no-cache`` builds cold.

The cache is only ever a shortcut: a missing, unreadable or foreign cache, or
a previous site with files missing, means those parts are rendered again.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .errors import Problem
from .loader import fingerprint, load_one
from .model import Archive, Interview, ThemeMap, qa_anchor

CACHE_VERSION = 1
"""Bumped when the cache's layout changes; an older cache is ignored."""


def cache_path(out_dir: str) -> str:
    """The cache folder of an output folder: ``.site.cache`` beside ``site/``."""
    out_dir = os.path.abspath(out_dir)
    return os.path.join(os.path.dirname(out_dir), f".{os.path.basename(out_dir)}.cache")


def _hash(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def tree_hash(*folders: str) -> str:
    """A hash of every file under ``folders`` (names and bytes); bytecode caches left out."""
    digest = hashlib.sha256()
    for folder in folders:
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                path = os.path.join(root, name)
                digest.update(os.path.relpath(path, folder).encode("utf-8", "surrogateescape") + b"\0")
                with open(path, "rb") as handle:
                    digest.update(handle.read())
    return digest.hexdigest()


@dataclass
class Plan:
    """What this build can take from the last one."""

    settings: str
    """The key of everything every page depends on (settings, templates, code)."""
    unit_keys: list[str]
    """The key of each interview's pages, in archive order."""
    reused: dict[int, dict[str, Any]] = field(default_factory=dict)
    """Interview number -> its record in the last build's state (files, sitemap entries)."""
    doc_keys: dict[str, list[str]] = field(default_factory=dict)
    """Language -> the key of each interview's search document ("" without a text in it)."""
    bundles: dict[str, str] = field(default_factory=dict)
    """Language -> the key of its search bundle."""
    reused_bundles: dict[str, list[str]] = field(default_factory=dict)
    """Language -> the files of its bundle, to take from the last build."""
    summaries: dict[str, Any] = field(default_factory=dict)
    """Interview slug -> its summaries by language as the last build made them (summaries.py)."""


class BuildCache:
    """The cache of one output folder; ``previous`` is the site the last build wrote."""

    def __init__(self, folder: str, previous: str):
        self.folder = folder
        self.previous = previous

    # --- loading --------------------------------------------------------------------------------

    def load_one(self, folder: str, slug: str, languages: tuple[str, ...],
                 themes: set[str] | None) -> tuple[Interview | None, list[Problem]]:
        """``loader.load_one``, answered from the cache when the folder's fingerprint is unchanged."""
        found = fingerprint(folder, slug, languages, themes)
        key = found[0]
        path = os.path.join(self.folder, "parsed", f"{slug}.pickle")
        try:
            with open(path, "rb") as handle:
                cached_key, interview, problems = pickle.load(handle)
            if cached_key == key:
                return interview, problems
        except Exception:  # noqa: BLE001 - missing, truncated or from another version: parse again
            pass
        interview, problems = load_one(folder, slug, languages, themes, found)
        self._write(path, pickle.dumps((key, interview, problems), protocol=pickle.HIGHEST_PROTOCOL))
        return interview, problems

    # --- planning -------------------------------------------------------------------------------

    def plan(self, archive: Archive, themes: ThemeMap, settings: str, languages: tuple[str, ...],
             pagefind: str) -> Plan:
        """Which interviews' pages and which languages' bundles can be taken from the last build."""
        keys = [unit_key(settings, interview, themes) for interview in archive.interviews]
        plan = Plan(settings, keys)
        for lang in languages:
            plan.doc_keys[lang] = [doc_key(settings, interview, themes, lang) if lang in interview.documents else ""
                                   for interview in archive.interviews]
            plan.bundles[lang] = _hash(settings, pagefind, lang, [k for k in plan.doc_keys[lang] if k])
        state = self._read_state()
        if state.get("settings") != settings:
            return plan
        units = state.get("units", {})
        plan.summaries = self._read_summaries(state)
        for n, (interview, key) in enumerate(zip(archive.interviews, keys, strict=True)):
            record = units.get(interview.slug)
            if (record and record.get("key") == key and interview.slug in plan.summaries
                    and self._have(record["files"])
                    and all(os.path.isfile(self.doc_path(plan.doc_keys[lang][n]))
                            for lang in languages if lang in interview.documents)):
                plan.reused[n] = record
        bundles = state.get("bundles", {})
        for lang in languages:
            record = bundles.get(lang)
            if record and record.get("key") == plan.bundles[lang] and self._have(record["files"]):
                plan.reused_bundles[lang] = record["files"]
        return plan

    def _have(self, files: list[str]) -> bool:
        return all(os.path.isfile(os.path.join(self.previous, rel)) for rel in files)

    def previous_file(self, rel: str) -> str:
        return os.path.join(self.previous, rel)

    # --- search documents -----------------------------------------------------------------------

    def doc_path(self, key: str) -> str:
        return os.path.join(self.folder, "docs", f"{key}.html")

    def save_doc(self, key: str, html: str) -> None:
        self._write(self.doc_path(key), html.encode("utf-8"))

    def read_doc(self, key: str) -> str:
        with open(self.doc_path(key), encoding="utf-8") as handle:
            return handle.read()

    # --- after a build --------------------------------------------------------------------------

    def save(self, archive: Archive, plan: Plan, units: dict[str, dict[str, Any]],
             bundles: dict[str, list[str]], summaries: dict[str, Any]) -> None:
        """Record what this build wrote (after it is in place), and forget what it no longer uses.

        The summaries go to a pickle of their own (the largest part, and the fastest to read back),
        which the state names by a random id, so that a state is never read with another's."""
        tag = secrets.token_hex(8)
        self._write(os.path.join(self.folder, "summaries.pickle"),
                    pickle.dumps((tag, summaries), protocol=pickle.HIGHEST_PROTOCOL))
        state = {"version": CACHE_VERSION, "settings": plan.settings, "summaries": tag, "units": units,
                 "bundles": {lang: {"key": plan.bundles[lang], "files": files} for lang, files in bundles.items()}}
        self._write(os.path.join(self.folder, "state.json"),
                    json.dumps(state, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        keys = {key for per_lang in plan.doc_keys.values() for key in per_lang}
        slugs = {interview.slug for interview in archive.interviews}
        self._forget("docs", lambda name: name.split(".", 1)[0] in keys)
        self._forget("parsed", lambda name: name.rsplit(".", 1)[0] in slugs)

    def _forget(self, sub: str, keep: Callable[[str], bool]) -> None:
        try:
            names = os.listdir(os.path.join(self.folder, sub))
        except OSError:
            return
        for name in names:
            if not keep(name):
                try:
                    os.unlink(os.path.join(self.folder, sub, name))
                except OSError:
                    pass

    def _read_summaries(self, state: dict[str, Any]) -> dict[str, Any]:
        try:
            with open(os.path.join(self.folder, "summaries.pickle"), "rb") as handle:
                tag, summaries = pickle.load(handle)
        except Exception:  # noqa: BLE001 - missing or damaged: those interviews are rendered again
            return {}
        return summaries if tag == state.get("summaries") and isinstance(summaries, dict) else {}

    def _read_state(self) -> dict[str, Any]:
        try:
            with open(os.path.join(self.folder, "state.json"), encoding="utf-8") as handle:
                state = json.load(handle)
        except (OSError, ValueError):
            return {}
        return state if isinstance(state, dict) and state.get("version") == CACHE_VERSION else {}

    def _write(self, path: str, data: bytes) -> None:
        """Write a cache file whole or not at all (a cache must never hold half a file)."""
        temporary = f"{path}.{os.getpid()}.tmp"
        try:
            try:
                handle = open(temporary, "wb")
            except FileNotFoundError:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                handle = open(temporary, "wb")
            with handle:
                handle.write(data)
            os.replace(temporary, path)
        except OSError:  # a full disk costs the shortcut, not the build
            try:
                os.unlink(temporary)
            except OSError:
                pass


def unit_key(settings: str, interview: Interview, themes: ThemeMap) -> str:
    """The key of an interview's pages: its folder's fingerprint, its themes and the build's settings."""
    return _hash(settings, interview.slug, interview.fingerprint, _own_themes(interview, themes))


def _own_themes(interview: Interview, themes: ThemeMap) -> list[tuple[str, tuple[str, ...]]]:
    anchors = sorted({qa_anchor(s, q) for doc in interview.documents.values() for s in doc.sections for q in s.items})
    return [(anchor, themes[(interview.slug, anchor)]) for anchor in anchors if (interview.slug, anchor) in themes]


def doc_key(settings: str, interview: Interview, themes: ThemeMap, lang: str) -> str:
    """The key of an interview's search document in ``lang``: that text, meta.yaml and its themes
    (which a change to the other language's text can change too)."""
    return _hash(settings, interview.slug, lang, interview.digests.get(f"{lang}.txt"),
                 interview.digests.get("meta.yaml"), _own_themes(interview, themes))


def settings_key(archive: Archive, templates_dir: str) -> str:
    """The key of what every page depends on: the settings, the templates and this program's code."""
    code = os.path.dirname(os.path.abspath(__file__))
    return _hash(CACHE_VERSION, repr(archive.config), tree_hash(code, templates_dir))
