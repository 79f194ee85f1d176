"""Command line: ``minimax-archive build | check | serve``.

Maps the project's errors to a message on stderr and an exit status; holds no
logic of its own. Exit status: 0 success, 1 content or build error (a disk
error, a broken Pagefind, another build running; or, with ``check --strict``,
warnings), 2 wrong usage, 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback

from . import __version__
from .build import BuildResult, build
from .errors import BuildError, ContentError, Problem, count
from .loader import load_archive

BASE_URL_VARIABLE = "MINIMAX_ARCHIVE_BASE_URL"
"""Environment variable for --base-url: how the deploy workflow passes the Pages address to `build`."""


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except ContentError as exc:
        _report(exc.problems)
        return 1
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # reading content/ or templates/ failed: no traceback, name the file
        print(f"error: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        if args.verb == "build":
            print(f"interrupted; {args.out}/ is unchanged", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="minimax-archive",
                                     description="Build a bilingual, searchable archive of interview summaries.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="{build,check,serve}")

    b = verbs.add_parser("build", help="build the site (pages and search index)")
    _build_options(b)
    b.set_defaults(run=_build)

    c = verbs.add_parser("check", help="load and validate the content; write nothing")
    c.add_argument("--content", default="content", metavar="DIR", help="content folder (default: content)")
    c.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    c.set_defaults(run=_check)

    s = verbs.add_parser("serve", help="preview: build into a temporary folder, serve it, rebuild on changes")
    _build_options(s, out=False)
    s.add_argument("--host", default=None,
                   help="address to listen on (default: 127.0.0.1; 0.0.0.0 for every address of this machine)")
    s.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one)")
    s.add_argument("--no-watch", action="store_true", help="do not rebuild when content or templates change")
    s.set_defaults(run=_serve)
    return parser


def _build_options(p: argparse.ArgumentParser, out: bool = True) -> None:
    p.add_argument("--content", default="content", metavar="DIR", help="content folder (default: content)")
    p.add_argument("--templates", default=None, metavar="DIR",
                   help="templates folder (default: ./templates if present, else the built-in templates)")
    if out:
        p.add_argument("--out", default="site", metavar="DIR", help="output folder (default: site)")
        p.add_argument("--no-cache", action="store_true",
                       help="render everything; the cache of the last build (.<out>.cache beside the "
                            "output folder) is neither read nor updated")
    else:  # accepted only to refuse it clearly: serve builds into a temporary folder of its own
        p.add_argument("--out", default=None, help=argparse.SUPPRESS)
    p.add_argument("--base-url", default=os.environ.get(BASE_URL_VARIABLE) or None, metavar="URL",
                   help=f"absolute URL the site is published at (overrides archive.yaml; default: ${BASE_URL_VARIABLE})")
    p.add_argument("--no-search", action="store_true", help="skip the search index")


def _build(args: argparse.Namespace) -> int:
    result = build(args.content, args.out, args.templates, args.base_url, search=not args.no_search,
                   cache=not args.no_cache)
    _report(result.warnings)
    for note in result.notes:
        print(f"note: {note}")
    print(f"built {args.out}/: {result.pages} pages, {result.answers} answers indexed, "
          f"{count(len(result.warnings), 'warning')} in {result.seconds:.2f}s{_unchanged(result)}")
    return 0


def _unchanged(result: BuildResult) -> str:
    """What an incremental build took from the last one, e.g. " (999 of 1000 interviews unchanged)"."""
    if not result.unchanged:
        return ""
    return f" ({result.unchanged} of {result.interviews} interviews unchanged)"


def _check(args: argparse.Namespace) -> int:
    archive, warnings = load_archive(args.content)
    _report(warnings)
    print(f"checked {args.content}/: {len(archive.interviews)} interviews, {archive.answer_count} answers, "
          f"0 errors, {count(len(warnings), 'warning')}")
    return 1 if (args.strict and warnings) else 0


def _serve(args: argparse.Namespace) -> int:
    from .build import resolve_templates
    from .serve import Preview, ServeError

    # Everything that can be wrong with the command is said before the first build.
    if args.out is not None:
        print(f"error: serve does not write --out {args.out}: it builds into a temporary folder of its own, "
              "removed on exit (use 'build --out DIR' to write a site)", file=sys.stderr)
        return 2
    if not 0 <= args.port <= 65535:
        print(f"error: --port {args.port}: a port is a number from 0 to 65535 (0 picks a free one)", file=sys.stderr)
        return 2
    watched = [args.content, resolve_templates(args.templates)]

    def build_into(out: str) -> None:
        # Absolute links (canonical, feeds, the 404 page's) lead to the preview itself, as in Hugo and Zola.
        base_url = args.base_url or (None if preview.everywhere else preview.url)
        served = preview.served  # the last build: what did not change is taken from it
        result = build(args.content, out, args.templates, base_url, search=not args.no_search,
                       cache_dir=os.path.join(preview.folder, "cache"), previous=served.root if served else None)
        _report(result.warnings)
        print(f"built {result.pages} pages, {result.answers} answers indexed, "
              f"{count(len(result.warnings), 'warning')} in {result.seconds:.2f}s{_unchanged(result)}", flush=True)

    try:
        preview = Preview(build_into, _describe, args.host or "127.0.0.1", args.port, explicit_host=bool(args.host))
    except ServeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    with preview:
        preview.build()  # a broken archive stops here, as with build; later errors only pause the preview
        if not args.no_watch:
            preview.watch(watched)
        print(f"serving {preview.url} (Ctrl-C to stop)", flush=True)
        preview.serve_forever()
    return 0


def _describe(exc: Exception) -> str:
    """A rebuild's error as the terminal shows it (and the preview shows it over the page)."""
    if isinstance(exc, ContentError):
        return _problems_text(exc.problems)
    if isinstance(exc, BuildError):
        return f"error: {exc}"
    trace = "".join(traceback.format_exception(exc)).rstrip()
    return f"error: unexpected {type(exc).__name__}: {exc} (a bug in minimax-archive; please report it)\n{trace}"


def _report(problems: list[Problem]) -> None:
    """Print problems grouped by file, in line order, then a count if there were errors."""
    if problems:
        print(_problems_text(problems), file=sys.stderr)


def _problems_text(problems: list[Problem]) -> str:
    lines = [str(p) for p in sorted(problems, key=lambda p: (p.span.path, p.span.line or 0))]
    errors = sum(not p.warning for p in problems)
    if errors:
        lines.append(f"{count(errors, 'error')}, {count(len(problems) - errors, 'warning')}; no files were written")
    return "\n".join(lines)
