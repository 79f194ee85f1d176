"""The Aili summary format, parsed into a :class:`Document`.

```
对话 MiniMax 闫俊杰：AGI ...                       <- title line (page chrome before it is dropped)

🌈 Abstract                                       <- or 🌈 摘要, emoji optional; may be missing (warning)
One or more paragraphs.

🙋 Q&A                                            <- or 🙋 问答, emoji optional

[01] Section title                                <- two digits, numbered 01, 02, ... in order

1. Question ends at the first ? or ？ Answer ...  <- numbered 1, 2, ... in every section
   More paragraphs, "- bullet" lines, or an indented "1. numbered list" continue the answer.
```

``parse_document(text, path, problems)`` is pure: it takes text already decoded
and normalised (see ``textfile``), records every problem with ``path:line`` and
returns the document, or None when nothing usable could be read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import Problems, SourceSpan
from .model import QA, Document, Section

_ABSTRACT = re.compile(r"^[^\w\[]*(abstract|summary|摘要)\s*[:：]?\s*$", re.IGNORECASE)
_QA = re.compile(r"^[^\w\[]*(q\s*&\s*a|q\s*and\s*a|问答)\s*[:：]?\s*$", re.IGNORECASE)
_SECTION = re.compile(r"^\[(\d{2})\]\s*(.*)$")
_ITEM = re.compile(r"^(\d{1,3})[.．、]\s*(.*)$")
# Lines that web pages and share buttons put around a summary: never content.
_CHROME = re.compile(r"^(summari[sz]ed?\s+by\s+aili.*|aili|https?://\S+|share|分享)$", re.IGNORECASE)
_QUESTION_END = re.compile(r"[?？]")
_SENTENCE_END = re.compile(r"[.!?。！？…\"”』」)）\]*_`]$")


@dataclass(slots=True)
class _Item:
    number: int
    line: int
    question: str
    first: str
    rest: list[str] = field(default_factory=list)
    has_question: bool = True


@dataclass(slots=True)
class _Section:
    number: int
    line: int
    title: str
    items: list[_Item] = field(default_factory=list)


def parse_document(text: str, path: str, problems: Problems) -> Document | None:
    """Parse one Aili text. Problems are recorded, not raised."""
    lines = [line.rstrip() for line in text.split("\n")]
    errors_before = len(problems.errors)
    title, title_line, i = _title(lines, path, problems)
    if title is None:
        return None
    abstract, i = _abstract(lines, i, path, problems)
    sections = _sections(lines, i, path, problems)
    frozen = tuple(_freeze(s, path, problems, k == len(sections) - 1) for k, s in enumerate(sections))
    if len(problems.errors) > errors_before:
        return None
    return Document(title, abstract, frozen, SourceSpan(path, title_line))


def _title(lines: list[str], path: str, problems: Problems) -> tuple[str | None, int, int]:
    for i, line in enumerate(lines):
        text = line.strip()
        if not text or _CHROME.match(text):
            continue
        if _ABSTRACT.match(text) or _QA.match(text) or _SECTION.match(text):
            problems.error(SourceSpan(path, i + 1), "the text has no title line",
                           "the first line should be the interview's title")
            return None, 0, 0
        return text, i + 1, i + 1
    problems.error(SourceSpan(path, 1), "the file is empty", "expected an Aili summary: a title line, "
                   "'🌈 Abstract', '🙋 Q&A' and '[01] ...' sections")
    return None, 0, 0


def _abstract(lines: list[str], i: int, path: str, problems: Problems) -> tuple[str | None, int]:
    """Skip to the Q&A part; return the abstract (if any) and the index after its heading."""
    heading = None
    body: list[tuple[int, str]] = []
    for j in range(i, len(lines)):
        text = lines[j].strip()
        if _QA.match(text) or _SECTION.match(text):
            break
        if heading is None and _ABSTRACT.match(text):
            heading = j
        elif heading is not None:
            body.append((j, lines[j]))
        elif text and not _CHROME.match(text):
            problems.error(SourceSpan(path, j + 1), "unexpected text between the title and the abstract",
                           "only the title line goes before '🌈 Abstract'; remove or merge this line")
    else:
        j = len(lines)
    abstract = "\n".join(text for _, text in body).strip()
    if heading is None or not abstract:
        where = SourceSpan(path, (heading + 1) if heading is not None else i)
        problems.warn(where, "the interview has no abstract", "add '🌈 Abstract' and a paragraph after the title")
    abstract = re.sub(r"\n{3,}", "\n\n", abstract) or None
    if j < len(lines) and _QA.match(lines[j].strip()):
        j += 1
    return abstract, j


def _sections(lines: list[str], i: int, path: str, problems: Problems) -> list[_Section]:
    sections: list[_Section] = []
    item: _Item | None = None
    for j in range(i, len(lines)):
        raw, text, span = lines[j], lines[j].strip(), SourceSpan(path, j + 1)
        section = _SECTION.match(text)
        numbered = _ITEM.match(raw)  # unindented only: indented numbers are lists in an answer
        if section:
            number = int(section.group(1))
            expected = len(sections) + 1
            if number != expected:
                problems.error(span, f"section [{number:02d}] where [{expected:02d}] was expected",
                               "number sections 01, 02, ... in order")
            if not section.group(2).strip():
                problems.error(span, "section heading without a title", "write it as '[01] Section title'")
            sections.append(_Section(number, j + 1, section.group(2).strip()))
            item = None
        elif numbered and sections:
            item = _start_item(sections[-1], numbered, j + 1, path, problems)
        elif not text:
            if item is not None:
                item.rest.append("")
        elif item is not None:
            item.rest.append(raw)
        elif sections:
            problems.error(span, "text before the first item of the section",
                           "items start with a number: '1. Question? Answer'")
        else:
            problems.error(span, "text before the first section",
                           "sections start with a line like '[01] Section title'")
    if not sections:
        problems.error(SourceSpan(path, len(lines)), "no Q&A sections found",
                       "sections start with a line like '[01] Section title', then items '1. Question? Answer'")
    for section in sections:
        if not section.items:
            problems.error(SourceSpan(path, section.line), f"section [{section.number:02d}] has no items",
                           "add items like '1. Question? Answer', or remove the heading")
    return sections


def _start_item(section: _Section, match: re.Match, line: int, path: str, problems: Problems) -> _Item:
    number, body = int(match.group(1)), match.group(2).strip()
    expected = len(section.items) + 1
    if number != expected:
        problems.error(SourceSpan(path, line), f"item {number} where item {expected} was expected "
                       f"in section [{section.number:02d}]",
                       "items are numbered 1, 2, ... in every section; indent a numbered list inside an answer")
    end = _QUESTION_END.search(body)
    if end is None:
        item = _Item(number, line, body, "", has_question=False)
    else:
        item = _Item(number, line, body[: end.end()].strip(), body[end.end():].strip())
    section.items.append(item)
    return item


def _freeze(section: _Section, path: str, problems: Problems, final: bool) -> Section:
    """Check and freeze a section; ``final`` marks the last section of the file."""
    items = tuple(_freeze_item(item, path, problems, final and k == len(section.items) - 1)
                  for k, item in enumerate(section.items))
    return Section(section.number, section.title, items, SourceSpan(path, section.line))


def _freeze_item(item: _Item, path: str, problems: Problems, final: bool) -> QA:
    """Check and freeze an item. Only the file's final item may be cut short (a warning)."""
    span = SourceSpan(path, item.line)
    answer = re.sub(r"\n{3,}", "\n\n", "\n".join([item.first, *_dedent(item.rest)]).strip())
    cut = not item.has_question or not answer or not _SENTENCE_END.search(answer)
    if final and cut:
        problems.warn(span, f"item {item.number} seems cut off at the end of the file",
                      "the text may have been truncated; complete the item")
        return QA(item.number, item.question, answer, span, truncated=True)
    if not item.has_question:
        problems.error(span, f"item {item.number} has no question mark",
                       "the question ends at the first '?' or '？'; add one after the question")
    elif not answer:
        problems.error(span, f"item {item.number} has no answer", "write the answer after the question mark")
    return QA(item.number, item.question, answer, span)


def _dedent(lines: list[str]) -> list[str]:
    indents = [len(l) - len(l.lstrip()) for l in lines if l.strip()]
    cut = min(indents, default=0)
    return [l[cut:] for l in lines]
