"""Attribution matching: the title a source gives a person, on real briefing text.

MODI is public domain US government text: the White House press briefing of
2022-09-20 by Karine Jean-Pierre and Jake Sullivan, lines 427-437, trailing
spaces trimmed.
https://bidenwhitehouse.archives.gov/briefing-room/press-briefings/2022/09/20/press-briefing-by-press-secretary-karine-jean-pierre-and-national-security-advisor-jake-sullivan-2/
"""

from __future__ import annotations

import pytest

from checker.match import attribution
from checker.models import Claim, Document, Kind, Verdict

MODI = """Q In Samarkand, on the sidelines of SCO Summit, India’s Prime Minister,
Narendra Modi, bluntly told the Russian President Putin that this is not
the time for war in Ukraine. In that context, what role do you see for
India in bringing peace in the region and in the war in Ukraine?

MR. SULLIVAN: I think what Prime Minister Modi said — a statement of
principle on behalf of what he believes is right and just — was very
much welcomed by the United States and for the Indian leadership, which
has longstanding relationships in Moscow, from the very top all the way
through the Russian government, to continue to reinforce that message
that now is the time for war to end."""

# Synthetic: sentences written for these tests, in the style of news copy.
SYNTHETIC = (
    "Alexander Gabuev, senior fellow at the Carnegie Endowment, said so. "
    "Sen. Marco Rubio and Senate Minority Leader Mitch McConnell met Vice President Kamala Harris. "
    "Putin, President Biden said, is wrong. "
    "Lavrov, the Russian foreign minister, spoke. "
    "Secretary Blinken went to Kyiv under President Biden."
)

URL = "https://bidenwhitehouse.archives.gov/briefing-room/press-briefings/2022/09/20/"


def check(subject: str, expected: str, text: str = MODI):
    claim = Claim(id="a", claim=f"{expected} {subject}", kind=Kind.ATTRIBUTION, subject=subject, expected=expected)
    return attribution.match(claim, Document(url=URL, text=text))


def test_modi_called_president_is_contradicted_by_prime_minister():
    finding = check("Narendra Modi", "President")
    assert finding.verdict is Verdict.CONTRADICTED
    assert finding.score == 0.0
    assert finding.reason == "the source calls Narendra Modi 'Prime Minister', not 'President'"
    first, second = finding.evidence
    assert first.text == (
        "Q In Samarkand, on the sidelines of SCO Summit, India’s Prime Minister,\n"
        "Narendra Modi, bluntly told the Russian President Putin that this is not\n"
        "the time for war in Ukraine."
    )
    assert first.note == "title: 'Prime Minister'; qualifier: India’s"
    assert MODI[second.start : second.end] == second.text
    assert "Prime Minister Modi said" in second.text
    assert second.note == "title: 'Prime Minister'"


def test_modi_called_prime_minister_is_supported():
    finding = check("Narendra Modi", "Prime Minister")
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.score == 1.0
    assert finding.reason == "the source calls Narendra Modi 'Prime Minister'"
    assert len(finding.evidence) == 2


def test_a_nationality_in_the_claimed_title_is_not_part_of_it():
    assert check("Narendra Modi", "Indian Prime Minister").verdict is Verdict.SUPPORTED


def test_putin_is_supported_as_president_from_the_title_before_his_surname():
    finding = check("Vladimir Putin", "President")
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.reason == "the source calls Vladimir Putin 'President'"
    assert finding.evidence[0].note == "title: 'President'; qualifier: Russian"


def test_a_person_the_source_does_not_mention_is_not_found():
    finding = check("Xi Jinping", "President")
    assert finding.verdict is Verdict.NOT_FOUND
    assert finding.reason == "Xi Jinping is not mentioned in the source"
    assert finding.evidence == ()


def test_a_person_mentioned_without_a_title_is_not_found():
    # "MR. SULLIVAN:" names the speaker, with no title next to the name.
    finding = check("Jake Sullivan", "National Security Advisor")
    assert finding.verdict is Verdict.NOT_FOUND
    assert finding.reason == "Jake Sullivan is mentioned once, never with a title next to the name"
    assert finding.evidence[0].note == "no title next to the name"


def test_an_appositive_after_the_name_gives_the_title():
    finding = check("Alexander Gabuev", "senior fellow", SYNTHETIC)
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.evidence[0].note == "title: 'senior fellow'"


