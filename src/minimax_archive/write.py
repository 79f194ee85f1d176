"""The only module that writes the site folder.

A build never leaves a half-written site. Under a lock (one build at a time
next to the output folder), files go to a staging folder beside the output
(``.site-staging-<hex>``, same file system), the search index is added there,
and only then is the old site swapped out for the new one: ``site`` is renamed
into ``.site-old-<hex>/site`` and the staging folder renamed to ``site``. A
failure before the swap leaves the previous site exactly as it was; a build
killed at any moment is cleaned up by the next one (:func:`recover`), its work
folder too (``.site-work-<hex>``, where the search documents are laid out for
Pagefind).

The build owns the files it wrote, and only those: the output folder carries a
marker file, ``.minimax-archive-site``, that lists them. Every other file in
the folder (``CNAME``, ``.nojekyll``, a ``.git`` folder, ...) belongs to the
user and is carried into the new site (hard-linked, so nothing is copied and
the old site still has it until the swap). A folder without the marker is
never replaced, unless it holds only hidden entries and ``CNAME`` (as after
``git init site``), so ``--out content`` cannot destroy an archive.

Every disk error (full, read-only, no permission, a mount point) becomes a
one-line :class:`BuildError`.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import BuildError

MARKER = ".minimax-archive-site"
_PUBLISHING_FILES = {"CNAME"}
"""With hidden entries (``.git``, ``.nojekyll``), what a folder made ready for publishing may hold
before its first build; such a folder is built into, and they are kept."""
_MARKER_HEADER = ("Built by minimax-archive. A build replaces the files listed below "
                  "and keeps every other file in this folder.\n")


class Staging:
    """A staging folder being filled for ``out``; safe to write from several threads."""

    def __init__(self, out: str, path: str):
        self.out = out
        """The output folder as the user named it (for messages)."""
        self.path = path
        """The staging folder, absolute."""
        self._root = os.path.realpath(path)
        self._written: set[str] = set()
        self._lock = threading.Lock()

    def write_text(self, rel: str, text: str) -> None:
        self.write_bytes(rel, text.encode("utf-8"))

    def write_bytes(self, rel: str, data: bytes) -> None:
        self._claim(rel)
        self._put(rel, data)

    def put_text(self, rel: str, text: str) -> None:
        """Write a file without recording it, from a worker process; the build then :meth:`adopt` s it."""
        self._put(rel, text.encode("utf-8"))

    def adopt(self, rels: list[str]) -> None:
        """Record files that a worker process wrote with :meth:`put_text`."""
        for rel in rels:
            self._claim(rel)

    def link_all(self, rels: list[str], previous: str) -> None:
        """:meth:`link` each of ``rels`` from the same path under the folder ``previous``."""
        for rel in rels:
            self.link(rel, os.path.join(previous, rel))

    def _put(self, rel: str, data: bytes) -> None:
        target = self._target(rel)
        with disk_errors(self.out):
            try:
                handle = open(target, "wb")
            except FileNotFoundError:  # the first file of its folder
                os.makedirs(os.path.dirname(target), exist_ok=True)
                handle = open(target, "wb")
            with handle:
                handle.write(data)

    def link(self, rel: str, source: str) -> None:
        """Put the file ``source`` (of the site being replaced) at ``rel``: a hard link, else a copy."""
        target = self._claim(rel)
        with disk_errors(self.out):
            try:
                os.link(source, target)
            except FileNotFoundError:
                os.makedirs(os.path.dirname(target), exist_ok=True)
                os.link(source, target)
            except OSError:  # a file system without hard links
                shutil.copyfile(source, target)

    def copy(self, rel: str, source: str) -> None:
        target = self._claim(rel)
        with disk_errors(self.out):
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(source, target)  # contents only: the new file gets the umask's mode

    def written(self, rel: str) -> bool:
        with self._lock:
            return rel in self._written

    def _target(self, rel: str) -> str:
        """The absolute path of ``rel`` under the staging folder; anything that would leave it is a bug."""
        target = os.path.normpath(os.path.join(self._root, rel))  # the folder is ours: no symlinks in it
        if "\0" in rel or "\n" in rel or os.path.isabs(rel) or not target.startswith(self._root + os.sep):
            raise BuildError(f"refusing to write outside the output folder: {rel!r}")
        return target

    def _claim(self, rel: str) -> str:
        """Record ``rel`` as written by this build (twice is a bug); its absolute path."""
        target = self._target(rel)
        with self._lock:
            if rel in self._written:
                raise BuildError(f"{self.out}/{rel}: written twice in one build (two sources for one file)")
            self._written.add(rel)
        return target

    def manifest(self) -> list[str]:
        with self._lock:
            return sorted(self._written)


@contextmanager
def locked(out_dir: str) -> Iterator[None]:
    """Hold the build lock for ``out_dir``, after cleaning up what a killed build left behind.

    The lock is an flock on ``.<name>.lock`` beside the output (released by the
    kernel even after kill -9). The file stays: removing it would let a waiting
    build lock a file that is already gone. One lock file per output folder, so
    builds into different folders of the same parent never wait for each other.
    """
    parent = os.path.dirname(os.path.abspath(out_dir))
    with disk_errors(out_dir):
        os.makedirs(parent, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        recover(out_dir)
        yield
        return
    with disk_errors(out_dir):
        fd = os.open(lock_path(out_dir), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(f"{out_dir}: another build is running into this folder "
                             "(wait for it to finish, or stop it)") from None
        recover(out_dir)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def lock_path(out_dir: str) -> str:
    """The lock file of an output folder: ``.site.lock`` beside ``site/``."""
    out_dir = os.path.abspath(out_dir)
    return os.path.join(os.path.dirname(out_dir), f".{os.path.basename(out_dir)}.lock")


def _leftovers(out_dir: str) -> re.Pattern[str]:
    # 12 hex digits are ours; 8 of [a-z0-9_] are tempfile.mkdtemp's, from earlier versions.
    name = re.escape(os.path.basename(os.path.abspath(out_dir)))
    return re.compile(rf"\.{name}-(staging|old|work)-(?:[0-9a-f]{{12}}|[a-z0-9_]{{8}})")


def recover(out_dir: str) -> None:
    """Clean up after a build that was killed: finish or undo its swap, remove its folders.

    A kill between the two renames of a swap leaves no output folder, and the
    previous site in ``.site-old-*/site``: it is put back. Staging folders are
    never complete in a way we can trust, so they are removed.
    """
    out = os.path.abspath(out_dir)
    parent = os.path.dirname(out)
    pattern = _leftovers(out_dir)
    with disk_errors(out_dir):
        found = [(name, m.group(1)) for name in os.listdir(parent) if (m := pattern.fullmatch(name))]
        olds = sorted((os.path.join(parent, n) for n, kind in found if kind == "old"),
                      key=os.path.getmtime, reverse=True)
        for old in olds:
            previous = os.path.join(old, "site")
            if not os.path.lexists(out) and os.path.isdir(previous):
                os.rename(previous, out)
        for name, _ in found:
            shutil.rmtree(os.path.join(parent, name), ignore_errors=True)


def check_out(out_dir: str, content_dir: str) -> None:
    """Refuse an output folder the build cannot or must not replace, before any work."""
    out, content = os.path.realpath(out_dir), os.path.realpath(content_dir)
    if out == content:
        raise BuildError(f"{out_dir}: is the content folder (choose another --out)")
    if out.startswith(content + os.sep):
        raise BuildError(f"{out_dir}: is inside the content folder {content_dir} (choose an --out outside it)")
    if content.startswith(out + os.sep):
        raise BuildError(f"{out_dir}: contains the content folder {content_dir} (choose another --out)")
    ancestor = os.path.dirname(out)
    while not os.path.lexists(ancestor):
        ancestor = os.path.dirname(ancestor)
    if not os.path.isdir(ancestor):
        raise BuildError(f"{out_dir}: {ancestor} is a file, not a folder (choose another --out)")
    if os.path.lexists(out_dir):
        if os.path.islink(out_dir) or not os.path.isdir(out_dir):
            raise BuildError(f"{out_dir}: exists and is not a folder (choose another --out)")
        if os.path.ismount(out):
            raise BuildError(f"{out_dir}: is a mount point, and a build replaces its output folder as a whole "
                             f"(build into a folder inside it, e.g. --out {os.path.join(out_dir, 'site')})")
        foreign = [n for n in os.listdir(out_dir) if not (n.startswith(".") or n in _PUBLISHING_FILES)]
        if foreign and not os.path.isfile(os.path.join(out_dir, MARKER)):
            raise BuildError(f"{out_dir}: exists and was not built by minimax-archive; refusing to replace it "
                             "(choose another --out, or empty the folder)")


def static_files(content_dir: str) -> dict[str, str]:
    """The files of ``content/static/``, copied into every build: {site path: source file}.

    This is where a site's own files live (``CNAME``, ``favicon.ico``, a
    verification page): unlike files put into the output folder by hand, they
    are part of the archive and so are in every fresh build.
    """
    root = os.path.join(content_dir, "static")
    found: dict[str, str] = {}
    for base, folders, names in os.walk(root):
        folders.sort()
        for name in sorted(names) + [f for f in folders if os.path.islink(os.path.join(base, f))]:
            source = os.path.join(base, name)
            rel = os.path.relpath(source, root).replace(os.sep, "/")
            if os.path.islink(source):
                raise BuildError(f"{source}: is a symbolic link (copy the file into {root} instead)")
            if any(ord(c) < 32 for c in rel):
                raise BuildError(f"{source}: a control character in the file name (rename the file)")
            found[rel] = source
    return found


def stage(out_dir: str) -> Staging:
    """Create an empty staging folder next to ``out_dir`` (call under :func:`locked`)."""
    parent = os.path.dirname(os.path.abspath(out_dir))
    return Staging(out_dir, _new_folder(out_dir, parent, "staging"))


def scratch(out_dir: str) -> str:
    """Create an empty folder for a build's own work files next to ``out_dir`` (call under
    :func:`locked`; remove it with :func:`discard_folder`; a killed build's is removed by :func:`recover`)."""
    return _new_folder(out_dir, os.path.dirname(os.path.abspath(out_dir)), "work")


