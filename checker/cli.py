"""The command line. Library errors become one message that says the fix, and an exit code.

Exit codes (a documented contract):
  0  every claim checked, none with a --fail-on verdict (fetch: the source was read); with
     --fail-on-change, no new regression since the previous run
  1  some claim has a --fail-on verdict (fetch: the source cannot be read); with --fail-on-change,
     a claim moved to a --fail-on verdict or a source newly fails since the previous run
  2  bad input or usage: an unreadable claims file, a row with an error, a bad option
  130 interrupted by Ctrl-C (SIGINT); 143 stopped by SIGTERM, handled the same way: what was not
      finished is said on stderr, and the reports, reviews and recordings of earlier runs are left as
      they were (every file is written whole or not at all)
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from checker import __version__
from checker.errors import CheckerError, InputError

EXIT_OK, EXIT_FAIL_ON, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130
EXIT_TERMINATED = 128 + signal.SIGTERM
EXIT_UNREADABLE = 1  # `fetch`: the source cannot be read
RECORD_MODES = ("none", "once", "new_episodes", "all")
VERDICT_NAMES = ("supported", "partially_supported", "needs_review", "source_unavailable", "not_found",
                 "contradicted")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="checker",
        description="Verify an article's claims against their primary sources.",
        epilog="Exit codes: 0 all checked, none with a --fail-on verdict; 1 some --fail-on verdict (with "
               "--fail-on-change: a new regression since the last run); 2 bad input or usage.",
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
    verify.add_argument("--record", default="none", choices=RECORD_MODES,
                        help="none: replay only, no network (default); once/new_episodes: fetch and record "
                             "sources with no recording; all: re-fetch and re-record every source")
    verify.add_argument("--out", default="reports", metavar="DIR",
                        help="where reports go: each run in DIR/<UTC time>/, the last one also as DIR/latest "
                             "(default: reports)")
    verify.add_argument("--format", default="json,md", metavar="LIST",
                        help="comma-separated report formats: json (always written), md, html, csv, xlsx, junit, "
                             "claimreview (default: json,md)")
    verify.add_argument("--fail-on", default="never", metavar="VERDICTS", type=_fail_on,
                        help="exit 1 when a claim gets one of these verdicts: one verdict means it or worse, in "
                             f"the order {' < '.join(VERDICT_NAMES)}; a comma-separated list means exactly "
                             "those (default: never)")
    verify.add_argument("--fail-on-change", action="store_true",
                        help="exit 1 only for what got worse since the previous run: a claim that moved to a "
                             "--fail-on verdict (contradicted or not_found when --fail-on is never), or a source "
                             "that newly fails")
    verify.add_argument("--article-url", default="", metavar="URL",
                        help="the article the claims come from (claimreview: where each claim appeared)")
    verify.add_argument("--review-url", default="", metavar="URL",
                        help="where the fact check is published (claimreview: each review's url is "
                             "URL#claim-<id>; default: report.html#claim-<id>)")
    verify.add_argument("--publisher", default="", metavar="NAME",
                        help="who publishes the fact check (claimreview author; default: checker)")
    verify.add_argument("--contact", default=os.environ.get("CHECKER_CONTACT", ""), metavar="URL_OR_EMAIL",
                        help="how site owners can reach you, sent in the User-Agent when fetching "
                             "(default: $CHECKER_CONTACT)")
    verify.add_argument("--allow-private", action="store_true",
                        help="allow fetching private and loopback addresses (off by default)")
    verify.add_argument("--archive-fallback", action="store_true",
                        help="when recording, fetch the Internet Archive snapshot nearest the claim's date "
                             "for a source that is dead or blocked (off by default)")
    verify.add_argument("--quiet", action="store_true", help="print only the summary line")
    verify.add_argument("--reviews", metavar="FILE",
                        help="reviewers' decisions to show beside checker's (default: reviews.csv beside the "
                             "claims file, if there is one)")
    verify.add_argument("--engine", default="local", choices=("local", "dask"),
                        help="where claims are checked: local, this process (default); dask, a Dask cluster: the "
                             "one at --scheduler, else one started on this machine (needs checker[dask])")
    verify.add_argument("--scheduler", metavar="ADDRESS",
                        help="the Dask scheduler to use with --engine dask, e.g. tcp://10.0.0.5:8786; its workers "
                             "must read --cassettes at the same path")

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

    review = commands.add_parser("review", help="read reviewers' decisions back from a reviewed sheet")
    review_commands = review.add_subparsers(dest="review_command", metavar="ACTION", required=True)
    review_import = review_commands.add_parser(
        "import", help="keep the reviewer columns of a reviewed results.csv or results.xlsx",
        description="Read reviewer_verdict, reviewer_note and reviewer from FILE (the results.csv or results.xlsx "
                    "that verify wrote, filled in by a reviewer), check every row, and keep the decisions in "
                    "reviews.csv, keyed by claim id and the hash of the evidence the reviewer saw. A row with no "
                    "reviewer_verdict is skipped. With any problem nothing is imported (exit 2).",
    )
    review_import.add_argument("file", metavar="FILE", help="the reviewed results.csv or results.xlsx")
    review_import.add_argument("--claims", default="claims.csv", metavar="CLAIMS.csv",
                               help="the claims file the sheet was made from (default: claims.csv)")
    review_import.add_argument("--reviews", metavar="FILE",
                               help="where decisions are kept (default: reviews.csv beside the claims file)")

    fetch = commands.add_parser(
        "fetch", help="print the extracted text of one source",
        description="Print the text checker extracts from URL (from its recording, by default), for a person to "
                    "look at. Where it came from, or why it cannot be read, goes to stderr; exit 1 when it "
                    "cannot be read.",
    )
    fetch.add_argument("url", metavar="URL", help="the source's URL, as claims.csv cites it")
    fetch.add_argument("--cassettes", default="cassettes", metavar="DIR", help="recorded sources (default: cassettes)")
    fetch.add_argument("--record", default="none", choices=RECORD_MODES,
                       help="none: the recording only, no network (default); once/new_episodes: fetch and record "
                            "it if it has no recording; all: re-fetch and re-record it")
    fetch.add_argument("--as-of", type=_iso_date, metavar="DATE",
                       help="the claim's date, YYYY-MM-DD: picks the archived snapshot with --archive-fallback")
    fetch.add_argument("--archive-fallback", action="store_true",
                       help="when recording, fetch the Internet Archive snapshot if the source is dead or blocked")
    fetch.add_argument("--contact", default=os.environ.get("CHECKER_CONTACT", ""), metavar="URL_OR_EMAIL",
                        help="how site owners can reach you, sent in the User-Agent when fetching "
                             "(default: $CHECKER_CONTACT)")
    fetch.add_argument("--allow-private", action="store_true",
                       help="allow fetching private and loopback addresses (off by default)")

    draft = commands.add_parser(
        "draft", help="draft a claims file from an article",
        description="Read ARTICLE (a text, Markdown or HTML file, or a URL replayed from its recording) and "
                    "write the claims it makes as claims.csv rows: quotes with their speakers, figures, titles "
                    "of named people, named bills and documents. Sources are left empty; the notes column says "
                    "why each row was drafted. Review the draft, add sources, then `checker verify` it.",
    )
    draft.add_argument("article", metavar="FILE|URL", help="the article: a file, or the URL of a recorded page")
    draft.add_argument("-o", "--output", metavar="FILE",
                       help="where the draft goes (default: standard output)")
    draft.add_argument("--merge", metavar="CLAIMS.csv",
                       help="an existing claims file: rows it already has are not drafted again, and new ids "
                            "do not collide with its ids")
    draft.add_argument("--cassettes", default="cassettes", metavar="DIR",
                       help="recorded sources, for a URL (default: cassettes)")
    draft.add_argument("--content-type", metavar="TYPE",
                       help="the file's media type (default: from its name; .txt/.md text, .html HTML)")
    return parser


def _fail_on(value: str) -> frozenset:
    """--fail-on: never; one verdict (it and every worse one); or a comma-separated list (exactly those)."""
    from checker.models import Verdict
    from checker.verdict import SEVERITY, at_or_past

    names = [name.strip().lower() for name in value.split(",") if name.strip()]
    if names == ["never"]:
        return frozenset()
    unknown = [name for name in names if name not in VERDICT_NAMES] or ([] if names else [value])
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown verdict '{unknown[0]}'; use never, one verdict, or a "
                                         f"comma-separated list of {', '.join(VERDICT_NAMES)}")
    if len(names) == 1:
        return frozenset(verdict for verdict in SEVERITY if at_or_past(verdict, Verdict(names[0])))
    return frozenset(Verdict(name) for name in names)


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date; use YYYY-MM-DD") from None


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:
        return int(exit.code or 0)
    handlers = {"verify": run_verify, "validate": run_validate, "import": run_import, "fetch": run_fetch,
                "review": run_review, "draft": run_draft}
    previous_handler = _handle_sigterm()
    try:
        return handlers[args.command](args)
    except InputError as exc:
        print(f"checker: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except CheckerError as exc:
        print(f"checker: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt as exc:
        how = "terminated (SIGTERM)" if isinstance(exc, Terminated) else "interrupted"
        stage = getattr(args, "stage", None)
        said = stage.describe() if stage is not None else "reports and recordings of earlier runs are left as " \
                                                          "they were"
        print(f"checker: {how}: {said}", file=sys.stderr)
        return EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED
    finally:
        if previous_handler is not None:
            signal.signal(signal.SIGTERM, previous_handler)


class Terminated(KeyboardInterrupt):
    """SIGTERM (a CI job cancelled, a container stopped), raised where Ctrl-C would be: handled alike."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated()


