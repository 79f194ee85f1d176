"""What the pages made from the whole archive need of each interview, made with its own pages.

Listings, theme pages, the search page's theme lists and the feeds show every
interview, but only a little of each: its card, and for each answer that has
themes its question and first words. :func:`summarise` makes that record for
one interview in one language, in the worker process that renders the
interview's pages; an incremental build keeps it with them (it is plain JSON),
so the pages made from the whole archive never read an unchanged interview's
texts again.

A summary is a dict: ``slug``, ``title``, ``interviewee``, ``organisation``,
``date``, ``summary`` (the abstract's start), ``qa_count``, ``available`` (it has
a text in this language); with a text also ``feed_summary`` and ``answers``: per
answer with themes ``[id, [theme keys], question HTML, excerpt, plain question,
short excerpt]``, in text order.
"""

from __future__ import annotations

from typing import Any

from .markup import excerpt, plain, render_inline
from .model import Archive, Interview, ThemeMap, qa_anchor

SHORT_EXCERPT = 120
"""Characters of an answer's start in a theme's JSON: enough for a result, small at scale."""

Summary = dict[str, Any]


def card(interview: Interview, lang: str) -> Summary:
    """The facts an interview's card shows (listing and its own page)."""
    doc = interview.documents.get(lang)
    return {
        "slug": interview.slug,
        "title": interview.display_title(lang),
        "interviewee": interview.meta.interviewee.get(lang),
        "organisation": interview.meta.organisation.get(lang),
        "date": interview.meta.date,
        "summary": excerpt(doc.abstract, 220) if doc and doc.abstract else "",
        "qa_count": sum(len(s.items) for s in doc.sections) if doc else 0,
        "available": doc is not None,
    }


def summarise(archive: Archive, interview: Interview, lang: str, themes: ThemeMap) -> Summary:
    """Everything the pages made from the whole archive show of ``interview`` in ``lang``."""
    out = card(interview, lang)
    doc = interview.documents.get(lang)
    if doc is None:
        return out
    first_answer = next((qa.answer for s in doc.sections for qa in s.items), "")
    out["feed_summary"] = plain(doc.abstract) if doc.abstract else excerpt(first_answer, 300)
    answers = []
    for section in doc.sections:
        for qa in section.items:
            keys = themes.get((interview.slug, qa_anchor(section, qa)))
            if keys:
                answers.append([qa_anchor(section, qa), list(keys), render_inline(qa.question), excerpt(qa.answer),
                                plain(qa.question), excerpt(qa.answer, SHORT_EXCERPT)])
    out["answers"] = answers
    return out


def summaries(archive: Archive, themes: ThemeMap) -> list[dict[str, Summary]]:
    """Every interview's summaries by language, in archive order (in one process)."""
    return [{lang: summarise(archive, interview, lang, themes) for lang in archive.config.languages}
            for interview in archive.interviews]
