"""PDFs: a passage per page, ligatures and line-end hyphens repaired, unreadable files refused.

The PDFs here are SYNTHETIC: built byte by byte by make_pdf() below (PDF 1.4, Helvetica text),
because no real PDF is at hand and no PDF writer with text is installed. Their text is taken from
the real White House memorandum of 2022-09-15 (tests/fixtures/extract/wh-2022-09-15-506a1-memorandum.md),
with hyphens and ligature glyphs placed where a typesetter would put them.
"""

import io

import pytest
from pypdf import PdfReader, PdfWriter

from checker.extract import UnsupportedContent, extract_document, extract_text
from checker.extract import pdf
from checker.extract.pdf import hyphenated_words, join_hyphenated, repair_page

# Codes 1-3 of the test font are the ligature glyphs /fi /fl /ffi (a /Differences encoding), as in
# typeset PDFs: pypdf reads them as U+FB01, U+FB02, U+FB03.
FI, FL, FFI = "\x01", "\x02", "\x03"
MEMO_PAGE_1 = [
    "By the authority vested in me as President by the Constitution and the",
    "laws of the United States of America, including section 621 of the",
    "Foreign Assistance Act of 1961 (FAA), I hereby delegate to the Secretary",
    "of State the authority under section 506(a)(1) of the FAA to direct the",
    "drawdown of up to $600 million in defense articles and services of the",
    "Department of Defense, and military education and training, to provide",
    "assis-",
    "tance to Ukraine and to make the determinations required under such",
    "section to direct such a drawdown.",
]
MEMO_PAGE_2 = [
    f"You are authorized and directed to publish this memorandum in the Federal Register, and the Of{FI}ce",
    f"of the Secretary will {FI}le it with the long-range plans and self-",
    "reliance programs of the long-",
    f"range    fires    o{FFI}ce, {FL}ying.",
]


def make_pdf(pages: list[list[str]], title: str = "") -> bytes:
    """A minimal valid PDF: one Helvetica text line per string, each page its own content stream."""
    objects: list[bytes] = [b"", b""]  # catalog and page tree, filled in below
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding"
        b" /BaseEncoding /WinAnsiEncoding /Differences [1 /fi /fl /ffi] >> >>"
    )
    font, kids = len(objects), []
    for lines in pages:
        stream = b"BT /F1 11 Tf 14 TL 72 720 Td\n" + b"\n".join(_pdf_string(line) + b" '" for line in lines) + b"\nET"
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> >>"
            b" /Contents %d 0 R >>" % (font, len(objects))
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    info = b""
    if title:
        objects.append(b"<< /Title " + _pdf_string(title) + b" >>")
        info = b" /Info %d 0 R" % len(objects)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, info, xref)
    return bytes(out)


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def memo_pdf() -> bytes:
    return make_pdf([MEMO_PAGE_1, [], MEMO_PAGE_2], title="Memorandum on the Delegation of  Authority")


def test_one_passage_per_page_located_by_page_number():
    document = extract_document(memo_pdf(), "application/pdf", "https://example.test/memo.pdf")

    assert [p.locator for p in document.passages] == ["p. 1", "p. 3"]  # page 2 has no text
    assert document.passages[0].text.startswith("By the authority vested in me as President")
    assert document.passages[1].text.endswith("fires office, flying.")
    for passage in document.passages:
        assert document.text[passage.start:passage.end] == passage.text
    assert document.locate(document.text.index("Federal Register")) == "p. 3"
    assert document.provenance == {"pages": "3"}


def test_title_comes_from_the_pdf_metadata():
    document = extract_document(memo_pdf(), "application/pdf")

    assert document.title == "Memorandum on the Delegation of Authority"
    assert document.content_type == "application/pdf"


def test_a_word_hyphenated_at_a_line_end_is_joined():
    text = extract_text(memo_pdf(), "application/pdf")

    assert "military education and training, to provide\nassistance to Ukraine" in text
    assert "assis-" not in text


def test_ligature_glyphs_become_letters():
    text = extract_text(memo_pdf(), "application/pdf")

    assert "the Office\nof the Secretary will file it" in text
    assert "\ufb01" not in text and "\ufb02" not in text


def test_real_hyphens_at_line_ends_are_kept_and_stray_spaces_collapse():
    text = extract_text(memo_pdf(), "application/pdf")

    assert "the long-range plans and self-reliance programs of the long-range fires office, flying." in text


def test_hyphenation_rule_by_example():
    assert join_hyphenated("assis-\ntance") == "assistance"
    assert join_hyphenated("self-\nreliance") == "self-reliance"  # a first part English hyphenates
    assert join_hyphenated("counter-\nbattery", frozenset({"counter-battery"})) == "counter-battery"
    assert join_hyphenated("Ukraine-\nRussia") == "Ukraine-\nRussia"  # capital after the break: a name
    assert join_hyphenated("FY-\n2023") == "FY-\n2023"
    assert join_hyphenated("drawdown \u2014\nand") == "drawdown \u2014\nand"  # a dash is not a hyphen
    assert join_hyphenated("ammu\u00ad\nnition", frozenset({"ammu-nition"})) == "ammunition"  # soft hyphen
    assert hyphenated_words("long-range fires, self-\nreliance") == frozenset({"long-range"})


def test_repair_page_removes_controls_and_stray_spaces_but_keeps_lines():
    assert repair_page("  the \ufb01rst\t\tline  \r\nsecond\x00  line \n") == "the first line\nsecond line"


@pytest.mark.parametrize(
    "content, why",
    [
        (b"this is not a PDF at all", "not a PDF"),
        (b"%PDF-1.7\n" + b"\x00garbage" * 50, "unreadable PDF"),
        (memo_pdf()[:200], "unreadable PDF"),
    ],
    ids=["not-a-pdf", "garbage-after-header", "truncated"],
)
def test_unreadable_pdf_raises_unsupported_content_saying_why(content, why):
    with pytest.raises(UnsupportedContent) as raised:
        extract_document(content, "application/pdf", "https://example.test/broken.pdf")

    assert why in str(raised.value)
    assert "https://example.test/broken.pdf" in str(raised.value)


def test_password_protected_pdf_is_refused():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(memo_pdf())))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    locked = io.BytesIO()
    writer.write(locked)

    with pytest.raises(UnsupportedContent, match="encrypted with a password"):
        extract_document(locked.getvalue(), "application/pdf")


def test_owner_only_encryption_opens_with_the_empty_password():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(memo_pdf())))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    restricted = io.BytesIO()
    writer.write(restricted)

    assert "drawdown of up to $600 million" in extract_text(restricted.getvalue(), "application/pdf")


def test_a_pdf_without_any_text_is_refused():
    with pytest.raises(UnsupportedContent, match="no text layer"):
        extract_document(make_pdf([[], []]), "application/pdf")


def test_pages_past_the_cap_are_not_read(monkeypatch):
    monkeypatch.setattr(pdf, "MAX_PAGES", 2)

    document = extract_document(make_pdf([["one"], ["two"], ["three"]]), "application/pdf")

    assert [(p.locator, p.text) for p in document.passages] == [("p. 1", "one"), ("p. 2", "two")]
    assert document.provenance == {"pages": "3", "truncated": "read the first 2 of 3 pages"}


def test_a_pdf_served_as_octet_stream_or_named_pdf_is_read_as_pdf():
    content = make_pdf([["Sniffed from the bytes."]])

    assert extract_document(content, "application/octet-stream").content_type == "application/pdf"
    assert extract_text(content, "", "https://example.test/a.pdf") == "Sniffed from the bytes."
