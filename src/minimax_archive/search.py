"""The search index: one Pagefind document per interview page, one sub-result per answer.

For every interview in every language, :func:`document` writes a small HTML
document for Pagefind (never published): the title and abstract, then each
answer under a heading that carries its id, so every hit is a sub-result
linking to ``/en/interviews/<slug>/#s02-q1``. Its ``meta`` carries, per answer,
the question, themes and readable text, which lets the search page filter by
theme at the level of answers (Pagefind filters whole pages) and list a
theme's answers without a text query. ``pagefind_cli.index_language`` runs
Pagefind over one language's documents into that language's own bundle
(``pagefind/en/``, ``pagefind/zh/``).

Every indexed text is in :func:`lang.normalise` form (NFKC, Traditional folded
to Simplified) and written as :func:`lang.index_words`: Chinese runs become
overlapping character pairs plus their last character (至关重要 -> 至关 关重 重要 要),
the search page turns the query into pairs the same way, and checks each answer
against the page's indexed words (templates/assets/query.js). Pagefind's own
Chinese segmentation (jieba at index time, Intl.Segmenter in the browser since
1.5) disagrees with itself: 至关重要 and 从一开始 found nothing, and no version
finds 捷径 inside 走捷径 (tests/browser/test_recall.py holds the measured table).
Pairs find every phrase of two or more characters, and the last character of
a run makes every character the start of a word, so a one-character query
finds it by Pagefind's prefix match. The question is indexed once, as the
answer's heading (the sub-result's title); the page shows the readable question
from the metadata.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape

from . import urls
from .lang import index_words, normalise
from .markup import plain
from .model import Archive, Interview, ThemeMap, qa_anchor

INDEX_LANGUAGE = "en"
"""<html lang> of every indexed document: whitespace-separated words, no segmenter.
A bundle holds one language, so the browser uses it whatever the page's own lang."""


@dataclass(frozen=True, slots=True)
class SearchDocument:
    """What Pagefind indexes for one interview page."""

    url: str
    """Root-relative URL of the page (``/en/interviews/<slug>/``)."""
    html: str
    """The document Pagefind parses: headings with ids become sub-results; filters and
    metadata (title, and per answer its id, question and themes) ride in <meta> tags."""


def document(archive: Archive, interview: Interview, lang: str, themes: ThemeMap) -> SearchDocument:
    """What Pagefind indexes for ``interview`` in ``lang`` (which it must have a text in)."""
    doc = interview.documents[lang]
    title = interview.display_title(lang)
    people = {k: v for k, v in (("interviewee", interview.meta.interviewee.get(lang)),
                                ("organisation", interview.meta.organisation.get(lang))) if v}
    answers, body = [], []
    for section in doc.sections:
        for qa in section.items:
            anchor = qa_anchor(section, qa)
            question = plain(qa.question)
            keys = list(themes.get((interview.slug, anchor), ()))
            answers.append({"id": anchor, "q": question, "t": keys})
            # The heading is indexed once, in the same form as the answer.
            body.append(f'<h3 id="{anchor}">{escape(_words(question))}</h3><p>{escape(_words(plain(qa.answer)))}</p>')
    filters = {k: [v] for k, v in people.items()}
    all_themes = sorted({k for a in answers for k in a["t"]})
    if all_themes:
        filters["theme"] = all_themes
    head = [f'<meta data-pagefind-meta="{key}[content]" content="{escape(value)}">'
            for key, value in (("title", title), ("answers", json.dumps(answers, ensure_ascii=False)))]
    head += [f'<meta data-pagefind-filter="{key}[content]" content="{escape(value)}">'
             for key, values in filters.items() for value in values]
    intro = " ".join([title, *people.values(), plain(doc.abstract or "")])
    html = (f'<html lang="{INDEX_LANGUAGE}"><head>{"".join(head)}</head><body>'
            f'<p>{escape(_words(intro))}</p>{"".join(body)}</body></html>')
    url = urls.site_path(urls.interview(lang, interview.slug))
    return SearchDocument(url, html)


def _words(text: str) -> str:
    return index_words(normalise(text))
