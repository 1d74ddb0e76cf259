"""claimreview.json: schema.org ClaimReview per claim, with the fields Google's fact-check markup asks for."""

import json

from checker.report import claimreview
from seed_results import seed_run

ARTICLE = "https://www.wsws.org/en/articles/2022/09/17/ukra-s17.html"
SETTINGS = {"article_url": ARTICLE, "review_url": "https://factcheck.example.org/ukraine-aid", "publisher": "Desk"}


def reviews(**settings) -> dict[str, dict]:
    items = json.loads(claimreview.render(seed_run(claimreview=settings)))
    return {item["url"].rsplit("#claim-", 1)[1]: item for item in items}


def test_every_claim_gets_a_claim_review_with_the_required_fields():
    items = reviews(**SETTINGS)

    assert list(items) == ["aid-600m", "modi-title", "pkg-105mm", "mcconnell-atacms"]
    for item in items.values():
        assert item["@context"] == "https://schema.org"
        assert item["@type"] == "ClaimReview"
        assert item["datePublished"] == "2026-11-24"
        assert item["author"] == {"@type": "Organization", "name": "Desk"}
        assert 0 < len(item["claimReviewed"]) < 75
        assert item["reviewRating"]["@type"] == "Rating" and item["reviewRating"]["alternateName"]
        assert item["itemReviewed"] == {
            "@type": "Claim",
            "appearance": {"@type": "CreativeWork", "url": ARTICLE},
            "firstAppearance": {"@type": "CreativeWork", "url": ARTICLE},
            "author": {"@type": "Organization", "name": "www.wsws.org", "url": "https://www.wsws.org/"},
        }
    assert items["modi-title"]["url"] == "https://factcheck.example.org/ukraine-aid#claim-modi-title"


def test_the_rating_uses_a_1_to_5_scale_for_the_verdicts_that_rate_a_claim():
    items = reviews(**SETTINGS)

    assert items["aid-600m"]["reviewRating"] == {
        "@type": "Rating", "alternateName": "Supported by the source", "ratingValue": 5, "bestRating": 5,
        "worstRating": 1,
        "ratingExplanation": "source says $600 million for Ukraine security assistance package, as the claim says "
                             "$600 million"}
    assert (items["modi-title"]["reviewRating"]["alternateName"],
            items["modi-title"]["reviewRating"]["ratingValue"]) == ("Contradicted by the source", 1)


def test_a_claim_that_could_not_be_rated_gets_words_but_no_number():
    rating = reviews(**SETTINGS)["pkg-105mm"]["reviewRating"]

    assert rating == {"@type": "Rating", "alternateName": "Unverified: not found in the source",
                      "ratingExplanation": "no figure for 105mm artillery rounds in this source; 1 other source(s) "
                                           "not read (not_recorded)"}


def test_claim_reviewed_is_the_claim_shortened_at_a_word_and_never_the_verdict():
    items = reviews(**SETTINGS)

    assert items["modi-title"]["claimReviewed"] == ("Similar tensions were on display in Putin’s discussion with "
                                                    "Indian…")
    assert items["aid-600m"]["claimReviewed"] == ("On Thursday, the Biden administration announced an additional "
                                                  "$600…")
    for item in items.values():
        for word in ("Supported", "Contradicted", "Unverified", "supported", "contradicted", "not_found"):
            assert word not in item["claimReviewed"]


def test_short_claims_are_kept_whole_on_one_line():
    assert claimreview.short_claim("Modi is India's\n  Prime Minister.") == "Modi is India's Prime Minister."
    assert len(claimreview.short_claim("x" * 200)) == 74


def test_without_settings_the_review_points_at_the_html_report_and_names_checker():
    item = reviews()["aid-600m"]

    assert item["url"] == "report.html#claim-aid-600m"
    assert item["author"] == {"@type": "Organization", "name": "checker"}
    assert item["itemReviewed"] == {"@type": "Claim"}
