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


OVERLAP = """\
title: {en: T, zh: T}
languages: [en, zh]
themes:
  dense:
    label: {en: Dense, zh: 稠密}
    keywords: {en: [dense models]}
  models:
    label: {en: Models, zh: 模型}
    keywords: {en: [models], zh: [模型]}
  agi:
    label: {en: AGI, zh: 通用人工智能}
    keywords: {en: [AGI], zh: [创业]}
"""


def _themes(tmp_path, en, zh):
    archive, _ = load_archive(str(write_archive(tmp_path, {"one": {"en.txt": en, "zh.txt": zh}}, archive_yaml=OVERLAP)))
    return {qa: keys for (slug, qa), keys in assign(archive).items()}


def test_a_keyword_inside_another_themes_keyword_counts_for_both(tmp_path):
    en = EN.replace("Dense models are slow.", "Dense  models are slow.")
    zh = ZH.replace("稠密模型很慢", "很慢").replace("混合专家", "专家")
    assert _themes(tmp_path, en, zh)["s01-q2"] == ("dense", "models")


def test_latin_keyword_next_to_chinese_full_width_and_traditional_forms(tmp_path):
    en = EN.replace("Why MoE? Because MoE is cheaper.", "Why? Because.").replace("Dense models are slow.", "Slow.")
    zh = (ZH.replace("因为混合专家更便宜。", "因为对AGI的信念。")      # AGI next to Han characters
          .replace("稠密模型很慢", "ＡＧＩ很慢")                   # full-width, as a Chinese keyboard types it
          .replace("到处寻找。", "在創業公司找。"))                  # Traditional 創業 is the keyword 创业
    found = _themes(tmp_path, en, zh)
    assert found["s01-q1"] == ("agi",)
    assert found["s01-q2"] == ("agi",)
    assert found["s02-q1"] == ("agi",)


def test_latin_keyword_inside_a_latin_word_still_does_not_count(tmp_path):
    en = EN.replace("Why MoE? Because MoE is cheaper.", "Why? AGIs and pagination.").replace("Dense models are slow.", "Slow.")
    zh = ZH.replace("混合专家", "专家").replace("稠密模型很慢", "很慢")
    assert "s01-q1" not in _themes(tmp_path, en, zh)
