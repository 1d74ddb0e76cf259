"""The number matcher on real White House text: amounts, counts and ordinals about a subject."""

from __future__ import annotations

from checker.match.number import match
from checker.models import Claim, Document, Kind, Passage, Verdict

# Excerpts of public-domain US government works, copied verbatim (hard wraps and no-break spaces kept).
# White House, "Memorandum on the Delegation of Authority Under Section 506(a)(1) of the Foreign
# Assistance Act of 1961", 2022-09-15 (presidential-actions/2022-09/2022-09-15-memorandum-...-14.md).
MEMO = (
    "By the authority vested in me as President by the Constitution and the\nlaws of the United States "
    "of America, including section\xa0621 of the\nForeign Assistance Act of 1961 (FAA), I\xa0hereby "
    "delegate to the Secretary\nof State the authority under section\xa0506(a)(1) of the FAA to direct "
    "the\ndrawdown of up to $600 million in defense articles and services of the\nDepartment of "
    "Defense, and military education and training, to provide\nassistance to Ukraine and to make the "
    "determinations required under such\nsection to direct such a drawdown."
)
# White House, press briefing by Karine Jean-Pierre and John Kirby, 2022-09-16
# (press-briefings/2022-09/2022-09-16-press-briefing-...-september-16-2022.md): three of its
# paragraphs, in their order, the ones between them left out. The first has another "21st" (a date).
WEDNESDAY = (
    "On the morning of Wednesday the 21st, the President will address the\nUnited Nations General "
    "Assembly.\xa0 And Wednesday afternoon, he will host\nthe Seventh Replenishment pledging session "
    "for the Global Fund to Fight\nAIDS, tuberculosis, and malaria."
)
UKRAINE = (
    "This week — I just want to hit Ukraine real quick — the world witnessed,\nagain, courageous, "
    "determined Ukrainian resistance against Russia’s\naggression.\xa0 Together with our allies and "
    "partners, the United States\nhas been delivering an unprecedented amount of weapons and equipment\n"
    "that Ukraine’s forces are using quite skillfully in the field."
)
PACKAGE = (
    "And you just saw, I think, yesterday, we — last night, we announced our\n21st package of security "
    "assistance using Presidential Drawdown\nAuthorities.\xa0 This is a $600 million package that "
    "includes ammunition\nfor those HIMARS systems that you’re all familiar with now — the High\n"
    "Mobility Artillery Rocket Systems; tens of thousands of artillery\nrounds; additional counter "
    "unmanned aerial systems and mine-clearing\nequipment; small arms; and ammunition.\xa0 There’s a "
    "lot more in the\npackage."
)
BRIEFING = f"{WEDNESDAY}\n\n{UKRAINE}\n\n{PACKAGE}"

MEMO_URL = "https://bidenwhitehouse.archives.gov/briefing-room/presidential-actions/2022/09/15/memo"
BRIEFING_URL = "https://bidenwhitehouse.archives.gov/briefing-room/press-briefings/2022/09/16/briefing"


def document(url: str, text: str) -> Document:
    return Document(url=url, text=text, passages=(Passage(text, 0, len(text), "para 1"),))


def claim(expected: str, subject: str, kind: Kind) -> Claim:
    return Claim(id="c1", claim=f"The claim says {expected}.", kind=kind, expected=expected, subject=subject)


def test_the_drawdown_amount_is_supported_by_the_memo_ceiling() -> None:
    finding = match(claim("$600 million", "Ukraine drawdown", Kind.AMOUNT), document(MEMO_URL, MEMO))
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.score == 0.9
    assert finding.reason == (
        "source says up to $600 million for Ukraine drawdown: a ceiling, the way drawdown authorities "
        "are stated, and the ceiling is the claim's $600 million")
    [evidence] = finding.evidence
    assert evidence.text == MEMO
    assert (evidence.start, evidence.end) == (0, len(MEMO))
    assert evidence.url == MEMO_URL
    assert evidence.locator == "para 1"
    assert evidence.note == "number found: up to $600 million [0, 600,000,000]"


def test_another_amount_is_contradicted_with_both_numbers_in_the_reason() -> None:
    finding = match(claim("$700 million", "Ukraine drawdown", Kind.AMOUNT), document(MEMO_URL, MEMO))
    assert finding.verdict is Verdict.CONTRADICTED
    assert finding.reason == (
        "source says up to $600 million for Ukraine drawdown where the claim says $700 million")
    assert finding.score == 0.8


