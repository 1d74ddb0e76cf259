"""The seed run end to end from cassettes (issue 7): `checker verify claims.csv`, against baselines, same run.

    .venv/bin/python benchmarks/seed.py [--runs 5] [--json]

`checker verify claims.csv` (replay only, the default `--record none`) is run `--runs` times after one
warm-up, each time in a fresh process and into a fresh temporary --out folder (so every run is a first
run: no history to compare with, nothing in reports/ touched). Measured per run: wall time, and the
CPU time of the process (user + system, from the children's rusage), which the machine's other load
changes much less than the wall time. Figures are medians.

Baselines in the same run, each in a fresh process, same number of runs:
- `checker validate claims.csv`: start-up and reading the claims file, nothing fetched or matched;
- reading the cassettes alone: start-up, then every cassette parsed (`read_cassette`), the I/O floor
  of a replay.

Target: the seed run under 3 s wall on these machines (2 CPUs).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if __name__ == "__main__":
    # Run as a script: the repository root goes first on sys.path and this folder comes off it.
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]

import argparse
import json
import os
import resource
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass

ROOT = HERE.parent
PYTHON = sys.executable
CHECKER = Path(PYTHON).with_name("checker")
TARGET_SECONDS = 3.0
READ_CASSETTES = ("from pathlib import Path\n"
                  "from checker.fetch.cassette import read_cassette\n"
                  "for path in sorted(Path('cassettes').rglob('*.yaml')):\n"
                  "    read_cassette(path)\n")


@dataclass(frozen=True)
class Timed:
    wall: float
    cpu: float


@dataclass(frozen=True)
class Series:
    name: str
    runs: list[Timed]
    last_output: str = ""

    @property
    def wall(self) -> float:
        return statistics.median(run.wall for run in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(run.cpu for run in self.runs)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(argv: list[str]) -> tuple[Timed, subprocess.CompletedProcess]:
    cpu = children_cpu()
    started = time.perf_counter()
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, check=False)
    return Timed(time.perf_counter() - started, children_cpu() - cpu), done


def series(name: str, argv_for_run, runs: int) -> Series:
    """`runs` timed runs after one warm-up; argv_for_run(i) gives each run's command."""
    measured, output = [], ""
    for number in range(runs + 1):
        result, done = timed(argv_for_run(number))
        if done.returncode not in (0, 1):  # 1: a --fail-on verdict, not a failure of the run
            raise SystemExit(f"seed: {name} failed with exit {done.returncode}:\n{done.stderr[-2000:]}")
        if number:
            measured.append(result)
            output = done.stdout
    return Series(name, measured, output)


def checker_argv() -> list[str]:
    return [str(CHECKER)] if CHECKER.exists() else [PYTHON, "-m", "checker"]


def measure(runs: int) -> tuple[Series, Series, Series]:
    with tempfile.TemporaryDirectory(prefix="checker-seed-") as tmp:
        verify = series("checker verify claims.csv",
                        lambda n: checker_argv() + ["verify", "claims.csv", "--out", str(Path(tmp) / f"run{n}")],
                        runs)
    validate = series("checker validate claims.csv", lambda n: checker_argv() + ["validate", "claims.csv"], runs)
    cassettes = series("read the cassettes", lambda n: [PYTHON, "-c", READ_CASSETTES], runs)
    return verify, validate, cassettes


def summary(output: str) -> str:
    """verify's summary line ('50 claims: 7 supported, ...'), to show the run did the work."""
    return next((line for line in output.splitlines() if " claims: " in line), "")


def rows(verify: Series, validate: Series, cassettes: Series) -> list[dict[str, str]]:
    """The headline rows, in run_all's columns: figure, value, baseline, ratio, target, met."""
    n = len(verify.runs)
    over = verify.wall - TARGET_SECONDS
    return [
        {"figure": f"checker verify claims.csv from cassettes: wall, median of {n}",
         "value": f"{verify.wall:.2f} s (CPU {verify.cpu:.2f} s)",
         "baseline": f"{validate.wall:.2f} s (checker validate; CPU {validate.cpu:.2f} s)",
         "ratio": f"{verify.wall / validate.wall:.1f}x",
         "target": f"< {TARGET_SECONDS:.0f} s",
         "met": "yes" if over < 0 else f"no ({over:.2f} s over, {verify.wall / TARGET_SECONDS:.2f}x the target)"},
        {"figure": "seed run vs reading the cassettes alone (CPU)",
         "value": f"{verify.cpu:.2f} s",
         "baseline": f"{cassettes.cpu:.2f} s (start-up + every cassette parsed; wall {cassettes.wall:.2f} s)",
         "ratio": f"{verify.cpu / cassettes.cpu:.1f}x",
         "target": "-", "met": "-"},
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each command (default 5)")
    parser.add_argument("--json", action="store_true", help="print the headline rows as JSON instead")
    args = parser.parse_args(argv)
    verify, validate, cassettes = measure(args.runs)
    table = rows(verify, validate, cassettes)
    if args.json:
        print(json.dumps({"benchmark": "seed", "rows": table, "summary": summary(verify.last_output),
                          "wall": {s.name: s.wall for s in (verify, validate, cassettes)},
                          "cpu": {s.name: s.cpu for s in (verify, validate, cassettes)}}))
        return 0
    print(f"Seed run from cassettes, fresh process and --out folder each run, median of {args.runs} runs "
          f"after a warm-up; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print(f"verify said: {summary(verify.last_output)}")
    print()
    print(f"{'command':<30} {'wall':>8} {'CPU':>8}  wall of each run")
    for s in (verify, validate, cassettes):
        print(f"{s.name:<30} {s.wall:>7.2f}s {s.cpu:>7.2f}s  " + " ".join(f"{r.wall:.2f}" for r in s.runs))
    print()
    print("| figure | value | baseline | ratio | target | met |")
    print("|---|---|---|---|---|---|")
    for row in table:
        print("| " + " | ".join(row[key] for key in ("figure", "value", "baseline", "ratio", "target", "met")) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
