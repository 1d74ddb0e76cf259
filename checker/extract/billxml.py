"""US bill XML (govinfo / GPO bill DTD) -> Document, and other XML -> its text.

A bill becomes one passage per structural unit (section, subsection, paragraph,
... down to subitem), each holding its number, header and own text, printed as
the GPO prints it ("SEC. 2. Definitions.", "(a) In general.—The ..."). The
locator is built from the nested <enum>s: "Sec. 201", "Sec. 201(a)(2)(B)", with
"Div. A, " before it in bills whose divisions restart their section numbers.

Text inside a <quoted-block> (law that the bill inserts elsewhere) keeps the
locator of the bill unit that quotes it: its own numbering is not the bill's.
Flattening XML loses the quotation marks that the printed bill shows around
<quote> and <quoted-block>, so they are put back: “ ” at the outer level, ‘ ’
inside a quoted block, as GPO prints them (DESIGN section 5).

Text the committee struck (changed="deleted", the first of two <legis-body>s of
a reported bill with an amendment in the nature of a substitute) is left out:
it is not what the bill says at that stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from html.entities import html5

from lxml import etree

from checker.extract.text import assemble, numbered
from checker.models import Document

BILL_ROOTS = frozenset({"bill", "resolution", "amendment-doc"})
LEVELS = frozenset(
    {"section", "subsection", "paragraph", "subparagraph", "clause", "subclause", "item", "subitem"}
)
UNITS = {
    "division": ("Div.", "DIVISION"),
    "subdivision": ("Subdiv.", "Subdivision"),
    "title": ("Title", "TITLE"),
    "subtitle": ("Subtitle", "Subtitle"),
    "part": ("Part", "PART"),
    "subpart": ("Subpart", "Subpart"),
    "chapter": ("Ch.", "CHAPTER"),
    "subchapter": ("Subch.", "SUBCHAPTER"),
}
FORMS = frozenset({"form", "engrossed-amendment-form", "amendment-form", "resolution-form"})
SKIPPED = frozenset({"metadata", "dublinCore", "after-quoted-block", "enum", "header"})
# Elements that run inside a line of text; any other element is set off by spaces.
INLINE = frozenset(
    {
        "quote", "term", "term-def", "short-title", "external-xref", "internal-xref", "italic", "bold",
        "fraction", "superscript", "subscript", "footnote-ref", "act-name", "enum-in-header",
        "header-in-text", "sponsor", "cosponsor", "committee-name", "nonsponsor", "proviso", "pagebreak",
        "added-phrase",
    }
)
QUOTE_MARKS = (("\u201c", "\u201d"), ("\u2018", "\u2019"))
STAGES = {
    "Introduced-in-House": "ih",
    "Introduced-in-Senate": "is",
    "Reported-in-House": "rh",
    "Reported-in-Senate": "rs",
    "Engrossed-in-House": "eh",
    "Engrossed-in-Senate": "es",
    "Enrolled-Bill": "enr",
    "Referred-in-House": "rfh",
    "Referred-in-Senate": "rfs",
    "Received-in-House": "rdh",
    "Received-in-Senate": "rds",
    "Placed-on-Calendar-House": "pch",
    "Placed-on-Calendar-Senate": "pcs",
    "Engrossed-Amendment-House": "eah",
    "Engrossed-Amendment-Senate": "eas",
}
_URL_VERSION = re.compile(r"BILLS-\d+(?:hr|s|hjres|sjres|hconres|sconres|hres|sres)\d+([a-z]+)\b", re.I)
_DC_TITLE_VERSION = re.compile(r"^\s*\d+\s+[A-Za-z. ]+?\s*\d+\s+([A-Za-z]{2,4})\s*:")
_SPACE = re.compile(r"\s+")
_NAMED_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})


class XmlError(ValueError):
    """Bytes that no XML parser, even a forgiving one, makes a tree of."""


def parse(text: str) -> etree._Element:
    """The root element of an XML text; forgiving of errors, never loading DTDs or the network.

    Named entities that the bill DTD defines (&mdash;) are read as HTML defines
    them, since the DTD itself is never loaded.
    Raises XmlError when not even the recovering parser finds a root element.
    """
    data = _number_named_entities(text.removeprefix("\ufeff")).encode("utf-8")
    for recover in (False, True):
        parser = etree.XMLParser(
            encoding="utf-8", resolve_entities=False, no_network=True, load_dtd=False, recover=recover
        )
        try:
            root = etree.fromstring(data, parser)
        except (etree.XMLSyntaxError, ValueError):
            continue
        if root is not None:
            return root
    raise XmlError("not well-formed XML, even when recovering")


def _number_named_entities(text: str) -> str:
    def numbered_reference(found: re.Match[str]) -> str:
        name = found.group(1)
        chars = html5.get(name + ";")
        if name in _XML_ENTITIES or chars is None:
            return found.group()
        return "".join(f"&#{ord(char)};" for char in chars)

    return _NAMED_ENTITY.sub(numbered_reference, text)


def local_name(element: etree._Element) -> str:
    """The tag without its namespace ('' for comments and processing instructions)."""
    if not isinstance(element.tag, str):
        return ""
    return element.tag.rpartition("}")[2].rpartition(":")[2]  # "dc:title" when a recovered prefix is unbound


def is_bill(root: etree._Element) -> bool:
    return local_name(root) in BILL_ROOTS


def extract(root: etree._Element, url: str = "", content_type: str = "application/xml") -> Document:
    """A Document of a bill (root <bill>, <resolution> or <amendment-doc>)."""
    blocks: list[list[str]] = []
    _bill_blocks(root, blocks)
    text, passages = assemble((block, locator) for block, locator in blocks)
    provenance = {}
    version = bill_version(root, url)
    if version:
        provenance["bill_version"] = version
    if root.get("bill-stage"):
        provenance["bill_stage"] = root.get("bill-stage", "")
    if any(_is_struck(element) for element in root.iter()):
        provenance["struck_text"] = "omitted"
    return Document(
        url=url, text=text, passages=passages, content_type=content_type, title=bill_title(root),
        provenance=provenance,
    )


def generic(root: etree._Element, url: str = "", content_type: str = "application/xml") -> Document:
    """A Document of any other XML: each element that holds text of its own is a passage."""
    blocks: list[str] = []
    stack = [root]
    while stack:
        element = stack.pop()
        if not local_name(element):
            continue
        if _has_own_text(element):
            blocks.append(_collapse("".join(element.itertext())))
        else:
            stack.extend(reversed(element))
    text, passages = assemble(numbered(blocks))
    return Document(url=url, text=text, passages=passages, content_type=content_type)


def _has_own_text(element: etree._Element) -> bool:
    if (element.text or "").strip():
        return True
    return any((child.tail or "").strip() for child in element)


def bill_title(root: etree._Element) -> str:
    """dc:title ("117 S4428 RS: Taiwan Policy Act of 2022"), else the official title."""
    for element in root.iter():
        if local_name(element) == "title" and element.tag.startswith(("{http://purl.org/dc/", "dc:")):
            title = _collapse("".join(element.itertext()))
            if title:
                return title
    for element in root.iter():
        if local_name(element) == "official-title":
            return _collapse("".join(element.itertext()))
    return ""


def bill_version(root: etree._Element, url: str = "") -> str:
    """The bill version code ("is", "rs", "enr", ...) from the URL, dc:title or bill-stage; '' if none."""
    found = _URL_VERSION.search(url)
    if found:
        return found.group(1).lower()
    title = bill_title(root)
    found = _DC_TITLE_VERSION.match(title)
    if found:
        return found.group(1).lower()
    return STAGES.get(root.get("bill-stage", ""), "")


@dataclass(frozen=True)
class _Where:
    """Where a passage sits in the bill: what its locator is built from."""

    division: str = ""
    unit: str = ""
    section: str = ""
    subs: tuple[str, ...] = ()
    quoted: int = 0
    label: str = ""

    @property
    def locator(self) -> str:
        if self.section:
            base = f"Sec. {self.section}"
            return (f"{self.division}, {base}" if self.division else base) + "".join(self.subs)
        if self.unit:
            return self.unit + "".join(self.subs)
        return "".join(self.subs) or self.label


def _bill_blocks(root: etree._Element, out: list[list[str]]) -> None:
    """Append [text, locator] blocks for the whole bill."""
    for child in root:
        name = local_name(child)
        if not name or name in SKIPPED:
            continue
        if name in FORMS:
            _form(child, out)
        else:
            label = "Preamble" if name == "preamble" else "Body"
            _walk(child, _Where(label=label), out)


def _form(form: etree._Element, out: list[list[str]]) -> None:
    for child in form:
        name = local_name(child)
        if not name or _is_struck(child):
            continue
        locator = "Official title" if name == "official-title" else "Form"
        out.append([_inline(child, 0), locator])


def _walk(element: etree._Element, where: _Where, out: list[list[str]]) -> None:
    """Append the blocks of `element`."""
    name = local_name(element)
    if not name or name in SKIPPED or _is_struck(element):
        return
    if name in LEVELS or name in UNITS:
        _unit(element, where, out)
    elif name == "quoted-block":
        _quoted_block(element, where, out)
    elif name == "toc":
        for entry in element.iter():
            if local_name(entry) == "toc-entry":
                _emit(out, _inline(entry, where.quoted), where)
    elif _holds_structure(element) or _is_container(element):
        for child in element:
            _walk(child, where, out)
    else:
        _emit(out, _inline(element, where.quoted), where)


def _unit(element: etree._Element, where: _Where, out: list[list[str]]) -> None:
    """A section, subsection, ... or a division, title, ...: its lead text, then its parts."""
    name = local_name(element)
    enum = _collapse(_child_text(element, "enum"))
    header_element = _child(element, "header")
    header = _inline(header_element, where.quoted) if header_element is not None else ""
    inner = where if where.quoted else _deeper(where, name, enum)
    pending = [_heading(name, enum, header)]
    for child in element:
        child_name = local_name(child)
        if not child_name or child_name in SKIPPED or _is_struck(child):
            continue
        if child_name == "text":
            pending.append(_inline(child, where.quoted))
        else:
            _emit(out, _join(pending), inner)
            pending = []
            if child_name == "continuation-text":
                _emit(out, _inline(child, where.quoted), inner)
            else:
                _walk(child, inner, out)
    _emit(out, _join(pending), inner)


def _quoted_block(element: etree._Element, where: _Where, out: list[list[str]]) -> None:
    inner = replace(where, quoted=where.quoted + 1)
    first = len(out)
    for child in element:
        _walk(child, inner, out)
    if len(out) > first:
        closing = QUOTE_MARKS[where.quoted % 2][1]
        after = _child(element, "after-quoted-block")
        if after is None:
            after = _following_after_block(element)
        out[-1][0] += closing + (_inline(after, where.quoted) if after is not None else "")


def _following_after_block(element: etree._Element) -> etree._Element | None:
    following = element.getnext()
    if following is not None and local_name(following) == "after-quoted-block":
        return following
    return None


def _deeper(where: _Where, name: str, enum: str) -> _Where:
    """The location of a unit named `name` numbered `enum` inside `where`."""
    number = enum.strip().rstrip(".")
    if name == "section":
        number = re.sub(r"^(?:sec(?:tion)?\.?)\s*", "", number, flags=re.I)
        return replace(where, section=number, subs=()) if number else where
    if name in UNITS:
        if not number:
            return where
        label = f"{UNITS[name][0]} {number}"
        if name == "division":
            return replace(where, division=label, unit=label, section="", subs=())
        unit = f"{where.division}, {label}" if where.division else label
        return replace(where, unit=unit, section="", subs=())
    if not number:
        return where
    if not number.startswith("("):
        number = f"({number})"
    return replace(where, subs=where.subs + (number,))


def _heading(name: str, enum: str, header: str) -> str:
    """The unit's number and header as printed: 'SEC. 2. Definitions.', '(a) In general.—'."""
    if name == "section":
        number = enum.rstrip(".")
        if not number:
            return f"{header}." if header else ""
        if not re.match(r"sec", number, re.I):
            number = f"SEC. {number}"
        return f"{number}. {header}." if header else f"{number}."
    if name in UNITS:
        words = " ".join(part for part in (UNITS[name][1], enum.rstrip(".")) if part)
        return f"{words}\u2014{header}" if header else words
    if header:
        return f"{enum} {header}.\u2014".strip()
    return enum


