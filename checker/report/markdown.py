"""report.md: a report a person reads at a glance, then claim by claim."""

from __future__ import annotations

import os
import re

from checker.models import Evidence, Result, SourceCheck, Verdict
from checker.report import Run, summary_line

FILENAME = "report.md"

_MARK = {
    Verdict.SUPPORTED: "✅",
    Verdict.PARTIALLY_SUPPORTED: "🟡",
    Verdict.CONTRADICTED: "❌",
    Verdict.NOT_FOUND: "🔍",
    Verdict.SOURCE_UNAVAILABLE: "⛔",
    Verdict.NEEDS_REVIEW: "👀",
}
_SPECIAL = re.compile(r"([\\`*_\[\]|#])")


def escape(text: str) -> str:
    """Third-party text made inert in Markdown: no HTML, no links, no table breaks."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def render(run: Run) -> str:
    lines = [
        "# Verification report",
        "",
        f"**{summary_line(run)}**",
        "",
        f"Claims: `{escape(run.claims_file)}` · recordings: mode `{run.record_mode}` · "
        f"checker {run.checker_version} · {run.generated_at}",
        "",
    ]
    lines += _changes_since_last_run(run)
    lines += _problems(run)
    lines += _source_changes(run)
    reviewed = bool(run.reviews)
    lines += ["## Claims", "", "| id | verdict | score | reason |" + (" reviewer |" if reviewed else ""),
              "|---|---|---|---|" + ("---|" if reviewed else "")]
    for result in run.results:
        lines.append(f"| [{escape(result.claim.id)}](#{_anchor(result.claim.id)}) | "
                     f"{_MARK[result.verdict]} {result.verdict.value} | {result.score:.2f} | "
                     f"{escape(_short(result.reason))} |"
                     + (f" {_review_cell(run.reviews.get(result.claim.id))} |" if reviewed else ""))
    lines.append("")
    for result in run.results:
        lines += _claim_section(result, run.report_dir, run.reviews.get(result.claim.id))
    return "\n".join(lines).rstrip() + "\n"


def _problems(run: Run) -> list[str]:
    if not run.problems:
        return []
    lines = ["## Problems in the claims file", ""]
    for p in run.problems:
        where = f"row {p.row}" + (f", column `{escape(p.column)}`" if p.column else "")
        lines.append(f"- **{p.severity}** {where}: {escape(p.message)}")
    return lines + [""]


def _changes_since_last_run(run: Run) -> list[str]:
    """What differs from the previous run (checker.history): verdicts, sources, claims added or removed."""
    if "changes_since_last_run" not in run.extra:
        return []
    changes = run.extra["changes_since_last_run"]
    if changes is None:
        return ["## Changes since the last run", "", "None to compare with: this is the first run here.", ""]
    lines = ["## Changes since the last run", "", f"Compared with the run of {escape(changes['previous_run'])}.", ""]
    lines += [f"- **verdict** {escape(c['id'])}: {escape(c['old'])} → {escape(c['new'])}" for c in changes["verdicts"]]
    for delta in changes["sources"]:
        old, new = delta["old"], delta["new"]
        if delta["status"] == "changed":
            old, new = old[:12], new[:12]
        lines.append(f"- **source {escape(delta['status'])}** <{_url(delta['url'])}> ({escape(old)} → {escape(new)})")
    lines += [f"- **claim added** {escape(cid)}" for cid in changes["claims_added"]]
    lines += [f"- **claim removed** {escape(cid)}" for cid in changes["claims_removed"]]
    if len(lines) == 4:
        lines.append("No change.")
    return lines + [""]


def _source_changes(run: Run) -> list[str]:
    """Sources whose re-recording found them changed, failing, recovered or new (unchanged ones are counted)."""
    changes = run.extra.get("source_changes") or []
    if not changes:
        return []
    shown = [change for change in changes if change.get("status") != "unchanged"]
    lines = ["## Source changes", "",
             f"{len(changes)} source(s) re-recorded, {len(changes) - len(shown)} unchanged.", ""]
    for change in shown:
        line = f"- **{escape(change.get('status', ''))}** <{_url(change.get('url', ''))}>"
        if change.get("detail"):
            line += f": {escape(change['detail'])}"
        lines.append(line)
        if change.get("diff"):
            lines += ["", *_fenced(change["diff"], "diff", indent="  ")]
    return lines + [""]


def _fenced(text: str, language: str, indent: str = "") -> list[str]:
    """`text` in a code fence longer than any run of backticks inside it, so it cannot close the fence."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{indent}{fence}{language}", *(f"{indent}{row}" for row in text.splitlines()), f"{indent}{fence}"]


