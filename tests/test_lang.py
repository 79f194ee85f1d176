"""The language rules (lang.py), and the search page's copy of them (query.js) agreeing with them.

The browser's query core is tested on its own by Node's test runner
(tests/js/*.test.mjs), run here so that the one test command runs everything.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from minimax_archive import lang, t2s

REPO = Path(__file__).resolve().parents[1]
CASES = REPO / "tests" / "fixtures" / "lang.json"


def node() -> str:
    found = shutil.which("node")
    if not found:
        pytest.fail("Node.js is needed for the search page's tests (apt-get install nodejs)", pytrace=False)
    return found


def python_answers(cases: dict) -> dict:
    return {
        "normalise": [lang.normalise(t) for t in cases["texts"]],
        "fold": [lang.fold(t) for t in cases["texts"]],
        "index_words": [lang.index_words(t) for t in cases["texts"]],
        "query_units": [lang.query_units(t) for t in cases["texts"]],
        "keywords": [lang.has_keyword(text, keyword) for text, keyword in cases["keywords"]],
    }


def test_python_and_javascript_agree_on_the_shared_inputs():
    cases = json.loads(CASES.read_text(encoding="utf-8"))
    run = subprocess.run([node(), str(REPO / "tests" / "js" / "agree.mjs"), str(CASES)],
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert run.returncode == 0, run.stderr
    js = json.loads(run.stdout)
    py = python_answers(cases)
    for key, values in py.items():
        inputs = cases["texts"] if key != "keywords" else cases["keywords"]
        differ = [(i, p, j) for i, p, j in zip(inputs, values, js[key], strict=True) if p != j]
        assert not differ, f"{key}: Python and JavaScript differ (input, python, js): {differ}"


def test_node_unit_tests_of_the_query_core_pass():
    files = sorted(str(p) for p in (REPO / "tests" / "js").glob("*.test.mjs"))
    assert files, "no Node tests found"
    run = subprocess.run([node(), "--test", *files], capture_output=True, text=True, encoding="utf-8",
                         cwd=REPO, check=False)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "# fail 0" in run.stdout, run.stdout[-2000:]


def test_the_javascript_table_is_the_python_table():
    """The search page's blocks of the table (t2s/<block>.js, listed in t2s.js) are the Python table."""
    assets = REPO / "templates" / "assets"
    listed = re.search(r"export const T2S_BLOCKS = \[([^\]]*)\];", (assets / "t2s.js").read_text(encoding="utf-8"))
    assert listed
    blocks = sorted(int(b, 16) for b in listed.group(1).split(","))
    assert sorted(int(f.stem, 16) for f in (assets / "t2s").glob("*.js")) == blocks
    pairs = ""
    for block in blocks:
        js = (assets / "t2s" / f"{block:x}.js").read_text(encoding="utf-8")
        found = re.search(r"^export const T2S = (\".*\");$", js, re.M)
        assert found
        part = json.loads(found.group(1))
        assert part and {ord(c) >> 8 for c in part[::2]} == {block}
        pairs += part
    table = t2s.T2S
    assert sorted(pairs[i:i + 2] for i in range(0, len(pairs), 2)) == sorted(table[i:i + 2] for i in range(0, len(table), 2))


@pytest.mark.parametrize(("text", "normal"), [
    ("ＭｏＥ", "MoE"), ("產品", "产品"), ("創業", "创业"), ("乾坤", "乾坤"),
    ("全角，标点。", "全角，标点。"),  # punctuation keeps its full-width form
    ("e\u0301cole", "école"),
])
def test_normal_form(text, normal):
    assert lang.normalise(text) == normal


def test_index_words_pairs_plus_last_character():
    assert lang.index_words("至关重要，2021 年") == "至关 关重 重要 要 ，2021 年"
    assert lang.index_words("走捷径。") == "走捷 捷径 径 。"  # 径 starts a word: one-character queries find it
    assert lang.index_words("用 MoE 模型") == "用 MoE 模型 型"
    assert lang.index_words("English only") == "English only"


def test_query_units():
    assert lang.query_units("至关重要") == ["至关", "关重", "重要"]
    assert lang.query_units("C端") == ["c", "端"]
    assert lang.query_units("產品") == ["产品"]


@pytest.mark.parametrize(("text", "keyword", "found"), [
    ("训练MoE模型", "MoE", True), ("对AGI的信念", "AGI", True), ("ＭｏＥ", "MoE", True),
    ("MoEs", "MoE", False), ("pagination", "AGI", False), ("dense models", "models", True),
    ("在創業公司", "创业", True), ("mixture of\nexperts", "Mixture of Experts", True),
])
def test_keywords(text, keyword, found):
    assert lang.has_keyword(text, keyword) is found