def _handle_sigterm():
    """Make SIGTERM raise Terminated; the handler it replaces (None when not in the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, _raise_terminated)


@dataclass
class Stage:
    """How far a verify run got, for the message an interruption prints."""

    recording: bool = False  # sources are fetched from the network, not only replayed
    started: bool = False  # the claims file is read
    sources: int = 0
    claims: int = 0
    read: list[str] = field(default_factory=list)  # appended from the fetching threads
    checked: int = 0
    halted: bool = False  # no more sources will be counted
    writing: bool = False
    published: bool = False

    def describe(self) -> str:
        kept = "reports and reviews of earlier runs are left as they were"
        if self.published:
            return "stopped after the reports were written"
        if not self.started:
            return f"stopped while reading the claims file; no report written; {kept}, and so are the recordings"
        fetching = len(self.read) < self.sources and not self.writing
        doing = "writing the reports" if self.writing else "reading sources" if fetching else "checking claims"
        recordings = ("; a fetch under way finishes and replaces its recording whole, other recordings are left "
                      "as they were") if fetching and self.recording else ", and so are the recordings"
        return (f"stopped while {doing}; {len(self.read)} of {self.sources} source(s) read, {self.checked} of "
                f"{self.claims} claim(s) checked; no report written; {kept}{recordings}")


def run_draft(args: argparse.Namespace) -> int:
    from checker.claims import load_claims
    from checker.draft import KIND_ORDER, draft_claims, to_csv

    text, origin = _article_text(args)
    existing = ()
    if args.merge:
        if args.output and Path(args.output).resolve() == Path(args.merge).resolve():
            raise InputError(f"-o {args.output} would overwrite the --merge file; write the draft to another file")
        existing = load_claims(args.merge).claims
    rows = draft_claims(text, existing)
    kinds = [row.kind for row in rows]
    counts = ", ".join(f"{kinds.count(kind)} {kind.value}" for kind in KIND_ORDER if kind in kinds) or "nothing"
    summary = f"Drafted {len(rows)} claims from {origin}: {counts}"
    if args.merge:
        summary += f"; {len(draft_claims(text)) - len(rows)} already in {args.merge} left out"
    if not args.output:
        sys.stdout.write(to_csv(rows))
        print(summary, file=sys.stderr)
        return EXIT_OK
    try:
        Path(args.output).write_text(to_csv(rows), encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{args.output}: cannot write it ({exc.strerror})") from None
    print(f"{summary}\nWrote {args.output}: review it, add sources, then `checker verify {args.output}`")
    return EXIT_OK


def _article_text(args: argparse.Namespace) -> tuple[str, str]:
    """The text of the article to draft from (a file, or a recorded URL), and what to call it."""
    from checker.claims import url_problem
    from checker.extract import UnsupportedContent, extract_document
    from checker.fetch.importer import guess_content_type
    from checker.fetch.store import SourceStore
    from checker.models import FetchFailure

    source = args.article
    if source.lower().startswith(("http://", "https://")):
        complaint = url_problem(source)
        if complaint:
            raise InputError(f"{complaint}: {source!r}")
        outcome = SourceStore(Path(args.cassettes)).fetch(source)
        if isinstance(outcome, FetchFailure):
            raise InputError(f"{source}: {outcome.reason.value}: {outcome.detail}; record it first with "
                             f"`checker fetch {source} --record once`, or `checker import {source} FILE`")
        content, content_type = outcome.recording.body, args.content_type or outcome.recording.content_type
    else:
        path = Path(source)
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot read it ({exc.strerror})") from None
        content_type = args.content_type or guess_content_type(path)
    try:
        return extract_document(content, content_type, source).text, source
    except UnsupportedContent as exc:
        raise InputError(f"{source}: {exc}") from None


def run_validate(args: argparse.Namespace) -> int:
    from checker.claims import load_claims

    loaded = load_claims(args.claims)
    _print_problems(loaded.problems, args.claims)
    print(f"{args.claims}: {len(loaded.claims)} claims ready, {len(loaded.errors)} errors, "
          f"{len(loaded.warnings)} warnings")
    return EXIT_INPUT if loaded.errors else EXIT_OK


def run_verify(args: argparse.Namespace) -> int:
    from checker import history
    from checker.claims import load_claims
    from checker.fetch.http import FetchSettings, HttpClient
    from checker.fetch.store import SourceStore
    from checker.pipeline import sources_as_of, verify
    from checker.progress import reporter
    from checker.report import Run, parse_formats, summary_line, write_reports
    from checker.report.json_report import result_dict

    formats = parse_formats(args.format)
    stage = args.stage = Stage()
    loaded = load_claims(args.claims)
    _print_problems(loaded.problems, args.claims)
    secrets = _secrets(url for claim in loaded.claims for url in claim.sources)
    client = None if args.record == "none" else HttpClient(_fetch_settings(args))
    store = SourceStore(Path(args.cassettes), args.record, client, fallback=args.archive_fallback)
    progress = reporter(quiet=args.quiet)
    stage.started, stage.sources, stage.claims = True, len(sources_as_of(loaded.claims)), len(loaded.claims)
    stage.recording = client is not None
    progress.start(stage.sources, stage.claims)

    def source_read(url: str) -> None:
        if not stage.halted:  # a fetch in flight when the run was stopped ends in silence
            stage.read.append(url)
            progress.source(redacted(url, secrets))

    def claim_checked(result) -> None:
        stage.checked += 1
        progress.claim(result)

    try:
        results = verify(loaded.claims, store, progress=source_read, checked=claim_checked,
                         engine=args.engine, scheduler=args.scheduler)
    finally:
        stage.halted = True
        progress.close()
        if client is not None:
            client.close()
    stage.writing = True
    results, changes = redacted((results, store.changes), secrets)  # from here on, what people see
    reviews = _run_reviews(args, results)
    out, started = Path(args.out), datetime.now(timezone.utc)
    current = {"claims": [result_dict(result) for result in results],
               "source_changes": [change.as_dict() for change in changes]}
    since = history.compare_runs(history.previous_results(out), current, history.previous_run_name(out))
    folder = history.run_folder(out, history.run_name(started))
    run = Run(
        results=tuple(results),
        problems=loaded.problems,
        claims_file=args.claims,
        record_mode=args.record,
        generated_at=started.isoformat(timespec="seconds"),
        checker_version=__version__,
        report_dir=str(folder),
        reviews=reviews,
        extra={
            **({"source_changes": current["source_changes"]} if changes else {}),
            "changes_since_last_run": since.as_dict(),
            "fail_on": sorted(verdict.value for verdict in args.fail_on),
            "claimreview": {"article_url": args.article_url, "review_url": args.review_url,
                            "publisher": args.publisher},
        },
    )
    written = history.publish_run(folder, lambda directory: write_reports(run, directory, formats))
    stage.published = True
    if not args.quiet:
        _print_results(results)
        _print_changes(changes)
        print("\n".join(history.describe(since)))
    print(summary_line(run))
    print("Reports: " + ", ".join(str(path) for path in written) + f" (run {folder.name})")
    unrecorded = {c.url for r in results for c in r.sources if c.status == "not_recorded"}
    if unrecorded:
        print(f"checker: {len(unrecorded)} source(s) have no recording: fetch them with --record once, "
              "or `checker import URL FILE` an archived copy", file=sys.stderr)
    if loaded.errors:
        print(f"checker: {len(loaded.errors)} row error(s) in {args.claims}; those rows were not checked",
              file=sys.stderr)
        return EXIT_INPUT
    if args.fail_on_change:
        news = history.regressions(since, current, args.fail_on or history.DEFAULT_FAILING)
        if not news:
            return EXIT_OK
        print(f"checker: {len(news)} new regression(s) since the last run:", file=sys.stderr)
        for line in news:
            print(f"  {line}", file=sys.stderr)
        return EXIT_FAIL_ON
    return EXIT_FAIL_ON if any(result.verdict in args.fail_on for result in results) else EXIT_OK


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


def run_review(args: argparse.Namespace) -> int:
    from checker.claims import load_claims
    from checker.reviews import import_reviews

    loaded = load_claims(args.claims)
    reviews_path = _reviews_path(args)
    summary = import_reviews(Path(args.file), reviews_path, {claim.id for claim in loaded.claims},
                             reviewed_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                             claims_file=args.claims)
    print(f"{args.file}: {len(summary.added)} added, {len(summary.updated)} updated, "
          f"{len(summary.unchanged)} unchanged, {summary.skipped_rows} row(s) with no reviewer_verdict skipped")
    for label, ids in (("added", summary.added), ("updated", summary.updated)):
        if ids:
            print(f"  {label}: {', '.join(ids)}")
    print(f"Reviews: {reviews_path}" + ("" if summary.added or summary.updated else " (unchanged)"))
    return EXIT_OK


def _reviews_path(args: argparse.Namespace) -> Path:
    """--reviews, else reviews.csv in the project root: the claims file's folder."""
    return Path(args.reviews) if args.reviews else Path(args.claims).parent / "reviews.csv"