def discard_folder(path: str) -> None:
    shutil.rmtree(path, ignore_errors=True)


def _new_folder(out_dir: str, parent: str, kind: str) -> str:
    """A new, empty folder ``.<name>-<kind>-<hex>`` with the umask's mode (mkdtemp's is 0700)."""
    name = os.path.basename(os.path.abspath(out_dir))
    with disk_errors(out_dir):
        while True:
            path = os.path.join(parent, f".{name}-{kind}-{secrets.token_hex(6)}")
            try:
                os.mkdir(path)
                return path
            except FileExistsError:
                continue


def commit(staging: Staging) -> None:
    """Carry the user's own files into the staged site, record what the build owns, and swap."""
    out = os.path.abspath(staging.out)
    with disk_errors(staging.out):
        if os.path.isdir(out):
            _carry_user_files(out, staging)
        with open(os.path.join(staging.path, MARKER), "w", encoding="utf-8", newline="\n") as handle:
            handle.write(_MARKER_HEADER + "".join(f"{rel}\n" for rel in staging.manifest()))
        old = None
        if os.path.lexists(out):
            old = _new_folder(staging.out, os.path.dirname(out), "old")
            try:
                os.rename(out, os.path.join(old, "site"))
            except OSError:
                os.rmdir(old)
                raise
        try:
            os.rename(staging.path, out)
        except OSError:
            if old:  # put the previous site back before reporting
                os.rename(os.path.join(old, "site"), out)
                os.rmdir(old)
            raise
    if old:
        shutil.rmtree(old, ignore_errors=True)


