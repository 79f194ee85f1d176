"""Incremental builds: what did not change is taken from the last build, byte for byte.

A build keeps a cache folder beside its output (``.site.cache`` next to ``site/``):

```
state.json          the key of the settings, per language the key of its search bundle and its files,
                    and the key of each page made from the whole archive
units.pickle        per interview: the key of its pages, the files they are, and what the pages made
                    from the whole archive need of it (summaries, data entry, sitemap entries, warnings)
docs/<key>.html     each interview's search document in one language, under its own key
```

The key of an interview's pages is a hash of everything they are made from:
its folder (``loader.fingerprint``: names, types and bytes of what it reads),
the archive's settings, the templates, this program's own code, and the versions
of Python and of the libraries that write pages (a cache restored on another
machine, as the publishing workflow does, may meet newer ones). The next
build reads only the folders' bytes: an interview whose key is unchanged is not
even parsed, and its files are hard-linked from the site being replaced. A
language's search bundle is made again only when one of its documents changed
(a document's key covers that language's text, meta.yaml and the interview's
themes). The pages made from the whole archive (listings, theme pages, the
search page, feeds, the sitemap) have their view data made every time, but a
page whose data did not change (its key is a hash of them) is linked too, not
rendered; the JSON files (theme lists, the data index) are written every time. Since everything is keyed on what it is
made from, the output is the same bytes a cold build writes
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
import sys
from collections.abc import Callable
from importlib import metadata
from typing import Any

from .model import Archive, Interview, ThemeMap, qa_anchor
from .views import Page

CACHE_VERSION = 3
"""Bumped when the cache's layout changes; an older cache is ignored."""


def cache_path(out_dir: str) -> str:
    """The cache folder of an output folder: ``.site.cache`` beside ``site/``."""
    out_dir = os.path.abspath(out_dir)
    return os.path.join(os.path.dirname(out_dir), f".{os.path.basename(out_dir)}.cache")


def digest(*parts: object) -> str:
    """A key made of ``parts`` (their repr, hashed)."""
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def tree_hash(*folders: str) -> str:
    """A hash of every file under ``folders`` (names and bytes); bytecode caches left out."""
    hashed = hashlib.sha256()
    for folder in folders:
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                path = os.path.join(root, name)
                hashed.update(os.path.relpath(path, folder).encode("utf-8", "surrogateescape") + b"\0")
                with open(path, "rb") as handle:
                    hashed.update(handle.read())
    return hashed.hexdigest()


RENDERING_LIBRARIES = ("jinja2", "markupsafe", "markdown-it-py", "mdurl", "pyyaml")
"""The libraries whose version can change a page's bytes (Pagefind's is in the bundle's key)."""


def dependency_versions() -> list[tuple[str, str]]:
    """Python's version and those of :data:`RENDERING_LIBRARIES`."""
    found = [("python", sys.version)]
    for name in RENDERING_LIBRARIES:
        try:
            found.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            found.append((name, ""))
    return found


def settings_key(archive: Archive, templates_dir: str) -> str:
    """The key of what every page depends on: the settings, the templates, this program's code and
    the versions of what runs it."""
    code = os.path.dirname(os.path.abspath(__file__))
    return digest(CACHE_VERSION, repr(archive.config), tree_hash(code, templates_dir), dependency_versions())


def unit_key(settings: str, slug: str, fingerprint: str) -> str:
    """The key of an interview's pages: its folder's fingerprint and the build's settings (which hold
    the themes' keywords, so its themes follow from the two)."""
    return digest(settings, slug, fingerprint)


def doc_key(settings: str, interview: Interview, themes: ThemeMap, lang: str) -> str:
    """The key of an interview's search document in ``lang``: that text, meta.yaml and its themes
    (which a change to the other language's text can change too)."""
    anchors = sorted({qa_anchor(s, q) for doc in interview.documents.values() for s in doc.sections for q in s.items})
    own = [(anchor, themes[(interview.slug, anchor)]) for anchor in anchors if (interview.slug, anchor) in themes]
    return digest(settings, interview.slug, lang, interview.digests.get(f"{lang}.txt"),
                  interview.digests.get("meta.yaml"), own)


