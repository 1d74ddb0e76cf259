"""Folding: the whole-string `fold` gives exactly what folding character by character gives."""

from __future__ import annotations

import sys
from bisect import bisect_left
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.normalize import LONG_TEXT, Folded, fold, fold_char, fold_text, words


def reference_fold(text: str) -> tuple[str, list[int]]:
    """The definition of folding, one character at a time (what `fold` did before it was vectorised)."""
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        for out in fold_char(char):
            if out == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(out)
            offsets.append(index)
    if chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    return "".join(chars), offsets


def assert_same_as_reference(text: str) -> None:
    folded = fold(text)
    expected_text, expected_offsets = reference_fold(text)
    assert folded.text == expected_text
    assert fold_text(text) == expected_text
    assert list(folded.offsets) == expected_offsets
    assert len(folded.offsets) == len(folded.text)
    assert folded.original_length == len(text)
    for index, char in enumerate(folded.text):
        assert char in fold_char(text[folded.offsets[index]])


# ---------------------------------------------------------------- examples


def test_typography_case_and_space_fold_with_offsets_into_the_original() -> None:
    text = "  \u201cWe\u2019re  here\u2026\u201d\n"
    folded = fold(text)
    assert folded.text == "\"we're here...\""
    assert folded.offsets == (2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 14, 14, 15)
    assert folded.original_length == 17


def test_ligatures_expand_and_every_letter_points_at_the_ligature() -> None:
    folded = fold("e\ufb03cient")
    assert folded.text == "efficient"
    assert folded.offsets == (0, 1, 1, 1, 2, 3, 4, 5, 6)
    assert folded.span(1, 4) == (1, 2)


def test_characters_that_fold_to_nothing_do_not_break_a_run_of_spaces() -> None:
    text = "arms \u200b \u00ad\tand\u00adammunition\x00"
    folded = fold(text)
    assert folded.text == "arms andammunition"
    assert folded.offsets == (0, 1, 2, 3, 4, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22)


def test_leading_and_trailing_space_and_deleted_characters_are_dropped() -> None:
    assert fold(" \u200b\n x \u200b \u00a0").text == "x"
    assert fold(" \u200b\n x \u200b \u00a0").offsets == (4,)
    assert fold(" \t\n\u200b").text == ""
    assert fold("").text == ""


def test_capital_sigma_lowers_alone_not_as_a_final_sigma() -> None:
    assert "\u039f\u0394\u039f\u03a3".lower() == "\u03bf\u03b4\u03bf\u03c2"
    assert fold("\u039f\u0394\u039f\u03a3").text == "\u03bf\u03b4\u03bf\u03c3"


def test_dotted_capital_i_becomes_two_characters_from_one() -> None:
    folded = fold("\u0130stanbul")
    assert folded.text == "i\u0307stanbul"
    assert folded.offsets == (0, 0, 1, 2, 3, 4, 5, 6, 7)


def test_line_and_paragraph_separators_and_crlf_are_white_space() -> None:
    assert fold("a\r\nb\u2028c\u2029\u2029d\u3000e").text == "a b c d e"


def test_tricky_strings_match_the_reference() -> None:
    for text in [
        "\u2026\u2026  \u2026", "\x00", "\x00 \x00", " \x00a", "a\x00 ", "a \x00 \x00 b", "\ufb00 \ufb01\u0130 \u03a3",
        "MR. KIRBY:\u00a0 Good afternoon, everybody.\u00a0 I think\n\n[...]\n\n\u2014 last night",
        "\u00ad\u00ad", "x\u00ad \u00ady", "\u200b\u2026\u200b", "\u201c\u2018nested\u2019\u201d \u2013 \u2212 \u2015",
    ]:
        assert_same_as_reference(text)


def test_a_real_briefing_folds_as_the_reference_does(shared_data: Path) -> None:
    briefing = next((shared_data / "wh-briefings" / "press-briefings").rglob("*.md"))
    text = briefing.read_text(encoding="utf-8")
    assert len(text) > LONG_TEXT
    assert_same_as_reference(text)


def test_every_code_point_folds_as_the_reference_does() -> None:
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    expected_text, expected_offsets = reference_fold(everything)
    folded = fold(everything)
    assert folded.text == expected_text
    assert list(folded.offsets) == expected_offsets


def test_no_white_space_above_u3000_escapes_the_whole_string_fold() -> None:
    assert [hex(code) for code in range(0x3001, sys.maxunicode + 1) if chr(code).isspace()] == []


# ---------------------------------------------------------------- the offset map as a sequence


def test_offsets_index_slice_iterate_and_bisect_like_a_tuple() -> None:
    offsets = fold("The  \u2026 end").offsets
    assert list(offsets) == [0, 1, 2, 3, 5, 5, 5, 6, 7, 8, 9]
    assert len(offsets) == 11
    assert offsets[-1] == 9
    assert offsets[3:6] == (3, 5, 5)
    assert bisect_left(offsets, 6) == 7
    assert offsets == [0, 1, 2, 3, 5, 5, 5, 6, 7, 8, 9]


def test_a_folded_value_built_by_hand_equals_the_folded_one() -> None:
    assert fold("A  b") == Folded("a b", (0, 1, 3), 4)
    assert fold("A  b") != Folded("a b", (0, 2, 3), 4)


def test_span_maps_a_folded_span_back_to_the_original() -> None:
    text = "He said \u201cno\u2026\u201d"
    folded = fold(text)
    start = folded.text.index("no")
    assert folded.span(start, len(folded.text)) == (9, 13)
    assert text[9:13] == "no\u2026\u201d"
    assert folded.span(len(folded.text), len(folded.text)) == (13, 13)


# ---------------------------------------------------------------- caching


def test_a_document_is_folded_once_however_many_short_strings_are_folded_between() -> None:
    # Synthetic: a long text of repeated words, and many distinct short strings.
    document = "Presidential Drawdown Authority. " * 200
    first = fold(document)
    for number in range(20_000):
        fold(f"word {number}")
    assert fold(document) is first


def test_fold_text_and_words() -> None:
    assert fold_text("Long\u2011range \u201cfires\u201d") == 'long-range "fires"'
    assert fold_text("HIMARS Launchers") == "himars launchers"
    assert fold_text(" `Two  spaces`\t") == "'two spaces'"
    assert words("We\u2019re sending \u2014 again \u2014 long-range fires, \u2018now\u2019.") == [
        "we're", "sending", "again", "long-range", "fires", "now",
    ]


# ---------------------------------------------------------------- properties

_TRICKY = "".join(
    ["`\u2018\u2019\u201c\u201d\u2013\u2014\u2026\ufb01\ufb03\u00ad\u200b\ufeff\u00a0\u2028\u3000\u0130\u03a3",
     " \t\n\r\x00\x1f\x7f\x85", "aZ9.'-"]
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(_TRICKY) | st.characters(), max_size=200))
@example("  a  ")
@example("\u2026")
def test_fold_equals_the_character_by_character_reference(text: str) -> None:
    assert_same_as_reference(text)


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=st.sampled_from(_TRICKY), min_size=1, max_size=60))
def test_long_texts_fold_like_short_ones(piece: str) -> None:
    text = piece * (LONG_TEXT // len(piece) + 1)
    assert_same_as_reference(text)
