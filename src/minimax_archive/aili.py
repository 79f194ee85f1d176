"""The Aili summary format, parsed into a :class:`Document`.

```
Summarize by Aili                                 <- page chrome before the title is dropped
对话 MiniMax 闫俊杰：AGI ...                       <- title: the first other line with text

🌈 Abstract                                       <- or 🌈 摘要 / Summary; any emoji or none; ':' or '：'
One or more paragraphs.                              allowed. Missing or empty: a warning.

🙋 Q&A                                            <- or 🙋 问答; any emoji or none; may be missing

[01] Section title                                <- two digits, numbered 01, 02, ... in order; the title
                                                     may be on the next line under a bare '[01]'

1. Question ends at the first ? or ？ Answer ...  <- unindented, numbered 1, 2, ... in every section
More paragraphs, "- bullet" lines, "[6] ..." lines or an indented "1. numbered list" continue the answer.
```

Rules, so that a text either loads exactly right or gets a precise error:

- Trailing whitespace and invisible characters at the start of a line (zero-width space, BOM,
  direction marks) are dropped, and runs of blank lines count as one.
- Page chrome copied from a browser with the summary is dropped, but only where no content can
  be: before the title, between the title and the abstract, after the abstract and at the end of
  the file. It is a fixed list of whole lines (see ``sharepage``): Aili badges and
  buttons, sign-in and download links, copyright and policy lines; above the abstract also a URL,
  a bare domain, a date and a repeated title line.
- ``[6]`` (one digit) is never a heading; a line starting with a two-digit ``[12]`` is, except
  inside an answer when its number is not the next section's and the next numbered line continues
  the same section, or none follows (a citation at the start of a line): that is one error, and
  the line stays in the answer.
- The answer starts after the first ``?`` or ``？`` on the item's line that is not inside inline
  code, a Markdown link or a URL, and may hold more of them.
- An unindented numbered line inside an answer that does not continue the item numbering and has
  no question mark is an unindented list: one error, and its lines stay in the answer. Numbers of
  four digits or more are items only where that number is due (``2021. was the year`` is text).
- Only the file's final item may be cut short (no question mark, no answer, or no closing
  punctuation): it is loaded with ``truncated=True`` and a warning.
- Everything else that does not fit is an error naming ``path:line`` and a fix: text between the
  title and the abstract, text before the first section or item, numbers out of order, a section
  without items, an item without a question mark or answer. Runs of stray lines are reported once.

``parse_document(text, path, problems)`` is pure: it takes text already decoded
and normalised (see ``textfile``), records every problem in line order (it stops
reading after ``_MAX_PROBLEMS`` errors) and returns the document, or None when
the text has errors. It never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import Problems, SourceSpan
from .markup import MAX_DEPTH, question_end, too_deep
from .model import QA, Document, Section
from .sharepage import is_chrome, is_url

_ABSTRACT = re.compile(r"^[^\w\[]*(abstract|summary|摘要)\s*[:：]?\s*$", re.IGNORECASE)
_QA = re.compile(r"^[^\w\[]*(q\s*&\s*a|q\s*and\s*a|问答)\s*[:：]?\s*$", re.IGNORECASE)
_SECTION = re.compile(r"^\[(\d{2})\]\s*(.*)$")
# "3.5 billion" starting an answer line is not item 3.
_ITEM = re.compile(r"^(\d{1,9})[.．、](?!\d)\s*(.*)$")
# Invisible characters a copy can put at the start of a line (they would hide an item number).
_INVISIBLE = re.compile("^[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+")
_SENTENCE_END = re.compile(r"[.!?。！？…\"'”’』」)）\]*_`]$")
_MAX_PROBLEMS = 50

_NO_SECTION_YET = ("text before the first section",
                   "sections start with a line like '[01] Section title'")
_NO_ITEM_YET = ("text before the first item of the section",
                "items start unindented with a number: '1. Question? Answer'")


@dataclass(slots=True)
class _Item:
    number: int
    line: int
    question: str | None
    """Up to and including the question mark; None when the line has none."""
    first: str
    """The rest of the item's line (all of it when there is no question mark)."""
    rest: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Section:
    number: int
    line: int
    title: str
    items: list[QA] = field(default_factory=list)


class _Stop(Exception):
    """Raised by :class:`_Capped` once a file has too many errors; caught in parse_document."""


