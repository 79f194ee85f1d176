"""The worker processes of a build: whatever is still queued when one fails or dies, the build ends
with one line, no traceback, and the previous site as it was."""

from __future__ import annotations

import os
import signal

import pytest
from sitekit import EN, ZH, write_archive
from test_cli import tree_digest

from minimax_archive import build as build_module
from minimax_archive.errors import BuildError

COUNT = 160  # twenty batches of eight: most are still queued when the one at item 40 fails


@pytest.fixture
def built(tmp_path, monkeypatch):
    monkeypatch.setenv("MINIMAX_ARCHIVE_WORKERS", "2")
    content = write_archive(tmp_path, {f"talk-{n:03d}": {"en.txt": EN, "zh.txt": ZH} for n in range(COUNT)})
    site = tmp_path / "site"
    build_module.build(str(content), str(site), search=False)
    return content, site, tree_digest(site)


def failing_at(item: int, fail):
    original = build_module.make_unit

    def job(context, n):
        if n == item:
            fail()
        return original(context, n)
    return job


def test_an_error_in_one_worker_is_reported_alone(built, monkeypatch, capfd):
    content, site, before = built

    def fail():
        raise BuildError("templates/interview.html:3: template error: boom")

    monkeypatch.setattr(build_module, "make_unit", failing_at(40, fail))
    capfd.readouterr()
    with pytest.raises(BuildError, match="^templates/interview.html:3: template error: boom$"):
        build_module.build(str(content), str(site), search=False, cache=False)
    _, err = capfd.readouterr()
    assert err == ""  # nothing printed by the executor's own threads
    assert tree_digest(site) == before


def test_a_worker_that_dies_is_a_one_line_error(built, monkeypatch, capfd):
    content, site, before = built
    monkeypatch.setattr(build_module, "make_unit", failing_at(40, lambda: os.kill(os.getpid(), signal.SIGKILL)))
    capfd.readouterr()
    with pytest.raises(BuildError, match="^a build worker process died .*MINIMAX_ARCHIVE_WORKERS=1"):
        build_module.build(str(content), str(site), search=False, cache=False)
    _, err = capfd.readouterr()
    assert err == ""
    assert tree_digest(site) == before