def _join(pieces: list[str]) -> str:
    """Heading and text: a space after a plain heading, none after an em dash."""
    text = ""
    for piece in pieces:
        if not piece:
            continue
        if text and not text.endswith("\u2014"):
            text += " "
        text += piece
    return text


def _emit(out: list[list[str]], text: str, where: _Where) -> None:
    text = text.strip()
    if not text:
        return
    if where.quoted:
        text = QUOTE_MARKS[(where.quoted - 1) % 2][0] + text
    out.append([text, where.locator or "Body"])


def _inline(element: etree._Element, depth: int) -> str:
    """The text of an element as one line, with quotation marks around <quote>s.

    `depth` counts the quotations already open around it: even opens “, odd ‘.
    """
    pieces: list[str] = []
    _inline_into(element, depth, pieces, top=True)
    return _collapse("".join(pieces))


def _inline_into(element: etree._Element, depth: int, pieces: list[str], top: bool = False) -> None:
    name = local_name(element)
    if name and not _is_struck(element):
        spaced = not top and name not in INLINE
        marks = QUOTE_MARKS[depth % 2] if name == "quote" else ("", "")
        pieces.append(" " if spaced else "")
        pieces.append(marks[0] + (element.text or ""))
        inner_depth = depth + 1 if name == "quote" else depth
        for child in element:
            _inline_into(child, inner_depth, pieces)
        pieces.append(marks[1] + (" " if spaced else ""))
    if not top:
        pieces.append(element.tail or "")


def _holds_structure(element: etree._Element) -> bool:
    return any(
        local_name(node) in LEVELS or local_name(node) in UNITS or local_name(node) in ("quoted-block", "toc")
        for node in element.iterdescendants()
    )


def _is_container(element: etree._Element) -> bool:
    """An element made only of other elements (<preamble> of <whereas>es): each child is read apart."""
    if local_name(element) in INLINE or local_name(element) in ("text", "continuation-text", "toc-entry"):
        return False
    return len(element) > 0 and not _has_own_text(element)


def _is_struck(element: etree._Element) -> bool:
    return element.get("changed") == "deleted" or local_name(element) == "deleted-phrase"


def _child(element: etree._Element, name: str) -> etree._Element | None:
    for child in element:
        if local_name(child) == name:
            return child
    return None


def _child_text(element: etree._Element, name: str) -> str:
    child = _child(element, name)
    return "".join(child.itertext()) if child is not None else ""


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()
