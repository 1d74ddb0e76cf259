import requests
import vcr

from checker.fetch.cassette import (
    Recording,
    cassette_path,
    configured_secrets,
    read_cassette,
    redact_url,
    sha256,
    write_cassette,
)
from checker.fetch.store import SourceStore


def a_recording(url: str = "https://www.example.gov/briefing/2022/09/16/") -> Recording:
    return Recording(
        url=url,
        status=200,
        headers={"Content-Type": "text/plain; charset=utf-8", "Set-Cookie": "session=abc123",
                 "X-Checker-Provenance": "live"},
        body="We announced our 21st package \u2014 $600 million.".encode("utf-8"),
        request_headers={"Authorization": "Bearer SECRET-TOKEN", "User-Agent": "checker"},
    )


def test_a_cassette_round_trips_without_its_secrets(tmp_path):
    path = cassette_path(tmp_path, a_recording().url)
    write_cassette(path, [a_recording()])

    (read,) = read_cassette(path)
    stored = path.read_text(encoding="utf-8")

    assert read.body == a_recording().body
    assert read.provenance == {"provenance": "live"}
    assert "SECRET-TOKEN" not in stored and "abc123" not in stored
    assert "21st package — $600 million" in stored  # stored readable, not escaped or compressed


def test_the_path_is_readable_and_unique_per_url(tmp_path):
    first = cassette_path(tmp_path, "https://www.example.gov/News/Tag/215492/StartDate/44819/EndDate/44819")
    other = cassette_path(tmp_path, "https://www.example.gov/News/Tag/215492/StartDate/44819/EndDate/44820")

    assert first.parent == tmp_path / "www.example.gov"
    assert first.name.startswith("News_Tag_215492_StartDate_44819_EndDate_44819-")
    assert first != other


def test_vcrpy_replays_a_cassette_checker_wrote(tmp_path):
    recording = a_recording()
    path = cassette_path(tmp_path, recording.url)
    write_cassette(path, [recording])

    with vcr.use_cassette(str(path), record_mode="none"):
        response = requests.get(recording.url)

    assert response.status_code == 200
    assert response.content == recording.body


def test_a_binary_body_survives(tmp_path):
    recording = Recording("https://www.example.gov/a.pdf", 200, {"Content-Type": "application/pdf"},
                          b"%PDF-1.4\n\xff\xfe\x00binary")
    path = cassette_path(tmp_path, recording.url)
    write_cassette(path, [recording])

    assert read_cassette(path)[0].body == recording.body


# Secrets. Everything planted below is SYNTHETIC: made-up keys in the shape of real ones.

PLANTED_KEY = "PLANTEDkey0123456789abcdefDATAGOV"  # as if given in CONGRESS_API_KEY
PLANTED = (PLANTED_KEY, "PLANTED-COOKIE-VALUE", "PLANTED-BEARER", "PLANTED-TOKEN-IN-QUERY", "PLANTED-SIG",
           "PLANTED-PASSWORD")
KEYED_URL = ("https://api.congress.gov/v3/bill/117/s/4428/text?format=json&api_key=" + PLANTED_KEY
             + "&Token=PLANTED-TOKEN-IN-QUERY&sig=PLANTED-SIG")


def a_response_full_of_secrets(url: str) -> Recording:
    body = ('{"request": {"billNumber": "4428", "url": "https://api.congress.gov/v3/bill/117/s/4428/text?api_key='
            + PLANTED_KEY + '"}, "textVersions": []}').encode("utf-8")
    return Recording(
        url=url,
        status=200,
        headers={"Content-Type": "application/json", "Set-Cookie": "session=PLANTED-COOKIE-VALUE",
                 "X-Api-Key": PLANTED_KEY, "X-Checker-Content-Sha256": sha256(body),
                 "Content-Length": str(len(body))},
        body=body,
        request_headers={"Authorization": "Bearer PLANTED-BEARER", "Cookie": "session=PLANTED-COOKIE-VALUE",
                         "X-Api-Key": PLANTED_KEY, "User-Agent": "checker"},
    )


class EchoClient:
    def get(self, url):
        return a_response_full_of_secrets(url)


def every_stored_byte(folder) -> bytes:
    return b"".join(path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file())


def test_no_planted_secret_reaches_any_file_under_the_cassettes(tmp_path, monkeypatch):
    monkeypatch.setenv("CONGRESS_API_KEY", PLANTED_KEY)
    cassettes = tmp_path / "cassettes"

    SourceStore(cassettes, "once", EchoClient()).fetch(KEYED_URL)

    stored = every_stored_byte(cassettes)
    assert stored  # something was written
    assert [secret for secret in PLANTED if secret.encode() in stored] == []
    assert [path.name for path in cassettes.rglob("*") if PLANTED_KEY in str(path)] == []


def test_what_is_stored_is_readable_and_says_where_a_secret_was(tmp_path, monkeypatch):
    monkeypatch.setenv("CONGRESS_API_KEY", PLANTED_KEY)
    cassettes = tmp_path / "cassettes"

    SourceStore(cassettes, "once", EchoClient()).fetch(KEYED_URL)
    (recording,) = read_cassette(cassette_path(cassettes, KEYED_URL))

    assert recording.url == ("https://api.congress.gov/v3/bill/117/s/4428/text?format=json&api_key=REDACTED"
                             "&Token=REDACTED&sig=REDACTED")
    assert recording.body == (b'{"request": {"billNumber": "4428", "url": "https://api.congress.gov/v3/bill/117/s/'
                              b'4428/text?api_key=REDACTED"}, "textVersions": []}')
    assert recording.provenance["content-sha256"] == sha256(recording.body)
    assert recording.request_headers == {"User-Agent": "checker"}
    assert "Set-Cookie" not in recording.headers and "X-Api-Key" not in recording.headers


def test_a_url_holding_a_key_still_finds_its_recording_offline(tmp_path, monkeypatch):
    monkeypatch.setenv("CONGRESS_API_KEY", PLANTED_KEY)
    SourceStore(tmp_path, "once", EchoClient()).fetch(KEYED_URL)

    replayed = SourceStore(tmp_path, "none").fetch(KEYED_URL)

    assert replayed.replayed
    assert replayed.recording.body.startswith(b'{"request": {"billNumber": "4428"')


def test_a_url_without_secrets_keeps_its_form_and_its_cassette_name():
    url = "https://www.govinfo.gov/content/pkg/BILLS-117s4428rs/xml/BILLS-117s4428rs.xml?a=1&keyword=x%20y"

    assert redact_url(url, ()) == url
    assert redact_url("https://user:PLANTED-PASSWORD@x.example/p?KEY=1&apikey", ()) == (
        "https://user:REDACTED@x.example/p?KEY=REDACTED&apikey")


def test_a_short_configured_value_is_not_taken_for_a_secret(monkeypatch):
    monkeypatch.setenv("CONGRESS_API_KEY", "abc")

    assert configured_secrets() == ()


def test_files_written_atomically_get_the_usual_permissions(tmp_path):
    import os
    import stat

    from checker.fetch.cassette import atomic_write

    umask = os.umask(0o022)
    os.umask(umask)
    path = tmp_path / "report.md"

    atomic_write(path, b"# report\n")

    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
