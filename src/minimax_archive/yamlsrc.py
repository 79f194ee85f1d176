"""YAML read with line numbers, and without YAML 1.1's surprises.

``parse_yaml(text, path, problems)`` turns a YAML document into plain Python
values where every mapping value and list item is a :class:`Located` (value +
1-based line in the file), so schema checks can say ``meta.yaml:7: ...``.

Hand-written YAML has traps that PyYAML (YAML 1.1) resolves silently; each is
reported as an error instead of a guess:

- ``no``, ``yes``, ``on``, ``off`` read as booleans (only ``true``/``false`` are allowed);
- ``010`` read as octal, ``1:30`` as base 60;
- the same key twice in one mapping (PyYAML keeps the last one).

And YAML that could hang or crash the build is refused before it is built:

- aliases (``*name``): a few hundred bytes of nested aliases expand to gigabytes;
  content YAML has no use for them, so every alias is an error;
- nesting deeper than :data:`MAX_DEPTH` (``[[[[...``), which would exhaust the stack;
- integers longer than :data:`MAX_DIGITS` digits;
- control characters, in the file or written as escapes (``"\\e"``, ``"\\0"``).

Dates (``2024-05-01``) stay strings; the schema decides what they mean. A value
that was reported here becomes :data:`INVALID`, which the schema checks skip, so
one mistake is reported once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from .errors import Problems, SourceSpan
from .textfile import FORBIDDEN, describe_char

MAX_DEPTH = 20
"""How deeply lists and mappings may nest (archive.yaml needs 5)."""
MAX_DIGITS = 100
"""The longest integer we read (Python refuses to convert more than 4,300 digits)."""



class _Invalid:
    """The type of :data:`INVALID`."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID = _Invalid()
"""The value of a scalar whose problem is already reported (schema checks skip it)."""

_OCTAL_OR_SEXAGESIMAL = re.compile(r"^[-+]?(0[0-9_]+|0o[0-7_]+|[0-9][0-9_]*(:[0-5]?[0-9])+)$")


@dataclass(frozen=True, slots=True)
class Located:
    """A YAML value and the line it starts on."""

    value: Any
    """str, int, float, bool, None, dict[str, Located] or list[Located]."""
    line: int
    """1-based line in the file."""
    key_line: int = 0
    """For a mapping value: the line of its key (a nested block starts on the next line)."""


def parse_yaml(text: str, path: str, problems: Problems) -> Located | None:
    """Parse one YAML document; on a syntax error or unsafe YAML, record it and return None."""
    try:
        if not _safe_events(text, path, problems):
            return None
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or exc.context or "not valid YAML"
        problems.error(SourceSpan(path, line), f"invalid YAML: {what}",
                       "check indentation, and quote values that contain ': ' or start with a symbol")
        return None
    except yaml.reader.ReaderError as exc:  # a control character in the file
        line = text.count("\n", 0, exc.position) + 1
        problems.error(SourceSpan(path, line), f"control character {describe_char(chr(exc.character))} in the file",
                       "remove it: it is invisible in most editors, and is not allowed in web pages and feeds")
        return None
    if node is None:
        return Located({}, 1)
    return _convert(node, path, problems)


def _safe_events(text: str, path: str, problems: Problems) -> bool:
    """Refuse aliases and deep nesting by reading the event stream (which, unlike building the
    document, needs neither recursion nor expansion). True when the document may be built."""
    depth = 0
    alias_lines: set[int] = set()
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        line = event.start_mark.line + 1 if event.start_mark else 1
        if isinstance(event, yaml.AliasEvent) and line not in alias_lines:
            alias_lines.add(line)  # one problem per line: a bomb has hundreds of them
            problems.error(SourceSpan(path, line), f"YAML alias '*{event.anchor}' is not supported",
                           "write the value out in full")
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                problems.error(SourceSpan(path, line), f"lists and mappings nested more than {MAX_DEPTH} deep",
                               "content YAML needs only a few levels; check the brackets")
                return False
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return not alias_lines


def _convert(node: yaml.Node, path: str, problems: Problems) -> Located:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Located] = {}
        for key_node, value_node in node.value:
            key = _convert(key_node, path, problems)
            name = key_node.value if key.value is INVALID else str(key.value)
            if name in out:
                problems.error(SourceSpan(path, key.line), f"duplicate key {name!r}",
                               f"it is already set on line {out[name].key_line}; keep one")
                continue
            value = _convert(value_node, path, problems)
            out[name] = Located(value.value, value.line, key.line)
        return Located(out, line)
    if isinstance(node, yaml.SequenceNode):
        return Located([_convert(item, path, problems) for item in node.value], line)
    assert isinstance(node, yaml.ScalarNode)
    return Located(_scalar(node, path, problems), line)


def _scalar(node: yaml.ScalarNode, path: str, problems: Problems) -> Any:
    raw, tag = node.value, node.tag
    span = SourceSpan(path, node.start_mark.line + 1)
    bad = FORBIDDEN.search(raw)
    if bad:  # the reader refuses most of them in the file, but escapes ("\e", "\x00") make them
        problems.error(span, f"control character {describe_char(bad.group())} in the text",
                       "remove it: it is not allowed in web pages and feeds")
        return INVALID
    if node.style:  # quoted or block scalar: always a string
        return raw
    if tag == "tag:yaml.org,2002:bool":
        if raw.lower() in ("true", "false"):
            return raw.lower() == "true"
        problems.error(span, f"{raw!r} would be read as a boolean",
                       f"write true or false, or quote it: \"{raw}\"")
        return INVALID
    if tag == "tag:yaml.org,2002:int":
        if _OCTAL_OR_SEXAGESIMAL.match(raw):
            problems.error(span, f"{raw!r} would be read as an octal or base-60 number",
                           f"quote it: \"{raw}\"")
            return INVALID
        if sum(c.isdigit() for c in raw) > MAX_DIGITS:
            problems.error(span, f"a number with more than {MAX_DIGITS} digits", "quote it if it is text")
            return INVALID
        return yaml.SafeLoader.construct_yaml_int(yaml.SafeLoader(""), node)
    if tag == "tag:yaml.org,2002:float":
        return float(yaml.SafeLoader.construct_yaml_float(yaml.SafeLoader(""), node))
    if tag == "tag:yaml.org,2002:null":
        return None
    return raw  # str, timestamps and anything else: keep the text as written