def _run_reviews(args: argparse.Namespace, results) -> dict:
    from checker.reviews import load_reviews, with_staleness

    return with_staleness(load_reviews(_reviews_path(args)), results)


def run_fetch(args: argparse.Namespace) -> int:
    from checker.claims import url_problem
    from checker.extract import UnsupportedContent, extract_text
    from checker.fetch.http import FetchSettings, HttpClient
    from checker.fetch.store import SourceStore
    from checker.models import FailureReason, FetchFailure

    secrets = _secrets([args.url])
    shown = redacted(args.url, secrets)
    complaint = url_problem(args.url)
    if complaint:
        raise InputError(f"{complaint}: {shown!r}")
    client = None if args.record == "none" else HttpClient(_fetch_settings(args))
    store = SourceStore(Path(args.cassettes), args.record, client, fallback=args.archive_fallback)
    outcome = redacted(store.fetch(args.url, as_of=args.as_of), secrets)
    for change in redacted(store.changes, secrets):
        print(f"checker: {change.describe()}", file=sys.stderr)
    if isinstance(outcome, FetchFailure):
        kept = f" (recording kept: {outcome.recording})" if outcome.recording else ""
        print(f"checker: {shown}: {outcome.reason.value}: {outcome.detail}{kept}", file=sys.stderr)
        if outcome.reason is FailureReason.NOT_RECORDED:
            print("checker: fetch it with --record once, or `checker import URL FILE` an archived copy",
                  file=sys.stderr)
        return EXIT_UNREADABLE
    recording = outcome.recording
    try:
        text = extract_text(recording.body, recording.content_type, recording.url)
    except UnsupportedContent as exc:
        print(f"checker: {shown}: error: {redacted(str(exc), secrets)} ({outcome.cassette})", file=sys.stderr)
        return EXIT_UNREADABLE
    how = "recording" if outcome.replayed else "fetched and recorded in"
    print(f"checker: {shown}: {how} {outcome.cassette} ({_provenance(recording.provenance)}; "
          f"{recording.content_type}; {len(text):,} characters)", file=sys.stderr)
    text = redacted(text, secrets)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK


