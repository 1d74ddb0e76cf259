"""Plain text and Markdown -> Document.

The text is kept as it is (only line endings become "\\n"), so offsets found by
a matcher point at the very characters of the source. A YAML front-matter block
at the start is metadata, not content: it is removed before any offset is
computed, and its `title`, `date` and `source_url` are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import yaml

from checker.models import Document, Passage

PARAGRAPH_GAP = "\n\n"

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
_LINE = re.compile(r"[^\n]*\n|[^\n]+")


def extract(text: str, url: str = "", content_type: str = "text/plain") -> Document:
    """A Document of `text`: one passage per non-empty paragraph, located as "para N"."""
    meta, body = split_front_matter(normalize_newlines(text))
    passages = tuple(
        Passage(body[start:end], start, end, f"para {number}")
        for number, (start, end) in enumerate(paragraph_spans(body), start=1)
    )
    return Document(
        url=url,
        text=body,
        passages=passages,
        content_type=content_type,
        title=meta.get("title", ""),
        provenance={key: value for key, value in meta.items() if key != "title"},
    )


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """(metadata, body) of a text that may open with a "---" fenced YAML block.

    A block that is bad YAML is still front matter (it is fenced like it) and is
    removed, with no metadata kept; a block that parses to something other than
    a mapping is most likely Markdown (a rule and a heading) and is left alone.
    """
    text = text.removeprefix("\ufeff")
    found = _FRONT_MATTER.match(text)
    if not found:
        return {}, text
    try:
        data = yaml.safe_load(found.group(1) or "")
    except yaml.YAMLError:
        return {}, text[found.end():]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return {}, text
    return _metadata(data), text[found.end():]


def _metadata(data: dict) -> dict[str, str]:
    meta: dict[str, str] = {}
    for key in ("title", "date", "source_url"):
        value = data.get(key)
        if value is not None and value != "":
            meta[key] = " ".join(str(value).split())
    return meta


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each paragraph: runs of lines between blank (white-space only) lines.

    A span starts at the paragraph's first non-space character and ends after its last.
    """
    spans: list[tuple[int, int]] = []
    start: int | None = None
    end = 0
    for line in _LINE.finditer(text):
        raw = line.group()
        if not raw.strip():
            if start is not None:
                spans.append((start, end))
                start = None
            continue
        if start is None:
            start = line.start() + len(raw) - len(raw.lstrip())
        end = line.start() + len(raw.rstrip())
    if start is not None:
        spans.append((start, end))
    return spans


def assemble(blocks: Iterable[tuple[str, str]]) -> tuple[str, tuple[Passage, ...]]:
    """Join (text, locator) blocks with blank lines into one text, with exact passages.

    Blocks are stripped and empty ones skipped, so every passage has content.
    """
    parts: list[str] = []
    passages: list[Passage] = []
    offset = 0
    for block, locator in blocks:
        block = block.strip()
        if not block:
            continue
        if parts:
            parts.append(PARAGRAPH_GAP)
            offset += len(PARAGRAPH_GAP)
        parts.append(block)
        passages.append(Passage(block, offset, offset + len(block), locator))
        offset += len(block)
    return "".join(parts), tuple(passages)


def numbered(blocks: Iterable[str]) -> list[tuple[str, str]]:
    """Blocks located as "para 1", "para 2", ... counting only non-empty ones."""
    non_empty = (block for block in blocks if block.strip())
    return [(block, f"para {number}") for number, block in enumerate(non_empty, start=1)]
