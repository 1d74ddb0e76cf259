from datetime import date

from checker.claims import parse_claims
from checker.models import Kind

HEADER = "id,claim,kind,expected,subject,speaker,sources,as_of,notes\n"
GOOD_ROW = 'aid-600m,An additional $600 million,amount,$600 million,aid,,https://example.gov/a|https://example.gov/b,2022-09-15,\n'


def parse(text: str, header: str = HEADER):
    return parse_claims((header + text).encode("utf-8"))


def described(loaded) -> list[str]:
    return [p.describe() for p in loaded.problems]


def test_a_good_row_becomes_a_claim():
    loaded = parse(GOOD_ROW)

    assert loaded.problems == ()
    (claim,) = loaded.claims
    assert claim.id == "aid-600m"
    assert claim.kind is Kind.AMOUNT
    assert claim.sources == ("https://example.gov/a", "https://example.gov/b")
    assert claim.as_of == date(2022, 9, 15)
    assert claim.row == 2


def test_every_problem_is_reported_with_row_and_column_and_good_rows_survive():
    loaded = parse(
        GOOD_ROW
        + "x1,A claim,quotation,,,,https://example.gov/x,,\n"
        + ",No id,statement,,,,https://example.gov/y,,\n"
        + "aid-600m,Same id again,statement,,,,https://example.gov/z,,\n"
        + "x2,Bad source,statement,,,,ftp://example.gov/file,,\n"
        + "x3,Lots of money,amount,lots,,,https://example.gov/q,,\n"
        + "x4,A date,statement,,,,https://example.gov/d,15/09/2022,\n"
    )

    assert described(loaded) == [
        "claims.csv:3: kind: error: unknown kind 'quotation'; use one of amount, count, ordinal, quote, "
        "wording, statement, attribution",
        "claims.csv:4: id: error: missing id; give each claim a short unique id such as aid-600m",
        "claims.csv:5: id: error: duplicate id 'aid-600m' (first used on row 2); ids must be unique",
        "claims.csv:6: sources: error: only http and https URLs can be sources: 'ftp://example.gov/file'",
        "claims.csv:7: expected: error: no number can be read in 'lots'; write it as in '$600 million', "
        "'36,000', 'more than 50' or '21st'",
        "claims.csv:8: as_of: error: '15/09/2022' is not a date; write it as YYYY-MM-DD",
    ]
    assert [c.id for c in loaded.claims] == ["aid-600m"]


def test_a_claim_without_sources_is_kept_with_a_warning():
    loaded = parse("q1,Nobody knows,statement,,,,,,\n")

    assert described(loaded) == [
        "claims.csv:2: sources: warning: no source given; the claim will be reported as unchecked"
    ]
    assert [c.id for c in loaded.claims] == ["q1"]


def test_urls_with_credentials_or_scripts_are_refused():
    loaded = parse(
        "u1,A,statement,,,,https://user:secret@example.gov/x,,\n"
        "u2,B,statement,,,,javascript:alert(1),,\n"
        "u3,C,statement,,,,file:///etc/passwd,,\n"
    )

    assert [p.code for p in loaded.problems] == ["bad_url", "bad_url", "bad_url"]
    assert loaded.problems[0].message.startswith("URL holds credentials")
    assert loaded.claims == ()


def test_a_missing_required_column_stops_only_with_a_clear_message():
    loaded = parse("aid,claim text\n", header="id,claim\n")

    assert described(loaded)[0] == (
        "claims.csv:1: kind: error: missing column 'kind'; the header must name id, claim, kind"
    )
    assert loaded.claims == ()


def test_optional_columns_may_be_missing():
    loaded = parse("s1,A statement,statement\n", header="id,claim,kind\n")

    assert [c.id for c in loaded.claims] == ["s1"]
    assert {p.code for p in loaded.problems} == {"missing_column", "no_sources"}
    assert all(p.severity == "warning" for p in loaded.problems)


def test_a_row_with_too_many_values_is_reported():
    loaded = parse("s1,A statement,statement,,,,https://example.gov/,,,extra\n")

    assert [p.code for p in loaded.problems] == ["extra_values"]
    assert loaded.problems[0].row == 2


def test_row_numbers_count_lines_of_multi_line_cells():
    loaded = parse('s1,"two\nlines",statement,,,,https://example.gov/,,\ns2,x,nonsense,,,,https://example.gov/,,\n')

    assert [(p.row, p.code) for p in loaded.problems] == [(4, "unknown_kind")]


def test_a_byte_order_mark_is_ignored_and_a_non_utf8_line_is_reported():
    content = b"\xef\xbb\xbf" + HEADER.encode() + "s1,Caf\u00e9 claim,statement,,,,https://example.gov/,,\n".encode(
        "cp1252")
    loaded = parse_claims(content)

    assert described(loaded) == [
        "claims.csv:2: warning: line is not UTF-8; read as Windows-1252 (save the file as UTF-8)"
    ]
    assert loaded.claims[0].claim == "Caf\u00e9 claim"


def test_a_quote_takes_its_words_from_the_claim_when_expected_is_empty():
    loaded = parse('q1,"He said “we will win” today",quote,,,Someone,https://example.gov/,,\n')

    assert loaded.claims[0].expected == "we will win"


def test_an_attribution_needs_a_person_and_a_title():
    loaded = parse("t1,Indian President Narendra Modi,attribution,,,,https://example.gov/,,\n")

    assert [(p.column, p.code) for p in loaded.problems] == [("subject", "missing_field"), ("expected", "missing_field")]


def test_an_empty_file_is_one_problem():
    loaded = parse_claims(b"")

    assert described(loaded) == ["claims.csv:1: error: the file is empty; the first line must be the header"]


def test_a_quote_spoken_in_another_language_is_marked_as_translated():
    loaded = parse('q1,"Putin said “we understand”",quote,we understand,,Vladimir Putin,https://example.gov/,,,ru\n',
                   header=HEADER.rstrip("\n") + ",language\n")

    assert loaded.problems == ()
    assert loaded.claims[0].translated
    assert not parse(GOOD_ROW).claims[0].translated
