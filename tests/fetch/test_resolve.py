"""A cited bill is read from govinfo's XML in the version in force on the claim's date.

Both fixtures are SYNTHETIC (tests/fixtures/bills/README.md, tests/fixtures/extract/README.md): a
bill status record modelled on GPO's BILLSTATUS schema and a bill modelled on GPO's bill XML.
"""

from datetime import date
from pathlib import Path

from checker.fetch.cassette import Recording, cassette_path, write_cassette
from checker.fetch.resolve import resolve_source
from checker.fetch.store import SourceStore
from checker.models import Claim, FailureReason, FetchFailure, Kind, Verdict
from checker.pipeline import verify

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CITED = "https://www.congress.gov/bill/117th-congress/senate-bill/4428/text"
STATUS = "https://www.govinfo.gov/bulkdata/BILLSTATUS/117/s/BILLSTATUS-117s4428.xml"
REPORTED = "https://www.govinfo.gov/content/pkg/BILLS-117s4428rs/xml/BILLS-117s4428rs.xml"
INTRODUCED = "https://www.govinfo.gov/content/pkg/BILLS-117s4428is/xml/BILLS-117s4428is.xml"


def record(cassettes: Path, url: str, fixture: str) -> None:
    body = (FIXTURES / fixture).read_bytes()
    write_cassette(cassette_path(cassettes, url), [Recording(url, 200, {"Content-Type": "application/xml"}, body)])


def test_a_source_that_is_no_bill_is_read_as_cited(tmp_path):
    where = resolve_source("https://www.example.gov/page", None, SourceStore(tmp_path))

    assert (where.url, where.version) == ("https://www.example.gov/page", "")


def test_a_bill_page_resolves_through_its_recorded_status_record_to_the_version_of_the_date(tmp_path):
    record(tmp_path, STATUS, "bills/synthetic-billstatus-117s4428.xml")
    store = SourceStore(tmp_path)

    assert resolve_source(CITED, date(2022, 9, 20), store).url == REPORTED
    assert resolve_source(CITED, date(2022, 7, 1), store).url == INTRODUCED


def test_without_the_status_record_the_cited_source_says_why(tmp_path):
    where = resolve_source(CITED, date(2022, 9, 20), SourceStore(tmp_path))

    assert isinstance(where, FetchFailure)
    assert (where.url, where.reason) == (CITED, FailureReason.NOT_RECORDED)
    assert where.detail == f"no recording (reading the bill's text versions from {STATUS})"


def test_a_wording_claim_on_a_bill_page_is_checked_in_the_bill_sections(tmp_path):
    record(tmp_path, STATUS, "bills/synthetic-billstatus-117s4428.xml")
    record(tmp_path, REPORTED, "extract/synthetic-bill.xml")
    claim = Claim(id="w", claim="the bill authorises $2,000,000,000", kind=Kind.WORDING,
                  expected="for each of fiscal years 2023 through 2026 $2,000,000,000", sources=(CITED,),
                  as_of=date(2022, 9, 20))

    (result,) = verify([claim], SourceStore(tmp_path))

    assert result.verdict is Verdict.SUPPORTED
    assert result.evidence[0].url == REPORTED
    assert result.evidence[0].locator == "Sec. 2(a)"
    assert result.reason.endswith("(bill version rs)")
    assert result.evidence[0].note.endswith("bill version: rs")
    (check,) = result.sources
    assert (check.url, check.provenance["read-as"]) == (CITED, REPORTED)


def test_a_wording_claim_says_which_recorded_versions_hold_it(tmp_path):
    record(tmp_path, REPORTED, "extract/synthetic-bill.xml")
    introduced = (FIXTURES / "extract" / "synthetic-bill.xml").read_text(encoding="utf-8").replace(
        "2023 through 2026", "2023 through 2025")  # an earlier text, differing in one year (synthetic)
    write_cassette(cassette_path(tmp_path, INTRODUCED),
                   [Recording(INTRODUCED, 200, {"Content-Type": "application/xml"}, introduced.encode("utf-8"))])
    claim = Claim(id="w", claim="c", kind=Kind.WORDING, expected="for each of fiscal years 2023 through 2026",
                  sources=(REPORTED,))

    (result,) = verify([claim], SourceStore(tmp_path))

    assert result.verdict is Verdict.SUPPORTED
    assert result.reason.endswith("recorded versions with this wording: rs; without it: is")
