"""View data for an interview's side-by-side page (``/<lang>/interviews/<slug>/bilingual/``).

Both texts, answer by answer: the loader guarantees that the two language
versions have the same sections and items, so rows pair up by Q&A id
(``s02-q1``). The reader's language comes first (left on wide screens, first
in each stacked pair on phones); every column carries its own ``lang``.
Only interviews with both texts get the page (``views.bilingual_pair``).
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from . import urls
from .markup import render_block, render_inline
from .model import KNOWN_LANGUAGES, Archive, Document, Interview, qa_anchor
from .views import Page, common


def _column(archive: Archive, interview: Interview, code: str, path: str) -> dict[str, Any]:
    return {"lang": code, "html_lang": archive.config.html_lang(code), "name": KNOWN_LANGUAGES[code][0],
            "title": interview.display_title(code),
            "href": urls.link(path, urls.interview(code, interview.slug))}


def _qas(doc: Document) -> dict[str, tuple[str, Any]]:
    """Q&A id -> (section anchor, QA), in text order."""
    return {qa_anchor(s, q): (s.anchor, q) for s in doc.sections for q in s.items}


def bilingual_page(archive: Archive, interview: Interview, lang: str, other: str) -> Page:
    """The side-by-side page of ``interview`` for a reader of ``lang``, with ``other`` beside it
    (``views.bilingual_pair`` says which interviews have one)."""
    path = urls.bilingual(lang, interview.slug)
    docs = [interview.documents[lang], interview.documents[other]]
    columns = [_column(archive, interview, code, path) for code in (lang, other)]
    qas = [_qas(doc) for doc in docs]
    sections = []
    for parts in zip(*(doc.sections for doc in docs), strict=True):
        rows = []
        for q in parts[0].items:
            anchor = qa_anchor(parts[0], q)
            rows.append({"anchor": anchor, "number": q.number, "cells": [
                col | {"question": Markup(render_inline(qa[anchor][1].question)),
                       "answer": Markup(render_block(qa[anchor][1].answer))}
                for col, qa in zip(columns, qas, strict=True)]})
        sections.append({"anchor": parts[0].anchor, "number": f"{parts[0].number:02d}", "rows": rows,
                         "titles": [col | {"title": s.title} for col, s in zip(columns, parts, strict=True)]})
    abstracts = [col | {"abstract": Markup(render_block(doc.abstract))}
                 for col, doc in zip(columns, docs, strict=True) if doc.abstract]
    context = common(archive, lang, path) | {
        "title": interview.display_title(lang), "columns": columns, "sections": sections,
        "abstracts": abstracts if len(abstracts) == len(columns) else [],
    }
    return Page(path, "bilingual.html", context)