def test_a_smaller_amount_under_the_ceiling_is_only_partially_supported() -> None:
    finding = match(claim("$500 million", "Ukraine drawdown", Kind.AMOUNT), document(MEMO_URL, MEMO))
    assert finding.verdict is Verdict.PARTIALLY_SUPPORTED
    assert finding.reason == (
        "source is vaguer: it says up to $600 million for Ukraine drawdown, [0, 600,000,000], "
        "which allows but does not pin down the claim's $500 million")


def test_the_ordinal_is_the_package_one_not_the_date() -> None:
    finding = match(claim("21st", "drawdown package", Kind.ORDINAL), document(BRIEFING_URL, BRIEFING))
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.score == 1.0
    assert finding.reason == "source says 21st drawdown package, as the claim says 21st"
    [evidence] = finding.evidence
    assert evidence.text == (
        "And you just saw, I think, yesterday, we — last night, we announced our\n21st package of security "
        "assistance using Presidential Drawdown\nAuthorities.")
    assert BRIEFING[evidence.start:evidence.end] == evidence.text
    assert evidence.note == "number found: 21st"


def test_the_ordinal_in_words_reads_the_same() -> None:
    finding = match(claim("twenty-first", "drawdown package", Kind.ORDINAL), document(BRIEFING_URL, BRIEFING))
    assert finding.verdict is Verdict.SUPPORTED


def test_another_ordinal_is_contradicted() -> None:
    finding = match(claim("22nd", "drawdown package", Kind.ORDINAL), document(BRIEFING_URL, BRIEFING))
    assert finding.verdict is Verdict.CONTRADICTED
    assert finding.reason == "source says 21st drawdown package where the claim says 22nd"
    assert "21st package" in finding.evidence[0].text


def test_a_count_for_a_caliber_the_source_never_names_is_not_found() -> None:
    finding = match(claim("36,000", "105mm rounds", Kind.COUNT), document(BRIEFING_URL, BRIEFING))
    assert finding.verdict is Verdict.NOT_FOUND
    assert finding.score == 0.0
    assert finding.reason == "no figure for 105mm rounds in this source"
    assert finding.evidence == ()


def test_tens_of_thousands_is_vaguer_than_a_count() -> None:
    finding = match(claim("36,000", "artillery rounds", Kind.COUNT), document(BRIEFING_URL, BRIEFING))
    assert finding.verdict is Verdict.PARTIALLY_SUPPORTED
    assert finding.score == 0.5
    assert finding.reason == (
        "source is vaguer: it says tens of thousands of artillery rounds, [10,000, 99,999], "
        "which allows but does not pin down the claim's 36,000")
    assert finding.evidence[0].text.startswith("This is a $600 million package")
    assert finding.evidence[0].text.endswith("small arms; and ammunition.")


def test_the_package_amount_is_found_across_the_full_stop() -> None:
    finding = match(claim("$600 million", "security assistance package", Kind.AMOUNT),
                    document(BRIEFING_URL, BRIEFING))
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.score == 1.0


def test_money_does_not_answer_a_count() -> None:
    finding = match(claim("600", "security assistance package", Kind.COUNT), document(BRIEFING_URL, BRIEFING))
    assert finding.verdict is Verdict.NOT_FOUND


def test_a_different_count_of_launchers_is_contradicted() -> None:
    text = "The package includes 16 HIMARS launchers."  # synthetic sentence
    finding = match(claim("15", "HIMARS launchers", Kind.COUNT), document("https://example.org/s", text))
    assert finding.verdict is Verdict.CONTRADICTED
    assert finding.reason == "source says 16 HIMARS launchers where the claim says 15"
    assert finding.evidence[0].text == text


def test_a_lower_bound_in_the_claim_is_met_by_an_exact_figure() -> None:
    text = "The package includes 16 HIMARS launchers."  # synthetic sentence
    finding = match(claim("more than 15", "HIMARS launchers", Kind.COUNT),
                    document("https://example.org/s", text))
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.score == 0.9


def test_the_acronym_must_be_present() -> None:
    text = "The package includes 16 rocket launchers."  # synthetic sentence
    finding = match(claim("16", "HIMARS launchers", Kind.COUNT), document("https://example.org/s", text))
    assert finding.verdict is Verdict.NOT_FOUND


