"""Quantities in prose and in claims, read as intervals (checker.numbers)."""

from __future__ import annotations

import math
from datetime import date

import pytest

from checker.numbers import INF, Quantity, find_quantities, format_quantity, month_day, parse_date, parse_quantity

# Excerpts of public-domain US government works, copied verbatim (hard wraps and no-break spaces kept).
# White House, "Memorandum on the Delegation of Authority Under Section 506(a)(1) of the Foreign
# Assistance Act of 1961", 2022-09-15.
MEMO = (
    "By the authority vested in me as President by the Constitution and the\nlaws of the United States "
    "of America, including section\xa0621 of the\nForeign Assistance Act of 1961 (FAA), I\xa0hereby "
    "delegate to the Secretary\nof State the authority under section\xa0506(a)(1) of the FAA to direct "
    "the\ndrawdown of up to $600 million in defense articles and services of the\nDepartment of "
    "Defense, and military education and training, to provide\nassistance to Ukraine and to make the "
    "determinations required under such\nsection to direct such a drawdown."
)
# White House, press briefing by Karine Jean-Pierre and John Kirby, 2022-09-16: its opening lines.
BRIEFING_OPENING = (
    "James S. Brady Press Briefing Room\n\n1:29 P.M. EDT  \n\xa0  \n"
    "MS. JEAN-PIERRE:\xa0\xa0 Good afternoon, everybody.\xa0 Happy Friday."
)
# The same briefing, the paragraph announcing the 21st drawdown package.
BRIEFING_PACKAGE = (
    "And you just saw, I think, yesterday, we — last night, we announced our\n21st package of security "
    "assistance using Presidential Drawdown\nAuthorities.\xa0 This is a $600 million package that "
    "includes ammunition\nfor those HIMARS systems that you’re all familiar with now — the High\n"
    "Mobility Artillery Rocket Systems; tens of thousands of artillery\nrounds; additional counter "
    "unmanned aerial systems and mine-clearing\nequipment; small arms; and ammunition.\xa0 There’s a "
    "lot more in the\npackage."
)


def q(low: float, high: float, value: float, unit: str = "", ordinal: bool = False, qualifier: str = "",
      text: str = "", low_open: bool = False, high_open: bool = False) -> Quantity:
    return Quantity(low, high, value, unit, ordinal, qualifier, text, low_open, high_open)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("$600 million", q(600e6, 600e6, 600e6, "USD", text="$600 million")),
        ("more than $50 billion", q(50e9, INF, 50e9, "USD", qualifier="more than",
                                    text="more than $50 billion", low_open=True)),
        ("36,000", q(36_000, 36_000, 36_000, text="36,000")),
        ("36,000 rounds", q(36_000, 36_000, 36_000, text="36,000")),
        ("a thousand", q(1_000, 1_000, 1_000, text="a thousand")),
        ("1,000", q(1_000, 1_000, 1_000, text="1,000")),
        ("21st", q(21, 21, 21, ordinal=True, text="21st")),
        ("twenty-first", q(21, 21, 21, ordinal=True, text="twenty-first")),
        ("tens of thousands", q(10_000, 99_999, 10_000, text="tens of thousands")),
        ("hundreds", q(100, 999, 100, text="hundreds")),
        ("hundreds of", q(100, 999, 100, text="hundreds of")),
        ("thousands of", q(1_000, 9_999, 1_000, text="thousands of")),
        ("dozens of", q(24, 99, 24, text="dozens of")),
        ("hundreds of millions of", q(100e6, 1e9 - 1, 100e6, text="hundreds of millions of")),
        ("15", q(15, 15, 15, text="15")),
        ("three", q(3, 3, 3, text="three")),
        ("$6.5 billion", q(6.5e9, 6.5e9, 6.5e9, "USD", text="$6.5 billion")),
        ("$600M", q(600e6, 600e6, 600e6, "USD", text="$600M")),
        ("6.5bn", q(6.5e9, 6.5e9, 6.5e9, text="6.5bn")),
        ("$1.5 billion", q(1.5e9, 1.5e9, 1.5e9, "USD", text="$1.5 billion")),
        ("600 million dollars", q(600e6, 600e6, 600e6, "USD", text="600 million dollars")),
        ("thirty-six thousand", q(36_000, 36_000, 36_000, text="thirty-six thousand")),
        ("Twenty-three thousand agents", q(23_000, 23_000, 23_000, text="Twenty-three thousand")),
        ("one hundred and five", q(105, 105, 105, text="one hundred and five")),
        ("a dozen", q(12, 12, 12, text="a dozen")),
        ("up to $600 million", q(0, 600e6, 600e6, "USD", qualifier="up to", text="up to $600 million")),
        ("about 36,000", q(32_400, 39_600, 36_000, qualifier="about", text="about 36,000")),
        ("roughly 36,000", q(32_400, 39_600, 36_000, qualifier="about", text="roughly 36,000")),
        ("nearly 36,000", q(32_400, 36_000, 36_000, qualifier="nearly", text="nearly 36,000")),
        ("at least 36,000", q(36_000, INF, 36_000, qualifier="at least", text="at least 36,000")),
        ("over 440 graves", q(440, INF, 440, qualifier="more than", text="over 440", low_open=True)),
        ("fewer than 15", q(0, 15, 15, qualifier="less than", text="fewer than 15", high_open=True)),
        ("no more than 15", q(0, 15, 15, qualifier="at most", text="no more than 15")),
        ("below 3 percent", q(0, 3, 3, "%", qualifier="less than", text="below 3 percent", high_open=True)),
        ("ninety-ninth", q(99, 99, 99, ordinal=True, text="ninety-ninth")),
        ("the Seventh Replenishment", q(7, 7, 7, ordinal=True, text="Seventh")),
        ("22nd", q(22, 22, 22, ordinal=True, text="22nd")),
    ],
)
def test_parse_quantity(text: str, expected: Quantity) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "$", "1e999", "---", "½", "٣", "no number here", "105mm", "F-16s", "600m", "1:29 P.M.",
     "September 16, 2022", "2022-09-16", "the 20th of September", "a lot", "https://x.gov/2022/09/16/"],
)
def test_no_quantity_and_no_exception(text: str) -> None:
    assert parse_quantity(text) is None


