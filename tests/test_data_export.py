"""data/archive.json, one file per interview, and the JSON Schema shipped beside them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from sitekit import EN, REPO, ZH, write_archive

from minimax_archive.build import build

BASE = "https://archive.test/sub/"


def load(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("data")
    content = write_archive(root, {
        "both": {"en.txt": EN, "zh.txt": ZH, "meta.yaml": "date: 2024-03\ninterviewee: {en: Ann, zh: 安}\n"},
        "only-en": {"en.txt": EN.replace("A Test Interview", "English only")},
    })
    build(str(content), str(root / "site"), templates=str(REPO / "templates"), search=False, base_url=BASE)
    return root / "site"


def validator(site: Path, definition: str | None = None) -> jsonschema.protocols.Validator:
    schema = load(site / "data/schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    if definition:
        schema = {"$ref": f"#/$defs/{definition}", "$defs": schema["$defs"]}
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_archive_json_validates_against_the_shipped_schema(site):
    validator(site).validate(load(site / "data/archive.json"))


def test_each_interview_file_validates_and_matches_the_archive(site):
    archive = load(site / "data/archive.json")
    check = validator(site, "interview_file")
    files = sorted(p.name for p in (site / "data/interviews").iterdir())
    assert files == ["both.json", "only-en.json"]
    for interview in archive["interviews"]:
        data = load(site / interview["data"])
        check.validate(data)
        assert (data["format"], data["base_url"]) == (2, BASE)
        assert {k: v for k, v in data.items() if k not in ("format", "base_url", "texts")} == \
            {k: v for k, v in interview.items() if k != "texts"}
        for lang, entry in interview["texts"].items():
            text = data["texts"][lang]
            assert (text["title"], text["url"]) == (entry["title"], entry["url"])
            assert sum(len(s["qas"]) for s in text["sections"]) == entry["answers"]
        assert sorted(data["texts"]) == sorted(interview["texts"])


def test_the_index_holds_no_texts_so_it_stays_small(site):
    archive = load(site / "data/archive.json")
    both = archive["interviews"][0]
    assert both["texts"]["zh"] == {"title": "一次测试访谈", "url": "zh/interviews/both/", "answers": 3}
    assert "因为混合专家更便宜" not in (site / "data/archive.json").read_text(encoding="utf-8")


def test_the_schema_rejects_what_it_should(site):
    archive = load(site / "data/archive.json")
    check = validator(site)
    broken = json.loads(json.dumps(archive))
    broken["interviews"][0]["date"] = "March 2024"
    assert not check.is_valid(broken)
    broken = json.loads(json.dumps(archive))
    broken["interviews"][0]["texts"]["en"]["sections"] = []  # texts belong in the interview's file
    assert not check.is_valid(broken)
    interview = load(site / "data/interviews/both.json")
    check_file = validator(site, "interview_file")
    check_file.validate(interview)
    del interview["texts"]["en"]["sections"][0]["qas"][0]["answer"]
    assert not check_file.is_valid(interview)


def test_the_data_holds_both_languages_sections_qas_themes_and_urls(site):
    archive = load(site / "data/archive.json")
    assert archive["base_url"] == BASE and archive["languages"] == ["en", "zh"]
    assert [t["key"] for t in archive["themes"]] == ["moe", "talent"]
    assert archive["themes"][0]["url"] == {"en": "en/themes/moe/", "zh": "zh/themes/moe/"}
    both, only_en = (load(site / entry["data"]) for entry in archive["interviews"])
    assert (both["slug"], both["date"], both["interviewee"]) == ("both", "2024-03", {"en": "Ann", "zh": "安"})
    assert sorted(both["texts"]) == ["en", "zh"] and sorted(only_en["texts"]) == ["en"]
    zh = both["texts"]["zh"]
    assert zh["title"] == "一次测试访谈" and zh["url"] == "zh/interviews/both/" and zh["abstract"] == "关于混合专家和人才。"
    assert [s["id"] for s in zh["sections"]] == ["s01", "s02"]
    first = zh["sections"][0]["qas"][0]
    assert first == {"id": "s01-q1", "number": 1, "question": "为什么用混合专家？", "answer": "因为混合专家更便宜。",
                     "themes": ["moe"], "url": "zh/interviews/both/#s01-q1", "truncated": False}
    assert both["texts"]["en"]["sections"][1]["qas"][0]["themes"] == ["talent"]


def test_the_bundled_archive_exports_every_answer(tmp_path):
    build(str(REPO / "content"), str(tmp_path / "site"), templates=str(REPO / "templates"), search=False)
    archive = load(tmp_path / "site/data/archive.json")
    validator(tmp_path / "site").validate(archive)
    assert archive["base_url"] is None
    (entry,) = archive["interviews"]
    interview = load(tmp_path / "site" / entry["data"])
    validator(tmp_path / "site", "interview_file").validate(interview)
    for lang in ("en", "zh"):
        assert sum(len(s["qas"]) for s in interview["texts"][lang]["sections"]) == 8


def test_pages_link_their_data(site):
    interview = (site / "zh/interviews/both/index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/json" href="../../../data/interviews/both.json">' in interview
    themes = (site / "en/themes/index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/json" href="../../data/archive.json">' in themes
