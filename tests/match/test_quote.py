"""Quotes checked against a real White House transcript excerpt."""

from __future__ import annotations

from checker.match import quote
from checker.match.align import locate, locate_fragments, split_elisions
from checker.models import Claim, Document, Kind, Verdict

# From the press briefing by Karine Jean-Pierre and John Kirby, 16 September 2022
# (/work/shared/data/wh-briefings/press-briefings/2022-09/2022-09-16-press-briefing-by-press-secretary-
# karine-jean-pierre-and-national-security-council-coordinator-for-strategic-communications-john-kirby-
# september-16-2022.md; source https://bidenwhitehouse.archives.gov/briefing-room/press-briefings/2022/09/16/),
# a public-domain US government work. Three verbatim passages, curly quotes, em dashes, line breaks and
# non-breaking spaces kept; "[...]" marks where passages of the transcript were left out.
EXCERPT = (
    "MR. KIRBY:\u00a0 Good afternoon, everybody.\u00a0 I think as you all know,\n"
    "high-level week of the 77th session of the United Nations General\n"
    "Assembly takes place next week.\u00a0 This year’s high-level week is on track\n"
    "to potentially set a new record for leader-level attendance."
    "\n\n[...]\n\n"
    "And you just saw, I think, yesterday, we — last night, we announced our\n"
    "21st package of security assistance using Presidential Drawdown\n"
    "Authorities.\u00a0 This is a $600 million package that includes ammunition\n"
    "for those HIMARS systems that you’re all familiar with now — the High\n"
    "Mobility Artillery Rocket Systems; tens of thousands of artillery\n"
    "rounds; additional counter unmanned aerial systems and mine-clearing\n"
    "equipment; small arms; and ammunition.\u00a0 There’s a lot more in the\n"
    "package.\n"
    "\n"
    "We’re going to continue to provide Ukraine with key capabilities to meet\n"
    "their evolving battlefield requirements, and they are evolving\n"
    "battlefield requirements.\u00a0 I also want to just take a moment to address\n"
    "the reports that we’ve been seeing today out of Izyum and the potential\n"
    "there for mass graves, which, in Izyum, as you know, Ukraine just\n"
    "recently liberated from Russia — from Russian control.\n"
    "\n"
    "The reports that we’re seeing just in general are more than 440 graves,\n"
    "which — it reportedly includes civilians.\u00a0 And it’s horrifying.\u00a0 It’s\n"
    "repugnant.\u00a0 And sadly, it’s in keeping with the kind of depravity and\n"
    "the brutality with which Russian forces have been prosecuting this war\n"
    "against Ukraine and the Ukrainian people."
    "\n\n[...]\n\n"
    "MS. JEAN-PIERRE:\u00a0 Okay, we’re going to keep track of time because I know\n"
    "folks have got to gather.\n"
    "\n"
    "Q\u00a0\u00a0\u00a0 Can I follow up on Izyum really quickly?\n"
    "\n"
    "MR. KIRBY:\u00a0 Yes, ma’am."
)

BRIEFING = Document(url="https://bidenwhitehouse.archives.gov/briefing-room/press-briefings/2022/09/16/", text=EXCERPT)


def check(expected: str, speaker: str = "", claim: str = "a quote", document: Document = BRIEFING):
    return quote.match(Claim(id="q", claim=claim, kind=Kind.QUOTE, expected=expected, speaker=speaker), document)


# ------------------------------------------------------------------ the words


def test_exact_quote_with_straight_apostrophe_and_hyphen_is_supported_at_original_offsets():
    finding = check("we're going to continue to provide Ukraine with key capabilities to meet "
                    "their evolving battlefield requirements")
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.score == 1.0
    assert finding.reason == "exact quote found"
    [evidence] = finding.evidence
    assert evidence.start == EXCERPT.index("We’re going")
    assert EXCERPT[evidence.start:evidence.end] == (
        "We’re going to continue to provide Ukraine with key capabilities to meet\n"
        "their evolving battlefield requirements")
    assert evidence.text == EXCERPT[evidence.start:evidence.end]


def test_em_dash_typed_as_hyphen_still_matches_exactly():
    finding = check('"recently liberated from Russia - from Russian control."')
    assert finding.verdict is Verdict.SUPPORTED
    [evidence] = finding.evidence
    assert evidence.text == "recently liberated from Russia — from Russian control"


