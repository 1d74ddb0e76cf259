"""defense.gov pages -> Document: releases and other articles, and news listings.

An article page (a path with /Article/<id>/, e.g. /News/Releases/Release/Article/3160458/...)
gives its title (located "title"), the date it shows ("date", also in provenance["date"] as
YYYY-MM-DD when it reads as a date) and its body, each block a passage "para N"; the list
items of a drawdown fact sheet are passages of their own. A listing page (/News/Releases/,
/News/Tag/...) gives one group of passages per listed article, located "item N": the
item's title, date and summary, in the order the page shows them.

The markup is read by what public scrapers of the site select: the title in
<h1 class="maintitle">, the article inside class "article-view" or "adetail", the text in
class "body" (or itemprop="articleBody"). The date element is not known from any source at
hand: a <time>, class "date" or the article:published_time meta property are tried. When a
page has none of this structure, extract() returns None and the generic HTML reader is used.
The site moved to war.gov in 2025 with the same software, so that host is read alike.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from bs4 import BeautifulSoup, Tag

from checker.extract.html import blocks_of, collapse, drop_furniture, page_title, parse
from checker.extract.text import assemble
from checker.models import Document

HOSTS = frozenset({"defense.gov", "www.defense.gov", "war.gov", "www.war.gov"})
ARTICLE_CONTAINERS = (".article-view", ".adetail", "article", "main")
BODY_SELECTORS = ('[itemprop="articleBody"]', ".body", ".article-body", ".ntext")
DATE_SELECTORS = ("time", ".date", ".published-date", '[itemprop="datePublished"]')
# Inside an article body: sharing buttons and the "Subscribe to Defense.gov Products" box.
BODY_FURNITURE = re.compile(r"share|social|subscribe", re.IGNORECASE)
ITEM_CLASS = re.compile(r"item|story|listing|card", re.IGNORECASE)

_ARTICLE_PATH = re.compile(r"/Article/\d+", re.IGNORECASE)
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WORDY_DATE = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),\s+(\d{4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})")


def handles(url: str) -> bool:
    """A defense.gov (or war.gov) news page: a release, another article, or a listing."""
    parsed = urlparse(url)
    return (parsed.hostname or "").lower() in HOSTS and parsed.path.lower().startswith("/news/")


def extract(markup: str, url: str, content_type: str = "text/html") -> Document | None:
    """The Document of a release/article or listing page, or None when the page lacks that structure."""
    soup = parse(markup)
    if _ARTICLE_PATH.search(urlparse(url).path):
        return article(soup, url, content_type)
    return listing(soup, url, content_type)


def article(soup: BeautifulSoup, url: str, content_type: str = "text/html") -> Document | None:
    """Title, date and body of an article page; None when no article body is found."""
    container = _first(soup, ARTICLE_CONTAINERS) or soup
    body = _first(container, BODY_SELECTORS)
    if body is None:
        return None
    for furniture in body.find_all(class_=BODY_FURNITURE):
        if not furniture.decomposed:
            furniture.decompose()
    heading = container.select_one("h1.maintitle") or soup.select_one("h1.maintitle") or container.find("h1")
    title = collapse(heading.get_text()) if isinstance(heading, Tag) else page_title(soup)
    shown_date, date = _date(container, soup)
    blocks = [(title, "title"), (shown_date, "date")]
    blocks += [(block, f"para {number}") for number, block in enumerate(blocks_of(body), start=1)]
    text, passages = assemble(blocks)
    if not any(passage.locator.startswith("para") for passage in passages):
        return None
    provenance = {"page": "article"}
    if date:
        provenance["date"] = date
    return Document(
        url=url, text=text, passages=passages, content_type=content_type, title=title, provenance=provenance
    )


def listing(soup: BeautifulSoup, url: str, content_type: str = "text/html") -> Document | None:
    """One group of passages per listed article ("item N"); None when no article is listed."""
    title = page_title(soup)
    drop_furniture(soup)
    items = _listed_items(soup)
    if not items:
        return None
    heading = soup.find("h1")
    blocks = [(collapse(heading.get_text()), "title")] if isinstance(heading, Tag) else []
    for number, item in enumerate(items, start=1):
        blocks += [(block, f"item {number}") for block in blocks_of(item)]
    text, passages = assemble(blocks)
    return Document(
        url=url,
        text=text,
        passages=passages,
        content_type=content_type,
        title=title,
        provenance={"page": "listing", "items": str(len(items))},
    )


def iso_date(shown: str) -> str:
    """'Sept. 15, 2022' or '2022-09-15T10:00' -> '2022-09-15'; '' when it does not read as a date."""
    found = _ISO_DATE.search(shown)
    if found:
        return "-".join(found.groups())
    found = _WORDY_DATE.search(shown)
    if not found:
        return ""
    month = _MONTHS.get(found.group(1)[:3].lower())
    day = int(found.group(2))
    if month is None or not 1 <= day <= 31:
        return ""
    return f"{found.group(3)}-{month:02d}-{day:02d}"


def _listed_items(soup: BeautifulSoup) -> list[Tag]:
    """The element of each listed article: the nearest item-like ancestor of a link to it."""
    items: list[Tag] = []
    for link in soup.find_all("a", href=_ARTICLE_PATH):
        item = _item_of(link)
        inside_another = any(parent is known for known in items for parent in (item, *item.parents))
        if not inside_another:
            items.append(item)
    return items


def _item_of(link: Tag) -> Tag:
    """The <li>, <article> or item-classed element that holds `link` and links to no other article."""
    target = _target(link)
    for parent in link.parents:
        if parent.name in ("body", "html", "main", "ul", "ol", "table"):
            break
        if parent.name in ("li", "article") or ITEM_CLASS.search(" ".join(parent.get("class") or [])):
            targets = {_target(other) for other in parent.find_all("a", href=_ARTICLE_PATH)}
            return parent if targets == {target} else link
    return link


def _target(link: Tag) -> str:
    found = _ARTICLE_PATH.search(str(link.get("href") or ""))
    return found.group().lower() if found else ""


def _date(container: Tag, soup: BeautifulSoup) -> tuple[str, str]:
    """(the date as the page shows it, as YYYY-MM-DD or '')."""
    element = _first(container, DATE_SELECTORS)
    if element is not None:
        shown = collapse(element.get_text())
        machine = str(element.get("datetime") or element.get("content") or "")
        return shown, iso_date(machine) or iso_date(shown)
    meta = soup.find("meta", attrs={"property": "article:published_time"})
    if isinstance(meta, Tag):
        return "", iso_date(str(meta.get("content") or ""))
    return "", ""


def _first(root: Tag, selectors: tuple[str, ...]) -> Tag | None:
    for selector in selectors:
        found = root.select_one(selector)
        if isinstance(found, Tag):
            return found
    return None
