"""`check` on a deliberately broken archive: every problem, with path:line, in one run; exit 1.

The expected output is tests/fixtures/broken-archive.expected; after an intended change of wording,
regenerate it with:

    python3 -m minimax_archive check --content tests/fixtures/broken-archive 2> tests/fixtures/broken-archive.expected
"""

from __future__ import annotations

import subprocess
import sys

from sitekit import REPO


def test_check_reports_every_problem_of_a_broken_archive():
    result = subprocess.run([sys.executable, "-m", "minimax_archive", "check", "--content",
                             "tests/fixtures/broken-archive"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout == ""
    expected = (REPO / "tests/fixtures/broken-archive.expected").read_text(encoding="utf-8")
    assert result.stderr == expected
    # The promise behind the golden file: one line per problem, each naming its file.
    lines = expected.splitlines()
    assert lines[-1] == "12 errors, 1 warning; no files were written"
    assert all(line.startswith("tests/fixtures/broken-archive/") for line in lines[:-1])
