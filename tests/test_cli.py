import json
import re

import pytest

from checker.cli import main
from checker.fetch.cassette import sha256
from checker.report import FORMATS
from support import reply

HEADER = "id,claim,kind,expected,subject,speaker,sources,as_of,notes\n"
MEMO_URL = "https://www.example.gov/memo"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A folder holding a claims file and one archived source (synthetic text, written for this test)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "memo.txt").write_text(
        "SYNTHETIC TEST TEXT.\n\nThe committee voted on the bill on Wednesday.\n", encoding="utf-8")
    return tmp_path


def write_claims(rows: str) -> None:
    with open("claims.csv", "w", encoding="utf-8") as handle:
        handle.write(HEADER + rows)


def test_validate_prints_each_problem_and_exits_2(project, capsys):
    write_claims("a,One,statement,,,,https://x.example/,,\nb,Two,guess,,,,https://x.example/,,\n")

    code = main(["validate", "claims.csv"])

    out, err = capsys.readouterr()
    assert code == 2
    assert err == ("claims.csv:3: kind: error: unknown kind 'guess'; use one of amount, count, ordinal, quote, "
                   "wording, statement, attribution\n")
    assert out == "claims.csv: 1 claims ready, 1 errors, 0 warnings\n"


def test_validate_a_missing_file_says_so(project, capsys):
    code = main(["validate", "nope.csv"])

    assert code == 2
    assert capsys.readouterr().err == "checker: error: nope.csv: no such file (give the path of a claims CSV file)\n"


def test_an_unknown_format_is_a_usage_error(project, capsys):
    write_claims("a,One,statement,,,,https://x.example/,,\n")

    code = main(["verify", "claims.csv", "--format", "json,pdf"])

    assert code == 2
    assert capsys.readouterr().err == (
        f"checker: error: unknown report format 'pdf'; use a comma-separated list of {', '.join(FORMATS)}\n")


def test_an_unknown_option_exits_2(project, capsys):
    assert main(["verify", "claims.csv", "--record", "sometimes"]) == 2
    assert "invalid choice: 'sometimes'" in capsys.readouterr().err


def test_import_then_verify_offline_reads_the_archived_copy(project, capsys):
    write_claims(f"vote,The committee voted on the bill,statement,,,,{MEMO_URL},,\n"
                 "nothing,A claim nobody sourced,statement,,,,,,\n"
                 "unrecorded,The bill passed,statement,,,,https://www.example.gov/other,,\n")

    assert main(["import", MEMO_URL, "memo.txt", "--origin", "written for this test"]) == 0
    capsys.readouterr()
    code = main(["verify", "claims.csv"])

    out, err = capsys.readouterr()
    results = json.loads((project / "reports" / "results.json").read_text(encoding="utf-8"))
    verdicts = {c["id"]: (c["verdict"], c["sources"][0]["status"]) for c in results["claims"]}
    assert code == 0
    assert verdicts == {
        "vote": ("supported", "ok"),
        "nothing": ("source_unavailable", "no_source"),
        "unrecorded": ("source_unavailable", "not_recorded"),
    }
    assert results["claims"][0]["sources"][0]["provenance"]["origin"] == "written for this test"
    assert err == ("claims.csv:3: sources: warning: no source given; the claim will be reported as unchecked\n"
                   "checker: 1 source(s) have no recording: fetch them with --record once, "
                   "or `checker import URL FILE` an archived copy\n")
    assert "3 claims: 1 supported, 2 source_unavailable" in out
    assert out.endswith("Reports: reports/results.json, reports/report.md\n")
    assert (project / "reports" / "report.md").read_text(encoding="utf-8").startswith("# Verification report\n")


def test_fail_on_turns_a_verdict_into_exit_1(project, capsys):
    write_claims("nothing,A claim nobody sourced,statement,,,,,,\n")

    assert main(["verify", "claims.csv", "--quiet"]) == 0
    assert main(["verify", "claims.csv", "--quiet", "--fail-on", "source_unavailable"]) == 1
    assert main(["verify", "claims.csv", "--quiet", "--fail-on", "contradicted"]) == 0


