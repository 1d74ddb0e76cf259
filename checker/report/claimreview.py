"""claimreview.json: one schema.org ClaimReview (JSON-LD) per claim, for a fact-check page to embed.

It follows schema.org/ClaimReview and Google's fact-check markup rules:

- `claimReviewed` is the claim as the article words it, shortened to under 75 characters at a
  word boundary, and never holds the verdict (that is the rating's job);
- `reviewRating` is a Rating whose `alternateName` is the verdict in words, on this scale:

      ratingValue 5  "Supported by the source"         (supported)
      ratingValue 3  "Partly supported by the source"  (partially_supported)
      ratingValue 1  "Contradicted by the source"      (contradicted)

  with `bestRating` 5 and `worstRating` 1. The other verdicts say the claim could not be rated
  (`not_found`, `source_unavailable`, `needs_review`): they get an `alternateName` only, since
  any number on a truth scale would claim more than was found;
- `itemReviewed` is the Claim, with its `appearance` and `firstAppearance` (the article,
  `--article-url`) and its `author` (the article's publisher, named by the article's site);
- `url` is where the fact check is published: `--review-url` with `#claim-<id>`, by default the
  HTML report's anchor for the claim (`report.html#claim-<id>`);
- `author` is the fact-checker publishing the review (`--publisher`, default `checker`), and
  `datePublished` the day of the run.

The file is a JSON array; each item carries its own `@context`, so it can be embedded alone
in a `<script type="application/ld+json">` tag.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from checker.models import Result, Verdict
from checker.report import Run

FILENAME = "claimreview.json"
MAX_CLAIM_REVIEWED = 74  # Google: keep claimReviewed under 75 characters
BEST, WORST = 5, 1
DEFAULT_PUBLISHER = "checker"

RATINGS: dict[Verdict, tuple[str, int | None]] = {
    Verdict.SUPPORTED: ("Supported by the source", 5),
    Verdict.PARTIALLY_SUPPORTED: ("Partly supported by the source", 3),
    Verdict.CONTRADICTED: ("Contradicted by the source", 1),
    Verdict.NOT_FOUND: ("Unverified: not found in the source", None),
    Verdict.SOURCE_UNAVAILABLE: ("Unverified: source unavailable", None),
    Verdict.NEEDS_REVIEW: ("Unverified: needs review", None),
}


def render(run: Run) -> str:
    settings = run.extra.get("claimreview", {})
    reviews = [claim_review(result, run.generated_at[:10], settings) for result in run.results]
    return script_safe(json.dumps(reviews, indent=2, ensure_ascii=False)) + "\n"


def script_safe(text: str) -> str:
    """JSON that can sit inside a <script> element: < > & written as \\u escapes (the same JSON values).

    A claim holding `</script><script>...` cannot then close the element it is embedded in.
    """
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def claim_review(result: Result, date_published: str, settings: dict) -> dict:
    """The ClaimReview of one result. `settings`: article_url, review_url, publisher (all optional)."""
    claim = result.claim
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{settings.get('review_url') or 'report.html'}#claim-{claim.id}",
        "claimReviewed": short_claim(claim.claim),
        "itemReviewed": _claim(settings.get("article_url", "")),
        "author": {"@type": "Organization", "name": settings.get("publisher") or DEFAULT_PUBLISHER},
        "reviewRating": rating(result),
    }
    if date_published:
        review["datePublished"] = date_published
    return review


def rating(result: Result) -> dict:
    """The Rating for a verdict: its words, and its place on the 1-5 scale when it rates the claim."""
    name, value = RATINGS[result.verdict]
    entry: dict = {"@type": "Rating", "alternateName": name}
    if value is not None:
        entry.update(ratingValue=value, bestRating=BEST, worstRating=WORST)
    entry["ratingExplanation"] = " ".join(result.reason.split())
    return entry


def short_claim(text: str, limit: int = MAX_CLAIM_REVIEWED) -> str:
    """`text` on one line, cut at a word boundary with an ellipsis to at most `limit` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-") + "…"


def _claim(article_url: str) -> dict:
    claim: dict = {"@type": "Claim"}
    if article_url:
        site = urlsplit(article_url)
        claim["appearance"] = {"@type": "CreativeWork", "url": article_url}
        claim["firstAppearance"] = {"@type": "CreativeWork", "url": article_url}
        claim["author"] = {"@type": "Organization", "name": site.hostname or article_url,
                           "url": f"{site.scheme}://{site.netloc}/"}
    return claim
