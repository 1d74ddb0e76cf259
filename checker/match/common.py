"""Small helpers every matcher shares."""

from __future__ import annotations

from checker.models import Document, Evidence

CONTEXT = 200
"""Characters of surrounding text kept on each side of an evidence span (cut at a word boundary)."""


def evidence_for(document: Document, start: int, end: int, note: str = "") -> Evidence:
    """Evidence for the span [start, end) of `document.text`, with its locator and surrounding text."""
    text = document.text
    return Evidence(
        url=document.url,
        text=text[start:end],
        start=start,
        end=end,
        locator=document.locate(start),
        note=note,
        before=_context_before(text, start),
        after=_context_after(text, end),
    )


def _context_before(text: str, start: int) -> str:
    left = max(0, start - CONTEXT)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    return text[left:start]


def _context_after(text: str, end: int) -> str:
    right = min(len(text), end + CONTEXT)
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    return text[end:right]
