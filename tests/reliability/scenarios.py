"""The registry of reliability scenarios (issue 6).

A scenario is a small function that provokes one fault, runs the real code against it, asserts what must
hold and returns an Outcome saying what happened and what, if anything, was lost. It raises (an
AssertionError or anything else) when the guarantee does not hold.

Scenarios live in modules named `scenarios_*.py` in this folder; `load_all()` imports them, which
registers them. `tests/reliability/test_scenarios.py` runs each as one pytest test, and
`benchmarks/reliability.py` runs them all and prints the table.
"""

from __future__ import annotations

import importlib
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


class MissingData(Exception):
    """The real documents a scenario runs on are absent (a clone without ../shared beside it)."""


@dataclass(frozen=True)
class Outcome:
    """What happened (one line, plain text) and what was lost ("nothing" when nothing was)."""

    outcome: str
    lost: str = "nothing"


@dataclass(frozen=True)
class Scenario:
    name: str
    tried: str
    run: Callable[[Path], Outcome]
    module: str


@dataclass(frozen=True)
class Row:
    name: str
    tried: str
    outcome: str
    lost: str
    passed: bool
    seconds: float


SCENARIOS: dict[str, Scenario] = {}


def scenario(name: str, tried: str) -> Callable[[Callable[[Path], Outcome]], Callable[[Path], Outcome]]:
    """Register `fn(tmp_dir) -> Outcome` under a unique name, with a one-line description of the fault."""

    def register(fn: Callable[[Path], Outcome]) -> Callable[[Path], Outcome]:
        if name in SCENARIOS and SCENARIOS[name].run is not fn:
            existing = SCENARIOS[name]
            if (existing.module, existing.run.__name__) != (fn.__module__, fn.__name__):
                raise ValueError(f"two scenarios are named {name!r}")
        SCENARIOS[name] = Scenario(name, tried, fn, fn.__module__)
        return fn

    return register


def load_all() -> dict[str, Scenario]:
    """Import every scenarios_*.py beside this module (registering its scenarios); return the registry."""
    for path in sorted(HERE.glob("scenarios_*.py")):
        importlib.import_module(f"reliability.{path.stem}")
    return SCENARIOS


def run_one(item: Scenario) -> Row:
    """Run a scenario in a fresh temporary directory; a raised error is a failed row, never an escape."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="checker-reliability-") as tmp:
        try:
            result = item.run(Path(tmp))
        except BaseException as error:  # noqa: BLE001 - the table reports every failure
            if isinstance(error, KeyboardInterrupt):
                raise
            last = traceback.extract_tb(error.__traceback__)[-1]
            message = f"FAILED: {type(error).__name__}: {error} ({Path(last.filename).name}:{last.lineno})"
            return Row(item.name, item.tried, " ".join(message.split()), "unknown", False,
                       time.perf_counter() - started)
    return Row(item.name, item.tried, result.outcome, result.lost, True, time.perf_counter() - started)