def test_a_huge_number_is_infinite_not_an_error() -> None:
    quantity = parse_quantity("1" * 400)
    assert quantity is not None and math.isinf(quantity.value)


def test_word_numbers_stop_where_the_number_stops() -> None:
    text = "two and three"
    assert [(found.value, text[start:end]) for found, start, end in find_quantities(text)] == [
        (2, "two"), (3, "three")]


def test_find_quantities_in_the_drawdown_memo() -> None:
    found = [(quantity.text, MEMO[start:end]) for quantity, start, end in find_quantities(MEMO)]
    assert found == [("621", "621"), ("1961", "1961"), ("506", "506"), ("1", "1"),
                     ("up to $600 million", "up to $600 million")]
    money = find_quantities(MEMO)[-1]
    assert money[1] == MEMO.index("up to $600 million")
    assert money[2] == MEMO.index(" in defense articles")


def test_find_quantities_in_the_briefing_package_paragraph() -> None:
    found = [(q.value, q.unit, q.ordinal, BRIEFING_PACKAGE[start:end])
             for q, start, end in find_quantities(BRIEFING_PACKAGE)]
    assert found == [
        (21, "", True, "21st"),
        (600e6, "USD", False, "$600 million"),
        (10_000, "", False, "tens of thousands of"),
    ]


def test_times_and_dates_give_no_counts() -> None:
    assert find_quantities(BRIEFING_OPENING) == []
    assert find_quantities("Washington, September 16, 2022, at 1:29 P.M.") == []


def test_offsets_across_wrapped_lines_point_at_the_original_text() -> None:
    text = "more than\n$50\u00a0billion in aid"
    [(quantity, start, end)] = find_quantities(text)
    assert (start, end) == (0, 21)
    assert text[end:] == " in aid"
    assert quantity.text == "more than $50 billion"


def test_format_quantity_shows_the_interval() -> None:
    assert format_quantity(parse_quantity("tens of thousands")) == "tens of thousands [10,000, 99,999]"
    assert format_quantity(parse_quantity("more than 440")) == "more than 440 (440, inf)"
    assert format_quantity(parse_quantity("$600 million")) == "$600 million"


