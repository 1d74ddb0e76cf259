"""The rows of the spreadsheet review (results.csv, results.xlsx): one per claim, reviewer columns last.

A reviewer fills `reviewer_verdict`, `reviewer_note` and `reviewer`, and `checker review import`
reads them back; `evidence_hash` tells it which evidence the reviewer saw. A decision kept from an
earlier import is filled in again while its evidence is unchanged; when the evidence has changed,
the reviewer columns are left empty and `review_status` says what the stale decision was.

Text cells are neutralised against formula injection (`checker.reviews.neutralise`); numbers stay numbers.
"""

from __future__ import annotations

import os

from checker.models import Result
from checker.report import Run
from checker.reviews import Review, evidence_hash, neutralise

COLUMNS = (
    "id", "verdict", "score", "reason", "claim", "kind", "expected", "evidence", "locator", "source_url",
    "recorded_copy", "archived_snapshot", "sources", "evidence_hash", "review_status",
    "reviewer_verdict", "reviewer_note", "reviewer",
)
LINK_COLUMNS = ("source_url", "recorded_copy", "archived_snapshot")
MAX_CELL = 32_767  # Excel's limit on the characters of a cell


def rows(run: Run) -> list[dict[str, object]]:
    """One dict per claim, keyed by COLUMNS, values as they are (not yet neutralised)."""
    return [row(result, run.reviews.get(result.claim.id), run.report_dir) for result in run.results]


def row(result: Result, review: Review | None, report_dir: str) -> dict[str, object]:
    claim = result.claim
    source = _main_source(result)
    provenance = source.provenance if source else {}
    values: dict[str, object] = {
        "id": claim.id,
        "verdict": result.verdict.value,
        "score": round(result.score, 3),
        "reason": result.reason,
        "claim": claim.claim,
        "kind": claim.kind.value,
        "expected": claim.expected,
        "evidence": "\n\n".join(evidence.text for evidence in result.evidence),
        "locator": "; ".join(_locator(evidence.locator, evidence.start, evidence.end) for evidence in result.evidence),
        "source_url": result.evidence[0].url if result.evidence else (source.url if source else ""),
        "recorded_copy": _relative(source.recording, report_dir) if source and source.recording else "",
        "archived_snapshot": provenance.get("snapshot-url", "") if provenance.get("provenance") == "archived-snapshot"
        else "",
        "sources": "\n".join(f"{check.url} ({'read' if check.status == 'ok' else check.status})"
                             for check in result.sources),
        "evidence_hash": evidence_hash(result),
        "review_status": "",
        "reviewer_verdict": "",
        "reviewer_note": "",
        "reviewer": "",
    }
    if review is not None:
        values.update(_review_cells(review))
    return values


def text_cell(value: str) -> str:
    """A text value as a sheet cell: neutralised, and cut to what a spreadsheet cell holds."""
    value = neutralise(value)
    return value if len(value) <= MAX_CELL else value[: MAX_CELL - 1] + "…"


def _review_cells(review: Review) -> dict[str, str]:
    who = f" by {review.reviewer}" if review.reviewer else ""
    when = f" on {review.reviewed_at}" if review.reviewed_at else ""
    if review.stale:
        return {"review_status": f"stale: {review.verdict.value}{who}{when} was decided on other evidence; "
                                 "the source has changed since"}
    return {"review_status": f"kept: decided{who}{when}", "reviewer_verdict": review.verdict.value,
            "reviewer_note": review.note, "reviewer": review.reviewer}


def _main_source(result: Result):
    """The source the first evidence comes from, else the first source named."""
    if result.evidence:
        for check in result.sources:
            if check.url == result.evidence[0].url:
                return check
    return result.sources[0] if result.sources else None


def _locator(locator: str, start: int, end: int) -> str:
    return f"{locator}, characters {start}-{end}" if locator else f"characters {start}-{end}"


def _relative(recording: str, report_dir: str) -> str:
    return os.path.relpath(recording, report_dir).replace(os.sep, "/")
