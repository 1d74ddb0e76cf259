"""HTML and XHTML -> Document: trafilatura for main text, BeautifulSoup on lxml for every block.

`extract_main` reads a page's main text with trafilatura (boilerplate removed,
tables kept, comments left out), with its title and date; each paragraph, heading
and list item becomes a passage "para N", each table row a passage
"table T, row R" (cells joined by " | "). The date is the one the page states
(htmldate without its extensive search in the text), in `provenance["date"]`.
When trafilatura finds no text or fails, `extract` reads the page instead.

`extract` (BeautifulSoup) keeps every block of the page. Page furniture
(navigation, headers, footers, asides, forms) and anything that is not shown as
text (scripts, styles) is dropped; the <main> or <article> element is read when
there is one. Every block element (paragraph, list item,
heading, table cell, ...) becomes its own passage, located as "para N". Inside a
block, white space collapses as a browser would show it, and inline elements
add no space of their own: "<span>C</span>OMMISSION" reads "COMMISSION".
"""

from __future__ import annotations

import re
import warnings
from html import unescape
from urllib.parse import urlparse

from bs4 import BeautifulSoup, CData, MarkupResemblesLocatorWarning, NavigableString, Tag, XMLParsedAsHTMLWarning

from checker.extract.text import assemble, numbered
from checker.models import Document

DROPPED = frozenset(
    {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "head"}
)
BLOCKS = frozenset(
    {
        "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "html",
        "legend", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "ul",
    }
)
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
# The class names of the GPO's bill XHTML rendering (govinfo BILLS-*.htm): "lbexIndent", ...
_BILL_CLASSES = re.compile(r"""class\s*=\s*["']lbex""", re.IGNORECASE)
BILL_HOSTS = frozenset({"govinfo.gov", "www.govinfo.gov", "congress.gov", "www.congress.gov"})
# trafilatura's output elements that are passages of their own; a <row> is read whole.
MAIN_BLOCKS = frozenset({"p", "head", "item", "quote", "code", "list", "table", "div"})
_LEAVE = object()


def extract(markup: str, url: str = "", content_type: str = "text/html") -> Document:
    """A Document of an HTML page's readable text."""
    soup = parse(markup)
    title = page_title(soup)
    try:
        drop_furniture(soup)
        blocks = _content_blocks(soup)
    except RecursionError:
        blocks = _flat_blocks(soup)
    text, passages = assemble(numbered(blocks))
    return Document(url=url, text=text, passages=passages, content_type=content_type, title=title)


def extract_main(markup: str, url: str = "", content_type: str = "text/html") -> Document:
    """A Document of a page's main text (trafilatura), or of all its blocks when that finds nothing."""
    found = _trafilatura(markup, url)
    if found is None:
        return extract(markup, url, content_type)
    blocks, title, date = found
    text, passages = assemble(blocks)
    if not passages:
        return extract(markup, url, content_type)
    provenance = {"extraction": "trafilatura"}
    if date:
        provenance["date"] = date
    return Document(
        url=url,
        text=text,
        passages=passages,
        content_type=content_type,
        title=title or _markup_title(markup),
        provenance=provenance,
    )


def is_bill_markup(markup: str, url: str = "") -> bool:
    """Bill text rendered as XHTML (govinfo, congress.gov): every block is content, read it all."""
    host = (urlparse(url).hostname or "").lower()
    return host in BILL_HOSTS or _BILL_CLASSES.search(markup[:200_000]) is not None


