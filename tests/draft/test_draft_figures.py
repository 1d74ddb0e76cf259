"""Figures drafted from real text: the seed article's sentences and a White House drawdown memorandum's
opening (../shared/data/wh-briefings, a public-domain US government work)."""

from checker.draft import draft_claims
from checker.models import Kind


def figures(text: str) -> list[tuple[str, str, str, str]]:
    return [(row.id, row.kind.value, row.expected, row.subject) for row in draft_claims(text)
            if row.kind in (Kind.AMOUNT, Kind.COUNT, Kind.ORDINAL)]


def test_money_with_its_qualifier_and_what_it_is_for():
    text = ("On Thursday, the Biden administration announced an additional $600 million in weapons to Ukraine, "
            "adding to the more than $50 billion in armaments and other assistance that has been allocated to date.")

    assert figures(text) == [
        ("amount-600-million", "amount", "$600 million", "weapons to Ukraine"),
        ("amount-50-billion", "amount", "more than $50 billion", "armaments and other assistance"),
    ]


def test_counts_with_their_noun_an_ordinal_and_a_scare_quote_skipped():
    text = ("The new arms shipment, the 21st such “drawdown” since the start of the war, includes ammunition for the "
            "HIMARS missile system, 36,000 rounds of 105mm artillery, counter-battery radar and a thousand "
            "precision-guided 155mm artillery rounds.")

    assert figures(text) == [
        ("ordinal-21st-drawdown", "ordinal", "21st", "drawdown"),
        ("count-36000-rounds", "count", "36,000", "rounds of 105mm artillery"),
        ("count-thousand-precision-guided", "count", "a thousand", "precision-guided 155mm artillery rounds"),
    ]


def test_vague_quantities_are_one_row_each_and_say_how_they_are_read():
    text = ("This adds to the tens of thousands of antitank missiles, hundreds of drones, 15 HIMARS missile "
            "launchers, and hundreds of vehicles, as well as the US’s most advanced anti-ship and anti-aircraft "
            "missiles, that have been delivered to date.")

    rows = draft_claims(text)

    assert [(row.id, row.expected, row.subject) for row in rows] == [
        ("count-tens-of-thousands-antitank", "tens of thousands", "antitank missiles"),
        ("count-hundreds-drones", "hundreds", "drones"),
        ("count-15-himars", "15", "HIMARS missile launchers"),
        ("count-hundreds-vehicles", "hundreds", "vehicles"),
    ]
    assert rows[0].notes == "a vague quantity, read as [10,000, 99,999] of 'antitank missiles'"
    assert rows[0].claim == text


def test_a_number_hyphenated_into_a_compound_keeps_it():
    text = ("Following the collapse of Moscow’s northern front of Russia’s six-month-old invasion of Ukraine, the "
            "United States has responded by further intensifying its involvement.")

    assert figures(text) == [("count-six-month-old-invasion", "count", "six-month-old", "invasion of Ukraine")]


def test_section_numbers_code_titles_and_years_are_no_figures():
    text = ("By the authority vested in me as President by the Constitution and the laws of the United States of "
            "America, including section 506(a)(1) of the Foreign Assistance Act of 1961, 22 U.S.C. 2318(a)(1), I "
            "hereby delegate to the Secretary of State the authority to direct the drawdown of up to $600 million "
            "in defense articles and services of the Department of Defense.")

    assert figures(text) == [("amount-600-million", "amount", "up to $600 million", "defense articles and services")]


def test_a_count_with_no_noun_and_first_as_a_list_word_are_left_out():
    # Synthetic text, written for this test.
    text = "In 2022, the President signed 12. First, we will act. It is the first time since 1990 that 2,000 troops were sent."

    assert figures(text) == [("ordinal-first-time", "ordinal", "first", "time"),
                             ("count-2000-troops", "count", "2,000", "troops")]
