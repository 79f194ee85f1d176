"""Which answers belong to which theme: keywords in any language, plus meta.yaml's additions and removals."""

from __future__ import annotations

from sitekit import EN, ZH, write_archive
from minimax_archive.loader import load_archive
from minimax_archive.themes import assign

ARCHIVE = """\
title: {en: T, zh: T}
languages: [en, zh]
themes:
  moe:
    label: {en: MoE, zh: 混合专家}
    keywords: {en: [MoE, mixture of experts], zh: [混合专家]}
  talent:
    label: {en: Talent, zh: 人才}
    keywords: {en: [talent], zh: [人才]}
  dense:
    label: {en: Dense, zh: 稠密}
    keywords: {zh: [稠密]}
"""


def themes_of(tmp_path, en=EN, zh=ZH, meta=None):
    files = {"en.txt": en, "zh.txt": zh} | ({"meta.yaml": meta} if meta else {})
    archive, _ = load_archive(str(write_archive(tmp_path, {"one": files}, archive_yaml=ARCHIVE)))
    return {qa: keys for (slug, qa), keys in assign(archive).items()}


def test_keywords_match_in_either_language_and_both_languages_share_themes(tmp_path):
    zh = ZH.replace("稠密模型很慢", "稠密模型很慢")  # s01-q2: only the Chinese text says 稠密
    assert themes_of(tmp_path, zh=zh) == {"s01-q1": ("moe",), "s01-q2": ("dense",), "s02-q1": ("talent",)}


def test_latin_keywords_match_whole_words_only_case_insensitively(tmp_path):
    zh = ZH.replace("混合专家", "模型").replace("人才", "人")
    en = EN.replace("1. Why MoE? Because MoE is cheaper.", "1. Why MoEs? Because a Mixture  of\nExperts helps.")
    en = en.replace("How to find talent? Look everywhere.", "How to find people? Talented ones, not TALENT shows.")
    found = themes_of(tmp_path, en=en, zh=zh)
    assert found.get("s01-q1") == ("moe",)       # "Mixture of Experts" across a line break counts
    assert found.get("s02-q1") == ("talent",)    # "TALENT" counts
    en = en.replace("Because a Mixture  of\nExperts helps.", "Because MoEs help.").replace(", not TALENT shows", "")
    found = themes_of(tmp_path / "again", en=en, zh=zh)
    assert "s01-q1" not in found and "s02-q1" not in found  # "MoEs" and "Talented" are other words


def test_meta_adds_and_removes_themes(tmp_path):
    meta = "themes:\n  s01-q2: [talent]\n  s01-q1: [-moe]\n"
    assert themes_of(tmp_path, meta=meta) == {"s01-q2": ("talent", "dense"), "s02-q1": ("talent",)}
