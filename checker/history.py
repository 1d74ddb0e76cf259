"""Runs over time: each verify run gets its own report folder, and is compared with the one before.

Layout of the report folder (`--out`, default `reports/`):

    reports/20261124T193000Z/   one folder per run, named by its start time in UTC
    reports/latest              the last complete run: a relative symlink to its folder where the
                                file system allows one, else a copy of it

A run's reports are written into a hidden `.NAME.partial` folder, which is renamed to its
final name only once every report is written; `latest` is then switched by replacing the
symlink (`os.replace`, atomic). An interrupted run thus leaves the earlier runs and `latest`
as they were.

The comparison (`compare_runs`) is pure: two results.json documents in, the differences out.
A source counts as changed when the content hashes its recordings state
(`sources[].provenance["content-sha256"]`) differ between the runs: the store's own change
report compares a re-fetched source with the recording on disk, which in a fresh CI checkout
is the committed one, so it would repeat the same change on every run; it only lends its
text diff here.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from checker.models import Verdict

LATEST = "latest"
RUN_NAME_FORMAT = "%Y%m%dT%H%M%SZ"

DEFAULT_FAILING = frozenset({Verdict.CONTRADICTED, Verdict.NOT_FOUND})
"""The verdicts that count as failing when `--fail-on` names none (JUnit failures, --fail-on-change)."""


@dataclass(frozen=True)
class VerdictChange:
    id: str
    old: str
    new: str


@dataclass(frozen=True)
class SourceDelta:
    """A source whose state differs between two runs: `changed`, `newly_failing` or `recovered`."""

    url: str
    status: str
    old: str  # content hash (changed) or status (newly_failing, recovered) in the previous run
    new: str
    diff: str = ""


@dataclass(frozen=True)
class RunChanges:
    """What differs between the previous run and this one. `previous_run` is None for a first run."""

    previous_run: str | None
    previous_generated_at: str = ""
    verdicts: tuple[VerdictChange, ...] = ()
    sources: tuple[SourceDelta, ...] = ()
    claims_added: tuple[str, ...] = ()
    claims_removed: tuple[str, ...] = ()

    @property
    def first_run(self) -> bool:
        return self.previous_run is None

    @property
    def empty(self) -> bool:
        return not (self.verdicts or self.sources or self.claims_added or self.claims_removed)

    def as_dict(self) -> dict | None:
        """The `changes_since_last_run` entry of results.json (None when there was no earlier run)."""
        if self.first_run:
            return None
        document = asdict(self)
        for name in ("verdicts", "sources", "claims_added", "claims_removed"):
            document[name] = list(document[name])
        return document


# Comparing two results.json documents (pure)


def compare_runs(previous: dict | None, current: dict, previous_run: str = "") -> RunChanges:
    """How `current` differs from `previous` (results.json documents; None: no earlier run)."""
    if previous is None:
        return RunChanges(previous_run=None)
    old_claims, new_claims = _verdicts(previous), _verdicts(current)
    verdicts = tuple(VerdictChange(cid, old_claims[cid], verdict) for cid, verdict in new_claims.items()
                     if cid in old_claims and old_claims[cid] != verdict)
    return RunChanges(
        previous_run=previous_run or previous.get("generated_at", ""),
        previous_generated_at=previous.get("generated_at", ""),
        verdicts=verdicts,
        sources=tuple(_source_deltas(_sources(previous), _sources(current), _diffs(current))),
        claims_added=tuple(cid for cid in new_claims if cid not in old_claims),
        claims_removed=tuple(cid for cid in old_claims if cid not in new_claims),
    )


def regressions(changes: RunChanges, current: dict, failing: Iterable[Verdict]) -> list[str]:
    """New bad news since the previous run, one line each: what `--fail-on-change` fails on.

    A claim whose verdict moved into `failing` (from outside it), a claim added with such a
    verdict, and a source newly failing. With no previous run, every claim with a failing
    verdict is new.
    """
    failing_values = {verdict.value for verdict in failing}
    verdicts = _verdicts(current)
    if changes.first_run:
        return [f"{cid}: {verdict} (no earlier run to compare with)"
                for cid, verdict in verdicts.items() if verdict in failing_values]
    lines = [f"{change.id}: {change.old} -> {change.new}" for change in changes.verdicts
             if change.new in failing_values and change.old not in failing_values]
    lines += [f"{cid}: {verdicts[cid]} (new claim)" for cid in changes.claims_added
              if verdicts[cid] in failing_values]
    lines += [f"{delta.url}: newly failing ({delta.old} -> {delta.new})" for delta in changes.sources
              if delta.status == "newly_failing"]
    return lines


def describe(changes: RunChanges) -> list[str]:
    """The "Changes since the last run" block, for a person, as lines."""
    if changes.first_run:
        return ["Changes since the last run: none to compare with (this is the first run here)"]
    head = f"Changes since the last run ({changes.previous_run})"
    if changes.empty:
        return [f"{head}: none"]
    lines = [f"{head}:"]
    lines += [f"  verdict        {change.id}: {change.old} -> {change.new}" for change in changes.verdicts]
    for delta in changes.sources:
        old, new = (delta.old[:12], delta.new[:12]) if delta.status == "changed" else (delta.old, delta.new)
        lines.append(f"  {delta.status:<13}  {delta.url}  ({old} -> {new})")
    lines += [f"  claim added    {cid}" for cid in changes.claims_added]
    lines += [f"  claim removed  {cid}" for cid in changes.claims_removed]
    return lines


def _verdicts(document: dict) -> dict[str, str]:
    return {claim["id"]: claim["verdict"] for claim in document.get("claims", [])}


def _sources(document: dict) -> dict[str, tuple[str, str]]:
    """Each source URL of a run with its status and its recording's content hash ('' if none stated)."""
    states: dict[str, tuple[str, str]] = {}
    for claim in document.get("claims", []):
        for source in claim.get("sources", []):
            if source.get("url"):
                states.setdefault(source["url"], (source.get("status", ""),
                                                  source.get("provenance", {}).get("content-sha256", "")))
    return states


