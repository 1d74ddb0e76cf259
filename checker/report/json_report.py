"""results.json: the machine-readable contract (DESIGN section 6)."""

from __future__ import annotations

import json

from checker.models import Evidence, Result, SourceCheck
from checker.report import Run, summary_line

FILENAME = "results.json"


def render(run: Run) -> str:
    document = {
        "checker_version": run.checker_version,
        "generated_at": run.generated_at,
        "claims_file": run.claims_file,
        "record_mode": run.record_mode,
        "summary": {verdict.value: count for verdict, count in run.counts().items()},
        "summary_line": summary_line(run),
        "claims": [_with_review(result_dict(result), run.reviews.get(result.claim.id)) for result in run.results],
        "problems": [
            {"row": p.row, "column": p.column, "code": p.code, "severity": p.severity, "message": p.message}
            for p in run.problems
        ],
    }
    if run.extra.get("source_changes"):
        document["source_changes"] = list(run.extra["source_changes"])
    if "changes_since_last_run" in run.extra:
        document["changes_since_last_run"] = run.extra["changes_since_last_run"]
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def result_dict(result: Result) -> dict:
    claim = result.claim
    return {
        "id": claim.id,
        "verdict": result.verdict.value,
        "score": round(result.score, 3),
        "reason": result.reason,
        "evidence": [evidence_dict(e) for e in result.evidence],
        "claim": claim.claim,
        "kind": claim.kind.value,
        "expected": claim.expected,
        "subject": claim.subject,
        "speaker": claim.speaker,
        "as_of": claim.as_of.isoformat() if claim.as_of else "",
        "row": claim.row,
        "sources": [source_dict(s) for s in result.sources] or [
            {"url": "", "status": "no_source"}
        ],
    }


def _with_review(entry: dict, review) -> dict:
    """The claim's entry with the reviewer's decision beside checker's, when one is kept."""
    if review is not None:
        entry["review"] = {
            "verdict": review.verdict.value,
            "note": review.note,
            "reviewer": review.reviewer,
            "reviewed_at": review.reviewed_at,
            "evidence_hash": review.evidence_hash,
            "stale": review.stale,
        }
    return entry


def evidence_dict(evidence: Evidence) -> dict:
    return {
        "url": evidence.url,
        "text": evidence.text,
        "start": evidence.start,
        "end": evidence.end,
        "locator": evidence.locator,
        "note": evidence.note,
    }


def source_dict(check: SourceCheck) -> dict:
    entry = {
        "url": check.url,
        "status": check.status,
        "detail": check.detail,
        "recording": check.recording,
        "provenance": dict(sorted(check.provenance.items())),
    }
    if check.finding is not None:
        entry["verdict"] = check.finding.verdict.value
        entry["score"] = round(check.finding.score, 3)
        entry["reason"] = check.finding.reason
    return entry
