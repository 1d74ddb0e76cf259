"""The command line. Library errors become one message that says the fix, and an exit code.

Exit codes (a documented contract):
  0  every claim checked, none at or past --fail-on
  1  some claim's verdict is at or past --fail-on
  2  bad input or usage: an unreadable claims file, a row with an error, a bad option
  130 interrupted (reports and recordings of earlier runs are left as they were)
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timezone
from pathlib import Path

from checker import __version__
from checker.errors import CheckerError, InputError

EXIT_OK, EXIT_FAIL_ON, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130
VERDICT_NAMES = ("supported", "partially_supported", "needs_review", "source_unavailable", "not_found",
                 "contradicted")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="checker",
        description="Verify an article's claims against their primary sources.",
        epilog="Exit codes: 0 all checked, none at or past --fail-on; 1 verdicts at or past --fail-on; "
               "2 bad input or usage.",
    )
    parser.add_argument("--version", action="version", version=f"checker {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    verify = commands.add_parser(
        "verify", help="check every claim and write the reports",
        description="Check every claim in CLAIMS against its sources and write the reports into --out.",
    )
    verify.add_argument("claims", metavar="CLAIMS.csv", help="the claims file")
    verify.add_argument("--cassettes", default="cassettes", metavar="DIR",
                        help="recorded sources (default: cassettes)")
    verify.add_argument("--record", default="none", choices=("none", "once", "new_episodes", "all"),
                        help="none: replay only, no network (default); once/new_episodes: fetch and record "
                             "sources with no recording; all: re-fetch and re-record every source")
    verify.add_argument("--out", default="reports", metavar="DIR", help="where reports go (default: reports)")
    verify.add_argument("--format", default="json,md", metavar="LIST",
                        help="comma-separated report formats: json (always written), md (default: json,md)")
    verify.add_argument("--fail-on", default="never", metavar="VERDICT",
                        choices=("never", *VERDICT_NAMES),
                        help="exit 1 when a claim's verdict is this or worse, in the order "
                             f"{' < '.join(VERDICT_NAMES)} (default: never)")
    verify.add_argument("--allow-private", action="store_true",
                        help="allow fetching private and loopback addresses (off by default)")
    verify.add_argument("--quiet", action="store_true", help="print only the summary line")

    validate = commands.add_parser(
        "validate", help="report every problem in a claims file",
        description="Report every problem in CLAIMS with its row and column; exit 2 if any is an error.",
    )
    validate.add_argument("claims", metavar="CLAIMS.csv", help="the claims file")

    importer = commands.add_parser(
        "import", help="record an archived copy of a source",
        description="Store FILE as the recorded response for URL, with its provenance (the file, its origin, "
                    "the time of import). Text front matter (a YAML header) is removed and its title kept.",
    )
    importer.add_argument("url", metavar="URL", help="the source's URL, as claims.csv cites it")
    importer.add_argument("file", metavar="FILE", help="the archived copy")
    importer.add_argument("--cassettes", default="cassettes", metavar="DIR",
                          help="recorded sources (default: cassettes)")
    importer.add_argument("--content-type", metavar="TYPE", help="the copy's media type (default: from its name)")
    importer.add_argument("--origin", default="", metavar="TEXT", help="where the copy came from")
    importer.add_argument("--note", default="", metavar="TEXT", help="a note kept with the recording")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:
        return int(exit.code or 0)
    handlers = {"verify": run_verify, "validate": run_validate, "import": run_import}
    try:
        return handlers[args.command](args)
    except InputError as exc:
        print(f"checker: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except CheckerError as exc:
        print(f"checker: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("checker: interrupted; reports and recordings of earlier runs are left as they were",
              file=sys.stderr)
        return EXIT_INTERRUPTED


def run_validate(args: argparse.Namespace) -> int:
    from checker.claims import load_claims

    loaded = load_claims(args.claims)
    _print_problems(loaded.problems, args.claims)
    print(f"{args.claims}: {len(loaded.claims)} claims ready, {len(loaded.errors)} errors, "
          f"{len(loaded.warnings)} warnings")
    return EXIT_INPUT if loaded.errors else EXIT_OK


def run_verify(args: argparse.Namespace) -> int:
    from checker.claims import load_claims
    from checker.fetch.http import FetchSettings, HttpClient
    from checker.fetch.store import SourceStore
    from checker.models import Verdict
    from checker.pipeline import verify
    from checker.report import Run, parse_formats, summary_line, write_reports
    from checker.verdict import at_or_past

    formats = parse_formats(args.format)
    loaded = load_claims(args.claims)
    _print_problems(loaded.problems, args.claims)
    client = None if args.record == "none" else HttpClient(FetchSettings(allow_private=args.allow_private))
    store = SourceStore(Path(args.cassettes), args.record, client)
    results = verify(loaded.claims, store)
    run = Run(
        results=tuple(results),
        problems=loaded.problems,
        claims_file=args.claims,
        record_mode=args.record,
        generated_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        checker_version=__version__,
        report_dir=args.out,
    )
    written = write_reports(run, Path(args.out), formats)
    if not args.quiet:
        _print_results(results)
    print(summary_line(run))
    print("Reports: " + ", ".join(str(path) for path in written))
    if loaded.errors:
        print(f"checker: {len(loaded.errors)} row error(s) in {args.claims}; those rows were not checked",
              file=sys.stderr)
        return EXIT_INPUT
    if args.fail_on != "never":
        threshold = Verdict(args.fail_on)
        if any(at_or_past(result.verdict, threshold) for result in results):
            return EXIT_FAIL_ON
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    from checker.claims import url_problem
    from checker.fetch.importer import archived_copy, guess_content_type
    from checker.fetch.store import store_archived_copy

    complaint = url_problem(args.url)
    if complaint:
        raise InputError(f"{complaint}: {args.url!r}")
    path = Path(args.file)
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror})") from None
    recording = archived_copy(
        args.url, content,
        source_name=path.name,
        content_type=args.content_type or guess_content_type(path),
        origin=args.origin,
        note=args.note,
    )
    cassette = store_archived_copy(Path(args.cassettes), recording)
    print(f"Recorded {path.name} as {args.url}\n  in {cassette} (archived copy, {len(recording.body):,} bytes, "
          f"{recording.content_type})")
    return EXIT_OK


def _print_problems(problems, filename: str) -> None:
    for problem in problems:
        print(problem.describe(filename), file=sys.stderr)


def _print_results(results) -> None:
    width = max((len(r.claim.id) for r in results), default=0)
    for result in results:
        print(f"{result.claim.id:<{width}}  {result.verdict.value:<19}  {result.score:4.2f}  {result.reason}")


if __name__ == "__main__":
    sys.exit(main())
