"""Chinese (and English) recall is a tested promise: words in the text find their answers.

Each row is a word or phrase that appears in the bundled interview
(content/interviews/minimax-yan-junjie/zh.txt or en.txt) and the Q&A ids whose
text contains it: searching for it on that language's search page
(``<lang>/search/?q=…``, in a real browser) must list at least those answers.
A few rows also name answers that must not come back (precision).

Chinese has no spaces, so Pagefind segments words at index time (jieba) and,
since 1.5, again in the browser at query time (Intl.Segmenter); when the two
disagree, a word that is plainly in the text finds nothing (Pagefind/pagefind#1237).
Rows with a comment are the ones Pagefind's word index alone misses (measured
with Pagefind 1.5.2, 1.4.0 and 1.3.0; the comment says where): the archive
also searches Chinese in an index of overlapping character pairs, which finds
them, and this table is what proves it.

The precision half: a hit must contain what was asked for (every pair of a
Chinese phrase at consecutive positions, every Latin word), so for the rows of
EXACT the listed answers are exactly those whose text contains every part of
the query (in the folded form: full-width and Traditional characters count as
their plain and Simplified forms), and for the rows of FIRST the listed
answers come first.
"""

from __future__ import annotations

import pytest

from minimax_archive.lang import fold

SLUG = "minimax-yan-junjie"
ALL = frozenset({"s01-q1", "s01-q2", "s02-q1", "s02-q2", "s03-q1", "s03-q2", "s04-q1", "s04-q2"})

# (query, gloss for the test id, ids that must be found, ids that must not)
ZH_QUERIES = [
    ("人才", "talent", {"s04-q2"}, set()),
    ("招聘", "recruiting", {"s04-q2"}, set()),
    ("组织文化", "organisational-culture", {"s04-q1"}, set()),
    ("稠密模型", "dense-model", {"s02-q1"}, {"s04-q2"}),
    ("混合专家模型", "mixture-of-experts-model", {"s02-q1", "s02-q2"}, set()),
    ("商汤科技", "sensetime", {"s01-q2"}, {"s04-q2"}),
    ("闫俊杰", "yan-junjie", ALL, set()),
    ("用户需求", "user-needs", {"s03-q2"}, set()),
    ("技术驱动", "technology-driven", {"s03-q2", "s04-q1"}, set()),
    ("研发效率", "rnd-efficiency", {"s02-q2"}, set()),
    ("系统崩溃", "system-collapse", {"s02-q1"}, set()),  # word index of 1.3.0: nothing found
    ("消费者", "consumer", {"s03-q1", "s03-q2"}, set()),
    ("非共识", "non-consensus", {"s01-q1"}, {"s04-q2"}),
    ("延迟", "latency", {"s02-q1"}, set()),
    ("数据驱动", "data-driven", {"s04-q2"}, set()),
    ("生存之道", "way-to-survive", {"s03-q1"}, set()),
    ("网络结构", "network-structure", {"s02-q2"}, set()),
    ("用户在回路", "user-in-the-loop", {"s04-q1"}, set()),
    ("实验方法", "experimental-methods", {"s02-q2"}, set()),
    ("大规模", "large-scale", {"s01-q2"}, set()),
    ("至关重要", "crucial", {"s03-q2"}, set()),  # word index of 1.5.2: nothing found (1.4.0, 1.3.0 pass)
    ("从一开始", "from-the-start", {"s01-q2", "s03-q1"}, set()),  # word index of 1.5.2: misses s01-q2 (1.4.0, 1.3.0 pass)
    ("捷径", "shortcut", {"s04-q1"}, set()),  # word index of 1.5.2, 1.4.0, 1.3.0: nothing (indexed only as 走捷径)
    ("规模", "scale", {"s01-q2"}, set()),  # word index of 1.5.2, 1.4.0, 1.3.0: nothing (indexed only as 大规模)
]

EN_QUERIES = [
    ("MoE", "moe", {"s02-q1", "s02-q2"}, {"s04-q1", "s04-q2"}),
    ("Sensetime", "sensetime", {"s01-q2"}, {"s02-q1"}),
    ("ChatGPT", "chatgpt", {"s01-q1"}, set()),
    ("dense", "dense", {"s02-q1"}, {"s04-q2"}),
    ("latency", "latency", {"s02-q1"}, {"s03-q1"}),
    ("consumer-facing", "consumer-facing", {"s03-q1", "s03-q2"}, set()),
    ("recruiting", "recruiting", {"s04-q2"}, set()),
    ("culture", "culture", {"s04-q1", "s04-q2"}, set()),
    ("user-in-the-loop", "user-in-the-loop", {"s04-q1"}, set()),
    ("survival", "survival", {"s03-q1"}, set()),
    ("experimental", "experimental", {"s02-q2"}, set()),
    ("non-consensus", "non-consensus", {"s01-q1"}, set()),
    ("shortcuts", "shortcuts", {"s04-q1"}, set()),
    ("data-driven", "data-driven", {"s04-q2"}, set()),
    ("system collapse", "system-collapse", {"s02-q1"}, set()),
    ("Yanjunjie", "yanjunjie", ALL, set()),
    ("OpenAI", "openai", {"s01-q1"}, set()),
    ("technology-driven", "technology-driven", {"s03-q2", "s04-q1"}, set()),
    ("R&D efficiency", "rnd-efficiency", {"s02-q2"}, set()),
    ("billions of users", "billions-of-users", {"s02-q1"}, set()),
]