@pytest.mark.parametrize(
    ("subject", "expected", "verdict", "reason"),
    [
        ("Marco Rubio", "Senator", Verdict.SUPPORTED, "the source calls Marco Rubio 'Sen.'"),
        ("Mitch McConnell", "Minority Leader", Verdict.SUPPORTED, "the source calls Mitch McConnell 'Senate Minority Leader'"),
        (
            "Mitch McConnell",
            "Majority Leader",
            Verdict.CONTRADICTED,
            "the source calls Mitch McConnell 'Senate Minority Leader', not 'Majority Leader'",
        ),
        (
            "Mitch McConnell",
            "Leader",
            Verdict.PARTIALLY_SUPPORTED,
            "the source calls Mitch McConnell 'Senate Minority Leader', a fuller title than 'Leader'",
        ),
        ("Kamala Harris", "President", Verdict.CONTRADICTED, "the source calls Kamala Harris 'Vice President', not 'President'"),
        ("Sergey Lavrov", "Foreign Minister", Verdict.SUPPORTED, "the source calls Sergey Lavrov 'foreign minister'"),
        (
            "Antony Blinken",
            "Secretary of State",
            Verdict.PARTIALLY_SUPPORTED,
            "the source calls Antony Blinken only 'Secretary'; the claim's 'Secretary of State' says more",
        ),
        ("Joe Biden", "President", Verdict.SUPPORTED, "the source calls Joe Biden 'President'"),
    ],
)
def test_titles_compared(subject, expected, verdict, reason):
    finding = check(subject, expected, SYNTHETIC)
    assert (finding.verdict, finding.reason) == (verdict, reason)


def test_a_title_before_another_name_is_not_read_as_an_apposition():
    # "Putin, President Biden said": "President" belongs to Biden.
    finding = check("Vladimir Putin", "President", SYNTHETIC)
    assert finding.verdict is Verdict.NOT_FOUND
    assert finding.reason == "Vladimir Putin is mentioned once, never with a title next to the name"


def test_under_before_a_title_is_not_part_of_it():
    mentions = attribution.find_mentions("Joe Biden", SYNTHETIC)
    assert [mention.title.surface for mention in mentions] == ["President", "President"]


def test_a_lower_case_surname_is_no_mention():
    assert attribution.find_mentions("Samantha Power", "the power of the office") == []


def test_without_a_person_or_a_title_the_claim_needs_review():
    assert check("", "President").verdict is Verdict.NEEDS_REVIEW
    assert check("Narendra Modi", "").verdict is Verdict.NEEDS_REVIEW


@pytest.mark.parametrize(
    ("claimed", "found", "relation"),
    [
        ("president", "president", "same"),
        ("minority leader", "senate minority leader", "same"),
        ("president", "vice president", "different"),
        ("vice president", "president", "different"),
        ("secretary", "press secretary", "fuller"),
        ("secretary of state", "secretary", "narrower"),
        ("president", "prime minister", "different"),
        ("spokesperson", "spokesman", "same"),
    ],
)
def test_compare(claimed, found, relation):
    assert attribution.compare(attribution.canonical_title(claimed), attribution.canonical_title(found)) == relation


# 2022-09-20 White House press briefing (bidenwhitehouse.archives.gov, public domain), lines 77-79.
XI_AND_PUTIN = """Meanwhile, our competitors are facing increasingly strong headwinds, and
neither President Xi nor President Putin are even showing up for this
global gathering."""


def test_a_family_name_written_first_is_found_after_a_title():
    finding = check("Xi Jinping", "President", text=XI_AND_PUTIN)

    assert finding.verdict is Verdict.SUPPORTED
    assert finding.evidence[0].text.startswith("Meanwhile, our competitors")


def test_a_bare_family_name_without_a_title_is_not_a_mention():
    assert check("Xi Jinping", "President", text="Xi said nothing.").verdict is Verdict.NOT_FOUND


# Real titles in the White House texts of September 2022 (bidenwhitehouse.archives.gov, public domain).

# 2022-09-27 readout of National Security Advisor Jake Sullivan's meeting with Indian External
# Affairs Minister Jaishankar, lines 10-12.
SULLIVAN_READOUT = """National Security Advisor Jake Sullivan met today at the White House
with Indian External Affairs Minister Dr. S. Jaishankar to review
progress in the U.S.-India strategic partnership"""

# 2022-09-12 joint statement following the 2022 U.S.-Mexico High-Level Economic Dialogue, lines 11-14.
ECONOMIC_DIALOGUE = """(HLED). Secretary of State Antony J. Blinken, Secretary of Commerce Gina
Raimondo, Deputy U.S. Trade Representative Jayme White, and Ambassador
Ken Salazar chaired the meeting for the United States."""

# 2022-09-29 remarks by President Biden at the U.S.-Pacific Island Country Summit, line 126.
PACIFIC_SUMMIT = "I’m going to turn it over to Secretary Blinken."

# 2022-09-26 statement by White House Press Secretary Karine Jean-Pierre, its title.
STATE_VISIT = "Statement by White House Press Secretary Karine Jean-Pierre on the State Visit of President Macron"

# 2022-09-16 press briefing by Karine Jean-Pierre and John Kirby, lines 103-104.
KIRBY_INTRODUCED = "With that, we’ll start — get started with our NSC friend, John Kirby.\nAdmiral John Kirby is here today."


