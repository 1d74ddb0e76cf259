"""Bill wording located by section."""

from __future__ import annotations

from checker.match import wording
from checker.models import Claim, Document, Kind, Passage, Verdict

# SYNTHETIC bill-like text written for these tests (modelled on the shape of a bill's sections,
# not copied from any bill). Each section is one passage with a locator, as the bill extractor gives.
SECTIONS = (
    ("Sec. 1", "SECTION 1. SHORT TITLE.\nThis Act may be cited as the ``Example Partnership Act of 2022''."),
    ("Sec. 2(a)", "(a) In General.--For purposes of the transfer or possible transfer of defense articles "
                  "or defense services, Taiwan shall be treated as though it were designated a major "
                  "non-NATO ally (as defined in section 644(q) of the Foreign Assistance Act of 1961)."),
    ("Sec. 2(b)", "(b) Report.--Not later than 90 days after the date of the enactment of this Act, the "
                  "Secretary of State shall submit to the appropriate congressional committees a report "
                  "on the implementation of subsection (a)."),
    ("Sec. 3", "SEC. 3. SENSE OF CONGRESS.\nIt is the sense of Congress that the United States should "
               "continue to act in favor of the peaceful resolution of cross-Strait differences."),
)


def bill() -> Document:
    passages = []
    text = ""
    for locator, body in SECTIONS:
        if text:
            text += "\n\n"
        passages.append(Passage(body, len(text), len(text) + len(body), locator))
        text += body
    return Document(url="https://example.test/bill.xml", text=text, passages=tuple(passages))


BILL = bill()


def check(expected: str):
    return wording.match(Claim(id="w", claim="the bill says so", kind=Kind.WORDING, expected=expected), BILL)


def test_exact_wording_is_supported_with_its_section():
    finding = check("Taiwan shall be treated as though it were designated a major non-NATO ally")
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.score == 1.0
    assert finding.reason == "exact wording found in Sec. 2(a)"
    [evidence] = finding.evidence
    assert evidence.locator == "Sec. 2(a)"
    assert evidence.start == BILL.text.index("Taiwan")
    assert evidence.text == BILL.text[evidence.start:evidence.end] == (
        "Taiwan shall be treated as though it were designated a major non-NATO ally")


def test_inserted_not_is_contradicted():
    finding = check("Taiwan shall not be treated as though it were designated a major non-NATO ally")
    assert finding.verdict is Verdict.CONTRADICTED
    assert finding.reason == ("wording differs in meaning in Sec. 2(a): negation changed: "
                              "the claim adds 'not', not in the source")
    assert finding.evidence[0].locator == "Sec. 2(a)"


def test_changed_deadline_is_contradicted():
    finding = check("Not later than 60 days after the date of the enactment of this Act")
    assert finding.verdict is Verdict.CONTRADICTED
    assert "number changed: '60' in the claim, '90' in the source" in finding.reason
    assert "Sec. 2(b)" in finding.reason


def test_british_spelling_is_near_wording_naming_the_difference():
    finding = check("the United States should continue to act in favour of the peaceful resolution")
    assert finding.verdict is Verdict.PARTIALLY_SUPPORTED
    assert finding.reason == ("wording found with changes in Sec. 3; "
                              "words differ: substituted 'favour' for 'favor' (spelling)")
    assert finding.evidence[0].note == "altered words: 'favour' -> 'favor'"


def test_hyphen_left_out_is_same_words():
    finding = check("designated a major non NATO ally")
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.score == 0.95
    assert finding.reason == "wording found in Sec. 2(a), same words, punctuation differs"


def test_absent_wording_is_not_found():
    finding = check("the President shall impose sanctions on any person who supplies arms")
    assert finding.verdict is Verdict.NOT_FOUND
    assert finding.evidence == ()