def test_one_word_altered_is_partially_supported_naming_the_word():
    finding = check("We’re going to continue to provide Ukraine with crucial capabilities to meet "
                    "their evolving battlefield requirements")
    assert finding.verdict is Verdict.PARTIALLY_SUPPORTED
    assert finding.reason == "quote found with changes; words differ: substituted 'crucial' for 'key'"
    assert finding.score == 0.75  # 16 of 17 words unchanged (0.94), but altered words are never near-certain
    [evidence] = finding.evidence
    assert evidence.note == "altered words: 'crucial' -> 'key'"  # the form report writers read
    assert evidence.text.startswith("We’re going")


def test_expanded_contraction_is_partially_supported_and_named():
    finding = check("We are going to continue to provide Ukraine with key capabilities")
    assert finding.verdict is Verdict.PARTIALLY_SUPPORTED
    assert finding.reason == "quote found with changes; words differ: substituted 'We are' for 'We’re' (contraction)"


def test_ordinal_changed_is_contradicted_though_the_text_score_is_high():
    finding = check("last night, we announced our 22nd package of security assistance")
    assert finding.verdict is Verdict.CONTRADICTED
    assert finding.score == 0.9  # 9 of 10 words unchanged; rapidfuzz scores the text 0.97 and would call it a match
    assert finding.reason == ("quote differs in meaning: number changed: "
                              "'22nd' in the claim, '21st' in the source")


def test_amount_changed_is_contradicted():
    finding = check("This is a $700 million package that includes ammunition for those HIMARS systems")
    assert finding.verdict is Verdict.CONTRADICTED
    assert "'700' in the claim, '600' in the source" in finding.reason


def test_inserted_negation_is_contradicted():
    finding = check("the brutality with which Russian forces have not been prosecuting this war")
    assert finding.verdict is Verdict.CONTRADICTED
    assert finding.reason == ("quote differs in meaning: negation changed: "
                              "the claim adds 'not', not in the source")


def test_changed_name_is_contradicted():
    finding = check("the brutality with which Ukrainian forces have been prosecuting this war")
    assert finding.verdict is Verdict.CONTRADICTED
    assert "name changed: 'Ukrainian' in the claim, 'Russian' in the source" in finding.reason


def test_an_antonym_is_not_supported_and_its_score_is_not_near_certainty():
    finding = check("This is a $600 million package that excludes ammunition for those HIMARS systems")
    assert finding.verdict is Verdict.PARTIALLY_SUPPORTED
    assert finding.score == 0.75  # 12 of 13 words unchanged (0.92), capped: altered words are not the speaker's
    assert finding.reason == "quote found with changes; words differ: substituted 'excludes' for 'includes'"


def test_inserted_and_dropped_words_are_named():
    finding = check("We’re going to continue to provide Ukraine with all the key capabilities to meet "
                    "their battlefield requirements")
    assert finding.verdict is Verdict.PARTIALLY_SUPPORTED
    assert finding.reason == "quote found with changes; words differ: inserted 'all the', dropped 'evolving'"


def test_a_claim_ending_in_other_words_is_not_a_contradiction_of_a_name():
    finding = check("We’re going to continue to provide Ukraine with key capabilities to meet their evolving "
                    "battlefield requirements, and they are what President Zelenskyy asked for")
    assert finding.verdict is Verdict.PARTIALLY_SUPPORTED
    assert finding.reason == ("quote found with changes; words differ: substituted "
                              "'what President Zelenskyy asked for' for 'evolving battlefield requirements I also'")


def test_unrelated_quote_is_not_found():
    finding = check("We will never negotiate with the Kremlin under any circumstances whatsoever")
    assert finding.verdict is Verdict.NOT_FOUND
    assert finding.score == 0.0
    assert finding.evidence == ()


# ------------------------------------------------------------------ elided quotes


def test_elided_quote_with_every_fragment_present_is_supported():
    finding = check("The reports that we're seeing just in general are more than 440 graves ... "
                    "And it's horrifying.")
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.reason == "exact quote found (all 2 fragments, in order)"
    assert [e.text for e in finding.evidence] == [
        "The reports that we’re seeing just in general are more than 440 graves",
        "And it’s horrifying",
    ]


def test_elided_quote_with_a_fragment_absent_is_partially_supported_naming_it():
    finding = check("The reports that we're seeing just in general are more than 440 graves \u2026 "
                    "and we will rebuild every single town")
    assert finding.verdict is Verdict.PARTIALLY_SUPPORTED
    assert finding.reason == ("1 of 2 fragments of the quote found; "
                              "not found: 'and we will rebuild every single town'")
    assert len(finding.evidence) == 1


