"""Archive fallback against a fake transport: plain functions answer each GET.

Every availability answer and snapshot body here is SYNTHETIC, written for these tests in
the shape of the documented API answer (https://archive.org/help/wayback_api.php).
"""

from datetime import date

import pytest

from checker.fetch.cassette import Recording, sha256
from checker.fetch.wayback import (
    ArchiveLookupError,
    Snapshot,
    availability_url,
    fetch_snapshot,
    parse_availability,
)
from checker.models import FailureReason, FetchFailure

SOURCE = "https://www.defense.gov/News/Releases/Release/Article/3160011/"
API = ("https://archive.org/wayback/available?url=https%3A%2F%2Fwww.defense.gov%2FNews%2FReleases%2FRelease"
       "%2FArticle%2F3160011%2F&timestamp=20220915")
RAW = "https://web.archive.org/web/20220915183012id_/https://www.defense.gov/News/Releases/Release/Article/3160011/"
PAGE = b"<html><head><title>$600 Million in Additional Security Assistance</title></head><body><p>SYNTHETIC.</p>"


def availability(timestamp: str = "20220915183012", status: str = "200", available: str = "true") -> bytes:
    """A SYNTHETIC availability API answer naming one closest snapshot."""
    return (f'{{"url": "{SOURCE}", "archived_snapshots": {{"closest": {{"status": "{status}", '
            f'"available": {available}, "url": "http://web.archive.org/web/{timestamp}/{SOURCE}", '
            f'"timestamp": "{timestamp}"}}}}, "timestamp": "20220915"}}').encode()


def answers(routes: dict[str, Recording | FetchFailure]):
    """A fake GET: the canned outcome for each URL, a 404 for any other, and the URLs asked, in order."""
    asked: list[str] = []

    def get(url: str) -> Recording | FetchFailure:
        asked.append(url)
        return routes.get(url, Recording(url, 404, {}, b"not here"))

    return get, asked


def ok(url: str, body: bytes, content_type: str = "application/json") -> Recording:
    return Recording(url, 200, {"Content-Type": content_type, "X-Checker-Provenance": "live",
                                "X-Checker-Recorded-At": "2024-05-01T10:00:00+00:00"}, body)


def test_the_query_names_the_url_encoded_and_the_claims_date():
    assert availability_url(SOURCE, date(2022, 9, 15)) == API
    assert availability_url("https://x.example/a?b=1&c=2", None) == (
        "https://archive.org/wayback/available?url=https%3A%2F%2Fx.example%2Fa%3Fb%3D1%26c%3D2")


def test_the_closest_snapshot_is_read_from_the_answer():
    assert parse_availability(availability()) == Snapshot(
        f"http://web.archive.org/web/20220915183012/{SOURCE}", "20220915183012", "200", True)
    assert parse_availability(b'{"archived_snapshots": {}}') is None


def test_an_answer_that_is_not_the_apis_json_is_an_error():
    with pytest.raises(ArchiveLookupError, match="not an availability API answer"):
        parse_availability(b"<html>Internal error</html>")


def test_the_raw_form_of_a_snapshot_has_no_toolbar():
    snapshot = Snapshot(f"http://web.archive.org/web/20220915183012/{SOURCE}", "20220915183012", "200")

    assert snapshot.raw_url == RAW


def test_a_snapshot_is_recorded_as_the_source_with_its_provenance():
    get, asked = answers({API: ok(API, availability()), RAW: ok(RAW, PAGE, "text/html; charset=utf-8")})

    recording = fetch_snapshot(SOURCE, date(2022, 9, 15), get)

    assert asked == [API, RAW]
    assert recording.url == SOURCE
    assert recording.body == PAGE
    assert recording.content_type == "text/html; charset=utf-8"
    assert recording.provenance == {
        "provenance": "archived-snapshot",
        "snapshot-url": RAW,
        "snapshot-timestamp": "20220915183012",
        "snapshot-requested": "2022-09-15",
        "recorded-at": "2024-05-01T10:00:00+00:00",
        "content-sha256": sha256(PAGE),
    }


