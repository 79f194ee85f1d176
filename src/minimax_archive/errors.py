"""Where things came from, and what is wrong with them.

Every problem the archive reports names a source position and, where we can
guess it, a fix: ``path:line: message (hint)``. Loading collects problems in a
:class:`Problems` list and fails once, with all of them, as a
:class:`ContentError`; the CLI turns that into a message and exit status 1.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """A position in a content file."""

    path: str
    """The file, as the user named it (relative to where they ran the command)."""
    line: int | None = None
    """1-based line number, or None when the problem concerns the whole file."""

    def __str__(self) -> str:
        return self.path if self.line is None else f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (or suspicious) in the content."""

    span: SourceSpan
    """Where it is."""
    message: str
    """What is wrong, in plain words."""
    hint: str = ""
    """How to fix it; shown in parentheses."""
    warning: bool = False
    """True when the build can go on (e.g. a truncated final item)."""

    def __str__(self) -> str:
        text = f"{self.span}: {'warning: ' if self.warning else ''}{self.message}"
        return f"{text} ({self.hint})" if self.hint else text


@dataclass(slots=True)
class Problems:
    """A collector: parse functions add to it instead of raising on the first problem."""

    items: list[Problem] = field(default_factory=list)

    def error(self, span: SourceSpan, message: str, hint: str = "") -> None:
        self.items.append(Problem(span, message, hint))

    def warn(self, span: SourceSpan, message: str, hint: str = "") -> None:
        self.items.append(Problem(span, message, hint, warning=True))

    def extend(self, other: Problems) -> None:
        self.items.extend(other.items)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.warning]

    def raise_if_errors(self) -> None:
        """Fail once, with every problem found so far (warnings included, for context)."""
        if self.errors:
            raise ContentError(list(self.items))

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def count(n: int, noun: str) -> str:
    """``count(1, "item")`` is "1 item", ``count(2, "item")`` is "2 items"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


class ContentError(Exception):
    """The content cannot be built; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @classmethod
    def single(cls, span: SourceSpan, message: str, hint: str = "") -> ContentError:
        return cls([Problem(span, message, hint)])


class BuildError(Exception):
    """A step after loading failed (Pagefind missing or crashing, output not writable)."""
