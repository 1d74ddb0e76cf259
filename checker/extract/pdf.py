"""PDF -> Document with pypdf: one passage per page, located as "p. N".

PDF text loses order and gains ligatures and stray spaces (DESIGN section 5).
What is repaired here, page by page, before any offset is computed:

- ligature characters become their letters ("\\ufb01" -> "fi", also ff, fl, ffi, ffl, ft, st);
- a word hyphenated at a line end is joined ("assis-\\ntance" -> "assistance") when the
  hyphen ends the line, a lower-case letter stands before it and the next line starts with a
  lower-case letter; the hyphen is kept (only the line break goes: "long-range") when the
  hyphenated form appears elsewhere in the document, or when the first part is a word that
  English almost always joins with a hyphen (self-, long-, well-, ...). A soft hyphen (U+00AD)
  at a line end is always a break;
- runs of spaces and tabs become one space, and lines lose their leading and trailing spaces;
- control characters other than the line break go.

What is not repaired: words split by a stray space inside them ("T he"), and a reading order
the content stream does not give (columns, tables): pypdf's plain mode follows the stream.
N in "p. N" is the physical page number (1-based), not the printed page label.

Anything pypdf cannot read (not a PDF, encrypted with a password, corrupt) raises
UnsupportedContent with the reason; pypdf raises many exception types on malformed files, so
they are all caught here. A page that alone fails is skipped and named in the provenance.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager

from checker.errors import CheckerError
from checker.extract.text import assemble
from checker.models import Document

MAX_PAGES = 2_000

LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "ft", "\ufb06": "st"}
)
# First parts that English writes with a hyphen: "long-\nrange" stays "long-range".
HYPHENATED_PREFIXES = frozenset(
    {"all", "cross", "ex", "full", "half", "high", "long", "low", "part", "self", "short", "well"}
)

_LINE_END_HYPHEN = re.compile(r"\b([^\W\d_]*[a-z])([-\u2010\u00ad])[ \t]*\n[ \t]*([a-z][^\W\d_]*)")
_COMPOUND = re.compile(r"\b[^\W\d_]+(?:-[^\W\d_]+)+\b")
_SPACES = re.compile(r"[ \t\u00a0]{2,}|\t")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class PdfError(CheckerError):
    """A PDF pypdf cannot read; extract/__init__ turns it into UnsupportedContent."""


def extract(content: bytes, url: str = "", content_type: str = "application/pdf") -> Document:
    """A Document of a PDF's text, one passage per page that has text.

    Raises PdfError when the bytes are not a readable PDF, or it has no text at all: an
    empty Document would read as "the source does not bear on the claim".
    """
    pages, total, unreadable, title = _read(content)
    texts = [repair_page(text) for text in pages]
    compounds = hyphenated_words("\n\n".join(texts))
    texts = [join_hyphenated(text, compounds) for text in texts]
    blocks = [(text, f"p. {number}") for number, text in enumerate(texts, start=1)]
    text, passages = assemble(blocks)
    if not passages:
        raise PdfError(f"the PDF has no text layer in {len(pages)} page(s) read (a scanned image?)")
    provenance = {"pages": str(total)}
    if total > len(pages):
        provenance["truncated"] = f"read the first {len(pages)} of {total} pages"
    if unreadable:
        provenance["unreadable-pages"] = ", ".join(str(number) for number in unreadable)
    return Document(
        url=url, text=text, passages=passages, content_type=content_type, title=title, provenance=provenance
    )


def repair_page(text: str) -> str:
    """Ligatures, control characters and stray spaces of one page's extracted text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(LIGATURES)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip(" ") for line in text.split("\n")).strip()


def hyphenated_words(text: str) -> frozenset[str]:
    """The hyphenated words written within a line of `text`, lower-cased ("long-range")."""
    return frozenset(found.group().lower() for found in _COMPOUND.finditer(text))


def join_hyphenated(text: str, compounds: frozenset[str] = frozenset()) -> str:
    """Words hyphenated at line ends joined back, by the rule in the module docstring.

    `compounds` are the hyphenated words written elsewhere in the document.
    """

    def join(found: re.Match[str]) -> str:
        first, hyphen, rest = found.group(1), found.group(2), found.group(3)
        if hyphen == "\u00ad":
            return first + rest
        compound = f"{first}-{rest}"
        if first.lower() in HYPHENATED_PREFIXES or compound.lower() in compounds:
            return compound
        return first + rest

    return _LINE_END_HYPHEN.sub(join, text)


def _read(content: bytes) -> tuple[list[str], int, list[int], str]:
    """(text of each page read, number of pages, pages that failed, title)."""
    from pypdf import PdfReader  # imported here: only PDFs pay for it

    if b"%PDF-" not in content[:1024]:
        raise PdfError("not a PDF: the bytes do not start with %PDF-")
    with _quiet_pypdf():
        try:
            reader = PdfReader(io.BytesIO(content), strict=False)
            if reader.is_encrypted and not _decrypt(reader):
                raise PdfError("the PDF is encrypted with a password")
            total = len(reader.pages)
        except PdfError:
            raise
        except Exception as error:  # pypdf raises many types on malformed files
            raise PdfError(f"unreadable PDF: {_describe(error)}") from error
        pages: list[str] = []
        unreadable: list[int] = []
        for index in range(min(total, MAX_PAGES)):
            try:
                pages.append(reader.pages[index].extract_text() or "")
            except Exception:  # one bad page should not lose the others
                pages.append("")
                unreadable.append(index + 1)
        if total and len(unreadable) == min(total, MAX_PAGES):
            raise PdfError("unreadable PDF: no page could be read")
        return pages, total, unreadable, _title(reader)


def _decrypt(reader: object) -> bool:
    """True when the PDF opens with the empty user password (owner-restricted files do)."""
    try:
        return bool(reader.decrypt(""))  # type: ignore[attr-defined]
    except Exception:  # a cipher pypdf cannot use without an optional dependency
        return False


def _title(reader: object) -> str:
    try:
        metadata = reader.metadata  # type: ignore[attr-defined]
        title = metadata.title if metadata is not None else None
    except Exception:
        return ""
    return " ".join(str(title).split()) if title else ""


def _describe(error: Exception) -> str:
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs a warning for every repair it makes; the library prints nothing."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR + 10)
    try:
        yield
    finally:
        logger.setLevel(level)
