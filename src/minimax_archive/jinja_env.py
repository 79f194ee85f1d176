"""The templates' Jinja environment, with two shortcuts that make rendering cheaper.

Jinja looks up ``a.b`` on a plain dict as a key first, and prints values
through :func:`html_text`, a plain-string escape for text that needs none.
The output is the same as plain Jinja's (``tests/test_templates.py`` renders
every page both ways); ``make_environment(..., plain=True)`` gives plain Jinja.
"""

from __future__ import annotations

from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from markupsafe import Markup, escape

from .i18n import plural


def html_text(value: Any) -> str:
    """What ``markupsafe.escape`` makes of a value printed by a template, without making a Markup
    object of text that needs no escaping (most of it); the output is the same."""
    if type(value) is str and not ("&" in value or "<" in value or ">" in value or "'" in value or '"' in value):
        return value  # five scans in C: twice as fast as one regex call on these short strings
    if isinstance(value, Markup):
        return value
    return escape(value)


class _CodeGenerator(CodeGenerator):
    """Jinja's compiler, printing ``{{ value }}`` through :func:`html_text` where autoescape is on.

    Making a Markup object of every printed value was a fifth of a large build's
    rendering time. Only the call around a printed value changes (its escaping
    does not), which ``tests/test_templates.py`` checks against plain Jinja.
    """

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape:
            super()._output_child_pre(node, frame, finalize)
            return
        self.write("environment.html_text(")
        if finalize.src is not None:
            self.write(finalize.src)


class _Environment(jinja2.Environment):
    """Jinja with ``a.b`` on a dict looked up as a key first, and printed values escaped by
    :func:`html_text`.

    Jinja tries the attribute first and the key after it: on the plain dicts
    the views hand the templates, every ``q.anchor`` raised and caught an
    AttributeError, a fifth of a large build's rendering time. The result is the
    same unless a dict has a key named like a dict method, which the views'
    records do not.
    """

    code_generator_class = _CodeGenerator
    html_text = staticmethod(html_text)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def make_environment(templates_dir: str, plain: bool = False) -> jinja2.Environment:
    """The templates' environment; ``plain``: Jinja's own, without this module's shortcuts (for tests)."""
    env = (jinja2.Environment if plain else _Environment)(
        loader=jinja2.FileSystemLoader(templates_dir),
        autoescape=True,  # by file name, an included .j2, .htm or .txt partial would print content raw
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # one environment per build: every {% include %} would stat its file again
    )
    env.filters["plural"] = plural
    return env
