"""The benchmark: minimax-archive against Hugo + Pagefind, on generated archives, in one run.

    python3 bench/run.py                      # 100, 1,000 and 10,000 interviews, 3 rounds each
    python3 bench/run.py --sizes 1000 --runs 5 --out-root /dev/shm/bench

For every size N it generates (once, cached under the output root) N bilingual
interviews with ``bench/gen_corpus.py``, in our layout and as the equivalent
Hugo site, and then alternates, round after round:

- ``ours``: ``minimax-archive build`` (pages and search);
- ``pagefind alone``: Pagefind over the search documents that build made, both
  languages at once as the build runs them, with nothing of ours: the floor of
  our full build for as long as Pagefind makes the index;
- ``peer``: ``hugo``, then Pagefind (extended, the same pinned version) over Hugo's output;
- ``ours --no-search`` and ``hugo`` alone.

Each run is timed as a whole process and its peak memory is the largest sum of
the resident memory of the process and all its descendants, sampled every
20 ms. After the rounds it measures:

- incremental rebuilds, with and without search: the same build again with
  nothing changed, and with one answer of one interview changed (the cache of
  the last build beside the output), each also as a ratio of a cold build
  (site and cache removed, as every timed build of ours above);
- what a reader downloads for a first search: Chromium opens our search page
  for a plain word and for a theme keyword, in both languages, and the bytes of
  every response are summed (the search page, its script and Pagefind's files),
  served as static hosts serve them (text gzip-compressed).

Machines are noisy: only ratios of figures measured in the same run mean
anything, and no figure here is a pass/fail limit. Hugo is installed from
Debian's packages when it is missing and the script runs as root.
``--json FILE`` also writes every figure, for tools.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import json
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GENERATOR = REPO / "bench" / "gen_corpus.py"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SEARCHES = [("en", "routing"), ("en", "MoE"), ("zh", "训练"), ("zh", "人才")]
"""(language, query): a plain word and a theme keyword in each language."""


@dataclass
class Runs:
    """Every timing of one case at one size."""

    seconds: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)

    def summary(self) -> dict[str, float]:
        return {"median": statistics.median(self.seconds), "min": min(self.seconds),
                "max": max(self.seconds), "peak_mb": max(self.peak_mb)}


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        tree.setdefault(ppid, []).append(int(name))
    return tree


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants, in MB."""
    tree, total, todo = _children(), 0, [pid]
    while todo:
        current = todo.pop()
        todo.extend(tree.get(current, ()))
        try:
            with open(f"/proc/{current}/statm", encoding="ascii") as handle:
                total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            pass
    return total / 2**20


def run(cmd: list[str], cwd: Path, timeout: float = 3600) -> tuple[float, float]:
    """Run ``cmd`` to the end; (seconds, peak tree memory in MB). A failure stops the benchmark."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    peak = 0.0
    output: list[bytes] = []
    reader = threading.Thread(target=lambda: output.append(proc.stdout.read() if proc.stdout else b""))
    reader.start()
    while proc.poll() is None:
        peak = max(peak, _tree_rss_mb(proc.pid))
        if time.perf_counter() - started > timeout:
            proc.kill()
        time.sleep(0.02)
    elapsed = time.perf_counter() - started
    reader.join(timeout=60)
    if proc.returncode != 0:
        text = b"".join(output).decode("utf-8", "replace")[-3000:]
        sys.exit(f"{' '.join(cmd)} failed (status {proc.returncode}):\n{text}")
    return elapsed, peak


def ensure_hugo() -> str:
    """The hugo binary; installed from Debian's packages when missing (needs root)."""
    found = shutil.which("hugo")
    if found:
        return found
    if os.geteuid() != 0:
        sys.exit("hugo not found: install it (Debian/Ubuntu: apt-get install -y hugo)")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "hugo"]):
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
    return shutil.which("hugo") or sys.exit("hugo could not be installed")


def corpus(root: Path, n: int) -> Path:
    """Our content folder and the Hugo site for ``n`` interviews, generated once under ``root``."""
    folder = root / f"corpus-{n}"
    if not (folder / "done").exists():
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([sys.executable, str(GENERATOR), "--n", str(n), "--out", str(folder),
                        "--targets", "txt,hugo"], check=True, stdout=subprocess.DEVNULL)
        shutil.copy(REPO / "bench" / "archive.yaml", folder / "archive.yaml")
        (folder / "done").write_text("")
    return folder


