"""Runs over time: comparing two results.json documents, and the report folders of successive runs."""

import json
import os
from datetime import datetime, timezone

import pytest

from checker.history import (
    DEFAULT_FAILING, RunChanges, SourceDelta, VerdictChange, compare_runs, describe, point_latest, previous_results,
    previous_run_name, publish_run, regressions, run_folder, run_name,
)
from checker.models import Verdict

MEMO = "https://www.example.gov/memo"
BRIEFING = "https://www.example.gov/briefing"
HASH_A, HASH_B = "a" * 64, "b" * 64


def claim(cid: str, verdict: str, *sources: tuple[str, str, str]) -> dict:
    """A claim entry as results.json has it; each source is (url, status, content hash)."""
    return {"id": cid, "verdict": verdict, "sources": [
        {"url": url, "status": status, "provenance": {"content-sha256": digest} if digest else {}}
        for url, status, digest in sources]}


def run(*claims: dict, generated_at: str = "2026-11-24T19:30:00+00:00", **extra) -> dict:
    return {"generated_at": generated_at, "claims": list(claims), **extra}


PREVIOUS = run(
    claim("aid-600m", "supported", (MEMO, "ok", HASH_A)),
    claim("modi-title", "supported", (BRIEFING, "ok", HASH_A)),
    claim("gone", "not_found"),
)


def test_a_first_run_has_nothing_to_compare_with():
    changes = compare_runs(None, PREVIOUS)

    assert changes == RunChanges(previous_run=None)
    assert changes.as_dict() is None
    assert describe(changes) == ["Changes since the last run: none to compare with (this is the first run here)"]


def test_an_identical_run_has_no_changes():
    changes = compare_runs(PREVIOUS, PREVIOUS, "20261124T193000Z")

    assert changes.empty
    assert describe(changes) == ["Changes since the last run (20261124T193000Z): none"]
    assert changes.as_dict() == {"previous_run": "20261124T193000Z",
                                 "previous_generated_at": "2026-11-24T19:30:00+00:00",
                                 "verdicts": [], "sources": [], "claims_added": [], "claims_removed": []}


def test_changed_verdicts_sources_and_claims_are_each_reported():
    current = run(
        claim("aid-600m", "contradicted", (MEMO, "ok", HASH_B)),
        claim("modi-title", "source_unavailable", (BRIEFING, "dead", "")),
        claim("new-one", "supported", (MEMO, "ok", HASH_B)),
        source_changes=[{"url": MEMO, "status": "changed", "detail": "", "diff": "-$600 million\n+$675 million"}],
    )

    changes = compare_runs(PREVIOUS, current, "20261124T193000Z")

    assert changes.verdicts == (VerdictChange("aid-600m", "supported", "contradicted"),
                                VerdictChange("modi-title", "supported", "source_unavailable"))
    assert changes.sources == (SourceDelta(MEMO, "changed", HASH_A, HASH_B, "-$600 million\n+$675 million"),
                               SourceDelta(BRIEFING, "newly_failing", "ok", "dead"))
    assert changes.claims_added == ("new-one",)
    assert changes.claims_removed == ("gone",)
    assert describe(changes) == [
        "Changes since the last run (20261124T193000Z):",
        "  verdict        aid-600m: supported -> contradicted",
        "  verdict        modi-title: supported -> source_unavailable",
        f"  changed        {MEMO}  (aaaaaaaaaaaa -> bbbbbbbbbbbb)",
        f"  newly_failing  {BRIEFING}  (ok -> dead)",
        "  claim added    new-one",
        "  claim removed  gone",
    ]


def test_a_source_that_reads_again_is_recovered_and_one_without_hashes_is_not_called_changed():
    previous = run(claim("a", "source_unavailable", (MEMO, "blocked", "")), claim("b", "supported", (BRIEFING, "ok", "")))
    current = run(claim("a", "supported", (MEMO, "ok", HASH_A)), claim("b", "supported", (BRIEFING, "ok", HASH_B)))

    assert compare_runs(previous, current).sources == (SourceDelta(MEMO, "recovered", "blocked", "ok"),)


def test_the_stores_change_report_alone_does_not_make_a_source_changed():
    """In a fresh CI checkout the store compares with the committed recording, every run: not news."""
    current = run(claim("aid-600m", "supported", (MEMO, "ok", HASH_A)),
                  source_changes=[{"url": MEMO, "status": "changed", "detail": "", "diff": "-old\n+new"}])

    assert compare_runs(run(claim("aid-600m", "supported", (MEMO, "ok", HASH_A))), current).sources == ()