def test_a_long_document_is_read_in_one_pass() -> None:
    text = (BRIEFING_PACKAGE + "\n\n" + MEMO + "\n\n") * 60  # about 60 KB
    assert len(find_quantities(text)) == 8 * 60


# White House, section 506(a)(1) memorandum of 2022-02-25, its item (2) (verbatim, Markdown escapes kept).
AGGREGATE = (
    "\\(2\\) \xa0the authority under section 506(a)(1) of the FAA to direct the\ndrawdown of up to an aggregate "
    "value of $350 million in defense articles\nand services of the Department of Defense"
)


def test_a_ceiling_stated_as_an_aggregate_value_keeps_its_qualifier() -> None:
    [*_, (quantity, start, end)] = find_quantities(AGGREGATE)
    assert quantity == q(0, 350e6, 350e6, "USD", qualifier="up to",
                         text="up to an aggregate value of $350 million")
    assert AGGREGATE[start:end] == "up to an aggregate value of $350 million"


@pytest.mark.parametrize(
    "text, low, high, unit, words",
    [
        ("between 10 and 20", 10, 20, "", "between 10 and 20"),
        ("10-20 HIMARS", 10, 20, "", "10-20"),
        ("10\u201320%", 10, 20, "%", "10\u201320%"),
        ("10 to 20 percent", 10, 20, "%", "10 to 20 percent"),
        ("$10-20 million", 10e6, 20e6, "USD", "$10-20 million"),
        ("between $1 billion and $2 billion", 1e9, 2e9, "USD", "between $1 billion and $2 billion"),
        ("thirty to forty thousand troops", 30_000, 40_000, "", "thirty to forty thousand"),
    ],
)
def test_ranges_are_one_interval(text: str, low: float, high: float, unit: str, words: str) -> None:
    assert parse_quantity(text) == q(low, high, low, unit, qualifier="between", text=words)


@pytest.mark.parametrize("text", ["rose from 10 to 20 percent", "a 50-50 split", "20-10"])
def test_a_change_or_a_pair_is_not_a_range(text: str) -> None:
    assert [found.qualifier for found, _, _ in find_quantities(text)] == ["", ""]


def test_format_interval_shows_a_range() -> None:
    assert format_quantity(parse_quantity("between 10 and 20")) == "between 10 and 20 [10, 20]"


DAY = date(2022, 9, 15).toordinal()


@pytest.mark.parametrize(
    "text, low, high, unit, words",
    [
        ("September 15, 2022", DAY, DAY, "date", "September 15, 2022"),
        ("Sept. 15th, 2022", DAY, DAY, "date", "Sept. 15th, 2022"),
        ("the 15th of September, 2022", DAY, DAY, "date", "15th of September, 2022"),
        ("15 September 2022", DAY, DAY, "date", "15 September 2022"),
        ("2022-09-15", DAY, DAY, "date", "2022-09-15"),
        ("9/15/2022", DAY, DAY, "date", "9/15/2022"),
        ("SEPTEMBER 15, 2022", DAY, DAY, "date", "SEPTEMBER 15, 2022"),
        ("September 2022", date(2022, 9, 1).toordinal(), date(2022, 9, 30).toordinal(), "date", "September 2022"),
        ("on 15 September", 915, 915, "month-day", "15 September"),
        ("Summit on September 15.", 915, 915, "month-day", "September 15"),
    ],
)
def test_dates_are_intervals_of_days(text: str, low: int, high: int, unit: str, words: str) -> None:
    assert parse_date(text) == Quantity(float(low), float(high), float(low), unit, text=words)


@pytest.mark.parametrize("text", ["February 30, 2022", "we may 5 times", "Section 15", "the 21st", "1961"])
def test_no_date(text: str) -> None:
    assert parse_date(text) is None


def test_a_day_before_a_month_is_not_a_count() -> None:
    assert find_quantities("on 15 September 2022, 36,000 rounds") == [
        (q(36_000, 36_000, 36_000, text="36,000"), 22, 28)]


def test_month_day_drops_the_year() -> None:
    assert month_day(parse_date("September 2022")) == Quantity(901, 930, 901, "month-day", text="September 2022")
    assert month_day(parse_date("on 15 September")) == parse_date("on 15 September")


def test_format_a_month_as_its_days() -> None:
    assert format_quantity(parse_date("September 2022")) == "September 2022 [2022-09-01, 2022-09-30]"