def _diffs(document: dict) -> dict[str, str]:
    return {change["url"]: change.get("diff", "") for change in document.get("source_changes", [])
            if change.get("status") == "changed"}


def _source_deltas(old: dict[str, tuple[str, str]], new: dict[str, tuple[str, str]],
                   diffs: dict[str, str]) -> Iterable[SourceDelta]:
    for url, (status, digest) in new.items():
        if url not in old:
            continue
        old_status, old_digest = old[url]
        if old_status == "ok" and status != "ok":
            yield SourceDelta(url, "newly_failing", old_status, status)
        elif old_status != "ok" and status == "ok":
            yield SourceDelta(url, "recovered", old_status, status)
        elif status == "ok" and old_digest and digest and old_digest != digest:
            yield SourceDelta(url, "changed", old_digest, digest, diffs.get(url, ""))


# The report folder (I/O)


def run_name(moment: datetime) -> str:
    """A run's folder name: its time in UTC, e.g. 20261124T193000Z (sorts in time order)."""
    return moment.astimezone(timezone.utc).strftime(RUN_NAME_FORMAT)


def previous_results(out: Path) -> dict | None:
    """The results.json of the last complete run in `out`, or None when there is none to read.

    Reports written before runs had folders (`out/results.json`) count as the previous run.
    """
    for path in (out / LATEST / "results.json", out / "results.json"):
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(document, dict):
            return document
    return None


def previous_run_name(out: Path) -> str:
    """The folder `latest` points to ('' when it is not a symlink)."""
    try:
        return os.readlink(out / LATEST)
    except OSError:
        return ""


def run_folder(out: Path, name: str) -> Path:
    """`out/name`, or `out/name-2`, `-3`, ... when a run of the same second already has that folder."""
    folder, count = out / name, 1
    while folder.exists():
        count += 1
        folder = out / f"{name}-{count}"
    return folder


def publish_run(folder: Path, write: Callable[[Path], list[Path]]) -> list[Path]:
    """Write a run's reports into `folder` through a partial folder, then make it `latest`.

    `write(directory)` writes the reports there and returns their paths. Returns the paths as
    they are reached through `latest`.
    """
    out = folder.parent
    partial = out / f".{folder.name}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        written = write(partial)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    os.replace(partial, folder)
    point_latest(folder)
    return [out / LATEST / path.name for path in written]


def point_latest(folder: Path) -> str:
    """Make `folder.parent/latest` show `folder`: 'symlink' (atomic) or 'copy' where links fail."""
    out = folder.parent
    latest = out / LATEST
    staged = out / f".{LATEST}.{os.getpid()}"
    try:
        if staged.is_symlink() or staged.exists():
            staged.unlink()
        staged.symlink_to(folder.name, target_is_directory=True)
    except OSError:
        _copy_latest(folder, latest)
        return "copy"
    if latest.is_dir() and not latest.is_symlink():
        shutil.rmtree(latest)  # a copy left by an earlier run on a file system without links
    os.replace(staged, latest)
    return "symlink"


def _copy_latest(folder: Path, latest: Path) -> None:
    """The fallback: a full copy next to `latest`, swapped in with two renames."""
    staged = latest.parent / f".{LATEST}.copy.{os.getpid()}"
    old = latest.parent / f".{LATEST}.old.{os.getpid()}"
    shutil.rmtree(staged, ignore_errors=True)
    shutil.copytree(folder, staged)
    if latest.is_symlink() or latest.exists():
        os.replace(latest, old)
    os.replace(staged, latest)
    if old.is_symlink():
        old.unlink()
    else:
        shutil.rmtree(old, ignore_errors=True)