def test_regressions_are_verdicts_moving_into_the_failing_set_new_failing_claims_and_newly_failing_sources():
    current = run(
        claim("aid-600m", "contradicted", (MEMO, "ok", HASH_B)),
        claim("modi-title", "source_unavailable", (BRIEFING, "dead", "")),
        claim("new-one", "not_found"),
        claim("gone", "not_found"),
    )
    previous = run(*PREVIOUS["claims"][:2])

    changes = compare_runs(previous, current)

    assert regressions(changes, current, DEFAULT_FAILING) == [
        "aid-600m: supported -> contradicted",
        "new-one: not_found (new claim)",
        "gone: not_found (new claim)",
        f"{BRIEFING}: newly failing (ok -> dead)",
    ]


def test_a_verdict_that_stays_failing_or_moves_within_the_failing_set_is_no_regression():
    previous = run(claim("a", "not_found"), claim("b", "contradicted"))
    current = run(claim("a", "contradicted"), claim("b", "contradicted"))

    assert regressions(compare_runs(previous, current), current, DEFAULT_FAILING) == []
    assert regressions(compare_runs(previous, current), current, {Verdict.CONTRADICTED}) == [
        "a: not_found -> contradicted"]


def test_with_no_earlier_run_every_failing_verdict_is_new():
    current = run(claim("a", "not_found"), claim("b", "supported"))

    assert regressions(compare_runs(None, current), current, DEFAULT_FAILING) == [
        "a: not_found (no earlier run to compare with)"]


# The report folder


def test_run_folders_are_named_by_their_utc_time():
    assert run_name(datetime(2026, 11, 24, 19, 30, tzinfo=timezone.utc)) == "20261124T193000Z"


def write_files(names: dict[str, str]):
    def write(directory):
        for name, text in names.items():
            (directory / name).write_text(text, encoding="utf-8")
        return [directory / name for name in names]
    return write


def test_each_run_gets_a_folder_and_latest_points_to_the_last_one(tmp_path):
    out = tmp_path / "reports"
    first = run_folder(out, "20261124T193000Z")
    publish_run(first, write_files({"results.json": json.dumps(PREVIOUS)}))
    second = run_folder(out, "20261124T193000Z")

    written = publish_run(second, write_files({"results.json": "{}", "report.md": "# second\n"}))

    assert second.name == "20261124T193000Z-2"
    assert written == [out / "latest" / "results.json", out / "latest" / "report.md"]
    assert os.readlink(out / "latest") == "20261124T193000Z-2"
    assert previous_run_name(out) == "20261124T193000Z-2"
    assert json.loads((first / "results.json").read_text(encoding="utf-8")) == PREVIOUS
    assert sorted(p.name for p in out.iterdir()) == ["20261124T193000Z", "20261124T193000Z-2", "latest"]


def test_an_interrupted_run_leaves_the_previous_reports_and_latest_as_they_were(tmp_path):
    out = tmp_path / "reports"
    publish_run(out / "20261124T193000Z", write_files({"results.json": json.dumps(PREVIOUS)}))

    def interrupted(directory):
        (directory / "results.json").write_text("{half", encoding="utf-8")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        publish_run(out / "20261124T194500Z", interrupted)

    assert previous_results(out) == PREVIOUS
    assert sorted(p.name for p in out.iterdir()) == ["20261124T193000Z", "latest"]


def test_without_symlinks_latest_is_a_copy(tmp_path, monkeypatch):
    out = tmp_path / "reports"
    folder = out / "20261124T193000Z"
    folder.mkdir(parents=True)
    (folder / "results.json").write_text("{}", encoding="utf-8")

    def no_links(self, target, target_is_directory=False):
        raise OSError("symbolic links are not supported here")

    monkeypatch.setattr("pathlib.Path.symlink_to", no_links)

    assert point_latest(folder) == "copy"
    assert point_latest(folder) == "copy"
    assert not (out / "latest").is_symlink()
    assert (out / "latest" / "results.json").read_text(encoding="utf-8") == "{}"
    assert sorted(p.name for p in out.iterdir()) == ["20261124T193000Z", "latest"]


def test_reports_from_before_run_folders_count_as_the_previous_run(tmp_path):
    (tmp_path / "results.json").write_text(json.dumps(PREVIOUS), encoding="utf-8")

    assert previous_results(tmp_path) == PREVIOUS
    assert previous_results(tmp_path / "nothing-here") is None
