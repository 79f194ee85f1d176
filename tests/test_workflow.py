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
import xml.etree.ElementTree as ET

import yaml
from sitekit import REPO

WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"
OFFICIAL = {"actions/checkout", "actions/setup-python", "actions/configure-pages",
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


def test_its_commands_are_the_readmes():
    runs = [step["run"].strip() for step in steps() if "run" in step]
    assert runs == readme_block("deploy-commands")
    install, check, build = runs
    assert check.endswith("check --strict")
    assert readme_block("test-command") == [install.replace("-e .", "-e '.[test]'") + " && .venv/bin/python -m pytest"]
    quick_start = (REPO / "README.md").read_text(encoding="utf-8").split("## Quick start", 1)[1].split("```sh", 1)[1]
    assert quick_start.split("```", 1)[0].strip() == f"{install} && {build}"


def test_the_workflow_commands_build_the_archive(tmp_path):
    """Run the workflow's commands in a copy of the repository, as the Pages runner would.

    The install line is the one not run: its virtual environment is the one running this test
    (``.venv/bin/python`` here forwards to it), installed by the same command with '.[test]'.
    """
    work = tmp_path / "repo"
    for name in ("content", "templates"):
        shutil.copytree(REPO / name, work / name)
    python = work / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    python.chmod(python.stat().st_mode | stat.S_IXUSR)
    install, *commands = [step for step in steps() if "run" in step]
    assert install["run"].startswith("python3 -m venv .venv")
    env = os.environ | {"MINIMAX_ARCHIVE_BASE_URL": "https://octocat.github.io/archive"}
    for step in commands:
        done = subprocess.run(["bash", "-c", step["run"]], check=False, cwd=work, env=env, capture_output=True, text=True)
        assert done.returncode == 0, f"{step['run']}\n{done.stdout}\n{done.stderr}"
    site = work / "site"
    for rel in ("index.html", "404.html", "robots.txt", "sitemap.xml", "en/feed.xml", "zh/feed.xml",
                "data/archive.json", "pagefind/en/pagefind.js", "pagefind/zh/pagefind.js"):
        assert (site / rel).is_file(), rel
    assert '<base href="/archive/">' in (site / "404.html").read_text(encoding="utf-8")
    locs = [loc.text for loc in ET.parse(site / "sitemap.xml").getroot().iter(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs and all(loc.startswith("https://octocat.github.io/archive/") for loc in locs)
