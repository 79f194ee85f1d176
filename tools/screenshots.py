"""Screenshots of the built archive in headless Chromium, for the README and for review.

    python3 tools/screenshots.py                  # docs/screenshots/*.png, the README's set
    python3 tools/screenshots.py --review DIR     # every page type at 320, 375, 768 and 1280 px, screen by screen

The README's set: the interview page in English and Chinese, the
side-by-side page, and a Chinese answer with its citation open, at 375 and
1280 px wide, light and dark (the first screen of each). The bundled archive is built into a temporary folder (without the
search index, unless --review, which also shows the search page after a
search) and served over HTTP from there. Needs Chromium at /usr/bin/chromium (or CHROMIUM_PATH)
and CJK fonts (Debian: apt-get install fonts-noto-cjk), or Chinese shows as boxes.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SLUG = "minimax-yan-junjie"
README_PAGES = {"interview-en": f"en/interviews/{SLUG}/", "interview-zh": f"zh/interviews/{SLUG}/",
                "bilingual-en": f"en/interviews/{SLUG}/bilingual/",
                "cite-zh": f"zh/interviews/{SLUG}/#s02-q1"}
CITE = "cite-zh"
"""This one shows an answer with its citation box open."""
REVIEW_PAGES = README_PAGES | {
    "entry": "", "home-en": "en/", "home-zh": "zh/", "themes-en": "en/themes/", "themes-zh": "zh/themes/",
    "theme-zh": "zh/themes/talent/", "bilingual-zh": f"zh/interviews/{SLUG}/bilingual/",
    "search-en": "en/search/?q=MoE", "search-zh": "zh/search/?q=人才"}


PUBLISHED = "https://example.org/minimax-archive/"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def _served(folder: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def shoot(out: Path, pages: dict[str, str], widths: list[int], full: bool, search: bool) -> list[Path]:
    """Build the bundled archive, then one PNG per page, width and colour scheme; returns the files."""
    from playwright.sync_api import sync_playwright

    from minimax_archive.build import build

    written = []
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        # A published address, so citations in the pictures show a real-looking URL, not 127.0.0.1.
        build(str(REPO / "content"), str(site), templates=str(REPO / "templates"), search=search,
              base_url=PUBLISHED)
        out.mkdir(parents=True, exist_ok=True)
        with _served(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"), args=["--no-sandbox"])
            for scheme in ("light", "dark"):
                for width in widths:
                    screen = 900 if width > 800 else 812
                    context = browser.new_context(viewport={"width": width, "height": screen},
                                                  color_scheme=scheme, device_scale_factor=1)
                    page = context.new_page()
                    for name, path in pages.items():
                        page.goto(base + path)
                        if "search" in path:
                            page.wait_for_selector("html[data-search-ready]", state="attached")
                        if name == CITE:
                            page.locator("#s02-q1 button.cite").click()
                            page.evaluate("document.getElementById('s02-q1').scrollIntoView()")
                        page.evaluate("document.fonts.ready")
                        if not full:
                            target = out / f"{name}-{width}-{scheme}.png"
                            page.screenshot(path=str(target))
                            written.append(target)
                            continue
                        # Full length, cut into screens that can be looked at one by one.
                        height = int(page.evaluate("document.documentElement.scrollHeight"))
                        for n, top in enumerate(range(0, height, screen), start=1):
                            target = out / f"{name}-{width}-{scheme}-{n}.png"
                            page.screenshot(path=str(target), full_page=True, clip={
                                "x": 0, "y": top, "width": width, "height": min(screen, height - top)})
                            written.append(target)
                    context.close()
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--review", metavar="DIR", help="every page type, full length, at 320/375/768/1280 px")
    args = parser.parse_args(argv)
    if args.review:
        files = shoot(Path(args.review), REVIEW_PAGES, [320, 375, 768, 1280], full=True, search=True)
    else:
        files = shoot(REPO / "docs" / "screenshots", README_PAGES, [375, 1280], full=False, search=False)
    print(f"{len(files)} screenshots in {files[0].parent}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
