"""Small helpers every matcher shares."""

from __future__ import annotations

from checker.models import Document, Evidence


def evidence_for(document: Document, start: int, end: int, note: str = "") -> Evidence:
    """Evidence for the span [start, end) of `document.text`, with its locator."""
    return Evidence(
        url=document.url,
        text=document.text[start:end],
        start=start,
        end=end,
        locator=document.locate(start),
        note=note,
    )
