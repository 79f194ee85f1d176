"""Tiny archives written inline into tmp_path (Hugo's style of test), for any test to import."""

from __future__ import annotations

import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

ARCHIVE_YAML = """\
title: {en: Test Archive, zh: 测试档案}
description: {en: A test., zh: 测试。}
languages: [en, zh]
themes:
  moe:
    label: {en: MoE, zh: 混合专家}
    keywords: {en: [MoE], zh: [混合专家]}
  talent:
    label: {en: Talent, zh: 人才}
    keywords: {en: [talent], zh: [人才]}
"""

EN = """\
A Test Interview

🌈 Abstract

About MoE and talent.

🙋 Q&A

[01] Models

1. Why MoE? Because MoE is cheaper.

2. What else? Dense models are slow.

[02] People

1. How to find talent? Look everywhere.
"""

ZH = """\
一次测试访谈

🌈 摘要

关于混合专家和人才。

🙋 问答

[01] 模型

1. 为什么用混合专家？因为混合专家更便宜。

2. 还有什么？稠密模型很慢。

[02] 人

1. 如何寻找人才？到处寻找。
"""


def write_archive(root: Path, interviews: dict[str, dict[str, str]] | None = None,
                  archive_yaml: str = ARCHIVE_YAML) -> Path:
    """Write content/ with archive.yaml and interviews {slug: {filename: text}}; return content/."""
    content = root / "content"
    (content / "interviews").mkdir(parents=True, exist_ok=True)
    (content / "archive.yaml").write_text(textwrap.dedent(archive_yaml), encoding="utf-8")
    for slug, files in (interviews if interviews is not None else {"test-one": {"en.txt": EN, "zh.txt": ZH}}).items():
        folder = content / "interviews" / slug
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
    return content
