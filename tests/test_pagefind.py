"""Pagefind as a build meets it: deadlines, its own errors, its settings, no leftovers, and byte-identical bundles."""

from __future__ import annotations

import gzip
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from fakepagefind import alive, fake_pagefind, kill, running
from sitekit import write_archive
from test_cli import run, tree_digest

from minimax_archive import build as build_module
from minimax_archive.cancel import Cancel
from minimax_archive.errors import BuildError
from minimax_archive.pagefind_bundle import (
    SIGNATURE,
    _encode,
    canonical,
    decode,
    full_hash,
)
from minimax_archive.pagefind_cli import one_at_a_time, pagefind_binary
from minimax_archive.render import shipped_templates


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site") and p.name not in (".site.lock", ".site.cache"))


@pytest.mark.parametrize("behaviour, message", [
    ("hang", ("error: Pagefind failed: it did not finish within 10 s (set MINIMAX_ARCHIVE_PAGEFIND_TIMEOUT for a "
              "larger archive); Pagefind said: fake pagefind: thinking hard\n")),
    ("garbage", ("error: Pagefind failed: it wrote no search bundle; "
                 "Pagefind said: Segmentation fault? <html>not a bundle</html>\n")),
    ("bad-bundle", ("error: Pagefind failed: unexpected Pagefind bundle: Expecting property name enclosed in double "
                    "quotes: line 1 column 2 (char 1) (this archive needs Pagefind 1.5.2)\n")),
    ("refuse", "error: Pagefind failed: it exited (exit status 1); Pagefind said: Error: Invalid config supplied\n"),
    ("crash", ("error: Pagefind failed: it exited (exit status 101); Pagefind said: "
              "thread 'main' panicked at src/fossick/mod.rs:30: boom\n")),
])
def test_a_broken_pagefind_is_a_one_line_error_with_nothing_left_behind(tmp_path, behaviour, message):
    write_archive(tmp_path)
    assert run("build", "--no-search", cwd=tmp_path).returncode == 0
    before = tree_digest(tmp_path / "site")
    fake = fake_pagefind(tmp_path, behaviour)
    try:
        # Only the hanging fake meets the deadline; it is long enough for a fake to start on a busy machine.
        deadline = "10" if behaviour == "hang" else "300"
        result = run("build", cwd=tmp_path, env={"PAGEFIND_BINARY_PATH": str(fake),
                                                 "MINIMAX_ARCHIVE_PAGEFIND_TIMEOUT": deadline})
        assert (result.returncode, result.stderr) == (1, message)
        assert not running(fake)
    finally:
        kill(fake)
    assert tree_digest(tmp_path / "site") == before
    assert leftovers(tmp_path) == []


def test_pagefind_settings_in_the_environment_do_not_change_the_index(tmp_path):
    # Pagefind reads PAGEFIND_* variables as its options; the build's index must not depend on them.
    write_archive(tmp_path)
    assert run("build", cwd=tmp_path).returncode == 0
    before = tree_digest(tmp_path / "site")
    env = {"PAGEFIND_EXCLUDE_SELECTORS": "h3,p", "PAGEFIND_FORCE_LANGUAGE": "fr", "PAGEFIND_OUTPUT_SUBDIR": "elsewhere"}
    result = run("build", "--no-cache", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    assert tree_digest(tmp_path / "site") == before


def test_a_template_error_is_reported_at_once_while_pagefind_hangs(tmp_path):
    # The deadline is the default (minutes): only stopping Pagefind at the template error ends this quickly.
    # The home page is made from the whole archive, so it is rendered while Pagefind indexes.
    write_archive(tmp_path)
    templates = tmp_path / "templates"
    shutil.copytree(shipped_templates(), templates)
    (templates / "home.html").write_text("{{ no_such_variable }}", encoding="utf-8")
    fake = fake_pagefind(tmp_path, "hang")
    try:
        result = run("build", cwd=tmp_path, env={"PAGEFIND_BINARY_PATH": str(fake)})
        assert result.returncode == 1
        assert result.stderr.startswith(
            "error: templates/home.html:1: template error: UndefinedError: 'no_such_variable' is undefined")
        assert not running(fake)
    finally:
        kill(fake)
    assert leftovers(tmp_path) == []


def test_an_indexing_error_stops_rendering_before_the_next_page(tmp_path, monkeypatch):
    content = write_archive(tmp_path)
    fake = fake_pagefind(tmp_path, "garbage")
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))
    cancels: list[Cancel] = []

    class Recorded(Cancel):
        def __init__(self) -> None:
            super().__init__()
            cancels.append(self)

    def endless_pages(*args, **kwargs):
        yield "first.html", "first"
        assert cancels[0]._event.wait(timeout=600), "indexing never failed"  # a hang guard, not a speed limit
        for i in range(1000):
            yield f"after-{i}.html", "rendered after the indexing error"

    monkeypatch.setattr(build_module, "Cancel", Recorded)
    monkeypatch.setattr(build_module, "site_files", endless_pages)
    written: list[str] = []
    original = build_module.Staging.write_text
    monkeypatch.setattr(build_module.Staging, "write_text",
                        lambda self, rel, text: (written.append(rel), original(self, rel, text)))
    try:
        with pytest.raises(BuildError, match="^Pagefind failed: it wrote no search bundle"):
            build_module.build(str(content), str(tmp_path / "site"))
    finally:
        kill(fake)
    # Nothing is rendered after the error (the pages made from the whole archive come after the
    # interviews, so here the build stops before the first of them).
    assert not [rel for rel in written if rel.startswith("after-")]
    assert leftovers(tmp_path) == [] and not (tmp_path / "site").exists()


