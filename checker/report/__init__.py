"""One writer per report format behind one interface. No writer does I/O;
`write_reports` writes them all, each atomically.

A writer is a module of this package with `FILENAME` (the file it fills in the report folder)
and `render(run: Run) -> str | bytes`. `WRITERS` maps each `--format` name to its module;
adding a format is one module and one line there.
"""

from __future__ import annotations

import importlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from checker.claims import Problem
from checker.errors import UsageError
from checker.fetch.cassette import atomic_write, configured_secrets, redacted, url_secrets
from checker.models import Result, Verdict


@dataclass(frozen=True)
class Run:
    """Everything a report shows: the results, the input problems, and how the run was made."""

    results: tuple[Result, ...]
    problems: tuple[Problem, ...] = ()
    claims_file: str = "claims.csv"
    record_mode: str = "none"
    generated_at: str = ""
    checker_version: str = ""
    report_dir: str = "reports"
    reviews: dict = field(default_factory=dict)  # claim id -> checker.reviews.Review kept from reviewers
    extra: dict = field(default_factory=dict)

    def counts(self) -> dict[Verdict, int]:
        counted = Counter(result.verdict for result in self.results)
        return {verdict: counted.get(verdict, 0) for verdict in Verdict}


def summary_line(run: Run) -> str:
    """'31 claims: 4 supported, 1 contradicted, ...' with every verdict that occurs, in a fixed order."""
    parts = [f"{count} {verdict.value}" for verdict, count in run.counts().items() if count]
    return f"{len(run.results)} claims: " + (", ".join(parts) if parts else "none checked")


WRITERS: dict[str, str] = {
    "json": "json_report",
    "md": "markdown",
    "html": "html",
    "csv": "csv_report",
    "xlsx": "xlsx_report",
    "junit": "junit",
    "claimreview": "claimreview",
}
FORMATS = tuple(WRITERS)


def writer(name: str):
    """The writer module of a format (imported on use: a run loads only the writers it needs)."""
    return importlib.import_module(f"checker.report.{WRITERS[name]}")


def parse_formats(value: str) -> tuple[str, ...]:
    """`--format` as a tuple of known names; json is always included."""
    names = [name.strip().lower() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in FORMATS]
    if unknown:
        raise UsageError(f"unknown report format '{unknown[0]}'; use a comma-separated list of {', '.join(FORMATS)}")
    return tuple(dict.fromkeys(["json", *names]))


def write_reports(run: Run, out_dir: Path, formats: tuple[str, ...]) -> list[Path]:
    """Render every format first, then write each file atomically: a failure leaves old reports intact.

    No report shows a secret: API keys set in the environment, and keys written in the claims' source
    URLs (`?api_key=...`), are shown as REDACTED wherever they occur.
    """
    run = redacted(run, (*configured_secrets(), *url_secrets(url for r in run.results for url in r.claim.sources)))
    rendered = []
    for name in formats:
        module = writer(name)
        content = module.render(run)
        rendered.append((out_dir / module.FILENAME, content.encode("utf-8") if isinstance(content, str) else content))
    for path, data in rendered:
        atomic_write(path, data)
    return [path for path, _ in rendered]
