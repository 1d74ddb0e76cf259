"""Every shipped cassette replays offline, is read by vcrpy as well, and gives a document."""

from pathlib import Path

import pytest
import requests
import vcr

from checker.extract import extract_document
from checker.fetch.cassette import read_cassette
from checker.fetch.store import Fetched, SourceStore
from support import ROOT

CASSETTES = sorted((ROOT / "cassettes").rglob("*.yaml"))


def test_there_are_shipped_cassettes():
    assert len(CASSETTES) >= 10


@pytest.mark.parametrize("path", CASSETTES, ids=lambda p: p.name[:60])
def test_a_shipped_cassette_replays_offline_into_a_document(path: Path):
    (recording,) = read_cassette(path)

    fetched = SourceStore(ROOT / "cassettes").fetch(recording.url)

    assert isinstance(fetched, Fetched) and fetched.cassette == path
    document = extract_document(fetched.recording.body, fetched.recording.content_type, recording.url)
    assert len(document.text) > 500 and document.passages
    assert recording.provenance["provenance"] == "archived-copy"
    assert recording.provenance["origin"].startswith("brian14708/wh-briefings")


@pytest.mark.parametrize("path", CASSETTES, ids=lambda p: p.name[:60])
def test_vcrpy_replays_a_shipped_cassette(path: Path):
    (recording,) = read_cassette(path)

    with vcr.use_cassette(str(path), record_mode="none"):
        response = requests.get(recording.url)

    assert response.content == recording.body