def test_a_bound_conflicting_figure_is_named_and_lowers_the_score() -> None:
    # synthetic: two figures bound to the same subject
    text = "We have sent 16 HIMARS launchers so far; 18 HIMARS launchers are committed."
    finding = match(claim("16", "HIMARS launchers", Kind.COUNT), document("https://example.org/s", text))
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.score == 0.8
    assert finding.reason == (
        "source says 16 HIMARS launchers, as the claim says 16; but the source also gives 18 HIMARS launchers")


def test_same_figure_with_an_excluding_qualifier_is_partial() -> None:
    # The same briefing: "The reports that we’re seeing just in general are more than 440 graves, ..."
    text = ("The reports that we’re seeing just in general are more than 440 graves,\n"
            "which — it reportedly includes civilians.")
    finding = match(claim("440", "graves", Kind.COUNT), document(BRIEFING_URL, text))
    assert finding.verdict is Verdict.PARTIALLY_SUPPORTED
    assert finding.reason == (
        "source says more than 440 graves: the claim's figure 440, with a different qualifier")


def test_no_number_in_expected_needs_review() -> None:
    finding = match(claim("several", "HIMARS launchers", Kind.COUNT), document(BRIEFING_URL, BRIEFING))
    assert finding.verdict is Verdict.NEEDS_REVIEW
    assert finding.reason == "no number in expected 'several'"


def test_without_a_subject_the_claim_words_locate_the_number() -> None:
    row = Claim(id="c2", claim="The $600M package includes HIMARS ammunition.", kind=Kind.AMOUNT)
    finding = match(row, document(BRIEFING_URL, BRIEFING))
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.reason == (
        "source says $600 million for package includes HIMARS ammunition, as the claim says $600M")


def test_without_a_subject_most_claim_words_must_stand_near_the_number() -> None:
    row = Claim(id="c3", claim="The United States announced a $600 million package.", kind=Kind.AMOUNT)
    finding = match(row, document(BRIEFING_URL, BRIEFING))
    assert finding.verdict is Verdict.NOT_FOUND


def test_about_the_ceiling_restates_it_and_is_supported() -> None:
    finding = match(claim("about $600 million", "Ukraine drawdown", Kind.AMOUNT), document(MEMO_URL, MEMO))
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.reason == (
        "source says up to $600 million for Ukraine drawdown: a ceiling, the way drawdown authorities "
        "are stated, and the ceiling is the claim's about $600 million")


def test_more_than_a_smaller_figure_is_not_established_by_a_ceiling() -> None:
    finding = match(claim("more than $500 million", "drawdown", Kind.AMOUNT), document(MEMO_URL, MEMO))
    assert finding.verdict is Verdict.PARTIALLY_SUPPORTED
    assert finding.reason == (
        "source is vaguer: it says up to $600 million for drawdown, [0, 600,000,000], "
        "which allows but does not pin down the claim's more than $500 million")


def test_less_than_a_larger_figure_follows_from_the_ceiling() -> None:
    finding = match(claim("less than $1 billion", "drawdown", Kind.AMOUNT), document(MEMO_URL, MEMO))
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.reason == "source says up to $600 million for drawdown, as the claim says less than $1 billion"


def test_more_than_the_ceiling_is_contradicted() -> None:
    finding = match(claim("more than $600 million", "drawdown", Kind.AMOUNT), document(MEMO_URL, MEMO))
    assert finding.verdict is Verdict.CONTRADICTED
    assert finding.reason == "source says up to $600 million for drawdown where the claim says more than $600 million"


# White House, section 506(a)(1) memorandum of 2022-02-25, item (2), verbatim (Markdown escapes kept).
AGGREGATE = (
    "\\(2\\) \xa0the authority under section 506(a)(1) of the FAA to direct the\ndrawdown of up to an aggregate "
    "value of $350 million in defense articles\nand services of the Department of Defense, and military "
    "education and\ntraining, and to make the determinations required under such section to\ndirect such a "
    "drawdown."
)
# White House, section 506(a)(1) memorandum of 2023-09-21, item (2), verbatim.
APPROXIMATELY = (
    "(2) \xa0the authority under section 506(a)(1) of the FAA to direct the\ndrawdown of approximately $128 "
    "million in defense articles and services\nof the Department of Defense, and military education and "
    "training, to\nprovide assistance to Ukraine and to make the determinations required\nunder such section "
    "to direct such a drawdown."
)


