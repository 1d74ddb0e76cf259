"""The extraction stage as a whole: dispatch, decoding, unsupported content, exact offsets."""

from pathlib import Path

import pytest

import checker
from checker.errors import CheckerError
from checker.extract import UnsupportedContent, decode, extract_document, extract_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extract"
FIXTURE_TYPES = {
    "wh-2022-09-15-506a1-memorandum.md": "text/markdown",
    "synthetic-page.html": "text/html",
    "BILLS-119hr9025ih.html": "text/html",
    "synthetic-bill.xml": "application/xml",
    "synthetic-defense-release.html": "text/html",
}


def test_every_fixture_has_a_declared_type():
    on_disk = {path.name for path in FIXTURES.iterdir() if path.name != "README.md"}

    assert on_disk == set(FIXTURE_TYPES)


@pytest.mark.parametrize("name", sorted(FIXTURE_TYPES))
@pytest.mark.parametrize("as_generic", [False, True], ids=["declared", "octet-stream"])
def test_every_passage_offset_is_exact(name, as_generic):
    content_type = "application/octet-stream" if as_generic else FIXTURE_TYPES[name]
    document = extract_document((FIXTURES / name).read_bytes(), content_type, f"https://example.test/{name}")

    assert document.passages
    for passage in document.passages:
        assert passage.text
        assert document.text[passage.start:passage.end] == passage.text
    starts = [p.start for p in document.passages]
    assert starts == sorted(starts)


def test_extract_text_is_the_documents_text_and_public():
    content = (FIXTURES / "synthetic-page.html").read_bytes()

    assert checker.extract_text is extract_text
    assert extract_text(content, "text/html") == extract_document(content, "text/html").text


def test_generic_type_is_resolved_from_the_bytes_then_the_url():
    assert extract_document(b"<!DOCTYPE html><p>Hi</p>", "application/octet-stream").content_type == "text/html"
    assert extract_document(b"<?xml version='1.0'?><a>x</a>", "").content_type == "application/xml"
    assert extract_document(b"# Heading", "application/octet-stream", "https://x.test/a.md").content_type == (
        "text/markdown"
    )
    assert extract_document(b"plain", "application/octet-stream").content_type == "text/plain"


def test_xhtml_served_as_xml_goes_to_the_html_extractor():
    xml = b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><script>x()</script><p>Hi</p></body></html>'

    assert extract_document(xml, "application/xml").text == "Hi"


def test_other_xml_gives_the_text_of_its_elements():
    xml = b"<rss><channel><title>Feed</title><item><description>One <b>bold</b> item</description></item></channel></rss>"
    document = extract_document(xml, "application/rss+xml")

    assert [(p.locator, p.text) for p in document.passages] == [("para 1", "Feed"), ("para 2", "One bold item")]


@pytest.mark.parametrize(
    "content, content_type",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "application/pdf"),
        (b"%PDF-1.7\n", "application/octet-stream"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
        (b"\x00\x01\x02binary", "application/octet-stream"),
        (b"anything", "application/pdf"),
    ],
)
def test_unsupported_content_raises_a_checker_error(content, content_type):
    with pytest.raises(UnsupportedContent) as raised:
        extract_document(content, content_type, "https://example.test/file")

    assert isinstance(raised.value, CheckerError)


def test_cp1252_bytes_are_read():
    content = "The \u201cdrawdown\u201d \u2014 \u20ac600 million caf\u00e9".encode("cp1252")

    assert extract_text(content, "text/plain") == "The \u201cdrawdown\u201d \u2014 \u20ac600 million caf\u00e9"


def test_declared_latin1_is_read_as_cp1252_like_browsers_do():
    content = "\u201cquoted\u201d".encode("cp1252")

    assert extract_text(content, "text/plain; charset=ISO-8859-1") == "\u201cquoted\u201d"


def test_declared_charset_is_used():
    content = "\u041a\u0438\u0435\u0432".encode("koi8-r")

    assert extract_text(content, "text/plain; charset=koi8-r") == "\u041a\u0438\u0435\u0432"


def test_wrong_declared_charset_falls_back_without_raising():
    content = "caf\u00e9".encode("utf-8")

    assert extract_text(content, "text/plain; charset=no-such-charset") == "caf\u00e9"
    assert extract_text("caf\u00e9".encode("cp1252"), "text/plain; charset=utf-8") == "caf\u00e9"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_byte_order_mark_is_honoured_and_removed(encoding):
    content = "---\ntitle: T\n---\nBody \u2014 text".encode(encoding)

    document = extract_document(content, "text/markdown")

    assert document.text == "Body \u2014 text"
    assert document.title == "T"


def test_html_meta_charset_is_used_when_the_header_has_none():
    content = '<html><head><meta charset="windows-1251"></head><body><p>\u041a\u0438\u0435\u0432</p></body></html>'

    assert extract_text(content.encode("cp1251"), "text/html") == "\u041a\u0438\u0435\u0432"


def test_xml_encoding_declaration_is_used():
    content = '<?xml version="1.0" encoding="ISO-8859-1"?><bill><legis-body><text>Caf\u00e9</text></legis-body></bill>'

    assert extract_text(content.encode("latin-1"), "application/xml") == "Caf\u00e9"


GARBAGE = bytes(range(256)) * 4 + b"\xff\xfe\x00<<>>&&;<?xml <html <bill>" + bytes(reversed(range(256)))


@pytest.mark.parametrize("content_type", ["text/plain", "text/markdown", "text/html", "application/xml", "text/xml"])
def test_garbage_bytes_do_not_raise(content_type):
    document = extract_document(GARBAGE, content_type)

    for passage in document.passages:
        assert document.text[passage.start:passage.end] == passage.text


def test_decode_never_raises_and_replaces_what_cp1252_cannot_read():
    assert decode(b"ok \x81 \x9d") == "ok \ufffd \ufffd"


def test_an_html_fragment_of_unknown_type_is_read_as_html():
    document = extract_document(b"<p>One</p><script>two()</script><p>Three</p>", "application/octet-stream")

    assert document.content_type == "text/html"
    assert document.text == "One\n\nThree"


def test_xhtml_read_as_html_gives_no_warnings(recwarn):
    xml = b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Hi</p></body></html>'

    assert extract_text(xml, "application/xhtml+xml") == "Hi"
    assert extract_text(b"page.html", "text/html") == "page.html"
    assert [str(w.message) for w in recwarn] == []
