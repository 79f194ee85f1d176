"""The Aili parser (aili.py) and the decoding in front of it (textfile.py).

Fixture files: ``tests/fixtures/aili/NAME.txt`` is one input, as the raw bytes a user could
have (CRLF, BOM, NFD ...). ``NAME.expected.yaml`` next to it is the exact result: the problem
strings, ``path:line: message (hint)`` with the path as ``tests/fixtures/aili/NAME.txt``, and the
document (or null) with the line of every title, section and item. Each fixture is its own test
(``test_fixture[crlf]``).

To add a case, write NAME.txt (with Python when the bytes matter), then compare the expected
files with what the current parser gives, and review every changed line against its input::

    python3 tests/test_aili.py            # prints the differences as a unified diff; writes nothing
    python3 tests/test_aili.py --write    # after review: writes the new and changed expected files

The other tests parse string literals (the parser is pure), the real interview texts, and
pathological or oversized input.
"""

from __future__ import annotations

import difflib
import os
import sys
from pathlib import Path

import pytest
import yaml

from minimax_archive.aili import parse_document
from minimax_archive.errors import ContentError, Problems, SourceSpan
from minimax_archive.model import Document
from minimax_archive.textfile import MAX_BYTES, decode, read_text

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "aili"
REAL = ROOT / "content" / "interviews" / "minimax-yan-junjie"
NAMES = sorted(p.name[: -len(".txt")] for p in FIXTURES.glob("*.txt"))


# -- fixture files ------------------------------------------------------------------------------

def run_fixture(name: str) -> dict:
    """Decode and parse one fixture as the loader would; the result as plain data."""
    path = f"tests/fixtures/aili/{name}.txt"
    problems = Problems()
    try:
        document = parse_document(decode((FIXTURES / f"{name}.txt").read_bytes(), path), path, problems)
    except ContentError as exc:
        problems.items.extend(exc.problems)
        document = None
    return {"problems": [str(p) for p in problems], "document": as_data(document, path)}


def as_data(doc: Document | None, path: str) -> dict | None:
    """The document as the expected files spell it: every field, spans as line numbers."""
    if doc is None:
        return None
    spans = [doc.span] + [s.span for s in doc.sections] + [q.span for s in doc.sections for q in s.items]
    assert {span.path for span in spans} == {path}
    return {"title": doc.title, "line": doc.span.line, "abstract": doc.abstract, "sections": [
        {"number": s.number, "title": s.title, "line": s.span.line, "items": [
            {"number": q.number, "line": q.span.line, "question": q.question, "answer": q.answer,
             "truncated": q.truncated} for q in s.items]}
        for s in doc.sections]}


class _Dumper(yaml.SafeDumper):
    """Multi-line answers as readable ``|`` blocks."""


_Dumper.add_representer(str, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", value, style="|" if "\n" in value else None))


def expected_text(name: str) -> str:
    """What NAME.expected.yaml should hold, from the current parser."""
    return yaml.dump(run_fixture(name), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)


def regenerate(argv: list[str]) -> int:
    """Print how the expected files differ from the parser's results; with --write, write them.

    Golden files are reviewed, not regenerated blindly: read each hunk against its input first.
    """
    write = argv == ["--write"]
    if argv and not write:
        print("usage: python3 tests/test_aili.py [--write]", file=sys.stderr)
        return 2
    changed = {}
    for name in NAMES:
        path = FIXTURES / f"{name}.expected.yaml"
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        new = expected_text(name)
        if new != old:
            changed[path] = new
            shown = f"tests/fixtures/aili/{path.name}"
            sys.stdout.writelines(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                                       shown if old else "/dev/null", shown))
    if not changed:
        print(f"all {len(NAMES)} expected files match the parser")
    elif write:
        for path, text in changed.items():
            path.write_text(text, encoding="utf-8")
        print(f"wrote {len(changed)} of {len(NAMES)} expected files")
    else:
        print(f"{len(changed)} of {len(NAMES)} expected files differ; review the diff above, "
              "then run python3 tests/test_aili.py --write")
    return 0


@pytest.mark.parametrize("name", NAMES)
def test_fixture(name):
    expected_path = FIXTURES / f"{name}.expected.yaml"
    assert expected_path.exists(), f"no {expected_path.name}: run python3 tests/test_aili.py"
    expected = yaml.safe_load(expected_path.read_text(encoding="utf-8"))
    assert run_fixture(name) == expected, (
        f"tests/fixtures/aili/{name}.txt no longer gives {expected_path.name}; "
        "if the change is intended, run python3 tests/test_aili.py, review the diff, then add --write")


