"""`check_text`: the matching and verdict logic on one claim and one text, no network, no files."""

from __future__ import annotations

from datetime import date

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
    passages = []
    start = 0
    for number, block in enumerate(text.split("\n\n"), start=1):
        end = start + len(block)
        if block.strip():
            passages.append(Passage(block, start, end, f"para {len(passages) + 1}"))
        start = end + 2
    return tuple(passages)
