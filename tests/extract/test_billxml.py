"""Bill XML (GPO bill DTD) and the real govinfo XHTML renderings of bills."""

from pathlib import Path

import pytest

from checker.extract import extract_document
from checker.extract.billxml import bill_version, parse

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extract"
SHARED_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
XHTML_SAMPLES = SHARED_DATA / "govinfo-bills" / "sample-xhtml"
GOVINFO_URL = "https://www.govinfo.gov/content/pkg/BILLS-117s9999rs/xml/BILLS-117s9999rs.xml"


def synthetic_bill():
    return extract_document((FIXTURES / "synthetic-bill.xml").read_bytes(), "application/xml", GOVINFO_URL)


def passage_at(document, phrase: str):
    offset = document.text.index(phrase)
    return next(p for p in document.passages if p.start <= offset < p.end)


def test_locators_are_built_from_the_nested_enums():
    document = synthetic_bill()

    assert passage_at(document, "Security assistance").locator == "Sec. 2"
    assert passage_at(document, "$2,000,000,000").locator == "Sec. 2(a)"
    assert passage_at(document, "partner defense programs").locator == "Sec. 2(a)(1)"
    assert passage_at(document, "is amended by adding").locator == "Sec. 2(b)"
    assert passage_at(document, "TITLE II").locator == "Title II"
    assert passage_at(document, "a description of the assistance").locator == "Sec. 201(a)(1)"
    assert passage_at(document, "16 launchers").locator == "Sec. 201(a)(2)(B)"


def test_headers_and_enums_are_printed_as_in_the_bill():
    document = synthetic_bill()

    assert passage_at(document, "$2,000,000,000").text == (
        "(a) Authorization.\u2014There is authorized to be appropriated to the Secretary of State for each of"
        " fiscal years 2023 through 2026 $2,000,000,000 for the purposes described in this section."
    )
    assert passage_at(document, "Reporting requirement").text == "SEC. 201. Reporting requirement."
    assert passage_at(document, "16 launchers").text == (
        "(B) the 16 launchers delivered before the date of the enactment of this Act."
    )


def test_quote_elements_get_their_quotation_marks_back():
    document = synthetic_bill()

    assert passage_at(document, "may be cited as").text == (
        "SEC. 1. Short title. This Act may be cited as the \u201cSynthetic Partner Support Act of 2022\u201d."
    )


def test_quoted_block_is_in_quotation_marks_and_keeps_the_quoting_sections_locator():
    document = synthetic_bill()
    inserted = passage_at(document, "(c) Reports")

    assert inserted.locator == "Sec. 2(b)"
    assert inserted.text == (
        "\u201c(c) Reports.\u2014The Secretary shall submit the report described as the \u2018annual report\u2019"
        " not later than 90 days after the date of the enactment of this subsection.\u201d."
    )


def test_offsets_are_exact():
    document = synthetic_bill()

    assert len(document.passages) == 22
    for passage in document.passages:
        assert document.text[passage.start:passage.end] == passage.text


def test_title_version_and_struck_text():
    document = synthetic_bill()

    assert document.title == "117 S9999 RS: Synthetic Partner Support Act of 2022"
    assert document.provenance["bill_version"] == "rs"
    assert document.provenance["bill_stage"] == "Reported-in-Senate"
    assert document.provenance["struck_text"] == "omitted"
    assert "Struck Original Act" not in document.text


def test_form_and_official_title_are_located():
    document = synthetic_bill()

    assert passage_at(document, "To authorize synthetic assistance").locator == "Official title"
    assert passage_at(document, "Mr. Example").text == (
        "June 16, 2022 Mr. Example introduced the following bill; which was read twice and referred to the"
        " Committee on Foreign Relations"
    )


def test_bill_version_from_url_then_dc_title_then_stage():
    with_title = parse('<bill xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>118 HR 815 ENR: X</dc:title></bill>')
    with_stage = parse('<bill bill-stage="Introduced-in-Senate"/>')

    assert bill_version(with_stage, "https://www.govinfo.gov/content/pkg/BILLS-117s4428rs/xml/BILLS-117s4428rs.xml") == "rs"
    assert bill_version(with_title) == "enr"
    assert bill_version(with_stage) == "is"
    assert bill_version(parse("<bill/>")) == ""


def test_official_title_when_there_is_no_dc_title():
    xml = b"<resolution><form><official-title>Expressing support.</official-title></form></resolution>"

    assert extract_document(xml, "text/xml").title == "Expressing support."


def test_division_is_part_of_the_locator():
    xml = (
        b"<bill><legis-body><division><enum>B</enum><header>Other matters</header>"
        b"<section><enum>101.</enum><text>Funds.</text><subsection><enum>(a)</enum><text>More.</text>"
        b"</subsection></section></division></legis-body></bill>"
    )
    document = extract_document(xml, "application/xml")

    assert [(p.locator, p.text) for p in document.passages] == [
        ("Div. B", "DIVISION B\u2014Other matters"),
        ("Div. B, Sec. 101", "SEC. 101. Funds."),
        ("Div. B, Sec. 101(a)", "(a) More."),
    ]