def test_every_expected_file_has_an_input():
    orphans = {p.name[: -len(".expected.yaml")] for p in FIXTURES.glob("*.expected.yaml")} - set(NAMES)
    assert not orphans


def test_fixtures_hold_the_bytes_they_are_named_for():
    """Guard against an editor 'fixing' the interesting bytes."""
    raw = {name: (FIXTURES / f"{name}.txt").read_bytes() for name in NAMES}
    assert raw["bom"].startswith(b"\xef\xbb\xbf")
    assert raw["crlf"].count(b"\r\n") == raw["crlf"].count(b"\n") > 10
    assert b"\n" not in raw["lone_cr"] and raw["lone_cr"].count(b"\r") > 10
    assert "e\u0301".encode() in raw["nfd"]
    assert b" \n" in raw["whitespace"] and b"\n\n\n\n" in raw["whitespace"]


# -- string literals (the parser is pure) ------------------------------------------------------

HEAD = "Title\n\n🌈 Abstract\n\nAbstract.\n\n🙋 Q&A\n\n"


def parse(text: str) -> tuple[Document | None, list[str]]:
    problems = Problems()
    return parse_document(text, "t.txt", problems), [str(p) for p in problems]


@pytest.mark.parametrize("lang, mark", [("en", "?"), ("zh", "？")])
def test_real_interview_texts(lang, mark):
    doc, problems = parse(read_text(str(REAL / f"{lang}.txt")))
    assert problems == []
    assert [(s.number, [q.number for q in s.items]) for s in doc.sections] == [
        (1, [1, 2]), (2, [1, 2]), (3, [1, 2]), (4, [1, 2])]
    questions = [q.question for s in doc.sections for q in s.items]
    assert all(q.endswith(mark) and mark not in q[:-1] for q in questions)
    assert all(q.answer and not q.truncated for s in doc.sections for q in s.items)
    assert doc.abstract and doc.title.startswith("对话 MiniMax 闫俊杰")


def test_question_ends_at_the_first_question_mark():
    doc, _ = parse(HEAD + "[01] S\n\n1. Why? Because. Really? Yes.\n")
    qa = doc.sections[0].items[0]
    assert (qa.question, qa.answer) == ("Why?", "Because. Really? Yes.")


def test_fullwidth_question_mark_needs_no_space():
    doc, _ = parse(HEAD + "[01] 创立\n\n1. 为什么？因为：技术。\n")
    qa = doc.sections[0].items[0]
    assert (qa.question, qa.answer) == ("为什么？", "因为：技术。")


def test_indented_numbers_and_bullets_stay_in_the_answer():
    doc, problems = parse(HEAD + "[01] S\n\n1. Q? Steps:\n\n   1. one\n   2. two\n\n- a\n- b\n\n2. Next? Yes.\n")
    assert problems == []
    assert doc.sections[0].items[0].answer == "Steps:\n\n   1. one\n   2. two\n\n- a\n- b"
    doc, _ = parse(HEAD + "[01] S\n\n1. Q? Steps:\n    1. one\n    2. two\n")
    assert doc.sections[0].items[0].answer == "Steps:\n1. one\n2. two"  # common indent removed


def test_only_the_final_item_may_lack_closing_punctuation():
    doc, problems = parse(HEAD + "[01] S\n\n1. Q? no full stop\n\n2. Q? also none\n")
    assert [q.truncated for q in doc.sections[0].items] == [False, True]
    assert problems == ["t.txt:13: warning: item 2 seems cut off at the end of the file "
                        "(the text may have been truncated; complete the item)"]


def test_final_item_without_question_mark_but_with_more_lines_is_an_error():
    _, problems = parse(HEAD + "[01] S\n\n1. What did he\nsay? Nothing.\n")
    assert problems == ["t.txt:11: item 1 has no question mark "
                        "(the question ends at the first '?' or '？'; add one after the question)"]


def test_more_than_999_items_in_a_section_are_all_items():
    doc, problems = parse(HEAD + "[01] S\n" + "".join(f"{n}. Q{n}? A{n}.\n" for n in range(1, 5001)))
    assert problems == []
    items = doc.sections[0].items
    assert [q.number for q in items] == list(range(1, 5001))
    assert (items[999].question, items[999].answer) == ("Q1000?", "A1000.")


def test_a_year_at_the_start_of_an_answer_line_stays_text():
    doc, problems = parse(HEAD + "[01] S\n1. When? It began\n2021. That was the year.\n2. Next? Yes.\n")
    assert problems == []
    assert [q.answer for q in doc.sections[0].items] == ["It began\n2021. That was the year.", "Yes."]