class _Capped(Problems):
    """Stops the parse at the ``_MAX_PROBLEMS``-th error: such a file is not an Aili text, a long
    list helps nobody, and stopping keeps garbage input (100k bad lines) cheap."""

    def error(self, span: SourceSpan, message: str, hint: str = "") -> None:
        super().error(span, message, hint)
        if len(self.items) >= _MAX_PROBLEMS:
            raise _Stop


def parse_document(text: str, path: str, problems: Problems) -> Document | None:
    """Parse one Aili text. Problems are recorded, not raised."""
    found = _Capped()
    stopped = False
    try:
        document = _parse([_INVISIBLE.sub("", line).rstrip() for line in text.split("\n")], path, found)
    except _Stop:
        document, stopped = None, True
    found.items.sort(key=lambda p: p.span.line or 0)  # empty sections and the abstract are judged late
    problems.items.extend(found.items)
    if stopped:
        problems.error(SourceSpan(path, found.items[-1].span.line),
                       f"stopped reading after {_MAX_PROBLEMS} errors",
                       "is this an Aili summary? fix the problems above first")
    return None if found.errors else document


def _parse(lines: list[str], path: str, problems: Problems) -> Document | None:
    end = len(lines)  # the page's footer after the last answer is not part of it
    while end and (not lines[end - 1] or is_chrome(lines[end - 1].strip())):
        end -= 1
    lines = lines[:end] if any(lines[:end]) else lines
    title = _title(lines, path, problems)
    if title is None:
        return None
    abstract, start = _abstract(lines, title + 1, path, problems)
    sections = _sections(lines, start, path, problems)
    return Document(lines[title].strip(), abstract, sections, SourceSpan(path, title + 1))


def _title(lines: list[str], path: str, problems: Problems) -> int | None:
    """The index of the title line: the first line with text that is not page chrome (a page's
    header comes before the title, its source address and date after it)."""
    for i, line in enumerate(lines):
        text = line.strip()
        if not text or is_chrome(text) or is_url(text):
            continue
        if _ABSTRACT.match(text) or _QA.match(text) or _SECTION.match(text):
            problems.error(SourceSpan(path, i + 1), "the text has no title line",
                           "the first line should be the interview's title")
            return None
        return i
    message = "the file is empty" if not any(lines) else "the file has no title line, only page chrome"
    problems.error(SourceSpan(path, 1), message, "expected an Aili summary: a title line, "
                   "'🌈 Abstract', '🙋 Q&A' and '[01] ...' sections")
    return None


def _abstract(lines: list[str], start: int, path: str, problems: Problems) -> tuple[str | None, int]:
    """The abstract (if any) and the index of the first line after the '🙋 Q&A' heading."""
    heading: int | None = None
    body: list[str] = []
    stray = False
    title = lines[start - 1].strip()
    for j in range(start, len(lines)):
        text = lines[j].strip()
        if _QA.match(text) or _SECTION.match(text):
            break
        chrome = heading is None and is_chrome(text, header=True, title=title)
        if heading is None and _ABSTRACT.match(text):
            heading = j
        elif heading is not None:
            body.append(lines[j])
        elif text and not chrome and not stray:
            problems.error(SourceSpan(path, j + 1), "unexpected text between the title and the abstract",
                           "only the title goes before '🌈 Abstract'; if this is the abstract, "
                           "put a '🌈 Abstract' line above it")
        stray = heading is None and bool(text) and not chrome
    else:
        j = len(lines)
    while body and (not body[-1].strip() or is_chrome(body[-1].strip())):
        body.pop()  # a copy button under the abstract
    abstract = _join("", body)
    if heading is not None:
        _check_nesting("", body, heading + 1, "abstract", path, problems)
    if abstract is None:
        line = heading + 1 if heading is not None else start
        problems.warn(SourceSpan(path, line), "the interview has no abstract",
                      "add '🌈 Abstract' and a paragraph after the title")
    if j < len(lines) and _QA.match(lines[j].strip()):
        j += 1
    return abstract, j


