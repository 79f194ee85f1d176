"""Fake Pagefind binaries for tests: small scripts set through PAGEFIND_BINARY_PATH.

Each writes its process id to ``<script>.pid`` first, so a test can check that
the build stopped it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

BEHAVIOURS = {
    # Reads every request and never answers (a Pagefind stuck in a loop).
    "hang": "sys.stderr.write('fake pagefind: thinking hard\\n'); sys.stderr.flush()\n"
            "while sys.stdin.buffer.read(1 << 16): pass\n",
    # Answers with something that is not the protocol at all.
    "garbage": "sys.stdout.write('Segmentation fault? <html>not base64</html>'); sys.stdout.flush()\n"
               "while sys.stdin.buffer.read(1 << 16): pass\n",
    # Answers in base64, but not JSON.
    "bad-json": "import base64\nsys.stdout.write(base64.b64encode(b'{not json').decode() + ','); sys.stdout.flush()\n"
                "while sys.stdin.buffer.read(1 << 16): pass\n",
    # Answers the first request, then reads nothing more (its input pipe fills up).
    "deaf": "import base64, json, time\nsys.stdin.buffer.read(1)\n"
            "reply = {'message_id': 1, 'payload': {'type': 'NewIndex', 'index_id': 0}}\n"
            "sys.stdout.write(base64.b64encode(json.dumps(reply).encode()).decode() + ','); sys.stdout.flush()\n"
            "time.sleep(3600)\n",
    # Answers every request with Pagefind's own error message.
    "refuse": "import base64, json\nsys.stdin.buffer.read(1)\n"
              "reply = {'message_id': 1, 'payload': {'type': 'Error', 'message': 'Invalid config supplied'}}\n"
              "sys.stdout.write(base64.b64encode(json.dumps(reply).encode()).decode() + ','); sys.stdout.flush()\n"
              "while sys.stdin.buffer.read(1 << 16): pass\n",
    # Dies with an error message, as a Rust panic does.
    "crash": "sys.stderr.write(\"thread 'main' panicked at src/service/mod.rs:30: boom\\n\"); sys.exit(101)\n",
}


def fake_pagefind(folder: Path, behaviour: str) -> Path:
    """Write an executable fake Pagefind into ``folder``; return its path."""
    script = folder / f"pagefind-{behaviour}"
    script.write_text(f"#!{sys.executable}\nimport os, sys\n"
                      f"open(__file__ + '.pid', 'w').write(str(os.getpid()))\n" + BEHAVIOURS[behaviour],
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