@pytest.mark.parametrize("invisible", ["\u200b", "\u200d", "\ufeff", "\u2060", "\u200e", "\u00ad"])
def test_an_invisible_character_before_an_item_number_does_not_merge_items(invisible):
    doc, problems = parse(HEAD + f"[01] S\n1. Q? A.\n{invisible}2. Next? B.\n{invisible}[02] T\n1. Q? C.\n")
    assert problems == []
    assert [[q.answer for q in s.items] for s in doc.sections] == [["A.", "B."], ["C."]]


def test_an_unindented_list_in_an_answer_is_one_error_and_the_next_item_is_fine():
    _, problems = parse(HEAD + "[01] S\n1. Q? Two reasons:\n1. scale\n2. cost\n3. time\n2. Next? Yes.\n3. Last? Yes.\n")
    assert problems == ["t.txt:11: item 1 where item 2 was expected in section [01] (items are numbered "
                        "1, 2, ... in every section; indent a numbered list inside an answer)"]


def test_a_citation_at_the_start_of_an_answer_line_is_one_error():
    _, problems = parse(HEAD + "[01] S\n1. Q? A.\n[12] LatePost, 2024.\n2. Next? B.\n[02] T\n1. Q? C.\n")
    assert problems == ["t.txt:11: a line starting with '[12]' inside an answer is read as a section "
                        "heading (a section heading is followed by item 1; to keep the citation, move it to "
                        "the end of the line above)"]


def test_a_heading_with_the_next_number_stays_a_heading_when_its_first_item_is_misnumbered():
    _, problems = parse(HEAD + "[01] S\n1. Q? A.\n[02] T\n2. Next? B.\n3. Last? C.\n[03] U\n1. Q? D.\n")
    assert problems == ["t.txt:12: item 2 where item 1 was expected in section [02] (items are numbered 1, 2, "
                        "... in every section; indent a numbered list inside an answer)"]


def test_a_citation_line_ending_the_file_is_one_error():
    _, problems = parse(HEAD + "[01] S\n1. Q? A.\n[12] LatePost, 2024.\n")
    assert problems == ["t.txt:11: a line starting with '[12]' inside an answer is read as a section heading "
                        "(a section heading is followed by item 1; to keep the citation, move it to the end "
                        "of the line above)"]


def test_markdown_nested_too_deeply_is_an_error_at_its_line():
    deep = "".join("  " * i + f"- level{i}\n" for i in range(60))
    _, problems = parse(HEAD + "[01] S\n1. Q? Levels:\n" + deep + "\nafter\n2. Next? Yes.\n")
    assert problems == ["t.txt:60: lists or quotes nested too deeply: the rest of the answer would not be "
                        "shown (nest them at most 49 levels deep)"]
    _, problems = parse("Title\n\n🌈 Abstract\n\nIntro.\n" + ">" * 500 + " deep\n\n🙋 Q&A\n\n[01] S\n1. Q? A.\n")
    assert problems == ["t.txt:6: lists or quotes nested too deeply: the rest of the abstract would not be "
                        "shown (nest them at most 49 levels deep)"]


def test_page_chrome_inside_the_qa_is_content():
    doc, problems = parse(HEAD + "[01] S\n1. Q? A.\nShare\n\n2. Next? B.\n")
    assert problems == [] and doc.sections[0].items[0].answer == "A.\nShare"


@pytest.mark.parametrize("numbers, wrong", [("1 3 4", "3"), ("1 5 3", "5")], ids=["omission", "typo"])
def test_a_wrong_item_number_is_reported_once(numbers, wrong):
    _, problems = parse(HEAD + "[01] S\n\n" + "".join(f"{n}. Q? A.\n\n" for n in numbers.split()))
    assert problems == [f"t.txt:13: item {wrong} where item 2 was expected in section [01] (items are numbered "
                        "1, 2, ... in every section; indent a numbered list inside an answer)"]


@pytest.mark.parametrize("numbers, wrong", [("01 03 04", "03"), ("01 05 03", "05")], ids=["omission", "typo"])
def test_a_wrong_section_number_is_reported_once(numbers, wrong):
    _, problems = parse(HEAD + "".join(f"[{n}] S\n1. Q? A.\n" for n in numbers.split()))
    assert problems == [f"t.txt:11: section [{wrong}] where [02] was expected (number sections 01, 02, ... in order)"]


def test_a_stray_paragraph_is_reported_once():
    _, problems = parse("Title\nline one\nline two\n\nline three\n\n🙋 Q&A\n\n[01] S\n\n1. Q? A.\n")
    hint = "only the title goes before '🌈 Abstract'; if this is the abstract, put a '🌈 Abstract' line above it"
    assert problems == ["t.txt:1: warning: the interview has no abstract "
                        "(add '🌈 Abstract' and a paragraph after the title)",
                        f"t.txt:2: unexpected text between the title and the abstract ({hint})",
                        f"t.txt:5: unexpected text between the title and the abstract ({hint})"]


