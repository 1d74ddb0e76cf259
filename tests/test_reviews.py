"""The review loop: export, a reviewer fills the sheet, `checker review import`, later reports show it."""

import csv
import hashlib
import json
import shutil

import openpyxl
import pytest
import yaml

from checker.cli import main
from checker.models import Claim, Evidence, Kind, Result, Verdict
from checker.reviews import (Review, ReviewImportError, evidence_hash, load_reviews, merge, neutralise,
                             parse_verdict, render_reviews, restore, reviews_from_sheet, with_staleness)
from support import ROOT

HASH = "ab" * 32
VERDICTS = ", ".join(Verdict)


@pytest.mark.parametrize("value, neutral", [
    ("=HYPERLINK(\"http://evil.example\")", "'=HYPERLINK(\"http://evil.example\")"),
    ("@SUM(1)", "'@SUM(1)"),
    ("+1 555", "'+1 555"),
    ("-2", "'-2"),
    ("\tcmd", "'\tcmd"),
    ("\rcmd", "'\rcmd"),
    ("\ncmd", "'\ncmd"),
    ("$600 million", "$600 million"),
    ("a = b", "a = b"),
    ("'quoted", "'quoted"),
    ("", ""),
])
def test_cells_that_start_like_a_formula_get_a_quote_and_get_it_back(value, neutral):
    assert neutralise(value) == neutral
    assert restore(neutral) == value


@pytest.mark.parametrize("typed, verdict", [
    ("supported", Verdict.SUPPORTED), (" Partially supported ", Verdict.PARTIALLY_SUPPORTED),
    ("not-found", Verdict.NOT_FOUND), ("NEEDS_REVIEW", Verdict.NEEDS_REVIEW), ("true", None), ("", None),
])
def test_a_verdict_is_read_as_a_person_types_it(typed, verdict):
    assert parse_verdict(typed) is verdict


def a_result(claim_id: str, *texts: str) -> Result:
    evidence = tuple(Evidence("https://www.example.gov/t", text, 0, len(text)) for text in texts)
    return Result(Claim(claim_id, "synthetic claim", Kind.STATEMENT), Verdict.SUPPORTED, 1.0, "synthetic", evidence)


def test_the_evidence_hash_is_sha256_of_the_evidence_texts_in_order():
    assert evidence_hash(a_result("a", "one", "two")) == hashlib.sha256("one\x1etwo".encode()).hexdigest()
    assert evidence_hash(a_result("a")) == hashlib.sha256(b"").hexdigest()
    assert evidence_hash(a_result("a", "two", "one")) != evidence_hash(a_result("a", "one", "two"))


def test_a_review_is_stale_when_the_evidence_is_no_longer_what_the_reviewer_saw():
    seen = a_result("a", "the drawdown of up to $600 million")
    reviews = {
        "a": Review("a", Verdict.SUPPORTED, evidence_hash=evidence_hash(seen)),
        "b": Review("b", Verdict.SUPPORTED, evidence_hash=evidence_hash(seen)),
        "gone": Review("gone", Verdict.SUPPORTED, evidence_hash=HASH),
    }

    marked = with_staleness(reviews, [seen, a_result("b", "the drawdown of up to $675 million")])

    assert {claim_id: review.stale for claim_id, review in marked.items()} == {"a": False, "b": True}


def sheet_row(claim_id: str, verdict: str, note: str = "", reviewer: str = "", hash_: str = HASH) -> dict[str, str]:
    return {"id": claim_id, "verdict": "not_found", "evidence_hash": hash_, "reviewer_verdict": verdict,
            "reviewer_note": note, "reviewer": reviewer}


def test_every_problem_of_a_sheet_is_reported_at_once_with_its_row():
    rows = [(2, sheet_row("a", "supported")), (3, sheet_row("b", "true")), (4, sheet_row("zz", "contradicted")),
            (5, sheet_row("c", "supported", hash_="")), (6, sheet_row("a", "needs_review")), (7, sheet_row("d", ""))]

    with pytest.raises(ReviewImportError) as raised:
        reviews_from_sheet(rows, {"a", "b", "c", "d"}, "reviewed.csv", "2026-11-24T00:00:00+00:00", "claims.csv")

    assert raised.value.problems == (
        f"row 3: reviewer_verdict: unknown verdict 'true'; use one of {VERDICTS}",
        "row 4: id: unknown claim id 'zz'; it is not a claim in claims.csv",
        "row 5: evidence_hash: empty; review a sheet exported by `checker verify --format xlsx` (or csv) and keep "
        "that column",
        "row 6: id: claim 'a' is decided again (first in row 2); keep one decision per claim",
    )


