"""`check_text`: the matching and verdict logic on one claim and one text, no network, no files."""

from __future__ import annotations

from datetime import date

from checker.extract.text import paragraph_spans
from checker.match import match
from checker.models import Claim, Document, Kind, Passage, Result, SourceCheck
from checker.verdict import decide


def check_text(
    claim: str,
    text: str,
    kind: str | Kind = "statement",
    *,
    expected: str = "",
    subject: str = "",
    speaker: str = "",
    url: str = "text:",
    as_of: date | None = None,
    id: str = "claim",
) -> Result:
    """Check `claim` against `text` as if `text` were its one source.

    >>> check_text("the memo authorises $600 million", "a drawdown of up to $600 million",
    ...            kind="amount", expected="$600 million", subject="drawdown").verdict.value
    'supported'
    """
    the_claim = Claim(id=id, claim=claim, kind=Kind(kind), expected=expected, subject=subject,
                      speaker=speaker, sources=(url,), as_of=as_of)
    document = Document(url=url, text=text, passages=_paragraphs(text))
    finding = match(the_claim, document)
    return decide(the_claim, (SourceCheck(url, "ok", finding=finding),))


def _paragraphs(text: str) -> tuple[Passage, ...]:
    """Paragraph passages over `text` as given: offsets index the caller's own string."""
    return tuple(Passage(text[start:end], start, end, f"para {number}")
                 for number, (start, end) in enumerate(paragraph_spans(text), start=1))
