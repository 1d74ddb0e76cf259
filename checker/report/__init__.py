"""One writer per report format behind one interface: `render(run) -> str`. No writer does I/O;
`write_reports` writes them all, each atomically."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from checker.claims import Problem
from checker.errors import UsageError
from checker.fetch.cassette import atomic_write
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
    extra: dict = field(default_factory=dict)

    def counts(self) -> dict[Verdict, int]:
        counted = Counter(result.verdict for result in self.results)
        return {verdict: counted.get(verdict, 0) for verdict in Verdict}


def summary_line(run: Run) -> str:
    """'31 claims: 4 supported, 1 contradicted, ...' with every verdict that occurs, in a fixed order."""
    parts = [f"{count} {verdict.value}" for verdict, count in run.counts().items() if count]
    return f"{len(run.results)} claims: " + (", ".join(parts) if parts else "none checked")


def _writers() -> dict[str, tuple[str, Callable[[Run], str]]]:
    from checker.report import json_report, markdown

    return {
        "json": ("results.json", json_report.render),
        "md": ("report.md", markdown.render),
    }


FORMATS = ("json", "md")


def parse_formats(value: str) -> tuple[str, ...]:
    """`--format` as a tuple of known names; json is always included."""
    names = [name.strip().lower() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in FORMATS]
    if unknown:
        raise UsageError(f"unknown report format '{unknown[0]}'; use a comma-separated list of {', '.join(FORMATS)}")
    return tuple(dict.fromkeys(["json", *names]))


def write_reports(run: Run, out_dir: Path, formats: tuple[str, ...]) -> list[Path]:
    """Render every format first, then write each file atomically: a failure leaves old reports intact."""
    writers = _writers()
    rendered = [(out_dir / writers[name][0], writers[name][1](run)) for name in formats]
    for path, text in rendered:
        atomic_write(path, text.encode("utf-8"))
    return [path for path, _ in rendered]
