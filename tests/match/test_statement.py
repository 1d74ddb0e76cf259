"""Statement matching and term extraction, on real White House briefing text.

The excerpts are public domain US government works (White House press briefings,
September 2022, from /work/shared/data/wh-briefings); line ends are kept as
published, trailing spaces trimmed, non-breaking spaces written as \u00a0.
"""

from __future__ import annotations

import pytest

from checker.match import statement
from checker.match.terms import TermKind, number_value, sentence_spans, stem, terms
from checker.models import Claim, Document, Kind, Passage, Verdict

# 2022-09-16 press briefing by Karine Jean-Pierre and John Kirby, lines 153-179.
# https://bidenwhitehouse.archives.gov/briefing-room/press-briefings/2022/09/16/press-briefing-by-press-secretary-karine-jean-pierre-and-national-security-council-coordinator-for-strategic-communications-john-kirby-september-16-2022/
KIRBY = """This week — I just want to hit Ukraine real quick — the world witnessed,
again, courageous, determined Ukrainian resistance against Russia’s
aggression.\u00a0 Together with our allies and partners, the United States
has been delivering an unprecedented amount of weapons and equipment
that Ukraine’s forces are using quite skillfully in the field.

And you just saw, I think, yesterday, we — last night, we announced our
21st package of security assistance using Presidential Drawdown
Authorities.\u00a0 This is a $600 million package that includes ammunition
for those HIMARS systems that you’re all familiar with now — the High
Mobility Artillery Rocket Systems; tens of thousands of artillery
rounds; additional counter unmanned aerial systems and mine-clearing
equipment; small arms; and ammunition.\u00a0 There’s a lot more in the
package.

We’re going to continue to provide Ukraine with key capabilities to meet
their evolving battlefield requirements, and they are evolving
battlefield requirements.\u00a0 I also want to just take a moment to address
the reports that we’ve been seeing today out of Izyum and the potential
there for mass graves, which, in Izyum, as you know, Ukraine just
recently liberated from Russia — from Russian control.

The reports that we’re seeing just in general are more than 440 graves,
which — it reportedly includes civilians.\u00a0 And it’s horrifying.\u00a0 It’s
repugnant.\u00a0 And sadly, it’s in keeping with the kind of depravity and
the brutality with which Russian forces have been prosecuting this war
against Ukraine and the Ukrainian people.
"""

# 2022-09-14 press gaggle by Karine Jean-Pierre en route Detroit, lines 230-251.
# https://bidenwhitehouse.archives.gov/briefing-room/press-briefings/2022/09/14/press-gaggle-by-press-secretary-karine-jean-pierre-en-route-detroit-michigan/
TAIWAN = """Q\u00a0\u00a0\u00a0 Karine, on Taiwan, maybe, if I may.\u00a0 There’s going to be a
preliminary vote today in the Senate on the so-called Taiwan Policy
Act.\u00a0 Does the President support this text?
\u00a0
MS. JEAN-PIERRE:\u00a0 So — so, I know this was asked in the briefing room.\u00a0
Just more broadly, our — our legislative teams have been — have been in
touch with members — in touch with Congress, to be more specific.\u00a0 We
will continue to communicate directly with Congress on this legislation,
like we do with legislation just across vari- — various topics — a
variety of topics.
\u00a0
The Biden administration has deepened our partnership with Taiwan and
will continue to do so with effective diplomatic, economic, and military
support.\u00a0
\u00a0
Look, we appreciate the strong bipartis- — bipartisan support for Taiwan
and want to work with Congress to strengthen that support.\u00a0 But again,
this bill — as we understand it or as I understand it — is still being
worked out through the Senate and will run through a whole process, as
you know, as the Senate works.\u00a0 And so, we just don’t want to get ahead
of that process at this time.
"""

# 2022-09-20 press briefing by Karine Jean-Pierre and Jake Sullivan, lines 427-430.
MODI = """Q In Samarkand, on the sidelines of SCO Summit, India’s Prime Minister,
Narendra Modi, bluntly told the Russian President Putin that this is not
the time for war in Ukraine."""

KIRBY_URL = "https://bidenwhitehouse.archives.gov/briefing-room/press-briefings/2022/09/16/"


def check(claim: str, text: str = KIRBY, **fields: str):
    return statement.match(Claim(id="c", claim=claim, kind=Kind.STATEMENT, **fields), Document(url=KIRBY_URL, text=text))


