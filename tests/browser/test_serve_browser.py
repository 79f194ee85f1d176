"""The preview in Chromium: an edit shows up in the open page by itself; a broken edit shows its error.

``minimax-archive serve`` runs as a subprocess on a free port over a tiny
archive in a temporary folder; the test edits the content and never reloads
the page itself.
"""

from __future__ import annotations

from playwright.sync_api import expect
from servekit import ServeProcess
from sitekit import EN, write_archive

WAIT_MS = 120_000
"""A hang guard for a rebuild plus the page noticing it, not a speed limit."""
OVERLAY = "#preview-build-error"


def test_an_edit_shows_up_in_the_open_page_and_a_broken_edit_shows_its_error(tmp_path, page):
    content = write_archive(tmp_path)
    en = content / "interviews/test-one/en.txt"
    with ServeProcess(tmp_path, "--no-search") as preview:
        preview.started()
        page.goto(preview.url + "en/interviews/test-one/")
        answer = page.locator("#s01-q1")
        expect(answer).to_contain_text("Because MoE is cheaper.")
        page.evaluate("window.notReloadedYet = true")

        en.write_text(EN.replace("Because MoE is cheaper.", "Because MoE costs a tenth."), encoding="utf-8")
        expect(answer).to_contain_text("Because MoE costs a tenth.", timeout=WAIT_MS)
        assert page.evaluate("window.notReloadedYet") is None, "the page reloaded itself"
        expect(page.locator(OVERLAY)).to_have_count(0)

        broken = EN.replace("2. What else? Dense", "2. What else. Dense")
        en.write_text(broken, encoding="utf-8")
        overlay = page.locator(OVERLAY)
        expect(overlay).to_be_visible(timeout=WAIT_MS)
        expect(overlay.locator("h2")).to_have_text("Build failed")
        expect(overlay.locator("pre")).to_contain_text(
            "content/interviews/test-one/en.txt:13: item 2 has no question mark")
        expect(answer).to_contain_text("Because MoE costs a tenth.")  # still the last good build

        chinese = page.context.new_page()
        chinese.goto(preview.url + "zh/interviews/test-one/")
        expect(chinese.locator(f"{OVERLAY} h2")).to_have_text("构建失败", timeout=WAIT_MS)
        expect(chinese.locator(f"{OVERLAY} pre")).to_contain_text("en.txt:13: item 2 has no question mark")
        chinese.get_by_role("button", name="关闭").click()
        expect(chinese.locator(OVERLAY)).to_be_hidden()

        en.write_text(EN.replace("Dense models are slow.", "Dense models are slow to serve."), encoding="utf-8")
        expect(page.locator("#s01-q2")).to_contain_text("Dense models are slow to serve.", timeout=WAIT_MS)
        expect(page.locator(OVERLAY)).to_have_count(0)
        expect(chinese.locator(OVERLAY)).to_have_count(0, timeout=WAIT_MS)
    output = preview.output()
    assert "en.txt:13: item 2 has no question mark" in output and "Traceback" not in output


def test_search_works_in_the_preview(tmp_path, page):
    write_archive(tmp_path)
    with ServeProcess(tmp_path) as preview:
        preview.started()
        page.goto(preview.url + "en/search/?q=talent")
        page.wait_for_selector("html[data-search-ready]", state="attached", timeout=WAIT_MS)
        hit = page.locator(".search-hit a.question").first
        expect(hit).to_have_text("How to find talent?")