def test_ctrl_c_stops_pagefind_and_removes_the_staging_folder(tmp_path, monkeypatch):
    content = write_archive(tmp_path)
    fake = fake_pagefind(tmp_path, "hang")
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))

    def interrupted(*args, **kwargs):
        yield "first.html", "first"
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "site_files", interrupted)
    try:
        with pytest.raises(KeyboardInterrupt):
            build_module.build(str(content), str(tmp_path / "site"))
        assert not running(fake)
    finally:
        kill(fake)
    assert leftovers(tmp_path) == []


def test_a_real_ctrl_c_stops_the_build_and_pagefind_at_once(tmp_path):
    write_archive(tmp_path)
    assert run("build", "--no-search", cwd=tmp_path).returncode == 0
    before = tree_digest(tmp_path / "site")
    fake = fake_pagefind(tmp_path, "hang")
    proc = subprocess.Popen([sys.executable, "-m", "minimax_archive", "build"], cwd=tmp_path, text=True,
                            env={**os.environ, "PAGEFIND_BINARY_PATH": str(fake)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        while not running(fake) or not leftovers(tmp_path):  # Pagefind started, staging folder made
            assert proc.poll() is None, proc.communicate()
            threading.Event().wait(0.05)
        proc.send_signal(signal.SIGINT)  # to the build only: it must stop Pagefind itself
        _, stderr = proc.communicate(timeout=300)  # a hang guard, not a speed limit
        assert (proc.returncode, stderr) == (130, "interrupted; site/ is unchanged\n")
        assert not running(fake)
    finally:
        proc.kill()
        kill(fake)
    assert tree_digest(tmp_path / "site") == before and leftovers(tmp_path) == []


def test_a_build_killed_outright_takes_pagefind_with_it(tmp_path):
    # kill -9, or the out-of-memory killer: the build cannot stop Pagefind itself, and an orphaned
    # Pagefind would go on indexing (gigabytes, for minutes) into a folder the next build removes.
    write_archive(tmp_path)
    fake = fake_pagefind(tmp_path, "hang-silent")
    proc = subprocess.Popen([sys.executable, "-m", "minimax_archive", "build"], cwd=tmp_path,
                            env={**os.environ, "PAGEFIND_BINARY_PATH": str(fake)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while len(alive(fake)) < 2:  # both languages' Pagefinds
            assert proc.poll() is None
            threading.Event().wait(0.05)
        proc.kill()
        proc.wait()
        for _ in range(1200):  # a hang guard (60 s), not a speed limit
            if not alive(fake):
                break
            threading.Event().wait(0.05)
        assert alive(fake) == [], "Pagefind outlived the build"
    finally:
        proc.kill()
        for pid in alive(fake):
            os.kill(pid, signal.SIGKILL)
    assert run("build", "--no-search", cwd=tmp_path).returncode == 0  # the next build cleans up
    assert leftovers(tmp_path) == []


def test_a_missing_pagefind_binary_is_named(tmp_path, monkeypatch):
    content = write_archive(tmp_path)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-pagefind"))
    with pytest.raises(BuildError, match=r"^Pagefind failed: cannot start .*no-such-pagefind: No such file"):
        build_module.build(str(content), str(tmp_path / "site"))
    assert leftovers(tmp_path) == [] and not (tmp_path / "site").exists()


def test_languages_are_indexed_one_after_the_other_when_memory_is_short(tmp_path, monkeypatch):
    content = write_archive(tmp_path)
    log = tmp_path / "pagefind.log"
    logged = tmp_path / "pagefind-logged"  # the real Pagefind, writing when each run starts and ends
    logged.write_text(f"#!{sys.executable}\nimport subprocess, sys\n"
                      f"open({str(log)!r}, 'a').write('start\\n')\n"
                      f"code = subprocess.call([{pagefind_binary()!r}, *sys.argv[1:]])\n"
                      f"open({str(log)!r}, 'a').write('end\\n')\nsys.exit(code)\n", encoding="utf-8")
    logged.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(logged))
    monkeypatch.setattr(build_module, "available_memory", lambda: 1024)  # 1 KB free
    short = build_module.build(str(content), str(tmp_path / "short"))
    assert log.read_text().split() == ["start", "end", "start", "end"]
    assert [n for n in short.notes if n.startswith("the search indexes were made one after the other: together "
                                                   "they need about ")] != []
    monkeypatch.setattr(build_module, "available_memory", lambda: None)  # unknown: both at once
    both = build_module.build(str(content), str(tmp_path / "both"))
    assert not [n for n in both.notes if "one after the other" in n]
    assert tree_digest(tmp_path / "short") == tree_digest(tmp_path / "both")


def test_the_languages_run_together_when_they_fit_in_memory():
    assert one_at_a_time([3, 4], 6) and not one_at_a_time([3, 4], 8)
    assert not one_at_a_time([3, 4], None) and not one_at_a_time([10], 1)


def test_two_builds_of_the_same_archive_are_byte_identical(tmp_path):
    # With a base URL, so feeds and the sitemap are in; their undated entries take SOURCE_DATE_EPOCH.
    options, env = ("build", "--base-url", "https://example.org/archive/"), {"SOURCE_DATE_EPOCH": "1700000000"}
    for name in ("one", "two"):
        write_archive(tmp_path / name)
        result = run(*options, cwd=tmp_path / name, env=env)
        assert result.returncode == 0, result.stderr
    first, second = tree_digest(tmp_path / "one/site"), tree_digest(tmp_path / "two/site")
    assert any(path.startswith("pagefind/zh/filter/") for path in first) and "en/feed.xml" in first
    assert first == second
    # and a rebuild over the first site gives the same bytes again
    assert run(*options, cwd=tmp_path / "one", env=env).returncode == 0
    assert tree_digest(tmp_path / "one/site") == first


def _pf(value) -> bytes:
    return gzip.compress(SIGNATURE + _encode(value), mtime=0)


def test_canonical_bundle_does_not_depend_on_pagefinds_random_order():
    values = [["talent", [0, 2]], ["moe", [1]], ["agi", [0, 1, 2, 300]]]

    def bundle(order: list[list]) -> dict[str, bytes]:
        data = _encode(["theme", order])
        name = f"en_{full_hash(data)[:7]}"
        people = _encode(["interviewee", [["Yan", [0]]]])
        people_name = f"en_{full_hash(people)[:7]}"
        filters = [["theme", name], ["interviewee", people_name]]
        random.shuffle(filters)
        meta = ["1.5.2", [["en_abc", 12]], [["a", "z", "en_idx"]], filters, [], ["title"]]
        return {"pagefind-entry.json": b'{"version":"1.5.2","languages":{"en":{"hash":"en_0123456789","wasm":"en"}}}',
                "pagefind.en_0123456789.pf_meta": _pf(meta), f"filter/{name}.pf_filter": _pf(["theme", order]),
                f"filter/{people_name}.pf_filter": _pf(["interviewee", [["Yan", [0]]]]), "pagefind.js": b"js"}

    results = []
    for _ in range(5):
        shuffled = values[:]
        random.shuffle(shuffled)
        results.append(canonical(bundle(shuffled)))
    assert all(result == results[0] for result in results)
    out = results[0]
    assert out["pagefind.js"] == b"js"
    (meta_name,) = [n for n in out if n.endswith(".pf_meta")]
    assert f'"hash":"{meta_name[9:-8]}"'.encode() in out["pagefind-entry.json"]
    meta, _ = decode(gzip.decompress(out[meta_name]), len(SIGNATURE))
    assert [f[0] for f in meta[3]] == ["interviewee", "theme"]
    theme_file = out[f"filter/{meta[3][1][1]}.pf_filter"]
    assert decode(gzip.decompress(theme_file), len(SIGNATURE))[0] == ["theme", sorted(values)]


def test_cbor_reencoding_matches_pagefinds_own_bytes(tmp_path):
    write_archive(tmp_path)
    assert run("build", cwd=tmp_path).returncode == 0
    files = [p for p in (tmp_path / "site/pagefind").rglob("*") if p.suffix in (".pf_meta", ".pf_filter", ".pf_index")]
    assert len(files) > 5
    for path in files:
        data = gzip.decompress(path.read_bytes())
        value, end = decode(data, len(SIGNATURE))
        assert end == len(data) and _encode(value) == data[len(SIGNATURE):], path
