"""The deploy workflow (.github/workflows/pages.yml), tested as far as this machine can.

It must parse, name every action at a pinned version, deploy with GitHub's own
Pages actions, and run exactly the README's commands; those commands are then
run here, on a copy of the repository's content in a temporary folder.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml
from sitekit import REPO

from minimax_archive.incremental import cache_path

WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"
OFFICIAL = {"actions/checkout", "actions/setup-python", "actions/configure-pages", "actions/cache",
            "actions/upload-pages-artifact", "actions/deploy-pages"}
PINNED = re.compile(r"^[0-9a-f]{40}$")


def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and data.get("jobs"), "the workflow has no jobs"
    return data


def steps() -> list[dict]:
    return [step for job in workflow()["jobs"].values() for step in job["steps"]]


def readme_block(marker: str) -> list[str]:
    """The lines of the code block after ``<!-- marker -->`` in README.md."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = text.split(f"<!-- {marker} -->", 1)[1].split("```", 2)[1]
    return [line for line in block.splitlines()[1:] if line.strip()]


def test_the_workflow_parses_and_triggers_on_main():
    data = workflow()
    trigger = data.get("on", data.get(True))  # YAML 1.1 reads a bare `on` as true
    assert trigger["push"]["branches"] == ["main"] and "workflow_dispatch" in trigger
    assert data["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow()["jobs"]["deploy"]["needs"] == "build"
    assert workflow()["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_every_action_is_official_and_pinned_to_a_commit_with_its_release_named():
    lines = WORKFLOW.read_text(encoding="utf-8").splitlines()
    uses = [step["uses"] for step in steps() if "uses" in step]
    assert {u.split("@")[0] for u in uses} == OFFICIAL
    for use in uses:
        ref = use.partition("@")[2]
        assert PINNED.match(ref), f"{use}: pin a full commit, not a moving tag"
        line = next(line for line in lines if use in line)
        assert re.search(r"#\s*v\d+\.\d+\.\d+$", line), f"{use}: name the release in a comment (# v1.2.3)"


def test_it_uploads_site_and_deploys_it():
    upload = next(s for s in steps() if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    build = next(s for s in steps() if "minimax_archive build" in s.get("run", ""))
    assert build["env"]["MINIMAX_ARCHIVE_BASE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert any(s.get("id") == "pages" and s["uses"].startswith("actions/configure-pages@") for s in steps())


def test_it_restores_the_last_build_before_building(tmp_path):
    """The last run's site/ and .site.cache come back before the build, under a key that changes with
    every commit (a cache entry is never overwritten) and a prefix that finds the newest one."""
    names = [s.get("name", s.get("uses", "")) for s in steps()]
    cache = next(s for s in steps() if s.get("uses", "").startswith("actions/cache@"))
    build = next(s for s in steps() if "minimax_archive build" in s.get("run", ""))
    assert names.index(cache["name"]) < names.index(build["name"])
    paths = cache["with"]["path"].split()
    assert paths == ["site", ".site.cache"]
    assert "${{ github.sha }}" in cache["with"]["key"] and cache["with"]["key"].startswith(cache["with"]["restore-keys"])
    # What it keeps is what the build reads back: the site, and its cache beside it (as .gitignore has it).
    assert paths[1] == os.path.basename(cache_path(paths[0]))
    ignored = (REPO / ".gitignore").read_text(encoding="utf-8").split()
    assert {f"/{p}/" for p in paths} <= set(ignored)


def test_its_commands_are_the_readmes():
    runs = [step["run"].strip() for step in steps() if "run" in step]
    assert runs == readme_block("deploy-commands")
    install, check, build = runs
    assert check.endswith("check --strict")
    assert readme_block("test-command") == [install.replace("-e .", "-e '.[test]'") + " && .venv/bin/python -m pytest"]
    quick_start = (REPO / "README.md").read_text(encoding="utf-8").split("## Quick start", 1)[1].split("```sh", 1)[1]
    assert quick_start.split("```", 1)[0].strip() == f"{install} && {build}"


def checkout(work: Path) -> None:
    """A fresh copy of the repository's content and templates, with ``.venv/bin/python``."""
    for name in ("content", "templates"):
        shutil.copytree(REPO / name, work / name)
    python = work / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    python.chmod(python.stat().st_mode | stat.S_IXUSR)


def run_workflow(work: Path) -> str:
    """Run the workflow's commands in ``work``, as the Pages runner would; the build's output."""
    install, *commands = [step for step in steps() if "run" in step]
    assert install["run"].startswith("python3 -m venv .venv")
    env = os.environ | {"MINIMAX_ARCHIVE_BASE_URL": "https://octocat.github.io/archive", "SOURCE_DATE_EPOCH": "1700000000"}
    out = ""
    for step in commands:
        done = subprocess.run(["bash", "-c", step["run"]], check=False, cwd=work, env=env, capture_output=True, text=True)
        assert done.returncode == 0, f"{step['run']}\n{done.stdout}\n{done.stderr}"
        out += done.stdout
    return out


def test_the_workflow_commands_build_the_archive(tmp_path):
    """Run the workflow's commands in a copy of the repository, as the Pages runner would.

    The install line is the one not run: its virtual environment is the one running this test
    (``.venv/bin/python`` here forwards to it), installed by the same command with '.[test]'.
    """
    work = tmp_path / "repo"
    checkout(work)
    run_workflow(work)
    site = work / "site"
    for rel in ("index.html", "404.html", "robots.txt", "sitemap.xml", "en/feed.xml", "zh/feed.xml",
                "data/archive.json", "pagefind/en/pagefind.js", "pagefind/zh/pagefind.js"):
        assert (site / rel).is_file(), rel
    assert '<base href="/archive/">' in (site / "404.html").read_text(encoding="utf-8")
    locs = [loc.text for loc in ET.parse(site / "sitemap.xml").getroot().iter(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs and all(loc.startswith("https://octocat.github.io/archive/") for loc in locs)


def test_the_next_run_builds_only_what_changed_from_the_restored_cache(tmp_path):
    """The next push runs on a new machine: the cache step brings back site/ and .site.cache (as a tar,
    as actions/cache does) into a fresh checkout with one answer edited. The build takes the unchanged
    interview from them, and writes the same bytes as a cold build."""
    first, second = tmp_path / "run1", tmp_path / "run2"
    checkout(first)
    bundled = next((first / "content" / "interviews").iterdir())
    shutil.copytree(bundled, bundled.parent / "zz-second")
    run_workflow(first)
    cache = next(s for s in steps() if s.get("uses", "").startswith("actions/cache@"))
    archive = tmp_path / "cache.tar"
    with tarfile.open(archive, "w") as tar:
        for path in cache["with"]["path"].split():
            tar.add(first / path, arcname=path)
    checkout(second)
    shutil.copytree(bundled, second / "content" / "interviews" / "zz-second")
    answer = second / "content" / "interviews" / "zz-second" / "en.txt"
    answer.write_text(answer.read_text(encoding="utf-8").replace("?", "? (Edited.)", 1), encoding="utf-8")
    with tarfile.open(archive) as tar:
        tar.extractall(second, filter="tar")
    assert "(1 of 2 interviews unchanged)" in run_workflow(second)
    cold = tmp_path / "cold"
    checkout(cold)
    shutil.copytree(second / "content", cold / "content", dirs_exist_ok=True)
    assert "unchanged" not in run_workflow(cold)

    def tree(site: Path) -> dict[str, bytes]:
        return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    assert tree(second / "site") == tree(cold / "site")