CASES = [pytest.param("zh", q, must, must_not, id=f"zh-{gloss}") for q, gloss, must, must_not in ZH_QUERIES] + \
        [pytest.param("en", q, must, must_not, id=f"en-{gloss}") for q, gloss, must, must_not in EN_QUERIES]


def test_table_is_big_enough():
    assert len(ZH_QUERIES) >= 12 and len(EN_QUERIES) >= 12
    assert len({g for _, g, _, _ in ZH_QUERIES}) == len(ZH_QUERIES)
    assert len({g for _, g, _, _ in EN_QUERIES}) == len(EN_QUERIES)


@pytest.fixture(scope="module")
def answer_texts(site, browser):
    """{lang: {Q&A id: question + answer as shown on the interview page}}."""
    context = browser.new_context()
    tab = context.new_page()
    texts = {}
    for lang in ("en", "zh"):
        tab.goto(site.url(f"{lang}/interviews/{SLUG}/"))
        texts[lang] = tab.eval_on_selector_all("article.qa", """els => Object.fromEntries(els.map(el =>
            [el.id, el.querySelector('.question').innerText + ' ' + el.querySelector('.answer').innerText]))""")
    context.close()
    return texts


@pytest.mark.parametrize(("lang", "query", "must", "must_not"), CASES)
def test_table_matches_the_text(answer_texts, lang, query, must, must_not):
    """The table's own check: every answer a row expects contains the query, and none it forbids does."""
    texts = {k: v.lower() for k, v in answer_texts[lang].items()}
    assert set(texts) == ALL, sorted(texts)
    q = query.lower()
    assert {a for a in must if q not in texts[a]} == set(), f"{query!r} is not in the text of every expected answer"
    assert {a for a in must_not if q in texts[a]} == set(), f"{query!r} is in the text of an answer it must not find"


@pytest.mark.parametrize(("lang", "query", "must", "must_not"), CASES)
def test_query_finds_its_answers(site, page, lang, query, must, must_not):
    found = site.open_search(page, lang, q=query)
    ids = {h.anchor for h in found}
    for h in found:
        assert h.href.startswith(site.url(f"{lang}/")), f"{query!r} on /{lang}/ links elsewhere: {h.href}"
    missing = set(must) - ids
    status = page.locator("#search-status").inner_text()
    assert not missing, f"{query!r} on /{lang}/search/ misses {sorted(missing)}; found {sorted(ids)} ({status})"
    unwanted = set(must_not) & ids
    assert not unwanted, f"{query!r} on /{lang}/search/ wrongly finds {sorted(unwanted)}"


# (lang, query, gloss): the hits are exactly the answers that contain every part of the query.
EXACT = [
    ("zh", "用钱", "spend-money"),       # not 用户
    ("zh", "C端", "c-end"),              # not ChatGPT, CTO, token
    ("zh", "MoE 模型", "moe-model"),      # not an answer with 模型 alone
    ("zh", "径", "path-char"),            # one character, at the end of 捷径
    ("zh", "败", "defeat-char"),
    ("zh", "道", "way-char"),
    ("zh", "ＭｏＥ", "moe-full-width"),
    ("zh", "產品", "product-traditional"),
    ("zh", "創業", "startup-traditional"),
    ("zh", "人才 招聘", "talent-recruiting"),
    ("en", "ＭｏＥ", "moe-full-width"),
    ("en", "MoE model", "moe-model"),
    ("en", "LLM", "llm-abstract-only"),   # only in the abstract: no answer
    ("en", "system collapse", "system-collapse"),
]

# (lang, query, gloss, ids that must come first, in any order among themselves)
FIRST = [
    ("zh", "技术 驱动", "technology-driven", {"s03-q2", "s04-q1"}),  # the phrase before scattered words
    ("zh", "人才", "talent-question", {"s04-q2"}),                   # in the question
    ("en", "talent", "talent-question", {"s04-q2"}),
]


def test_precision_table_is_big_enough():
    assert sum(1 for lang, *_ in EXACT if lang == "zh") >= 8 and len(FIRST) >= 3


def _containing(texts: dict[str, str], query: str) -> set[str]:
    parts = fold(query).split()
    return {qa for qa, text in texts.items() if all(p in fold(text) for p in parts)}


@pytest.mark.parametrize(("lang", "query"), [pytest.param(lang, q, id=f"{lang}-{g}") for lang, q, g in EXACT])
def test_hits_are_exactly_the_answers_that_contain_the_query(site, page, answer_texts, lang, query):
    expected = _containing(answer_texts[lang], query)
    found = [h.anchor for h in site.open_search(page, lang, q=query)]
    status = page.locator("#search-status").inner_text()
    assert len(found) == len(set(found)), f"{query!r} lists an answer twice: {found}"
    assert set(found) == expected, f"{query!r} on /{lang}/: found {sorted(found)}, expected {sorted(expected)} ({status})"


@pytest.mark.parametrize(("lang", "query", "first"),
                         [pytest.param(lang, q, first, id=f"{lang}-{g}") for lang, q, g, first in FIRST])
def test_best_answers_come_first(site, page, lang, query, first):
    found = [h.anchor for h in site.open_search(page, lang, q=query)]
    assert set(found[:len(first)]) == first, f"{query!r} on /{lang}/ lists {found}; {sorted(first)} should lead"