# --- terms -----------------------------------------------------------------


def test_terms_classify_names_numbers_dates_and_words():
    found = [(term.surface, term.key, term.kind) for term in terms(MODI)]
    assert found == [
        ("Samarkand", "samarkand", TermKind.NAME),
        ("sidelines", "sidelin", TermKind.WORD),
        ("SCO", "sco", TermKind.NAME),
        ("Summit", "summit", TermKind.NAME),
        ("India’s", "india", TermKind.NAME),
        ("Prime", "prim", TermKind.NAME),
        ("Minister", "minister", TermKind.NAME),
        ("Narendra", "narendra", TermKind.NAME),
        ("Modi", "modi", TermKind.NAME),
        ("bluntly", "bluntly", TermKind.WORD),
        ("told", "tell", TermKind.WORD),
        ("Russian", "russian", TermKind.NAME),
        ("President", "president", TermKind.NAME),
        ("Putin", "putin", TermKind.NAME),
        ("time", "tim", TermKind.WORD),
        ("war", "war", TermKind.WORD),
        ("Ukraine", "ukrain", TermKind.NAME),
    ]


def test_term_offsets_point_into_the_original_text():
    term = terms(MODI)[4]
    assert MODI[term.start : term.end] == "India’s"


def test_a_capital_at_the_start_of_a_sentence_is_not_a_name():
    assert [(t.word, t.kind) for t in terms("Allegations were made. Reports said so.")] == [
        ("allegations", TermKind.WORD),
        ("made", TermKind.WORD),
        ("reports", TermKind.WORD),
    ]
    assert [t.kind for t in terms("Narendra Modi", names_at_start=True)] == [TermKind.NAME, TermKind.NAME]


def test_a_full_stop_after_an_honorific_or_acronym_does_not_open_a_sentence():
    assert [(t.word, t.kind) for t in terms("met Mr. Modi and the U.S. President")] == [
        ("met", TermKind.WORD),
        ("modi", TermKind.NAME),
        ("us", TermKind.NAME),
        ("president", TermKind.NAME),
    ]


def test_numbers_become_digits():
    assert [(t.key, t.kind) for t in terms("our 21st package, twenty-first, $600 million, 1,000 rounds")] == [
        ("21", TermKind.NUMBER),
        ("packag", TermKind.WORD),
        ("21", TermKind.NUMBER),
        ("600", TermKind.NUMBER),
        ("million", TermKind.NUMBER),
        ("1000", TermKind.NUMBER),
        ("round", TermKind.WORD),
    ]
    assert number_value("three") == "3"
    assert number_value("package") is None


def test_may_and_march_are_dates_only_when_capitalised():
    assert [(t.word, t.kind) for t in terms("in May we may march on Monday")] == [
        ("may", TermKind.DATE),
        ("march", TermKind.WORD),
        ("monday", TermKind.DATE),
    ]


def test_hyphenated_words_give_one_term_per_part():
    assert [t.key for t in terms("counter-battery radar, mine-clearing")] == ["counter", "battery", "radar", "min", "clear"]


@pytest.mark.parametrize(
    ("words", "key"),
    [
        (["include", "includes", "included", "including"], "includ"),
        (["murder", "murders", "murdered"], "murder"),
        (["grave", "graves"], "grav"),
        (["vote", "votes", "voted"], "vot"),
        (["country", "countries"], "country"),
        (["plan", "planned"], "plan"),
        (["sell", "sells", "sold", "selling"], "sell"),
        (["die", "dies", "died", "dying"], "die"),
        (["become", "became", "becomes"], "becom"),
    ],
)
def test_stem_gives_one_key_to_the_forms_of_a_word(words, key):
    assert {stem(word) for word in words} == {key}


# --- sentences -------------------------------------------------------------


def test_sentences_split_at_full_stops_and_blank_lines_but_not_after_honorifics():
    text = "MR. SULLIVAN: I think so. The U.N. Charter holds.\n\nQ Yes"
    assert [text[start:end] for start, end in sentence_spans(text)] == [
        "MR. SULLIVAN: I think so.",
        "The U.N. Charter holds.",
        "Q Yes",
    ]


# --- statement verdicts ----------------------------------------------------


