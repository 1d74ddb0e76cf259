import json

import pytest

from checker.claims import Problem
from checker.errors import UsageError
from checker.models import Claim, Evidence, Finding, Kind, Result, SourceCheck, Verdict
from checker.report import Run, parse_formats, summary_line, write_reports
from checker.report import json_report, markdown

HOSTILE = '<script>alert("x")</script> [click](javascript:alert(1)) | =cmd'


def a_run() -> Run:
    claim = Claim(id="q1", claim=f"He said {HOSTILE}", kind=Kind.QUOTE, expected="we will win", speaker="Kirby",
                  sources=("https://www.example.gov/t",), row=2)
    evidence = Evidence("https://www.example.gov/t", f"MR. KIRBY: we will win. {HOSTILE}", 11, 23, "para 4",
                        "exact")
    finding = Finding(Verdict.SUPPORTED, 1.0, "exact words found", (evidence,))
    check = SourceCheck("https://www.example.gov/t", "ok", recording="cassettes/www.example.gov/t-1.yaml",
                        provenance={"provenance": "archived-copy", "origin": "test fixture (synthetic)"},
                        finding=finding)
    result = Result(claim, Verdict.SUPPORTED, 1.0, "exact words found", (evidence,), (check,))
    unchecked = Result(Claim(id="s1", claim="No source", kind=Kind.STATEMENT, row=3), Verdict.SOURCE_UNAVAILABLE,
                       0.0, "no_source: claims.csv names no source for this claim")
    problem = Problem(3, "sources", "no_sources", "no source given", "warning")
    return Run((result, unchecked), (problem,), generated_at="2026-11-24T00:00:00+00:00", checker_version="0.1.0")


def test_the_summary_line_counts_each_verdict_in_a_fixed_order():
    assert summary_line(a_run()) == "2 claims: 1 supported, 1 source_unavailable"


def test_results_json_has_the_contract_shape():
    document = json.loads(json_report.render(a_run()))

    first = document["claims"][0]
    assert {k: first[k] for k in ("id", "verdict", "score", "reason")} == {
        "id": "q1", "verdict": "supported", "score": 1.0, "reason": "exact words found"}
    assert first["evidence"] == [{"url": "https://www.example.gov/t", "text": f"MR. KIRBY: we will win. {HOSTILE}",
                                  "start": 11, "end": 23, "locator": "para 4", "note": "exact"}]
    assert first["sources"][0]["provenance"]["provenance"] == "archived-copy"
    assert document["claims"][1]["sources"] == [{"url": "", "status": "no_source"}]
    assert document["summary"]["supported"] == 1 and document["summary"]["contradicted"] == 0
    assert document["problems"] == [{"row": 3, "column": "sources", "code": "no_sources", "severity": "warning",
                                     "message": "no source given"}]


def test_markdown_shows_third_party_text_as_text():
    text = markdown.render(a_run())

    assert "<script>" not in text
    assert "&lt;script&gt;alert(\"x\")&lt;/script&gt; \\[click\\](javascript:alert(1)) \\| =cmd" in text
    assert "[recorded copy](../cassettes/www.example.gov/t-1.yaml)" in text
    assert "; archived copy from test fixture (synthetic)" in text


def test_json_is_always_written_and_unknown_formats_are_refused():
    assert parse_formats("md") == ("json", "md")
    with pytest.raises(UsageError, match="unknown report format 'pdf'"):
        parse_formats("md,pdf")


def test_reports_replace_the_old_ones_whole(tmp_path):
    (tmp_path / "results.json").write_text("old", encoding="utf-8")

    written = write_reports(a_run(), tmp_path, ("json", "md"))

    assert [p.name for p in written] == ["results.json", "report.md"]
    assert json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))["claims"][0]["id"] == "q1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md", "results.json"]  # no temporary left
