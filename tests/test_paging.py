"""Pages that list the whole archive are paged: none grows with the archive, and every link into a
paged list lands on the page that holds its target."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from minimax_archive import theme_views
from minimax_archive.loader import load_archive
from minimax_archive.render import render_site
from minimax_archive.themes import assign

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("paging")
    subprocess.run([sys.executable, str(REPO / "bench" / "gen_corpus.py"), "--n", "30", "--out", str(root / "gen"),
                    "--targets", "txt"], check=True, stdout=subprocess.DEVNULL)
    shutil.copytree(root / "gen" / "interviews", root / "content" / "interviews")
    shutil.copy(REPO / "bench" / "archive.yaml", root / "content" / "archive.yaml")
    return root / "content"


def test_theme_pages_and_the_themes_table_are_paged_and_their_links_land(content, monkeypatch):
    # Small pages, so that 30 interviews need several of each.
    monkeypatch.setattr(theme_views, "THEME_PAGE_SIZE", 7)
    monkeypatch.setattr(theme_views, "MATRIX_PAGE_SIZE", 4)
    archive, _ = load_archive(str(content))
    site = render_site(archive, assign(archive), str(REPO / "templates"))
    for lang in ("en", "zh"):
        tables = [p for p in site if re.fullmatch(rf"{lang}/themes/(page/\d+/)?index\.html", p)]
        assert len(tables) == 8  # 30 interviews, 4 a page
        for path in tables:
            assert site[path].count('<tr><th scope="row">') <= 4
            for href in re.findall(r'<td><a href="([^"]+)"', site[path]):
                target, anchor = href.split("#")
                page = "/".join(_normal(f"{Path(path).parent}/{target}index.html".split("/")))
                assert page in site, href
                assert f'id="{anchor}"' in site[page], f"{path}: {href} lands on a page without its interview"
        theme_pages = [p for p in site if re.fullmatch(rf"{lang}/themes/[a-z-]+/(page/\d+/)?index\.html", p)]
        assert any("/page/" in p for p in theme_pages)
        for path in theme_pages:
            assert site[path].count('<a class="question"') <= 7
            if "/page/" in path:
                assert 'rel="prev"' in site[path]


def _normal(parts: list[str]) -> list[str]:
    out: list[str] = []
    for part in parts:
        if part == "..":
            out.pop()
        elif part not in ("", "."):
            out.append(part)
    return out
