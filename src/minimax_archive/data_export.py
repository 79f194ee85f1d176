"""The archive as data for others: ``data/archive.json``, one file per interview, and their JSON Schema.

```
data/archive.json               the archive's index: settings, themes, and for every interview its
                                facts, its title and URL in each language, and its data file
data/interviews/<slug>.json     one interview in full: every language's abstract, sections and Q&As
data/schema.json                JSON Schema (2020-12) of archive.json; $defs/interview_file is
                                the schema of a per-interview file
```

The index grows by a few hundred bytes per interview; the texts are only in
the per-interview files, so no file grows with the archive's texts (the whole
archive in one file was 18 MB at 1,000 benchmark interviews: past GitHub Pages'
100 MB limit near 5,500).

Texts are given as written (Markdown in answers and abstracts). URLs are
relative to the site's root (``en/interviews/x/#s02-q1``); join them to
``base_url`` (null when the archive has none) for absolute ones. A language an
interview has no text in is absent from its ``texts``.
"""

from __future__ import annotations

import json
from typing import Any

from . import urls
from .model import Archive, Interview, ThemeMap, qa_anchor

FORMAT = 2
"""Bumped when a field changes meaning or goes away (adding fields does not bump it).
2: archive.json lists each interview's facts and titles; its texts are in its own file only."""


def archive_data_files(archive: Archive, entries: list[dict[str, Any]]) -> dict[str, str]:
    """site path -> JSON text: ``data/archive.json`` and ``data/schema.json``; ``entries`` are every
    interview's :func:`index_entry`, in archive order."""
    config = archive.config
    whole = {
        "format": FORMAT, "title": config.title, "description": config.description,
        "languages": list(config.languages), "default_language": config.default_language,
        "base_url": config.base_url,
        "themes": [{"key": t.key, "label": t.label, "description": t.description,
                    "url": {lang: _rel(urls.theme(lang, t.key)) for lang in config.languages}}
                   for t in config.themes],
        "interviews": entries,
    }
    return {"data/archive.json": _dump(whole), "data/schema.json": _dump(SCHEMA)}


def interview_data_file(archive: Archive, themes: ThemeMap, interview: Interview) -> tuple[str, str]:
    """(site path, JSON text) of one interview's data file."""
    data = {"format": FORMAT, "base_url": archive.config.base_url} | _interview(interview, archive, themes)
    return f"data/interviews/{interview.slug}.json", _dump(data)


def _interview(interview: Interview, archive: Archive, themes: ThemeMap) -> dict[str, Any]:
    meta = interview.meta
    texts = {}
    for lang in archive.config.languages:
        doc = interview.documents.get(lang)
        if doc is None:
            continue
        page = _rel(urls.interview(lang, interview.slug))
        texts[lang] = {"title": interview.display_title(lang), "url": page, "abstract": doc.abstract,
                       "sections": [{"id": s.anchor, "number": s.number, "title": s.title,
                                     "url": f"{page}#{s.anchor}",
                                     "qas": [{"id": qa_anchor(s, q), "number": q.number, "question": q.question,
                                              "answer": q.answer,
                                              "themes": list(themes.get((interview.slug, qa_anchor(s, q)), ())),
                                              "url": f"{page}#{qa_anchor(s, q)}", "truncated": q.truncated}
                                             for q in s.items]}
                                    for s in doc.sections]}
    return {"slug": interview.slug, "date": meta.date, "source": meta.source,
            "original_language": meta.original_language,
            "interviewee": meta.interviewee, "organisation": meta.organisation,
            "data": f"data/interviews/{interview.slug}.json", "texts": texts}


def index_entry(interview: Interview, archive: Archive) -> dict[str, Any]:
    """An interview in the index: its facts, and per language its title, URL and number of Q&As."""
    meta = interview.meta
    texts = {lang: {"title": interview.display_title(lang), "url": _rel(urls.interview(lang, interview.slug)),
                    "answers": sum(len(s.items) for s in interview.documents[lang].sections)}
             for lang in archive.config.languages if lang in interview.documents}
    return {"slug": interview.slug, "date": meta.date, "source": meta.source,
            "original_language": meta.original_language,
            "interviewee": meta.interviewee, "organisation": meta.organisation,
            "data": f"data/interviews/{interview.slug}.json", "texts": texts}


def _rel(path: str) -> str:
    """A page's URL relative to the site root (``en/interviews/x/``)."""
    return urls.site_path(path)[1:]


