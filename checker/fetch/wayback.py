"""Archive fallback: the Internet Archive's snapshot of a source nearest the claim's date.

The Wayback Machine availability API (https://archive.org/help/wayback_api.php):

    GET https://archive.org/wayback/available?url=<URL>&timestamp=<YYYYMMDDhhmmss, any prefix>

answers `{"archived_snapshots": {"closest": {"available": true, "url": "http://web.archive.org/web/
20130919044612/http://example.com/", "timestamp": "20130919044612", "status": "200"}}}`, or
`{"archived_snapshots": {}}` when it has none. The closest snapshot may lie on either side of the
timestamp: the documented API has no "before only" option. So checker asks with the claim's
`as_of` date and, when the snapshot it gets was taken after that date, says so in the
recording (`X-Checker-Note`), for a person to weigh.

The snapshot is fetched in its raw form, `https://web.archive.org/web/<timestamp>id_/<url>`:
the page as it was captured, without the Wayback toolbar or rewritten links. A snapshot whose
capture is not a 200, or whose body is a bot challenge, an archived "not found" page or the
Wayback Machine's own error page, is a failure, never content.

A URL that carries a credential (an API key in its query) is never sent to the archive.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from checker.errors import CheckerError
from checker.fetch.cassette import HEADER_PREFIX, Recording, redact_url, sha256
from checker.fetch.http import classify
from checker.models import FailureReason, FetchFailure

AVAILABILITY_API = "https://archive.org/wayback/available"
PROVENANCE = "archived-snapshot"

Get = Callable[[str], "Recording | FetchFailure"]

_SNAPSHOT_URL = re.compile(r"^https?://web\.archive\.org/web/(\d{1,14})(?:[a-z]{2}_)?/(.+)$")
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_NOT_FOUND_TITLE = re.compile(rb"\b(404|410|page not found|not found|file not found|page cannot be found)\b",
                              re.IGNORECASE)
_WAYBACK_ERROR_MARKERS = (
    b"wayback machine doesn't have that page archived",
    b"hrm. wayback machine has not archived that url",
    b"this url has been excluded from the wayback machine",
    b"displayed due to robots.txt",
)


class ArchiveLookupError(CheckerError):
    """The availability API answered something that is not its JSON."""


@dataclass(frozen=True)
class Snapshot:
    """The closest capture the availability API names."""

    url: str
    timestamp: str  # YYYYMMDDhhmmss
    status: str  # the HTTP status of the captured response, as the API gives it ("200", "404", ...)
    available: bool = True

    @property
    def raw_url(self) -> str:
        """The capture as it was recorded, without the Wayback toolbar (the `id_` form)."""
        found = _SNAPSHOT_URL.match(self.url)
        original = found.group(2) if found else self.url
        return f"https://web.archive.org/web/{self.timestamp}id_/{original}"

    @property
    def captured_on(self) -> date | None:
        try:
            return date(int(self.timestamp[:4]), int(self.timestamp[4:6]), int(self.timestamp[6:8]))
        except ValueError:
            return None


def availability_url(url: str, as_of: date | None) -> str:
    """The availability API query for `url`, nearest `as_of` (the most recent capture when None)."""
    query = f"{AVAILABILITY_API}?url={quote(url, safe='')}"
    if as_of is not None:
        query += f"&timestamp={as_of:%Y%m%d}"
    return query


def parse_availability(body: bytes) -> Snapshot | None:
    """The closest snapshot in an availability API answer; None when it names none.

    Raises ArchiveLookupError when the body is not the API's JSON.
    """
    try:
        data = json.loads(body.decode("utf-8"))
        closest = data["archived_snapshots"].get("closest")
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ArchiveLookupError(f"not an availability API answer ({type(exc).__name__})") from None
    if not isinstance(closest, dict) or not closest.get("url") or not closest.get("timestamp"):
        return None
    return Snapshot(
        url=str(closest["url"]),
        timestamp=str(closest["timestamp"]),
        status=str(closest.get("status", "")),
        available=closest.get("available") is True,
    )


def fetch_snapshot(url: str, as_of: date | None, get: Get) -> Recording | FetchFailure:
    """The archived snapshot of `url` nearest `as_of`, as a recording of `url` that says it is a snapshot.

    `get` is the live client's GET (HttpClient.get); every failure is a FetchFailure of `url`.
    """
    if redact_url(url) != url:
        return FetchFailure(url, FailureReason.REFUSED, "not looked up in the archive: the URL carries a credential")
    answer = get(availability_url(url, as_of))
    if isinstance(answer, FetchFailure):
        return FetchFailure(url, FailureReason.ERROR, f"archive lookup failed: {answer.reason.value}: {answer.detail}")
    if answer.status != 200:
        return FetchFailure(url, FailureReason.ERROR, f"archive lookup failed: HTTP {answer.status}")
    try:
        snapshot = parse_availability(answer.body)
    except ArchiveLookupError as exc:
        return FetchFailure(url, FailureReason.ERROR, f"archive lookup failed: {exc}")
    if snapshot is None:
        return FetchFailure(url, FailureReason.DEAD, "the Internet Archive has no snapshot")
    if not snapshot.available or snapshot.status != "200":
        return FetchFailure(url, FailureReason.DEAD,
                            f"the closest snapshot ({snapshot.timestamp}) is not a readable page "
                            f"(captured status {snapshot.status or 'unknown'})")
    fetched = get(snapshot.raw_url)
    if isinstance(fetched, FetchFailure):
        return FetchFailure(url, fetched.reason, f"snapshot {snapshot.timestamp}: {fetched.detail}")
    rejection = snapshot_problem(fetched)
    if rejection:
        return FetchFailure(url, rejection[0], f"snapshot {snapshot.timestamp}: {rejection[1]}")
    return as_source_recording(url, fetched, snapshot, as_of)


def snapshot_problem(recording: Recording) -> tuple[FailureReason, str] | None:
    """Why a fetched snapshot is not the source's content (None when it is)."""
    outcome = classify(recording)
    if isinstance(outcome, FetchFailure):
        return outcome.reason, outcome.detail
    head = recording.body[:20000]
    if any(marker in head.lower() for marker in _WAYBACK_ERROR_MARKERS):
        return FailureReason.DEAD, "the Wayback Machine's own error page"
    title = _TITLE.search(head)
    if title and _NOT_FOUND_TITLE.search(title.group(1)):
        return FailureReason.DEAD, "an archived 'not found' page"
    return None


