"""Sources by URL, from recordings or the live web, by vcrpy's record modes.

- `none`         replay only; a URL with no recording is `not_recorded` and no request is made
- `once`         replay a URL that has a cassette; fetch and record one that has none
- `new_episodes` the same as `once` here: each URL has its own cassette
- `all`          fetch every URL live and re-record it

A live fetch that fails never overwrites a recording: the failure is reported and the
earlier recording is kept as the evidence archive.

Archive fallback (`fallback=True`): when a live fetch ends `dead` or `blocked`, the
Internet Archive snapshot nearest the claim's `as_of` is fetched with the same client
(checker.fetch.wayback) and recorded in the source URL's own cassette, marked
`X-Checker-Provenance: archived-snapshot`. It never replaces an earlier live capture or
imported copy; it may refresh an earlier archived snapshot.

Change detection: in mode `all`, each source re-fetched is compared with its earlier
recording (checker.fetch.changes) and the outcome kept in `store.changes`.

Conditional re-recording: in mode `all`, a source whose recording is a live capture of
content with an ETag or a Last-Modified header is asked for with If-None-Match /
If-Modified-Since. A 304 (NotModified) transfers no body: the recording is used as it is and
its cassette left untouched (its X-Checker-Recorded-At still says when the body was
captured), and the source is `unchanged` ("not modified (HTTP 304)"). An archived copy or
snapshot is never revalidated against the live site: its validators are not the site's.

What is recorded is first scrubbed of secrets (checker.fetch.cassette.scrub_recording), and
what the run uses is that scrubbed recording, so a replay reads what this run read.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

from checker.errors import RecordingError, UsageError
from checker.fetch import wayback
from checker.fetch.cassette import (
    Recording,
    cassette_path,
    configured_secrets,
    read_cassette,
    redact_url,
    scrub_recording,
    write_cassette,
)
from checker.fetch.changes import SourceChange, compare
from checker.fetch.http import NotModified, classify, conditional_headers
from checker.fetch.politeness import host_key
from checker.models import FailureReason, FetchFailure

RECORD_MODES = ("none", "once", "new_episodes", "all")
FALLBACK_REASONS = frozenset({FailureReason.DEAD, FailureReason.BLOCKED})
REPLAY_WORKERS = 8  # reading recordings: the work is extraction, which holds the interpreter lock
MAX_FETCH_WORKERS = 32


class Client(Protocol):
    """What the store needs of a live client. It is asked `get(url, validators=...)` only when there
    are validators to send; a client may also say its `per_host` limit (see SourceStore.workers_for)."""

    def get(self, url: str, validators: dict[str, str] | None = None) -> Recording | NotModified | FetchFailure: ...


@dataclass(frozen=True)
class Fetched:
    """A source's bytes, with the cassette they are kept in."""

    recording: Recording
    cassette: Path
    replayed: bool
    revalidated: bool = False  # the recording was confirmed current by a 304, its cassette left as it was