def _dump(data: Any) -> str:
    """Compact UTF-8 JSON (an interview's file holds every answer in every language: no indentation)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


_LANG_MAP = {"type": "object", "propertyNames": {"pattern": "^[a-z]{2}$"},
             "additionalProperties": {"type": "string"}}
_URL = {"type": "string", "description": "relative to the site's root; join to base_url"}

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Interview archive (data/archive.json)",
    "type": "object",
    "required": ["format", "title", "description", "languages", "default_language", "base_url", "themes",
                 "interviews"],
    "properties": {
        "format": {"const": FORMAT},
        "title": {"$ref": "#/$defs/lang_map"},
        "description": {"$ref": "#/$defs/lang_map"},
        "languages": {"type": "array", "items": {"$ref": "#/$defs/lang"}, "minItems": 1, "uniqueItems": True},
        "default_language": {"$ref": "#/$defs/lang"},
        "base_url": {"$ref": "#/$defs/base_url"},
        "themes": {"type": "array", "items": {"$ref": "#/$defs/theme"}},
        "interviews": {"type": "array", "items": {"$ref": "#/$defs/interview"}},
    },
    "additionalProperties": False,
    "$defs": {
        "lang": {"type": "string", "pattern": "^[a-z]{2}$"},
        "lang_map": _LANG_MAP,
        "base_url": {"type": ["string", "null"], "pattern": "^https?://.*/$"},
        "url": _URL,
        "theme": {
            "type": "object", "required": ["key", "label", "description", "url"], "additionalProperties": False,
            "properties": {"key": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$"},
                           "label": {"$ref": "#/$defs/lang_map"}, "description": {"$ref": "#/$defs/lang_map"},
                           "url": {"type": "object", "additionalProperties": {"$ref": "#/$defs/url"}}},
        },
        "interview": {
            "description": "an interview in archive.json: its facts; its texts are in its data file",
            "allOf": [{"$ref": "#/$defs/interview_fields"}],
            "properties": {"texts": {"additionalProperties": {"$ref": "#/$defs/text_entry"}}},
            "unevaluatedProperties": False,
        },
        "interview_fields": {
            "type": "object",
            "required": ["slug", "date", "source", "original_language", "interviewee", "organisation", "data",
                         "texts"],
            "properties": {
                "slug": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
                "date": {"type": ["string", "null"],
                         "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
                         "description": "ISO 8601: YYYY-MM-DD, YYYY-MM or YYYY"},
                "source": {"type": ["string", "null"], "pattern": "^https?://"},
                "original_language": {"anyOf": [{"$ref": "#/$defs/lang"}, {"type": "null"}],
                                      "description": "the language the interview was given in, if stated"},
                "interviewee": {"$ref": "#/$defs/lang_map"},
                "organisation": {"$ref": "#/$defs/lang_map"},
                "data": {"$ref": "#/$defs/url"},
                "texts": {"type": "object", "minProperties": 1, "propertyNames": {"$ref": "#/$defs/lang"}},
            },
        },
        "interview_file": {
            "description": "data/interviews/<slug>.json",
            "allOf": [{"$ref": "#/$defs/interview_fields"}],
            "required": ["format", "base_url"],
            "properties": {"format": {"const": FORMAT}, "base_url": {"$ref": "#/$defs/base_url"},
                           "texts": {"additionalProperties": {"$ref": "#/$defs/text"}}},
            "unevaluatedProperties": False,
        },
        "text_entry": {
            "type": "object", "required": ["title", "url", "answers"], "additionalProperties": False,
            "properties": {"title": {"type": "string"}, "url": {"$ref": "#/$defs/url"},
                           "answers": {"type": "integer", "minimum": 0, "description": "its number of Q&As"}},
        },
        "text": {
            "type": "object", "required": ["title", "url", "abstract", "sections"], "additionalProperties": False,
            "properties": {"title": {"type": "string"}, "url": {"$ref": "#/$defs/url"},
                           "abstract": {"type": ["string", "null"], "description": "Markdown"},
                           "sections": {"type": "array", "items": {"$ref": "#/$defs/section"}}},
        },
        "section": {
            "type": "object", "required": ["id", "number", "title", "url", "qas"], "additionalProperties": False,
            "properties": {"id": {"type": "string", "pattern": "^s[0-9]{2}$"},
                           "number": {"type": "integer", "minimum": 1}, "title": {"type": "string"},
                           "url": {"$ref": "#/$defs/url"},
                           "qas": {"type": "array", "items": {"$ref": "#/$defs/qa"}}},
        },
        "qa": {
            "type": "object", "additionalProperties": False,
            "required": ["id", "number", "question", "answer", "themes", "url", "truncated"],
            "properties": {"id": {"type": "string", "pattern": "^s[0-9]{2}-q[0-9]+$"},
                           "number": {"type": "integer", "minimum": 1},
                           "question": {"type": "string"},
                           "answer": {"type": "string", "description": "Markdown"},
                           "themes": {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
                           "url": {"$ref": "#/$defs/url"},
                           "truncated": {"type": "boolean", "description": "the source text ends inside it"}},
        },
    },
}