@pytest.mark.parametrize(
    ("subject", "expected", "text", "verdict", "reason"),
    [
        (
            "Jake Sullivan", "National Security Advisor", SULLIVAN_READOUT, Verdict.SUPPORTED,
            "the source calls Jake Sullivan 'National Security Advisor'",
        ),
        (
            "Jake Sullivan", "Deputy National Security Advisor", SULLIVAN_READOUT, Verdict.CONTRADICTED,
            "the source calls Jake Sullivan 'National Security Advisor', not 'Deputy National Security Advisor'",
        ),
        (
            "Jake Sullivan", "Secretary of State", SULLIVAN_READOUT, Verdict.CONTRADICTED,
            "the source calls Jake Sullivan 'National Security Advisor', not 'Secretary of State'",
        ),
        (
            "S. Jaishankar", "External Affairs Minister", SULLIVAN_READOUT, Verdict.SUPPORTED,
            "the source calls S. Jaishankar 'External Affairs Minister'",
        ),
        (
            "S. Jaishankar", "Foreign Minister", SULLIVAN_READOUT, Verdict.CONTRADICTED,
            "the source calls S. Jaishankar 'External Affairs Minister', not 'Foreign Minister'",
        ),
        (
            "Antony Blinken", "Secretary of State", ECONOMIC_DIALOGUE, Verdict.SUPPORTED,
            "the source calls Antony Blinken 'Secretary of State'",
        ),
        (
            "Antony Blinken", "Secretary of Commerce", ECONOMIC_DIALOGUE, Verdict.CONTRADICTED,
            "the source calls Antony Blinken 'Secretary of State', not 'Secretary of Commerce'",
        ),
        (
            "Jayme White", "U.S. Trade Representative", ECONOMIC_DIALOGUE, Verdict.CONTRADICTED,
            "the source calls Jayme White 'Deputy U.S. Trade Representative', not 'U.S. Trade Representative'",
        ),
        (
            "Antony Blinken", "Secretary of State", PACIFIC_SUMMIT, Verdict.PARTIALLY_SUPPORTED,
            "the source calls Antony Blinken only 'Secretary'; the claim's 'Secretary of State' says more",
        ),
        (
            "Karine Jean-Pierre", "Press Secretary", STATE_VISIT, Verdict.SUPPORTED,
            "the source calls Karine Jean-Pierre 'White House Press Secretary'",
        ),
        (
            "Karine Jean-Pierre", "Deputy Press Secretary", STATE_VISIT, Verdict.CONTRADICTED,
            "the source calls Karine Jean-Pierre 'White House Press Secretary', not 'Deputy Press Secretary'",
        ),
        (
            "Karine Jean-Pierre", "Secretary", STATE_VISIT, Verdict.PARTIALLY_SUPPORTED,
            "the source calls Karine Jean-Pierre 'White House Press Secretary', a fuller title than 'Secretary'",
        ),
        ("John Kirby", "Admiral", KIRBY_INTRODUCED, Verdict.SUPPORTED, "the source calls John Kirby 'Admiral'"),
        (
            "John Kirby", "Press Secretary", KIRBY_INTRODUCED, Verdict.CONTRADICTED,
            "the source calls John Kirby 'Admiral', not 'Press Secretary'",
        ),
    ],
)
def test_real_white_house_titles(subject, expected, text, verdict, reason):
    finding = check(subject, expected, text)
    assert (finding.verdict, finding.reason) == (verdict, reason)


def test_a_middle_initial_inside_the_name_is_still_a_mention():
    (mention,) = attribution.find_mentions("Antony Blinken", ECONOMIC_DIALOGUE)
    assert ECONOMIC_DIALOGUE[mention.start : mention.end] == "Antony J. Blinken"
    assert mention.title.surface == "Secretary of State"


def test_a_courtesy_title_and_initial_between_title_and_name_are_skipped():
    (mention,) = attribution.find_mentions("Jaishankar", SULLIVAN_READOUT)
    assert mention.title.surface == "External Affairs Minister"
    assert mention.title.qualifiers == ("Indian",)


def test_a_title_word_before_a_nationality_belongs_to_the_title():
    # "Deputy U.S. Trade Representative": read without "Deputy", the claim
    # "Trade Representative" would wrongly be supported.
    finding = check("Jayme White", "Trade Representative", ECONOMIC_DIALOGUE)
    assert finding.verdict is Verdict.CONTRADICTED
    assert finding.evidence[0].note == "title: 'Deputy U.S. Trade Representative'; qualifier: U.S."


def test_a_dotted_nationality_in_the_claimed_title_is_not_part_of_it():
    assert attribution.canonical_title("U.S. Trade Representative") == ("trade", "representative")


def test_the_words_of_a_source_are_read_once_for_every_claim():
    from checker.index import builds

    text = f"{MODI}\n\n{SYNTHETIC}"  # a text no other test indexes
    before = builds["attribution.tokens"]
    verdicts = [
        check(subject, title, text).verdict
        for subject, title in (("Narendra Modi", "Prime Minister"), ("Narendra Modi", "President"),
                               ("Kamala Harris", "Vice President"), ("Mitch McConnell", "Senate Minority Leader"))
    ]
    assert verdicts == [Verdict.SUPPORTED, Verdict.CONTRADICTED, Verdict.SUPPORTED, Verdict.SUPPORTED]
    assert builds["attribution.tokens"] == before + 1
