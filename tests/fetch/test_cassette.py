import requests
import vcr

from checker.fetch.cassette import Recording, cassette_path, read_cassette, write_cassette


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
