"""The benchmark runs end to end on a small generated archive (figures are reported, never asserted as limits)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_benchmark_smoke_run_reports_every_figure(tmp_path: Path) -> None:
    figures_file = tmp_path / "figures.json"
    result = subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), "--sizes", "50", "--runs", "1",
         "--out-root", str(tmp_path / "work"), "--json", str(figures_file)],
        capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "| 50 |" in result.stdout and "Hugo + Pagefind" in result.stdout and "Pagefind alone" in result.stdout
    [figures] = json.loads(figures_file.read_text(encoding="utf-8"))
    assert figures["n"] == 50
    for case in ("ours", "pagefind alone", "hugo+pagefind", "ours --no-search", "hugo"):
        summary = figures["cases"][case]
        assert 0 < summary["min"] <= summary["median"] <= summary["max"]
        assert summary["peak_mb"] > 0
    for label in ("full", "--no-search"):
        assert set(figures["incremental"][label]) == {"cold", "unchanged", "one_answer"}
        assert all(seconds > 0 for seconds in figures["incremental"][label].values())
    # Every first search fetched the search page and part of its language's index.
    assert set(figures["first_search_bytes"]) == {"en:routing", "en:MoE", "zh:训练", "zh:人才"}
    assert all(size > 10_000 for size in figures["first_search_bytes"].values())
    assert figures["largest_page"]["bytes"] > 0
