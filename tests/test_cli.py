import json

import pytest

from checker.cli import main

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
        "checker: error: unknown report format 'pdf'; use a comma-separated list of json, md\n")


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
    assert err == "claims.csv:3: sources: warning: no source given; the claim will be reported as unchecked\n"
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
