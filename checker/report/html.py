"""report.html: one self-contained page a fact-checker reads: summary and chart, a filterable
table of the claims, then each claim with its evidence, marks, sources and the reviewer's decision.

Built with small escaping functions rather than a template engine: every third-party string goes
through `_text` (html.escape, quotes included), and a link is made only for an http(s) URL (anything
else is shown as text). The page loads nothing: the style and the script are inline, and the
Content-Security-Policy allows exactly those two (by their hashes), so even a string that escaped
escaping could not run. With JavaScript off, everything is shown and only the filter is missing.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
import urllib.parse
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from checker.models import Evidence, Result, SourceCheck, Verdict
from checker.normalize import fold, fold_text
from checker.report import Run, summary_line

FILENAME = "report.html"

HIT = "hit"  # words the matcher found
DIFF = "diff"  # words or numbers that differ between claim and source

_STYLE = """
:root { color-scheme: light; --ink: #1d232b; --muted: #5b6570; --line: #d8dde3; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
       margin: 0 auto; max-width: 72rem; padding: 1.5rem; }
h1 { margin: 0 0 .25rem; font-size: 1.6rem; }
h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { margin: 0 0 .5rem; font-size: 1.1rem; }
h4 { margin: 1rem 0 .25rem; font-size: .95rem; }
.meta, figcaption, .muted { color: var(--muted); font-size: .85rem; }
.summary { display: flex; flex-wrap: wrap; gap: 2rem; align-items: flex-start; }
.summary svg text { font-size: 13px; fill: var(--ink); }
table { border-collapse: collapse; width: 100%; }
table.counts { width: auto; min-width: 16rem; }
#claims-table { table-layout: fixed; }
#claims-table td { overflow-wrap: anywhere; }
col.c-id { width: 12rem; } col.c-verdict { width: 11.5rem; } col.c-score { width: 4.5rem; }
col.c-reviewer { width: 11rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
th { background: #f3f5f7; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: .6rem; font-size: .8rem;
         font-weight: 600; white-space: nowrap; color: #fff; }
.v-supported { background: #2e7d32; fill: #2e7d32; }
.v-partially_supported { background: #b7791f; fill: #b7791f; }
.v-contradicted { background: #c62828; fill: #c62828; }
.v-not_found { background: #546e7a; fill: #546e7a; }
.v-source_unavailable { background: #6a1b9a; fill: #6a1b9a; }
.v-needs_review { background: #1565c0; fill: #1565c0; }
.v-other { background: #455a64; fill: #455a64; }
#controls { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: .75rem 0; }
#controls input { min-width: 18rem; padding: .3rem .5rem; }
#controls select { padding: .3rem; }
.claim-detail { border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; margin: 1rem 0; }
.claim-text { font-size: 1.05rem; margin: .25rem 0 .5rem; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .5rem 0; }
dl.fields dt { color: var(--muted); }
dl.fields dd { margin: 0; }
blockquote { margin: .25rem 0; padding: .4rem .8rem; border-left: 4px solid var(--line); background: #fafbfc; }
blockquote .context { color: #6a737d; }
blockquote .found { background: #fff8c5; }
figure { margin: .5rem 0 .75rem; }
mark.hit { background: #fff3a3; }
mark.diff { background: #ffcdd2; color: #7f0000; font-weight: 600; text-decoration: underline; }
.review { border-left: 4px solid #1565c0; padding: .3rem .8rem; background: #f2f7fd; }
.stale { color: #b71c1c; font-weight: 600; }
ul.sources { padding-left: 1.2rem; }
pre { white-space: pre-wrap; word-break: break-word; background: #f6f8fa; padding: .5rem; }
pre .add { color: #1b5e20; } pre .del { color: #b71c1c; }
.url { word-break: break-all; }
[hidden] { display: none !important; }
"""

_SCRIPT = """
(function () {
  var controls = document.getElementById("controls");
  var select = document.getElementById("verdict-filter");
  var search = document.getElementById("search");
  var shown = document.getElementById("shown");
  var parts = document.querySelectorAll("[data-claim]");
  var claims = {};
  parts.forEach(function (part) {
    var key = part.getAttribute("data-claim");
    var claim = claims[key] || (claims[key] = {verdict: part.getAttribute("data-verdict"), text: "", parts: []});
    claim.text += " " + part.textContent.toLowerCase();
    claim.parts.push(part);
  });
  function apply() {
    var verdict = select.value;
    var query = search.value.trim().toLowerCase();
    var count = 0;
    Object.keys(claims).forEach(function (key) {
      var claim = claims[key];
      var visible = (verdict === "" || claim.verdict === verdict) && (query === "" || claim.text.indexOf(query) !== -1);
      if (visible) { count += 1; }
      claim.parts.forEach(function (part) { part.hidden = !visible; });
    });
    shown.textContent = "Showing " + count + " of " + Object.keys(claims).length + " claims";
  }
  select.addEventListener("change", apply);
  search.addEventListener("input", apply);
  controls.hidden = false;
  apply();
})();
"""


def _digest(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; style-src {_digest(_STYLE)}; script-src {_digest(_SCRIPT)}; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)


def render(run: Run) -> str:
    title = f"Verification report: {run.claims_file}"
    body = [
        "<header>",
        f"<h1>{_text(title)}</h1>",
        f'<p class="meta">Claims: {_text(run.claims_file)} · recordings: mode {_text(run.record_mode)} · '
        f"checker {_text(run.checker_version)} · {_text(run.generated_at)}</p>",
        "</header>",
        _summary(run),
        _problems(run),
        _source_changes(run.extra.get("source_changes") or []),
        _other_extra(run.extra),
        _claims_table(run),
        '<h2 id="details">Claims in detail</h2>',
        "<p class=\"muted\">In the evidence, <mark class=\"hit\">highlighted</mark> words are what the checker "
        "found; <mark class=\"diff\">marked</mark> words or numbers differ between the claim and the source. "
        "Only words that could be located in the text are marked.</p>",
        *(_claim_detail(index, result, run) for index, result in enumerate(run.results)),
    ]
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_text(CONTENT_SECURITY_POLICY)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{_text(title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        *(part for part in body if part),
        f"<script>{_SCRIPT}</script>",
        "</body>",
        "</html>",
    ]) + "\n"


# ---------------------------------------------------------------- escaping and links


def _text(value: object) -> str:
    """Any value as HTML text, quotes escaped too (safe in element content and attribute values)."""
    return html.escape(str(value), quote=True)


_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def safe_href(url: str) -> str | None:
    """`url` escaped for an href when it is an absolute http(s) URL with a host, else None.

    White space and control characters anywhere refuse it: browsers drop them inside a scheme
    ("java\\tscript:"), so a URL holding any is not a link.
    """
    if not url or _CONTROL.search(url):
        return None
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return _text(url)


def _link(url: str, label: str | None = None) -> str:
    """A link to an http(s) URL; any other string is shown as text, never linked."""
    href = safe_href(url)
    shown = _text(label if label is not None else url)
    if href is None:
        return f'<span class="url">{shown}</span>'
    return f'<a class="url" href="{href}" rel="noopener noreferrer">{shown}</a>'


def _relative_link(path: str, report_dir: str, label: str) -> str:
    """A link to a local file relative to the report; percent-encoded, so it can never carry a scheme."""
    relative = os.path.relpath(path, report_dir).replace(os.sep, "/")
    href = urllib.parse.quote(relative, safe="/.-_~")
    return f'<a href="{_text(href)}" title="{_text(relative)}">{_text(label)}</a>'


def _badge(verdict: object) -> str:
    value = str(getattr(verdict, "value", verdict))
    known = value in {v.value for v in Verdict}
    css = f"v-{value}" if known else "v-other"
    return f'<span class="badge {css}">{_text(value)}</span>'


def _anchor(claim_id: str) -> str:
    return "claim-" + claim_id


# ---------------------------------------------------------------- summary


def _summary(run: Run) -> str:
    counts = run.counts()
    rows = "".join(f"<tr><td>{_badge(verdict)}</td><td class=\"num\">{count}</td></tr>"
                   for verdict, count in counts.items())
    return "\n".join([
        '<section id="summary">',
        "<h2>Summary</h2>",
        f"<p><strong>{_text(summary_line(run))}</strong></p>",
        '<div class="summary">',
        f'<table class="counts"><thead><tr><th>verdict</th><th class="num">claims</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>",
        verdict_chart(counts),
        "</div>",
        "</section>",
    ])


def verdict_chart(counts: dict[Verdict, int]) -> str:
    """A horizontal bar per verdict as inline SVG (no script, no network)."""
    label_width, bar_width, row_height = 170, 260, 26
    largest = max(counts.values(), default=0) or 1
    rows = []
    for index, (verdict, count) in enumerate(counts.items()):
        y = index * row_height
        width = round(bar_width * count / largest)
        rows.append(
            f'<g><title>{_text(verdict.value)}: {count}</title>'
            f'<text x="0" y="{y + 17}">{_text(verdict.value)}</text>'
            f'<rect class="v-{_text(verdict.value)}" x="{label_width}" y="{y + 4}" width="{width}" height="18" rx="3"/>'
            f'<text x="{label_width + width + 6}" y="{y + 17}">{count}</text></g>'
        )
    height = row_height * len(counts)
    total = label_width + bar_width + 50
    description = ", ".join(f"{count} {verdict.value}" for verdict, count in counts.items())
    return (f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{total}" height="{height}" '
            f'viewBox="0 0 {total} {height}" role="img" aria-label="claims per verdict: {_text(description)}">'
            + "".join(rows) + "</svg>")


def _problems(run: Run) -> str:
    if not run.problems:
        return ""
    items = []
    for problem in run.problems:
        where = f"row {problem.row}" + (f", column {_text(problem.column)}" if problem.column else "")
        items.append(f"<li><strong>{_text(problem.severity)}</strong> {where}: {_text(problem.message)}</li>")
    severities = Counter(problem.severity for problem in run.problems)
    counted = ", ".join(f"{count} {_text(severity)}(s)" for severity, count in sorted(severities.items()))
    opened = " open" if severities.get("error") else ""
    return (f'<section id="problems"><h2>Problems in the claims file</h2><details{opened}><summary>'
            f"{len(run.problems)} problem(s): {counted}</summary><ul>" + "".join(items) + "</ul></details></section>")


def _source_changes(changes: list) -> str:
    """Sources whose re-recording found them changed, failing, recovered or new; unchanged ones counted."""
    if not changes:
        return ""
    shown = [change for change in changes if isinstance(change, dict) and change.get("status") != "unchanged"]
    parts = ['<section id="source-changes"><h2>Source changes</h2>',
             f"<p>{len(changes)} source(s) re-recorded, {len(changes) - len(shown)} unchanged.</p><ul>"]
    for change in shown:
        line = f"<li><strong>{_text(change.get('status', ''))}</strong> {_link(str(change.get('url', '')))}"
        if change.get("detail"):
            line += f": {_text(change['detail'])}"
        if change.get("diff"):
            line += _diff(str(change["diff"]))
        parts.append(line + "</li>")
    return "".join(parts) + "</ul></section>"


def _diff(text: str) -> str:
    lines = []
    for row in text.splitlines():
        css = "add" if row.startswith("+") else "del" if row.startswith("-") else ""
        lines.append(f'<span class="{css}">{_text(row)}</span>' if css else _text(row))
    return '<pre class="diff">' + "\n".join(lines) + "</pre>"


def _other_extra(extra: dict) -> str:
    """Whatever else the run carries (run comparison, ...), shown as it is: keys, lists and tables."""
    others = [(key, _pruned(value)) for key, value in extra.items() if key != "source_changes"]
    others = [(key, value) for key, value in others if value not in (None, "", [], {})]
    if not others:
        return ""
    parts = ['<section id="run-details"><h2>More about this run</h2>']
    for key, value in others:
        parts.append(f"<h3>{_text(str(key).replace('_', ' '))}</h3>{generic(value)}")
    return "".join(parts) + "</section>"


def _pruned(value: object) -> object:
    """`value` without its empty fields (an option left unset says nothing to a reader)."""
    if isinstance(value, dict):
        kept = {key: _pruned(item) for key, item in value.items()}
        return {key: item for key, item in kept.items() if item not in (None, "", [], {})}
    return value


def generic(value: object, depth: int = 0) -> str:
    """Any JSON-like value as escaped HTML: a dict as a definition list, a list of dicts as a table."""
    if depth > 4:
        return f"<code>{_text(json.dumps(value, default=str, ensure_ascii=False))}</code>"
    if isinstance(value, dict):
        items = "".join(f"<dt>{_text(key)}</dt><dd>{generic(item, depth + 1)}</dd>" for key, item in value.items())
        return f'<dl class="fields">{items}</dl>'
    if isinstance(value, (list, tuple)) and value and all(isinstance(item, dict) for item in value):
        columns = list(dict.fromkeys(key for item in value for key in item))
        head = "".join(f"<th>{_text(column)}</th>" for column in columns)
        body = "".join("<tr>" + "".join(f"<td>{generic(item.get(column, ''), depth + 1)}</td>" for column in columns)
                       + "</tr>" for item in value)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    if isinstance(value, (list, tuple)):
        return "<ul>" + "".join(f"<li>{generic(item, depth + 1)}</li>" for item in value) + "</ul>"
    text = "" if value is None else str(getattr(value, "value", value))
    if "\n" in text:
        return _diff(text) if re.search(r"^[+-]", text, re.MULTILINE) else f"<pre>{_text(text)}</pre>"
    if safe_href(text) is not None:
        return _link(text)
    return _text(text)


# ---------------------------------------------------------------- the claims table


def _claims_table(run: Run) -> str:
    counts = run.counts()
    options = [f'<option value="">all verdicts ({len(run.results)})</option>']
    options += [f'<option value="{_text(verdict.value)}">{_text(verdict.value)} ({count})</option>'
                for verdict, count in counts.items()]
    rows = []
    for index, result in enumerate(run.results):
        claim = result.claim
        rows.append(
            f'<tr class="claim-row" data-claim="{index}" data-verdict="{_text(result.verdict.value)}">'
            f'<td><a href="#{_text(urllib.parse.quote(_anchor(claim.id)))}">{_text(claim.id)}</a></td>'
            f"<td>{_badge(result.verdict)}</td>"
            f'<td class="num">{result.score:.2f}</td>'
            f'<td class="claim">{_text(_short(claim.claim))}</td>'
            f'<td class="reason">{_text(_short(result.reason))}</td>'
            + (f"<td>{_review_cell(run.reviews.get(claim.id))}</td>" if run.reviews else "")
            + "</tr>"
        )
    columns = ["id", "verdict", "score", "claim", "reason"] + (["reviewer"] if run.reviews else [])
    colgroup = "".join(f'<col class="c-{name}">' for name in columns)
    head = "".join('<th class="num">score</th>' if name == "score" else f"<th>{name}</th>" for name in columns)
    return "\n".join([
        '<section id="claims">',
        "<h2>Claims</h2>",
        '<div id="controls" hidden>',
        '<label>Verdict <select id="verdict-filter">' + "".join(options) + "</select></label>",
        '<label>Search <input id="search" type="search" placeholder="words in a claim, reason or evidence"></label>',
        '<span id="shown" aria-live="polite"></span>',
        "</div>",
        f'<table id="claims-table"><colgroup>{colgroup}</colgroup><thead><tr>{head}</tr></thead><tbody>',
        *rows,
        "</tbody></table>",
        "</section>",
    ])


def _review_cell(review: object) -> str:
    if review is None:
        return ""
    cell = _badge(getattr(review, "verdict", "")) if getattr(review, "verdict", "") else ""
    if getattr(review, "stale", False):
        cell += ' <span class="stale">stale</span>'
    return cell


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------- one claim


def _claim_detail(index: int, result: Result, run: Run) -> str:
    claim = result.claim
    marks = note_marks(result)
    claimed = [(term, DIFF) for term in marks.claimed]
    fields = [("kind", _text(claim.kind.value))]
    if claim.expected:
        fields.append(("expected", mark_text(claim.expected, claimed)))
    for name in ("subject", "speaker"):
        if getattr(claim, name):
            fields.append((name, _text(getattr(claim, name))))
    if claim.as_of:
        fields.append(("as of", _text(claim.as_of.isoformat())))
    if claim.language:
        fields.append(("language", _text(claim.language)))
    if claim.notes:
        fields.append(("notes", _text(claim.notes)))
    fields.append(("row", f"{_text(run.claims_file)}:{claim.row}"))
    parts = [
        f'<section class="claim-detail" id="{_text(_anchor(claim.id))}" data-claim="{index}" '
        f'data-verdict="{_text(result.verdict.value)}">',
        f"<h3>{_badge(result.verdict)} {_text(claim.id)} <span class=\"muted\">score {result.score:.2f}</span></h3>",
        f'<p class="claim-text">{mark_text(claim.claim, claimed)}</p>',
        '<dl class="fields">' + "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in fields) + "</dl>",
        f'<p class="reason"><strong>Reason:</strong> {_text(result.reason)}</p>',
        _review_block(run.reviews.get(claim.id)),
    ]
    if result.evidence:
        parts.append("<h4>Evidence</h4>")
        parts += [_evidence(evidence, marks.in_source.get(evidence, [])) for evidence in result.evidence]
    if result.sources:
        parts.append('<h4>Sources</h4><ul class="sources">')
        parts += [_source(check, run.report_dir) for check in result.sources]
        parts.append("</ul>")
    parts.append("</section>")
    return "\n".join(part for part in parts if part)


def _review_block(review: object) -> str:
    if review is None:
        return ""
    verdict = getattr(review, "verdict", "")
    line = "<strong>Reviewer:</strong> " + (_badge(verdict) if verdict else "no verdict")
    if getattr(review, "reviewer", ""):
        line += f" by {_text(review.reviewer)}"
    if getattr(review, "note", ""):
        line += f": {_text(review.note)}"
    if getattr(review, "stale", False):
        line += (' <span class="stale">stale: the source has changed since this review; '
                 "check it again</span>")
    return f'<p class="review">{line}</p>'


def _evidence(evidence: Evidence, marks: list[tuple[str, str]]) -> str:
    where = f"{_text(evidence.locator)}, " if evidence.locator else ""
    caption = f"{where}characters {evidence.start}–{evidence.end} of {_link(evidence.url)}"
    if evidence.note:
        caption += f" · {_text(evidence.note)}"
    before = f'<span class="context">{_text(evidence.before)}</span>' if evidence.before else ""
    after = f'<span class="context">{_text(evidence.after)}</span>' if evidence.after else ""
    return (f'<figure class="evidence"><blockquote>{before}<span class="found">{mark_text(evidence.text, marks)}'
            f"</span>{after}</blockquote><figcaption>{caption}</figcaption></figure>")


def _source(check: SourceCheck, report_dir: str) -> str:
    status = "read" if check.status == "ok" else f"<strong>{_text(check.status)}</strong>"
    line = f"<li>{_link(check.url)}: {status}"
    if check.detail:
        line += f" ({_text(check.detail)})"
    if check.finding is not None:
        line += f"; {_badge(check.finding.verdict)} {check.finding.score:.2f}"
    if check.recording:
        line += " · " + _relative_link(check.recording, report_dir, "recorded copy")
    provenance = check.provenance
    kind = provenance.get("provenance")
    if kind == "archived-snapshot":
        line += " · archived snapshot"
        if provenance.get("snapshot-timestamp"):
            line += f" {_text(provenance['snapshot-timestamp'])}"
        if provenance.get("snapshot-url"):
            line += ": " + _link(provenance["snapshot-url"], "snapshot")
        if provenance.get("note"):
            line += f" ({_text(provenance['note'])})"
    elif kind == "archived-copy":
        line += " · archived copy"
        if provenance.get("imported-at"):
            line += f" imported {_text(provenance['imported-at'])}"
        if provenance.get("origin"):
            line += f" from {_text(provenance['origin'])}"
    return line + "</li>"


# ---------------------------------------------------------------- marks from the evidence notes


@dataclass
class Marks:
    """What to mark: per evidence, (term, class) pairs to find in its text; terms of the claim that differ."""

    in_source: dict[Evidence, list[tuple[str, str]]] = field(default_factory=dict)
    claimed: list[str] = field(default_factory=list)


_ITEM_SPLIT = re.compile(r"(?:(?<=')|(?<=' omitted)|(?<=' added)), (?=')")
_CHANGED = re.compile(r"'(.*)' -> '(.*)'")
_OMITTED = re.compile(r"'(.*)' omitted")
_ADDED = re.compile(r"'(.*)' added")
_SPELLING = re.compile(r"'(.*)' ~ '(.*)'")
_QUOTED = re.compile(r"'(.*)'")
_GROUP = re.compile(r"(names|words|numbers|dates): (.*)")


def note_marks(result: Result) -> Marks:
    """The terms each evidence note names, read from the notes the matchers write.

    Note forms read: "altered words: 'a' -> 'b', 'c' omitted, 'd' added", "spelling differs: 'a' ~ 'b'",
    "matched names: A, B; words: c", "title: 'President'", "number found: $600 million". A title that is
    not the expected one, and a number in a contradicting finding, are marked as differing.
    """
    marks = Marks()
    verdict_of = {evidence: check.finding.verdict for check in result.sources if check.finding
                  for evidence in check.finding.evidence}
    for evidence in result.evidence:
        contradicting = verdict_of.get(evidence, result.verdict) is Verdict.CONTRADICTED
        terms: list[tuple[str, str]] = []
        for segment in evidence.note.split("; "):
            terms += _segment_marks(segment, result, contradicting, marks.claimed)
        marks.in_source[evidence] = terms
    marks.claimed = list(dict.fromkeys(term for term in marks.claimed if term))
    return marks


def _segment_marks(segment: str, result: Result, contradicting: bool, claimed: list[str]) -> list[tuple[str, str]]:
    head, _, rest = segment.partition(": ")
    if head == "altered words":
        terms = []
        for item in _ITEM_SPLIT.split(rest):
            if match := _CHANGED.fullmatch(item):
                claimed.append(match.group(1))
                terms.append((match.group(2), DIFF))
            elif match := _OMITTED.fullmatch(item):
                terms.append((match.group(1), DIFF))
            elif match := _ADDED.fullmatch(item):
                claimed.append(match.group(1))
        return terms
    if head == "spelling differs":
        terms = []
        for item in _ITEM_SPLIT.split(rest):
            if match := _SPELLING.fullmatch(item):
                claimed.append(match.group(1))
                terms.append((match.group(2), DIFF))
        return terms
    if head == "title" and (match := _QUOTED.fullmatch(rest)):
        expected = result.claim.expected
        differs = contradicting or bool(expected and fold_text(expected) != fold_text(match.group(1)))
        if differs and expected:
            claimed.append(expected)
        return [(match.group(1), DIFF if differs else HIT)]
    if head == "number found":
        if contradicting and result.claim.expected:
            claimed.append(result.claim.expected)
        return [(rest, DIFF if contradicting else HIT)]
    if head == "qualifier":
        return [(term, HIT) for term in rest.split(", ")]
    group = _GROUP.fullmatch(segment.removeprefix("matched "))
    if group:
        return [(term, HIT) for term in group.group(2).split(", ")]
    return []


def mark_text(text: str, terms: Iterable[tuple[str, str]]) -> str:
    """`text` escaped, each whole-word occurrence of a term wrapped in <mark class="...">.

    Terms are found after folding quotes, dashes, case and white space, so "Russia's" finds
    "Russia’s"; a differing term wins over a found one where they overlap. A term not in the text
    marks nothing.
    """
    folded = fold(text)
    found: list[tuple[int, int, int, str]] = []
    for term, css in terms:
        needle = fold_text(term)
        if not needle:
            continue
        for hit in re.finditer(re.escape(needle), folded.text):
            start, end = hit.start(), hit.end()
            if _word_edge(folded.text, start - 1) and _word_edge(folded.text, end):
                first, last = folded.span(start, end)
                found.append((first, last, 0 if css == DIFF else 1, css))
    kept: list[tuple[int, int, str]] = []
    for first, last, _, css in sorted(found, key=lambda span: (span[2], span[0] - span[1], span[0])):
        if all(last <= start or first >= end for start, end, _ in kept):
            kept.append((first, last, css))
    out, position = [], 0
    for first, last, css in sorted(kept):
        out.append(_text(text[position:first]))
        out.append(f'<mark class="{css}">{_text(text[first:last])}</mark>')
        position = last
    out.append(_text(text[position:]))
    return "".join(out)


def _word_edge(text: str, index: int) -> bool:
    return index < 0 or index >= len(text) or not (text[index].isalnum() or text[index] == "_")