def test_rows_with_errors_are_reported_the_rest_checked_and_the_exit_is_2(project, capsys):
    write_claims("good,A claim nobody sourced,statement,,,,,,\nbad,Bad,statement,,,,ftp://x.example/,,\n")

    code = main(["verify", "claims.csv", "--quiet"])

    out, err = capsys.readouterr()
    assert code == 2
    assert out.startswith("1 claims: 1 source_unavailable\n")
    assert err.endswith("checker: 1 row error(s) in claims.csv; those rows were not checked\n")


def test_fetch_prints_the_text_of_a_recorded_source_and_says_where_it_came_from(project, capsys):
    main(["import", MEMO_URL, "memo.txt", "--origin", "written for this test"])
    capsys.readouterr()

    code = main(["fetch", MEMO_URL])

    out, err = capsys.readouterr()
    cassette = next((project / "cassettes").rglob("*.yaml")).relative_to(project)
    assert code == 0
    assert out == "SYNTHETIC TEST TEXT.\n\nThe committee voted on the bill on Wednesday.\n"
    assert re.fullmatch(re.escape(f"checker: {MEMO_URL}: recording {cassette} (archived copy imported ")
                        + r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00"
                        + re.escape(" from written for this test; text/plain; charset=utf-8; 68 characters)\n"), err)


def test_fetch_of_a_source_with_no_recording_says_why_and_exits_1(project, capsys):
    code = main(["fetch", "https://www.example.gov/other"])

    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    assert err == ("checker: https://www.example.gov/other: not_recorded: no recording\n"
                   "checker: fetch it with --record once, or `checker import URL FILE` an archived copy\n")


def test_fetch_refuses_a_bad_url_or_date_with_exit_2(project, capsys):
    assert main(["fetch", "ftp://www.example.gov/memo"]) == 2
    assert main(["fetch", MEMO_URL, "--as-of", "15/09/2022"]) == 2
    assert "argument --as-of: '15/09/2022' is not a date; use YYYY-MM-DD" in capsys.readouterr().err


def test_re_recording_prints_the_sources_that_changed(project, capsys, server):
    """A live source on 127.0.0.1 (SYNTHETIC text) is recorded, edited, then re-recorded."""
    served = {"text": b"The committee voted on the bill on Wednesday.\n"}
    server.routes["/memo"] = lambda handler: reply(handler, 200, served["text"])
    url = server.url("/memo")
    write_claims(f"vote,The committee voted on the bill,statement,,,,{url},,\n")
    assert main(["verify", "claims.csv", "--record", "all", "--allow-private", "--archive-fallback"]) == 0
    capsys.readouterr()

    served["text"] = b"The committee voted on the bill on Thursday.\n"
    code = main(["verify", "claims.csv", "--record", "all", "--allow-private"])

    out, _ = capsys.readouterr()
    old, new = sha256(b"The committee voted on the bill on Wednesday.\n"), sha256(served["text"])
    assert code == 0
    assert (f"Sources changed since the last recording (1 of 1 re-recorded):\n"
            f"  changed        {url}  (sha256 {old[:12]} -> {new[:12]})\n"
            f"      -The committee voted on the bill on Wednesday.\n"
            f"      +The committee voted on the bill on Thursday.\n") in out
    results = json.loads((project / "reports" / "results.json").read_text(encoding="utf-8"))
    assert results["source_changes"] == [{
        "url": url, "status": "changed", "detail": f"sha256 {old[:12]} -> {new[:12]}",
        "diff": "-The committee voted on the bill on Wednesday.\n+The committee voted on the bill on Thursday.",
    }]
    assert "## Source changes" in (project / "reports" / "report.md").read_text(encoding="utf-8")


def test_replaying_reports_no_source_changes(project, capsys):
    write_claims(f"vote,The committee voted on the bill,statement,,,,{MEMO_URL},,\n")
    main(["import", MEMO_URL, "memo.txt"])

    main(["verify", "claims.csv"])

    assert "Sources changed" not in capsys.readouterr().out
    assert "source_changes" not in json.loads((project / "reports" / "results.json").read_text(encoding="utf-8"))