def one_answer_changed(content: Path) -> Path:
    """Change the first answer of the first interview (in English); return the file."""
    first = sorted((content / "interviews").iterdir())[0] / "en.txt"
    text = first.read_text(encoding="utf-8")
    marker = "\n1. "
    at = text.index(marker) + len(marker)
    at = text.index("?", at) + 1
    first.write_text(text[:at] + " (Edited for the benchmark.)" + text[at:], encoding="utf-8")
    return first


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves as static hosts do (GitHub Pages, Netlify, Cloudflare): HTML, CSS, JavaScript, JSON and
    SVG gzip-compressed for a browser that accepts it; Pagefind's files (compressed already) as they are."""

    COMPRESSED = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", "/")

    def do_GET(self) -> None:
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if (not self.path.split("?")[0].endswith(self.COMPRESSED) or "gzip" not in self.headers.get("Accept-Encoding", "")
                or not os.path.isfile(path)):
            super().do_GET()
            return
        with open(path, "rb") as handle:
            body = gzip.compress(handle.read(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def first_search_bytes(site: Path) -> dict[str, int]:
    """Bytes a reader downloads for each first search in SEARCHES, in a fresh Chromium."""
    from playwright.sync_api import sync_playwright

    figures = {}
    with served(site) as origin, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for lang, query in SEARCHES:
            context = browser.new_context()  # an empty cache for every search
            page = context.new_page()
            sizes: list[int] = []
            page.on("requestfinished", lambda request, sizes=sizes: sizes.append(request.sizes()["responseBodySize"]))
            page.goto(f"{origin}{lang}/search/?q={query}")
            page.wait_for_selector("html[data-search-ready]", timeout=120_000)
            page.wait_for_load_state("networkidle")
            figures[f"{lang}:{query}"] = sum(sizes)
            context.close()
        browser.close()
    return figures


def bench_size(root: Path, n: int, rounds: int, hugo: str) -> dict[str, object]:
    content = corpus(root, n)
    work = root / f"work-{n}"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(content / "hugo", work / "hugo")
    (work / "content").mkdir()
    shutil.copytree(content / "interviews", work / "content" / "interviews")
    shutil.copy(content / "archive.yaml", work / "content" / "archive.yaml")
    site = work / "site"
    ours = [sys.executable, "-m", "minimax_archive", "build", "--templates", str(REPO / "templates")]
    pagefind = [sys.executable, "-m", "pagefind", "--site", "public"]

    def fresh(folder: Path) -> None:
        shutil.rmtree(folder, ignore_errors=True)

    def peer() -> tuple[float, float]:
        fresh(work / "hugo" / "public")
        seconds, peak = run([hugo, "--quiet"], work / "hugo")
        more, peak2 = run(pagefind, work / "hugo")
        return seconds + more, max(peak, peak2)

    def hugo_alone() -> tuple[float, float]:
        fresh(work / "hugo" / "public")
        return run([hugo, "--quiet"], work / "hugo")

    def ours_cold(extra: list[str]) -> tuple[float, float]:
        fresh(site)
        fresh(work / ".site.cache")  # the cache of the last build: a cold build starts without it
        return run(ours + extra, work)

    def pagefind_alone() -> tuple[float, float]:
        # The documents of the last build, laid out as the build lays them out (slug order, at their
        # pages' paths), from its cache: units.pickle says which document is which.
        from minimax_archive.pagefind_cli import document_file, pagefind_binary
        folder = work / "pagefind-alone"
        fresh(folder)
        with open(work / ".site.cache" / "units.pickle", "rb") as handle:
            _, units = pickle.load(handle)
        langs = sorted({lang for record in units.values() for lang in record["doc_keys"]})
        for lang in langs:
            for slug in sorted(units):
                key = units[slug]["doc_keys"].get(lang)
                if key:
                    target = folder / lang / document_file(lang, slug)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.link(work / ".site.cache" / "docs" / f"{key}.html", target)
        binary = pagefind_binary()
        script = "".join(f'(cd {lang} && exec "$0" --site . --output-path ../{lang}-bundle --quiet) & p{i}=$!\n'
                         for i, lang in enumerate(langs))
        script += " && ".join(f"wait $p{i}" for i in range(len(langs)))
        return run(["bash", "-c", script, binary], folder)

    cases = {
        "ours": lambda: ours_cold([]),
        "pagefind alone": pagefind_alone,
        "hugo+pagefind": peer,
        "ours --no-search": lambda: ours_cold(["--no-search"]),
        "hugo": hugo_alone,
    }
    results = {name: Runs() for name in cases}
    for round_ in range(rounds):
        for name, case in cases.items():
            seconds, peak = case()
            results[name].seconds.append(seconds)
            results[name].peak_mb.append(peak)
            print(f"  N={n} round {round_ + 1}: {name}: {seconds:.2f} s, {peak:.0f} MB", file=sys.stderr)
    # Incremental: cold, then again unchanged, then with one answer changed; with and without search.
    incremental = {}
    for label, extra in (("full", []), ("--no-search", ["--no-search"])):
        cold, _ = ours_cold(extra)
        unchanged, _ = run(ours + extra, work)
        edited = one_answer_changed(work / "content")
        changed, _ = run(ours + extra, work)
        edited.write_text(edited.read_text(encoding="utf-8").replace(" (Edited for the benchmark.)", ""),
                          encoding="utf-8")
        incremental[label] = {"cold": cold, "unchanged": unchanged, "one_answer": changed}
        print(f"  N={n} incremental {label}: cold {cold:.2f} s, unchanged {unchanged:.2f} s, "
              f"one answer {changed:.2f} s", file=sys.stderr)
    ours_cold([])  # the site the first searches are measured on
    searches = first_search_bytes(site)
    return {
        "n": n,
        "cases": {name: runs.summary() for name, runs in results.items()},
        "incremental": incremental,
        "first_search_bytes": searches,
        "largest_page": largest_page(site),
    }


def largest_page(site: Path) -> dict[str, object]:
    pages = [(p.stat().st_size, p) for p in site.rglob("*.html")]
    size, path = max(pages)
    return {"path": str(path.relative_to(site)), "bytes": size}


def report(figures: list[dict[str, object]]) -> str:
    lines = ["| N | ours, full | Hugo + Pagefind | ratio | ours --no-search | Hugo | ratio | peak MB ours / peer "
             "| Pagefind alone on our documents | ratio to Hugo + Pagefind |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for f in figures:
        c = f["cases"]
        assert isinstance(c, dict)

        def cell(name: str, c: dict[str, dict[str, float]] = c) -> str:
            s = c[name]
            return f"{s['median']:.2f} s ({s['min']:.2f}–{s['max']:.2f})"
        lines.append(f"| {f['n']:,} | {cell('ours')} | {cell('hugo+pagefind')} | "
                     f"{c['ours']['median'] / c['hugo+pagefind']['median']:.2f} | {cell('ours --no-search')} | "
                     f"{cell('hugo')} | {c['ours --no-search']['median'] / c['hugo']['median']:.2f} | "
                     f"{c['ours']['peak_mb']:.0f} / {c['hugo+pagefind']['peak_mb']:.0f} | {cell('pagefind alone')} | "
                     f"{c['pagefind alone']['median'] / c['hugo+pagefind']['median']:.2f} |")
    lines += ["", "| N | build | cold | unchanged (ratio) | one answer changed (ratio) | largest page |",
              "|---|---|---|---|---|---|"]
    for f in figures:
        big = f["largest_page"]
        assert isinstance(big, dict)
        for label, inc in f["incremental"].items():  # type: ignore[attr-defined]
            lines.append(f"| {f['n']:,} | {label} | {inc['cold']:.2f} s | {inc['unchanged']:.2f} s "
                         f"({inc['unchanged'] / inc['cold']:.2f}) | {inc['one_answer']:.2f} s "
                         f"({inc['one_answer'] / inc['cold']:.2f}) | {big['path']} ({big['bytes'] / 1024:.0f} KB) |")
    lines += ["", "| N | " + " | ".join(f"first search `{k}`" for k in figures[0]["first_search_bytes"]) + " |",
              "|---|" + "---|" * len(SEARCHES)]
    for f in figures:
        fs = f["first_search_bytes"]
        assert isinstance(fs, dict)
        lines.append(f"| {f['n']:,} | " + " | ".join(f"{v / 1024:.0f} KB" for v in fs.values()) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma list of archive sizes")
    parser.add_argument("--runs", type=int, default=3, help="alternating rounds per size")
    parser.add_argument("--out-root", type=Path, default=Path("bench-work"),
                        help="where corpora and outputs go (default: ./bench-work; /dev/shm/... for compute alone)")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args()
    hugo = ensure_hugo()
    args.out_root.mkdir(parents=True, exist_ok=True)
    root = args.out_root.resolve()
    figures = [bench_size(root, int(n), args.runs, hugo) for n in args.sizes.split(",")]
    version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()[1:2]
    print(f"\n{os.cpu_count()} cores; Hugo {' '.join(version)}; medians of {args.runs} alternating rounds\n")
    print(report(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
