"""What a browser copy of an Aili share page adds around the summary: page chrome.

Selecting a summary on its share page and copying it brings the page's own
lines along: the site's header (``Aili``, ``Sign in``, ``Get Aili for free``),
under the title the source's address and date and the ``Summarize by Aili``
badge, a ``Copy`` button under the abstract, and a footer (``Share · Copy link``,
``Copyright © 2024 Aili``, ``Privacy Policy | Terms of Service``), in English
or Chinese. A line is chrome only when all of it is (several buttons may share
a line, joined by '·', '|' or tabs); the parser drops chrome only where no
content can be (see ``aili``), so a really malformed text still fails.
"""

from __future__ import annotations

import re

# Page chrome: whole lines a browser copies along with the summary (badges, buttons, footer).
_BUTTONS = re.compile(
    r"^(?:summari[sz]e[ds]?\s+(?:by|with)\s+aili.*|(?:powered\s+by\s+)?aili(?:\.app)?|由\s*aili\s*总结"
    r"|share|分享|copy(?:\s+link|\s+text)?|copied!?|复制(?:链接)?|已复制|like|dislike|点赞|反馈|feedback"
    r"|sign\s*in|log\s*in|sign\s*up|登录|注册|登录\s*/\s*注册|home|首页|menu|菜单"
    r"|(?:get|try|download|install|add)\s+(?:aili|the\s+app|the\s+extension|to\s+(?:chrome|edge|safari))"
    r"(?:\s+(?:for\s+)?free)?(?:\s+now)?|下载(?:\s*aili)?|免费(?:试用|使用)(?:\s*aili)?"
    r"|(?:view|read|open)\s+(?:the\s+)?original(?:\s+(?:article|page|link))?|原文(?:链接)?|查看原文|阅读原文"
    r"|ask\s+(?:a\s+)?follow[- ]?up\s+questions?|追问"
    r"|(?:©|\(c\)|copyright\b).*|all\s+rights\s+reserved\.?"
    r"|privacy(?:\s+policy)?|terms(?:\s+of\s+(?:service|use))?|隐私政策|用户协议|服务条款|contact(?:\s+us)?|联系我们)$",
    re.IGNORECASE)
# Above the abstract also the source address and date the page shows under the title.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_HEADER = re.compile(
    r"^(?:https?://\S+|(?-i:(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/\S*)?)"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    rf"|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})$", re.IGNORECASE)
_URL = re.compile(r"^https?://\S+$")
_SEPARATOR = re.compile(r"\s*[·|•]\s*|\t+|\s{3,}")


def is_url(text: str) -> bool:
    """Is this stripped line one address (the share link a copy can start with)?"""
    return bool(_URL.match(text))


def is_chrome(text: str, header: bool = False, title: str = "") -> bool:
    """Is this stripped line page chrome? (``header``: above the abstract, where a URL, a domain,
    a date or the title repeated are chrome too; a line may join several buttons with '·' or '|')."""
    if header and (text == title or _HEADER.match(text)):
        return True
    parts = [part for part in _SEPARATOR.split(text) if part]
    return bool(parts) and all(_BUTTONS.match(part) or (header and _HEADER.match(part)) for part in parts)
