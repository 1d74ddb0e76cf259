"""The values that flow between the stages. No I/O here.

claims.csv -> Claim -> (fetch) Document | FetchFailure -> (match) Finding -> (verdict) Result
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property


class Kind(StrEnum):
    """What sort of claim a row makes; picks the matcher."""

    AMOUNT = "amount"
    COUNT = "count"
    ORDINAL = "ordinal"
    QUOTE = "quote"
    WORDING = "wording"
    STATEMENT = "statement"
    ATTRIBUTION = "attribution"


class Verdict(StrEnum):
    """The verdict vocabulary of DESIGN section 4, mildest doubt last."""

    SUPPORTED = "supported"
    PARTIALLY_SUPPORTED = "partially_supported"
    CONTRADICTED = "contradicted"
    NOT_FOUND = "not_found"
    SOURCE_UNAVAILABLE = "source_unavailable"
    NEEDS_REVIEW = "needs_review"


class FailureReason(StrEnum):
    """Why a source could not be read. Stable slugs: reports and scripts key on them."""

    BLOCKED = "blocked"  # 401/403, a bot challenge page
    DEAD = "dead"  # 404/410, DNS failure
    ERROR = "error"  # timeout, 5xx, TLS, too large, unreadable content
    ROBOTS = "robots"  # disallowed by robots.txt
    NOT_RECORDED = "not_recorded"  # replay only, and no recording of this URL
    REFUSED = "refused"  # a URL the guards refuse (scheme, private address)
    NO_SOURCE = "no_source"  # the claim names no source at all


@dataclass(frozen=True)
class Claim:
    """One validated row of claims.csv. `row` is the 1-based line in the file (header is 1)."""

    id: str
    claim: str
    kind: Kind
    expected: str = ""
    subject: str = ""
    speaker: str = ""
    sources: tuple[str, ...] = ()
    as_of: date | None = None
    notes: str = ""
    language: str = ""  # the language a quote was spoken in, when not English: its words are a translation
    row: int = 0

    @property
    def translated(self) -> bool:
        """Whether the quoted words are a translation (any English wording is then one of several)."""
        return self.language.lower() not in ("", "en", "eng", "english")

    @property
    def target(self) -> str:
        """The text a matcher looks for: `expected` when given, else the claim itself."""
        return self.expected or self.claim


@dataclass(frozen=True)
class Passage:
    """A unit of a document's text (a paragraph, a bill section, a page).

    `start`/`end` are character offsets into `Document.text`, so
    `document.text[start:end] == passage.text`.
    """

    text: str
    start: int
    end: int
    locator: str


@dataclass(frozen=True)
class Document:
    """A source's text as extracted, with the passages that give locators."""

    url: str
    text: str
    passages: tuple[Passage, ...] = ()
    content_type: str = "text/plain"
    title: str = ""
    recording: str = ""  # path of the cassette the bytes came from
    provenance: dict[str, str] = field(default_factory=dict)

    def locate(self, offset: int) -> str:
        """The locator of the passage holding `offset` ('' if none does); the first such, in order."""
        starts = self._passage_starts
        if starts is None:
            return next((p.locator for p in self.passages if p.start <= offset < p.end), "")
        at = bisect_right(starts, offset) - 1
        if at >= 0 and offset < self.passages[at].end:
            return self.passages[at].locator
        return ""

    @cached_property
    def _passage_starts(self) -> list[int] | None:
        """The passages' starts when they are in order and do not overlap (then `locate` bisects), else None.

        Cached in the instance's __dict__, which a frozen dataclass allows; not a field.
        """
        passages = self.passages
        if any(a.start > b.start or a.end > b.start for a, b in zip(passages, passages[1:])):
            return None
        return [passage.start for passage in passages]


@dataclass(frozen=True)
class FetchFailure:
    """A source that could not be read, as data."""

    url: str
    reason: FailureReason
    detail: str = ""
    recording: str = ""


@dataclass(frozen=True)
class Evidence:
    """A passage of a source that bears on a claim. Offsets index `Document.text`."""

    url: str
    text: str
    start: int
    end: int
    locator: str = ""
    note: str = ""  # what differs, e.g. "altered words: 'we are' -> 'we're'"
    before: str = ""  # the source's text just before the span, for reading it in context
    after: str = ""  # and just after it


@dataclass(frozen=True)
class Finding:
    """What one matcher concluded about one claim from one document."""

    verdict: Verdict
    score: float
    reason: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class SourceCheck:
    """One source of a claim: whether it could be read, and what it showed."""

    url: str
    status: str  # "ok" or a FailureReason value
    detail: str = ""
    recording: str = ""
    provenance: dict[str, str] = field(default_factory=dict)
    finding: Finding | None = None


@dataclass(frozen=True)
class Result:
    """The verdict on one claim, with the evidence of every source kept."""

    claim: Claim
    verdict: Verdict
    score: float
    reason: str
    evidence: tuple[Evidence, ...] = ()
    sources: tuple[SourceCheck, ...] = ()
