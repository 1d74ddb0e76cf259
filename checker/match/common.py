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


def sentence_bounds(text: str, start: int, end: int, limit: int = 400) -> tuple[int, int]:
    """Widen [start, end) to the sentence(s) around it, at most `limit` characters each way."""
    left = start
    floor = max(0, start - limit)
    while left > floor and text[left - 1] not in ".!?\n":
        left -= 1
    while left < start and text[left].isspace():
        left += 1
    right = end
    ceiling = min(len(text), end + limit)
    while right < ceiling and text[right - 1] not in ".!?\n":
        right += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right
