"""One test per registered reliability scenario (see reliability/scenarios.py); the table is printed by
benchmarks/reliability.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from reliability.scenarios import MissingData, load_all

SCENARIOS = load_all()


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_scenario(name: str, tmp_path: Path) -> None:
    try:
        outcome = SCENARIOS[name].run(tmp_path)
    except MissingData as missing:
        pytest.skip(str(missing))
    assert outcome.outcome
    assert outcome.lost == "nothing", outcome.lost
