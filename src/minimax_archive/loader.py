"""Reading ``content/`` into a checked :class:`Archive`.

```
content/archive.yaml                  settings and themes (see config.py)
content/interviews/<slug>/en.txt      Aili summary texts, one per language (see aili.py);
content/interviews/<slug>/zh.txt      either may be missing (a warning)
content/interviews/<slug>/meta.yaml   optional (see meta.py)
```

``load_archive`` reads every file, then checks what only the whole archive can
show: slugs are safe and unique, translations line up item for item, and
meta.yaml names only Q&As that exist. It reports every problem at once.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TypeVar

from .aili import parse_document
from .config import read_config
from .errors import ContentError, Problem, Problems, SourceSpan, count
from .meta import parse_meta
from .model import KNOWN_LANGUAGES, Archive, Document, Interview, Meta, SiteConfig, qa_anchor
from .textfile import MAX_BYTES, read_text
from .workers import Mapper, serial_map

SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")
_KNOWN_FILES = {"meta.yaml"}
FINGERPRINT_VERSION = 1
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Frame:
    """An archive's settings and interview folders, read before any interview is."""

    config: SiteConfig
    """archive.yaml (the default languages when it could not be read; see ``problems``)."""
    known_themes: set[str] | None
    """The theme keys meta.yaml may name; None when archive.yaml could not be read."""
    folders: list[tuple[str, str]]
    """(folder, slug) of every interview folder, by slug."""
    problems: Problems
    """What is wrong with archive.yaml and the folders themselves."""


def open_archive(content_dir: str, base_url: str | None = None) -> Frame:
    """Read archive.yaml and list the interview folders; raise ContentError when there is no archive."""
    problems = Problems()
    config_path = os.path.join(content_dir, "archive.yaml")
    if not os.path.isdir(content_dir):
        raise ContentError.single(SourceSpan(content_dir), "content folder not found",
                                  "run from the archive's folder, or pass --content DIR")
    if not os.path.isfile(config_path):
        raise ContentError.single(SourceSpan(config_path), "archive.yaml not found",
                                  "every archive needs one; see the README for an example")
    text = _read(config_path, problems)
    config = read_config(text, config_path, base_url, problems) if text is not None else None
    if config is None:  # not YAML at all: check the interviews against the default languages
        config = SiteConfig({}, {}, tuple(KNOWN_LANGUAGES), "en", None, (), SourceSpan(config_path))
        known_themes = None
    else:
        known_themes = {t.key for t in config.themes}
    return Frame(config, known_themes, _interview_folders(content_dir, problems), problems)


def load_archive(content_dir: str, base_url: str | None = None,
                 mapper: Mapper = serial_map) -> tuple[Archive, list[Problem]]:
    """Load and check everything; return the archive and its warnings, or raise ContentError.

    The interviews are independent of each other: ``mapper`` may read them in other processes."""
    frame = open_archive(content_dir, base_url)
    problems, languages, known_themes = frame.problems, frame.config.languages, frame.known_themes
    interviews = []
    for interview, found in mapper(lambda where: load_one(where[0], where[1], languages, known_themes), frame.folders):
        problems.items.extend(found)
        if interview is not None:
            interviews.append(interview)
    problems.raise_if_errors()
    return Archive(frame.config, tuple(archive_order(interviews, lambda i: i.slug, lambda i: i.meta.date))), problems.warnings


def archive_order(items: list[T], slug: Callable[[T], str], date: Callable[[T], str | None]) -> list[T]:
    """The archive's order: newest first (by date; undated last), then by slug."""
    return sorted(sorted(items, key=slug), key=lambda item: date(item) or "", reverse=True)


def _interview_folders(content_dir: str, problems: Problems) -> list[tuple[str, str]]:
    root = os.path.join(content_dir, "interviews")
    if not os.path.isdir(root):
        problems.error(SourceSpan(root), "no interviews folder",
                       "put each interview in content/interviews/<slug>/en.txt")
        return []
    seen: dict[str, str] = {}
    found = []
    for name in sorted(os.listdir(root)):
        path = os.path.join(root, name)
        if name.startswith("."):
            continue
        if os.path.islink(path):
            problems.error(SourceSpan(path), "is a symbolic link", "copy the interview into content/ instead")
            continue
        if not os.path.isdir(path):
            problems.warn(SourceSpan(path), "not a folder; ignored", "each interview is a folder of texts")
            continue
        if not SLUG.match(name):
            problems.error(SourceSpan(path), f"folder name {name!r} is not a safe slug",
                           "use lowercase ASCII letters, digits and '-', at most 80 characters")
            continue
        key = unicodedata.normalize("NFKC", name).casefold()
        if key in seen:
            problems.error(SourceSpan(path), f"slug {name!r} clashes with {seen[key]!r}", "rename one folder")
            continue
        seen[key] = name
        found.append((path, name))
    return found


def load_one(folder: str, slug: str, languages: tuple[str, ...], themes: set[str] | None,
             known_fingerprint: tuple[str, dict[str, str]] | None = None) -> tuple[Interview | None, list[Problem]]:
    """One interview folder and what is wrong with it (each folder is read on its own).

    Its fingerprint is taken before the files are read (or given, taken so), so that a
    file changed meanwhile gives a fingerprint the next build will not find again."""
    key, digests = known_fingerprint or fingerprint(folder, slug, languages, themes)
    problems = Problems()
    interview = _load_interview(folder, slug, languages, themes, problems)
    if interview is not None:
        interview = replace(interview, fingerprint=key, digests=digests)
    return interview, problems.items


