"""Properties of the Aili parser and of decoding, checked with hypothesis.

1. Any document written out in the Aili format (with any line endings, BOM, heading language and
   emoji) parses back to the same model, and every span points at its heading or item line.
2. parse_document never raises, on any text: it returns a Document exactly when it recorded no
   error, and every problem names the file and a line that exists.
3. decode() on any bytes returns text or raises ContentError naming path:line, nothing else; the
   text never holds a character that web pages and feeds forbid.
"""

from __future__ import annotations

import re
import string
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from minimax_archive.aili import parse_document
from minimax_archive.errors import ContentError, Problems, SourceSpan
from minimax_archive.model import QA, Document, Section
from minimax_archive.textfile import FORBIDDEN, decode

MODEST = settings(max_examples=200, deadline=None)
NOWHERE = SourceSpan("generated")

# NFC-stable characters, so a round trip through decode() changes nothing. No '?', '？', '.',
# '、', '[' or whitespace: those are placed deliberately below.
LETTERS = string.ascii_letters + "闫俊杰技术产品模型人才组织创立问答摘要中国"
CHARS = LETTERS + string.digits + "'\"(),;:，：（）*_&-"
# Lines the format reserves: the parser would read these as headings or page chrome.
RESERVED = re.compile(r"(?i)^\W*(abstract|summary|摘要|q\s*&\s*a|q\s*and\s*a|问答)\W*$"
                      r"|^(summari[sz]ed?\s+by\s+aili.*|aili|share|分享)$")

word = st.text(CHARS, min_size=1, max_size=8)
first_word = st.builds(str.__add__, st.sampled_from(LETTERS), st.text(CHARS, max_size=6))
phrase = st.builds(lambda first, rest: " ".join([first, *rest]), first_word, st.lists(word, max_size=6))
# Answers may hold more question marks, citations and numbers anywhere but at a line's start.
answer_token = st.one_of(word, st.sampled_from(["?", "？", "[6]", "[12]", "1.", "3.5", "2024."]))
sentence = st.builds(lambda first, rest, end: " ".join([first, *rest]) + end,
                     st.one_of(first_word, st.just("[6]")), st.lists(answer_token, max_size=8),
                     st.sampled_from([".", "。", "!", "?", "？", ")"]))
paragraph = st.lists(sentence, min_size=1, max_size=2).map("\n".join)
bullets = st.lists(sentence.map("- ".__add__), min_size=1, max_size=3).map("\n".join)
block_text = st.lists(st.one_of(paragraph, bullets), min_size=1, max_size=3).map("\n\n".join)
question = st.builds(lambda words, mark: " ".join(words) + mark,
                     st.lists(st.one_of(word, st.just("[6]")), min_size=1, max_size=6),
                     st.sampled_from(["?", "？"]))


@st.composite
def documents(draw) -> Document:
    """A well-formed Document; numbers in order, items restarting at 1 in every section."""
    title = draw(phrase.filter(lambda t: not RESERVED.match(t)))
    abstract = draw(st.none() | st.lists(paragraph, min_size=1, max_size=2).map("\n\n".join))
    sections = []
    for s in range(1, draw(st.integers(1, 4)) + 1):
        items = tuple(QA(i, draw(question), draw(block_text), NOWHERE)
                      for i in range(1, draw(st.integers(1, 3)) + 1))
        sections.append(Section(s, draw(phrase), items, NOWHERE))
    return Document(title, abstract, tuple(sections), NOWHERE)


def write_aili(doc: Document, zh: bool, emoji: bool, space: str) -> str:
    """The inverse of parse_document: a document in the Aili text format."""
    rainbow, hand = ("🌈 ", "🙋 ") if emoji else ("", "")
    lines = [doc.title, ""]
    if doc.abstract is not None:
        lines += [rainbow + ("摘要" if zh else "Abstract"), "", doc.abstract, ""]
    lines += [hand + ("问答" if zh else "Q&A"), ""]
    for section in doc.sections:
        lines += [f"[{section.number:02d}] {section.title}", ""]
        lines += [f"{qa.number}. {qa.question}{space}{qa.answer}\n" for qa in section.items]
    return "\n".join(lines)


