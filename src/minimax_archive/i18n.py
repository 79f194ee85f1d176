"""The site's own words (navigation, labels), per language.

Content is translated by the archive's authors; these are the words around it.
Every language in ``model.KNOWN_LANGUAGES`` must have every key (a test checks).
A string with ``|`` has a singular and a plural form ("{n} answer|{n} answers");
:func:`plural` picks one (templates: ``t.n_answers | plural(3)``).
"""

from __future__ import annotations


def plural(forms: str, n: int) -> str:
    """The form of ``forms`` ("one|many", or one form for all) for ``n``, with {n} filled in."""
    one, _, many = forms.partition("|")
    return (one if n == 1 or not many else many).replace("{n}", str(n))


STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "home": "Interviews",
        "themes": "Themes",
        "search": "Search",
        "language": "Language",
        "skip": "Skip to content",
        "interviewee": "Interviewee",
        "organisation": "Organisation",
        "date": "Date",
        "source": "Source",
        "abstract": "Abstract",
        "contents": "Contents",
        "qa_count": "{n} question|{n} questions",
        "n_answers": "{n} answer|{n} answers",
        "n_interviews": "{n} interview|{n} interviews",
        "truncated": "This answer appears to be cut off in the source text.",
        "missing_body": "This interview has not been translated into English yet. Read it in:",
        "themes_intro": "Every answer in the archive, by theme. Each answer links straight to its place in the interview.",
        "matrix": "Themes by interview",
        "interview": "Interview",
        "theme_page_intro": "{answers} in {interviews}.",
        "search_placeholder": "Search questions and answers…",
        "search_label": "Search the archive",
        "filters": "Filters",
        "filter_theme": "Theme",
        "filter_interviewee": "Interviewee",
        "filter_organisation": "Organisation",
        "search_found": "Found {answers} in {interviews}.",
        "search_found_more": "Showing {answers} from {interviews}; more below.",
        "search_found_pages": "Found in the title or abstract of {interviews}.",
        "search_none": "No answers found.",
        "search_abstract": "Abstract",
        "search_noscript": "Search needs JavaScript, which is turned off in this browser. "
                           "You can still browse every answer by theme, or the list of interviews:",
        "more_results": "More results",
        "search_loading": "Loading search…",
        "search_failed": "Search is unavailable: the index could not be loaded.",
        "theme_match": "Also listing every answer on the theme “{label}”.",
        "search_theme": "Search within this theme",
        "newer": "Newer",
        "older": "Older",
        "page_n": "Page {n} of {total}",
        "read_in": "Read in",
    },
    "zh": {
        "home": "访谈",
        "themes": "主题",
        "search": "搜索",
        "language": "语言",
        "skip": "跳到正文",
        "interviewee": "受访者",
        "organisation": "机构",
        "date": "日期",
        "source": "来源",
        "abstract": "摘要",
        "contents": "目录",
        "qa_count": "{n} 个问题",
        "n_answers": "{n} 个回答",
        "n_interviews": "{n} 篇访谈",
        "truncated": "原文中此回答似乎不完整。",
        "missing_body": "这篇访谈还没有中文版。可以阅读：",
        "themes_intro": "按主题浏览档案中的每一个回答，点击即可直达访谈中的对应位置。",
        "matrix": "主题 × 访谈",
        "interview": "访谈",
        "theme_page_intro": "共 {interviews}中的 {answers}。",
        "search_placeholder": "搜索问题和回答……",
        "search_label": "搜索档案",
        "filters": "筛选",
        "filter_theme": "主题",
        "filter_interviewee": "受访者",
        "filter_organisation": "机构",
        "search_found": "找到 {answers}，来自 {interviews}。",
        "search_found_more": "已显示 {answers}，来自 {interviews}；还有更多结果。",
        "search_found_pages": "在 {interviews}的标题或摘要中找到。",
        "search_none": "没有找到相关回答。",
        "search_abstract": "摘要",
        "search_noscript": "搜索需要 JavaScript，而此浏览器没有启用。你仍可以按主题浏览全部回答，或查看访谈列表：",
        "more_results": "更多结果",
        "search_loading": "正在加载搜索……",
        "search_failed": "搜索暂不可用：无法加载索引。",
        "theme_match": "另列出主题“{label}”下的全部回答。",
        "search_theme": "在此主题中搜索",
        "newer": "较新",
        "older": "较早",
        "page_n": "第 {n} 页，共 {total} 页",
        "read_in": "阅读",
    },
}