def _secrets(urls) -> tuple[str, ...]:
    """What must not be shown: the API keys set in the environment and the keys written in `urls`."""
    from checker.fetch.cassette import configured_secrets, url_secrets

    return (*configured_secrets(), *url_secrets(urls))


def redacted(value, secrets: tuple[str, ...]):
    """`value` (a string, a result, a tuple of them...) with every secret shown as REDACTED."""
    from checker.fetch.cassette import redacted as redact

    return redact(value, secrets)


def _provenance(provenance: dict[str, str]) -> str:
    """Where a recording's bytes came from, in a few words."""
    kind = provenance.get("provenance", "")
    if kind == "archived-copy":
        parts = ["archived copy", f"imported {provenance['imported-at']}" if provenance.get("imported-at") else "",
                 f"from {provenance['origin']}" if provenance.get("origin") else ""]
    elif kind == "archived-snapshot":
        parts = [f"archived snapshot {provenance.get('snapshot-timestamp', '')}", provenance.get("snapshot-url", ""),
                 provenance.get("note", "")]
    else:
        parts = [f"{kind or 'live'} capture",
                 f"recorded {provenance['recorded-at']}" if provenance.get("recorded-at") else ""]
    return " ".join(part for part in parts if part)


def _print_changes(changes) -> None:
    shown = [change for change in changes if change.status != "unchanged"]
    if not shown:
        return
    print(f"Sources changed since the last recording ({len(shown)} of {len(changes)} re-recorded):")
    for change in shown:
        print(f"  {change.describe()}")
        for line in change.diff.splitlines():
            print(f"      {line}")


def _fetch_settings(args: argparse.Namespace):
    from checker.fetch.http import FetchSettings, user_agent

    return FetchSettings(allow_private=args.allow_private, user_agent=user_agent(args.contact))


def _print_problems(problems, filename: str) -> None:
    for problem in problems:
        print(problem.describe(filename), file=sys.stderr)


def _print_results(results) -> None:
    width = max((len(r.claim.id) for r in results), default=0)
    for result in results:
        print(f"{result.claim.id:<{width}}  {result.verdict.value:<19}  {result.score:4.2f}  {result.reason}")


if __name__ == "__main__":
    sys.exit(main())
