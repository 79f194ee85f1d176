"""The archive as data: interviews, their texts, sections, Q&As, and themes.

Pure, frozen data. Nothing here reads files or imports anything else of ours
(except the :class:`SourceSpan` every model carries, so later errors can point
at the source).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import SourceSpan


@dataclass(frozen=True, slots=True)
class QA:
    """One question and its answer."""

    number: int
    """The item number as written (1-based, restarting in every section)."""
    question: str
    """The question, ending with its question mark."""
    answer: str
    """The answer: inline markdown; paragraphs and list items separated by blank lines."""
    span: SourceSpan
    """Where the item starts."""
    truncated: bool = False
    """True when the text ends mid-item (loaded with a warning)."""


@dataclass(frozen=True, slots=True)
class Section:
    """A ``[NN] Title`` heading and the Q&As under it."""

    number: int
    """The section number as written (``[02]`` is 2)."""
    title: str
    """The heading text after the number."""
    items: tuple[QA, ...]
    """The Q&As, in order."""
    span: SourceSpan
    """Where the heading is."""

    @property
    def anchor(self) -> str:
        """The HTML id of the section, the same in every language (``s02``)."""
        return f"s{self.number:02d}"


def qa_anchor(section: Section, qa: QA) -> str:
    """The HTML id of a Q&A, the same in every language (``s02-q1``)."""
    return f"{section.anchor}-q{qa.number}"


@dataclass(frozen=True, slots=True)
class Document:
    """One language version of an interview: an Aili summary text, parsed."""

    title: str
    """The title line."""
    abstract: str | None
    """The abstract paragraph(s), or None when the text has none."""
    sections: tuple[Section, ...]
    """The Q&A sections, in order."""
    span: SourceSpan
    """The file (line of the title)."""


@dataclass(frozen=True, slots=True)
class Meta:
    """What ``meta.yaml`` says about an interview; every field is optional."""

    title: dict[str, str] = field(default_factory=dict)
    """Display title per language code; falls back to the text's title line."""
    interviewee: dict[str, str] = field(default_factory=dict)
    """The person interviewed, per language."""
    organisation: dict[str, str] = field(default_factory=dict)
    """Their organisation, per language."""
    source: str | None = None
    """Where the summary was published (an http(s) URL)."""
    date: str | None = None
    """ISO date (YYYY-MM-DD, YYYY-MM or YYYY) of the interview, if known."""
    themes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Per Q&A id (``s02-q1``): theme keys to add, or ``-key`` to remove."""
    span: SourceSpan | None = None
    """The meta.yaml file, if there is one."""
    theme_lines: dict[str, int] = field(default_factory=dict)
    """Line of each entry in ``themes``, for errors found after loading."""
    original_language: str | None = None
    """The language the interview was given in; the other texts are its translations (JSON-LD)."""


@dataclass(frozen=True, slots=True)
class Interview:
    """One interview: its slug, metadata, and its texts by language."""

    slug: str
    """The folder name; the URL segment of its pages."""
    meta: Meta
    """What meta.yaml says."""
    documents: dict[str, Document]
    """Parsed texts by language code (``en``, ``zh``); at least one."""
    fingerprint: str = ""
    """A hash of everything in its folder that the build reads (``loader.fingerprint``): an
    unchanged fingerprint means unchanged pages, which an incremental build reuses."""
    digests: dict[str, str] = field(default_factory=dict)
    """A hash of each file read (``en.txt``, ``meta.yaml``): what one language's pages depend on."""

    def text(self, lang: str) -> Document:
        """The text in ``lang``, or else the first text the interview has (archive language order)."""
        return self.documents.get(lang) or next(iter(self.documents.values()))

    def display_title(self, lang: str) -> str:
        """The title to show to a reader of ``lang``: meta.yaml's, else the text's title line."""
        return self.meta.title.get(lang) or self.text(lang).title


ThemeMap = dict[tuple[str, str], tuple[str, ...]]
"""Theme keys per (interview slug, Q&A id), as themes.assign computes them."""


@dataclass(frozen=True, slots=True)
class Theme:
    """A theme of the archive's vocabulary (``moe``, ``talent`` ...)."""

    key: str
    """Stable ASCII key; the URL segment and the search filter value."""
    label: dict[str, str]
    """Display name per language."""
    description: dict[str, str]
    """One line per language."""
    keywords: dict[str, tuple[str, ...]]
    """Words that put a Q&A in this theme, per language."""
    span: SourceSpan
    """Where the theme is defined in archive.yaml."""


#: Languages the site's own words (navigation, search page) are written in:
#: code -> (name shown in the language switch, value of <html lang>).
#: Pagefind picks its index from <html lang>; "zh" alone would silently search
#: the English index, hence zh-CN.
KNOWN_LANGUAGES = {"en": ("English", "en"), "zh": ("中文", "zh-CN")}



@dataclass(frozen=True, slots=True)
class SiteConfig:
    """The archive's settings, checked."""

    title: dict[str, str]
    """Site title per language."""
    description: dict[str, str]
    """One-line description per language."""
    languages: tuple[str, ...]
    """Language codes, in the order the language switch lists them."""
    default_language: str
    """The language of the entry page's first link and of fallbacks."""
    base_url: str | None
    """Absolute URL the site is published at (ends with ``/``), or None."""
    themes: tuple[Theme, ...]
    """The theme vocabulary, in the order written."""
    span: SourceSpan
    """The archive.yaml file."""

    def html_lang(self, lang: str) -> str:
        return KNOWN_LANGUAGES[lang][1]


@dataclass(frozen=True, slots=True)
class Archive:
    """Everything the build needs: settings and interviews, checked."""

    config: SiteConfig
    """archive.yaml."""
    interviews: tuple[Interview, ...]
    """Every interview, newest first (by date, then slug)."""

    @property
    def answer_count(self) -> int:
        """Q&As in every text of every interview."""
        return sum(len(s.items) for i in self.interviews for d in i.documents.values() for s in d.sections)
