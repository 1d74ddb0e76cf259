import json
import os
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
    assert FORMATS[:2] == ("json", "md") and {"junit", "claimreview"} <= set(FORMATS)


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
    results = json.loads((project / "reports" / "latest" / "results.json").read_text(encoding="utf-8"))
    verdicts = {c["id"]: (c["verdict"], c["sources"][0]["status"]) for c in results["claims"]}
    assert code == 0
    assert verdicts == {
        "vote": ("supported", "ok"),
        "nothing": ("source_unavailable", "no_source"),
        "unrecorded": ("source_unavailable", "not_recorded"),
    }
    assert results["claims"][0]["sources"][0]["provenance"]["origin"] == "written for this test"
    lines = err.splitlines()
    assert lines[:2] == ["claims.csv:3: sources: warning: no source given; the claim will be reported as unchecked",
                         "checker: reading 2 source(s) for 3 claim(s)"]
    # Sources are read concurrently: the count runs in order, the URLs come as they finish.
    assert [line.split(" read: ")[0] for line in lines[2:4]] == ["checker: source 1/2", "checker: source 2/2"]
    assert {line.split(" read: ")[1] for line in lines[2:4]} == {MEMO_URL, "https://www.example.gov/other"}
    assert lines[4:] == ["checker: 3 claim(s) checked",
                         "checker: 1 source(s) have no recording: fetch them with --record once, "
                         "or `checker import URL FILE` an archived copy"]
    assert "3 claims: 1 supported, 2 source_unavailable" in out
    run = os.readlink(project / "reports" / "latest")
    assert re.fullmatch(r"\d{8}T\d{6}Z", run)
    assert out.endswith(f"Reports: reports/latest/results.json, reports/latest/report.md (run {run})\n")
    assert (project / "reports" / "latest" / "report.md").read_text(encoding="utf-8").startswith("# Verification report\n")


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
    results = json.loads((project / "reports" / "latest" / "results.json").read_text(encoding="utf-8"))
    assert results["source_changes"] == [{
        "url": url, "status": "changed", "detail": f"sha256 {old[:12]} -> {new[:12]}",
        "diff": "-The committee voted on the bill on Wednesday.\n+The committee voted on the bill on Thursday.",
    }]
    assert "## Source changes" in (project / "reports" / "latest" / "report.md").read_text(encoding="utf-8")


def test_replaying_reports_no_source_changes(project, capsys):
    write_claims(f"vote,The committee voted on the bill,statement,,,,{MEMO_URL},,\n")
    main(["import", MEMO_URL, "memo.txt"])

    main(["verify", "claims.csv"])

    assert "Sources changed" not in capsys.readouterr().out
    assert "source_changes" not in json.loads((project / "reports" / "latest" / "results.json").read_text(encoding="utf-8"))


def test_fail_on_takes_one_verdict_and_worse_or_exactly_a_list(project, capsys):
    write_claims(f"vote,The committee voted on the bill,statement,,,,{MEMO_URL},,\n"
                 "nothing,A claim nobody sourced,statement,,,,,,\n")
    main(["import", MEMO_URL, "memo.txt"])

    def exit_code(fail_on: str) -> int:
        return main(["verify", "claims.csv", "--quiet", "--fail-on", fail_on])

    # In the order supported < partially_supported < needs_review < source_unavailable < not_found < contradicted.
    assert exit_code("needs_review") == 1
    assert exit_code("not_found") == 0
    assert exit_code("supported") == 1
    assert exit_code("contradicted,not_found") == 0
    assert exit_code("needs_review,not_found") == 0
    assert exit_code("supported,contradicted") == 1
    assert exit_code("never") == 0
    capsys.readouterr()
    assert exit_code("contradicted,wrong") == 2
    assert capsys.readouterr().err.endswith(
        "argument --fail-on: unknown verdict 'wrong'; use never, one verdict, or a comma-separated list of "
        "supported, partially_supported, needs_review, source_unavailable, not_found, contradicted\n")


def test_each_run_has_its_folder_and_the_last_is_latest(project, capsys):
    write_claims("nothing,A claim nobody sourced,statement,,,,,,\n")

    main(["verify", "claims.csv", "--quiet"])
    main(["verify", "claims.csv", "--quiet"])

    runs = sorted(p.name for p in (project / "reports").iterdir() if p.name != "latest")
    assert len(runs) == 2 and all(re.fullmatch(r"\d{8}T\d{6}Z(-2)?", name) for name in runs)
    assert os.readlink(project / "reports" / "latest") == runs[-1]
    assert {p.name for p in (project / "reports" / "latest").iterdir()} == {"results.json", "report.md"}
    latest = json.loads((project / "reports" / "latest" / "results.json").read_text(encoding="utf-8"))
    assert latest["changes_since_last_run"]["claims_added"] == []