def _claim_section(result: Result, report_dir: str, review=None) -> list[str]:
    claim = result.claim
    lines = [
        f'<a id="{_anchor(claim.id)}"></a>',
        f"### {escape(claim.id)}: {_MARK[result.verdict]} {result.verdict.value} ({result.score:.2f})",
        "",
        f"> {escape(claim.claim)}",
        "",
        f"- **Kind:** {claim.kind.value}" + (f" · **expected:** {escape(claim.expected)}" if claim.expected else "")
        + (f" · **subject:** {escape(claim.subject)}" if claim.subject else "")
        + (f" · **speaker:** {escape(claim.speaker)}" if claim.speaker else ""),
        f"- **Reason:** {escape(result.reason)}",
        *_review_lines(review),
    ]
    for evidence in result.evidence[:3]:
        lines += _evidence(evidence)
    if result.sources:
        lines.append("- **Sources:**")
        lines += [_source(check, report_dir) for check in result.sources]
    return lines + [""]


def _review_cell(review) -> str:
    if review is None:
        return ""
    return f"{_MARK[review.verdict]} {review.verdict.value}" + (" (stale)" if review.stale else "")


def _review_lines(review) -> list[str]:
    """The reviewer's decision under checker's; a stale one says the evidence has changed since."""
    if review is None:
        return []
    line = f"- **Reviewer:** {_MARK[review.verdict]} {review.verdict.value}"
    if review.reviewer:
        line += f" by {escape(review.reviewer)}"
    if review.reviewed_at:
        line += f" ({escape(review.reviewed_at)})"
    if review.note:
        line += f": {escape(review.note)}"
    if review.stale:
        line += " · **stale**: the source has changed since this review; check the evidence again"
    return [line]


def _evidence(evidence: Evidence) -> list[str]:
    where = f"{escape(evidence.locator)}, " if evidence.locator else ""
    lines = [
        f"- **Evidence** ({where}characters {evidence.start}–{evidence.end} of <{_url(evidence.url)}>):",
        f"  > {escape(evidence.text)}",
    ]
    if evidence.note:
        lines.append(f"  *{escape(evidence.note)}*")
    return lines


def _source(check: SourceCheck, report_dir: str) -> str:
    status = "read" if check.status == "ok" else f"**{check.status}**"
    line = f"  - <{_url(check.url)}>: {status}"
    if check.detail:
        line += f" ({escape(check.detail)})"
    if check.finding is not None:
        line += f"; {check.finding.verdict.value}"
    if check.recording:
        link = os.path.relpath(check.recording, report_dir).replace(os.sep, "/")
        line += f"; [recorded copy]({_url(link)})"
    provenance = check.provenance
    if provenance.get("provenance") == "archived-copy":
        line += "; archived copy"
        if provenance.get("imported-at"):
            line += f" imported {escape(provenance['imported-at'])}"
        if provenance.get("origin"):
            line += f" from {escape(provenance['origin'])}"
    elif provenance.get("provenance") == "archived-snapshot":
        line += f"; archived snapshot {escape(provenance.get('snapshot-timestamp', ''))}"
        if provenance.get("snapshot-url"):
            line += f" (<{_url(provenance['snapshot-url'])}>)"
        if provenance.get("note"):
            line += f"; {escape(provenance['note'])}"
    return line


def _url(url: str) -> str:
    return url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20").replace(")", "%29")


def _anchor(claim_id: str) -> str:
    return "claim-" + re.sub(r"[^a-z0-9-]", "-", claim_id.lower())


def _short(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
