"""HTML and XHTML -> Document, with BeautifulSoup on lxml.

Page furniture (navigation, headers, footers, asides, forms) and anything that
is not shown as text (scripts, styles) is dropped; the <main> or <article>
element is read when there is one. Every block element (paragraph, list item,
heading, table cell, ...) becomes its own passage, located as "para N". Inside a
block, white space collapses as a browser would show it, and inline elements
add no space of their own: "<span>C</span>OMMISSION" reads "COMMISSION".
"""

from __future__ import annotations

import re
import warnings

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


def extract(markup: str, url: str = "", content_type: str = "text/html") -> Document:
    """A Document of an HTML page's readable text."""
    with warnings.catch_warnings():
        # XHTML is HTML here on purpose, and a short page may look like a file name: no advice wanted
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(markup, "lxml")
    title = page_title(soup)
    try:
        _drop_furniture(soup)
        blocks = _content_blocks(soup)
    except RecursionError:
        blocks = _flat_blocks(soup)
    text, passages = assemble(numbered(blocks))
    return Document(url=url, text=text, passages=passages, content_type=content_type, title=title)


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


def _drop_furniture(soup: BeautifulSoup) -> None:
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