def _sections(lines: list[str], start: int, path: str, problems: Problems) -> tuple[Section, ...]:
    """Read ``[NN]`` sections and their items; every other line continues the open item."""
    sections: list[_Section] = []
    item: _Item | None = None
    listing = 0  # the next number of an unindented list inside the open answer (0: none)
    stray = False
    following = _next_numbered(lines, start)
    title_line = -1  # a heading's title on the line below it, already read
    for j in range(start, len(lines)):
        if j == title_line:
            continue
        raw, text = lines[j], lines[j].strip()
        heading = _SECTION.match(text)
        if heading and item is not None and _citation(heading, following[j], sections, item):
            problems.error(SourceSpan(path, j + 1), f"a line starting with '[{heading.group(1)}]' inside "
                           "an answer is read as a section heading", "a section heading is followed by item 1; "
                           "to keep the citation, move it to the end of the line above")
            heading = None
        numbered = _ITEM.match(raw) if sections and not heading else None  # unindented: indented numbers are lists
        if numbered:
            kind = _numbered_kind(numbered, sections[-1], item, listing)
            if kind == "list":
                if not listing:
                    _report_misnumbered(int(numbered.group(1)), j + 1, sections[-1], item, path, problems)
                listing = int(numbered.group(1)) + 1
            numbered = numbered if kind == "item" else None
        if heading or numbered:
            _close(sections, item, path, problems, final=False, section_ends=bool(heading))
            listing = 0
        if heading:
            title_line = _title_below(heading, lines, j)
            title = lines[title_line].strip() if title_line > 0 else heading.group(2).strip()
            sections.append(_open_section(int(heading.group(1)), title, j + 1, sections, path, problems))
            item = None
        elif numbered:
            item = _open_item(numbered, j + 1, sections[-1], path, problems)
        elif item is not None:
            item.rest.append(raw)
        elif text and not stray and not (not sections and is_chrome(text)):
            problems.error(SourceSpan(path, j + 1), *(_NO_ITEM_YET if sections else _NO_SECTION_YET))
        stray = bool(text) and not heading and item is None
    _close(sections, item, path, problems, final=True, section_ends=True)
    if not sections:
        last = max((k + 1 for k, line in enumerate(lines) if line), default=1)
        problems.error(SourceSpan(path, last), "no Q&A sections found",
                       "after '🙋 Q&A', write sections '[01] Section title' with items '1. Question? Answer'")
    return tuple(Section(s.number, s.title, tuple(s.items), SourceSpan(path, s.line)) for s in sections)


def _next_numbered(lines: list[str], start: int) -> list[int | None]:
    """For every line, the number of the next unindented numbered line after it, before any heading
    (None when a heading or the end of the file comes first). One pass from the end."""
    out: list[int | None] = [None] * len(lines)
    upcoming: int | None = None
    for j in range(len(lines) - 1, start - 1, -1):
        out[j] = upcoming
        if _SECTION.match(lines[j].strip()):
            upcoming = None
        elif match := _ITEM.match(lines[j]):
            upcoming = int(match.group(1))
    return out


def _citation(heading: re.Match[str], upcoming: int | None, sections: list[_Section], item: _Item) -> bool:
    """A ``[NN]`` line inside an answer that is not a heading: its number is not the next section's,
    and what follows continues the open section (the next item is not 1) or there is no item at all.
    (A heading with the right number is a heading, even if the item after it is misnumbered.)"""
    if not _misnumbered(int(heading.group(1)), len(sections) + 1, sections[-1].number):
        return False
    return upcoming is None or (upcoming == item.number + 1 and upcoming != 1)


def _numbered_kind(match: re.Match[str], section: _Section, item: _Item | None, listing: int) -> str:
    """Is an unindented numbered line an ``item``, or does it continue the answer as text or an
    unindented ``list``? Only a number that continues the items, or a line with a question, is an item."""
    number = int(match.group(1))
    position, previous = _expected(section, item)
    fits = not _misnumbered(number, position, previous)
    question = question_end(match.group(2)) is not None
    if item is not None and listing and number == listing and not question:
        return "list"
    if fits:
        return "item"
    if len(match.group(1)) > 3:
        return "text"  # "2021. That year ..." at the start of a line
    return "list" if item is not None and not question else "item"


def _expected(section: _Section, item: _Item | None) -> tuple[int, int]:
    """The position the next item would take in the section, and the previous item's number."""
    if item is not None:
        return len(section.items) + 2, item.number
    return len(section.items) + 1, section.items[-1].number if section.items else 0


def _report_misnumbered(number: int, line: int, section: _Section, item: _Item | None, path: str,
                        problems: Problems) -> None:
    position, _ = _expected(section, item)
    problems.error(SourceSpan(path, line), f"item {number} where item {position} was expected "
                   f"in section [{section.number:02d}]",
                   "items are numbered 1, 2, ... in every section; indent a numbered list inside an answer")


