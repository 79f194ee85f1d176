"""An archive whose every field tries to inject markup, script or template code."""

from __future__ import annotations

from pathlib import Path

from sitekit import write_archive

SCRIPT = "<script>window.__pwned = 1</script>"
IMG = '<img src=x onerror="window.__pwned = 2">'
BREAKOUT = '</script><script>window.__pwned = 4</script>'
ATTR = '"><svg onload="window.__pwned = 5">'
JINJA = "{{ 7*7 }}{% if true %}jinja-ran{% endif %}"
ALL = [SCRIPT, IMG, BREAKOUT, ATTR, JINJA]
PAYLOAD = " ".join(ALL)

ARCHIVE_YAML = f"""\
title: {{en: 'Archive {ATTR}', zh: '档案 {SCRIPT}'}}
description: {{en: 'Desc {BREAKOUT} {JINJA}', zh: '描述 {IMG}'}}
languages: [en, zh]
themes:
  evil:
    label: {{en: 'Evil {SCRIPT}', zh: '恶意 {ATTR}'}}
    description: {{en: '{IMG}', zh: '{JINJA}'}}
    keywords: {{en: [pwned], zh: [恶意]}}
"""

TEXT = f"""\
Title {PAYLOAD}

🌈 Abstract

Abstract {PAYLOAD} [a link](javascript:window.__pwned=3) [data](data:text/html,<script>x</script>)

🙋 Q&A

[01] Section {PAYLOAD}

1. Is pwned {SCRIPT} {ATTR} safe? Answer {PAYLOAD} [click](javascript:window.__pwned=3) pwned.

2. 恶意 {IMG} 安全吗？回答 {PAYLOAD} 恶意。
"""

META = f"""\
title: {{en: 'Meta {PAYLOAD}', zh: '元 {PAYLOAD}'}}
interviewee: {{en: 'Person {ATTR}', zh: '人 {SCRIPT}'}}
organisation: {{en: 'Org {BREAKOUT}', zh: '组织 {JINJA}'}}
"""


def write_hostile_archive(root: Path) -> Path:
    return write_archive(root, {"evil-one": {"en.txt": TEXT, "zh.txt": TEXT, "meta.yaml": META}},
                         archive_yaml=ARCHIVE_YAML)
