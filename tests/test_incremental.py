"""Incremental builds: a rebuild takes what did not change from the last build, and its output is
byte for byte what a cold build writes, whatever changed in between (incremental.py)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from servekit import ServeProcess

from minimax_archive import incremental
from minimax_archive.build import build
from minimax_archive.incremental import cache_path

REPO = Path(__file__).resolve().parents[1]
BASE = "https://archive.test/sub/"  # feeds and the sitemap are written too
N = 24


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """N generated bilingual interviews and the generator's themes."""
    root = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(REPO / "bench" / "gen_corpus.py"), "--n", str(N), "--out", str(root / "gen"),
                    "--targets", "txt"], check=True, stdout=subprocess.DEVNULL)
    content = root / "content"
    shutil.copytree(root / "gen" / "interviews", content / "interviews")
    shutil.copy(REPO / "bench" / "archive.yaml", content / "archive.yaml")
    return content


@pytest.fixture(autouse=True)
def fixed_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # undated feed entries: the same in every build


def tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def interviews(content: Path) -> list[Path]:
    return sorted((content / "interviews").iterdir())


def edit_answer(content: Path, lang: str = "en") -> None:
    path = interviews(content)[3] / f"{lang}.txt"
    text = path.read_text(encoding="utf-8")
    start = text.index("\n1. ")
    at = min(i for i in (text.find("?", start), text.find("？", start)) if i > 0) + 1
    path.write_text(text[:at] + (" 有改动。" if lang == "zh" else " (Edited.)") + text[at:], encoding="utf-8")


def edit_title_in_meta(content: Path) -> None:
    (interviews(content)[5] / "meta.yaml").write_text("title:\n  en: A title set in meta.yaml\n", encoding="utf-8")


def remove_interview(content: Path) -> None:
    shutil.rmtree(interviews(content)[7])


def add_interview(content: Path) -> None:
    shutil.copytree(interviews(content)[0], content / "interviews" / "zz-added-later")


def add_keyword(content: Path) -> None:
    path = content / "archive.yaml"
    text = path.read_text(encoding="utf-8")
    assert "keywords: {en: [AGI]," in text
    path.write_text(text.replace("keywords: {en: [AGI],", "keywords: {en: [AGI, model],", 1), encoding="utf-8")


def change_template(content: Path) -> None:
    """A copy of the shipped templates with one word changed, as the archive's own."""
    templates = content.parent / "templates"
    shutil.copytree(REPO / "templates", templates)
    page = templates / "interview.html"
    page.write_text(page.read_text(encoding="utf-8").replace('class="interview"', 'class="interview changed"'),
                    encoding="utf-8")


CHANGES: dict[str, tuple[Callable[[Path], None], int]] = {
    # change -> how many interviews the rebuild takes from the last build
    "one English answer": (edit_answer, N - 1),
    "one Chinese answer": (lambda c: edit_answer(c, "zh"), N - 1),
    "a title in meta.yaml": (edit_title_in_meta, N - 1),
    "an interview removed": (remove_interview, N - 1),
    "an interview added": (add_interview, N),
    "nothing": (lambda c: None, N),
}


def templates_of(content: Path) -> str | None:
    folder = content.parent / "templates"
    return str(folder) if folder.is_dir() else None


@pytest.mark.parametrize("change", CHANGES)
def test_a_rebuild_after_a_change_is_byte_identical_to_a_cold_build(corpus, tmp_path, change):
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    site = tmp_path / "out" / "site"
    first = build(str(content), str(site), base_url=BASE)
    assert first.unchanged == 0 and os.path.isdir(cache_path(str(site)))
    before = {rel: (site / rel).stat().st_ino for rel in tree(site)}

    apply, unchanged = CHANGES[change]
    apply(content)
    again = build(str(content), str(site), base_url=BASE)
    cold = build(str(content), str(tmp_path / "cold" / "site"), base_url=BASE, cache=False)

    assert again.unchanged == unchanged
    assert tree(site) == tree(tmp_path / "cold" / "site")
    assert (again.pages, again.answers) == (cold.pages, cold.answers)
    # What was taken is the last build's own file (linked, not rendered again).
    slug = interviews(content)[1].name
    page = f"en/interviews/{slug}/index.html"
    assert (site / page).stat().st_ino == before[page]


def test_a_rebuild_without_changes_renders_no_page(corpus, tmp_path):
    # Every page, the ones made from the whole archive too, is the last build's own file (linked).
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    site = tmp_path / "site"
    build(str(content), str(site), base_url=BASE)
    pages = [rel for rel in tree(site) if rel.endswith((".html", ".xml"))]
    assert "en/index.html" in pages and "en/themes/index.html" in pages and "sitemap.xml" in pages
    before = {rel: (site / rel).stat().st_ino for rel in pages}
    build(str(content), str(site), base_url=BASE)
    assert [rel for rel in pages if (site / rel).stat().st_ino != before[rel]] == []
    edit_answer(content)
    build(str(content), str(site), base_url=BASE)
    changed = {rel for rel in pages if (site / rel).stat().st_ino != before[rel]}
    slug = interviews(content)[3].name
    own = {f"{lang}/interviews/{slug}/{sub}index.html" for lang in ("en", "zh") for sub in ("", "bilingual/")}
    # The edit is in an answer on no theme: its pages, and the sitemap (which dates them), are all
    # that is rendered again; the listing, theme and search pages show nothing of that answer.
    assert own <= changed and changed - own <= {"sitemap.xml"}


