"""One verdict per claim from what each of its sources showed (DESIGN section 4). Pure.

Rules, in order:
1. no source named                         -> source_unavailable (no_source)
2. no source could be read                 -> source_unavailable, each failure reason kept
3. one source backs the claim (supported or partially) while another contradicts it
                                           -> needs_review: the sources disagree
4. otherwise the strongest finding stands: supported > contradicted > partially_supported
   > needs_review > not_found. A source that could not be read is named in the reason
   whenever the verdict is not `supported`.
"""

from __future__ import annotations

from checker.models import Claim, FailureReason, Finding, Result, SourceCheck, Verdict

_STRENGTH = {
    Verdict.SUPPORTED: 5,
    Verdict.CONTRADICTED: 4,
    Verdict.PARTIALLY_SUPPORTED: 3,
    Verdict.NEEDS_REVIEW: 2,
    Verdict.NOT_FOUND: 1,
}

SEVERITY = (
    Verdict.SUPPORTED,
    Verdict.PARTIALLY_SUPPORTED,
    Verdict.NEEDS_REVIEW,
    Verdict.SOURCE_UNAVAILABLE,
    Verdict.NOT_FOUND,
    Verdict.CONTRADICTED,
)
"""Verdicts from least to most in need of a person's attention; `--fail-on` counts from here."""


def decide(claim: Claim, checks: tuple[SourceCheck, ...]) -> Result:
    if not checks:
        return Result(claim, Verdict.SOURCE_UNAVAILABLE, 0.0,
                      f"{FailureReason.NO_SOURCE.value}: claims.csv names no source for this claim")
    read = [c for c in checks if c.finding is not None]
    unread = [c for c in checks if c.finding is None]
    if not read:
        reasons = "; ".join(f"{c.status}: {c.url} ({c.detail})" if c.detail else f"{c.status}: {c.url}"
                            for c in unread)
        return Result(claim, Verdict.SOURCE_UNAVAILABLE, 0.0, f"no source could be read: {reasons}", (), checks)

    findings = [c.finding for c in read if c.finding is not None]
    backing = [f for f in findings if f.verdict in (Verdict.SUPPORTED, Verdict.PARTIALLY_SUPPORTED)]
    against = [f for f in findings if f.verdict is Verdict.CONTRADICTED]
    if backing and against:
        best, worst = _best(backing), _best(against)
        reason = f"sources disagree: {best.reason} / {worst.reason}"
        return Result(claim, Verdict.NEEDS_REVIEW, 0.5, reason, _evidence(findings, best), checks)

    best = _best(findings)
    reason = best.reason
    if len(read) > 1 and best.verdict is Verdict.NOT_FOUND:
        reason = f"{reason} (none of {len(read)} sources read bears on it)"
    if unread and best.verdict is not Verdict.SUPPORTED:
        missing = ", ".join(sorted({c.status for c in unread}))
        reason = f"{reason}; {len(unread)} other source(s) not read ({missing})"
    return Result(claim, best.verdict, best.score, reason, _evidence(findings, best), checks)


def _best(findings: list[Finding]) -> Finding:
    return max(findings, key=lambda f: (_STRENGTH[f.verdict], f.score))


def _evidence(findings: list[Finding], first: Finding) -> tuple:
    ordered = [first] + [f for f in findings if f is not first]
    return tuple(e for f in ordered for e in f.evidence)


def at_or_past(verdict: Verdict, threshold: Verdict) -> bool:
    """Whether `verdict` is as much in need of attention as `threshold`, or more."""
    return SEVERITY.index(verdict) >= SEVERITY.index(threshold)
