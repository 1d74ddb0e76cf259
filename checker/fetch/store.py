"""Sources by URL, from recordings or the live web, by vcrpy's record modes.

- `none`         replay only; a URL with no recording is `not_recorded` and no request is made
- `once`         replay a URL that has a cassette; fetch and record one that has none
- `new_episodes` the same as `once` here: each URL has its own cassette
- `all`          fetch every URL live and re-record it

A live fetch that fails never overwrites a recording: the failure is reported and the
earlier recording is kept as the evidence archive.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from checker.errors import RecordingError, UsageError
from checker.fetch.cassette import Recording, cassette_path, read_cassette, write_cassette
from checker.fetch.http import classify
from checker.models import FailureReason, FetchFailure

RECORD_MODES = ("none", "once", "new_episodes", "all")


class Client(Protocol):
    def get(self, url: str) -> Recording | FetchFailure: ...


@dataclass(frozen=True)
class Fetched:
    """A source's bytes, with the cassette they are kept in."""

    recording: Recording
    cassette: Path
    replayed: bool


class SourceStore:
    """Fetches each source URL through its cassette. The live client is injected (None: offline)."""

    def __init__(self, cassettes: Path, mode: str = "none", client: Client | None = None):
        if mode not in RECORD_MODES:
            raise UsageError(f"unknown record mode '{mode}'; use one of {', '.join(RECORD_MODES)}")
        if mode != "none" and client is None:
            raise UsageError(f"record mode '{mode}' needs a network client")
        self.cassettes = Path(cassettes)
        self.mode = mode
        self.client = client

    def fetch(self, url: str) -> Fetched | FetchFailure:
        path = cassette_path(self.cassettes, url)
        if self.mode == "all" or (self.mode in ("once", "new_episodes") and not path.exists()):
            return self._record(url, path)
        return self._replay(url, path)

    def _replay(self, url: str, path: Path) -> Fetched | FetchFailure:
        if not path.exists():
            return FetchFailure(url, FailureReason.NOT_RECORDED,
                                "no recording; run with --record once to fetch it, or `checker import` a copy")
        try:
            recordings = read_cassette(path)
        except RecordingError as exc:
            return FetchFailure(url, FailureReason.ERROR, str(exc), recording=str(path))
        for recording in recordings:
            if recording.url == url:
                outcome = classify(recording)
                if isinstance(outcome, FetchFailure):
                    return FetchFailure(url, outcome.reason, f"{outcome.detail} (recorded)", recording=str(path))
                return Fetched(recording, path, replayed=True)
        return FetchFailure(url, FailureReason.NOT_RECORDED, f"{path.name} holds no response for this URL",
                            recording=str(path))

    def _record(self, url: str, path: Path) -> Fetched | FetchFailure:
        assert self.client is not None
        outcome = self.client.get(url)
        if isinstance(outcome, FetchFailure):
            kept = str(path) if path.exists() else ""
            return FetchFailure(url, outcome.reason, outcome.detail, recording=kept)
        write_cassette(path, [outcome])
        return Fetched(outcome, path, replayed=False)


def store_archived_copy(cassettes: Path, recording: Recording) -> Path:
    """Record an archived copy as the response for its URL (what `checker import` does)."""
    path = cassette_path(Path(cassettes), recording.url)
    write_cassette(path, [recording])
    return path
