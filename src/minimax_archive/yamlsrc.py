"""YAML read with line numbers, and without YAML 1.1's surprises.

``parse_yaml(text, path, problems)`` turns a YAML document into plain Python
values where every mapping value and list item is a :class:`Located` (value +
1-based line in the file), so schema checks can say ``meta.yaml:7: ...``.

Hand-written YAML has traps that PyYAML (YAML 1.1) resolves silently; each is
reported as an error instead of a guess:

- ``no``, ``yes``, ``on``, ``off`` read as booleans (only ``true``/``false`` are allowed);
- ``010`` read as octal, ``1:30`` as base 60;
- the same key twice in one mapping (PyYAML keeps the last one).

Dates (``2024-05-01``) stay strings; the schema decides what they mean.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from .errors import Problems, SourceSpan

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
    """Parse one YAML document; on a syntax error, record it and return None."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or exc.context or "not valid YAML"
        problems.error(SourceSpan(path, line), f"invalid YAML: {what}",
                       "check indentation, and quote values that contain ': ' or start with a symbol")
        return None
    except yaml.YAMLError as exc:  # reader errors (control characters) carry no mark
        problems.error(SourceSpan(path), f"invalid YAML: {exc}", "remove control characters")
        return None
    if node is None:
        return Located({}, 1)
    return _convert(node, path, problems)


def _convert(node: yaml.Node, path: str, problems: Problems) -> Located:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Located] = {}
        for key_node, value_node in node.value:
            key = _convert(key_node, path, problems)
            name = str(key.value)
            if name in out:
                problems.error(SourceSpan(path, key.line), f"duplicate key {name!r}",
                               f"it is already set on line {out[name].key_line}; keep one")
                continue
            value = _convert(value_node, path, problems)
            out[name] = Located(value.value, value.line, key.line)
        return Located(out, line)
    if isinstance(node, yaml.SequenceNode):
        return Located([_convert(item, path, problems) for item in node.value], line)
    return Located(_scalar(node, path, problems), line)


def _scalar(node: yaml.ScalarNode, path: str, problems: Problems) -> Any:
    raw, tag = node.value, node.tag
    if node.style:  # quoted or block scalar: always a string
        return raw
    span = SourceSpan(path, node.start_mark.line + 1)
    if tag == "tag:yaml.org,2002:bool":
        if raw.lower() in ("true", "false"):
            return raw.lower() == "true"
        problems.error(span, f"{raw!r} would be read as a boolean",
                       f"write true or false, or quote it: \"{raw}\"")
        return raw
    if tag == "tag:yaml.org,2002:int":
        if _OCTAL_OR_SEXAGESIMAL.match(raw):
            problems.error(span, f"{raw!r} would be read as an octal or base-60 number",
                           f"quote it: \"{raw}\"")
            return raw
        return yaml.SafeLoader.construct_yaml_int(yaml.SafeLoader(""), node)
    if tag == "tag:yaml.org,2002:float":
        return float(yaml.SafeLoader.construct_yaml_float(yaml.SafeLoader(""), node))
    if tag == "tag:yaml.org,2002:null":
        return None
    return raw  # str, timestamps and anything else: keep the text as written
