"""junit.xml: one test case per claim, failures and skips a CI system shows."""

import xml.etree.ElementTree as ET

from checker.report import junit
from seed_results import seed_run


def parsed(run) -> ET.Element:
    return ET.fromstring(junit.render(run).encode("utf-8"))


def cases(root: ET.Element) -> dict[str, ET.Element]:
    return {case.get("name"): case for case in root.iter("testcase")}


def test_each_claim_is_a_test_case_named_by_its_id_in_the_class_of_its_kind():
    root = parsed(seed_run())

    assert [(case.get("classname"), case.get("name")) for case in root.iter("testcase")] == [
        ("amount", "aid-600m"), ("attribution", "modi-title"), ("count", "pkg-105mm"), ("quote", "mcconnell-atacms")]


def test_by_default_contradicted_and_not_found_fail_and_an_unread_source_is_skipped():
    root = parsed(seed_run())
    suite = root.find("testsuite")
    by_id = cases(root)

    assert {name: root.get(name) for name in ("tests", "failures", "errors", "skipped")} == {
        "tests": "4", "failures": "2", "errors": "0", "skipped": "1"}
    assert {name: suite.get(name) for name in ("name", "tests", "failures", "skipped", "timestamp")} == {
        "name": "claims.csv", "tests": "4", "failures": "2", "skipped": "1", "timestamp": "2026-11-24T19:30:00"}
    assert by_id["aid-600m"].find("failure") is None and by_id["aid-600m"].find("skipped") is None
    assert by_id["modi-title"].find("failure").attrib == {
        "message": "contradicted (0.00): the source calls Narendra Modi 'Prime Minister', not 'President'",
        "type": "contradicted"}
    assert by_id["pkg-105mm"].find("failure").get("type") == "not_found"
    assert by_id["mcconnell-atacms"].find("skipped").get("message") == (
        "source_unavailable (0.00): no_source: claims.csv names no source for this claim")


def test_the_failure_body_holds_the_evidence_and_where_it_is():
    failure = cases(parsed(seed_run()))["modi-title"].find("failure")

    assert failure.text.splitlines() == [
        "claim: Similar tensions were on display in Putin’s discussion with Indian President Narendra Modi.",
        "expected: President",
        "verdict: contradicted (0.00)",
        "reason: the source calls Narendra Modi 'Prime Minister', not 'President'",
        "evidence (para 85, characters 20975-21148) https://bidenwhitehouse.archives.gov/briefing-room/"
        "press-briefings/2022/09/20/press-briefing-by-press-secretary-karine-jean-pierre-and-national-security-"
        "advisor-jake-sullivan-2/:",
        "  Q In Samarkand, on the sidelines of SCO Summit, India’s Prime Minister, Narendra Modi, bluntly told the "
        "Russian President Putin that this is not the time for war in\ufffd Ukraine.",
        "  note: title: 'Prime Minister'; qualifier: India’s",
    ]


def test_the_fail_on_verdicts_decide_what_fails():
    root = parsed(seed_run(fail_on=["contradicted", "source_unavailable"]))
    by_id = cases(root)

    assert (root.get("failures"), root.get("skipped")) == ("2", "0")
    assert by_id["pkg-105mm"].find("failure") is None
    assert by_id["pkg-105mm"].find("system-out").text.startswith("claim: The new arms shipment")
    assert by_id["mcconnell-atacms"].find("failure").get("type") == "source_unavailable"


def test_characters_xml_does_not_allow_are_replaced_so_the_file_parses():
    text = junit.render(seed_run())

    assert "\x08" not in text
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="checker"')