def test_a_second_run_with_one_source_changed_reports_that_change_and_fail_on_change_exits_1_once(
        project, capsys, server):
    """Two live sources on 127.0.0.1 (SYNTHETIC text); one changes its figure between runs."""
    served = {"/release": b"SYNTHETIC TEST TEXT. The President announced a $600 million security assistance "
                          b"package for Ukraine.\n",
              "/memo": b"SYNTHETIC TEST TEXT. The committee voted on the bill on Wednesday.\n"}
    for path in served:
        server.routes[path] = lambda handler, path=path: reply(handler, 200, served[path])
    release, memo = server.url("/release"), server.url("/memo")
    write_claims(f"aid,An additional $600 million in weapons to Ukraine,amount,$600 million,security assistance "
                 f"package,,{release},,\nvote,The committee voted on the bill,statement,,,,{memo},,\n")
    verify = ["verify", "claims.csv", "--record", "all", "--allow-private", "--fail-on-change",
              "--fail-on", "contradicted"]

    assert main(verify) == 0
    assert "Changes since the last run: none to compare with (this is the first run here)\n" in capsys.readouterr().out
    first_run = os.readlink(project / "reports" / "latest")
    assert main(verify) == 0
    assert f"Changes since the last run ({first_run}): none\n" in capsys.readouterr().out
    second_run = os.readlink(project / "reports" / "latest")

    old_text = served["/release"]
    served["/release"] = old_text.replace(b"$600", b"$675")
    code = main(verify)

    out, err = capsys.readouterr()
    old, new = sha256(old_text), sha256(served["/release"])
    assert code == 1
    assert (f"Changes since the last run ({second_run}):\n"
            f"  verdict        aid: supported -> contradicted\n"
            f"  changed        {release}  ({old[:12]} -> {new[:12]})\n"
            "2 claims: 1 supported, 1 contradicted\n") in out
    assert err.endswith("checker: 1 new regression(s) since the last run:\n  aid: supported -> contradicted\n")
    results = json.loads((project / "reports" / "latest" / "results.json").read_text(encoding="utf-8"))
    changes = results["changes_since_last_run"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", changes.pop("previous_generated_at"))
    assert changes == {
        "previous_run": second_run,
        "verdicts": [{"id": "aid", "old": "supported", "new": "contradicted"}],
        "sources": [{"url": release, "status": "changed", "old": old, "new": new,
                     "diff": "-The President announced a $600 million security assistance package for Ukraine.\n"
                             "+The President announced a $675 million security assistance package for Ukraine."}],
        "claims_added": [], "claims_removed": []}
    report = (project / "reports" / "latest" / "report.md").read_text(encoding="utf-8")
    assert (f"- **verdict** aid: supported → contradicted\n"
            f"- **source changed** <{release}> ({old[:12]} → {new[:12]})\n") in report

    # Nothing new since: the scheduled job is green again, though the claim is still contradicted.
    assert main(verify) == 0
    assert main([arg for arg in verify if arg != "--fail-on-change"]) == 1  # plain --fail-on still sees it


def test_a_source_newly_failing_is_a_regression(project, capsys, server):
    """A live source on 127.0.0.1 (SYNTHETIC text) that starts answering 404."""
    served = {"status": 200}
    server.routes["/memo"] = lambda handler: reply(handler, served["status"], b"SYNTHETIC TEST TEXT. The committee "
                                                                              b"voted on the bill on Wednesday.\n")
    url = server.url("/memo")
    write_claims(f"vote,The committee voted on the bill,statement,,,,{url},,\n")
    verify = ["verify", "claims.csv", "--record", "all", "--allow-private", "--fail-on-change", "--quiet"]
    assert main(verify) == 0
    capsys.readouterr()

    served["status"] = 404
    code = main(verify)

    assert code == 1
    assert capsys.readouterr().err.endswith(
        f"checker: 1 new regression(s) since the last run:\n  {url}: newly failing (ok -> dead)\n")


def test_junit_and_claimreview_are_written_on_request(project, capsys):
    write_claims(f"vote,The committee voted on the bill,statement,,,,{MEMO_URL},,\n")
    main(["import", MEMO_URL, "memo.txt"])

    code = main(["verify", "claims.csv", "--format", "junit,claimreview", "--quiet",
                 "--article-url", "https://news.example.com/story", "--publisher", "Example Desk"])

    latest = project / "reports" / "latest"
    assert code == 0
    assert sorted(p.name for p in latest.iterdir()) == ["claimreview.json", "junit.xml", "results.json"]
    assert '<testcase classname="statement" name="vote"' in (latest / "junit.xml").read_text(encoding="utf-8")
    (review,) = json.loads((latest / "claimreview.json").read_text(encoding="utf-8"))
    assert (review["claimReviewed"], review["author"]["name"], review["itemReviewed"]["appearance"]["url"]) == (
        "The committee voted on the bill", "Example Desk", "https://news.example.com/story")


def test_quiet_prints_no_progress(project, capsys):
    write_claims(f"vote,The committee voted on the bill,statement,,,,{MEMO_URL},,\n")
    main(["import", MEMO_URL, "memo.txt"])
    capsys.readouterr()

    main(["verify", "claims.csv", "--quiet"])

    out, err = capsys.readouterr()
    assert err == ""
    assert out.startswith("1 claims: 1 supported\n")