def as_source_recording(url: str, fetched: Recording, snapshot: Snapshot, as_of: date | None) -> Recording:
    """The snapshot's response recorded as the source's own URL, its provenance in X-Checker-* headers."""
    headers = {name: value for name, value in fetched.headers.items()
               if not name.lower().startswith(HEADER_PREFIX.lower())}
    headers[f"{HEADER_PREFIX}Recorded-At"] = fetched.headers.get(f"{HEADER_PREFIX}Recorded-At", "")
    headers[f"{HEADER_PREFIX}Content-Sha256"] = sha256(fetched.body)
    headers[f"{HEADER_PREFIX}Provenance"] = PROVENANCE
    headers[f"{HEADER_PREFIX}Snapshot-Url"] = snapshot.raw_url
    headers[f"{HEADER_PREFIX}Snapshot-Timestamp"] = snapshot.timestamp
    if as_of is not None:
        headers[f"{HEADER_PREFIX}Snapshot-Requested"] = as_of.isoformat()
        note = _timing_note(snapshot, as_of)
        if note:
            headers[f"{HEADER_PREFIX}Note"] = note
    if not headers[f"{HEADER_PREFIX}Recorded-At"]:
        del headers[f"{HEADER_PREFIX}Recorded-At"]
    return Recording(url, fetched.status, headers, fetched.body, fetched.message or "OK", fetched.request_headers)


def _timing_note(snapshot: Snapshot, as_of: date) -> str:
    captured = snapshot.captured_on
    if captured is None or captured <= as_of:
        return ""
    days = (captured - as_of).days
    return (f"archived snapshot taken {days} day{'s' if days != 1 else ''} after the claim's date "
            f"{as_of.isoformat()}; the page may have changed in between")