def test_a_faithful_paraphrase_is_supported_with_the_sentence_as_evidence():
    finding = check("The package includes ammunition for the HIMARS systems")
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.score == 1.0
    assert finding.reason == "all names, numbers and dates and most words found in one passage"
    best = finding.evidence[0]
    assert best.text.startswith("This is a $600 million package that includes ammunition")
    assert best.text.endswith("small arms; and ammunition.")
    assert KIRBY[best.start : best.end] == best.text
    assert best.note == "matched names: HIMARS; words: package, includes, ammunition, systems"


def test_new_and_missile_are_not_in_the_text_so_the_himars_claim_is_only_partial():
    # The briefing says "ammunition for those HIMARS systems ... High Mobility Artillery
    # Rocket Systems": neither "new" nor "missile" is there. A bag of words cannot know
    # that HIMARS fires rockets some call missiles, so it says less than supported.
    finding = check("The new package includes ammunition for the HIMARS missile system")
    assert finding.verdict is Verdict.PARTIALLY_SUPPORTED
    assert finding.score == 0.778
    assert finding.reason == "part of the claim found in one passage (score 0.78); unsupported: words: new, missile"


def test_izum_is_found_as_izyum_but_the_murder_allegation_is_not_in_the_text():
    # Kirby speaks of reports of "mass graves" in Izyum, "more than 440 graves" that
    # "reportedly includes civilians": no allegation of systematic murder, no outskirts.
    finding = check("allegations that Russia systematically murdered civilians, this time in the outskirts of Izum")
    assert finding.verdict is Verdict.PARTIALLY_SUPPORTED
    assert finding.score == 0.583
    assert finding.reason == (
        "part of the claim found in one passage (score 0.58); "
        "unsupported: words: allegations, systematically, murdered, time, outskirts; "
        "spelling differs: 'Izum' ~ 'Izyum'"
    )
    best = finding.evidence[0]
    assert best.text.startswith("I also want to just take a moment to address")
    assert best.text.endswith("it reportedly includes civilians.")
    assert best.note == "matched names: Russia, Izum; words: civilians; spelling differs: 'Izum' ~ 'Izyum'"


def test_a_claim_spanning_two_sentences_is_judged_on_both():
    finding = check("Reports out of Izyum speak of more than 440 graves, including civilians")
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.reason == (
        "all names, numbers and dates and most words found in one passage; unsupported: words: speak"
    )
    assert finding.evidence[0].text.startswith("I also want to just take a moment")
    assert finding.evidence[0].text.endswith("it reportedly includes civilians.")


def test_radar_is_not_in_the_package_so_the_claim_is_never_supported():
    finding = check("The package includes counter-battery radar")
    assert finding.verdict is Verdict.PARTIALLY_SUPPORTED
    assert finding.reason == "part of the claim found in one passage (score 0.60); unsupported: words: battery, radar"


def test_a_number_absent_from_the_passage_prevents_supported():
    finding = check("The 22nd package is worth $600 million")
    assert finding.verdict is Verdict.PARTIALLY_SUPPORTED
    assert finding.reason == "part of the claim found in one passage (score 0.64); unsupported: numbers: 22nd; words: worth"


def test_a_negation_on_one_side_only_prevents_supported():
    finding = check("The package does not include ammunition for the HIMARS systems")
    assert finding.verdict is Verdict.PARTIALLY_SUPPORTED
    assert finding.score == 1.0
    assert finding.reason == (
        "part of the claim found in one passage (score 1.00); negation differs: the claim is negated, the passage is not"
    )


def test_an_unrelated_statement_is_not_found():
    finding = check("The Federal Reserve raised interest rates by 75 basis points")
    assert finding.verdict is Verdict.NOT_FOUND
    assert finding.score == 0.0
    assert finding.evidence == ()
    assert finding.reason == (
        "no passage holds any term of the claim; "
        "unsupported: names: Federal, Reserve; numbers: 75; words: raised, interest, rates, basis, points"
    )


def test_a_scheduled_vote_is_not_a_committee_having_moved_the_bill_forward():
    # The gaggle says a preliminary Senate vote is scheduled "today"; it says nothing
    # of the Foreign Relations Committee or of the bill moving forward.
    finding = check("the Senate Foreign Relations Committee voted to move forward the Taiwan Policy Act", TAIWAN)
    assert finding.verdict is Verdict.PARTIALLY_SUPPORTED
    assert finding.score == 0.542
    assert finding.reason == (
        "part of the claim found in one passage (score 0.54); "
        "unsupported: names: Foreign, Relations, Committee; words: move, forward"
    )
    assert finding.evidence[0].text == (
        "There’s going to be a\npreliminary vote today in the Senate on the so-called Taiwan Policy\nAct."
    )


