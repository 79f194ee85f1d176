"""Templates: everything is escaped whatever the file is called, and an error names the template
file and line where it happened (a base or included template, not the page's own)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hostile import SCRIPT
from sitekit import ARCHIVE_YAML, EN, REPO, ZH, write_archive

from minimax_archive.errors import BuildError
from minimax_archive.loader import load_archive
from minimax_archive.render import render_site
from minimax_archive.themes import assign


def templates_with(tmp_path: Path, edits: dict[str, tuple[str, str]], files: dict[str, str]) -> Path:
    """A copy of the shipped templates with ``edits`` {template: (old, new)} and extra ``files``."""
    folder = tmp_path / "templates"
    shutil.copytree(REPO / "templates", folder)
    for name, (old, new) in edits.items():
        text = (folder / name).read_text(encoding="utf-8")
        assert old in text
        (folder / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def render(tmp_path: Path, templates: Path, archive_yaml: str = ARCHIVE_YAML) -> dict[str, str]:
    content = write_archive(tmp_path, {"x": {"en.txt": EN, "zh.txt": ZH}}, archive_yaml=archive_yaml)
    archive, _ = load_archive(str(content))
    return render_site(archive, assign(archive), str(templates))


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


@pytest.mark.parametrize("partial", ["header.j2", "header.htm", "header.txt", "header"])
def test_an_included_partial_of_any_name_is_escaped(tmp_path, partial):
    templates = templates_with(tmp_path, {"base.html": ("<body", f'{{% include "{partial}" %}}\n<body')},
                               {partial: "<p class=partial>{{ site_title }}</p>\n"})
    hostile = ARCHIVE_YAML.replace("title: {en: Test Archive,", f"title: {{en: 'Test {SCRIPT}',")
    html = render(tmp_path, templates, hostile)["en/index.html"]
    assert "<p class=partial>Test &lt;script&gt;window.__pwned = 1&lt;/script&gt;</p>" in html
    assert SCRIPT not in html


def test_an_undefined_variable_in_the_base_template_names_it_and_its_line(tmp_path):
    templates = templates_with(tmp_path, {"base.html": ("<body", "{{ no_such_variable }}\n<body")}, {})
    with pytest.raises(BuildError) as info:
        render(tmp_path, templates)
    line = line_of(templates / "base.html", "no_such_variable")
    assert str(info.value).startswith(f"{templates}/base.html:{line}: template error: UndefinedError: "
                                      "'no_such_variable' is undefined (while rendering ")


def test_an_undefined_variable_in_an_included_template_names_that_file(tmp_path):
    templates = templates_with(tmp_path, {"base.html": ("<body", '{% include "parts/footer.j2" %}\n<body')},
                               {})
    (templates / "parts").mkdir()
    (templates / "parts/footer.j2").write_text("<footer>\n{{ site_title }}\n{{ footer_text }}\n</footer>\n")
    with pytest.raises(BuildError) as info:
        render(tmp_path, templates)
    assert str(info.value).startswith(f"{templates}/parts/footer.j2:3: template error: UndefinedError: "
                                      "'footer_text' is undefined")


@pytest.mark.parametrize("which", ["bundled", "hostile"])
def test_the_builds_jinja_shortcuts_print_exactly_what_plain_jinja_prints(tmp_path, monkeypatch, which):
    # render.py compiles templates with its own escaping call and dict lookup: same output, faster.
    from hostile import write_hostile_archive

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # undated feed entries: the same in both renders
    from minimax_archive import render as render_module

    content = REPO / "content" if which == "bundled" else write_hostile_archive(tmp_path)
    archive, _ = load_archive(str(content), "https://archive.test/sub/")
    themes = assign(archive)
    fast = render_site(archive, themes, str(REPO / "templates"))
    original = render_module.make_environment
    render_module.make_environment = lambda folder: original(folder, plain=True)  # type: ignore[assignment]
    try:
        plain = render_site(archive, themes, str(REPO / "templates"))
    finally:
        render_module.make_environment = original
    assert sorted(fast) == sorted(plain)
    assert [path for path in fast if fast[path] != plain[path]] == []
    assert any("&lt;script" in text or "&amp;" in text for text in fast.values())  # escaping happened
