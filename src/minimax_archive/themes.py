"""Which Q&As belong to which theme.

A Q&A belongs to a theme when its question or answer, in any language, contains
one of the theme's keywords (in any language): whole words for Latin script,
case-insensitive; substrings for Chinese, which has no spaces between words.
``meta.yaml`` can add a theme to a Q&A (``s02-q1: [moe]``) or remove one
(``s02-q1: [-moe]``). A Q&A carries the same themes in every language.
"""

from __future__ import annotations

import re

from .model import Archive, Interview, Theme, qa_anchor

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def keyword_pattern(theme: Theme) -> re.Pattern:
    """One regex matching any keyword of the theme, in any language."""
    parts = []
    for words in theme.keywords.values():
        for word in words:
            body = re.escape(word).replace(r"\ ", r"\s+")
            parts.append(body if _HAN.search(word) else rf"(?<!\w){body}(?!\w)")
    return re.compile("|".join(parts), re.IGNORECASE)


def assign(archive: Archive) -> dict[tuple[str, str], tuple[str, ...]]:
    """Theme keys per (slug, Q&A id), in vocabulary order; Q&As without themes are left out."""
    patterns = [(theme.key, keyword_pattern(theme)) for theme in archive.config.themes]
    result = {}
    for interview in archive.interviews:
        for qa_id, texts in _qa_texts(interview).items():
            text = "\n".join(texts)  # one search per theme over every language's question and answer
            found = {key for key, pattern in patterns if pattern.search(text)}
            for name in interview.meta.themes.get(qa_id, ()):
                if name.startswith("-"):
                    found.discard(name[1:])
                else:
                    found.add(name)
            if found:
                result[(interview.slug, qa_id)] = tuple(k for k, _ in patterns if k in found)
    return result


def _qa_texts(interview: Interview) -> dict[str, list[str]]:
    texts: dict[str, list[str]] = {}
    for document in interview.documents.values():
        for section in document.sections:
            for qa in section.items:
                texts.setdefault(qa_anchor(section, qa), []).extend((qa.question, qa.answer))
    return texts
