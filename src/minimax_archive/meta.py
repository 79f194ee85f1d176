"""``meta.yaml``: what the text itself does not say about an interview.

```yaml
title:        {en: "MiniMax's Yan Junjie: AGI is ...", zh: 对话 MiniMax 闫俊杰 ...}
interviewee:  {en: Yan Junjie, zh: 闫俊杰}
organisation: {en: MiniMax, zh: MiniMax}
source: https://aili.app/share/...
date: 2024-01-16              # YYYY-MM-DD, YYYY-MM or YYYY
original_language: zh         # the language it was given in (default: the archive's default_language)
themes:                       # per Q&A id: add a theme, or remove one with a leading '-'
  s02-q1: [moe]
  s03-q2: [-talent]
```

Every key is optional; each per-language field may name any subset of the
archive's languages. ``parse_meta`` is pure.
"""

from __future__ import annotations

import datetime
import re

from .errors import Problems, SourceSpan
from .model import Meta
from .schema import Fields, check_keys, expect, lang_map, suggest
from .yamlsrc import INVALID, Located, parse_yaml

_FIELDS = Fields(optional=("title", "interviewee", "organisation", "source", "date", "themes",
                           "original_language"))
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_QA_ID = re.compile(r"^s\d{2}-q\d+$")


def parse_meta(text: str, path: str, languages: list[str], theme_keys: set[str] | None,
               problems: Problems) -> Meta:
    """Parse meta.yaml; problems are recorded, and what could be read is returned.

    ``theme_keys`` is None when the vocabulary is unknown (archive.yaml unreadable): no theme check.
    """
    root = parse_yaml(text, path, problems)
    data = (expect(root, dict, "meta.yaml", path, problems) or {}) if root else {}
    check_keys(data, _FIELDS, path, problems, what="meta.yaml")
    per_lang = {name: lang_map(data.get(name), name, languages, path, problems, 1, required=False)
                for name in ("title", "interviewee", "organisation")}
    source = _source(data.get("source"), path, problems)
    date = _date(data.get("date"), path, problems)
    themes, lines = _themes(data.get("themes"), path, theme_keys, problems)
    original = _original_language(data.get("original_language"), path, languages, problems)
    return Meta(per_lang["title"], per_lang["interviewee"], per_lang["organisation"], source, date,
                themes, SourceSpan(path), lines, original)


def _original_language(node: Located | None, path: str, languages: list[str], problems: Problems) -> str | None:
    if node is None or node.value is INVALID:
        return None
    if node.value in languages:
        return str(node.value)
    problems.error(SourceSpan(path, node.line), f"original_language {node.value!r} is not one of the archive's languages",
                   f"use one of: {', '.join(languages)}")
    return None


def _date(node: Located | None, path: str, problems: Problems) -> str | None:
    """YYYY-MM-DD, YYYY-MM or YYYY, and a day that exists (2024-02-30 does not)."""
    if node is None or node.value in (None, INVALID):
        return None
    value = node.value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # date: 2024 is read as a number
    if isinstance(value, str) and _DATE.match(value):
        try:
            if len(value) == 10:
                datetime.date.fromisoformat(value)
            return value
        except ValueError:
            problems.error(SourceSpan(path, node.line), f"date {value!r} does not exist",
                           "check the day of the month")
            return None
    problems.error(SourceSpan(path, node.line), f"date {value!r} is not a date",
                   "write YYYY-MM-DD, YYYY-MM or YYYY")
    return None


def _source(node: Located | None, path: str, problems: Problems) -> str | None:
    if node is None or node.value in (None, INVALID):
        return None
    if isinstance(node.value, str) and re.match(r"^https?://[^\s<>\"']+$", node.value):
        return node.value
    problems.error(SourceSpan(path, node.line), f"source {node.value!r} is not an http(s) URL",
                   "for example: https://aili.app/share/...")
    return None


def _themes(node: Located | None, path: str, keys: set[str] | None,
            problems: Problems) -> tuple[dict[str, tuple[str, ...]], dict[str, int]]:
    entries = expect(node, dict, "themes", path, problems) or {}
    themes: dict[str, tuple[str, ...]] = {}
    lines: dict[str, int] = {}
    for qa_id, value in entries.items():
        line = value.key_line or value.line
        if not _QA_ID.match(qa_id):
            problems.error(SourceSpan(path, line), f"themes: {qa_id!r} is not a Q&A id",
                           "Q&A ids look like s02-q1 (section 02, item 1)")
            continue
        names = expect(value, list, f"themes.{qa_id}", path, problems) or []
        clean = []
        for name in names:
            if name.value is INVALID:
                continue
            key = str(name.value).lstrip("-")
            if keys is not None and key not in keys:
                problems.error(SourceSpan(path, name.line), f"themes.{qa_id}: unknown theme {key!r}",
                               suggest(key, sorted(keys), "themes defined in archive.yaml"))
            else:
                clean.append(str(name.value))
        themes[qa_id], lines[qa_id] = tuple(clean), line
    return themes, lines
