"""Pagefind's bundle made reproducible: the same documents give the same bytes.

Pagefind 1.5.2 collects filter values in hash maps seeded at random per
process, so two runs over the same documents list a filter's values (and the
filters themselves) in different orders. Every file's name is a hash of its
contents, so the difference spreads: ``filter/<hash>.pf_filter`` changes name,
the metadata file that lists those names (``pagefind.<hash>.pf_meta``)
changes, and so does ``pagefind-entry.json``, which names the metadata file.

:func:`canonical` sorts what Pagefind left unordered and renames the files
the way Pagefind names them (``<lang>_<sha1 of the uncompressed data>``, with
Pagefind's own hex spelling: each byte in ``{:x}``, without zero padding).
Every other file is passed through untouched. The formats (Pagefind's
``pagefind/src/index/index_filter.rs`` and ``index_metadata.rs``):

- ``.pf_filter`` and ``.pf_meta`` are gzip of ``b"pagefind_dcd"`` followed by CBOR;
- a filter file is ``[filter, [[value, [page, ...]], ...]]``;
- the metadata is ``[version, pages, index_chunks, filters, sorts, meta_fields]``
  where ``filters`` is ``[[filter, hash], ...]`` and ``sorts`` ``[[sort, pages], ...]``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from typing import Any

SIGNATURE = b"pagefind_dcd"


class BundleFormatError(ValueError):
    """The bundle is not in the format this module knows (a Pagefind other than 1.5.x)."""


def canonical(files: dict[str, bytes]) -> dict[str, bytes]:
    """The bundle ``{relative path: bytes}`` with filters and metadata in a stable order."""
    try:
        entry = json.loads(files["pagefind-entry.json"])
        out = dict(files)
        entry_text = files["pagefind-entry.json"].decode("utf-8")
        for info in entry["languages"].values():
            old_meta = f"pagefind.{info['hash']}.pf_meta"
            new_hash = _canonical_language(out, old_meta)
            entry_text = entry_text.replace(f'"hash":"{info["hash"]}"', f'"hash":"{new_hash}"')
        out["pagefind-entry.json"] = entry_text.encode("utf-8")
        return out
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise BundleFormatError(f"unexpected Pagefind bundle: {exc}") from None


def _canonical_language(files: dict[str, bytes], meta_name: str) -> str:
    """Rewrite one language's filter files and metadata in place; return the new metadata hash."""
    meta = _read(files.pop(meta_name))
    language = meta_name[len("pagefind."):-len(".pf_meta")].rsplit("_", 1)[0]
    renamed: dict[str, str] = {}
    taken: set[str] = set()
    for filter_name, old_hash in sorted(meta[3]):
        data = _read(files.pop(f"filter/{old_hash}.pf_filter"))
        data[1].sort(key=lambda value: value[0])
        encoded = _encode(data)
        full = f"{language}_{full_hash(encoded)}"
        short = full[:len(language) + 8]
        while short in taken and len(short) < len(full):  # Pagefind's collision rule
            short = full[:len(short) + 1]
        taken.add(short)
        renamed[filter_name] = short
        files[f"filter/{short}.pf_filter"] = _write(encoded)
    meta[3] = [[name, renamed[name]] for name in sorted(renamed)]
    meta[4] = sorted(meta[4], key=lambda sort: sort[0])
    encoded = _encode(meta)
    new_hash = f"{language}_{full_hash(encoded)[:len(language) + 8]}"
    files[f"pagefind.{new_hash}.pf_meta"] = _write(encoded)
    return new_hash


def full_hash(data: bytes) -> str:
    """Pagefind's ``full_hash``: SHA-1, each byte as lower-case hex without zero padding."""
    return "".join(format(byte, "x") for byte in hashlib.sha1(data).digest())


def _read(compressed: bytes) -> Any:
    data = gzip.decompress(compressed)
    if not data.startswith(SIGNATURE):
        raise BundleFormatError("missing pagefind_dcd signature")
    value, end = decode(data, len(SIGNATURE))
    if end != len(data):
        raise BundleFormatError("trailing bytes after the CBOR value")
    return value


def _write(encoded: bytes) -> bytes:
    # mtime=0: gzip otherwise stamps the current time into the header.
    return gzip.compress(SIGNATURE + encoded, compresslevel=9, mtime=0)


def decode(data: bytes, pos: int = 0) -> tuple[Any, int]:
    """One CBOR value from ``data`` at ``pos``: integers, strings, byte strings and arrays (all Pagefind uses)."""
    major, argument, pos = _head(data, pos)
    if major == 0:
        return argument, pos
    if major == 1:
        return -1 - argument, pos
    if major in (2, 3):
        raw = data[pos:pos + argument]
        if len(raw) != argument:
            raise BundleFormatError("truncated string")
        return (raw if major == 2 else raw.decode("utf-8")), pos + argument
    if major == 4:
        items = []
        for _ in range(argument):
            item, pos = decode(data, pos)
            items.append(item)
        return items, pos
    raise BundleFormatError(f"unsupported CBOR major type {major}")


def _head(data: bytes, pos: int) -> tuple[int, int, int]:
    first = data[pos]
    major, info = first >> 5, first & 0x1F
    if info < 24:
        return major, info, pos + 1
    if info > 27:
        raise BundleFormatError("indefinite or reserved CBOR length")
    size = 1 << (info - 24)
    if pos + 1 + size > len(data):
        raise BundleFormatError("truncated CBOR head")
    return major, int.from_bytes(data[pos + 1:pos + 1 + size], "big"), pos + 1 + size


def _encode(value: Any) -> bytes:
    """CBOR in minicbor's shortest form, the inverse of :func:`decode`."""
    if isinstance(value, int) and not isinstance(value, bool):
        return _encode_head(0, value) if value >= 0 else _encode_head(1, -1 - value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _encode_head(3, len(raw)) + raw
    if isinstance(value, bytes):
        return _encode_head(2, len(value)) + value
    if isinstance(value, list):
        return _encode_head(4, len(value)) + b"".join(_encode(item) for item in value)
    raise BundleFormatError(f"cannot encode {type(value).__name__}")


def _encode_head(major: int, argument: int) -> bytes:
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | info]) + argument.to_bytes(size, "big")
    raise BundleFormatError("integer too large for CBOR")
