"""Interview dates as readers expect them, and as machines read them.

A date in ``meta.yaml`` is ISO 8601 at one of three precisions: ``2024-03-05``,
``2024-03`` or ``2024``. Readers see it written out in their language
(``5 March 2024`` / ``2024年3月5日``, ``March 2024`` / ``2024年3月``,
``2024`` / ``2024年``); the ISO form goes into ``<time datetime>``. Feeds and
sitemaps need a whole day, so a month or year stands for its first day.
"""

from __future__ import annotations

import os
import time

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")


def display(iso: str, lang: str) -> str:
    """``2024-03`` as ``March 2024`` (en) or ``2024年3月`` (zh)."""
    parts = [int(p) for p in iso.split("-")]
    year, month, day = (parts + [0, 0])[:3]
    if lang == "zh":
        return f"{year}年" + (f"{month}月" if month else "") + (f"{day}日" if day else "")
    if not month:
        return str(year)
    return (f"{day} " if day else "") + f"{_MONTHS_EN[month - 1]} {year}"


def first_day(iso: str) -> str:
    """The first day a date of any precision covers: ``2024-03`` -> ``2024-03-01``."""
    return (iso + "-01-01")[:10] if len(iso) < 10 else iso


def timestamp(iso: str) -> str:
    """An RFC 3339 timestamp (Atom's date form) for the start of a date: ``2024-03-01T00:00:00Z``."""
    return first_day(iso) + "T00:00:00Z"


def build_time() -> str:
    """The time of the build as an RFC 3339 timestamp: ``SOURCE_DATE_EPOCH`` when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    seconds = int(epoch) if epoch.isdigit() else int(time.time())
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))
