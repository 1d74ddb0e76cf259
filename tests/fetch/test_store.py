from pathlib import Path

import pytest

from checker.errors import UsageError
from checker.fetch.cassette import Recording, cassette_path, write_cassette
from checker.fetch.store import Fetched, SourceStore
from checker.models import FailureReason, FetchFailure

URL = "https://www.example.gov/release"


class FakeClient:
    """Answers every GET with the outcome it was given, and counts the calls."""

    def __init__(self, outcome):
        self.outcome = outcome
        self.calls: list[str] = []

    def get(self, url):
        self.calls.append(url)
        return self.outcome


def page(body: bytes = b"live text") -> Recording:
    return Recording(URL, 200, {"Content-Type": "text/plain"}, body)


def test_replay_only_never_calls_the_network_and_says_not_recorded(tmp_path):
    outcome = SourceStore(tmp_path, "none").fetch(URL)

    assert isinstance(outcome, FetchFailure)
    assert outcome.reason is FailureReason.NOT_RECORDED


def test_once_records_a_missing_source_then_replays_it(tmp_path):
    client = FakeClient(page())
    store = SourceStore(tmp_path, "once", client)

    first = store.fetch(URL)
    second = store.fetch(URL)

    assert isinstance(first, Fetched) and not first.replayed
    assert isinstance(second, Fetched) and second.replayed
    assert second.recording.body == b"live text"
    assert client.calls == [URL]
    assert cassette_path(tmp_path, URL).exists()


def test_all_re_records_but_a_failing_source_keeps_its_old_recording(tmp_path):
    path = cassette_path(tmp_path, URL)
    write_cassette(path, [page(b"as it was")])
    blocked = FetchFailure(URL, FailureReason.BLOCKED, "HTTP 403")

    outcome = SourceStore(tmp_path, "all", FakeClient(blocked)).fetch(URL)

    assert outcome == FetchFailure(URL, FailureReason.BLOCKED, "HTTP 403", recording=str(path))
    assert SourceStore(tmp_path, "none").fetch(URL).recording.body == b"as it was"


def test_a_recorded_failure_replays_as_that_failure(tmp_path):
    write_cassette(cassette_path(tmp_path, URL), [Recording(URL, 403, {}, b"Access Denied")])

    outcome = SourceStore(tmp_path, "none").fetch(URL)

    assert (outcome.reason, outcome.detail) == (FailureReason.BLOCKED, "HTTP 403 (recorded)")


def test_a_corrupt_cassette_is_an_error_value_not_a_crash(tmp_path):
    path = cassette_path(tmp_path, URL)
    path.parent.mkdir(parents=True)
    path.write_text("interactions: [not: a: cassette", encoding="utf-8")

    outcome = SourceStore(tmp_path, "none").fetch(URL)

    assert outcome.reason is FailureReason.ERROR
    assert "cannot read the recording" in outcome.detail


def test_an_unknown_mode_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown record mode 'sometimes'"):
        SourceStore(Path("."), "sometimes")
