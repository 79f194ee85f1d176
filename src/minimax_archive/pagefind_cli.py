"""Pagefind's command line: run over a folder of search documents, with a deadline, and its bundle
collected for the site.

The build writes each language's search documents into a folder of their own
(``<lang>/interviews/<slug>/index.html``) and runs ``pagefind_extended --site
<folder> --output-path <bundle>`` on it. Pagefind's command line indexes the
same documents with about a third less CPU than its ``--service`` mode, and the
bundle goes straight to disk instead of through this process's memory as
base64.

What can go wrong is turned into one-line errors: Pagefind missing or not
starting, exiting with an error (the message ends with the last of what it
printed), running past its deadline, or leaving no bundle. Pagefind is started
in its own process group, so Ctrl-C reaches the build alone, which then kills
it; it is killed on every way out. If the build itself is killed outright
(``kill -9``, the out-of-memory killer), Linux kills Pagefind with it: it is
started through util-linux's ``setpriv --pdeathsig KILL`` where that works, so
no orphan goes on indexing, holding gigabytes, into a folder the next build
removes. It runs in the folder it indexes, with no
``PAGEFIND_*`` variables, so a ``pagefind.yml`` or the user's environment cannot
change the index.
"""

from __future__ import annotations

import collections
import functools
import json
import os
import shutil
import subprocess
import sys
import threading
from typing import IO

from . import urls
from .cancel import Cancel, Cancelled
from .errors import BuildError
from .pagefind_bundle import BundleFormatError, canonical
from .search import INDEX_LANGUAGE

TIMEOUT_VARIABLE = "MINIMAX_ARCHIVE_PAGEFIND_TIMEOUT"
BASE_TIMEOUT = 300.0
PER_DOCUMENT = 0.05
"""The default deadline of one language's indexing: 5 minutes, plus 50 ms per interview
(indexing takes about 7 ms per interview on two cores)."""


def timeout_from_environment() -> float | None:
    """The deadline set by MINIMAX_ARCHIVE_PAGEFIND_TIMEOUT (seconds), else None (the default)."""
    value = os.environ.get(TIMEOUT_VARIABLE, "")
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        raise BuildError(f"{TIMEOUT_VARIABLE}={value!r} is not a number of seconds") from None
    if not seconds > 0:
        raise BuildError(f"{TIMEOUT_VARIABLE}={value!r} must be more than 0 seconds")
    return seconds


def default_timeout(documents: int) -> float:
    return BASE_TIMEOUT + PER_DOCUMENT * documents


MEMORY_PER_BYTE = 45
"""Pagefind's peak memory for each byte of the documents it indexes, rounded up from what was
measured (34 to 45 times, English and Chinese, 1,000 and 10,000 interviews): it holds its whole
index until it writes it."""


def memory_needed(document_bytes: int) -> int:
    """About how much memory Pagefind takes to index documents of ``document_bytes`` bytes."""
    return MEMORY_PER_BYTE * document_bytes


def available_memory() -> int | None:
    """The memory the system can give without swapping (MemAvailable, in bytes); None if unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def one_at_a_time(needed: list[int], available: int | None) -> bool:
    """Whether the languages' Pagefind processes must run one after the other: when they would not
    fit in memory together. Unknown memory: together."""
    return available is not None and len(needed) > 1 and sum(needed) > available


@functools.cache
def dies_with_the_build() -> tuple[str, ...]:
    """The command prefix that has Linux kill a child when the thread that started it dies
    (``setpriv --pdeathsig KILL --``), if this system has a ``setpriv`` that can; else nothing."""
    setpriv = shutil.which("setpriv")
    if not sys.platform.startswith("linux") or not setpriv:
        return ()
    prefix = (setpriv, "--pdeathsig", "KILL", "--")
    try:
        works = subprocess.run([*prefix, sys.executable, "-c", "pass"], stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        works = False
    return prefix if works else ()


def run_pagefind(binary: str, site: str, bundle: str, timeout: float, cancel: Cancel) -> None:
    """Index the documents under ``site`` into the folder ``bundle`` (both absolute).

    Raises BuildError when Pagefind fails, and Cancelled when the build stopped it. The calling
    thread waits for Pagefind: it must not end before it (Pagefind dies with it).
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}
    if not os.access(binary, os.X_OK):  # said here: behind setpriv it would be setpriv's message
        reason = "Permission denied" if os.path.exists(binary) else "No such file or directory"
        raise BuildError(f"Pagefind failed: cannot start {binary}: {reason}")
    try:
        proc = subprocess.Popen([*dies_with_the_build(), binary, "--site", site, "--output-path", bundle, "--quiet"],
                                cwd=site, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, process_group=0)
    except OSError as exc:
        raise BuildError(f"Pagefind failed: cannot start {binary}: {exc.strerror}") from None
    said: collections.deque[bytes] = collections.deque(maxlen=64)
    reader = threading.Thread(target=_collect, args=(proc.stdout, said), daemon=True)
    reader.start()

    def stop() -> None:
        if proc.poll() is None:
            proc.kill()

    cancel.on_cancel(stop)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        what = f"it did not finish within {timeout:g} s (set {TIMEOUT_VARIABLE} for a larger archive)"
    else:
        what = "" if proc.returncode == 0 else f"it exited (exit status {proc.returncode})"
    finally:
        stop()
        proc.wait()
        reader.join(timeout=5)
    if cancel.is_set():
        raise Cancelled()
    if not what and not os.path.isfile(os.path.join(bundle, "pagefind-entry.json")):
        what = "it wrote no search bundle"
    if what:
        raise failure(what, b"".join(said))