def test_malformed_bill_xml_falls_back_to_text():
    document = extract_document(b"<bill><section><enum>1.</enum><text>Cut off &amp; broken", "application/xml")

    assert "Cut off & broken" in document.text


def xhtml_sample(name: str) -> bytes:
    path = XHTML_SAMPLES / name
    if not path.exists():
        pytest.skip(f"real govinfo samples not present at {path.resolve()} (only in the project workspace)")
    return path.read_bytes()


def check_hr9025(content: bytes) -> None:
    document = extract_document(content, "text/html")

    assert document.title == "H. R. 9025 (Introduced-in-House)"
    assert "lbexAllcap" not in document.text  # the stylesheet is not text
    assert [p.text for p in document.passages[-3:]] == [
        "SECTION 1. John Madden Memorial Post Office.",
        "(a) Designation.\u2014The facility of the United States Postal Service located at 200 1st Avenue"
        " Southeast in Austin, Minnesota, shall be known and designated as the"
        " \u201cJohn Madden Memorial Post Office\u201d.",
        "(b) References.\u2014Any reference in a law, map, regulation, document, paper, or other record of the"
        " United States to the facility referred to in subsection (a) shall be deemed to be a reference to the"
        " \u201cJohn Madden Memorial Post Office\u201d.",
    ]
    for passage in document.passages:
        assert document.text[passage.start:passage.end] == passage.text


def test_real_xhtml_sample_hr9025_fixture_copy():
    check_hr9025((FIXTURES / "BILLS-119hr9025ih.html").read_bytes())


def test_real_xhtml_sample_hr9025():
    check_hr9025(xhtml_sample("BILLS-119hr9025ih.html"))


def test_real_xhtml_sample_hr6028_keeps_split_words_and_quotation_marks():
    document = extract_document(xhtml_sample("BILLS-119hr6028eh.html"), "text/html")

    assert document.title == "H. R. 6028 (Engrossed-in-House)"
    assert "This Act may be cited as the \u201cLegislative Branch Agencies Clarification Act\u201d." in document.text
    assert (
        "\u201c(1) COMMISSION.\u2014The term \u2018commission\u2019 means a congressional commission" in document.text
    )
    for passage in document.passages:
        assert document.text[passage.start:passage.end] == passage.text


def test_real_sample_served_as_html_but_plain_text_is_read_as_text():
    document = extract_document(xhtml_sample("BILLS-119hr9010rh.html"), "text/html")

    assert document.passages[0].text == "Union Calendar No. 580"
    assert "Sec. 212. $0." in document.text
    offset = document.text.index("Sec. 209. (a) None of the funds")
    assert document.text[offset:].startswith("Sec. 209. (a) None of the funds made available in this Act may be used\nto")
    for passage in document.passages:
        assert document.text[passage.start:passage.end] == passage.text


def test_named_entities_of_the_bill_dtd_are_read_without_loading_it():
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE bill PUBLIC "-//US Congress//DTDs/bill.dtd//EN" "bill.dtd">'
        b"<bill><legis-body><section><enum>1.</enum><text>A &mdash; B &amp; C &#x2014; D</text></section>"
        b"</legis-body></bill>"
    )

    assert extract_document(xml, "application/xml").text == "SEC. 1. A \u2014 B & C \u2014 D"


def test_resolution_preamble_whereas_clauses_are_passages_apart():
    xml = (
        b"<resolution><preamble><whereas><text>Whereas one;</text></whereas>"
        b"<whereas><text>Whereas two: Now, therefore, be it</text></whereas></preamble>"
        b"<resolution-body><section display-inline='yes-display-inline'><text>That the Senate supports"
        b" <quote>partners</quote>.</text></section></resolution-body></resolution>"
    )
    document = extract_document(xml, "text/xml")

    assert [(p.locator, p.text) for p in document.passages] == [
        ("Preamble", "Whereas one;"),
        ("Preamble", "Whereas two: Now, therefore, be it"),
        ("Body", "That the Senate supports \u201cpartners\u201d."),
    ]


def test_struck_phrases_are_left_out_and_added_ones_kept():
    xml = (
        b"<bill><legis-body><section><enum>3.</enum><text>Not less than "
        b"<deleted-phrase reported-display-style='strikethrough'>$100 </deleted-phrase>"
        b"<added-phrase reported-display-style='italic'>$200 </added-phrase>million.</text></section>"
        b"</legis-body></bill>"
    )

    document = extract_document(xml, "application/xml")

    assert document.text == "SEC. 3. Not less than $200 million."
    assert document.provenance["struck_text"] == "omitted"


def test_unbound_dc_prefix_is_recovered():
    xml = b"<bill><metadata><dublinCore><dc:title>117 S1 IS: A Title</dc:title></dublinCore></metadata></bill>"
    document = extract_document(xml, "application/xml")

    assert document.title == "117 S1 IS: A Title"
    assert document.provenance["bill_version"] == "is"
    assert document.text == ""
