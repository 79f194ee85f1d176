"""``content/archive.yaml``: the archive's settings and theme vocabulary.

```yaml
title:        {en: MiniMax Interview Archive, zh: MiniMax 访谈档案}
description:  {en: ..., zh: ...}
languages:    [en, zh]          # the first is the default unless default_language says otherwise
default_language: en
base_url: https://you.github.io/archive/  # optional; absolute URLs: sitemap, feeds, canonical links
themes:
  moe:                            # stable ASCII key: URL segment and search filter value
    label:       {en: MoE, zh: 混合专家}
    description: {en: ..., zh: ...}
    keywords:    {en: [MoE, Mixture-of-Experts], zh: [混合专家]}
```

``parse_config(text, path)`` is pure: it returns a frozen :class:`SiteConfig` or
raises :class:`ContentError` with every problem (unknown keys named, with a
"did you mean" hint).
"""

from __future__ import annotations

import re

from .errors import Problems, SourceSpan
from .model import KNOWN_LANGUAGES, SiteConfig, Theme
from .schema import Fields, check_keys, expect, lang_map
from .textfile import FORBIDDEN
from .yamlsrc import INVALID, Located, parse_yaml

THEME_KEY = re.compile(r"^[a-z][a-z0-9-]{0,39}$")


_TOP = Fields(required=("title", "languages"),
              optional=("description", "default_language", "base_url", "themes"))
_THEME = Fields(required=("label", "keywords"), optional=("description",))


def parse_config(text: str, path: str, base_url: str | None = None) -> SiteConfig:
    """Parse archive.yaml; ``base_url`` (from the command line) overrides the file's."""
    problems = Problems()
    config = read_config(text, path, base_url, problems)
    problems.raise_if_errors()
    assert config is not None
    return config


def read_config(text: str, path: str, base_url: str | None, problems: Problems) -> SiteConfig | None:
    """Parse archive.yaml, recording problems; return what could be read (None if not YAML at all).

    With errors, the result is a best effort (languages and themes that were
    valid), so the interviews can still be checked in the same run.
    """
    root = parse_yaml(text, path, problems)
    if root is None:
        return None
    data = expect(root, dict, "archive.yaml", path, problems) or {}
    check_keys(data, _TOP, path, problems, what="archive.yaml")

    languages = _languages(data.get("languages"), path, problems)
    default = languages[0] if languages else "en"
    if "default_language" in data:
        value = data["default_language"]
        if value.value is INVALID:
            pass
        elif value.value not in languages:
            problems.error(SourceSpan(path, value.line), f"default_language {value.value!r} is not in languages",
                           f"use one of: {', '.join(languages)}")
        else:
            default = value.value
    title = lang_map(data.get("title"), "title", languages, path, problems, root.line)
    description = lang_map(data.get("description"), "description", languages, path, problems,
                           root.line, required=False)
    url = _base_url(base_url, data.get("base_url"), path, problems)
    themes = _themes(data.get("themes"), languages, path, problems)
    return SiteConfig(title, description, tuple(languages), default, url, themes, SourceSpan(path))


def _languages(node: Located | None, path: str, problems: Problems) -> list[str]:
    items = expect(node, list, "languages", path, problems) or []
    codes: list[str] = []
    for item in items:
        if item.value is INVALID:
            continue
        if item.value not in KNOWN_LANGUAGES:
            problems.error(SourceSpan(path, item.line), f"unsupported language {item.value!r}",
                           f"supported: {', '.join(KNOWN_LANGUAGES)}")
        elif item.value in codes:
            problems.error(SourceSpan(path, item.line), f"language {item.value!r} listed twice")
        else:
            codes.append(item.value)
    if node is not None and not items:
        problems.error(SourceSpan(path, node.line), "languages is empty", "for example: languages: [en, zh]")
    return codes


def _base_url(override: str | None, node: Located | None, path: str, problems: Problems) -> str | None:
    if override is not None:
        value, span = override, SourceSpan("--base-url")
    elif node is not None and node.value not in (None, "", INVALID):
        value, span = node.value, SourceSpan(path, node.line)
    else:
        return None
    if not isinstance(value, str) or not re.match(r"^https?://[^\s/]+(/\S*)?$", value) or FORBIDDEN.search(value):
        problems.error(span, f"base_url {value!r} is not an http(s) URL",
                       "for example: https://you.github.io/archive/")
        return None
    return value if value.endswith("/") else value + "/"


def _themes(node: Located | None, languages: list[str], path: str,
            problems: Problems) -> tuple[Theme, ...]:
    entries = expect(node, dict, "themes", path, problems) or {}
    themes = []
    for key, entry in entries.items():
        span = SourceSpan(path, entry.key_line or entry.line)
        if not THEME_KEY.match(key):
            problems.error(span, f"theme key {key!r} is not a lowercase ASCII word",
                           "use letters, digits and '-', starting with a letter, e.g. 'open-source'")
        elif key == "page":
            problems.error(span, "theme key 'page' is taken by the themes index's own pages",
                           "choose another key, e.g. 'pages'")
        fields = expect(entry, dict, f"theme {key!r}", path, problems)
        if fields is None:
            continue
        check_keys(fields, _THEME, path, problems, what=f"theme {key!r}", line=span.line or 1)
        label = lang_map(fields.get("label"), f"theme {key!r} label", languages, path, problems, entry.line)
        desc = lang_map(fields.get("description"), f"theme {key!r} description", languages, path,
                        problems, entry.line, required=False)
        keywords = _keywords(fields.get("keywords"), key, languages, path, problems)
        themes.append(Theme(key, label, desc, keywords, span))
    return tuple(themes)


def _keywords(node: Located | None, key: str, languages: list[str], path: str,
              problems: Problems) -> dict[str, tuple[str, ...]]:
    what = f"theme {key!r} keywords"
    per_lang = expect(node, dict, what, path, problems) or {}
    out: dict[str, tuple[str, ...]] = {}
    for lang, words in per_lang.items():
        if lang not in languages:
            problems.error(SourceSpan(path, words.line), f"{what}: unknown language {lang!r}",
                           f"languages are: {', '.join(languages)}")
            continue
        items = expect(words, list, f"{what}.{lang}", path, problems) or []
        clean = []
        for word in items:
            if word.value is INVALID:
                continue
            if not isinstance(word.value, str) or not word.value.strip():
                problems.error(SourceSpan(path, word.line), f"{what}.{lang}: keyword must be text",
                               "quote it if it looks like a number or boolean")
            else:
                clean.append(word.value.strip())
        out[lang] = tuple(clean)
    if node is not None and not any(out.values()):
        problems.error(SourceSpan(path, node.line), f"{what}: no keywords",
                       "give at least one keyword in some language")
    return out
