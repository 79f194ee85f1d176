"""Which Q&As belong to which theme.

A Q&A belongs to a theme when its question or answer, in any language, contains
one of the theme's keywords (in any language): whole words for Latin script,
case-insensitive; substrings for Chinese, which has no spaces between words
(see :mod:`.lang`: full-width letters and Traditional characters count as their
plain and Simplified forms; a Han character next to a Latin keyword is a word
boundary).
``meta.yaml`` can add a theme to a Q&A (``s02-q1: [moe]``) or remove one
(``s02-q1: [-moe]``). A Q&A carries the same themes in every language.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .lang import fold, keyword_pattern
from .model import Archive, Interview, SiteConfig, Theme, ThemeMap, qa_anchor
from .workers import Mapper, serial_map


class Matcher:
    """One regex per theme, so a keyword inside another theme's keyword still counts.

    ("dense models" in one theme and "models" in another both match "dense
    models"; a single alternation of every keyword would report only one.)
    Texts and keywords are compared in :func:`lang.fold` form, so ``ＭｏＥ`` and
    ``產品`` match ``MoE`` and ``产品``; a Latin keyword next to a Chinese character
    (训练MoE模型) is a whole word.
    """

    def __init__(self, themes: tuple[Theme, ...]):
        self.patterns: list[tuple[str, tuple[str, ...], re.Pattern[str]]] = []
        for theme in themes:
            # Longest first: the alternation then reports the longest keyword at a place.
            words = sorted({w for ws in theme.keywords.values() for w in ws}, key=len, reverse=True)
            if words:
                # The regex starts with a look-behind, which the engine tries at every position;
                # a keyword's first word as plain text is necessary for a match and far cheaper.
                firsts = tuple({fold(w).split()[0] for w in words if w.split()})
                self.patterns.append((theme.key, firsts,
                                      re.compile("|".join(keyword_pattern(w).pattern for w in words))))

    def themes_in(self, text: str) -> set[str]:
        """Keys of the themes whose keywords occur in ``text``."""
        folded = fold(text)
        return {key for key, firsts, pattern in self.patterns
                if any(first in folded for first in firsts) and pattern.search(folded)}


def assigner(config: SiteConfig) -> Callable[[Interview], ThemeMap]:
    """The theme keys of one interview's Q&As, per (slug, Q&A id), in vocabulary order."""
    order = [theme.key for theme in config.themes]
    matcher = Matcher(config.themes)

    def of(interview: Interview) -> ThemeMap:
        result = {}
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

    return of


def assign(archive: Archive, mapper: Mapper = serial_map) -> ThemeMap:
    """Theme keys per (slug, Q&A id), in vocabulary order; Q&As without themes are left out.

    Each interview is matched on its own: ``mapper`` may spread them over processes."""
    merged: ThemeMap = {}
    for part in mapper(assigner(archive.config), archive.interviews):
        merged.update(part)
    return merged


def _qa_texts(interview: Interview) -> dict[str, list[str]]:
    texts: dict[str, list[str]] = {}
    for document in interview.documents.values():
        for section in document.sections:
            for qa in section.items:
                texts.setdefault(qa_anchor(section, qa), []).extend((qa.question, qa.answer))
    return texts