def test_expected_is_matched_in_place_of_the_claim_when_given():
    finding = check("Kirby on the Taiwan bill", TAIWAN, expected="a preliminary vote in the Senate on the Taiwan Policy Act")
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.evidence[0].note == "matched names: Senate, Taiwan, Policy, Act; words: preliminary, vote"


def test_subject_terms_must_be_found_for_a_partial_verdict():
    finding = check("Russia liberated the town from Ukrainian control", subject="Kharkiv")
    assert finding.verdict is Verdict.NOT_FOUND
    assert finding.reason.startswith("little of the claim found in the source")
    assert "names: Kharkiv" in finding.reason


def test_names_in_reversed_roles_prevent_supported_and_nothing_is_contradicted():
    # The text: "in Izyum, as you know, Ukraine just recently liberated from Russia".
    assert check("Ukraine liberated Izyum from Russia").verdict is Verdict.SUPPORTED
    reversed_roles = check("Russia liberated Izyum from Ukraine")
    assert reversed_roles.verdict is Verdict.PARTIALLY_SUPPORTED
    assert reversed_roles.reason == (
        "part of the claim found in one passage (score 1.00); names stand in another order than in the claim"
    )


def test_a_claim_of_stop_words_only_needs_review():
    finding = check("It is what it is")
    assert finding.verdict is Verdict.NEEDS_REVIEW
    assert finding.reason == "the claim has no content words to look for"


def test_evidence_carries_the_passage_locator():
    paragraphs = KIRBY.split("\n\n")
    passages, offset = [], 0
    for number, paragraph in enumerate(paragraphs, start=1):
        start = KIRBY.index(paragraph, offset)
        passages.append(Passage(paragraph, start, start + len(paragraph), f"para {number}"))
        offset = start + len(paragraph)
    document = Document(url=KIRBY_URL, text=KIRBY, passages=tuple(passages))
    claim = Claim(id="c", claim="The package includes ammunition for the HIMARS systems", kind=Kind.STATEMENT)
    finding = statement.match(claim, document)
    assert finding.verdict is Verdict.SUPPORTED
    assert finding.evidence[0].locator == "para 2"
    assert finding.evidence[0].url == KIRBY_URL


def test_a_claim_whose_parts_stand_in_distant_passages_is_partial_across_them():
    # "courageous, determined Ukrainian resistance" opens the excerpt; "mass graves" in
    # Izyum come five sentences later; "faced" is nowhere.
    finding = check("Courageous Ukrainian resistance faced mass graves in Izyum")
    assert finding.verdict is Verdict.PARTIALLY_SUPPORTED
    assert finding.score == 0.909
    assert finding.reason == (
        "part of the claim found across the passages kept (score 0.91); unsupported: words: faced; "
        "found only in another passage: names: Ukrainian; words: Courageous, resistance"
    )
    assert [evidence.note for evidence in finding.evidence] == [
        "matched names: Izyum; words: mass, graves",
        "matched names: Ukrainian; words: Courageous, resistance",
        "matched names: Ukrainian",
        "matched words: graves",
    ]


def test_a_number_found_only_in_another_passage_is_unsupported():
    # "440" is the count of graves, not of artillery rounds in the 21st package.
    finding = check("The 21st package includes ammunition for HIMARS and 440 artillery rounds")
    assert finding.verdict is Verdict.PARTIALLY_SUPPORTED
    assert finding.reason == "part of the claim found in one passage (score 0.79); unsupported: numbers: 440"
    assert finding.evidence[0].text.startswith("And you just saw, I think, yesterday")
    assert finding.evidence[1].text.startswith("The reports that we’re seeing just in general are more than 440 graves")


def test_assess_gives_the_unsupported_terms_with_offsets_into_the_claim():
    claim = "The 22nd package is worth $600 million"
    assessment = statement.assess(Claim(id="c", claim=claim, kind=Kind.STATEMENT), Document(url=KIRBY_URL, text=KIRBY))
    assert assessment.finding == check(claim)
    assert [(term.surface, claim[term.start : term.end]) for term in assessment.unsupported] == [
        ("22nd", "22nd"),
        ("worth", "worth"),
    ]


