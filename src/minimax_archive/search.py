"""The search index: one Pagefind record per answer (and one per interview).

Pagefind filters apply to whole records, so a record per answer is what lets
the theme filter return exactly the answers on a theme, each linking to its own
anchor (``/en/interviews/<slug>/#s02-q1``). Records are built from the archive
(pure, :func:`records`) and handed to Pagefind's extended build, the one that
segments Chinese (:func:`write_index`). Each record joins the index of its
page language, lower-cased (``zh-cn``), which is the index the browser picks
from ``<html lang="zh-CN">``.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from . import urls
from .errors import BuildError
from .markup import excerpt, plain
from .model import Archive, qa_anchor
from .pagefind_service import PagefindService

BUNDLE = "pagefind"
"""The index folder inside the site."""


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


def records(archive: Archive, themes: dict[tuple[str, str], tuple[str, ...]]) -> list[Record]:
    """Every record of the archive, in every language that has a text."""
    out = []
    config = archive.config
    for interview in archive.interviews:
        for lang, doc in interview.documents.items():
            language = config.html_lang(lang).lower()
            page = urls.site_path(urls.interview(lang, interview.slug))
            title = interview.display_title(lang, config.default_language)
            people = {k: [v] for k, v in (("interviewee", interview.meta.interviewee.get(lang)),
                                          ("organisation", interview.meta.organisation.get(lang))) if v}
            intro = " ".join(filter(None, [title, *(v[0] for v in people.values()), plain(doc.abstract or "")]))
            out.append(Record(page, intro, language,
                              {"title": title, "interview": title, "page": page,
                               "excerpt": excerpt(doc.abstract or "")}, dict(people)))
            for section in doc.sections:
                for qa in section.items:
                    anchor = qa_anchor(section, qa)
                    keys = list(themes.get((interview.slug, anchor), ()))
                    out.append(Record(
                        f"{page}#{anchor}", plain(qa.question) + " " + plain(qa.answer), language,
                        {"title": plain(qa.question), "interview": title, "page": page,
                         "section": section.title, "excerpt": excerpt(qa.answer)},
                        dict(people) | ({"theme": keys} if keys else {})))
    return out


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


def bundle_path(html_lang: str) -> str:
    """Where a language's search bundle goes in the site (``zh-cn/pagefind``)."""
    return f"{BUNDLE}/{html_lang.lower()}"


def write_index(site_dir: str, items: list[Record]) -> None:
    """Index the records and write one Pagefind bundle per language, in parallel.

    A bundle per language lets each language be indexed by its own Pagefind
    process (Chinese segmentation is the slow part), and a reader downloads
    only the index of the language they search in.
    """
    check_pagefind()
    from pagefind.service import get_executable

    binary = get_executable()
    if binary is None:
        raise BuildError("Pagefind's binary was not found (pip install 'pagefind[extended]')")
    by_language: dict[str, list[Record]] = {}
    for record in items:
        by_language.setdefault(record.language, []).append(record)
    with ThreadPoolExecutor(max_workers=max(1, len(by_language))) as pool:
        jobs = [pool.submit(_index_one, str(binary), os.path.join(site_dir, bundle_path(lang)), group)
                for lang, group in by_language.items()]
        for job in jobs:
            job.result()


def _index_one(binary: str, bundle: str, items: list[Record]) -> None:
    with PagefindService(binary) as service:
        service.add_records({"url": r.url, "content": r.content, "language": r.language, "meta": r.meta,
                             "filters": r.filters} for r in items)
        service.write_files(bundle)