def shape(doc: Document) -> tuple:
    """Everything but the spans."""
    return (doc.title, doc.abstract, [(s.number, s.title, [(q.number, q.question, q.answer, q.truncated)
                                                           for q in s.items]) for s in doc.sections])


@MODEST
@given(documents(), st.booleans(), st.booleans(), st.sampled_from([" ", "", "  "]),
       st.sampled_from(["\n", "\r\n", "\r"]), st.booleans())
def test_written_documents_parse_back(doc, zh, emoji, space, newline, bom):
    text = write_aili(doc, zh, emoji, space)
    data = (b"\xef\xbb\xbf" if bom else b"") + text.replace("\n", newline).encode()
    problems = Problems()
    parsed = parse_document(decode(data, "t.txt"), "t.txt", problems)
    expected_problems = [] if doc.abstract else ["the interview has no abstract"]
    assert [p.message for p in problems] == expected_problems
    assert shape(parsed) == shape(doc)
    lines = text.split("\n")
    assert lines[parsed.span.line - 1] == doc.title
    for section in parsed.sections:
        assert lines[section.span.line - 1].startswith(f"[{section.number:02d}] ")
        for qa in section.items:
            assert lines[qa.span.line - 1].startswith(f"{qa.number}. {qa.question}")


# Text built from the format's own lines, so that the interesting paths are reached often.
aili_line = st.sampled_from(["Title", "🌈 Abstract", "🙋 Q&A", "[01] One", "[02] Two", "[6] cite",
                             "1. Q? A.", "2. Q? A", "1. no mark", "  1. list", "- bullet", "",
                             "Summarize by Aili", "   ", "？", "[", "1."])
aili_like = st.lists(st.one_of(aili_line, st.text(max_size=20)), max_size=40).map("\n".join)


@MODEST
@given(st.one_of(st.text(), aili_like))
def test_parse_never_raises_and_always_explains(text):
    problems = Problems()
    doc = parse_document(text, "t.txt", problems)
    assert (doc is None) == bool(problems.errors)
    line_count = text.count("\n") + 1
    for problem in problems:
        assert problem.span.path == "t.txt" and 1 <= problem.span.line <= line_count, str(problem)
    if doc is not None:
        assert [s.number for s in doc.sections] == list(range(1, len(doc.sections) + 1))
        for section in doc.sections:
            assert [q.number for q in section.items] == list(range(1, len(section.items) + 1))
            assert all(q.question.endswith(("?", "？")) or q.truncated for q in section.items)


@MODEST
@given(st.binary())
def test_decode_returns_text_or_content_error(data):
    try:
        text = decode(data, "t.txt")
    except ContentError as exc:
        for problem in exc.problems:
            assert re.fullmatch(r"t\.txt:\d+: (byte 0x[0-9A-F]{2} is not UTF-8 \(save the file as UTF-8\)"
                                r"|control character U\+[0-9A-F]{4,6}( \(.+\))? in the text \(.+\)"
                                r"|more lines with control characters \(.+\))", str(problem)), str(problem)
    else:
        assert "\r" not in text and unicodedata.is_normalized("NFC", text)
        assert not FORBIDDEN.search(text)


@MODEST
@given(st.text().map(lambda t: FORBIDDEN.sub("", t.replace("\r", ""))), st.sampled_from(["\n", "\r\n", "\r"]),
       st.booleans())
def test_decode_normalises_any_utf8_text(text, newline, bom):
    data = (b"\xef\xbb\xbf" if bom else b"") + text.replace("\n", newline).encode()
    expected = text if bom else text.removeprefix("\ufeff")  # only one BOM is dropped
    assert decode(data, "t.txt") == unicodedata.normalize("NFC", expected)