def fingerprint(folder: str, slug: str, languages: tuple[str, ...],
                themes: set[str] | None) -> tuple[str, dict[str, str]]:
    """A hash of what :func:`load_one` reads for this folder, and a hash of each file it reads.

    The folder's hash covers the files' names and types, the bytes of the texts and meta.yaml,
    and the settings that change how they are read. Files it would refuse (special, linked,
    too large) count by name and type only, and are never opened."""
    digest = hashlib.sha256(repr((FINGERPRINT_VERSION, folder, slug, languages,
                                  sorted(themes) if themes is not None else None)).encode())
    readable = _KNOWN_FILES | {f"{code}.txt" for code in languages}
    files: dict[str, str] = {}
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        return f"unreadable {exc.errno}", files
    for name in names:
        path = os.path.join(folder, name)
        try:
            info = os.lstat(path)
        except OSError:
            continue
        digest.update(f"\0{name}\0{stat.S_IFMT(info.st_mode)}\0{info.st_size}\0".encode())
        if name in readable and stat.S_ISREG(info.st_mode) and info.st_size <= MAX_BYTES:
            try:
                with open(path, "rb") as handle:
                    files[name] = hashlib.sha256(handle.read(MAX_BYTES + 1)).hexdigest()
            except OSError as exc:
                files[name] = f"unreadable {exc.errno}"
            digest.update(files[name].encode())
    return digest.hexdigest(), files


def _load_interview(folder: str, slug: str, languages: tuple[str, ...], themes: set[str] | None,
                    problems: Problems) -> Interview | None:
    """One interview folder; ``themes`` is None when archive.yaml could not be read."""
    langs = list(languages)
    meta_path = os.path.join(folder, "meta.yaml")
    meta = Meta()
    if os.path.lexists(meta_path):
        text = _read(meta_path, problems)
        if text is not None:
            meta = parse_meta(text, meta_path, langs, themes, problems)
    documents: dict[str, Document] = {}
    for lang in langs:
        path = os.path.join(folder, f"{lang}.txt")
        if not os.path.lexists(path):
            problems.warn(SourceSpan(path), f"no {lang} version of {slug!r}",
                          f"readers of the {lang} site see a notice instead")
            continue
        text = _read(path, problems)
        document = parse_document(text, path, problems) if text is not None else None
        if document is not None:
            documents[lang] = document
    for name in sorted(os.listdir(folder)):
        if name not in _KNOWN_FILES and name not in {f"{code}.txt" for code in langs} and not name.startswith("."):
            problems.warn(SourceSpan(os.path.join(folder, name)), "unknown file; ignored",
                          f"expected {', '.join(code + '.txt' for code in langs)} and meta.yaml")
    if not documents:
        if not any(os.path.lexists(os.path.join(folder, f"{code}.txt")) for code in langs):
            problems.error(SourceSpan(folder), "the interview has no text",
                           f"add {' or '.join(code + '.txt' for code in langs)}")
        return None
    _check_alignment(documents, langs, problems)
    _check_theme_ids(meta, documents, problems)
    return Interview(slug, meta, documents)


def _read(path: str, problems: Problems) -> str | None:
    try:
        return read_text(path)
    except ContentError as exc:
        problems.items.extend(exc.problems)
        return None


def _check_alignment(documents: dict[str, Document], langs: list[str], problems: Problems) -> None:
    """Every translation must have the same sections and items as the first language present."""
    present = [code for code in langs if code in documents]
    base = documents[present[0]]
    for lang in present[1:]:
        other = documents[lang]
        message = _divergence(base, other)
        if message:
            where, text = message
            problems.error(where, text, "translations must have the same sections and items, in the same order")


def _divergence(base: Document, other: Document) -> tuple[SourceSpan, str] | None:
    """The first place where ``other`` does not line up with ``base``, if any."""
    for a, b in zip(base.sections, other.sections, strict=False):  # lengths compared below
        if a.number != b.number:
            return b.span, f"section [{b.number:02d}] here, [{a.number:02d}] in {a.span}"
        if len(a.items) != len(b.items):
            return b.span, (f"section [{b.number:02d}] has {count(len(b.items), 'item')} here, "
                            f"{len(a.items)} in {a.span}")
    if len(base.sections) != len(other.sections):
        longer, shorter = ((base, other) if len(base.sections) > len(other.sections) else (other, base))
        extra = longer.sections[len(shorter.sections)]
        span = other.sections[-1].items[-1].span if other is shorter else extra.span
        return span, (f"{count(len(other.sections), 'section')} here, {len(base.sections)} in {base.span.path}: "
                      f"section [{extra.number:02d}] at {extra.span} has no counterpart")
    return None


def _check_theme_ids(meta: Meta, documents: dict[str, Document], problems: Problems) -> None:
    if meta.span is None:  # no meta.yaml
        return
    doc = next(iter(documents.values()))
    ordered = [qa_anchor(s, q) for s in doc.sections for q in s.items]  # in text order: q10 after q9
    ids = set(ordered)
    for qa_id, line in meta.theme_lines.items():
        if qa_id not in ids:
            problems.error(SourceSpan(meta.span.path, line), f"themes: no Q&A {qa_id!r} in this interview",
                           f"ids run from {ordered[0]} to {ordered[-1]}" if ordered else "")