def test_a_snapshot_taken_after_the_claims_date_says_so():
    raw = RAW.replace("20220915183012", "20221003120000")
    get, _ = answers({API: ok(API, availability("20221003120000")), raw: ok(raw, PAGE, "text/html")})

    recording = fetch_snapshot(SOURCE, date(2022, 9, 15), get)

    assert recording.provenance["snapshot-timestamp"] == "20221003120000"
    assert recording.provenance["note"] == ("archived snapshot taken 18 days after the claim's date 2022-09-15; "
                                            "the page may have changed in between")


def test_no_snapshot_is_a_failure():
    get, asked = answers({API: ok(API, b'{"url": "x", "archived_snapshots": {}}')})

    outcome = fetch_snapshot(SOURCE, date(2022, 9, 15), get)

    assert outcome == FetchFailure(SOURCE, FailureReason.DEAD, "the Internet Archive has no snapshot")
    assert asked == [API]


def test_a_snapshot_of_a_404_is_never_fetched_as_content():
    get, asked = answers({API: ok(API, availability(status="404"))})

    outcome = fetch_snapshot(SOURCE, date(2022, 9, 15), get)

    assert outcome == FetchFailure(SOURCE, FailureReason.DEAD, "the closest snapshot (20220915183012) is not a "
                                                               "readable page (captured status 404)")
    assert asked == [API]


def test_a_snapshot_whose_replay_is_a_404_is_rejected():
    get, _ = answers({API: ok(API, availability())})  # the snapshot URL answers 404

    outcome = fetch_snapshot(SOURCE, date(2022, 9, 15), get)

    assert outcome == FetchFailure(SOURCE, FailureReason.DEAD, "snapshot 20220915183012: HTTP 404")


def test_an_archived_not_found_page_served_with_200_is_rejected():
    soft_404 = b"<html><head><title>Page Not Found</title></head><body>SYNTHETIC soft 404</body></html>"
    get, _ = answers({API: ok(API, availability()), RAW: ok(RAW, soft_404, "text/html")})

    outcome = fetch_snapshot(SOURCE, date(2022, 9, 15), get)

    assert outcome == FetchFailure(SOURCE, FailureReason.DEAD, "snapshot 20220915183012: an archived 'not found' page")


def test_the_wayback_machines_own_error_page_is_rejected():
    error_page = (b"<html><head><title>Wayback Machine</title></head><body><p>SYNTHETIC: Hrm. Wayback Machine has "
                  b"not archived that URL.</p></body></html>")
    get, _ = answers({API: ok(API, availability()), RAW: ok(RAW, error_page, "text/html")})

    outcome = fetch_snapshot(SOURCE, date(2022, 9, 15), get)

    assert outcome == FetchFailure(SOURCE, FailureReason.DEAD,
                                   "snapshot 20220915183012: the Wayback Machine's own error page")


def test_an_archived_challenge_page_is_rejected():
    challenge = (b"<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
                 b"<body>SYNTHETIC Cloudflare challenge</body></html>")
    get, _ = answers({API: ok(API, availability()), RAW: ok(RAW, challenge, "text/html")})

    outcome = fetch_snapshot(SOURCE, date(2022, 9, 15), get)

    assert outcome.reason is FailureReason.BLOCKED
    assert outcome.detail.startswith("snapshot 20220915183012: ")


def test_a_failing_lookup_is_an_error():
    get, _ = answers({API: FetchFailure(API, FailureReason.ERROR, "timed out reading")})

    outcome = fetch_snapshot(SOURCE, date(2022, 9, 15), get)

    assert outcome == FetchFailure(SOURCE, FailureReason.ERROR, "archive lookup failed: error: timed out reading")


def test_a_url_with_a_credential_is_never_sent_to_the_archive(monkeypatch):
    monkeypatch.setenv("DATA_GOV_API_KEY", "PLANTED-KEY-VALUE")
    get, asked = answers({})

    named = fetch_snapshot("https://api.congress.gov/v3/bill/117/s/4428?api_key=PLANTED-KEY", None, get)
    configured = fetch_snapshot("https://api.congress.gov/v3/bill/117/s/4428?k=PLANTED-KEY-VALUE", None, get)

    assert (named.reason, configured.reason) == (FailureReason.REFUSED, FailureReason.REFUSED)
    assert named.detail == "not looked up in the archive: the URL carries a credential"
    assert asked == []