def test_an_aggregate_value_is_still_a_ceiling() -> None:
    finding = match(claim("at least $350 million", "drawdown", Kind.AMOUNT), document(MEMO_URL, AGGREGATE))
    assert finding.verdict is Verdict.PARTIALLY_SUPPORTED
    assert finding.reason == (
        "source is vaguer: it says up to an aggregate value of $350 million for drawdown, [0, 350,000,000], "
        "which allows but does not pin down the claim's at least $350 million")


def test_the_figure_of_an_approximate_source_is_supported_and_the_hedge_named() -> None:
    finding = match(claim("$128 million", "drawdown", Kind.AMOUNT), document(MEMO_URL, APPROXIMATELY))
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.score == 0.9
    assert finding.reason == (
        "source says approximately $128 million for drawdown: the claim's $128 million, "
        "which the source gives as approximate")


def test_a_range_claim_holding_the_source_figure_is_supported() -> None:
    finding = match(claim("between $100 million and $150 million", "drawdown", Kind.AMOUNT),
                    document(MEMO_URL, APPROXIMATELY))
    assert finding.verdict is Verdict.SUPPORTED


# White House, "What They Are Saying: Bipartisan Praise of the United We Stand Summit", 2022-09-14:
# two of its paragraphs, verbatim (the first one's heading left out).
SUMMIT = (
    "“No matter our politics, it is time for faith & community leaders to\nunite together against the "
    "escalation of fear + hate that is causing a\nrise in political violence. So I am grateful for the White "
    "House United\nWe Stand Summit on September 15. I’ll be there with hopes & prayers.”\n\n"
    "“The Shoulder to Shoulder Campaign welcomes the “United We Stand:\nCountering Hate-Fueled Violence "
    "Together” Summit at The White House on\nSeptember 15, 2022, and looks forward to participating in this "
    "important\nconvening."
)
SUMMIT_URL = "https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/2022/09/14/what-they-are-saying"


def test_a_date_in_expected_is_matched_to_the_subjects_date() -> None:
    finding = match(claim("September 15, 2022", "United We Stand Summit", Kind.COUNT), document(SUMMIT_URL, SUMMIT))
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.score == 1.0
    assert finding.reason == (
        "source says September 15, 2022 for United We Stand Summit, as the claim says September 15, 2022")
    [evidence] = finding.evidence
    assert evidence.note == "date found: September 15, 2022"
    assert evidence.text.endswith("Summit at The White House on\nSeptember 15, 2022, and looks forward to "
                                  "participating in this important\nconvening.")


def test_another_date_is_contradicted_with_both_dates() -> None:
    finding = match(claim("September 16, 2022", "United We Stand Summit", Kind.COUNT), document(SUMMIT_URL, SUMMIT))
    assert finding.verdict is Verdict.CONTRADICTED
    assert finding.reason == (
        "source says September 15, 2022 for United We Stand Summit where the claim says September 16, 2022")


def test_a_date_without_a_year_is_compared_by_month_and_day() -> None:
    finding = match(claim("on 15 September", "United We Stand Summit", Kind.COUNT),
                    document(SUMMIT_URL, SUMMIT.split("\n\n")[0]))
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.reason == "source says September 15 for United We Stand Summit, as the claim says 15 September"


def test_a_source_date_without_a_year_is_named_as_such() -> None:
    finding = match(claim("September 16, 2022", "United We Stand Summit", Kind.COUNT),
                    document(SUMMIT_URL, SUMMIT.split("\n\n")[0]))
    assert finding.verdict is Verdict.CONTRADICTED
    assert finding.reason == (
        "source says September 15 for United We Stand Summit where the claim says September 16, 2022 "
        "(the source gives no year: compared by month and day)")


def test_the_date_in_the_claim_text_is_checked_beside_the_number() -> None:
    row = Claim(id="c4", claim="On September 8, 2022, the President delegated a drawdown of $600 million.",
                kind=Kind.AMOUNT, expected="$600 million", subject="drawdown")
    # synthetic: the memo's figure with a dated sentence added after it
    text = MEMO + "\n\nThe President signed the drawdown on September 15, 2022."
    finding = match(row, document(MEMO_URL, text))
    assert finding.verdict is Verdict.CONTRADICTED
    assert finding.reason == (
        "source says September 15, 2022 for drawdown where the claim says September 8, 2022; the figure: "
        "source says up to $600 million for drawdown: a ceiling, the way drawdown authorities are stated, "
        "and the ceiling is the claim's $600 million")
    assert [e.note for e in finding.evidence] == [
        "number found: up to $600 million [0, 600,000,000]", "date found: September 15, 2022"]


