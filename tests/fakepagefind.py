"""Fake Pagefind binaries for tests: small scripts set through PAGEFIND_BINARY_PATH, run as the
build runs Pagefind (``--site <documents> --output-path <bundle>``).

Each writes its process id to ``<script>.pid`` first, so a test can check that
the build stopped it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

BUNDLE = "bundle = sys.argv[sys.argv.index('--output-path') + 1]\nos.makedirs(bundle, exist_ok=True)\n"

BEHAVIOURS = {
    # Never finishes and never writes (so a closed pipe cannot end it either).
    "hang-silent": "import time\ntime.sleep(3600)\n",
    # Never finishes (a Pagefind stuck in a loop).
    "hang": "sys.stderr.write('fake pagefind: thinking hard\\n'); sys.stderr.flush()\n"
            "import time\ntime.sleep(3600)\n",
    # Prints something that is not Pagefind's and exits as if all went well, without a bundle.
    "garbage": "sys.stdout.write('Segmentation fault? <html>not a bundle</html>'); sys.exit(0)\n",
    # Writes a bundle that is not in Pagefind's format.
    "bad-bundle": BUNDLE + "open(os.path.join(bundle, 'pagefind-entry.json'), 'w').write('{not json')\n",
    # Refuses its options with Pagefind's own error message.
    "refuse": "print('Error: Invalid config supplied'); sys.exit(1)\n",
    # Dies with an error message, as a Rust panic does.
    "crash": "sys.stderr.write(\"thread 'main' panicked at src/fossick/mod.rs:30: boom\\n\"); sys.exit(101)\n",
}


def fake_pagefind(folder: Path, behaviour: str) -> Path:
    """Write an executable fake Pagefind into ``folder``; return its path."""
    script = folder / f"pagefind-{behaviour}"
    script.write_text(f"#!{sys.executable}\nimport os, sys\n"
                      # written whole, then renamed: a test polling for it never reads it half written
                      f"open(f'{{__file__}}.pid.{{os.getpid()}}', 'w').write(str(os.getpid()))\n"
                      f"os.replace(f'{{__file__}}.pid.{{os.getpid()}}', __file__ + '.pid')\n" + BEHAVIOURS[behaviour],
                      encoding="utf-8")
    script.chmod(0o755)
    return script


def running(script: Path) -> bool:
    """Whether the fake's process is still alive (False if it never started)."""
    pid_file = Path(f"{script}.pid")
    if not pid_file.exists():
        return False
    pid = int(pid_file.read_text())
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie has exited; only its parent has not collected it yet
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except OSError:
        return True


def kill(script: Path) -> None:
    """Kill the fake if a failed test left it running."""
    if running(script):
        os.kill(int(Path(f"{script}.pid").read_text()), 9)


def alive(script: Path) -> list[int]:
    """The process ids of every running copy of the fake (both languages' Pagefinds run at once)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if str(script).encode() in (entry / "cmdline").read_bytes().split(b"\0") and \
                    (entry / "stat").read_text().split(") ")[1][0] != "Z":
                found.append(int(entry.name))
        except OSError:
            continue
    return found
