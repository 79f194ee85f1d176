"""Checks shared by the YAML schemas (archive.yaml, meta.yaml).

Each check records a :class:`Problem` with the YAML line and returns what it
could read, so one run reports every problem.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .errors import Problems, SourceSpan
from .yamlsrc import INVALID, Located

_TYPE_NAMES: dict[type, str] = {dict: "a mapping (key: value lines)", list: "a list", str: "text"}


@dataclass(frozen=True, slots=True)
class Fields:
    """The keys a mapping may have."""

    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()


def check_keys(data: dict[str, Located], fields: Fields, path: str, problems: Problems,
               what: str, line: int = 1) -> None:
    """Name unknown keys (with a "did you mean" hint) and missing required ones."""
    known = fields.required + fields.optional
    for key, value in data.items():
        if key not in known:
            hint = suggest(key, known, "known keys")
            problems.error(SourceSpan(path, value.key_line or value.line), f"{what}: unknown key {key!r}", hint)
    for key in fields.required:
        if key not in data:
            problems.error(SourceSpan(path, line), f"{what}: missing key {key!r}")


def suggest(word: str, options: Iterable[str], what: str) -> str:
    """A hint for a misspelt name: the closest option, or the list of options."""
    options = list(options)
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else f"{what}: {', '.join(options) or 'none'}"


def expect(node: Located | None, kind: type, what: str, path: str, problems: Problems) -> Any:
    """The node's value if it has the expected type; otherwise record a problem and return None.

    A value already reported by the YAML reader (:data:`INVALID`) gives None without a second problem.
    """
    if node is None or node.value is INVALID:
        return None
    if isinstance(node.value, kind) and not (kind is str and isinstance(node.value, bool)):
        return node.value
    if kind is dict and node.value is None:
        return {}
    problems.error(SourceSpan(path, node.line), f"{what} must be {_TYPE_NAMES.get(kind, kind.__name__)}",
                   f"found {_describe(node.value)}")
    return None


def lang_map(node: Located | None, what: str, languages: list[str], path: str, problems: Problems,
             line: int, required: bool = True) -> dict[str, str]:
    """A ``{en: ..., zh: ...}`` mapping of non-empty text, one entry per archive language.

    A plain string is accepted for a single-language archive only.
    """
    if node is None:
        if required:
            problems.error(SourceSpan(path, line), f"missing {what}",
                           f"give one per language: {{{', '.join(code + ': ...' for code in languages)}}}")
        return {}
    if isinstance(node.value, str) and len(languages) == 1:
        return {languages[0]: node.value}
    data = expect(node, dict, what, path, problems)
    if data is None:
        return {}
    out = {}
    for lang, value in data.items():
        if lang not in languages:
            problems.error(SourceSpan(path, value.line), f"{what}: unknown language {lang!r}",
                           f"languages are: {', '.join(languages)}")
            continue
        text = expect(value, str, f"{what}.{lang}", path, problems)
        if text is not None and text.strip():
            out[lang] = text.strip()
        elif text is not None:
            problems.error(SourceSpan(path, value.line), f"{what}.{lang} is empty")
    if required:
        for lang in languages:
            if lang not in out and lang not in data:
                problems.error(SourceSpan(path, node.line), f"{what}: missing language {lang!r}",
                               f"add a line '{lang}: ...'")
    return out


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {value}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)
