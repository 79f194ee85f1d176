"""Which Q&As belong to which theme.

A Q&A belongs to a theme when its question or answer, in any language, contains
one of the theme's keywords (in any language): whole words for Latin script,
case-insensitive; substrings for Chinese, which has no spaces between words.
``meta.yaml`` can add a theme to a Q&A (``s02-q1: [moe]``) or remove one
(``s02-q1: [-moe]``). A Q&A carries the same themes in every language.
"""

from __future__ import annotations

import re

from .model import HAN, Archive, Interview, Theme, ThemeMap, qa_anchor

_HAN = re.compile(f"[{HAN}]")


class Matcher:
    """Every keyword of every theme in one regex, so each text is scanned once."""

    def __init__(self, themes: tuple[Theme, ...]):
        self.themes_of: dict[str, set[str]] = {}
        latin, han = [], []
        for theme in themes:
            for words in theme.keywords.values():
                for word in words:
                    self.themes_of.setdefault(_normal(word), set()).add(theme.key)
                    body = re.escape(word).replace(r"\ ", r"\s+")
                    (han if _HAN.search(word) else latin).append(body)
        # Longest first, so "mixture of experts" wins over a shorter keyword at the same place.
        parts = [rf"(?<!\w)(?:{'|'.join(sorted(latin, key=len, reverse=True))})(?!\w)"] if latin else []
        parts += sorted(han, key=len, reverse=True)
        self.pattern = re.compile("|".join(parts), re.IGNORECASE) if parts else None

    def themes_in(self, text: str) -> set[str]:
        """Keys of the themes whose keywords occur in ``text``."""
        if self.pattern is None:
            return set()
        found: set[str] = set()
        for match in self.pattern.finditer(text):
            found |= self.themes_of.get(_normal(match.group(0)), set())
        return found


def _normal(word: str) -> str:
    return " ".join(word.split()).casefold()


def assign(archive: Archive) -> ThemeMap:
    """Theme keys per (slug, Q&A id), in vocabulary order; Q&As without themes are left out."""
    order = [theme.key for theme in archive.config.themes]
    matcher = Matcher(archive.config.themes)
    result = {}
    for interview in archive.interviews:
        for qa_id, texts in _qa_texts(interview).items():
            found = matcher.themes_in("\n".join(texts))  # every language's question and answer
            for name in interview.meta.themes.get(qa_id, ()):
                if name.startswith("-"):
                    found.discard(name[1:])
                else:
                    found.add(name)
            if found:
                result[(interview.slug, qa_id)] = tuple(k for k in order if k in found)
    return result


def _qa_texts(interview: Interview) -> dict[str, list[str]]:
    texts: dict[str, list[str]] = {}
    for document in interview.documents.values():
        for section in document.sections:
            for qa in section.items:
                texts.setdefault(qa_anchor(section, qa), []).extend((qa.question, qa.answer))
    return texts
