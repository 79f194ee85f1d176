"""The preview server: what it answers, what it refuses, and a watcher that never dies silently.

Most tests drive :class:`minimax_archive.serve.Preview` in a thread with a tiny
fake build (a function that writes a few files), so each case is one folder and
one request; the command-line tests run ``serve`` as a subprocess on a free port.
Every wait has a deadline.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from servekit import DEADLINE, ServeProcess
from sitekit import EN, write_archive

from minimax_archive.errors import ContentError, SourceSpan
from minimax_archive.serve import Preview, snapshot
from minimax_archive.serve_http import SCRIPT_URL, STATE_URL, host_allowed, inject

PAGE = "<!doctype html><html lang=en><head><title>t</title></head><body><p>{}</p></body></html>"


def files(named: dict[str, str]) -> Callable[[str], None]:
    """A fake build that writes ``{relative path: text}``."""
    def build_into(out: str) -> None:
        for name, text in named.items():
            path = Path(out, name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return build_into


@contextlib.contextmanager
def running(build_into: Callable[[str], None], host: str = "127.0.0.1", explicit: bool = False,
            watch: list[str] | None = None) -> Iterator[Preview]:
    """A preview serving from a thread on a free port, stopped and cleaned up afterwards."""
    preview = Preview(build_into, lambda exc: f"error: {exc}", host, 0, explicit_host=explicit, poll=0.05)
    thread = threading.Thread(target=preview.serve_forever, daemon=True)
    try:
        preview.build()
        if watch:
            preview.watch(watch)
        thread.start()
        yield preview
    finally:
        if thread.is_alive():
            preview.shutdown()
            thread.join(DEADLINE)
        preview.close()


def get(preview: Preview, path: str, host: str | None = "localhost") -> tuple[int, dict[str, str], str]:
    """GET ``path`` from the preview with the given Host header (None: no Host header at all)."""
    port = int(preview.url.rsplit(":", 1)[1].strip("/"))
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=DEADLINE)
    try:
        conn.putrequest("GET", path, skip_host=True)
        if host is not None:
            conn.putheader("Host", host)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def wait_until(condition: Callable[[], object], what: str) -> None:
    end = time.monotonic() + DEADLINE
    while not condition():
        assert time.monotonic() < end, f"never happened: {what}"
        time.sleep(0.05)


# --- what is served ------------------------------------------------------------------------------

def test_symbolic_links_out_of_the_build_are_not_served(tmp_path):
    outside = tmp_path / "outside"
    (outside / "docs").mkdir(parents=True)
    (outside / "secret.txt").write_text("TOP SECRET", encoding="utf-8")
    (outside / "docs" / "index.html").write_text(PAGE.format("TOP SECRET"), encoding="utf-8")

    def build_into(out: str) -> None:
        files({"index.html": PAGE.format("home")})(out)
        os.symlink(outside / "secret.txt", os.path.join(out, "leak.txt"))
        os.symlink(outside / "docs", os.path.join(out, "docs"))
        os.symlink("/etc/passwd", os.path.join(out, "passwd"))
        os.symlink("index.html", os.path.join(out, "alias.html"))  # inside the build: fine

    with running(build_into) as preview:
        for path in ("/leak.txt", "/docs/", "/docs/index.html", "/passwd", "/docs/../passwd", "/%2e%2e/outside/secret.txt"):
            status, _, body = get(preview, path)
            assert status == 404, path
            assert "TOP SECRET" not in body and "root:" not in body, path
        assert get(preview, "/alias.html")[0] == 200


def test_a_folder_without_index_html_is_404_never_a_listing(tmp_path):
    build = files({"index.html": PAGE.format("home"), "assets/style.css": "body{}", "en/index.html": PAGE.format("en")})
    with running(build) as preview:
        status, _, body = get(preview, "/assets/")
        assert status == 404 and "style.css" not in body
        assert get(preview, "/assets")[0] == 404
        assert get(preview, "/assets/style.css")[0] == 200
        assert get(preview, "/assets/style.css/")[0] == 404
        status, headers, _ = get(preview, "/en?x=1")
        assert status == 301 and headers["Location"] == "/en/?x=1"
        assert get(preview, "/en/")[0] == 200


def test_a_missing_page_gets_the_sites_own_404_page(tmp_path):
    with running(files({"index.html": PAGE.format("home"), "404.html": PAGE.format("Page not found")})) as preview:
        status, _, body = get(preview, "/no/such/page/")
        assert status == 404 and "Page not found" in body and SCRIPT_URL in body
    with running(files({"index.html": PAGE.format("home")})) as preview:
        assert get(preview, "/no/such/page/")[0] == 404


@pytest.mark.parametrize("host, allowed", [
    ("localhost", True), ("localhost:8000", True), ("LOCALHOST.:8000", True), ("app.localhost:8000", True),
    ("127.0.0.1:8000", True), ("[::1]:8000", True), ("192.168.1.20:8000", True),
    ("evil.example", False), ("evil.example:8000", False), ("127.0.0.1.evil.example", False),
    ("localhost.evil.example", False), ("evil.example@localhost", False), ("", False), (None, False),
    ("mybox.lan:8000", False),
])
def test_host_names_answered(host, allowed):
    assert host_allowed(host, frozenset()) is allowed


def test_host_named_by_the_user_is_answered_too():
    assert host_allowed("mybox.lan:8000", frozenset({"mybox.lan"}))
    assert not host_allowed("evil.example", frozenset({"mybox.lan"}))


def test_other_host_names_get_403_dns_rebinding(tmp_path):
    with running(files({"index.html": PAGE.format("home")})) as preview:
        status, _, body = get(preview, "/", host="attacker.example:8000")
        assert status == 403 and "home" not in body
        assert get(preview, STATE_URL, host="attacker.example")[0] == 403
        assert get(preview, "/", host=None)[0] == 403
        assert get(preview, "/", host="localhost:1234")[0] == 200
        assert get(preview, "/", host="127.0.0.1")[0] == 200


def test_every_address_answers_this_machines_name_but_not_others(tmp_path):
    with running(files({"index.html": PAGE.format("home")}), host="0.0.0.0", explicit=True) as preview:
        assert preview.url.startswith("http://127.0.0.1:")
        assert get(preview, "/", host=f"{socket.gethostname()}:80")[0] == 200
        assert get(preview, "/", host="attacker.example")[0] == 403


def test_a_browser_leaving_mid_answer_is_not_an_error_but_a_failure_is_one_line(tmp_path, capsys):
    with running(files({"index.html": PAGE.format("home")})) as preview:
        server = preview._server
        for gone in (BrokenPipeError(), ConnectionResetError()):
            try:
                raise gone
            except ConnectionError:
                server.handle_error(None, ("127.0.0.1", 1))
        try:
            raise ValueError("bad")
        except ValueError:
            server.handle_error(None, ("127.0.0.1", 1))
    assert capsys.readouterr().err == "error: while answering a request: ValueError: bad\n"


# --- live reload and errors ----------------------------------------------------------------------

def test_pages_get_the_reload_script_on_the_way_out_never_in_the_build(tmp_path):
    with running(files({"index.html": PAGE.format("home"), "style.css": "body{}", "feed.xml": "<feed/>"})) as preview:
        token = preview.served.build
        status, headers, body = get(preview, "/")
        assert status == 200 and headers["Cache-Control"] == "no-store"
        assert f'data-build="{token}"' in body and body.index(SCRIPT_URL) < body.index("</body>")
        assert SCRIPT_URL not in Path(preview.served.root, "index.html").read_text(encoding="utf-8")
        assert get(preview, "/style.css")[2] == "body{}" and get(preview, "/feed.xml")[2] == "<feed/>"
        assert json.loads(get(preview, STATE_URL)[2]) == {"build": token, "error": None}
        status, headers, script = get(preview, SCRIPT_URL)
        assert status == 200 and headers["Content-Type"].startswith("text/javascript") and "location.reload" in script


def test_inject_goes_before_the_last_body_end():
    assert inject(b"<body>x</BODY>", b"<s>") == b"<body>x<s></BODY>"
    assert inject(b"no body", b"<s>") == b"no body<s>"


def test_a_good_rebuild_is_served_and_a_failed_one_keeps_the_last_good_build(tmp_path, capsys):
    texts = iter(["first", "second"])
    failing = {"now": False}

    def build_into(out: str) -> None:
        if failing["now"]:
            raise ContentError.single(SourceSpan("content/x/en.txt", 3), "item 1 has no question mark")
        files({"index.html": PAGE.format(next(texts))})(out)

    with running(build_into) as preview:
        first = preview.served
        preview.rebuild()
        second = preview.served
        assert second.build != first.build and not os.path.exists(first.root)  # old builds do not pile up
        assert "second" in get(preview, "/")[2]
        failing["now"] = True
        preview.rebuild()
        assert "content/x/en.txt:3: item 1 has no question mark" in capsys.readouterr().err
        assert preview.served.build == second.build and "second" in get(preview, "/")[2]
        state = json.loads(get(preview, STATE_URL)[2])
        assert state == {"build": second.build, "error": "error: content/x/en.txt:3: item 1 has no question mark"}


def test_the_watcher_reports_an_unexpected_error_and_keeps_watching(tmp_path, capsys):
    watched = tmp_path / "content"
    watched.mkdir()
    (watched / "a.txt").write_text("1", encoding="utf-8")
    calls = iter(["ok", "boom", "ok"])

    def build_into(out: str) -> None:
        if next(calls) == "boom":
            raise RuntimeError("disk on fire")
        files({"index.html": PAGE.format("built")})(out)

    with running(build_into, watch=[str(watched)]) as preview:
        first = preview.served.build
        (watched / "a.txt").write_text("22", encoding="utf-8")
        wait_until(lambda: preview.served.error, "the failed rebuild shows up in the page's state")
        assert "disk on fire" in json.loads(get(preview, STATE_URL)[2])["error"]
        assert preview.served.build == first
        (watched / "b.txt").write_text("3", encoding="utf-8")
        wait_until(lambda: preview.served.build != first, "the watcher rebuilds after the error")
        assert preview.served.error is None
        out, err = capsys.readouterr()
        assert f"{watched / 'a.txt'} changed; rebuilding" in out and f"{watched / 'b.txt'} changed; rebuilding" in out
        assert "error: disk on fire" in err and "still serving the last good build" in err


def test_the_watcher_ignores_the_preview_folder_even_inside_the_content(tmp_path):
    content = tmp_path / "content"
    (content / "interviews").mkdir(parents=True)
    (content / "archive.yaml").write_text("x", encoding="utf-8")
    (content / ".preview" / "build-1").mkdir(parents=True)
    (content / ".preview" / "build-1" / "index.html").write_text("x", encoding="utf-8")
    assert list(snapshot([str(content)], str(content / ".preview"))) == [str(content / "archive.yaml")]


# --- the command line ----------------------------------------------------------------------------

def serve(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "minimax_archive", "serve", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=DEADLINE, check=False)


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_busy_port_is_one_line_before_the_build(tmp_path):
    write_archive(tmp_path)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = serve("--port", str(port), "--no-search", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (f"error: cannot listen on 127.0.0.1:{port}: the port is in use (is another preview "
                             "running? choose another --port, or --port 0 for a free one)\n")
    assert result.stdout == ""  # nothing was built


@pytest.mark.parametrize("port", ["70000", "-1"])
def test_a_port_out_of_range_is_one_line_before_the_build(tmp_path, port):
    write_archive(tmp_path)
    result = serve("--port", port, "--no-search", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == f"error: --port {port}: a port is a number from 0 to 65535 (0 picks a free one)\n"
    assert result.stdout == ""


def test_out_is_refused_so_it_can_never_sit_inside_the_watched_content(tmp_path):
    write_archive(tmp_path)
    result = serve("--out", "content/site", "--port", "0", "--no-search", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("error: serve does not write --out content/site: it builds into a temporary ")
    assert len(result.stderr.splitlines()) == 1 and result.stdout == ""
    assert not (tmp_path / "content/site").exists()


def test_a_broken_archive_stops_serve_like_build(tmp_path):
    write_archive(tmp_path, {"test-one": {"en.txt": EN.replace("1. Why MoE? Because", "1. Why MoE. Because")}})
    (tmp_path / "tmp").mkdir()
    result = subprocess.run([sys.executable, "-m", "minimax_archive", "serve", "--port", "0", "--no-search"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=DEADLINE, check=False,
                            env={**os.environ, "TMPDIR": str(tmp_path / "tmp")})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "content/interviews/test-one/en.txt:11: item 1 has no question mark" in result.stderr
    assert list((tmp_path / "tmp").iterdir()) == []


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_serve_builds_in_a_temporary_folder_removed_on_exit_and_leaves_site_alone(tmp_path, signum):
    write_archive(tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    (site / "CNAME").write_text("archive.example.org\n", encoding="utf-8")
    (site / "index.html").write_text("my published site", encoding="utf-8")
    before = tree_digest(site)
    (tmp_path / "tmp").mkdir()
    with ServeProcess(tmp_path, "--no-search", env={"TMPDIR": str(tmp_path / "tmp")}) as preview:
        preview.started()
        status, _, body = get_url(preview.url)
        assert status == 200 and "Test Archive" in body
        assert [p.name.startswith("minimax-archive-serve-") for p in (tmp_path / "tmp").iterdir()] == [True]
        assert preview.stop(signum) == 0
    assert list((tmp_path / "tmp").iterdir()) == []
    assert tree_digest(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site", "tmp"]
    assert "Traceback" not in preview.output()


def test_absolute_links_lead_to_the_preview_unless_base_url_is_given(tmp_path):
    write_archive(tmp_path)
    with ServeProcess(tmp_path, "--no-search") as preview:
        preview.started()
        page = get_url(preview.url + "en/interviews/test-one/")[2]
        assert f'<link rel="canonical" href="{preview.url}en/interviews/test-one/">' in page
        status, _, missing = get_url(preview.url + "no/such/page/")
        assert status == 404 and '<base href="/">' in missing  # the site's 404 page, its links from the root
    with ServeProcess(tmp_path, "--no-search", "--base-url", "https://example.com/sub/") as preview:
        preview.started()
        page = get_url(preview.url + "en/interviews/test-one/")[2]
        assert '<link rel="canonical" href="https://example.com/sub/en/interviews/test-one/">' in page


def test_host_option_is_used_and_named_in_the_url(tmp_path):
    write_archive(tmp_path)
    with ServeProcess(tmp_path, "--no-search", "--host", "localhost") as preview:
        preview.started()
        assert preview.url.startswith("http://localhost:")
        assert get_url(preview.url)[0] == 200
        assert get_url(preview.url, host="attacker.example")[0] == 403


def get_url(url: str, host: str | None = None) -> tuple[int, dict[str, str], str]:
    """GET a URL, optionally with another Host header than the URL's."""
    split = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(split.hostname, split.port, timeout=DEADLINE)
    try:
        conn.request("GET", split.path or "/", headers={"Host": host or split.netloc})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def test_the_terminal_and_page_text_of_each_kind_of_rebuild_error():
    from minimax_archive.cli import _describe
    from minimax_archive.errors import BuildError

    content = ContentError.single(SourceSpan("content/x/en.txt", 3), "item 1 has no question mark", "add one")
    assert _describe(content) == ("content/x/en.txt:3: item 1 has no question mark (add one)\n"
                                  "1 error, 0 warnings; no files were written")
    assert _describe(BuildError("Pagefind failed: boom")) == "error: Pagefind failed: boom"
    try:
        raise RuntimeError("disk on fire")
    except RuntimeError as exc:
        text = _describe(exc)
    assert text.startswith("error: unexpected RuntimeError: disk on fire (a bug in minimax-archive; please report it)\n")
    assert "Traceback (most recent call last)" in text and "test_serve.py" in text