class SourceStore:
    """Fetches each source URL through its cassette. The live client is injected (None: offline).

    Safe to share between threads: each URL has its own cassette, and `changes` is guarded.
    """

    def __init__(self, cassettes: Path, mode: str = "none", client: Client | None = None, fallback: bool = False):
        if mode not in RECORD_MODES:
            raise UsageError(f"unknown record mode '{mode}'; use one of {', '.join(RECORD_MODES)}")
        if mode != "none" and client is None:
            raise UsageError(f"record mode '{mode}' needs a network client")
        self.cassettes = Path(cassettes)
        self.mode = mode
        self.client = client
        self.fallback = fallback
        self.secrets = configured_secrets()
        self._changes: list[SourceChange] = []
        self._lock = threading.Lock()

    @property
    def changes(self) -> tuple[SourceChange, ...]:
        """What this run found about each re-recorded source (mode `all`), in the order fetched."""
        with self._lock:
            return tuple(self._changes)

    def is_recorded(self, url: str) -> bool:
        """Whether `url` has a cassette (no network, whatever the mode)."""
        return cassette_path(self.cassettes, url, self.secrets).exists()

    def workers_for(self, urls: Iterable[str]) -> int:
        """How many of `urls` to fetch at once: two workers per request slot (a slot is one of a host's
        `per_host` requests in flight: the sum over hosts of min(limit, its URLs)), so that while one
        worker records and extracts what it fetched the other keeps the slot busy; at most one per URL
        and MAX_FETCH_WORKERS. REPLAY_WORKERS offline, or when the client does not say its limit."""
        per_host = getattr(self.client, "per_host", None) if self.mode != "none" else None
        if not isinstance(per_host, int) or per_host < 1:
            return REPLAY_WORKERS
        by_host = Counter(host_key(url) for url in urls)
        slots = sum(min(per_host, count) for count in by_host.values())
        return max(1, min(MAX_FETCH_WORKERS, 2 * slots, sum(by_host.values())))

    def fetch(self, url: str, as_of: date | None = None) -> Fetched | FetchFailure:
        """The source at `url`; `as_of` (the claim's date) picks the archived snapshot when falling back."""
        path = cassette_path(self.cassettes, url, self.secrets)
        if self.mode == "all" or (self.mode in ("once", "new_episodes") and not path.exists()):
            return self._record(url, path, as_of)
        return self._replay(url, path)

    def _replay(self, url: str, path: Path) -> Fetched | FetchFailure:
        if not path.exists():
            return FetchFailure(url, FailureReason.NOT_RECORDED,
                                "no recording")
        try:
            recording = self._recorded(url, path)
        except RecordingError as exc:
            return FetchFailure(url, FailureReason.ERROR, str(exc), recording=str(path))
        if recording is None:
            return FetchFailure(url, FailureReason.NOT_RECORDED, f"{path.name} holds no response for this URL",
                                recording=str(path))
        outcome = classify(recording)
        if isinstance(outcome, FetchFailure):
            return FetchFailure(url, outcome.reason, f"{outcome.detail} (recorded)", recording=str(path))
        return Fetched(recording, path, replayed=True)

    def _recorded(self, url: str, path: Path) -> Recording | None:
        """The response recorded for `url` in `path` (matched on the scrubbed URL); raises RecordingError."""
        wanted = redact_url(url, self.secrets)
        for recording in read_cassette(path):
            if redact_url(recording.url, self.secrets) == wanted:
                return recording
        return None

    def _record(self, url: str, path: Path, as_of: date | None) -> Fetched | FetchFailure:
        assert self.client is not None
        earlier = self._earlier(url, path)
        validators = revalidation_headers(earlier) if self.mode == "all" else {}
        outcome = self.client.get(url, validators=validators) if validators else self.client.get(url)
        if isinstance(outcome, NotModified):
            if earlier is None or not validators:
                outcome = FetchFailure(url, FailureReason.ERROR, "HTTP 304 to a request that was not conditional")
            else:
                self._note(compare(url, earlier, outcome))
                return Fetched(earlier, path, replayed=True, revalidated=True)
        if isinstance(outcome, FetchFailure) and self._may_fall_back(outcome, earlier):
            outcome = self._snapshot(url, as_of, outcome)
        if isinstance(outcome, Recording):
            outcome = scrub_recording(outcome, self.secrets)
        if self.mode == "all" and (earlier is not None or path.exists()):
            self._note(compare(url, earlier, outcome))
        elif self.mode == "all" and isinstance(outcome, Recording):
            self._note(compare(url, None, outcome))
        if isinstance(outcome, FetchFailure):
            kept = str(path) if path.exists() else ""
            return FetchFailure(url, outcome.reason, outcome.detail, recording=kept)
        write_cassette(path, [outcome], self.secrets)
        return Fetched(outcome, path, replayed=False)

    def _earlier(self, url: str, path: Path) -> Recording | None:
        if not path.exists():
            return None
        try:
            return self._recorded(url, path)
        except RecordingError:
            return None

    def _may_fall_back(self, failure: FetchFailure, earlier: Recording | None) -> bool:
        if not self.fallback or failure.reason not in FALLBACK_REASONS:
            return False
        return earlier is None or earlier.provenance.get("provenance") == wayback.PROVENANCE

    def _snapshot(self, url: str, as_of: date | None, live: FetchFailure) -> Recording | FetchFailure:
        assert self.client is not None
        snapshot = wayback.fetch_snapshot(url, as_of, self.client.get)
        if isinstance(snapshot, FetchFailure):
            return FetchFailure(url, live.reason, f"{live.detail}; archive fallback: {snapshot.detail}")
        return snapshot

    def _note(self, change: SourceChange | None) -> None:
        if change is not None:
            with self._lock:
                self._changes.append(change)


def revalidation_headers(recording: Recording | None) -> dict[str, str]:
    """The conditional headers to re-fetch a source with: its recording's validators when that is a
    live capture of content ({} for none, a failure, an archived copy or an archived snapshot)."""
    if recording is None or recording.provenance.get("provenance", "live") != "live":
        return {}
    if isinstance(classify(recording), FetchFailure):
        return {}
    return conditional_headers(recording)


def store_archived_copy(cassettes: Path, recording: Recording) -> Path:
    """Record an archived copy as the response for its URL (what `checker import` does)."""
    path = cassette_path(Path(cassettes), recording.url)
    write_cassette(path, [recording])
    return path
