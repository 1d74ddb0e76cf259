"""The aligner: placing elided fragments, naming each differing word, and what the score means."""

from __future__ import annotations

from checker.match.align import Located, best_placement, locate, locate_fragments, placements, unchanged_share
from match.test_quote import EXCERPT

# From the background press call on the executive order on screening inbound foreign investments,
# 15 September 2022 (/work/shared/data/wh-briefings/press-briefings/2022-09/2022-09-15-background-press-
# call-on-president-bidens-executive-order-on-screening-inbound-foreign-investments.md), a public-domain
# US government work. Verbatim: the speaker's own ellipsis and line breaks kept.
CALL = (
    "of cases, it’s not always been the case that you would say, “I’m going\n"
    "to look at a particular transaction and really identify that as…” — you\n"
    "know, that’s — really, the crux of that is whether we are protecting\n"
    "technology leadership"
)


# ------------------------------------------------------------------ word by word


def test_each_change_says_inserted_dropped_or_substituted():
    inserted = locate("We’re going to continue to provide Ukraine with all the key capabilities", EXCERPT)
    dropped = locate("We’re going to continue to provide Ukraine with capabilities to meet their evolving", EXCERPT)
    substituted = locate("This is a $600 million package that excludes ammunition", EXCERPT)
    assert [c.describe() for c in inserted.changes] == ["inserted 'all the'"]
    assert [c.describe() for c in dropped.changes] == ["dropped 'key'"]
    assert [c.describe() for c in substituted.changes] == ["substituted 'excludes' for 'includes'"]


def test_a_harmless_kind_of_change_is_named_beside_it():
    contraction = locate("We are going to continue to provide Ukraine", EXCERPT)
    assert contraction.describe_changes() == "substituted 'We are' for 'We’re' (contraction)"


def test_another_form_of_a_word_is_not_a_spelling_slip():
    alignment = locate("we announce our 21st package", EXCERPT)
    assert [(c.claimed, c.source, c.minor) for c in alignment.changes] == [("announce", "announced", "")]


def test_a_rewritten_run_of_words_is_a_substitution_not_a_changed_name():
    # The end of the claim is other words: "President Zelenskyy" in them is no name the source changed.
    alignment = locate("We’re going to continue to provide Ukraine with key capabilities to meet their evolving "
                       "battlefield requirements, and they are what President Zelenskyy asked for", EXCERPT)
    [change] = alignment.changes
    assert change.kind == "substituted"
    assert change.claimed == "what President Zelenskyy asked for"
    assert change.meaning == ""


def test_a_short_edit_with_a_name_is_a_changed_name():
    alignment = locate("the brutality with which Ukrainian forces have been prosecuting this war", EXCERPT)
    [change] = alignment.changes
    assert (change.claimed, change.source, change.meaning) == ("Ukrainian", "Russian", "name")


def test_a_changed_number_counts_even_in_a_longer_run():
    alignment = locate("The reports that we’re seeing just in general are about 400 graves, which — it "
                       "reportedly includes civilians", EXCERPT)
    [change] = alignment.changes
    assert (change.claimed, change.source, change.meaning) == ("about 400", "more than 440", "number")


# ------------------------------------------------------------------ elided phrases


def test_a_short_fragment_is_placed_next_to_the_rest_not_at_its_first_occurrence():
    # "I think" first occurs in Kirby's opening line; the quote's "I think" is the one before "we announced".
    located = locate_fragments("I think \u2026 we announced our 21st package of security assistance", EXCERPT)
    assert [item.alignment.start for item in located] == [
        EXCERPT.index("I think, yesterday"), EXCERPT.index("we announced our")]


def test_an_ellipsis_the_speaker_said_is_found_whole():
    located = locate_fragments("really identify that as\u2026\u201d \u2014 you know, that\u2019s", CALL)
    [item] = located
    assert item.alignment.exact is True
    assert CALL[item.alignment.start:item.alignment.end] == "really identify that as…” — you\nknow, that’s"


def test_placements_try_each_occurrence_of_the_anchor_in_order():
    # SYNTHETIC: one sentence said twice, the second time after "Second,".
    text = "First, we will keep going. Second, we will keep going."
    starts = [located[0].alignment.start for located in placements("we will keep going", text)]
    assert starts == [7, 35]


def test_best_placement_takes_the_first_occurrence_the_caller_accepts():
    # SYNTHETIC, as above: the caller accepts only a passage after offset 20.
    text = "First, we will keep going. Second, we will keep going."
    located = best_placement("we will keep going", text, accept=lambda found: found.start > 20)
    assert located[0].alignment.start == 35


# ------------------------------------------------------------------ the score


def test_the_score_is_the_share_of_claimed_words_found_unchanged():
    one_word_off = locate_fragments("This is a $600 million package that excludes ammunition", EXCERPT)
    assert unchanged_share(one_word_off) == 0.89  # 8 of 9 words


def test_a_missing_fragment_counts_none_of_its_words():
    located = (Located("to potentially set a new record", locate("to potentially set a new record", EXCERPT)),
               Located("two missing", None))
    assert unchanged_share(located) == 0.75  # 6 of 8 words
