"""The value types: what `Document.locate` answers, and that it stays a plain frozen value."""

from __future__ import annotations

import dataclasses

from checker.models import Document, Passage

# The 2022-09-16 White House press briefing (bidenwhitehouse.archives.gov; public domain), two paragraphs.
FIRST = "And you just saw, I think, yesterday, we — last night, we announced our 21st package."
SECOND = "This is a $600 million package that includes ammunition for those HIMARS systems."
TEXT = f"{FIRST}\n\n{SECOND}"


def briefing() -> Document:
    second = TEXT.index(SECOND)
    return Document(url="https://example.gov/b", text=TEXT, passages=(
        Passage(FIRST, 0, len(FIRST), "para 36"), Passage(SECOND, second, second + len(SECOND), "para 37")))


def test_an_offset_is_located_in_the_passage_holding_it() -> None:
    document = briefing()
    second = TEXT.index(SECOND)
    assert [document.locate(offset) for offset in (0, len(FIRST) - 1, second, len(TEXT) - 1)] == [
        "para 36", "para 36", "para 37", "para 37"]


def test_an_offset_between_or_beyond_the_passages_has_no_locator() -> None:
    document = briefing()
    assert [document.locate(offset) for offset in (len(FIRST), len(FIRST) + 1, len(TEXT), -1)] == ["", "", "", ""]


def test_overlapping_passages_give_the_first_in_order_that_holds_the_offset() -> None:
    # Synthetic: a section and the paragraph inside it, the section listed first.
    document = Document(url="u", text=TEXT, passages=(
        Passage(TEXT, 0, len(TEXT), "sec. 1"), Passage(SECOND, TEXT.index(SECOND), len(TEXT), "sec. 1, para 2")))
    assert document.locate(TEXT.index("HIMARS")) == "sec. 1"
    reordered = dataclasses.replace(document, passages=document.passages[::-1])
    assert reordered.locate(TEXT.index("HIMARS")) == "sec. 1, para 2"
    assert reordered.locate(0) == "sec. 1"


def test_locating_leaves_the_document_a_plain_frozen_value() -> None:
    document = briefing()
    document.locate(5)
    assert document == briefing()
    assert repr(document) == repr(briefing())
    assert [field.name for field in dataclasses.fields(document)] == [
        "url", "text", "passages", "content_type", "title", "recording", "provenance"]
