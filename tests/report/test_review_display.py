"""results.json and report.md show a reviewer's verdict beside checker's, and say when it is stale."""

import json

from checker.models import Claim, Evidence, Kind, Result, Verdict
from checker.report import Run, json_report, markdown
from checker.reviews import Review

# Real text: Jake Sullivan's briefing of 2022-09-20, where a reporter calls Modi "India's Prime Minister".
MODI = Evidence("https://bidenwhitehouse.archives.gov/briefing-room/press-briefings/2022/09/20/x/",
                "Q In Samarkand, on the sidelines of SCO Summit, India's Prime Minister, Narendra Modi, bluntly told "
                "the Russian President Putin that this is not the time for war.", 100, 250, "para 85")


def run_with(review: Review) -> Run:
    result = Result(Claim("modi-title", "President Narendra Modi", Kind.ATTRIBUTION, "President", row=2),
                    Verdict.CONTRADICTED, 0.0, "the source calls Narendra Modi 'Prime Minister', not 'President'",
                    (MODI,))
    return Run((result,), reviews={"modi-title": review})


def test_results_json_carries_the_review_beside_the_verdict():
    review = Review("modi-title", Verdict.CONTRADICTED, "Prime Minister, not President", "ann", "ab" * 32,
                    reviewed_at="2026-11-20T10:00:00+00:00")

    claim = json.loads(json_report.render(run_with(review)))["claims"][0]

    assert (claim["verdict"], claim["review"]) == ("contradicted", {
        "verdict": "contradicted", "note": "Prime Minister, not President", "reviewer": "ann",
        "reviewed_at": "2026-11-20T10:00:00+00:00", "evidence_hash": "ab" * 32, "stale": False})


def test_markdown_shows_the_review_in_the_table_and_under_the_reason_and_flags_a_stale_one():
    review = Review("modi-title", Verdict.SUPPORTED, "<b>ok</b>", "bo", "cd" * 32,
                    reviewed_at="2026-11-21T09:00:00+00:00", stale=True)

    text = markdown.render(run_with(review))

    assert "| id | verdict | score | reason | reviewer |" in text
    assert "| ❌ contradicted | 0.00 | the source calls Narendra Modi 'Prime Minister', not 'President' | " \
           "✅ supported (stale) |" in text
    assert ("- **Reviewer:** ✅ supported by bo (2026-11-21T09:00:00+00:00): &lt;b&gt;ok&lt;/b&gt; · **stale**: "
            "the source has changed since this review; check the evidence again") in text


def test_without_reviews_the_markdown_table_keeps_its_four_columns():
    text = markdown.render(Run(run_with(Review("x", Verdict.SUPPORTED)).results))

    assert "| id | verdict | score | reason |\n|---|---|---|---|\n" in text
    assert "Reviewer" not in text
