"""Bill references resolved to govinfo bill XML, the version chosen by the claim's date."""

from datetime import date
from pathlib import Path

import pytest

from checker.fetch.bills import (
    BillRef,
    BillStatusError,
    Resolution,
    TextVersion,
    billstatus_url,
    choose_version,
    govinfo_xml_url,
    parse_bill_reference,
    resolve_bill,
    text_versions,
)
from checker.models import FailureReason, FetchFailure

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "bills"
STATUS_117S4428 = "https://www.govinfo.gov/bulkdata/BILLSTATUS/117/s/BILLSTATUS-117s4428.xml"
IS_XML = "https://www.govinfo.gov/content/pkg/BILLS-117s4428is/xml/BILLS-117s4428is.xml"
RS_XML = "https://www.govinfo.gov/content/pkg/BILLS-117s4428rs/xml/BILLS-117s4428rs.xml"

INTRODUCED = TextVersion("is", "Introduced in Senate", date(2022, 6, 16))
REPORTED = TextVersion("rs", "Reported in Senate", date(2022, 9, 15))


def synthetic_status() -> bytes:
    return (FIXTURES / "synthetic-billstatus-117s4428.xml").read_bytes()


@pytest.mark.parametrize(
    "reference, expected",
    [
        ("117-s-4428", BillRef(117, "s", 4428)),
        ("117-s-4428-rs", BillRef(117, "s", 4428, "rs")),
        ("117-S-4428", BillRef(117, "s", 4428)),
        (" 118-hr-2670-enr ", BillRef(118, "hr", 2670, "enr")),
        ("117-hconres-5", BillRef(117, "hconres", 5)),
        ("BILLS-117s4428rs", BillRef(117, "s", 4428, "rs")),
        ("https://www.congress.gov/bill/117th-congress/senate-bill/4428", BillRef(117, "s", 4428)),
        ("https://www.congress.gov/bill/117th-congress/senate-bill/4428/text", BillRef(117, "s", 4428)),
        ("https://www.congress.gov/bill/117th-congress/senate-bill/4428/text/rs", BillRef(117, "s", 4428, "rs")),
        ("https://www.congress.gov/bill/117th-congress/senate-bill/4428/text?format=txt", BillRef(117, "s", 4428)),
        ("https://www.congress.gov/bill/117th-congress/senate-bill/4428/text/is?format=txt&r=1",
         BillRef(117, "s", 4428, "is")),
        ("https://www.congress.gov/bill/117th-congress/senate-bill/4428/all-actions", BillRef(117, "s", 4428)),
        ("https://congress.gov/bill/117th-congress/house-bill/7776/text/enr", BillRef(117, "hr", 7776, "enr")),
        ("https://www.congress.gov/bill/117th-congress/house-bill/7776/text/pl", BillRef(117, "hr", 7776)),
        ("https://www.congress.gov/bill/117th-congress/house-joint-resolution/1", BillRef(117, "hjres", 1)),
        ("https://www.congress.gov/bill/117th-congress/senate-joint-resolution/2", BillRef(117, "sjres", 2)),
        ("https://www.congress.gov/bill/117th-congress/house-resolution/3", BillRef(117, "hres", 3)),
        ("https://www.congress.gov/bill/117th-congress/senate-resolution/4", BillRef(117, "sres", 4)),
        ("https://www.congress.gov/bill/117th-congress/house-concurrent-resolution/5", BillRef(117, "hconres", 5)),
        ("https://www.congress.gov/bill/117th-congress/senate-concurrent-resolution/6", BillRef(117, "sconres", 6)),
        ("https://www.congress.gov/bill/111th-congress/house-bill/3590", BillRef(111, "hr", 3590)),
        ("https://www.congress.gov/bill/113/hr/83", BillRef(113, "hr", 83)),
        (RS_XML, BillRef(117, "s", 4428, "rs")),
        ("https://www.govinfo.gov/content/pkg/BILLS-117s4428rs/html/BILLS-117s4428rs.htm",
         BillRef(117, "s", 4428, "rs")),
        ("https://www.govinfo.gov/content/pkg/BILLS-117s4428is/pdf/BILLS-117s4428is.pdf",
         BillRef(117, "s", 4428, "is")),
        ("https://www.govinfo.gov/app/details/BILLS-117s4428rs", BillRef(117, "s", 4428, "rs")),
        ("https://www.govinfo.gov/content/pkg/BILLS-117hres5es/xml/BILLS-117hres5es.xml",
         BillRef(117, "hres", 5, "es")),
        ("https://www.govinfo.gov/content/pkg/BILLS-117sconres14ats/xml/BILLS-117sconres14ats.xml",
         BillRef(117, "sconres", 14, "ats")),
    ],
)
def test_bill_ids_and_urls_name_a_bill(reference, expected):
    assert parse_bill_reference(reference) == expected


