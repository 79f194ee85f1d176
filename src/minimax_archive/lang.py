"""Language rules for matching text: one home for scripts, normal forms, pairs and keywords.

Both the build (the search index, theme keywords) and the search page use these
rules; the page's copy is ``templates/assets/query.js``, and
``tests/test_lang.py`` feeds the same inputs (``tests/fixtures/lang.json``) to
both and checks that they agree.

- **Normal form** (:func:`normalise`): every character except punctuation is
  put in Unicode NFKC form (full-width ``ＭｏＥ`` -> ``MoE``, compatibility
  ideographs -> unified ones), then Traditional Chinese characters are folded
  to Simplified (``產品`` -> ``产品``) with OpenCC's table (:mod:`.t2s`).
  Punctuation keeps its form, so Chinese text keeps its full-width ``，。``.
  :func:`fold` also lower-cases: the form in which two texts are compared.
- **Han** is the class of Chinese characters (:data:`HAN`).
- **Index words** (:func:`index_words`): Chinese has no spaces, so each run of
  Han characters is indexed as its overlapping pairs plus its last character
  (至关重要 -> 至关 关重 重要 要). Every character then starts a word, so a
  one-character query finds it by prefix, and a phrase of n characters is its
  n - 1 pairs at consecutive positions (:func:`query_units`).
- **Keywords** (:func:`keyword_pattern`): a Latin keyword matches whole words,
  where a Han character counts as a word boundary (训练MoE模型 holds MoE); a
  Chinese keyword matches anywhere; both after :func:`fold`.
"""

from __future__ import annotations

import re
import unicodedata

from .t2s import T2S

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
"""The Han characters (CJK unified ideographs, extensions A to G, compatibility), as a regex class body."""

_HAN_RUN = re.compile(f"[{HAN}]+")
_LATIN_WORD_CHAR = f"[^\\W{HAN}]"
"""A letter, digit or underscore that is not Han: what a Latin keyword may not touch."""


def _fold_table() -> dict[int, str]:
    """One translate table: NFKC for every non-punctuation character it changes, then T2S."""
    t2s = {ord(T2S[i]): T2S[i + 1] for i in range(0, len(T2S), 2)}

    def simplified(text: str) -> str:
        return "".join(t2s.get(ord(c), c) for c in text)

    table: dict[int, str] = {}
    for cp in [*range(0xD800), *range(0xE000, 0x10000), *range(0x2F800, 0x2FA20)]:
        c = chr(cp)
        if unicodedata.category(c).startswith("P"):
            continue
        n = unicodedata.normalize("NFKC", c)
        if n != c:
            table[cp] = simplified(n)
    for cp, simple in t2s.items():
        table[cp] = simple
    return table


_TABLE = _fold_table()


def _class_of(code_points: list[int]) -> str:
    """A regular expression class of ``code_points``, as ranges."""
    ranges: list[list[int]] = []
    for cp in sorted(code_points):
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return "[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges) + "]"


_CHANGED_IN_BMP = re.compile(_class_of([cp for cp in _TABLE if cp < 0x10000]))
_BEYOND_BMP = re.compile("[^\x00-\uffff]")
"""Whether :func:`normalise` has anything to change: str.translate looks every character up in
the table, which is slow on long texts that need nothing (English, Simplified Chinese). A class
within the Basic Multilingual Plane is scanned with a bitmap; the few characters beyond it (the
format's own emoji) are looked up one by one."""


def normalise(text: str) -> str:
    """NFC, then NFKC for every character except punctuation, then Traditional -> Simplified."""
    text = unicodedata.normalize("NFC", text)
    if _CHANGED_IN_BMP.search(text) or any(ord(m.group()) in _TABLE for m in _BEYOND_BMP.finditer(text)):
        return text.translate(_TABLE)
    return text


def fold(text: str) -> str:
    """:func:`normalise`, lower-cased: the form in which texts are compared."""
    return normalise(text).lower()


def is_han(char: str) -> bool:
    return bool(_HAN_RUN.fullmatch(char))


def _run_words(run: str, last_single: bool) -> list[str]:
    if len(run) == 1:
        return [run]
    words = [run[i:i + 2] for i in range(len(run) - 1)]
    return words + [run[-1]] if last_single else words


def index_words(text: str) -> str:
    """Indexed text: Han runs as pairs plus their last character, other words kept, spaces collapsed.

    至关重要，2021 年 -> "至关 关重 重要 要 ，2021 年".
    """
    spaced = _HAN_RUN.sub(lambda m: " " + " ".join(_run_words(m.group(0), True)) + " ", text)
    return " ".join(spaced.split())


def query_units(phrase: str) -> list[str]:
    """The words a query phrase (no spaces) must match at consecutive positions, folded.

    至关重要 -> [至关, 关重, 重要]; 径 -> [径] (a prefix: a pair or a last character);
    C端 -> [c, 端]; MoE -> [moe].
    """
    spaced = _HAN_RUN.sub(lambda m: " " + " ".join(_run_words(m.group(0), False)) + " ", fold(phrase))
    return spaced.split()


def keyword_pattern(keyword: str) -> re.Pattern[str]:
    """A regex that finds ``keyword`` in folded text (see :func:`fold`): whole words for Latin script."""
    words = fold(keyword).split()
    body = r"\s+".join(re.escape(w) for w in words)
    if _HAN_RUN.search(keyword):
        return re.compile(body)
    return re.compile(f"(?<!{_LATIN_WORD_CHAR}){body}(?!{_LATIN_WORD_CHAR})")


def has_keyword(text: str, keyword: str) -> bool:
    """Whether ``text`` contains ``keyword`` by the rules above (the JS copy is hasKeyword)."""
    return bool(keyword_pattern(keyword).search(fold(text)))