def test_elided_fragments_must_come_in_order():
    # The longer fragment anchors the placement; the shorter one must come before it, and does not.
    located = locate_fragments("And it's horrifying . . . The reports that we're seeing", EXCERPT)
    assert [item.fragment for item in located] == ["And it's horrifying", "The reports that we're seeing"]
    assert located[0].alignment is None
    assert located[1].alignment is not None


def test_an_elided_quote_is_placed_where_its_fragments_sit_together():
    finding = check("I think \u2026 we announced our 21st package of security assistance", speaker="Kirby")
    assert finding.verdict is Verdict.SUPPORTED
    assert [e.start for e in finding.evidence] == [EXCERPT.index("I think, yesterday"), EXCERPT.index("we announced")]


def test_words_in_quote_marks_of_the_claim_are_the_quote():
    finding = check("", claim="Kirby called the reports of mass graves \u201chorrifying\u201d and \u201crepugnant\u201d")
    assert finding.verdict is Verdict.SUPPORTED
    assert [e.text for e in finding.evidence] == ["horrifying", "repugnant"]


# ------------------------------------------------------------------ the speaker


def test_right_speaker_by_transcript_label_is_supported():
    finding = check("last night, we announced our 21st package of security assistance", speaker="John Kirby")
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.reason == "exact quote found; speaker labelled 'MR. KIRBY'"


def test_right_words_wrong_speaker_is_not_supported():
    finding = check("last night, we announced our 21st package of security assistance", speaker="Jean-Pierre")
    assert finding.verdict is Verdict.NEEDS_REVIEW
    assert finding.score == 0.5
    assert finding.reason == "exact quote found; but attributed to MR. KIRBY in the source, not Jean-Pierre"


def test_hyphenated_surname_matches_its_label():
    finding = check("we’re going to keep track of time", speaker="Karine Jean-Pierre")
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.reason == "exact quote found; speaker labelled 'MS. JEAN-PIERRE'"


def test_a_reporters_question_is_not_the_officials_words():
    finding = check("Can I follow up on Izyum really quickly?", speaker="Kirby")
    assert finding.verdict is Verdict.NEEDS_REVIEW
    assert finding.reason == ("exact quote found; but attributed to a question from the press (Q) "
                              "in the source, not Kirby")


def test_speaker_that_cannot_be_confirmed_caps_at_partially_supported():
    plain = Document(url="text:", text="Officials said the package includes ammunition for HIMARS systems.")
    finding = check("the package includes ammunition for HIMARS systems", speaker="Kirby", document=plain)
    assert finding.verdict is Verdict.PARTIALLY_SUPPORTED
    assert finding.reason == ("exact quote found; speaker not confirmed: "
                              "no speaker label or mention of Kirby near the passage")


def test_speaker_named_near_the_quote_in_prose_is_confirmed():
    article = Document(url="text:", text='"The discussions are ongoing," John Kirby told reporters on Friday.')
    finding = check("The discussions are ongoing", speaker="Kirby", document=article)
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.reason == "exact quote found; speaker Kirby named within 300 characters"


# The same briefing, a little later: a reporter quotes Sergey Lavrov, then Kirby answers. Verbatim,
# trailing spaces and non-breaking spaces kept.
LAVROV_EXCERPT = (
    "Q\u00a0\u00a0\u00a0 Thanks, John.\u00a0 I have a question about the President’s meeting\n"
    "today with the families of Brittney Griner and Paul Whelan.\u00a0 After\n"
    "Brittney Griner was sentenced a month and a half ago, Sergey Lavrov\n"
    "said, quote, “The Kremlin is ready to discuss this topic.”\u00a0 That was a\n"
    "month and a half ago.\u00a0 So where does that discussion stand?  \n"
    "\u00a0  \n"
    "MR. KIRBY:\u00a0 The discussions are ongoing.\u00a0 I think Karine said it really\n"
    "well yesterday."
)
LAVROV = Document(url=BRIEFING.url, text=LAVROV_EXCERPT)


def test_a_quote_reported_in_a_question_is_second_hand():
    finding = check("The Kremlin is ready to discuss this topic.", speaker="Sergey Lavrov", document=LAVROV)
    assert finding.verdict is Verdict.PARTIALLY_SUPPORTED
    assert finding.reason == ("exact quote found; speaker not confirmed: a question from the press (Q) "
                              "quotes Sergey Lavrov; second-hand in this source")


