"""Gate on the numbers benchmark (benchmarks/amounts.py): the figures measured on it may not fall.

The whole set runs (54 memoranda, 1,343 claims, about half a second). The floors are the figures
measured with the matcher of this commit, printed in benchmarks/README.md. A failure means a change
to the number matcher or parser, or to how the set is built.
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
    spec = importlib.util.spec_from_file_location("benchmarks_numbers", ROOT / "benchmarks" / "amounts.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


numbers = load_benchmark()

# Claims per family (pins the construction of the set).
CASES = {
    "true: spellings": 378,
    "true: qualifiers": 216,
    "true: subject 'Ukraine drawdown'": 53,
    "unestablished: qualifiers": 163,
    "changed amount": 313,
    "false: qualifiers": 215,
    "other figure (not the drawdown)": 5,
}
# Floors measured: how many of each family get the verdict named (at least).
FLOORS = {
    "true: spellings": {Verdict.SUPPORTED: 378},
    "true: qualifiers": {Verdict.SUPPORTED: 216},
    "true: subject 'Ukraine drawdown'": {Verdict.SUPPORTED: 53},
    "changed amount": {Verdict.CONTRADICTED: 228},
    "false: qualifiers": {Verdict.CONTRADICTED: 215},
}


@lru_cache(maxsize=1)
def outcomes(data: Path) -> tuple:
    memos = numbers.load_memos(data)
    return tuple(numbers.run(numbers.build_cases(memos), numbers.documents(memos)))


def by_family(data: Path) -> dict[str, object]:
    return {row.family: row for row in numbers.figures(list(outcomes(data)))}


def test_the_set_is_built_as_measured(shared_data: Path) -> None:
    assert {family: row.n for family, row in by_family(shared_data).items()} == CASES


@pytest.mark.parametrize("family", sorted(FLOORS))
def test_verdict_floors(shared_data: Path, family: str) -> None:
    row = by_family(shared_data)[family]
    for verdict, floor in FLOORS[family].items():
        assert row.verdicts[verdict] >= floor, (family, verdict, row.verdicts)


@pytest.mark.parametrize("family", [f for f in CASES if not f.startswith("true")])
def test_no_changed_false_or_unestablished_claim_is_supported(shared_data: Path, family: str) -> None:
    assert by_family(shared_data)[family].verdicts[Verdict.SUPPORTED] == 0


def test_checker_is_precise_and_the_baseline_is_not(shared_data: Path) -> None:
    ours = numbers.confusion(list(outcomes(shared_data)))
    theirs = numbers.confusion(list(outcomes(shared_data)), use_baseline=True)
    assert (ours.precision, ours.recall) == (1.0, 1.0)
    assert (theirs.true_supported, theirs.other_supported) == (321, 115)


def test_the_command_says_what_is_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert numbers.main(["--data", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"numbers benchmark: {tmp_path / 'wh-briefings' / 'derived_506a1_memoranda_index.csv'} is absent: "
        "clone the shared data beside the repository (../shared/data)\n")
