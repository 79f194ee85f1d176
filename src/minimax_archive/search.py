"""The search index: one Pagefind record per answer (and one per interview).

Pagefind filters apply to whole records, so a record per answer is what lets
the theme filter return exactly the answers on a theme, each linking to its own
anchor (``/en/interviews/<slug>/#s02-q1``). Records are built from the archive
(pure, :func:`records`) and indexed by Pagefind, one bundle per language
(``pagefind/en/``, ``pagefind/zh/``), each by its own Pagefind process
(:func:`write_index`).

Chinese is indexed as overlapping character pairs (至关重要 -> 至关 关重 重要),
and the search page turns the query into pairs the same way. Pagefind's own
Chinese segmentation (jieba at index time, Intl.Segmenter in the browser since
1.5) disagrees with itself: 至关重要 and 从一开始 found nothing, and no version
finds 捷径 inside 走捷径 (tests/browser/test_recall.py holds the measured table).
Pairs find every phrase of two or more characters. Their excerpts would show
pairs, so the readable text travels in ``meta["text"]`` for the page to cut
its own excerpt.
"""

from __future__ import annotations

import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from . import urls
from .errors import BuildError
from .markup import excerpt, plain
from .model import UNSPACED_LANGUAGES, Archive, qa_anchor
from .pagefind_service import PagefindService

PAIR_LANGUAGE = "en"
"""Pagefind language of pair-indexed records: whitespace-separated words, no segmenter.
(A bundle holds one language, so the browser uses it whatever the page's <html lang>.)"""


@dataclass(frozen=True, slots=True)
class Record:
    """One searchable unit."""

    url: str
    """Root-relative URL, with the answer's anchor."""
    content: str
    """Plain text that is searched and excerpted."""
    language: str
    """Pagefind language: the page's <html lang>, lower-cased."""
    meta: dict[str, str]
    """Shown in results: title (the question), interview, page, excerpt."""
    filters: dict[str, list[str]] = field(default_factory=dict)
    """theme / interviewee / organisation values."""
    bundle: str = ""
    """The bundle folder in the site it belongs to (``pagefind/zh``)."""


def records(archive: Archive, themes: dict[tuple[str, str], tuple[str, ...]]) -> list[Record]:
    """Every record of the archive, in every language that has a text."""
    out = []
    config = archive.config
    for interview in archive.interviews:
        for lang, doc in interview.documents.items():
            language = config.html_lang(lang).lower()
            bundle = os.path.dirname(urls.search_bundle(lang))
            page = urls.site_path(urls.interview(lang, interview.slug))
            title = interview.display_title(lang, config.default_language)
            people = {k: [v] for k, v in (("interviewee", interview.meta.interviewee.get(lang)),
                                          ("organisation", interview.meta.organisation.get(lang))) if v}
            intro = " ".join(filter(None, [title, *(v[0] for v in people.values()), plain(doc.abstract or "")]))
            out.append(Record(page, intro, language,
                              {"title": title, "interview": title, "page": page,
                               "excerpt": excerpt(doc.abstract or "")}, dict(people), bundle))
            for section in doc.sections:
                for qa in section.items:
                    anchor = qa_anchor(section, qa)
                    keys = list(themes.get((interview.slug, anchor), ()))
                    out.append(Record(
                        f"{page}#{anchor}", plain(qa.question) + " " + plain(qa.answer), language,
                        {"title": plain(qa.question), "interview": title, "page": page,
                         "section": section.title, "excerpt": excerpt(qa.answer)},
                        dict(people) | ({"theme": keys} if keys else {}), bundle))
    return [pair_record(r) if r.bundle.rsplit("/", 1)[-1] in UNSPACED_LANGUAGES else r for r in out]


_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


def pairs(text: str) -> str:
    """Chinese runs as overlapping character pairs: 至关重要 -> "至关 关重 重要"; other words kept."""
    def split(match: re.Match) -> str:
        run = match.group(0)
        if len(run) == 1:
            return f" {run} "
        return " " + " ".join(run[i:i + 2] for i in range(len(run) - 1)) + " "
    return re.sub(r"\s+", " ", _HAN_RUN.sub(split, text)).strip()


def pair_record(record: Record) -> Record:
    """A record of an unspaced language, indexed as character pairs (readable text kept in meta)."""
    return Record(record.url, pairs(record.content), PAIR_LANGUAGE, record.meta | {"text": record.content},
                  record.filters, record.bundle)


def check_pagefind() -> None:
    """Fail early, with a fix, when the extended Pagefind build is not installed."""
    if os.environ.get("PAGEFIND_BINARY_PATH"):
        return
    try:
        import pagefind.index  # noqa: F401
        import pagefind_bin_extended  # noqa: F401
    except ImportError:
        raise BuildError("Pagefind's extended build is not installed; without it Chinese search finds nothing "
                         "(pip install 'pagefind[extended]', or build with --no-search)") from None


def write_index(site_dir: str, items: list[Record]) -> None:
    """Index the records and write one bundle per language, in parallel.

    A bundle per language lets each language be indexed by its own Pagefind
    process, and a reader downloads only the index of the language they search in.
    """
    check_pagefind()
    from pagefind.service import get_executable

    binary = get_executable()
    if binary is None:
        raise BuildError("Pagefind's binary was not found (pip install 'pagefind[extended]')")
    by_bundle: dict[str, list[Record]] = {}
    for record in items:
        by_bundle.setdefault(record.bundle, []).append(record)
    with ThreadPoolExecutor(max_workers=max(1, len(by_bundle))) as pool:
        jobs = [pool.submit(_index_one, str(binary), os.path.join(site_dir, bundle), group)
                for bundle, group in by_bundle.items()]
        for job in jobs:
            job.result()


def _index_one(binary: str, bundle: str, items: list[Record]) -> None:
    with PagefindService(binary) as service:
        service.add_records({"url": r.url, "content": r.content, "language": r.language, "meta": r.meta,
                             "filters": r.filters} for r in items)
        service.write_files(bundle)
