from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest

from checker.errors import UsageError
from checker.fetch.cassette import Recording, cassette_path, sha256, write_cassette
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


# Archive fallback. The availability answers and pages below are SYNTHETIC, in the documented shape.

SNAPSHOT_API = "https://archive.org/wayback/available?url=https%3A%2F%2Fwww.example.gov%2Frelease&timestamp=20220915"
SNAPSHOT_RAW = "https://web.archive.org/web/20220914093000id_/https://www.example.gov/release"
AVAILABLE = (b'{"archived_snapshots": {"closest": {"available": true, "status": "200", "timestamp": "20220914093000", '
             b'"url": "http://web.archive.org/web/20220914093000/https://www.example.gov/release"}}}')


class RoutedClient:
    """Answers each URL with its canned outcome (a 404 for others), and counts the calls."""

    def __init__(self, routes):
        self.routes = routes
        self.calls: list[str] = []

    def get(self, url):
        self.calls.append(url)
        return self.routes.get(url, Recording(url, 404, {}, b"not here"))


def archive_routes(live):
    return {
        URL: live,
        SNAPSHOT_API: Recording(SNAPSHOT_API, 200, {"Content-Type": "application/json"}, AVAILABLE),
        SNAPSHOT_RAW: Recording(SNAPSHOT_RAW, 200, {"Content-Type": "text/plain"}, b"as archived"),
    }


def test_a_dead_source_falls_back_to_its_snapshot_recorded_under_its_own_url(tmp_path):
    client = RoutedClient(archive_routes(FetchFailure(URL, FailureReason.DEAD, "HTTP 404")))

    outcome = SourceStore(tmp_path, "once", client, fallback=True).fetch(URL, as_of=date(2022, 9, 15))
    replayed = SourceStore(tmp_path, "none").fetch(URL)

    assert client.calls == [URL, SNAPSHOT_API, SNAPSHOT_RAW]
    assert isinstance(outcome, Fetched) and outcome.cassette == cassette_path(tmp_path, URL)
    assert replayed.recording.body == b"as archived"
    assert replayed.recording.provenance["provenance"] == "archived-snapshot"
    assert replayed.recording.provenance["snapshot-timestamp"] == "20220914093000"
    assert replayed.recording.provenance["snapshot-url"] == SNAPSHOT_RAW


def test_without_fallback_a_dead_source_is_only_dead(tmp_path):
    client = RoutedClient(archive_routes(FetchFailure(URL, FailureReason.DEAD, "HTTP 404")))

    outcome = SourceStore(tmp_path, "once", client).fetch(URL, as_of=date(2022, 9, 15))

    assert outcome == FetchFailure(URL, FailureReason.DEAD, "HTTP 404")
    assert client.calls == [URL]


def test_a_source_that_times_out_does_not_fall_back(tmp_path):
    client = RoutedClient(archive_routes(FetchFailure(URL, FailureReason.ERROR, "timed out reading")))

    SourceStore(tmp_path, "once", client, fallback=True).fetch(URL)

    assert client.calls == [URL]


def test_when_the_archive_has_nothing_the_live_failure_says_so(tmp_path):
    routes = archive_routes(FetchFailure(URL, FailureReason.BLOCKED, "HTTP 403"))
    routes[SNAPSHOT_API] = Recording(SNAPSHOT_API, 200, {}, b'{"archived_snapshots": {}}')

    outcome = SourceStore(tmp_path, "once", RoutedClient(routes), fallback=True).fetch(URL, date(2022, 9, 15))

    assert outcome == FetchFailure(URL, FailureReason.BLOCKED,
                                   "HTTP 403; archive fallback: the Internet Archive has no snapshot")
    assert not cassette_path(tmp_path, URL).exists()


def test_a_snapshot_never_replaces_an_earlier_live_capture(tmp_path):
    write_cassette(cassette_path(tmp_path, URL), [page(b"as it was")])
    client = RoutedClient(archive_routes(FetchFailure(URL, FailureReason.DEAD, "HTTP 404")))

    outcome = SourceStore(tmp_path, "all", client, fallback=True).fetch(URL, date(2022, 9, 15))

    assert outcome.reason is FailureReason.DEAD
    assert client.calls == [URL]
    assert SourceStore(tmp_path, "none").fetch(URL).recording.body == b"as it was"


def test_mode_none_never_calls_the_client_even_with_fallback(tmp_path):
    client = RoutedClient({})

    outcome = SourceStore(tmp_path, "none", client, fallback=True).fetch(URL, date(2022, 9, 15))

    assert outcome.reason is FailureReason.NOT_RECORDED
    assert client.calls == []


# Change detection when re-recording.

def test_re_recording_reports_each_source_as_unchanged_changed_or_newly_failing(tmp_path):
    urls = {name: f"https://www.example.gov/{name}" for name in ("same", "edited", "gone", "fresh")}
    for name in ("same", "edited", "gone"):
        write_cassette(cassette_path(tmp_path, urls[name]),
                       [Recording(urls[name], 200, {"Content-Type": "text/plain"}, b"The vote was 21 to 1.")])
    client = RoutedClient({
        urls["same"]: Recording(urls["same"], 200, {"Content-Type": "text/plain"}, b"The vote was 21 to 1."),
        urls["edited"]: Recording(urls["edited"], 200, {"Content-Type": "text/plain"}, b"The vote was 20 to 2."),
        urls["gone"]: FetchFailure(urls["gone"], FailureReason.DEAD, "HTTP 410"),
        urls["fresh"]: Recording(urls["fresh"], 200, {"Content-Type": "text/plain"}, b"New."),
    })
    store = SourceStore(tmp_path, "all", client)
    hashes = f"sha256 {sha256(b'The vote was 21 to 1.')[:12]} -> {sha256(b'The vote was 20 to 2.')[:12]}"

    for url in urls.values():
        store.fetch(url)

    assert [(c.url, c.status, c.detail, c.diff) for c in store.changes] == [
        (urls["same"], "unchanged", "", ""),
        (urls["edited"], "changed", hashes,
         "-The vote was 21 to 1.\n+The vote was 20 to 2."),
        (urls["gone"], "newly_failing", "dead: HTTP 410; the earlier recording is kept", ""),
        (urls["fresh"], "new", "", ""),
    ]
    assert SourceStore(tmp_path, "none").fetch(urls["gone"]).recording.body == b"The vote was 21 to 1."


def test_only_re_recording_reports_changes(tmp_path):
    store = SourceStore(tmp_path, "once", FakeClient(page()))

    store.fetch(URL)

    assert store.changes == ()


def test_changes_are_collected_from_many_threads(tmp_path):
    urls = [f"https://www.example.gov/page/{n}" for n in range(40)]
    client = RoutedClient({url: Recording(url, 200, {"Content-Type": "text/plain"}, b"text") for url in urls})
    store = SourceStore(tmp_path, "all", client)

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(store.fetch, urls))

    assert sorted(change.url for change in store.changes) == sorted(urls)
    assert {change.status for change in store.changes} == {"new"}