def discard(staging: Staging) -> None:
    """Remove a staging folder after a failed build."""
    discard_folder(staging.path)


def owned_by_last_build(out: str) -> set[str] | None:
    """The files the last build wrote, from its marker; None for a marker without a list (older versions)."""
    with open(os.path.join(out, MARKER), encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    return set(lines[1:]) if lines[:1] == [_MARKER_HEADER.rstrip("\n")] else None


def _carry_user_files(out: str, staging: Staging) -> None:
    """Hard-link every file of ``out`` that the last build did not write into the staging folder.

    A folder the build never wrote into (``.git``) goes over whole. A user's
    file where the new build writes one of its own is an error, not a loss.
    """
    owned = owned_by_last_build(out) if os.path.isfile(os.path.join(out, MARKER)) else set()
    if owned is None:  # older versions replaced everything: keep the top-level entries the build does not write
        owned = {rel for rel in _all_files(out) if os.path.lexists(os.path.join(staging.path, rel.split("/")[0]))}
    owned_dirs = {rel.rsplit("/", i)[0] for rel in owned for i in range(1, rel.count("/") + 1)}
    stack = [""]
    while stack:
        folder = stack.pop()
        for name in sorted(os.listdir(os.path.join(out, folder))):
            rel = f"{folder}{name}"
            source, target = os.path.join(out, rel), os.path.join(staging.path, rel)
            if rel == MARKER or rel in owned:
                continue
            real_dir = os.path.isdir(source) and not os.path.islink(source)
            if real_dir and (rel in owned_dirs or os.path.isdir(target)):
                stack.append(rel + "/")
            elif os.path.lexists(target):
                raise BuildError(f"{os.path.join(staging.out, rel)}: the build now writes this path, and it is "
                                 "not one the last build wrote (move or rename your file; nothing was changed)")
            else:
                os.makedirs(os.path.dirname(target), exist_ok=True)
                _link_tree(source, target)


def _all_files(root: str) -> set[str]:
    return {os.path.relpath(os.path.join(base, name), root).replace(os.sep, "/")
            for base, _, names in os.walk(root) for name in names}


def _link_tree(source: str, target: str) -> None:
    if os.path.islink(source):
        os.symlink(os.readlink(source), target)
    elif os.path.isdir(source):
        shutil.copytree(source, target, symlinks=True, copy_function=link_or_copy)
    else:
        link_or_copy(source, target)


def link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links
        shutil.copy2(source, target)


_HINTS = {
    errno.ENOSPC: "the disk is full; free some space",
    errno.EDQUOT: "the disk quota is exceeded; free some space",
    errno.EROFS: "the file system is read-only; choose another --out",
    errno.EACCES: "no permission; choose another --out or fix the folder's permissions",
    errno.EPERM: "not permitted; choose another --out or fix the folder's permissions",
    errno.ENOTDIR: "a part of the path is a file, not a folder; choose another --out",
    errno.EEXIST: "a part of the path is a file, not a folder; choose another --out",
    errno.EXDEV: "the output folder is a mount point or on another disk; build into a folder inside it",
    errno.EBUSY: "the output folder is a mount point or in use; build into a folder inside it",
}


@contextmanager
def disk_errors(out_dir: str) -> Iterator[None]:
    """Turn an OSError while writing ``out_dir`` into a one-line BuildError with a fix."""
    try:
        yield
    except OSError as exc:
        hint = _HINTS.get(exc.errno or 0, "the previous site is unchanged")
        raise BuildError(f"{out_dir}: cannot write the site: {exc.strerror or exc} ({hint})") from None