@pytest.mark.parametrize(
    "reference",
    [
        "",
        "S. 4428",
        "117-x-4428",
        "117-s-0",
        "117-s-4428-rs-extra",
        "https://www.congress.gov/",
        "https://www.congress.gov/amendment/117th-congress/senate-amendment/890",
        "https://www.congress.gov/bill/117th-congress/senate-bill/",
        "https://www.congress.gov/bill/117th-congress/treaty/4428",
        "https://www.congress.gov/congressional-record/2022/09/14/senate-section",
        "https://www.govinfo.gov/app/collection/bills",
        "https://www.govinfo.gov/content/pkg/PLAW-117publ999/xml/PLAW-117publ999.xml",
        "https://www.govinfo.gov/content/pkg/BILLS-117s4428/xml/BILLS-117s4428.xml",
        STATUS_117S4428,
        "https://example.com/bill/117th-congress/senate-bill/4428",
        "https://example.com/content/pkg/BILLS-117s4428rs/xml/BILLS-117s4428rs.xml",
        "ftp://www.govinfo.gov/content/pkg/BILLS-117s4428rs/xml/BILLS-117s4428rs.xml",
        "https://www.defense.gov/News/Releases/Release/Article/3159346/",
    ],
)
def test_anything_else_is_not_a_bill_reference(reference):
    assert parse_bill_reference(reference) is None


def test_the_govinfo_xml_url_of_a_version():
    assert govinfo_xml_url(BillRef(117, "s", 4428, "rs")) == RS_XML
    assert govinfo_xml_url(BillRef(118, "hjres", 7, "enr")) == (
        "https://www.govinfo.gov/content/pkg/BILLS-118hjres7enr/xml/BILLS-118hjres7enr.xml"
    )


def test_a_govinfo_xml_url_needs_a_version():
    with pytest.raises(ValueError, match="names no version"):
        govinfo_xml_url(BillRef(117, "s", 4428))


def test_the_billstatus_url_ignores_the_version():
    assert billstatus_url(BillRef(117, "s", 4428, "rs")) == STATUS_117S4428
    assert billstatus_url(BillRef(114, "hjres", 88)) == (
        "https://www.govinfo.gov/bulkdata/BILLSTATUS/114/hjres/BILLSTATUS-114hjres88.xml"
    )


def test_text_versions_are_read_oldest_first_and_the_empty_item_left_out():
    assert text_versions(synthetic_status()) == [INTRODUCED, REPORTED]


def test_a_version_code_comes_from_its_url_else_from_its_name():
    """A SYNTHETIC record (made-up bill and dates): a version with a govinfo URL, one named only, one not known."""
    status = b"""<billStatus><bill><textVersions>
      <item><type>Public Law</type><date>2022-12-23T05:00:00Z</date>
        <formats><item><url>https://www.govinfo.gov/content/pkg/PLAW-117publ999/xml/PLAW-117publ999.xml</url>
        </item></formats></item>
      <item><type>Enrolled Bill</type><date>2022-12-20T05:00:00Z</date><formats/></item>
      <item><type>Engrossed Amendment Senate</type><date>2022-12-15T05:00:00Z</date>
        <formats><item><url>https://www.govinfo.gov/content/pkg/BILLS-117hr9999eas/xml/BILLS-117hr9999eas.xml</url>
        </item></formats></item>
    </textVersions></bill></billStatus>"""

    assert text_versions(status) == [
        TextVersion("eas", "Engrossed Amendment Senate", date(2022, 12, 15)),
        TextVersion("enr", "Enrolled Bill", date(2022, 12, 20)),
        TextVersion("", "Public Law", date(2022, 12, 23)),
    ]


def test_versions_of_the_same_day_keep_the_records_newest_first_order():
    """A SYNTHETIC record (made-up bill and dates): the record lists the newest version first."""
    status = b"""<billStatus><bill><textVersions>
      <item><type>Placed on Calendar Senate</type><date>2022-03-02T05:00:00Z</date><formats/></item>
      <item><type>Received in Senate</type><date>2022-03-02T05:00:00Z</date><formats/></item>
    </textVersions></bill></billStatus>"""

    versions = text_versions(status)

    assert [version.code for version in versions] == ["rds", "pcs"]
    assert choose_version(versions, date(2022, 3, 2)).code == "pcs"


def test_a_record_without_text_versions_has_none():
    assert text_versions(b"<billStatus><bill><number>1</number></bill></billStatus>") == []


