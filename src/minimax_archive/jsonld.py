"""schema.org metadata (JSON-LD) of an interview page.

An ``Article`` with ``genre`` Interview: headline, author and publisher (the
archive), ``datePublished`` (the interview's date), ``url``, ``inLanguage``,
``about`` the interviewee as a ``Person`` with their organisation, every Q&A as
a ``hasPart`` ``Question`` with its ``acceptedAnswer`` and ``url``, and the
other language versions: the default language's text is treated as the work,
the others as its translations (``workTranslation`` / ``translationOfWork``).

URLs are absolute with a ``base_url``, else relative to the page (JSON-LD
resolves them against the page's address). Every term used is checked against
schema.org's vocabulary in ``tests/test_jsonld.py``.
"""

from __future__ import annotations

from typing import Any

from . import urls
from .markup import plain
from .model import Archive, Interview, qa_anchor


def article(archive: Archive, interview: Interview, lang: str) -> dict[str, Any]:
    """The JSON-LD object of ``interview`` in ``lang`` (which it must have a text in)."""
    config = archive.config
    doc = interview.documents[lang]
    path = urls.interview(lang, interview.slug)

    def url(to: str, fragment: str = "") -> str:
        return (urls.absolute(config.base_url, to) or urls.link(path, to)) + fragment

    archive_org = {"@type": "Organization", "name": config.title.get(lang, ""), "url": url(urls.home(lang))}
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Article", "genre": "Interview",
        "headline": interview.display_title(lang), "url": url(path), "inLanguage": config.html_lang(lang),
        "author": archive_org, "publisher": archive_org,
    }
    if doc.abstract:
        data["description"] = plain(doc.abstract)
    if interview.meta.date:
        data["datePublished"] = interview.meta.date
    if interview.meta.source:
        data["isBasedOn"] = interview.meta.source
    person = interview.meta.interviewee.get(lang)
    if person:
        data["about"] = {"@type": "Person", "name": person}
        organisation = interview.meta.organisation.get(lang)
        if organisation:
            data["about"]["affiliation"] = {"@type": "Organization", "name": organisation}
    data["hasPart"] = [{
        "@type": "Question", "name": plain(qa.question), "url": url(path, "#" + qa_anchor(section, qa)),
        "acceptedAnswer": {"@type": "Answer", "text": plain(qa.answer), "url": url(path, "#" + qa_anchor(section, qa))},
    } for section in doc.sections for qa in section.items]
    original = next((code for code in (interview.meta.original_language, config.default_language)
                     if code in interview.documents), next(iter(interview.documents)))
    others = [{"@type": "Article", "url": url(urls.interview(code, interview.slug)),
               "inLanguage": config.html_lang(code), "headline": interview.display_title(code)}
              for code in config.languages if code in interview.documents and code != lang]
    if others and lang == original:
        data["workTranslation"] = others
    elif others:
        data["translationOfWork"] = next(o for o in others if o["inLanguage"] == config.html_lang(original))
    return data