def test_problems_are_added_to_those_already_collected():
    problems = Problems()
    problems.warn(SourceSpan("x"), "w")
    assert parse_document("", "t.txt", problems) is None
    assert [str(p) for p in problems][0] == "x: warning: w"
    assert len(problems) == 2


def test_reading_stops_after_50_errors():
    doc, problems = parse(HEAD + "[01] S\n" + "1. Q?\n" * 1000)
    assert doc is None and len(problems) == 51
    assert problems[:3] == [
        "t.txt:10: item 1 has no answer (write the answer after the question mark)",
        "t.txt:11: item 1 where item 2 was expected in section [01] "
        "(items are numbered 1, 2, ... in every section; indent a numbered list inside an answer)",
        "t.txt:11: item 1 has no answer (write the answer after the question mark)"]
    assert problems[-1] == ("t.txt:35: stopped reading after 50 errors "
                            "(is this an Aili summary? fix the problems above first)")


@pytest.mark.parametrize("text", [
    "[\n" * 100_000,
    "[" * 100_000,
    "1. \n" * 100_000,
    "[01] S\n" * 100_000,
    HEAD + "[01] S\n" + "1. \n" * 100_000,
    HEAD + "[01] S\n1. Q? A.\n" + "".join(" " * i + "- x\n" for i in range(2_000)),
    HEAD + "[01] S\n1. Q? " + "(" * 100_000 + "?" + "[" * 100_000 + "\n",
    "!" * 100_000 + "abstract!",
], ids=["brackets", "one-long-line", "items", "sections", "items-in-section", "deep-nesting",
        "long-answer", "heading-backtracking"])
def test_pathological_input_completes_and_reports(text):
    """Linear-time parsing: these finish in a fraction of a second (no clock asserted)."""
    doc, problems = parse(text)
    assert problems and len(problems) <= 52
    assert all(p.startswith("t.txt") for p in problems)


# -- decoding and reading files -----------------------------------------------------------------

@pytest.mark.parametrize("data, line, byte", [
    (b"ok\n\xff", 2, "FF"),
    (b"a\r\nb\r\n\xe9t\xe9", 3, "E9"),
    (b"a\rb\rc\r\xff", 4, "FF"),
    (b"\xef\xbb\xbf\n\n\xff", 3, "FF"),
    (b"\xff\xfeT\x00", 1, "FF"),
])
def test_decode_refuses_non_utf8_naming_the_line(data, line, byte):
    with pytest.raises(ContentError) as caught:
        decode(data, "dir/en.txt")
    assert str(caught.value) == f"dir/en.txt:{line}: byte 0x{byte} is not UTF-8 (save the file as UTF-8)"


def test_decode_normalises():
    assert decode(b"\xef\xbb\xbfa\r\nb\rc\n", "x") == "a\nb\nc\n"
    assert decode("Cafe\u0301 한".encode(), "x") == "Caf\u00e9 \ud55c"
    assert decode("한".encode(), "x") == decode("\u1112\u1161\u11ab".encode(), "x")


def test_read_text_refuses_a_50_mb_file_without_reading_it(tmp_path):
    path = tmp_path / "en.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written
    with pytest.raises(ContentError) as caught:
        read_text(str(path))
    assert str(caught.value) == (f"{path}: file is too large (52,428,800 bytes) "
                                 "(content files are limited to 2,097,152 bytes)")


def test_read_text_accepts_exactly_max_bytes(tmp_path):
    path = tmp_path / "en.txt"
    path.write_bytes(b"a" * MAX_BYTES)
    assert len(read_text(str(path))) == MAX_BYTES


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs")
def test_read_text_refuses_a_fifo_instead_of_blocking(tmp_path):
    path = tmp_path / "en.txt"
    os.mkfifo(path)
    with pytest.raises(ContentError) as caught:
        read_text(str(path))
    assert str(caught.value) == f"{path}: is not a regular file (content must be plain text files)"


def test_read_text_refuses_a_symlink(tmp_path):
    (tmp_path / "real.txt").write_text("x")
    (tmp_path / "en.txt").symlink_to(tmp_path / "real.txt")
    with pytest.raises(ContentError) as caught:
        read_text(str(tmp_path / "en.txt"))
    assert str(caught.value) == (f"{tmp_path / 'en.txt'}: is a symbolic link "
                                 "(content must be regular files inside the content folder)")


if __name__ == "__main__":
    sys.exit(regenerate(sys.argv[1:]))
