"""JSON-LD on interview pages, checked against schema.org's vocabulary (not only that it parses).

``fixtures/schemaorg/vocabulary.json`` holds the types the archive may use, each
with every property valid on it and that property's expected types (generated
from schema.org's published vocabulary: see ``make_vocabulary.py`` there).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from sitekit import EN, REPO, ZH, write_archive

from minimax_archive.build import build

VOCABULARY = json.loads((Path(__file__).parent / "fixtures/schemaorg/vocabulary.json").read_text(encoding="utf-8"))
BASE = "https://archive.test/sub/"
META = "date: 2024-03\ninterviewee: {en: Ann Lee, zh: 李安}\norganisation: {en: Acme, zh: 极致}\n" \
       "source: https://aili.app/share/x\n"


def violations(node: Any, where: str = "$") -> list[str]:
    """Every @type that schema.org lacks, and every property not valid on its type or with a wrong kind of value."""
    out: list[str] = []
    if isinstance(node, list):
        for n, item in enumerate(node):
            out += violations(item, f"{where}[{n}]")
        return out
    if not isinstance(node, dict):
        return out
    kind = node.get("@type")
    if kind not in VOCABULARY["types"]:
        return [f"{where}: unknown type {kind!r}"]
    properties = VOCABULARY["types"][kind]["properties"]
    for key, value in node.items():
        if key.startswith("@"):
            continue
        if key not in properties:
            out.append(f"{where}.{key}: not a property of {kind}")
            continue
        ranges = set(properties[key])
        for n, item in enumerate(value if isinstance(value, list) else [value]):
            at = f"{where}.{key}" + (f"[{n}]" if isinstance(value, list) else "")
            if isinstance(item, dict):
                item_type = item.get("@type")
                lineage = {item_type, *VOCABULARY["types"].get(item_type, {}).get("supertypes", [])}
                if not lineage & ranges:
                    out.append(f"{at}: a {item_type} where schema.org expects {sorted(ranges)}")
                out += violations(item, at)
            elif not ranges & {*VOCABULARY["datatypes"], "Language"}:
                out.append(f"{at}: text where schema.org expects {sorted(ranges)}")
    return out


def json_ld(page: Path) -> dict[str, Any]:
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page.read_text(encoding="utf-8"), re.DOTALL)
    assert len(scripts) == 1
    return json.loads(scripts[0])


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("jsonld")
    content = write_archive(root, {"ann": {"en.txt": EN, "zh.txt": ZH, "meta.yaml": META}})
    build(str(content), str(root / "site"), templates=str(REPO / "templates"), search=False, base_url=BASE)
    return root / "site"


def test_the_validator_catches_invented_terms():
    assert violations({"@type": "Article", "headline": "x", "interviewee": "y"}) == [
        "$.interviewee: not a property of Article"]
    assert violations({"@type": "Interview"}) == ["$: unknown type 'Interview'"]
    assert violations({"@type": "Article", "author": "x", "about": {"@type": "Person", "worksAt": "y"}}) == [
        "$.author: text where schema.org expects ['Organization', 'Person']",
        "$.about.worksAt: not a property of Person"]
    assert violations({"@type": "Question", "acceptedAnswer": {"@type": "Person", "name": "x"}}) == [
        "$.acceptedAnswer: a Person where schema.org expects ['Answer', 'ItemList']"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_interview_json_ld_uses_only_schema_org_terms(site, lang):
    data = json_ld(site / lang / "interviews/ann/index.html")
    assert data["@context"] == "https://schema.org"
    assert violations(data) == []


def test_interview_json_ld_says_what_the_issue_asks(site):
    en = json_ld(site / "en/interviews/ann/index.html")
    zh = json_ld(site / "zh/interviews/ann/index.html")
    assert (en["@type"], en["genre"], en["headline"], en["inLanguage"]) == ("Article", "Interview", "A Test Interview", "en")
    assert en["url"] == BASE + "en/interviews/ann/" and en["datePublished"] == "2024-03"
    assert en["author"] == en["publisher"] == {"@type": "Organization", "name": "Test Archive", "url": BASE + "en/"}
    assert en["about"] == {"@type": "Person", "name": "Ann Lee", "affiliation": {"@type": "Organization", "name": "Acme"}}
    assert zh["about"]["name"] == "李安" and zh["inLanguage"] == "zh-CN"
    questions = en["hasPart"]
    assert [q["url"] for q in questions] == [BASE + "en/interviews/ann/#" + i for i in ("s01-q1", "s01-q2", "s02-q1")]
    assert questions[0] == {"@type": "Question", "name": "Why MoE?", "url": BASE + "en/interviews/ann/#s01-q1",
                            "acceptedAnswer": {"@type": "Answer", "text": "Because MoE is cheaper.",
                                               "url": BASE + "en/interviews/ann/#s01-q1"}}
    assert en["workTranslation"] == [{"@type": "Article", "url": BASE + "zh/interviews/ann/", "inLanguage": "zh-CN",
                                      "headline": "一次测试访谈"}]
    assert zh["translationOfWork"]["url"] == BASE + "en/interviews/ann/" and "workTranslation" not in zh


def test_the_bundled_interview_json_ld_is_valid_too(tmp_path):
    build(str(REPO / "content"), str(tmp_path / "site"), templates=str(REPO / "templates"), search=False)
    for lang in ("en", "zh"):
        data = json_ld(tmp_path / "site" / lang / "interviews/minimax-yan-junjie/index.html")
        assert violations(data) == [] and len(data["hasPart"]) == 8
        assert data["hasPart"][0]["url"] == "./#s01-q1"  # no base_url: relative to the page


def test_the_original_language_is_the_work_and_the_other_its_translation(tmp_path):
    meta = META + "original_language: zh\n"
    content = write_archive(tmp_path, {"ann": {"en.txt": EN, "zh.txt": ZH, "meta.yaml": meta}})
    build(str(content), str(tmp_path / "site"), templates=str(REPO / "templates"), search=False, base_url=BASE)
    en = json_ld(tmp_path / "site/en/interviews/ann/index.html")
    zh = json_ld(tmp_path / "site/zh/interviews/ann/index.html")
    assert en["translationOfWork"]["url"] == BASE + "zh/interviews/ann/" and "workTranslation" not in en
    assert [w["url"] for w in zh["workTranslation"]] == [BASE + "en/interviews/ann/"]
    assert violations(en) == violations(zh) == []
