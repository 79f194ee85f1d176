"""The only module that writes the site folder.

A build never leaves a half-written site: files go to a staging folder beside
the output (same file system), the search index is added there, and only then
is the old site swapped out for the new one. If anything fails before the swap,
the previous site is left exactly as it was.

The output folder carries a marker file; a folder without it is never
replaced, so ``--out content`` cannot destroy an archive.
"""

from __future__ import annotations

import os
import shutil
import tempfile

from .errors import BuildError

MARKER = ".minimax-archive-site"


def stage(out_dir: str) -> str:
    """Create an empty staging folder next to ``out_dir``; refuse to replace a foreign folder."""
    out_dir = os.path.abspath(out_dir)
    if os.path.lexists(out_dir):
        if os.path.islink(out_dir) or not os.path.isdir(out_dir):
            raise BuildError(f"{out_dir}: exists and is not a folder (choose another --out)")
        if os.listdir(out_dir) and not os.path.isfile(os.path.join(out_dir, MARKER)):
            raise BuildError(f"{out_dir}: exists and was not built by minimax-archive; refusing to replace it "
                             "(choose another --out, or empty the folder)")
    parent = os.path.dirname(out_dir)
    os.makedirs(parent, exist_ok=True)
    return tempfile.mkdtemp(prefix=f".{os.path.basename(out_dir)}-staging-", dir=parent)


def write_files(staging: str, files: dict[str, str], assets: dict[str, str]) -> None:
    """Write rendered pages and copy static assets into the staging folder."""
    root = os.path.realpath(staging)
    for rel, text in files.items():
        target = _inside(root, rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    for rel, source in assets.items():
        target = _inside(root, rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(source, target)
    with open(os.path.join(root, MARKER), "w", encoding="utf-8") as handle:
        handle.write("Built by minimax-archive. This folder is replaced on every build.\n")


def _inside(root: str, rel: str) -> str:
    """The absolute path of ``rel`` under ``root``; anything that would leave it is a bug, not content."""
    target = os.path.realpath(os.path.join(root, rel))
    if "\0" in rel or os.path.isabs(rel) or not target.startswith(root + os.sep):
        raise BuildError(f"refusing to write outside the output folder: {rel!r}")
    return target


def commit(staging: str, out_dir: str) -> None:
    """Swap the staged site in for the old one."""
    out_dir = os.path.abspath(out_dir)
    old = None
    if os.path.exists(out_dir):
        old = tempfile.mkdtemp(prefix=f".{os.path.basename(out_dir)}-old-", dir=os.path.dirname(out_dir))
        os.rename(out_dir, os.path.join(old, "site"))
    try:
        os.rename(staging, out_dir)
    except OSError:
        if old:  # put the previous site back before reporting
            os.rename(os.path.join(old, "site"), out_dir)
        raise
    if old:
        shutil.rmtree(old, ignore_errors=True)


def discard(staging: str) -> None:
    """Remove a staging folder after a failed build."""
    shutil.rmtree(staging, ignore_errors=True)
