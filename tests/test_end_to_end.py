"""`checker verify` on the shipped claims.csv, offline, from the shipped cassettes.

The verdicts below were read off a run and checked by hand against the recorded White House
documents; they pin the behaviour of every matcher on real text, so a change that moves one
has to say why here.
"""

import json
from pathlib import Path

import pytest

from checker import extract_text
from checker.cli import main
from checker.fetch.cassette import read_cassette
from support import ROOT

RECORDED_VERDICTS = {
    # The 2022-09-16 briefing: "our 21st package ... This is a $600 million package that includes
    # ammunition for those HIMARS systems ...; tens of thousands of artillery rounds".
    "aid-600m": "supported",
    "drawdown-21st": "supported",
    "pkg-himars-ammo": "supported",
    "pkg-105mm": "not_found",  # no 105mm figure in the briefing; the defense.gov release is not recorded
    "pkg-radar": "not_found",
    "pkg-155mm-pgm": "not_found",
    # The White House's own cumulative figures are other totals ("more than $25 billion").
    "aid-total-50b": "not_found",
    # Titles: "Senator Marco Rubio", "Chancellor Scholz", "President Xi nor President Putin",
    # and "India's Prime Minister, Narendra Modi" where the article says President.
    "rubio-title": "supported",
    "scholz-title": "supported",
    "putin-title": "supported",
    "xi-title": "supported",
    "modi-title": "contradicted",
    # Statements the briefings bear on only in part.
    "northern-front-collapse": "partially_supported",
    "izum-killings": "partially_supported",  # "mass graves ... in Izyum"
    "putin-xi-meeting": "partially_supported",  # a reporter: "for the first time since Russia's invasion"
    "captured-weapons": "not_found",
    "invasion-six-months": "not_found",
    "sfrc-tpa-vote": "not_found",  # the briefings speak of a markup and a vote to come, not of its result
    "putin-modi-meeting": "not_found",
    # Quotes the White House documents only paraphrase.
    "putin-questions": "not_found",
    "modi-era": "not_found",
}


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    code = main(["verify", str(ROOT / "claims.csv"), "--cassettes", str(ROOT / "cassettes"), "--out", str(out),
                 "--quiet"])
    assert code == 0
    latest = out / "latest"
    report = json.loads((latest / "results.json").read_text(encoding="utf-8"))
    return {claim["id"]: claim for claim in report["claims"]}, (latest / "report.md").read_text(encoding="utf-8")


def test_every_claim_with_a_recorded_source_gets_its_verdict_from_that_source(results):
    claims, _ = results
    recorded = {cid: c["verdict"] for cid, c in claims.items() if any(s["status"] == "ok" for s in c["sources"])}

    assert recorded == RECORDED_VERDICTS


def test_every_other_claim_says_why_it_could_not_be_checked(results):
    claims, _ = results
    others = [c for cid, c in claims.items() if cid not in RECORDED_VERDICTS]

    assert len(others) == 29
    for claim in others:
        assert claim["verdict"] == "source_unavailable"
        assert {s["status"] for s in claim["sources"]} <= {"no_source", "not_recorded"}
        assert claim["reason"].startswith(("no_source: claims.csv names no source",
                                           "no source could be read: not_recorded: https://"))


def test_evidence_points_into_the_recorded_text(results):
    claims, _ = results
    evidence = claims["drawdown-21st"]["evidence"][0]
    source = claims["drawdown-21st"]["sources"][0]

    assert evidence["locator"] == "para 36"
    assert evidence["text"].endswith("we announced our\n21st package of security assistance using Presidential "
                                     "Drawdown\nAuthorities.")
    assert source["provenance"]["provenance"] == "archived-copy"
    (recording,) = read_cassette(Path(source["recording"]))
    text = extract_text(recording.body, recording.content_type, recording.url)
    assert text[evidence["start"]:evidence["end"]] == evidence["text"]


def test_the_markdown_report_shows_the_summary_and_each_claim(results):
    claims, markdown = results

    assert "**50 claims: 7 supported, 3 partially_supported, 1 contradicted, 10 not_found, " \
           "29 source_unavailable**" in markdown
    assert markdown.count('<a id="claim-') == len(claims) == 50
    assert "the source calls Narendra Modi 'Prime Minister', not 'President'" in markdown