def test_a_reporter_who_names_the_official_is_still_the_reporter():
    finding = check("I have a question about the President’s meeting today with the families of Brittney Griner "
                    "and Paul Whelan", speaker="John Kirby", document=LAVROV)
    assert finding.verdict is Verdict.NEEDS_REVIEW
    assert finding.reason == ("exact quote found; but attributed to a question from the press (Q) "
                              "in the source, not John Kirby")


def test_the_answer_after_a_question_is_the_officials():
    finding = check("The discussions are ongoing.", speaker="John Kirby", document=LAVROV)
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.evidence[0].start == LAVROV_EXCERPT.index("The discussions")


def test_words_said_twice_are_checked_where_the_speaker_says_them():
    # SYNTHETIC two-turn exchange built from the briefing's words: the reporter repeats them first.
    exchange = Document(url="text:", text="Q\u00a0\u00a0\u00a0 You said it’s horrifying?\n\n"
                                          "MR. KIRBY:\u00a0 And it’s horrifying.")
    finding = check("it's horrifying", speaker="Kirby", document=exchange)
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.evidence[0].start == exchange.text.rindex("it’s horrifying")


# ------------------------------------------------------------------ the aligner itself


def test_split_elisions_knows_the_common_marks():
    assert split_elisions("a b ... c d") == ["a b", "c d"]
    assert split_elisions("a b \u2026 c d") == ["a b", "c d"]
    assert split_elisions("a b . . . c d") == ["a b", "c d"]
    assert split_elisions("a b [...] c d") == ["a b", "c d"]
    assert split_elisions("\u201ca b.\u201d") == ["a b"]


def test_digit_change_flags_meaning_and_names_the_words():
    alignment = locate("This is a $700 million package", EXCERPT)
    assert alignment is not None
    assert alignment.exact is False
    assert alignment.meaning_changed is True
    [change] = alignment.changes
    assert (change.kind, change.claimed, change.source, change.meaning) == ("substituted", "700", "600", "number")
    assert EXCERPT[alignment.start:alignment.end] == "This is a $600 million package"


def test_harmless_changes_are_classified():
    contraction = locate("We are going to continue to provide Ukraine", EXCERPT)
    hyphen = locate("additional counter unmanned aerial systems and mine clearing equipment", EXCERPT)
    assert [(c.claimed, c.source, c.minor, c.meaning) for c in contraction.changes] == [
        ("We are", "We’re", "contraction", "")]
    assert hyphen.changes == ()
    assert hyphen.exact is False


def test_a_mid_word_hit_is_not_exact():
    alignment = locate("we announce our 21st package", EXCERPT)
    assert alignment is not None
    assert alignment.exact is False
    assert [c.describe() for c in alignment.changes] == ["substituted 'announce' for 'announced'"]


def test_nothing_close_gives_none():
    assert locate("the cat sat on the mat and purred all afternoon", EXCERPT) is None


# ------------------------------------------------------------------ translated quotes


def translated(expected: str, language: str = "ru", speaker: str = "John Kirby"):
    claim = Claim(id="q", claim="a quote", kind=Kind.QUOTE, expected=expected, speaker=speaker, language=language)
    return quote.match(claim, LAVROV)


def test_a_translated_quote_found_word_for_word_is_only_partially_supported():
    finding = translated("The discussions are ongoing.")
    assert finding.verdict is Verdict.PARTIALLY_SUPPORTED
    assert finding.score == 0.75
    assert finding.reason == ("exact quote found; speaker labelled 'MR. KIRBY'; translation (ru): the source's "
                              "English wording is one of several; closest wording in the source: "
                              "\u201cThe discussions are ongoing\u201d")


def test_a_translated_quote_in_other_words_shows_the_sources_wording():
    finding = translated("The discussions are still ongoing.")
    assert finding.verdict is Verdict.PARTIALLY_SUPPORTED
    assert finding.reason.startswith("quote found with changes; words differ: inserted 'still'")
    assert finding.reason.endswith("closest wording in the source: \u201cThe discussions are ongoing\u201d")


def test_a_translated_quote_not_in_the_source_says_so():
    finding = translated("Talks continue, we are in contact with everyone")
    assert finding.verdict is Verdict.NOT_FOUND
    assert finding.reason == ("quote not found in the source; translation (ru): the source's English wording "
                              "is one of several, and none close to the claim's was found")


def test_english_is_not_a_translation():
    assert translated("The discussions are ongoing.", language="en").verdict is Verdict.SUPPORTED