def _trafilatura(markup: str, url: str) -> tuple[list[tuple[str, str]], str, str] | None:
    """(located blocks, title, date) of the main text, or None when trafilatura finds none."""
    import trafilatura  # imported here: its import costs a tenth of a second

    try:
        result = trafilatura.bare_extraction(
            markup,
            url=url or None,
            include_tables=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            deduplicate=False,
            with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # trafilatura and lxml raise many types on odd markup; the fallback reads it
        return None
    if result is None or getattr(result, "body", None) is None:
        return None
    blocks = main_blocks(result.body)
    return blocks, collapse(result.title or ""), str(result.date or "")


def main_blocks(body: object) -> list[tuple[str, str]]:
    """Located blocks of trafilatura's output tree: "para N" for text blocks, "table T, row R" for rows.

    Walked with a stack, not recursion; a <lb/> reads as a space.
    """
    for line_break in body.iter("lb"):  # type: ignore[attr-defined]
        line_break.tail = " " + (line_break.tail or "")
    blocks: list[tuple[str, str]] = []
    pending: list[str] = []
    counts = {"para": 0, "table": 0, "row": 0}

    def flush() -> None:
        text = collapse("".join(pending))
        pending.clear()
        if text:
            counts["para"] += 1
            blocks.append((text, f"para {counts['para']}"))

    stack: list[object] = [body]
    while stack:
        node = stack.pop()
        if node is _LEAVE:
            flush()
            continue
        if isinstance(node, str):
            pending.append(node)
            continue
        tail = node.tail if node is not body else None  # type: ignore[attr-defined]
        if tail:
            stack.append(tail)
        tag = node.tag  # type: ignore[attr-defined]
        if not isinstance(tag, str):
            continue  # a comment or processing instruction
        if tag == "row":
            flush()
            row = " | ".join(text for text in (_cell_text(cell) for cell in node) if text)  # type: ignore[attr-defined]
            if row:
                counts["row"] += 1
                blocks.append((row, f"table {counts['table']}, row {counts['row']}"))
            continue
        if tag == "table":
            counts["table"] += 1
            counts["row"] = 0
        if tag in MAIN_BLOCKS:
            flush()
            stack.append(_LEAVE)
        stack.extend(reversed(list(node)))  # type: ignore[call-overload]
        if node.text:  # type: ignore[attr-defined]
            stack.append(node.text)  # type: ignore[attr-defined]
    flush()
    return blocks


def _cell_text(cell: object) -> str:
    """A table cell's text; paragraphs inside it (trafilatura makes one of a <br>) read as spaces."""
    for inner in cell.iter(*MAIN_BLOCKS):  # type: ignore[attr-defined]
        if inner is not cell:
            inner.text = " " + (inner.text or "")
            inner.tail = " " + (inner.tail or "")
    return collapse("".join(cell.itertext()))  # type: ignore[attr-defined]


def _markup_title(markup: str) -> str:
    found = _TITLE.search(markup[:200_000])
    return collapse(unescape(found.group(1))) if found else ""


def page_title(soup: BeautifulSoup) -> str:
    """The <title>, else the og:title meta property, with white space collapsed."""
    if soup.title is not None:
        title = collapse(soup.title.get_text())
        if title:
            return title
    og_title = soup.find("meta", attrs={"property": "og:title"})
    if isinstance(og_title, Tag):
        return collapse(str(og_title.get("content") or ""))
    return ""


def collapse(text: str) -> str:
    """HTML white-space collapsing (no-break spaces are kept, as browsers keep them)."""
    return _HTML_SPACE.sub(" ", text).strip()


def parse(markup: str) -> BeautifulSoup:
    """The BeautifulSoup tree of `markup` (lxml), without bs4's advice warnings."""
    with warnings.catch_warnings():
        # XHTML is HTML here on purpose, and a short page may look like a file name: no advice wanted
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(markup, "lxml")


def drop_furniture(soup: BeautifulSoup) -> None:
    """Remove navigation, headers, footers, asides, forms, scripts and styles from the tree."""
    for tag in soup.find_all(DROPPED):
        if tag.decomposed:
            continue
        if tag.name == "form" and _holds_page_content(tag):
            continue  # ASP.NET pages wrap the whole page in one <form>
        tag.decompose()


def _holds_page_content(form: Tag) -> bool:
    return form.find(["main", "article", "h1"]) is not None


def _content_blocks(soup: BeautifulSoup) -> list[str]:
    for root in (soup.find("main"), soup.find("article"), soup.body, soup):
        if isinstance(root, Tag):
            blocks = blocks_of(root)
            if blocks:
                return blocks
    return []


def blocks_of(root: Tag) -> list[str]:
    """The text of each block under `root`, in document order, without recursion.

    Entering or leaving a block element ends the text gathered so far, so text
    directly inside a <div> that also holds <p>s still becomes its own block.
    """
    blocks: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        text = collapse("".join(pending))
        if text:
            blocks.append(text)
        pending.clear()

    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if isinstance(node, Tag):
            if leaving:
                flush()
                continue
            if node.name in DROPPED:
                continue
            if node.name == "pre":
                flush()
                blocks.append(node.get_text().strip("\n"))
                continue
            if node.name == "br":
                pending.append(" ")
                continue
            if node.name in BLOCKS:
                flush()
                stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))
        elif _is_text(node):
            pending.append(str(node))
    flush()
    return blocks


def _flat_blocks(soup: BeautifulSoup) -> list[str]:
    """Every visible string as its own block: the fallback for trees too deep to walk."""
    return [text for text in (collapse(str(node)) for node in soup.find_all(string=_is_text)) if text]


def _is_text(node: object) -> bool:
    """Shown text: not a comment, doctype, script or style string (their own subclasses)."""
    if type(node) not in (NavigableString, CData):
        return False
    parent = node.parent  # type: ignore[attr-defined]
    return parent is None or parent.name not in DROPPED
