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
    """Widen [start, end) to the sentence(s) around it, at most `limit` characters each way.

    A sentence ends at '.', '!' or '?' followed by white space, or at a blank line; a single
    line break does not end one (hard-wrapped transcripts break lines mid-sentence).
    """
    floor = max(0, start - limit)
    left = start
    while left > floor and not _ends_sentence(text, left):
        left -= 1
    while left < start and text[left].isspace():
        left += 1
    ceiling = min(len(text), end + limit)
    right = end
    while right < ceiling and not _ends_sentence(text, right):
        right += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right


def _ends_sentence(text: str, index: int) -> bool:
    """Whether a sentence boundary falls just before `text[index]`."""
    if index <= 0 or index >= len(text):
        return True
    before, here = text[index - 1], text[index]
    if before in ".!?" and here.isspace():
        return True
    return before == "\n" and here == "\n"