def _close(sections: list[_Section], item: _Item | None, path: str, problems: Problems,
           final: bool, section_ends: bool) -> None:
    """Check and freeze the open item (``final``: the file's last); a section that ends needs items."""
    if item is not None:
        sections[-1].items.append(_freeze_item(item, path, problems, final))
    if section_ends and sections and not sections[-1].items:
        section = sections[-1]
        problems.error(SourceSpan(path, section.line), f"section [{section.number:02d}] has no items",
                       "add items like '1. Question? Answer', or remove the heading")


def _title_below(heading: re.Match[str], lines: list[str], j: int) -> int:
    """A browser copy can put a section's number and title on two lines ('[01]', then the title):
    the index of that title line, or -1."""
    if heading.group(2).strip() or j + 1 >= len(lines):
        return -1
    below = lines[j + 1].strip()
    if not below or _SECTION.match(below) or _ITEM.match(lines[j + 1]) or is_chrome(below):
        return -1
    return j + 1


def _open_section(number: int, title: str, line: int, sections: list[_Section], path: str,
                  problems: Problems) -> _Section:
    position = len(sections) + 1
    if _misnumbered(number, position, sections[-1].number if sections else 0):
        problems.error(SourceSpan(path, line), f"section [{number:02d}] where [{position:02d}] was expected",
                       "number sections 01, 02, ... in order")
    if not title:
        problems.error(SourceSpan(path, line), f"section [{number:02d}] has no title",
                       "write it as '[01] Section title'")
    return _Section(number, line, title)


def _open_item(match: re.Match[str], line: int, section: _Section, path: str, problems: Problems) -> _Item:
    number, body = int(match.group(1)), match.group(2).strip()
    if _misnumbered(number, *_expected(section, None)):
        _report_misnumbered(number, line, section, None, path, problems)
    end = question_end(body)
    if end is None:
        return _Item(number, line, None, body)
    return _Item(number, line, body[:end].strip(), body[end:].strip())


def _misnumbered(number: int, position: int, previous: int) -> bool:
    """Wrong unless it is the position or follows the previous number, so that one typo
    ([01] [05] [03]) or one omission ([01] [03] [04]) is reported once, not for every later number."""
    return number not in (position, previous + 1)


def _freeze_item(item: _Item, path: str, problems: Problems, final: bool) -> QA:
    """Check and freeze an item. Only the file's final item may be cut short (a warning)."""
    span = SourceSpan(path, item.line)
    first = item.first if item.question is not None else ""
    answer = _join(first, item.rest) or ""
    _check_nesting(first, item.rest, item.line, "answer", path, problems)
    # Cut inside the question (nothing after it) or inside the answer (no closing punctuation).
    cut = not answer if item.question is None else not _SENTENCE_END.search(answer)
    if final and cut:
        problems.warn(span, f"item {item.number} seems cut off at the end of the file",
                      "the text may have been truncated; complete the item")
        return QA(item.number, item.question or item.first, answer, span, truncated=True)
    if item.question is None:
        problems.error(span, f"item {item.number} has no question mark",
                       "the question ends at the first '?' or '？'; add one after the question")
    elif len(item.question) == 1:
        problems.error(span, f"item {item.number} has no question", "write the question before the '?'")
    elif not answer:
        problems.error(span, f"item {item.number} has no answer", "write the answer after the question mark")
    return QA(item.number, item.question or item.first, answer, span)


def _join(first: str, rest: list[str]) -> str | None:
    """A block of text: common indent removed, blank-line runs made one; None when empty."""
    text = _block(first, rest).strip()
    return re.sub(r"\n{3,}", "\n\n", text) or None


def _block(first: str, rest: list[str]) -> str:
    """``first`` and the ``rest`` lines without their common indent, line for line."""
    indents = [len(line) - len(line.lstrip()) for line in rest if line.strip()]
    cut = min(indents, default=0)
    return "\n".join([first, *(line[cut:] for line in rest)])


def _check_nesting(first: str, rest: list[str], line: int, what: str, path: str, problems: Problems) -> None:
    """Report Markdown nested so deeply that it would not be shown (``line``: the line of ``first``)."""
    deep = too_deep(_block(first, rest))
    if deep is not None:
        problems.error(SourceSpan(path, line + deep), f"lists or quotes nested too deeply: the rest of the "
                       f"{what} would not be shown", f"nest them at most {MAX_DEPTH} levels deep")