@pytest.mark.parametrize(
    "content",
    [b"<html><head><title>Just a moment...</title></head></html>", b"", b"\x00\x01 not xml"],
)
def test_bytes_that_are_not_a_billstatus_record_are_an_error(content):
    with pytest.raises(BillStatusError, match="not a BILLSTATUS record"):
        text_versions(content)


@pytest.mark.parametrize(
    "as_of, expected",
    [
        (date(2022, 6, 1), INTRODUCED),  # before every version: the earliest
        (date(2022, 6, 16), INTRODUCED),  # on the day of a version: that version
        (date(2022, 9, 14), INTRODUCED),  # the committee's vote, the day before the reported text is dated
        (date(2022, 9, 15), REPORTED),
        (date(2023, 1, 1), REPORTED),  # after every version: the latest
        (None, REPORTED),
    ],
)
def test_the_version_in_force_on_the_claims_date_is_chosen(as_of, expected):
    assert choose_version([INTRODUCED, REPORTED], as_of) == expected


def test_versions_without_a_code_or_a_date_are_never_chosen():
    public_law = TextVersion("", "Public Law", date(2022, 12, 23))
    undated = TextVersion("es", "Engrossed in Senate", None)

    assert choose_version([INTRODUCED, public_law, undated], None) == INTRODUCED
    assert choose_version([public_law, undated], date(2023, 1, 1)) is None
    assert choose_version([], None) is None


def never_called(url: str) -> bytes:
    raise AssertionError(f"fetched {url}")


def test_a_version_named_in_the_reference_wins_and_nothing_is_fetched():
    resolution = resolve_bill(BillRef(117, "s", 4428, "rs"), date(2022, 6, 20), never_called)

    assert resolution == Resolution(RS_XML, "rs", "version 'rs' named in the reference")


def test_without_a_version_the_billstatus_record_chooses_it_by_the_claims_date():
    fetched: list[str] = []

    def fetch(url: str) -> bytes:
        fetched.append(url)
        return synthetic_status()

    resolution = resolve_bill(BillRef(117, "s", 4428), date(2022, 9, 20), fetch)

    assert fetched == [STATUS_117S4428]
    assert resolution == Resolution(
        RS_XML,
        "rs",
        "'rs' (Reported in Senate, 2022-09-15): the latest text version on or before the claim's date 2022-09-20",
        (INTRODUCED, REPORTED),
    )


def test_the_reason_says_when_the_claim_is_dated_before_every_version():
    resolution = resolve_bill(BillRef(117, "s", 4428), date(2022, 1, 3), lambda url: synthetic_status())

    assert (resolution.url, resolution.version, resolution.reason) == (
        IS_XML,
        "is",
        "'is' (Introduced in Senate, 2022-06-16): the earliest text version;"
        " the claim's date 2022-01-03 is before every version",
    )


def test_the_reason_says_when_the_claim_has_no_date():
    resolution = resolve_bill(BillRef(117, "s", 4428), None, lambda url: synthetic_status())

    assert (resolution.url, resolution.reason) == (
        RS_XML,
        "'rs' (Reported in Senate, 2022-09-15): the latest text version; the claim gives no date",
    )


def test_a_failure_to_get_the_billstatus_record_is_returned_as_it_is():
    blocked = FetchFailure(STATUS_117S4428, FailureReason.BLOCKED, "HTTP 403")

    assert resolve_bill(BillRef(117, "s", 4428), date(2022, 9, 14), lambda url: blocked) is blocked


def test_a_record_that_cannot_be_read_is_an_error_of_the_billstatus_url():
    challenge = b"<html><head><title>Just a moment...</title></head></html>"

    outcome = resolve_bill(BillRef(117, "s", 4428), None, lambda url: challenge)

    assert outcome == FetchFailure(
        STATUS_117S4428, FailureReason.ERROR, "not a BILLSTATUS record: the root element is <html>"
    )


def test_a_record_with_no_version_on_govinfo_is_an_error_that_lists_what_it_has():
    status = b"<billStatus><bill><textVersions><item><type>Public Law</type><date>2022-12-23T05:00:00Z</date>" \
             b"<formats/></item></textVersions></bill></billStatus>"

    outcome = resolve_bill(BillRef(117, "hr", 9999), None, lambda url: status)

    assert outcome == FetchFailure(
        "https://www.govinfo.gov/bulkdata/BILLSTATUS/117/hr/BILLSTATUS-117hr9999.xml",
        FailureReason.ERROR,
        "the bill status lists no text version on govinfo (listed: Public Law)",
    )
