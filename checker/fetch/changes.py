"""What a re-recording run found about each source, against its earlier recording. Pure: no I/O.

A source is `unchanged` (same body hash), `changed` (another hash; a short diff of the
extracted text says how), `newly_failing` (it was read before and now fails; the old
recording is kept), `recovered` (its recording was a failure, now it reads) or `new` (no
recording before). The hash compared is the old recording's X-Checker-Content-Sha256,
the hash of the body as stored, and the new body's hash after the same scrubbing.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import asdict, dataclass

from checker.extract import UnsupportedContent, extract_text
from checker.fetch.cassette import HEADER_PREFIX, Recording, header, sha256
from checker.fetch.http import NotModified, classify
from checker.models import FetchFailure

STATUSES = ("unchanged", "changed", "newly_failing", "new", "recovered")
MAX_DIFF_LINES = 12
MAX_LINE_WIDTH = 160

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")


@dataclass(frozen=True)
class SourceChange:
    url: str
    status: str  # one of STATUSES
    detail: str = ""
    diff: str = ""

    def as_dict(self) -> dict[str, str]:
        return asdict(self)

    def describe(self) -> str:
        """One line for a person: '<status>  <url>  (<detail>)'."""
        return f"{self.status:<13}  {self.url}" + (f"  ({self.detail})" if self.detail else "")


def compare(url: str, old: Recording | None, new: Recording | NotModified | FetchFailure) -> SourceChange | None:
    """How `new` differs from the earlier recording `old` (None: there was none, and the fetch failed)."""
    if isinstance(new, NotModified):
        return SourceChange(url, "unchanged", _not_modified(old))
    old_outcome = classify(old) if old is not None else None
    if isinstance(new, FetchFailure):
        failure = f"{new.reason.value}: {new.detail}" if new.detail else new.reason.value
        if old_outcome is None:
            return None
        if isinstance(old_outcome, FetchFailure):
            return SourceChange(url, "unchanged", f"still failing ({failure})")
        return SourceChange(url, "newly_failing", f"{failure}; the earlier recording is kept")
    if old is None:
        return SourceChange(url, "new", _origin(new))
    if isinstance(old_outcome, FetchFailure):
        return SourceChange(url, "recovered", _join(f"was {old_outcome.reason.value}: {old_outcome.detail}",
                                                    _origin(new)))
    old_hash = recorded_hash(old)
    new_hash = sha256(new.body)
    if old_hash == new_hash:
        return SourceChange(url, "unchanged", _origin(new))
    return SourceChange(url, "changed", _join(f"sha256 {old_hash[:12]} -> {new_hash[:12]}", _origin(new)),
                        text_diff(_text(old), _text(new)))


def recorded_hash(recording: Recording) -> str:
    """The body hash the recording states, else the hash of its body."""
    return header(recording.headers, f"{HEADER_PREFIX}Content-Sha256") or sha256(recording.body)


def text_diff(old: str, new: str, max_lines: int = MAX_DIFF_LINES, width: int = MAX_LINE_WIDTH) -> str:
    """A short diff of two texts, sentence by sentence: `-`/`+` lines only, capped in number and width."""
    changed = [
        line for line in difflib.unified_diff(_sentences(old), _sentences(new), lineterm="", n=0)
        if line[:1] in "-+" and not line.startswith(("---", "+++"))
    ]
    shown = [_clip(line, width) for line in changed[:max_lines]]
    if len(changed) > max_lines:
        shown.append(f"… {len(changed) - max_lines} more changed line(s)")
    return "\n".join(shown)


def _sentences(text: str) -> list[str]:
    return [sentence for line in text.splitlines() for sentence in _SENTENCE_END.split(line.strip()) if sentence]


def _clip(line: str, width: int) -> str:
    return line if len(line) <= width else line[: width - 1] + "…"


def _text(recording: Recording) -> str:
    try:
        return extract_text(recording.body, recording.content_type, recording.url)
    except UnsupportedContent:
        return f"({recording.content_type}: no text to compare)"


def _not_modified(old: Recording | None) -> str:
    recorded_at = old.provenance.get("recorded-at", "") if old is not None else ""
    kept = f"the recording of {recorded_at} is kept" if recorded_at else "the recording is kept"
    return f"not modified (HTTP 304); {kept}"


def _origin(recording: Recording) -> str:
    """Where the new recording came from, when it is not a live capture."""
    provenance = recording.provenance
    if provenance.get("provenance") == "archived-snapshot":
        return f"from archived snapshot {provenance.get('snapshot-timestamp', '')}".strip()
    return ""


def _join(*parts: str) -> str:
    return "; ".join(part for part in parts if part)