def test_evidence_is_the_verdict_passage_then_the_best_single_sentences():
    finding = check("Ukraine package ammunition")
    assert len(finding.evidence) == statement.KEPT == 5
    spans = sentence_spans(KIRBY)
    for evidence in finding.evidence[1:]:
        assert (evidence.start, evidence.end) in spans


# --- indexing: sentences are read once, and only those holding a claim term are ranked ------------


def test_term_keys_and_iter_terms_give_what_terms_gives():
    from checker.match.terms import iter_terms, term_keys

    for text in (KIRBY, TAIWAN, MODI):
        assert term_keys(text) == [(term.key, term.kind) for term in terms(text)]
        assert list(iter_terms(text)) == terms(text)


def test_the_sentences_of_a_document_are_read_once_for_every_claim():
    from checker.index import builds

    document = Document(url=KIRBY_URL, text=f"{KIRBY}\n\n{TAIWAN}")  # a text no other test indexes
    before = sum(count for name, count in builds.items() if name[0] == "statement.corpus")
    findings = [
        statement.match(Claim(id="c", claim=claim, kind=Kind.STATEMENT), document)
        for claim in ("Ukraine liberated Izyum from Russia", "The Senate will vote on the Taiwan Policy Act",
                      "The reports are of more than 440 graves in Izum")
    ]
    assert [finding.verdict for finding in findings] == [
        Verdict.SUPPORTED, Verdict.SUPPORTED, Verdict.SUPPORTED]
    assert findings[2].reason.endswith("spelling differs: 'Izum' ~ 'Izyum'")
    assert sum(count for name, count in builds.items() if name[0] == "statement.corpus") == before + 1


def every_window_ranked(claim: Claim, document: Document) -> list[tuple[int, int]]:
    """The kept windows' spans found the plain way: every window of 1-3 sentences scored.

    The reference for `_kept_windows`, which ranks only the sentences the inverted index gives.
    """
    import math
    from collections import Counter

    corpus = statement._corpus(document)
    wanted = statement._names_by_document(statement.claim_terms(claim), corpus.names)
    wanted, _ = statement._resolve_fuzzy(wanted, corpus)
    keys = {term.key: term.kind for term in wanted}
    count = len(corpus.sentences)
    frequency = Counter(key for sentence in corpus.counts for key in sentence if key in keys)
    idf = {key: math.log(1 + (count - frequency[key] + 0.5) / (frequency[key] + 0.5)) for key in keys}
    average = max(1.0, corpus.length / count)
    windows = []
    for first in range(count):
        for last in range(first, min(first + statement.MAX_WINDOW, count)):
            bag = sum((corpus.counts[i] for i in range(first, last + 1)), Counter())
            score = statement._rank_score(bag, keys, idf, average)
            if score > 0:
                windows.append((first, last, bag, score))
    if not windows:
        return []
    best = max(windows, key=lambda w: (statement._share(wanted, w[2]), w[0] - w[1],
                                       statement._rarity(wanted, {k for k in w[2] if w[2][k]}, idf), w[3]))
    kept = [best]
    for single in sorted((w for w in windows if w[0] == w[1]), key=lambda w: (-w[3], w[0])):
        if all(single[1] < other[0] or single[0] > other[1] for other in kept) and len(kept) < statement.KEPT:
            kept.append(single)
    return [(corpus.sentences[w[0]].start, corpus.sentences[w[1]].end) for w in kept]


def test_ranking_the_sentences_the_index_gives_keeps_what_ranking_every_window_keeps(shared_data):
    briefings = sorted((shared_data / "wh-briefings" / "press-briefings").rglob("*.md"))[:2]
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in briefings)
    document = Document(url="file:briefings", text=text)
    sentences = [text[start:end] for start, end in sentence_spans(text) if 40 < end - start < 300]
    claims = sentences[::61] + [
        " ".join(sentence.split()[1::2]) for sentence in sentences[5::83]  # every other word dropped
    ] + ["The President met leaders of Ukraine", "Inflation is coming down", "thank you"]
    assert len(claims) > 20
    for claim in claims:
        finding = statement.match(Claim(id="c", claim=claim, kind=Kind.STATEMENT), document)
        spans = [(evidence.start, evidence.end) for evidence in finding.evidence]
        assert spans == every_window_ranked(Claim(id="c", claim=claim, kind=Kind.STATEMENT), document), claim
