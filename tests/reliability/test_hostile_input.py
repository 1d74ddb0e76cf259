"""Hostile claims files, parsed (pure): every problem with its row and column, messages that cannot forge a
line or carry a password, no exception. The full run through every report format is the scenario
'hostile claims.csv and source' (scenarios_input.py). Fixtures are synthetic."""

from __future__ import annotations

from checker.claims import parse_claims
from checker.extract import extract_text
from reliability.scenarios_input import EXPECTED_PROBLEMS, SOURCE, SOURCE_HTML, hostile_claims

HEADER = b"id,claim,kind,expected,subject,speaker,sources,as_of,notes\n"


def test_every_problem_of_the_hostile_file_is_reported_with_its_row_and_column():
    parsed = parse_claims(hostile_claims())

    assert [(p.row, p.column, p.code) for p in parsed.problems] == EXPECTED_PROBLEMS
    assert [claim.id for claim in parsed.claims] == ["aid-600m", "script-quote", "formula-quote", "ctrlid",
                                                     "tab-lead", "cp1252-row"]


def test_control_and_bidi_characters_are_removed_and_named():
    parsed = parse_claims(hostile_claims())
    claim = next(claim for claim in parsed.claims if claim.id == "ctrlid")

    assert claim.claim == "control  char  and evil[2J"
    assert [p.message for p in parsed.problems if p.row == 6] == [
        "invisible control characters removed (U+0001)",
        "invisible control characters removed (U+0000, U+001B, U+007F, U+202E)",
    ]


def test_a_message_shows_a_line_break_instead_of_making_one():
    parsed = parse_claims(HEADER + b'"a\nclaims.csv:9: error: forged",x,statement,x,,,https://example.gov/a,,\n')

    assert [p.describe() for p in parsed.problems] == [
        "claims.csv:2: id: error: id 'a\\nclaims.csv:9: error: forged' may hold only letters, digits, '.', '_' "
        "and '-'"]


def test_a_url_password_or_key_is_not_repeated_in_the_message():
    parsed = parse_claims(HEADER + b"a,x,statement,x,,,https://ana:hunter22@example.gov/a?api_key=k123456,,\n")

    assert [p.message for p in parsed.problems] == [
        "URL holds credentials; remove the user name and password: "
        "'https://ana:REDACTED@example.gov/a?api_key=REDACTED'"]


def test_a_cell_past_the_csv_field_limit_is_a_problem_and_the_other_rows_are_kept():
    content = HEADER + b'huge,"' + b"x" * 200_000 + b'",statement,x,,,https://example.gov/a,,\n' \
        + b"fine,a claim,statement,x,,,https://example.gov/b,,\n"

    parsed = parse_claims(content)

    assert [(p.row, p.code) for p in parsed.problems] == [(2, "unreadable_row")]
    assert parsed.problems[0].message == ("a cell is longer than 131,072 characters (an unclosed double quote?); "
                                          "row skipped")
    assert [claim.id for claim in parsed.claims] == ["fine"]


def test_rows_are_numbered_alike_with_classic_mac_line_ends_and_a_cp1252_line():
    content = HEADER.replace(b"\n", b"\r") + b"one,x,statement,x,,,https://example.gov/a,,\r" \
        + "two,caf\u00e9,bogus,x,,,https://example.gov/b,,\r".encode("cp1252")

    parsed = parse_claims(content)

    assert [(p.row, p.column, p.code) for p in parsed.problems] == [(3, "", "encoding"), (3, "kind", "unknown_kind")]
    assert [claim.id for claim in parsed.claims] == ["one"]


def test_a_source_page_s_own_scripts_are_not_read_as_its_text_and_its_text_is_kept_as_written():
    text = extract_text(SOURCE_HTML, "text/html; charset=utf-8", SOURCE)

    assert "alert('head')" not in text and "document.write" not in text
    assert '<script>alert("evidence")</script>' in text
    assert "=cmd|' /C calc'!A0" in text
