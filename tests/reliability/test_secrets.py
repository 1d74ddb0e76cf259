"""Secrets, in process: which values count as secrets, how a run's results are redacted, and that a key
a server echoes back never reaches a cassette. The real runs are the scenario 'API keys never written or
printed' (scenarios_secrets.py). Keys, URLs and texts here are synthetic."""

from __future__ import annotations

import zipfile
from pathlib import Path

from checker.fetch.cassette import Recording, read_cassette, redacted, scrub_recording, url_secrets, write_cassette
from checker.models import Claim, Evidence, Kind, Result, SourceCheck, Verdict
from checker.report import FORMATS, Run, write_reports

KEY = "k-7d1f09aa3c"
URL = f"https://api.congress.gov/v3/bill/117/s/4428?format=json&api_key={KEY}"


def test_secret_query_values_and_passwords_are_the_secrets_of_a_url():
    assert url_secrets([URL, "https://ana:p%40ss-word@example.gov/a?token=abc%2Fdef&page=2",
                        "https://example.gov/a?key=short", "http://[bad"]) == (KEY, "p%40ss-word", "p@ss-word",
                                                                             "abc%2Fdef", "abc/def")


def test_a_result_is_redacted_in_every_string_and_keeps_its_types():
    claim = Claim(id="bill-s4428", claim="The bill says so", kind=Kind.WORDING, expected="so", sources=(URL,))
    evidence = Evidence(url=URL, text=f"see {URL}", start=0, end=3)
    result = Result(claim, Verdict.SUPPORTED, 1.0, f"found in {URL}", (evidence,),
                    (SourceCheck(URL, "ok", provenance={"read-as": URL}),))

    shown = redacted(result, url_secrets([URL]))

    assert KEY not in repr(shown)
    assert shown.claim.sources == ("https://api.congress.gov/v3/bill/117/s/4428?format=json&api_key=REDACTED",)
    assert shown.verdict is Verdict.SUPPORTED and shown.claim.kind is Kind.WORDING
    assert (shown.score, shown.evidence[0].start, shown.evidence[0].end) == (1.0, 0, 3)
    assert redacted(result, ()) is result


def test_a_key_the_server_echoes_from_the_url_is_not_recorded(tmp_path: Path):
    echoed = Recording(URL, 200, {"Content-Type": "application/json", "X-Request": f"/v3/bill?api_key={KEY}"},
                       f'{{"request": "{URL}", "bill": "S. 4428"}}'.encode())
    path = tmp_path / "bill.yaml"

    write_cassette(path, [echoed], secrets=())

    assert KEY.encode() not in path.read_bytes()
    [stored] = read_cassette(path)
    assert stored.body == b'{"request": "https://api.congress.gov/v3/bill/117/s/4428?format=json&api_key=REDACTED", ' \
                          b'"bill": "S. 4428"}'
    assert stored.headers["X-Request"] == "/v3/bill?api_key=REDACTED"
    assert scrub_recording(echoed, ()).provenance == {}


def test_no_report_format_shows_a_key_from_a_source_url_or_the_environment(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("CONGRESS_API_KEY", "env-key-c0ffee42")
    claim = Claim(id="bill-s4428", claim="The bill says so", kind=Kind.WORDING, expected="so", sources=(URL,))
    evidence = Evidence(url=URL, text="the source echoed env-key-c0ffee42 here", start=0, end=3)
    result = Result(claim, Verdict.SUPPORTED, 1.0, "found", (evidence,), (SourceCheck(URL, "ok"),))

    written = write_reports(Run(results=(result,)), tmp_path, FORMATS)

    for path in written:
        data = path.read_bytes()
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as book:
                data = b"".join(book.read(name) for name in book.namelist())
        assert KEY.encode() not in data and b"env-key-c0ffee42" not in data, path.name
        assert (b"REDACTED" in data) == (path.name != "claimreview.json"), path.name  # it shows no URL
