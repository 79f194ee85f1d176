"""Command line: ``minimax-archive build | check | serve``.

Maps the project's errors to a message on stderr and an exit status; holds no
logic of its own. Exit status: 0 success, 1 content or build error (or, with
``check --strict``, warnings), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import os
import sys

from . import __version__
from .build import build
from .errors import BuildError, ContentError, Problem, count
from .loader import load_archive

BASE_URL_VARIABLE = "MINIMAX_ARCHIVE_BASE_URL"
"""Environment variable for --base-url: how the deploy workflow passes the Pages address to `build`."""


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except ContentError as exc:
        _report(exc.problems)
        return 1
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
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

    s = verbs.add_parser("serve", help="build, then serve the site on 127.0.0.1")
    _build_options(s)
    s.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one)")
    s.add_argument("--no-watch", action="store_true", help="do not rebuild when content or templates change")
    s.set_defaults(run=_serve)
    return parser


def _build_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--content", default="content", metavar="DIR", help="content folder (default: content)")
    p.add_argument("--templates", default=None, metavar="DIR",
                   help="templates folder (default: ./templates if present, else the built-in templates)")
    p.add_argument("--out", default="site", metavar="DIR", help="output folder (default: site)")
    p.add_argument("--base-url", default=os.environ.get(BASE_URL_VARIABLE) or None, metavar="URL",
                   help=f"absolute URL the site is published at (overrides archive.yaml; default: ${BASE_URL_VARIABLE})")
    p.add_argument("--no-search", action="store_true", help="skip the search index")


def _build(args) -> int:
    result = build(args.content, args.out, args.templates, args.base_url, search=not args.no_search)
    _report(result.warnings)
    for note in result.notes:
        print(f"note: {note}")
    print(f"built {args.out}/: {result.pages} pages, {result.answers} answers indexed, "
          f"{count(len(result.warnings), 'warning')} in {result.seconds:.2f}s")
    return 0


def _check(args) -> int:
    archive, warnings = load_archive(args.content)
    _report(warnings)
    print(f"checked {args.content}/: {len(archive.interviews)} interviews, {archive.answer_count} answers, "
          f"0 errors, {count(len(warnings), 'warning')}")
    return 1 if (args.strict and warnings) else 0


def _serve(args) -> int:
    from .build import resolve_templates
    from .serve import serve

    _build(args)
    watched = [args.content, resolve_templates(args.templates)]

    def rebuild() -> None:
        try:
            _build(args)
        except ContentError as exc:
            _report(exc.problems)
        except BuildError as exc:
            print(f"error: {exc}", file=sys.stderr)

    serve(args.out, args.port, None if args.no_watch else watched, rebuild)
    return 0


def _report(problems: list[Problem]) -> None:
    """Print problems grouped by file, in line order, then a count if there were errors."""
    for problem in sorted(problems, key=lambda p: (p.span.path, p.span.line or 0)):
        print(problem, file=sys.stderr)
    errors = sum(not p.warning for p in problems)
    if errors:
        print(f"{count(errors, 'error')}, {count(len(problems) - errors, 'warning')}; no files were written",
              file=sys.stderr)