def test_rows_without_a_reviewer_verdict_are_skipped():
    rows = [(2, sheet_row("a", "Supported", "ok", "ann")), (3, sheet_row("b", ""))]

    reviews, skipped = reviews_from_sheet(rows, {"a", "b"}, "reviewed.csv", "2026-11-24T00:00:00+00:00")

    assert skipped == 1
    assert reviews == {"a": Review("a", Verdict.SUPPORTED, "ok", "ann", HASH, "not_found",
                                   "2026-11-24T00:00:00+00:00")}


def test_a_newer_decision_replaces_the_older_and_the_same_decision_keeps_its_date():
    kept = {"a": Review("a", Verdict.SUPPORTED, "ok", "ann", HASH, reviewed_at="2026-11-01"),
            "b": Review("b", Verdict.NOT_FOUND, reviewed_at="2026-11-01")}
    imported = {"a": Review("a", Verdict.SUPPORTED, "ok", "ann", HASH, reviewed_at="2026-11-24"),
                "b": Review("b", Verdict.CONTRADICTED, reviewed_at="2026-11-24"),
                "c": Review("c", Verdict.NEEDS_REVIEW, reviewed_at="2026-11-24")}

    merged, added, updated, unchanged = merge(kept, imported)

    assert (added, updated, unchanged) == (("c",), ("b",), ("a",))
    assert {claim_id: (r.verdict.value, r.reviewed_at) for claim_id, r in merged.items()} == {
        "a": ("supported", "2026-11-01"), "b": ("contradicted", "2026-11-24"), "c": ("needs_review", "2026-11-24")}


def test_reviews_csv_keeps_hostile_notes_inert_and_reads_them_back(tmp_path):
    path = tmp_path / "reviews.csv"
    review = Review("a", Verdict.CONTRADICTED, "=HYPERLINK(\"http://evil.example\")", "@bo", HASH, "supported",
                    "2026-11-24T00:00:00+00:00")
    path.write_text(render_reviews({"a": review}), encoding="utf-8")

    assert path.read_text(encoding="utf-8") == (
        "id,verdict,note,reviewer,evidence_hash,checker_verdict,reviewed_at\n"
        f"a,contradicted,\"'=HYPERLINK(\"\"http://evil.example\"\")\",'@bo,{HASH},supported,"
        "2026-11-24T00:00:00+00:00\n")
    assert load_reviews(path) == {"a": review}
    assert load_reviews(tmp_path / "absent.csv") == {}


# -- the command line, on the shipped claims and recordings -------------------------------------------------

