"""archive.yaml and meta.yaml: every mistake is named with its file, line and a fix."""

from __future__ import annotations

import pytest
from sitekit import ARCHIVE_YAML, EN, ZH, write_archive

from minimax_archive.config import parse_config
from minimax_archive.errors import ContentError, Problems
from minimax_archive.loader import load_archive
from minimax_archive.meta import parse_meta


def config_errors(text: str) -> list[str]:
    with pytest.raises(ContentError) as info:
        parse_config(text, "archive.yaml")
    return [str(p) for p in info.value.problems]


def test_bundled_style_config_parses():
    config = parse_config(ARCHIVE_YAML, "archive.yaml")
    assert config.languages == ("en", "zh") and config.default_language == "en"
    assert [t.key for t in config.themes] == ["moe", "talent"]
    assert config.themes[1].keywords == {"en": ("talent",), "zh": ("人才",)}
    assert config.html_lang("zh") == "zh-CN"


def test_typo_in_a_theme_key_is_named_with_a_suggestion():
    text = ARCHIVE_YAML.replace("    keywords: {en: [talent]", "    keywrods: {en: [talent]")
    assert config_errors(text) == [
        "archive.yaml:10: theme 'talent': unknown key 'keywrods' (did you mean 'keywords'?)",
        "archive.yaml:8: theme 'talent': missing key 'keywords'",
    ]


def test_theme_missing_a_language_label():
    text = ARCHIVE_YAML.replace("label: {en: Talent, zh: 人才}", "label: {en: Talent}")
    assert config_errors(text) == [
        "archive.yaml:9: theme 'talent' label: missing language 'zh' (add a line 'zh: ...')"]


def test_unknown_top_level_key_and_bad_types():
    text = ARCHIVE_YAML + "base_ulr: https://x.org/\ndefault_language: fr\n"
    assert config_errors(text) == [
        "archive.yaml:11: archive.yaml: unknown key 'base_ulr' (did you mean 'base_url'?)",
        "archive.yaml:12: default_language 'fr' is not in languages (use one of: en, zh)",
    ]


def test_yaml_traps_and_duplicate_keys_are_errors_not_guesses():
    text = "title: {en: A, zh: B}\nlanguages: [en, zh]\ntitle: {en: C, zh: D}\nthemes:\n  no:\n" \
           "    label: {en: No, zh: 否}\n    keywords: {en: [010]}\n"
    errors = config_errors(text)
    assert "archive.yaml:3: duplicate key 'title' (it is already set on line 1; keep one)" in errors
    assert "archive.yaml:5: 'no' would be read as a boolean (write true or false, or quote it: \"no\")" in errors
    assert "archive.yaml:7: '010' would be read as an octal or base-60 number (quote it: \"010\")" in errors


def test_invalid_yaml_reports_the_line_in_the_file():
    errors = config_errors("title: {en: A, zh: B}\nlanguages: [en, zh\n")
    assert len(errors) == 1 and errors[0].startswith("archive.yaml:3: invalid YAML:")


def meta_problems(text: str) -> list[str]:
    problems = Problems()
    parse_meta(text, "meta.yaml", ["en", "zh"], {"moe", "talent"}, problems)
    return [str(p) for p in problems]


def test_meta_parses_and_reports_unknown_themes_and_keys():
    assert meta_problems("interviewee: {en: Yan Junjie, zh: 闫俊杰}\nthemes:\n  s02-q1: [moe, -talent]\n") == []
    assert meta_problems("intervewee: {en: X}\nthemes:\n  s02-q1: [mooe]\n  q1: [moe]\ndate: 2024-13-01\n") == [
        "meta.yaml:1: meta.yaml: unknown key 'intervewee' (did you mean 'interviewee'?)",
        "meta.yaml:5: date '2024-13-01' is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)",
        "meta.yaml:3: themes.s02-q1: unknown theme 'mooe' (did you mean 'moe'?)",
        "meta.yaml:4: themes: 'q1' is not a Q&A id (Q&A ids look like s02-q1 (section 02, item 1))",
    ]


def test_meta_original_language_must_be_an_archive_language():
    assert meta_problems("original_language: zh\n") == []
    assert meta_problems("original_language: fr\n") == [
        "meta.yaml:1: original_language 'fr' is not one of the archive's languages (use one of: en, zh)"]


