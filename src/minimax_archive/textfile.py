"""Reading content files: the one place that turns bytes into text.

Content must be UTF-8 (a BOM is allowed and dropped). Text is normalised to
NFC, so a title typed on macOS (NFD) and one typed elsewhere compare equal,
and line endings become ``\\n`` (CRLF and lone CR too). Files larger than
:data:`MAX_BYTES` are refused rather than risking a hang, and so are
symlinks and special files (a FIFO would block forever).
"""

from __future__ import annotations

import os
import stat
import unicodedata

from .errors import ContentError, SourceSpan

MAX_BYTES = 2 * 1024 * 1024
"""The largest content file we read (the real interview is 3 KB)."""


def decode(data: bytes, path: str) -> str:
    """Bytes of a content file to normalised text, or a ContentError naming the line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # exc.object, not data: with a BOM, exc.start counts from after it.
        before = exc.object[: exc.start].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        line = before.count(b"\n") + 1
        raise ContentError.single(SourceSpan(path), f"not UTF-8 at line {line}",
                                  "save the file as UTF-8") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
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
