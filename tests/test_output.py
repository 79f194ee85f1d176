"""The output folder: the user's own files survive, crashes are recovered, disk errors are one line."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from fakepagefind import fake_pagefind, kill
from sitekit import EN, ZH, write_archive
from test_cli import run, tree_digest

from minimax_archive import cli, write


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site") and p.name not in (".site.lock", ".site.cache"))


def build(tmp_path: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return run("build", "--no-search", *args, cwd=tmp_path, env=env)


def test_the_users_own_files_in_the_output_folder_survive_every_build(tmp_path):
    write_archive(tmp_path, {"test-one": {"en.txt": EN, "zh.txt": ZH}, "test-two": {"en.txt": EN}})
    assert build(tmp_path).returncode == 0
    site = tmp_path / "site"
    (site / "CNAME").write_text("archive.example.org\n")
    (site / ".nojekyll").write_text("")
    subprocess.run(["git", "init", "-q", str(site)], check=True)
    (site / "en/extra.html").write_text("my own page")
    git_files = tree_digest(site / ".git")

    (tmp_path / "content/interviews/test-two/en.txt").unlink()  # the build's own page of it must go
    (tmp_path / "content/interviews/test-two").rmdir()
    result = build(tmp_path)
    assert result.returncode == 0, result.stderr
    assert (site / "CNAME").read_text() == "archive.example.org\n"
    assert (site / ".nojekyll").exists() and (site / "en/extra.html").read_text() == "my own page"
    assert tree_digest(site / ".git") == git_files
    assert subprocess.run(["git", "-C", str(site), "status", "--short"], check=False, capture_output=True).returncode == 0
    assert not (site / "en/interviews/test-two").exists()
    assert (site / "en/interviews/test-one/index.html").exists()
    assert leftovers(tmp_path) == []
    owned = (site / ".minimax-archive-site").read_text().splitlines()[1:]
    assert "en/interviews/test-one/index.html" in owned and "CNAME" not in owned


def test_a_folder_made_with_git_init_before_the_first_build_is_built_into(tmp_path):
    write_archive(tmp_path)
    subprocess.run(["git", "init", "-q", str(tmp_path / "site")], check=True)
    (tmp_path / "site/CNAME").write_text("archive.example.org\n")
    git_files = tree_digest(tmp_path / "site/.git")
    result = build(tmp_path)
    assert result.returncode == 0, result.stderr
    assert tree_digest(tmp_path / "site/.git") == git_files
    assert (tmp_path / "site/CNAME").exists() and (tmp_path / "site/index.html").exists()


def test_a_site_built_by_an_earlier_version_keeps_its_top_level_extras(tmp_path):
    write_archive(tmp_path)
    assert build(tmp_path).returncode == 0
    site = tmp_path / "site"
    (site / ".minimax-archive-site").write_text("Built by minimax-archive. This folder is replaced on every build.\n")
    (site / "CNAME").write_text("mine")
    (site / "en/interviews/gone").mkdir()
    (site / "en/interviews/gone/index.html").write_text("a page of a deleted interview")
    assert build(tmp_path).returncode == 0
    assert (site / "CNAME").read_text() == "mine"
    assert not (site / "en/interviews/gone").exists()


def test_a_users_file_where_the_build_now_writes_is_an_error_not_a_loss(tmp_path):
    write_archive(tmp_path)
    assert build(tmp_path).returncode == 0
    mine = tmp_path / "site/en/interviews/test-two/index.html"
    mine.parent.mkdir()
    mine.write_text("hand-made")
    before = tree_digest(tmp_path / "site")
    write_archive(tmp_path, {"test-two": {"en.txt": EN, "zh.txt": ZH}})
    result = build(tmp_path)
    assert result.returncode == 1
    assert result.stderr == ("error: site/en/interviews/test-two/index.html: the build now writes this path, and it "
                             "is not one the last build wrote (move or rename your file; nothing was changed)\n")
    assert tree_digest(tmp_path / "site") == before and leftovers(tmp_path) == []


def test_static_folder_is_copied_into_every_build(tmp_path):
    content = write_archive(tmp_path)
    (content / "static/.well-known").mkdir(parents=True)
    (content / "static/CNAME").write_text("archive.example.org\n")
    (content / "static/.well-known/security.txt").write_text("Contact: a@example.org\n")
    assert build(tmp_path).returncode == 0
    assert (tmp_path / "site/CNAME").read_text() == "archive.example.org\n"
    assert (tmp_path / "site/.well-known/security.txt").exists()
    (content / "static/CNAME").unlink()  # gone from static/, gone from the site: the build owned it
    assert build(tmp_path).returncode == 0
    assert not (tmp_path / "site/CNAME").exists()
    (content / "static/index.html").write_text("clash")
    result = build(tmp_path)
    assert result.returncode == 1
    assert result.stderr == "error: content/static/index.html: the build writes index.html itself (rename this file)\n"


def test_static_folder_refuses_symbolic_links(tmp_path):
    content = write_archive(tmp_path)
    (content / "static").mkdir()
    (content / "static/passwd").symlink_to("/etc/passwd")
    result = build(tmp_path)
    assert result.returncode == 1
    assert result.stderr == "error: content/static/passwd: is a symbolic link (copy the file into content/static instead)\n"


def test_site_gets_the_umasks_modes_not_0700(tmp_path):
    write_archive(tmp_path)
    assert build(tmp_path).returncode == 0
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "site").stat().st_mode & 0o777 == 0o777 & ~umask
    assert (tmp_path / "site/en/index.html").stat().st_mode & 0o777 == 0o666 & ~umask


def test_next_build_cleans_up_after_a_killed_one(tmp_path):
    write_archive(tmp_path)
    assert build(tmp_path).returncode == 0
    (tmp_path / "site/CNAME").write_text("mine")
    (tmp_path / ".site-staging-0123456789ab/en").mkdir(parents=True)  # killed while writing
    (tmp_path / ".site-old-0123456789ab").mkdir()  # killed before the first rename of a swap
    (tmp_path / ".site-old-abcdefgh").mkdir()  # tempfile's names, from an earlier version
    (tmp_path / ".site-old-00000000000c/site").mkdir(parents=True)  # killed after the swap, while removing
    (tmp_path / ".site-old-00000000000c/site/index.html").write_text("the site before the last one")
    (tmp_path / ".sites-staging-0123456789ab").mkdir()  # not ours: another output's
    result = build(tmp_path)
    assert result.returncode == 0, result.stderr
    assert leftovers(tmp_path) == [".sites-staging-0123456789ab"]
    assert (tmp_path / "site/CNAME").read_text() == "mine"
    assert "the site before the last one" not in (tmp_path / "site/index.html").read_text()


def test_a_swap_killed_between_its_two_renames_is_restored(tmp_path):
    write_archive(tmp_path)
    assert build(tmp_path).returncode == 0
    (tmp_path / "site/CNAME").write_text("mine")
    staging, old = tmp_path / ".site-staging-00000000000a", tmp_path / ".site-old-00000000000b"
    old.mkdir()
    (tmp_path / "site").rename(old / "site")  # the old site moved out; the staged one not yet in
    staging.mkdir()
    (staging / "index.html").write_text("half a site")
    result = build(tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site/CNAME").read_text() == "mine"
    assert (tmp_path / "site/en/interviews/test-one/index.html").exists()
    assert leftovers(tmp_path) == []


def test_a_real_kill_9_mid_build_leaves_the_site_and_the_next_build_recovers(tmp_path):
    write_archive(tmp_path)
    assert build(tmp_path).returncode == 0
    before = tree_digest(tmp_path / "site")
    fake = fake_pagefind(tmp_path, "hang")
    proc = subprocess.Popen([sys.executable, "-m", "minimax_archive", "build"], cwd=tmp_path,
                            env={**os.environ, "PAGEFIND_BINARY_PATH": str(fake)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not Path(f"{fake}.pid").exists() or not leftovers(tmp_path):  # indexing, staging written
            assert proc.poll() is None, "the build ended before it could be killed"
            threading.Event().wait(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        kill(fake)
    assert tree_digest(tmp_path / "site") == before
    assert leftovers(tmp_path) != []
    assert build(tmp_path).returncode == 0
    assert leftovers(tmp_path) == []


def test_a_second_build_into_the_same_folder_is_told_another_is_running(tmp_path):
    write_archive(tmp_path)
    assert build(tmp_path).returncode == 0
    before = tree_digest(tmp_path / "site")
    with write.locked(str(tmp_path / "site")):
        result = build(tmp_path)
    assert result.returncode == 1
    assert result.stderr == "error: site: another build is running into this folder (wait for it to finish, or stop it)\n"
    assert tree_digest(tmp_path / "site") == before and leftovers(tmp_path) == []


def test_builds_into_two_folders_of_the_same_parent_do_not_wait_for_each_other(tmp_path):
    write_archive(tmp_path)
    with write.locked(str(tmp_path / "preview")):
        result = build(tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".lock")) == [".preview.lock", ".site.lock"]


@pytest.mark.parametrize("setup, message", [
    (lambda t: (t / "notes.txt").write_text("x") and None,
     "error: notes.txt/site: {t}/notes.txt is a file, not a folder (choose another --out)\n"),
    (lambda t: None, "error: content/site: is inside the content folder content (choose an --out outside it)\n"),
])
def test_out_under_a_file_or_inside_content_is_one_line(tmp_path, setup, message):
    write_archive(tmp_path)
    setup(tmp_path)
    out = "notes.txt/site" if "notes" in message else "content/site"
    result = build(tmp_path, "--out", out)
    assert (result.returncode, result.stderr) == (1, message.format(t=tmp_path))
    assert not (tmp_path / "content/site").exists()


def _in_process(tmp_path: Path, capsys) -> tuple[int, str]:
    code = cli.main(["build", "--no-search", "--content", str(tmp_path / "content"), "--out", str(tmp_path / "site")])
    return code, capsys.readouterr().err.replace(str(tmp_path), "<tmp>")


def _failing(real, code: int, when):
    def fake(*args, **kwargs):
        if when(*args):
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)
    return fake


@pytest.mark.parametrize("name, code, message", [
    ("open", errno.ENOSPC, "No space left on device (the disk is full; free some space)"),
    ("mkdir", errno.EROFS, "Read-only file system (the file system is read-only; choose another --out)"),
    ("rename", errno.EBUSY, ("Device or resource busy (the output folder is a mount point or in use; "
                            "build into a folder inside it)")),
    ("rename", errno.EXDEV, ("Invalid cross-device link (the output folder is a mount point or on another disk; "
                            "build into a folder inside it)")),
])
def test_disk_errors_are_one_line_and_keep_the_previous_site(tmp_path, capsys, monkeypatch, name, code, message):
    write_archive(tmp_path)
    assert _in_process(tmp_path, capsys)[0] == 0
    before = tree_digest(tmp_path / "site")
    if name == "open":
        import builtins
        monkeypatch.setattr(builtins, "open", _failing(builtins.open, code, lambda p, *a: "-staging-" in str(p)))
    elif name == "mkdir":
        monkeypatch.setattr(os, "mkdir", _failing(os.mkdir, code, lambda p, *a: "-staging-" in str(p)))
    else:
        monkeypatch.setattr(os, "rename", _failing(os.rename, code, lambda src, dst: "-staging-" in str(src)))
    assert _in_process(tmp_path, capsys) == (1, f"error: <tmp>/site: cannot write the site: {message}\n")
    monkeypatch.undo()
    assert tree_digest(tmp_path / "site") == before and leftovers(tmp_path) == []


def test_out_on_a_mount_point_is_refused_before_building(tmp_path, capsys, monkeypatch):
    write_archive(tmp_path)
    (tmp_path / "site").mkdir()
    real = os.path.ismount
    monkeypatch.setattr(os.path, "ismount", lambda p: p == str(tmp_path / "site") or real(p))
    assert _in_process(tmp_path, capsys) == (1, ("error: <tmp>/site: is a mount point, and a build replaces its output "
                                                "folder as a whole (build into a folder inside it, e.g. --out <tmp>/site/site)\n"))


def test_out_that_holds_the_content_folder_is_refused(tmp_path):
    write_archive(tmp_path / "project")
    result = build(tmp_path / "project", "--out", ".")
    assert (result.returncode, result.stderr) == (1, "error: .: contains the content folder content (choose another --out)\n")
    assert sorted(p.name for p in (tmp_path / "project").iterdir()) == ["content"]