def test_meta_naming_a_qa_that_does_not_exist(tmp_path):
    write_archive(tmp_path, {"one": {"en.txt": EN, "zh.txt": ZH, "meta.yaml": "themes:\n  s09-q1: [moe]\n"}})
    with pytest.raises(ContentError) as info:
        load_archive(str(tmp_path / "content"))
    assert [str(p) for p in info.value.problems] == [
        f"{tmp_path}/content/interviews/one/meta.yaml:2: themes: no Q&A 's09-q1' in this interview "
        "(ids run from s01-q1 to s02-q1)"]


def test_unsafe_or_clashing_slugs_and_symlinks_are_refused(tmp_path):
    content = write_archive(tmp_path, {"Bad Slug": {"en.txt": EN}, "ok": {"en.txt": EN, "zh.txt": ZH}})
    (content / "interviews" / "linked").symlink_to(content / "interviews" / "ok")
    with pytest.raises(ContentError) as info:
        load_archive(str(content))
    messages = [str(p) for p in info.value.problems]
    assert f"{content}/interviews/Bad Slug: folder name 'Bad Slug' is not a safe slug (use lowercase ASCII " \
           "letters, digits and '-', at most 80 characters)" in messages
    assert f"{content}/interviews/linked: is a symbolic link (copy the interview into content/ instead)" in messages


def test_theme_keys_cannot_make_paths():
    for key in ("'../evil'", "'/abs'", "Talent", "'a b'", "x" * 50):
        text = ARCHIVE_YAML.replace("  talent:\n", f"  {key}:\n")
        errors = config_errors(text)
        assert errors[0].startswith("archive.yaml:8: theme key ") and "is not a lowercase ASCII word" in errors[0]


def test_keywords_under_a_misspelt_language_are_named():
    text = ARCHIVE_YAML.replace("keywords: {en: [talent], zh: [人才]}", "keywords: {en: [talent], zhh: [人才]}")
    assert config_errors(text) == [
        "archive.yaml:10: theme 'talent' keywords: unknown language 'zhh' (languages are: en, zh)"]


@pytest.mark.parametrize("name", ["a..b", "a" * 81, "UPPER", "sp ace", "ünï", "-dash", "a_b", "trail-"])
def test_folder_names_that_are_not_safe_slugs_are_refused(tmp_path, name):
    content = write_archive(tmp_path, {name: {"en.txt": EN, "zh.txt": ZH}})
    with pytest.raises(ContentError) as info:
        load_archive(str(content))
    assert [str(p) for p in info.value.problems] == [
        f"{content}/interviews/{name}: folder name {name!r} is not a safe slug (use lowercase ASCII "
        "letters, digits and '-', at most 80 characters)"]


# -- YAML that could hang or crash the build ---------------------------------------------------

def alias_bomb(levels: int) -> str:
    """Each level names the one before nine times: 9**levels values from a few hundred bytes."""
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def test_a_yaml_alias_bomb_in_meta_yaml_is_refused_at_once():
    text = alias_bomb(9)
    assert len(text.encode()) < 600
    assert meta_problems(text)[:2] == [
        "meta.yaml:2: YAML alias '*a0' is not supported (write the value out in full)",
        "meta.yaml:3: YAML alias '*a1' is not supported (write the value out in full)"]
    assert len(meta_problems(text)) == 9  # one per line, not one per alias


def test_a_yaml_alias_bomb_in_archive_yaml_is_refused(tmp_path):
    content = write_archive(tmp_path, archive_yaml=ARCHIVE_YAML + "extra:\n" + "".join(
        "  " + line + "\n" for line in alias_bomb(7).splitlines()))
    with pytest.raises(ContentError) as info:
        load_archive(str(content))
    messages = [str(p) for p in info.value.problems]
    assert messages[0] == f"{content}/archive.yaml:13: YAML alias '*a0' is not supported (write the value out in full)"
    assert len(messages) == 7


def test_even_one_alias_is_an_error():
    assert meta_problems("interviewee: &who {en: Yan Junjie, zh: 闫俊杰}\norganisation: *who\n") == [
        "meta.yaml:2: YAML alias '*who' is not supported (write the value out in full)"]