@pytest.fixture
def project(tmp_path, monkeypatch):
    """A copy of the shipped claims and recordings: the test edits a recording and writes reviews.csv."""
    shutil.copy(ROOT / "claims.csv", tmp_path / "claims.csv")
    shutil.copytree(ROOT / "cassettes", tmp_path / "cassettes")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def keep_only(*claim_ids: str) -> None:
    """Cut the copied claims.csv down to a few claims, for tests that need no more (matching takes seconds)."""
    with open("claims.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    with open("claims.csv", "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([rows[0], *(row for row in rows[1:] if row[0] in claim_ids)])


def texts(claim: dict) -> list[str]:
    return [evidence["text"] for evidence in claim["evidence"]]


def verify(*formats: str) -> dict[str, dict]:
    assert main(["verify", "claims.csv", "--out", "reports", "--quiet", "--format", ",".join(formats)]) == 0
    document = json.loads(open("reports/latest/results.json", encoding="utf-8").read())
    return {claim["id"]: claim for claim in document["claims"]}


def fill_in(path: str, decide) -> dict[str, tuple[str, str, str]]:
    """Play the reviewer: fill the reviewer columns of results.xlsx with `decide(id, row)`; returns what was set."""
    book = openpyxl.load_workbook(path)
    sheet = book.active
    column = {cell.value: cell.column for cell in sheet[1]}
    decided = {}
    for row in range(2, sheet.max_row + 1):
        claim_id = sheet.cell(row, column["id"]).value
        decision = decide(claim_id, row)
        if decision:
            for name, value in zip(("reviewer_verdict", "reviewer_note", "reviewer"), decision):
                sheet.cell(row, column[name], value)
            decided[claim_id] = decision
    book.save("reviewed.xlsx")
    return decided


def test_a_review_round_trip_through_xlsx_keeps_every_decision_and_flags_a_changed_source(project, capsys):
    first = verify("xlsx")
    verdicts = list(Verdict)
    decided = fill_in("reports/latest/results.xlsx", lambda claim_id, row: (
        verdicts[row % len(verdicts)].value, f"=note on {claim_id}" if row == 2 else f"checked {claim_id}",
        "ann" if row % 2 else "bo"))
    capsys.readouterr()

    assert main(["review", "import", "reviewed.xlsx"]) == 0

    assert capsys.readouterr().out.splitlines()[0] == (
        "reviewed.xlsx: 50 added, 0 updated, 0 unchanged, 0 row(s) with no reviewer_verdict skipped")
    assert len(decided) == len(first) == 50

    # Then the Sullivan briefing of 2022-09-20 changes where it calls Modi "India's Prime Minister".
    cassette = next((project / "cassettes").rglob("*national-security-advis-06b831dd97.yaml"))
    recording = yaml.safe_load(cassette.read_text(encoding="utf-8"))
    body = recording["interactions"][0]["response"]["body"]
    assert "bluntly told" in body["string"]
    body["string"] = body["string"].replace("bluntly told", "told")
    cassette.write_text(yaml.safe_dump(recording, allow_unicode=True), encoding="utf-8")

    second = verify("json", "md")

    shown = {claim_id: (c["review"]["verdict"], c["review"]["note"], c["review"]["reviewer"])
             for claim_id, c in second.items()}
    assert shown == {claim_id: tuple(decision) for claim_id, decision in decided.items()}
    stale = {claim_id for claim_id, claim in second.items() if claim["review"]["stale"]}
    assert "modi-title" in stale and "aid-600m" not in stale
    assert stale == {claim_id for claim_id in second if texts(second[claim_id]) != texts(first[claim_id])}
    report = open("reports/latest/report.md", encoding="utf-8").read()
    assert report.count("- **Reviewer:** ") == 50
    (line,) = [line for line in report.splitlines() if line.endswith("): =note on invasion-six-months")]
    assert line.startswith("- **Reviewer:** ❌ contradicted by bo (")
    assert report.count("· **stale**: the source has changed since this review") == len(stale)


def test_a_reviewed_csv_is_imported_too(project, capsys):
    keep_only("aid-600m", "modi-title", "advance-dozens-miles")
    verify("csv")
    with open("reports/latest/results.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0])[-3:] == ["reviewer_verdict", "reviewer_note", "reviewer"]
    for row in rows:
        if row["id"] == "aid-600m":
            row.update(reviewer_verdict="Supported", reviewer_note="memo and briefing agree", reviewer="ann")
    with open("reviewed.csv", "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    capsys.readouterr()

    assert main(["review", "import", "reviewed.csv"]) == 0

    assert capsys.readouterr().out == (
        "reviewed.csv: 1 added, 0 updated, 0 unchanged, 2 row(s) with no reviewer_verdict skipped\n"
        "  added: aid-600m\n"
        "Reviews: reviews.csv\n")
    (review,) = load_reviews(project / "reviews.csv").values()
    assert (review.claim_id, review.verdict, review.note, review.reviewer, review.checker_verdict) == (
        "aid-600m", Verdict.SUPPORTED, "memo and briefing agree", "ann", "supported")


def test_a_sheet_with_problems_imports_nothing_and_leaves_reviews_csv_as_it_was(project, capsys):
    keep_only("aid-600m", "modi-title", "advance-dozens-miles")
    verify("xlsx")
    fill_in("reports/latest/results.xlsx", lambda claim_id, row: ("supported", "fine", "ann") if row == 2 else None)
    assert main(["review", "import", "reviewed.xlsx"]) == 0
    kept = (project / "reviews.csv").read_bytes()

    def decide(claim_id, row):
        return {3: ("true", "", ""), 4: ("contradicted", "", "")}.get(row)
    fill_in("reports/latest/results.xlsx", decide)
    book = openpyxl.load_workbook("reviewed.xlsx")
    book.active.cell(4, 1, "no-such-claim")
    book.save("reviewed.xlsx")
    capsys.readouterr()

    code = main(["review", "import", "reviewed.xlsx"])

    assert code == 2
    assert capsys.readouterr().err == (
        "checker: error: reviewed.xlsx: 2 problem(s), nothing imported:\n"
        f"  row 3: reviewer_verdict: unknown verdict 'true'; use one of {VERDICTS}\n"
        "  row 4: id: unknown claim id 'no-such-claim'; it is not a claim in claims.csv\n")
    assert (project / "reviews.csv").read_bytes() == kept


def test_import_refuses_a_file_that_is_not_a_sheet(project, capsys):
    (project / "notes.txt").write_text("id,reviewer_verdict\n", encoding="utf-8")

    assert main(["review", "import", "notes.txt"]) == 2
    assert main(["review", "import", "absent.xlsx"]) == 2

    assert capsys.readouterr().err == (
        "checker: error: notes.txt: not a .csv or .xlsx file; import the results.csv or results.xlsx that "
        "`checker verify --format csv,xlsx` wrote\n"
        "checker: error: absent.xlsx: no such file (give the reviewed results.csv or results.xlsx)\n")
    assert not (project / "reviews.csv").exists()
