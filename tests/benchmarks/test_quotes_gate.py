"""Gate on the quotes benchmark (benchmarks/quotes.py): the figures measured on a fixed subset may not fall.

The subset: 60 officials' sentences (seed 20220916) from five briefings with several named
speakers, and their variants, built by the benchmark's own code. The figures were measured
with the matcher of this commit; the full benchmark (300 sentences, 31 briefings) is in
benchmarks/README.md. A failure here means a change to the matcher, or to how the set is built.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import lru_cache
from pathlib import Path

import pytest

from checker.models import Verdict
from support import ROOT


def load_benchmark():
    spec = importlib.util.spec_from_file_location("benchmarks_quotes", ROOT / "benchmarks" / "quotes.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


quotes = load_benchmark()

BRIEFINGS = (
    "2022-09-15-press-briefing-by-white-house-monkeypox-response-team-and-public-health-officials-5.md",
    "2022-09-16-press-briefing-by-press-secretary-karine-jean-pierre-and-national-security-council-coordinator-"
    "for-strategic-communications-john-kirby-september-16-2022.md",
    "2022-09-20-press-briefing-by-press-secretary-karine-jean-pierre-and-national-security-advisor-jake-sullivan-2.md",
    "2022-09-28-press-briefing-by-white-house-monkeypox-response-team-and-public-health-officials-6.md",
    "2022-09-30-press-briefing-by-press-secretary-karine-jean-pierre-and-national-security-advisor-jake-sullivan-"
    "september-30-2022.md",
)
SENTENCES = 60

# How many cases each variant gives on the subset (pins the construction of the set).
CASES = {
    "original": 60, "typography": 60, "elision": 60, "substituted": 60, "negated": 44, "number_changed": 6,
    "spliced": 60, "shuffled": 60, "wrong_speaker": 60, "reporter_words": 60, "translated": 60,
}
# Floors measured: every positive variant supported; no negative variant supported.
SUPPORTED_RATE_FLOOR = {"original": 1.0, "typography": 1.0, "elision": 1.0}
WRONG_SUPPORTED_CEILING = {variant: 0 for variant in quotes.NEGATIVE}
# The baselines measured in the same run, which the checker must keep beating.
SUBSTRING_POSITIVES_SUPPORTED = 60  # of 180: only the originals
SUBSTRING_WRONG_SUPPORTED = 180  # of 410: wrong speaker, reporter's words, translated


@lru_cache(maxsize=1)
def measure(folder: Path) -> dict[str, object]:
    """The benchmark's table on the subset, by variant (run once for all the tests here)."""
    briefings = quotes.load_briefings(folder, names=BRIEFINGS)
    assert sorted(b.name for b in briefings) == sorted(BRIEFINGS)
    cases = quotes.build_cases(briefings, SENTENCES, quotes.SEED)
    outcomes = quotes.run(briefings, cases, baselines=True)
    return {row.variant: row for row in quotes.table(outcomes)}


@pytest.fixture
def rows(shared_data: Path) -> dict[str, object]:
    return measure(shared_data / "wh-briefings" / "press-briefings")


def test_the_subset_is_built_as_measured(rows):
    assert {variant: row.count for variant, row in rows.items()} == CASES


def test_every_typography_and_elision_variant_and_original_is_supported(rows):
    for variant, floor in SUPPORTED_RATE_FLOOR.items():
        row = rows[variant]
        assert row.supported / row.count >= floor, (variant, row.verdicts)


def test_no_altered_fabricated_misattributed_or_translated_quote_is_supported(rows):
    for variant, ceiling in WRONG_SUPPORTED_CEILING.items():
        row = rows[variant]
        assert row.supported <= ceiling, (variant, row.verdicts)


def test_a_translation_is_partially_supported_not_dropped(rows):
    assert rows["translated"].verdicts == {Verdict.PARTIALLY_SUPPORTED: CASES["translated"]}


def test_the_baselines_measured_beside_it(rows):
    positives = sum(rows[v].substring for v in quotes.POSITIVE)
    wrong = sum(rows[v].substring for v in quotes.NEGATIVE)
    assert (positives, wrong) == (SUBSTRING_POSITIVES_SUPPORTED, SUBSTRING_WRONG_SUPPORTED)
    assert sum(rows[v].supported for v in quotes.POSITIVE) > positives
    assert sum(rows[v].supported for v in quotes.NEGATIVE) < wrong


def test_the_command_says_what_is_missing_when_the_data_is_absent(monkeypatch, capsys, tmp_path: Path):
    monkeypatch.setattr(quotes, "DATA", tmp_path / "absent")
    assert quotes.main([]) == 2
    assert "the briefings are not here" in capsys.readouterr().err
