"""One matcher per claim kind. Each is a pure function `match(claim, document) -> Finding`."""

from __future__ import annotations

from collections.abc import Callable

from checker.match import attribution, number, quote, statement, wording
from checker.models import Claim, Document, Finding, Kind

Matcher = Callable[[Claim, Document], Finding]

MATCHERS: dict[Kind, Matcher] = {
    Kind.AMOUNT: number.match,
    Kind.COUNT: number.match,
    Kind.ORDINAL: number.match,
    Kind.QUOTE: quote.match,
    Kind.WORDING: wording.match,
    Kind.STATEMENT: statement.match,
    Kind.ATTRIBUTION: attribution.match,
}


def match(claim: Claim, document: Document) -> Finding:
    """What `document` says about `claim`, by the matcher for the claim's kind."""
    return MATCHERS[claim.kind](claim, document)
