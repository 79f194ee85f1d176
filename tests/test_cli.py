"""The command line as a user meets it: exit codes, messages, and a site that is never half-written."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from sitekit import EN, ZH, write_archive


def run(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "minimax_archive", *args], cwd=cwd, capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=300)


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_then_broken_content_leaves_site_exactly_as_it_was(tmp_path):
    write_archive(tmp_path)
    first = run("build", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "built site/" in first.stdout
    before = tree_digest(tmp_path / "site")
    assert "en/interviews/test-one/index.html" in before and "pagefind/zh/pagefind.js" in before

    broken = EN.replace("1. Why MoE? Because", "1. Why MoE. Because").replace("Because MoE is cheaper.", "")
    broken = EN.replace("2. What else? Dense models are slow.", "2. What else. Dense models are slow.")
    (tmp_path / "content/interviews/test-one/en.txt").write_text(broken, encoding="utf-8")
    second = run("build", cwd=tmp_path)
    assert second.returncode == 1
    assert "content/interviews/test-one/en.txt:13: item 2 has no question mark (the question ends at the " \
           "first '?' or '？'; add one after the question)" in second.stderr
    assert "Traceback" not in second.stderr
    assert tree_digest(tmp_path / "site") == before
    # No staging folder left behind; only the build's cache and lock file stay beside site/.
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.cache", ".site.lock", "content", "site"]


def test_translation_with_a_section_missing_names_both_files(tmp_path):
    zh_short = ZH[: ZH.index("[02]")]
    write_archive(tmp_path, {"test-one": {"en.txt": EN, "zh.txt": zh_short}})
    result = run("build", cwd=tmp_path)
    assert result.returncode == 1
    line = result.stderr.splitlines()[0]
    assert line.startswith("content/interviews/test-one/zh.txt:13: 1 section here, 2 in ")
    assert "content/interviews/test-one/en.txt" in line and "section [02] at content/interviews/test-one/en.txt:15" in line
    assert not (tmp_path / "site").exists()


def test_check_reports_every_problem_at_once_and_writes_nothing(tmp_path):
    bad_en = EN.replace("1. Why MoE? Because", "1. Why MoE. Because").replace("[02] People", "[03] People")
    write_archive(tmp_path, {"test-one": {"en.txt": bad_en, "zh.txt": ZH}})
    result = run("check", cwd=tmp_path)
    assert result.returncode == 1
    assert "content/interviews/test-one/en.txt:11: item 1 has no question mark" in result.stderr
    assert "content/interviews/test-one/en.txt:15: section [03] where [02] was expected" in result.stderr
    assert "2 errors" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content"]


def test_check_passes_a_good_archive_and_strict_fails_on_warnings(tmp_path):
    write_archive(tmp_path, {"test-one": {"en.txt": EN, "zh.txt": ZH}, "only-en": {"en.txt": EN}})
    ok = run("check", cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert "content/interviews/only-en/zh.txt: warning: no zh version of 'only-en'" in ok.stderr
    assert "2 interviews" in ok.stdout and "1 warning" in ok.stdout
    strict = run("check", "--strict", cwd=tmp_path)
    assert strict.returncode == 1


def test_pagefind_failing_is_a_build_error_and_keeps_the_old_site(tmp_path):
    write_archive(tmp_path)
    assert run("build", cwd=tmp_path).returncode == 0
    before = tree_digest(tmp_path / "site")
    result = run("build", cwd=tmp_path, env={"PAGEFIND_BINARY_PATH": str(tmp_path / "no-such-pagefind")})
    assert result.returncode == 1
    assert result.stderr.startswith("error: Pagefind failed")
    assert "Traceback" not in result.stderr
    assert tree_digest(tmp_path / "site") == before


def test_refuses_to_replace_a_folder_it_did_not_build(tmp_path):
    write_archive(tmp_path)
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes/todo.txt").write_text("mine", encoding="utf-8")
    result = run("build", "--out", "notes", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == ("error: notes: exists and was not built by minimax-archive; refusing to replace it "
                             "(choose another --out, or empty the folder)\n")
    assert (tmp_path / "notes/todo.txt").read_text(encoding="utf-8") == "mine"
    result = run("build", "--out", "content", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == "error: content: is the content folder (choose another --out)\n"
    assert (tmp_path / "content/archive.yaml").exists()


def test_options_and_module_entry_point(tmp_path):
    content = write_archive(tmp_path / "elsewhere")
    result = run("build", "--content", str(content), "--out", str(tmp_path / "public"), "--no-search",
                 "--base-url", "https://example.com/sub", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "public/en/interviews/test-one/index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.com/sub/en/interviews/test-one/">' in page
    assert not (tmp_path / "public/pagefind").exists()
    bad = run("build", "--base-url", "not a url", "--content", str(content), cwd=tmp_path)
    assert bad.returncode == 1 and "--base-url: base_url 'not a url' is not an http(s) URL" in bad.stderr


def test_serve_builds_serves_and_rebuilds_on_change(tmp_path):
    import re
    import time
    import urllib.request

    write_archive(tmp_path)
    proc = subprocess.Popen([sys.executable, "-m", "minimax_archive", "serve", "--port", "0", "--no-search"],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        lines = []
        while not any("serving" in line for line in lines):
            lines.append(proc.stdout.readline())
            assert lines[-1], "serve exited: " + "".join(lines)
        url = re.search(r"http://127\.0\.0\.1:\d+/", lines[-1]).group(0)
        page = urllib.request.urlopen(url + "en/interviews/test-one/").read().decode()
        assert "A Test Interview" in page
        en = tmp_path / "content/interviews/test-one/en.txt"
        en.write_text(EN.replace("A Test Interview", "A Renamed Interview"), encoding="utf-8")
        for _ in range(300):  # a hang guard, not a speed limit
            page = urllib.request.urlopen(url + "en/interviews/test-one/").read().decode()
            if "A Renamed Interview" in page:
                break
            time.sleep(0.1)
        assert "A Renamed Interview" in page
    finally:
        proc.terminate()
        proc.wait(timeout=30)
