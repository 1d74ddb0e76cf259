"""Plain text and Markdown: front matter removed, paragraphs located, offsets exact."""

from pathlib import Path

import pytest

from checker.extract import extract_document
from checker.extract.text import assemble, extract, paragraph_spans, split_front_matter

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extract"
SHARED_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
MEMO = (
    "wh-briefings/presidential-actions/2022-09/2022-09-15-memorandum-on-the-delegation-of-authority-"
    "under-section-506a1-of-the-foreign-assistance-act-of-1961-14.md"
)
MEMO_TITLE = (
    "Memorandum on the Delegation of Authority Under Section 506(a)(1) of the Foreign Assistance Act of 1961"
)


def real_memo() -> bytes:
    path = SHARED_DATA / MEMO
    if not path.exists():
        pytest.skip(f"real White House data not present at {path.resolve()} (only in the project workspace)")
    return path.read_bytes()


def check_memo(content: bytes) -> None:
    document = extract_document(content, "text/markdown", "https://example.test/memo.md")

    assert "source_url:" not in document.text
    assert "---" not in document.text
    assert document.text.startswith(" \nMEMORANDUM FOR THE SECRETARY OF STATE")
    assert document.title == MEMO_TITLE
    assert document.provenance["date"] == "2022-09-15"
    assert document.provenance["source_url"].startswith("https://bidenwhitehouse.archives.gov/briefing-room/")

    offset = document.text.index("up to $600 million")
    assert document.locate(offset) == "para 3"
    assert [p.locator for p in document.passages] == ["para 1", "para 2", "para 3", "para 4", "para 5"]
    assert document.passages[0].text == "MEMORANDUM FOR THE SECRETARY OF STATE"
    assert document.passages[2].text.startswith("By the authority vested in me as President")
    assert document.passages[2].text.endswith("to direct such a drawdown.")
    assert document.passages[4].text == "JOSEPH R. BIDEN JR."
    for passage in document.passages:
        assert document.text[passage.start:passage.end] == passage.text


def test_real_white_house_memorandum_from_shared_data():
    check_memo(real_memo())


def test_white_house_memorandum_fixture_copy():
    check_memo((FIXTURES / "wh-2022-09-15-506a1-memorandum.md").read_bytes())


def test_fixture_copy_is_unchanged_from_the_shared_data():
    assert (FIXTURES / "wh-2022-09-15-506a1-memorandum.md").read_bytes() == real_memo()


def test_paragraphs_are_counted_from_one_and_lines_are_not_rewrapped():
    document = extract("First line\nsecond line.\n\n\nSecond paragraph.\n")

    assert document.passages[0].text == "First line\nsecond line."
    assert (document.passages[0].start, document.passages[0].end) == (0, 23)
    assert document.passages[1].text == "Second paragraph."
    assert document.passages[1].locator == "para 2"


def test_lines_of_only_white_space_separate_paragraphs():
    assert paragraph_spans("one  \n \t \n\u00a0two\n") == [(0, 3), (11, 14)]


def test_windows_line_endings_become_newlines():
    document = extract("One.\r\n\r\nTwo.\r\n")

    assert document.text == "One.\n\nTwo.\n"
    assert [p.text for p in document.passages] == ["One.", "Two."]


def test_text_without_front_matter_is_kept_whole():
    assert split_front_matter("Just text.\n---\nNot metadata.\n") == ({}, "Just text.\n---\nNot metadata.\n")


def test_bad_yaml_front_matter_is_removed_without_metadata():
    meta, body = split_front_matter("---\ntitle: [unclosed\n---\nBody.\n")

    assert meta == {}
    assert body == "Body.\n"


def test_a_rule_and_a_setext_heading_are_not_front_matter():
    text = "---\nA heading\n---\nBody.\n"

    assert split_front_matter(text) == ({}, text)


def test_empty_front_matter_is_removed():
    assert split_front_matter("---\n---\nBody.") == ({}, "Body.")


def test_unquoted_yaml_date_is_kept_as_iso_text():
    document = extract("---\ntitle: A title\ndate: 2022-09-16\n---\nBody.\n")

    assert document.title == "A title"
    assert document.provenance == {"date": "2022-09-16"}
    assert document.text == "Body.\n"


def test_assemble_joins_blocks_with_blank_lines_and_skips_empty_ones():
    text, passages = assemble([(" One ", "a"), ("", "b"), ("Two", "c")])

    assert text == "One\n\nTwo"
    assert [(p.text, p.start, p.end, p.locator) for p in passages] == [("One", 0, 3, "a"), ("Two", 5, 8, "c")]