def test_a_5000_digit_integer_is_an_error_not_a_traceback():
    assert meta_problems("date: " + "9" * 5000 + "\n") == [
        "meta.yaml:1: a number with more than 100 digits (quote it if it is text)"]
    assert config_errors(ARCHIVE_YAML + "default_language: " + "1" * 5000 + "\n") == [
        "archive.yaml:11: a number with more than 100 digits (quote it if it is text)"]


@pytest.mark.parametrize("brackets", ["[" * 5000, "[" * 5000 + "]" * 5000, "{a: " * 5000 + "}" * 5000],
                         ids=["unclosed", "closed", "mappings"])
def test_5000_nested_brackets_are_an_error_not_a_traceback(brackets):
    assert meta_problems("title:\n  en: " + brackets + "\n") == [
        "meta.yaml:2: lists and mappings nested more than 20 deep (content YAML needs only a few levels; "
        "check the brackets)"]


@pytest.mark.parametrize("date", ["2024-02-30", "2023-02-29", "2024-04-31", "2024-06-00"])
def test_a_day_that_does_not_exist_is_not_a_date(date):
    problems = meta_problems(f"date: {date}\n")
    assert problems == ([f"meta.yaml:1: date '{date}' does not exist (check the day of the month)"]
                        if not date.endswith("00") else
                        [f"meta.yaml:1: date '{date}' is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)"])


def test_real_dates_are_dates():
    for date in ("2024-02-29", "2024-12", "2024"):
        problems = Problems()
        assert parse_meta(f"date: {date}\n", "meta.yaml", ["en", "zh"], set(), problems).date == date
        assert not problems.items


@pytest.mark.parametrize("value, char", [('"a\\eb"', "U+001B (ESC)"), ('"a\\0b"', "U+0000 (NUL)"),
                                         ('"a\\vb"', "U+000B (vertical tab)"), ('"a\\uFFFEb"', "U+FFFE"),
                                         ('"a\\ud800b"', "U+D800"), ('"a\\x85b"', "U+0085")])
def test_control_characters_written_as_escapes_are_errors(value, char):
    assert meta_problems(f"title:\n  en: {value}\n") == [
        f"meta.yaml:2: control character {char} in the text (remove it: it is not allowed in web "
        "pages and feeds)"]


def test_a_control_character_in_a_yaml_file_names_its_line():
    assert meta_problems("interviewee:\n  en: Yan\x1b Junjie\n") == [
        "meta.yaml:2: control character U+001B (ESC) in the file (remove it: it is invisible in most "
        "editors, and is not allowed in web pages and feeds)"]


def test_a_value_already_reported_is_not_reported_again():
    assert meta_problems("date: no\nsource: 010\n") == [
        "meta.yaml:1: 'no' would be read as a boolean (write true or false, or quote it: \"no\")",
        "meta.yaml:2: '010' would be read as an octal or base-60 number (quote it: \"010\")"]


def test_a_control_character_in_base_url_from_the_command_line_is_refused():
    with pytest.raises(ContentError) as info:
        parse_config(ARCHIVE_YAML, "archive.yaml", base_url="https://x.org/\x1b[0m/")
    assert [str(p) for p in info.value.problems] == [
        "--base-url: base_url 'https://x.org/\\x1b[0m/' is not an http(s) URL (for example: https://you.github.io/archive/)"]


def test_the_hint_for_an_unknown_qa_id_names_the_first_and_last_in_text_order(tmp_path):
    items = "".join(f"{n}. Q{n}? A{n}.\n\n" for n in range(1, 11))
    text = EN.split("[01] Models")[0] + "[01] Models\n\n" + items
    zh = ZH.split("[01] 模型")[0] + "[01] 模型\n\n" + items
    write_archive(tmp_path, {"one": {"en.txt": text, "zh.txt": zh, "meta.yaml": "themes:\n  s01-q11: [moe]\n"}})
    with pytest.raises(ContentError) as info:
        load_archive(str(tmp_path / "content"))
    assert [str(p) for p in info.value.problems] == [
        f"{tmp_path}/content/interviews/one/meta.yaml:2: themes: no Q&A 's01-q11' in this interview "
        "(ids run from s01-q1 to s01-q10)"]