def test_a_change_to_the_settings_or_the_templates_renders_everything(corpus, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    site = tmp_path / "site"
    build(str(content), str(site), base_url=BASE)
    for apply in (add_keyword, change_template):
        apply(content)
        again = build(str(content), str(site), templates_of(content), base_url=BASE)
        cold = build(str(content), str(tmp_path / "cold"), templates_of(content), base_url=BASE, cache=False)
        assert again.unchanged == 0 and (again.pages, again.answers) == (cold.pages, cold.answers)
        assert tree(site) == tree(tmp_path / "cold")
        shutil.rmtree(tmp_path / "cold")
    assert "interview changed" in (site / "en" / "interviews" / interviews(content)[0].name / "index.html").read_text(
        encoding="utf-8")


def test_another_version_of_a_library_that_writes_pages_renders_everything(corpus, tmp_path, monkeypatch):
    # A cache restored on another machine (the publishing workflow's) may meet a newer Jinja or
    # markdown-it: pages made with the old one must not be taken.
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    site = tmp_path / "site"
    build(str(content), str(site), base_url=BASE, search=False)
    assert build(str(content), str(site), base_url=BASE, search=False).unchanged == N
    real = incremental.dependency_versions()
    assert {name for name, _ in real} >= {"python", "jinja2", "markdown-it-py"} and all(v for _, v in real)
    monkeypatch.setattr(incremental, "dependency_versions",
                        lambda: [(n, "99.0" if n == "markdown-it-py" else v) for n, v in real])
    assert build(str(content), str(site), base_url=BASE, search=False).unchanged == 0
    assert build(str(content), str(site), base_url=BASE, search=False).unchanged == N


def test_only_a_language_whose_texts_changed_is_indexed_again(corpus, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    site = tmp_path / "site"
    build(str(content), str(site), base_url=BASE)
    entry = {lang: (site / "pagefind" / lang / "pagefind-entry.json").stat().st_ino for lang in ("en", "zh")}
    edit_answer(content, "zh")
    build(str(content), str(site), base_url=BASE)
    assert (site / "pagefind/en/pagefind-entry.json").stat().st_ino == entry["en"]  # the last build's
    assert (site / "pagefind/zh/pagefind-entry.json").stat().st_ino != entry["zh"]  # made again


def test_a_build_with_search_after_one_without_indexes_every_interview(corpus, tmp_path):
    # The pages of a --no-search build are reused, but it made no search documents to reuse.
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    site = tmp_path / "site"
    build(str(content), str(site), base_url=BASE, search=False)
    edit_answer(content)
    again = build(str(content), str(site), base_url=BASE)
    cold = build(str(content), str(tmp_path / "cold"), base_url=BASE, cache=False)
    assert again.answers == cold.answers > 0
    assert tree(site) == tree(tmp_path / "cold")
    # and the other way round: a --no-search build keeps the documents of the interviews it did not
    # render again, for the next build with search
    edit_answer(content, "zh")
    build(str(content), str(site), base_url=BASE, search=False)
    again = build(str(content), str(site), base_url=BASE)
    cold = build(str(content), str(tmp_path / "cold2"), base_url=BASE, cache=False)
    assert again.unchanged == N - 1 and tree(site) == tree(tmp_path / "cold2")


def test_a_damaged_cache_or_a_file_missing_from_the_last_site_costs_only_time(corpus, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    site = tmp_path / "site"
    build(str(content), str(site), base_url=BASE)
    cache = Path(cache_path(str(site)))
    units = cache / "units.pickle"
    units.write_bytes(units.read_bytes()[:100])  # truncated, as by a full disk
    assert build(str(content), str(site), base_url=BASE).unchanged == 0
    (cache / "state.json").write_text("{not json", encoding="utf-8")
    assert build(str(content), str(site), base_url=BASE).unchanged == 0
    (site / "en" / "interviews" / interviews(content)[0].name / "index.html").unlink()  # removed by hand
    for doc in sorted((cache / "docs").iterdir())[:2]:
        doc.unlink()
    again = build(str(content), str(site), base_url=BASE)
    cold = build(str(content), str(tmp_path / "cold"), base_url=BASE, cache=False)
    assert 0 < again.unchanged < N and (again.pages, again.answers) == (cold.pages, cold.answers)
    assert tree(site) == tree(tmp_path / "cold")


def test_the_cache_sits_beside_the_site_and_no_cache_builds_cold(corpus, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    shutil.copytree(content, tmp_path / "project" / "content")
    run = [sys.executable, "-m", "minimax_archive", "build", "--no-search"]
    first = subprocess.run(run, cwd=tmp_path / "project", capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert (tmp_path / "project" / ".site.cache" / "state.json").is_file()
    assert not any(p.name.startswith(".") and "cache" in p.name for p in (tmp_path / "project" / "site").iterdir())
    again = subprocess.run(run, cwd=tmp_path / "project", capture_output=True, text=True)
    assert f"({N} of {N} interviews unchanged)" in again.stdout
    cold = subprocess.run([*run, "--no-cache"], cwd=tmp_path / "project", capture_output=True, text=True)
    assert cold.returncode == 0 and "unchanged" not in cold.stdout


def test_serve_rebuilds_only_what_changed(corpus, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    with ServeProcess(tmp_path, "--no-search") as preview:
        preview.started()
        edit_answer(content)
        line = preview.wait_for("built ")
        assert f"({N - 1} of {N} interviews unchanged)" in line, line