def failure(what: str, output: bytes) -> BuildError:
    """``Pagefind failed: <what>; Pagefind said: <the end of its output, on one line>``."""
    text = output.decode("utf-8", "replace")
    text = " | ".join(line.strip() for line in text.splitlines() if line.strip())
    if len(text) > 600:
        text = "…" + text[-600:]
    return BuildError(f"Pagefind failed: {what}" + (f"; Pagefind said: {text}" if text else ""))


def _collect(stream: IO[bytes], said: collections.deque[bytes]) -> None:
    try:
        while chunk := stream.read1(1 << 12):  # type: ignore[attr-defined]
            said.append(chunk)
    except (OSError, ValueError):
        pass
    finally:
        stream.close()


def pagefind_binary() -> str:
    """The Pagefind binary (PAGEFIND_BINARY_PATH, else the installed one), or a BuildError with a fix."""
    missing = BuildError("Pagefind is not installed (pip install 'pagefind[extended]', or build with --no-search)")
    try:
        from pagefind.service import get_executable
    except ImportError:
        raise missing from None
    binary = get_executable()
    if binary is None:
        raise missing
    return str(binary)


def index_language(site: str, bundle: str, lang: str, documents: int, binary: str, timeout: float,
                   cancel: Cancel) -> tuple[dict[str, bytes], dict[str, str]]:
    """The search bundle of one language, from its ``documents`` under ``site`` (see :func:`document_file`).

    Pagefind writes the bundle into the folder ``bundle``; what it left in a
    random order is made canonical. Returns the bundle as site paths: the
    files made here ``{path: bytes}``, and Pagefind's own ``{path: file}``,
    which the caller moves into the site as they are. A language without
    documents (no interview has a text in it) gets an empty bundle, which
    finds nothing: Pagefind refuses to index nothing, so it indexes a
    placeholder, and only its scripts are kept.
    """
    if not documents:
        with open(os.path.join(site, "index.html"), "w", encoding="utf-8") as handle:
            handle.write(f'<html lang="{INDEX_LANGUAGE}"><body><p>placeholder</p></body></html>')
    run_pagefind(binary, site, bundle, timeout, cancel)
    found = {}
    for base, _, names in os.walk(bundle):
        for name in names:
            path = os.path.join(base, name)
            found[os.path.relpath(path, bundle).replace(os.sep, "/")] = path
    if documents:
        rewritten = {rel: path for rel, path in found.items()
                     if rel == "pagefind-entry.json" or rel.startswith("filter/") or rel.endswith(".pf_meta")}
    else:
        rewritten = {rel: path for rel, path in found.items() if _index_part(rel)}
    try:
        files = canonical({rel: _read(path) for rel, path in rewritten.items()}) if documents else \
            {"pagefind-entry.json": _without_languages(_read(found["pagefind-entry.json"]))}
    except (BundleFormatError, KeyError, ValueError) as exc:
        raise BuildError(f"Pagefind failed: {exc} (this archive needs Pagefind 1.5.2)") from None
    folder = os.path.dirname(urls.search_bundle(lang))
    return ({f"{folder}/{rel}": data for rel, data in sorted(files.items())},
            {f"{folder}/{rel}": path for rel, path in sorted(found.items()) if rel not in rewritten})


def _index_part(rel: str) -> bool:
    """Whether a bundle file holds pages (everything but Pagefind's scripts and its language-less WebAssembly)."""
    return (rel == "pagefind-entry.json" or rel.startswith(("index/", "fragment/", "filter/"))
            or rel.endswith(".pf_meta") or (rel.startswith("wasm.") and rel != "wasm.unknown.pagefind"))


def _without_languages(entry: bytes) -> bytes:
    """Pagefind's ``pagefind-entry.json`` as Pagefind writes it for a bundle without pages."""
    value = json.loads(entry)
    value["languages"] = {}
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def document_file(lang: str, slug: str) -> str:
    """Where an interview's document goes in the folder Pagefind indexes: its page's own path,
    so that Pagefind gives it the page's URL."""
    return urls.interview(lang, slug)


def _read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()
