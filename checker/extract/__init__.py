"""The extraction stage: bytes -> Document (text plus passages with locators). Pure: no I/O.

    extract_document(content, content_type, url="") -> Document
    extract_text(content, content_type, url="") -> str        (public API, DESIGN section 6)

Dispatch is on the media type: text/plain and text/markdown -> `text`;
application/pdf -> `pdf` (pypdf, one passage per page); XML whose root is a bill
-> `billxml`, other XML -> the text of its elements; text/html and
application/xhtml+xml -> one of three HTML readers:

- `defense`: defense.gov (and war.gov, its later name) release/article pages and
  news listings, read by their structure: title, date, body, list items apart;
- `html.extract` (BeautifulSoup, every block kept): govinfo/congress.gov bill
  XHTML, recognised by host or by the GPO's "lbex" classes; trafilatura would
  drop the bill's heading lines, and bill text has no boilerplate to remove;
- `html.extract_main` (trafilatura: main text, tables kept, title and date) for
  every other page, falling back to `html.extract` when trafilatura finds nothing.

A generic type (application/octet-stream, none) is resolved by looking at the
bytes, then at the URL's extension.

Bytes never make it raise: the charset is the byte-order mark's, else the
declared one (Content-Type, then the document's own declaration), else UTF-8,
else cp1252 with replacement characters. The BOM comes first, as in the WHATWG
encoding standard, because a BOM is never there by accident. Markup that cannot
be parsed falls back to its text. Content that is not text at all (PDF, images,
binary) and a PDF pypdf cannot read (corrupt, password-protected, no text
layer) raise UnsupportedContent, which the pipeline turns into a failure.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import replace
from html import unescape
from urllib.parse import urlparse

from checker.errors import CheckerError
from checker.extract import billxml, defense, html, pdf, text
from checker.models import Document

__all__ = ["UnsupportedContent", "extract_document", "extract_text", "decode", "media_type"]

TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown", "application/json"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
XML_TYPES = frozenset({"application/xml", "text/xml"})
GENERIC_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream", "application/unknown"})
EXTENSIONS = {
    ".txt": "text/plain", ".md": "text/markdown", ".markdown": "text/markdown",
    ".html": "text/html", ".htm": "text/html", ".xhtml": "application/xhtml+xml", ".xml": "application/xml",
    ".pdf": "application/pdf",
}
_MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF8", "image/gif"),
    (b"PK\x03\x04", "application/zip"),
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Labels that browsers read as windows-1252 (WHATWG encoding standard): cp1252 is a superset.
_READ_AS_CP1252 = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii"})
_XML_DECLARED = re.compile(rb"""\A\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_META_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._-]+)""", re.I)
_MARKUP = re.compile(
    r"<(?:!doctype\s+html|html|head|body|p|div|br|span|table|a|meta|title|h[1-6]|ul|ol|li|script|style)\b", re.I
)
_XML_START = re.compile(r"\A\s*(?:<\?xml|<!DOCTYPE\s+\w|<[A-Za-z][\w.-]*(?::[\w.-]+)?[\s>/])")
_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")


class UnsupportedContent(CheckerError):
    """Content this stage cannot read as text: images, other binary data, an unreadable PDF."""


def extract_document(content: bytes, content_type: str, url: str = "") -> Document:
    """The text of `content`, with passages and locators, as a Document.

    Raises UnsupportedContent for content that is not text; nothing else.
    """
    kind = _resolve_type(content, media_type(content_type), url)
    if kind == "application/pdf":
        return _pdf(content, url, kind)
    is_xml = kind in XML_TYPES or kind.endswith("+xml")
    if not (kind in HTML_TYPES or is_xml or kind in TEXT_TYPES or kind.startswith("text/")):
        raise UnsupportedContent(f"cannot read {kind or 'unknown'} content as text ({url or 'no URL'})")
    decoded = decode(content, content_type, kind)
    if kind in HTML_TYPES:
        return _html(decoded, url, kind)
    if is_xml:
        return _xml(decoded, url, kind)
    return text.extract(decoded, url, kind)


def extract_text(content: bytes, content_type: str, url: str = "") -> str:
    """The text of `content` (`extract_document(...).text`): the extraction stage as a function."""
    return extract_document(content, content_type, url).text


def media_type(content_type: str) -> str:
    """'text/html; charset=utf-8' -> 'text/html'."""
    return content_type.split(";", 1)[0].strip().lower()


def decode(content: bytes, content_type: str = "", kind: str = "") -> str:
    """Bytes -> str without ever raising: BOM, declared charset, UTF-8, then cp1252 with replacement."""
    for bom, encoding in _BOMS:
        if content.startswith(bom):
            return content[len(bom):].decode(encoding, errors="replace")
    declared = _declared_charset(content, content_type, kind)
    if declared.lower().replace("_", "-") in _READ_AS_CP1252:
        declared = "cp1252"
    for encoding in (declared, "utf-8"):
        if not encoding:
            continue
        try:
            return content.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return content.decode("cp1252", errors="replace")


def _declared_charset(content: bytes, content_type: str, kind: str) -> str:
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'")
    head = content[:2048]
    if kind in XML_TYPES or kind.endswith("+xml"):
        found = _XML_DECLARED.match(head)
    elif kind in HTML_TYPES:
        found = _META_DECLARED.search(head)
    else:
        found = None
    return found.group(1).decode("ascii") if found else ""


def _resolve_type(content: bytes, kind: str, url: str) -> str:
    """The declared media type, or for a generic one what the bytes or the URL show."""
    if kind not in GENERIC_TYPES:
        return kind
    for magic, sniffed in _MAGIC:
        if content.startswith(magic):
            return sniffed
    head = decode(content[:1024])
    if _HTML_START.match(head):
        return "text/html"
    if _XML_START.match(head):
        looks_like_html = _MARKUP.match(head.lstrip()) and not head.lstrip().startswith("<?xml")
        return "text/html" if looks_like_html else "application/xml"
    path = urlparse(url).path.lower()
    for extension, by_extension in EXTENSIONS.items():
        if path.endswith(extension):
            return by_extension
    if b"\x00" in content[:1024]:
        return kind or "application/octet-stream"
    return "text/plain"


def _pdf(content: bytes, url: str, kind: str) -> Document:
    try:
        return pdf.extract(content, url, kind)
    except pdf.PdfError as error:
        raise UnsupportedContent(f"cannot read PDF ({url or 'no URL'}): {error}") from error


def _html(markup: str, url: str, kind: str) -> Document:
    if not _MARKUP.search(markup):
        return text.extract(markup, url, kind)  # served as HTML, but plain text (a rendered bill)
    if defense.handles(url):
        document = defense.extract(markup, url, kind)
        if document is not None:
            return document
    if html.is_bill_markup(markup, url):
        return html.extract(markup, url, kind)
    return html.extract_main(markup, url, kind)


def _xml(markup: str, url: str, kind: str) -> Document:
    try:
        root = billxml.parse(markup)
    except billxml.XmlError:
        return _as_text(markup, url, kind, "not well-formed XML")
    name = billxml.local_name(root)
    try:
        if name == "html":
            return _html(markup, url, kind)
        if billxml.is_bill(root):
            return billxml.extract(root, url, kind)
        return billxml.generic(root, url, kind)
    except RecursionError:
        return _as_text(markup, url, kind, "XML nested too deeply to walk")


def _as_text(markup: str, url: str, kind: str, why: str) -> Document:
    """The fallback for markup that cannot be parsed: its text with the tags taken out."""
    document = text.extract(unescape(_TAG.sub(" ", markup)), url, kind)
    return replace(document, provenance={**document.provenance, "extraction": f"plain-text fallback: {why}"})