def bundle_key(settings: str, pagefind: str, lang: str, doc_keys: list[str]) -> str:
    """The key of a language's search bundle: its documents' keys in order, and the Pagefind used."""
    return digest(settings, pagefind, lang, doc_keys)


def page_key(page: Page) -> str | None:
    """The key of a page made from the whole archive: its template and everything it is rendered
    from (the settings and templates are the cache's own key). None when that cannot be pickled."""
    try:
        data = pickle.dumps((page.template, page.context), pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - never reused then, always rendered
        return None
    return hashlib.sha256(data).hexdigest()


class BuildCache:
    """The cache of one output folder; ``previous`` is the site the last build wrote."""

    def __init__(self, folder: str, previous: str):
        self.folder = folder
        self.previous = previous
        self.state: dict[str, Any] = {}
        """The last build's state (:meth:`load`): settings key and bundles."""
        self.units: dict[str, dict[str, Any]] = {}
        """The last build's record of each interview, by slug (:meth:`load`)."""

    def load(self, settings: str) -> None:
        """Read what the last build left (under the build lock); nothing if its settings differ."""
        try:
            with open(os.path.join(self.folder, "state.json"), encoding="utf-8") as handle:
                state = json.load(handle)
            with open(os.path.join(self.folder, "units.pickle"), "rb") as handle:
                tag, units = pickle.load(handle)
        except Exception:  # noqa: BLE001 - missing, damaged or from another version: build cold
            return
        if (isinstance(state, dict) and state.get("version") == CACHE_VERSION and state.get("settings") == settings
                and state.get("units") == tag and isinstance(units, dict)):
            self.state, self.units = state, units

    def reusable(self, slug: str, key: str, languages: tuple[str, ...]) -> dict[str, Any] | None:
        """The last build's record of an interview whose key is ``key``, if its files are all still there."""
        record = self.units.get(slug)
        if not record or record.get("key") != key:
            return None
        if not set(languages) <= set(record["indexed"]):  # made by a build that did not index these
            return None
        if not all(os.path.isfile(os.path.join(self.previous, rel)) for rel in record["files"]):
            return None
        if not all(os.path.isfile(self.doc_path(k)) for lang, k in record["doc_keys"].items() if lang in languages):
            return None
        return record

    def bundle(self, lang: str, key: str) -> list[str] | None:
        """The files of the last build's bundle of ``lang``, if its key is ``key`` and they are all there."""
        record = self.state.get("bundles", {}).get(lang)
        if not record or record.get("key") != key:
            return None
        files: list[str] = record["files"]
        return files if all(os.path.isfile(os.path.join(self.previous, rel)) for rel in files) else None

    def page(self, rel: str, key: str) -> bool:
        """Whether the last build wrote the page ``rel`` from the same key, and it is still there."""
        return self.state.get("pages", {}).get(rel) == key and os.path.isfile(os.path.join(self.previous, rel))

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

    def save(self, settings: str, units: dict[str, dict[str, Any]], bundles: dict[str, dict[str, Any]],
             pages: dict[str, str]) -> None:
        """Record what this build wrote (after it is in place), and forget what it no longer uses.

        The state names the units file by a random tag, so that one is never read with the other's."""
        tag = secrets.token_hex(8)
        self._write(os.path.join(self.folder, "units.pickle"), pickle.dumps((tag, units), pickle.HIGHEST_PROTOCOL))
        state = {"version": CACHE_VERSION, "settings": settings, "units": tag, "bundles": bundles, "pages": pages}
        self._write(os.path.join(self.folder, "state.json"), json.dumps(state, separators=(",", ":")).encode())
        keys = {key for record in units.values() for key in record["doc_keys"].values()}
        self._forget("docs", lambda name: name.split(".", 1)[0] in keys)

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