def test_a_claim_text_date_the_source_does_not_give_is_named_and_changes_nothing() -> None:
    row = Claim(id="c5", claim="On September 15, 2022, the President delegated a drawdown of $600 million.",
                kind=Kind.AMOUNT, expected="$600 million", subject="drawdown")
    finding = match(row, document(MEMO_URL, MEMO))
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.reason.endswith("; the claim's date September 15, 2022 is not given for drawdown in this source")


def test_an_expected_date_the_source_does_not_give_leaves_the_number_partial() -> None:
    row = claim("$600 million on September 15, 2022", "drawdown", Kind.AMOUNT)
    finding = match(row, document(MEMO_URL, MEMO))
    assert finding.verdict is Verdict.PARTIALLY_SUPPORTED
    assert finding.score == 0.5


# The same memorandum of 2022-02-25: the lead-in of its list of items, verbatim; item (2) is AGGREGATE.
LEAD_IN = (
    "By the authority vested in me as President by the Constitution and the\nlaws of the United States of "
    "America, including section\xa0301 of title 3,\nUnited States Code, I hereby delegate to the Secretary of "
    "State the\nfollowing authorities, subject to fulfilling the requirements of section\n614(a)(3) and section "
    "652 of the Foreign Assistance Act of 1961 (FAA),\nin order to provide immediate military assistance to "
    "Ukraine:"
)


def test_a_list_item_is_about_the_words_of_its_lead_in() -> None:
    finding = match(claim("$350 million", "Ukraine drawdown", Kind.AMOUNT),
                    document(MEMO_URL, f"{LEAD_IN}\n\n{AGGREGATE}"))
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.evidence[0].text == AGGREGATE


def test_a_paragraph_that_is_no_list_item_has_no_lead_in() -> None:
    # synthetic: the item's "(2)" label removed
    item = AGGREGATE.replace("\\(2\\) \xa0t", "T")
    finding = match(claim("$350 million", "Ukraine drawdown", Kind.AMOUNT), document(MEMO_URL, f"{LEAD_IN}\n\n{item}"))
    assert finding.verdict is Verdict.NOT_FOUND


# --- indexing: the document's words and figures are read once -------------------------------------


def test_the_words_and_figures_of_a_document_are_read_once_for_every_claim() -> None:
    from checker.index import builds

    # BRIEFING said twice: a text no other test indexes.
    read = document(BRIEFING_URL, f"{BRIEFING}\n\n{BRIEFING}")
    before = {name: builds[name] for name in ("number.layout", "number.quantities")}
    findings = [match(claim(expected, "drawdown package", kind), read)
                for expected, kind in (("$600 million", Kind.AMOUNT), ("$700 million", Kind.AMOUNT),
                                       ("21st", Kind.ORDINAL), ("$600 million", Kind.AMOUNT))]
    assert [finding.verdict for finding in findings] == [
        Verdict.SUPPORTED, Verdict.CONTRADICTED, Verdict.SUPPORTED, Verdict.SUPPORTED]
    assert {name: builds[name] - count for name, count in before.items()} == {
        "number.layout": 1, "number.quantities": 1}


# Synthetic: one sentence, its subject word `filler` words before the figure.
def spaced(filler: int) -> Document:
    text = f"The drawdown {'and ' * filler}is $5 million."
    return document(MEMO_URL, text)


def test_a_subject_word_up_to_forty_words_before_the_figure_in_its_sentence_is_near() -> None:
    # "drawdown" is the 2nd word, the figure's "5" the (filler + 4)th: filler + 2 words apart.
    assert match(claim("$5 million", "drawdown", Kind.AMOUNT), spaced(38)).verdict is Verdict.SUPPORTED
    far = match(claim("$5 million", "drawdown", Kind.AMOUNT), spaced(39))
    assert (far.verdict, far.reason) == (Verdict.NOT_FOUND, "no figure for drawdown in this source")
