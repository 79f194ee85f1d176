"""Reading content files: the one place that turns bytes into text.

Content must be UTF-8 (a BOM is allowed and dropped). Text is normalised to
NFC, so a title typed on macOS (NFD) and one typed elsewhere compare equal,
and line endings become ``\\n`` (CRLF and lone CR too). Control characters
(NUL, ESC, vertical tab ...) and Unicode non-characters (U+FFFE ...) are
refused with the line they are on: they are invisible in an editor, and one of
them in a title would make the pages and the Atom feed invalid. Files larger than
:data:`MAX_BYTES` are refused rather than risking a hang, and so are
symlinks and special files (a FIFO would block forever).
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata

from .errors import ContentError, Problem, SourceSpan

MAX_BYTES = 2 * 1024 * 1024
"""The largest content file we read (the real interview is 3 KB)."""

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
                       + "".join(f"{chr(plane * 0x10000 + 0xfffe)}{chr(plane * 0x10000 + 0xffff)}"
                                 for plane in range(17)) + "]")
"""Characters that may not reach a page or feed: C0 and C1 controls other than tab and newline
(XML 1.0 and HTML forbid them), lone surrogates, and the Unicode non-characters."""
_FORBIDDEN_BMP = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_BEYOND_BMP = re.compile("[^\x00-\uffff]")
""":data:`FORBIDDEN` in two parts, for long texts: Python's regular expressions scan a class of
characters within the Basic Multilingual Plane with a bitmap, but try each member beyond it in turn,
which made that one search a fifth of the time spent reading an archive. The few characters beyond
the plane (the format's own emoji) are checked one by one."""


def _find_forbidden(text: str, pos: int) -> re.Match[str] | None:
    match = _FORBIDDEN_BMP.search(text, pos)
    end = match.start() if match else len(text)
    for other in _BEYOND_BMP.finditer(text, pos, end):
        if ord(other.group()) & 0xFFFE == 0xFFFE:  # U+1FFFE, U+1FFFF, ... U+10FFFF
            return other
    return match

_NAMES = {0: "NUL", 0x0b: "vertical tab", 0x0c: "form feed", 0x1b: "ESC", 0x7f: "DEL"}
_MAX_REPORTED = 10


def describe_char(char: str) -> str:
    """``U+001B (ESC)``: a character that cannot be shown, named for a message."""
    code = ord(char)
    name = _NAMES.get(code)
    return f"U+{code:04X} ({name})" if name else f"U+{code:04X}"


def forbidden_characters(text: str, path: str, first_line: int = 1) -> list[Problem]:
    """One problem per line (at most ten) that holds a character from :data:`FORBIDDEN`."""
    problems: list[Problem] = []
    line, counted, match = first_line, 0, _find_forbidden(text, 0)
    while match:
        line += text.count("\n", counted, match.start())
        if len(problems) == _MAX_REPORTED:
            problems.append(Problem(SourceSpan(path, line), "more lines with control characters",
                                    "the file may not be text; remove them all"))
            break
        problems.append(Problem(SourceSpan(path, line), f"control character {describe_char(match.group())} "
                                "in the text", "remove it: it is invisible in most editors, and is not "
                                "allowed in web pages and feeds"))
        end = text.find("\n", match.end())  # one problem per line
        if end < 0:
            break
        counted, match = end, _find_forbidden(text, end)
    return problems


def decode(data: bytes, path: str) -> str:
    """Bytes of a content file to normalised text, or a ContentError naming the line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # exc.object, not data: with a BOM, exc.start counts from after it.
        before = exc.object[: exc.start].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        line = before.count(b"\n") + 1
        raise ContentError.single(SourceSpan(path, line), f"byte 0x{exc.object[exc.start]:02X} is not UTF-8",
                                  "save the file as UTF-8") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    problems = forbidden_characters(text, path)
    if problems:
        raise ContentError(problems)
    return unicodedata.normalize("NFC", text)


def read_text(path: str) -> str:
    """Read a content file (refusing symlinks, special files and oversized files)."""
    if os.path.islink(path):
        raise ContentError.single(SourceSpan(path), "is a symbolic link",
                                  "content must be regular files inside the content folder")
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):  # a FIFO would block the build forever
            raise ContentError.single(SourceSpan(path), "is not a regular file",
                                      "content must be plain text files")
        if info.st_size > MAX_BYTES:
            raise _too_large(path, f"{info.st_size:,} bytes")
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # never more, even if the file grew meanwhile
    except OSError as exc:
        raise ContentError.single(SourceSpan(path), f"cannot read: {exc.strerror}") from None
    if len(data) > MAX_BYTES:
        raise _too_large(path, f"more than {MAX_BYTES:,} bytes")
    return decode(data, path)


def _too_large(path: str, size: str) -> ContentError:
    return ContentError.single(SourceSpan(path), f"file is too large ({size})",
                               f"content files are limited to {MAX_BYTES:,} bytes")
