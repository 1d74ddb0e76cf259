"""Properties of the pure core (issue 6, point 3), checked by hypothesis on generated input:

- the claims parser takes any bytes and returns a ClaimsFile, each problem on a row and column of the file;
- the number parser reads generated numbers written as people write them back to the same value, and a
  quantity's own words parse to the same quantity again; no string makes it raise;
- the text normaliser's offsets point into the original, in order, and folding is idempotent;
- a quote cut from a real briefing is found exactly at its place;
- every extractor turns arbitrary bytes into a Document or UnsupportedContent, nothing else.

(normalize.fold is also checked against its character-by-character reference in tests/test_normalize.py.)
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from checker.claims import COLUMNS, ClaimsFile, parse_claims
from checker.extract import UnsupportedContent, extract_document
from checker.match.align import locate
from checker.models import Document
from checker.normalize import fold, fold_text
from checker.numbers import format_quantity, parse_quantity
from support import SHARED_DATA

MODEST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HEADER = b"id,claim,kind,expected,subject,speaker,sources,as_of,notes\n"

# Pieces a claims file is made of, so that generated files reach past the header check.
CSV_PIECES = st.sampled_from([b",", b'"', b"\n", b"\r", b"\r\n", b"\x00", b"\t", b"=", b"|", b"amount", b"quote",
                              b"statement", b"attribution", b"$600 million", b"https://www.example.gov/a",
                              b"javascript:x", b"2022-13-45", b"\xef\xbb\xbf", b"\xe9", b"\xff\xfe", b"a-1",
                              b"<script>", b"\xe2\x80\xae"])


def file_lines(content: bytes) -> int:
    return max(1, len(content.splitlines()))


@MODEST
@given(st.one_of(st.binary(max_size=400), st.lists(CSV_PIECES, max_size=60).map(lambda p: HEADER + b"".join(p))))
@example(HEADER + b'a,"' + b"x" * 140_000)
@example(b"\xef\xbb\xbf")
def test_any_bytes_parse_to_claims_and_problems_within_the_file(content: bytes) -> None:
    parsed = parse_claims(content)

    assert isinstance(parsed, ClaimsFile)
    for problem in parsed.problems:
        assert 1 <= problem.row <= file_lines(content) + 1, problem
        assert problem.column in {*COLUMNS, "", "(blank)"} or problem.code == "unknown_column", problem
    for claim in parsed.claims:
        assert 2 <= claim.row <= file_lines(content)
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]", claim.claim + claim.id)


def words_for(number: int) -> str:
    """0 <= number < 1,000,000 in English words ("three hundred twenty-one thousand ...")."""
    units = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
             "sixteen seventeen eighteen nineteen").split()
    tens = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()

    def below_thousand(n: int) -> list[str]:
        said = []
        if n >= 100:
            said += [units[n // 100], "hundred"]
            n %= 100
        if n >= 20:
            said.append(tens[n // 10] + (f"-{units[n % 10]}" if n % 10 else ""))
        elif n or not said:
            said.append(units[n])
        return said

    if number < 1000:
        return " ".join(below_thousand(number))
    rest = number % 1000
    return " ".join(below_thousand(number // 1000) + ["thousand"] + (below_thousand(rest) if rest else []))


def ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


@MODEST
@given(st.integers(min_value=0, max_value=999_999_999))
def test_digits_with_separators_and_dollars_read_as_their_value(number: int) -> None:
    assert parse_quantity(f"{number:,}").value == number
    dollars = parse_quantity(f"${number:,}")
    assert (dollars.value, dollars.unit) == (number, "USD")


@MODEST
@given(st.integers(min_value=1, max_value=9_999), st.sampled_from([("thousand", 10**3), ("million", 10**6),
                                                                   ("billion", 10**9)]))
def test_a_decimal_with_a_scale_word_reads_as_its_value(tenths: int, scale: tuple[str, int]) -> None:
    word, factor = scale
    written = f"{tenths // 10}.{tenths % 10} {word}" if tenths % 10 else f"{tenths // 10} {word}"
    assume(tenths >= 10)

    assert parse_quantity(written).value == pytest.approx(tenths * factor / 10)


@MODEST
@given(st.integers(min_value=0, max_value=999_999))
@example(21)
@example(1_000)
def test_numbers_in_words_read_as_their_value(number: int) -> None:
    assert parse_quantity(words_for(number)).value == number


@MODEST
@given(st.integers(min_value=1, max_value=100_000))
def test_ordinals_read_as_their_value(number: int) -> None:
    quantity = parse_quantity(ordinal(number))
    assert (quantity.value, quantity.ordinal) == (number, True)


QUANTITY_WORDS = st.builds(
    lambda qualifier, number, unit: f"{qualifier}{unit}{number:,}",
    st.sampled_from(["", "more than ", "about ", "up to ", "nearly ", "at least ", "fewer than "]),
    st.integers(min_value=1, max_value=10**7), st.sampled_from(["", "$"]))


@MODEST
@given(QUANTITY_WORDS)
def test_a_quantity_formatted_and_read_again_is_the_same_quantity(written: str) -> None:
    quantity = parse_quantity(written)
    again = parse_quantity(format_quantity(quantity))

    assert (again.low, again.high, again.value, again.unit, again.qualifier) == (
        quantity.low, quantity.high, quantity.value, quantity.unit, quantity.qualifier)
    assert format_quantity(again) == format_quantity(quantity)


@MODEST
@given(st.text(max_size=120) | st.lists(st.sampled_from(
    ["$", "1", ",", ".", "5", " million", " billion", "twenty", "-", "first", "more than ", "between ", " and ",
     "%", "½", "٣", "1e308", "9" * 40, "st", "Sept. ", "2022", "/"]), max_size=30).map("".join))
def test_no_string_makes_the_number_parser_raise(text: str) -> None:
    quantity = parse_quantity(text)
    if quantity is not None:
        assert quantity.low <= quantity.value <= quantity.high
        format_quantity(quantity)


@MODEST
@given(st.text(max_size=200))
@example("ﬁnal  “quote”\u2028İ")
def test_fold_offsets_point_into_the_original_in_order_and_folding_again_changes_nothing(text: str) -> None:
    folded = fold(text)
    offsets = list(folded.offsets)

    assert len(offsets) == len(folded.text)
    assert all(0 <= offset < len(text) for offset in offsets)
    assert offsets == sorted(offsets)
    assert fold_text(folded.text) == folded.text


@lru_cache(maxsize=1)
def briefing_texts() -> tuple[str, ...]:
    folder = SHARED_DATA / "wh-briefings" / "press-briefings"
    paths = sorted(folder.rglob("*.md"))[:12] if folder.is_dir() else []
    return tuple(path.read_text(encoding="utf-8")[:6000] for path in paths)


@st.composite
def cut_quotes(draw) -> tuple[str, int, int]:
    """A real briefing excerpt and a span of 4-40 words in it, starting and ending on a word."""
    texts = briefing_texts()
    text = draw(st.sampled_from(texts))
    words = [match.span() for match in re.finditer(r"[A-Za-z0-9][\w'’-]*[A-Za-z0-9]|[A-Za-z0-9]", text)]
    first = draw(st.integers(min_value=0, max_value=len(words) - 5))
    last = draw(st.integers(min_value=first + 3, max_value=min(first + 39, len(words) - 1)))
    return text, words[first][0], words[last][1]


def occurrences(text: str, part: str) -> int:
    """How many times `part` occurs in `text`, overlapping ones included ("in a few - in a few")."""
    count, at = 0, text.find(part)
    while at != -1:
        count, at = count + 1, text.find(part, at + 1)
    return count


@pytest.mark.skipif(not briefing_texts(), reason=f"the real briefings are not here ({SHARED_DATA})")
@MODEST
@given(cut_quotes())
@example(("In a few — in a few — in about an hour", 0, 15))  # overlapping repeats, found by hypothesis
def test_a_quote_cut_from_a_real_briefing_is_found_exactly_at_its_place(cut: tuple[str, int, int]) -> None:
    text, start, end = cut
    quote = text[start:end]
    found = locate(quote, text)

    assert found is not None and found.exact
    if occurrences(fold_text(text), fold_text(quote)) == 1:
        assert (found.start, found.end) == (start, end)
    else:  # the same words occur more than once: the first occurrence is the one reported
        assert fold_text(text[found.start:found.end]) == fold_text(quote) and found.start <= start


CONTENT_TYPES = ["text/html", "text/html; charset=utf-8", "application/xhtml+xml", "application/xml", "text/xml",
                 "application/pdf", "text/plain", "text/plain; charset=bogus", "text/markdown",
                 "application/octet-stream", "", "image/png", "application/json"]
PREFIXES = [b"", b"%PDF-1.7\n", b"<?xml version='1.0'?>", b"<html><body><p>", b"<bill><legis-body>",
            b"\xef\xbb\xbf", b"\xff\xfe", b"\x89PNG\r\n", b"<!DOCTYPE html>", b"---\ntitle: x\n---\n"]


@MODEST
@given(st.sampled_from(PREFIXES), st.binary(max_size=600), st.sampled_from(CONTENT_TYPES),
       st.sampled_from(["", "https://www.defense.gov/News/Releases/Release/Article/1/x/",
                        "https://www.govinfo.gov/content/pkg/BILLS-117s4428rs/xml/BILLS-117s4428rs.xml",
                        "https://example.gov/a.pdf"]))
def test_every_extractor_returns_a_document_or_unsupported_content(prefix: bytes, body: bytes, content_type: str,
                                                                   url: str) -> None:
    try:
        document = extract_document(prefix + body, content_type, url)
    except UnsupportedContent:
        return
    assert isinstance(document, Document)
    for passage in document.passages:
        assert 0 <= passage.start <= passage.end <= len(document.text)
