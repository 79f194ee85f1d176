"""Build time of minimax-archive against Hugo (+ Pagefind) on the same archive, in the same run.

    python3 bench/build_vs_hugo.py --corpus DIR [--runs 3] [--out-root DIR]

DIR holds the same interviews twice: ``interviews/<slug>/en.txt, zh.txt`` (our
layout) and ``hugo/`` (an equivalent Hugo site: en + zh pages per interview,
``<article data-pagefind-body>``). An archive.yaml is taken from this
repository's content/ unless DIR has one.

Each round runs, alternately: our build with search; Hugo then Pagefind
(extended) over Hugo's output, the peer with equivalent search; our build
without search; Hugo alone. Disks here are noisy, so only ratios of medians
within one run are meaningful. Use ``--out-root /dev/shm/...`` to see compute
alone. Prints a table and writes nothing outside the output root.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def timed(cmd: list[str], cwd: Path, clean: Path) -> float:
    shutil.rmtree(clean, ignore_errors=True)
    started = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True, type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out-root", type=Path, default=None)
    args = parser.parse_args()
    if not shutil.which("hugo"):
        sys.exit("hugo not found (Debian: apt-get install -y hugo)")
    root = Path(tempfile.mkdtemp(prefix="mma-bench-", dir=args.out_root))
    content = root / "content"
    content.mkdir()
    (content / "interviews").symlink_to((args.corpus / "interviews").resolve())
    yaml = args.corpus / "archive.yaml"
    shutil.copy(yaml if yaml.exists() else REPO / "content/archive.yaml", content / "archive.yaml")
    hugo = root / "hugo"
    shutil.copytree(args.corpus / "hugo", hugo)

    ours = [sys.executable, "-m", "minimax_archive", "build", "--templates", str(REPO / "templates")]
    pagefind = [sys.executable, "-m", "pagefind", "--site", "public"]
    cases = {
        "minimax-archive (pages + search)": lambda: timed(ours, root, root / "site"),
        "Hugo + Pagefind extended": lambda: timed(["hugo", "--quiet"], hugo, hugo / "public")
        + timed(pagefind, hugo, hugo / "public" / "pagefind"),
        "minimax-archive --no-search": lambda: timed(ours + ["--no-search"], root, root / "site"),
        "Hugo alone": lambda: timed(["hugo", "--quiet"], hugo, hugo / "public"),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for round_ in range(args.runs):
        for name, run in cases.items():
            times[name].append(run())
            print(f"round {round_ + 1}: {name}: {times[name][-1]:.2f}s", file=sys.stderr)
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"\n{sum(1 for _ in (args.corpus / 'interviews').iterdir())} interviews, {args.runs} runs, "
          f"output under {root}")
    print(f"{'':36} {'median':>8}")
    for name, value in median.items():
        print(f"{name:36} {value:7.2f}s")
    print(f"\nratio with search   (ours / Hugo+Pagefind): "
          f"{median['minimax-archive (pages + search)'] / median['Hugo + Pagefind extended']:.2f}")
    print(f"ratio without search (ours / Hugo):        "
          f"{median['minimax-archive --no-search'] / median['Hugo alone']:.2f}")
    shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
