"""Start-up (issue 7): `checker --help` and `checker validate claims.csv` against bare Python, same run.

    .venv/bin/python benchmarks/startup.py [--runs 7] [--json]

Each command runs in a fresh process, `--runs` times after one warm-up run (so the page cache holds
the files), and its wall time is the median. Baselines in the same run: `python -c pass` (the floor:
the interpreter and site) and `python -c "import requests"` (what a command pays for the HTTP stack).
Then each command once more with PYTHONPROFILEIMPORTTIME=1 (`python -X importtime`): the third-party
packages it imports and its slowest imports, to show a command imports only what it needs.

Targets: `checker --help` and `checker validate` import no third-party package, and each takes less
time than importing requests alone (ratio to that baseline below 1). `checker verify` is listed for
comparison: it needs the HTTP stack, the extractors and the matchers.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if __name__ == "__main__":
    # Run as a script: the repository root goes first on sys.path and this folder comes off it.
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import time
from dataclasses import dataclass

ROOT = HERE.parent
PYTHON = sys.executable
CHECKER = Path(PYTHON).with_name("checker")
# Known to take tens of milliseconds or more to import; a command that needs none should load none.
HEAVY = ("pandas", "numpy", "openpyxl", "trafilatura", "rich", "dask", "distributed", "lxml", "bs4",
         "requests", "urllib3", "rapidfuzz", "yaml", "pypdf", "protego", "charset_normalizer", "vcr")


@dataclass(frozen=True)
class Command:
    name: str
    argv: tuple[str, ...]
    baseline: bool = False
    target: bool = False  # held to the start-up targets


def commands() -> list[Command]:
    checker = (str(CHECKER),) if CHECKER.exists() else (PYTHON, "-m", "checker")
    return [
        Command("python -c pass", (PYTHON, "-c", "pass"), baseline=True),
        Command('python -c "import requests"', (PYTHON, "-c", "import requests"), baseline=True),
        Command("checker --help", checker + ("--help",), target=True),
        Command("checker validate claims.csv", checker + ("validate", "claims.csv"), target=True),
        Command("checker verify --help", checker + ("verify", "--help")),
    ]


def wall_times(argv: tuple[str, ...], runs: int) -> list[float]:
    """Wall seconds of `runs` runs of argv, after one warm-up run."""
    times = []
    for number in range(runs + 1):
        started = time.perf_counter()
        subprocess.run(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        if number:
            times.append(time.perf_counter() - started)
    return times


@dataclass(frozen=True)
class Import:
    name: str
    self_us: int
    cumulative_us: int


def parse_importtime(stderr: str) -> list[Import]:
    """The `import time: self [us] | cumulative | name` lines of -X importtime, in order."""
    imports = []
    for line in stderr.splitlines():
        if not line.startswith("import time:"):
            continue
        parts = line[len("import time:"):].split("|")
        if len(parts) != 3 or not parts[0].strip().isdigit():
            continue
        imports.append(Import(parts[2].strip(), int(parts[0]), int(parts[1])))
    return imports


def imports_of(argv: tuple[str, ...]) -> list[Import]:
    env = dict(os.environ, PYTHONPROFILEIMPORTTIME="1")
    done = subprocess.run(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, check=False)
    return parse_importtime(done.stderr)


def third_party(imports: list[Import]) -> list[str]:
    """Top-level packages imported that are neither the standard library nor checker, in import order.

    -X importtime also logs imports that failed (optional speed-ups tried, `copy`'s Jython check of
    `org`), so a package counts only when it is installed here.
    """
    seen: dict[str, None] = {}
    for found in imports:
        top = found.name.split(".")[0]
        if top in sys.stdlib_module_names or top.startswith("_") or top in ("checker", "site", "sitecustomize"):
            continue
        seen.setdefault(top, None)
    return [top for top in seen if importlib.util.find_spec(top) is not None]


def slowest(imports: list[Import], count: int = 3) -> list[Import]:
    """The imports with the largest cumulative time that were asked for by checker or the command itself."""
    top_level = [found for found in imports if not found.name.startswith(("encodings", "site", "_"))]
    return sorted(top_level, key=lambda found: -found.cumulative_us)[:count]


@dataclass(frozen=True)
class Measured:
    command: Command
    median: float
    times: list[float]
    packages: list[str]
    checker_modules: int
    slowest: list[Import]


def measure(runs: int) -> list[Measured]:
    measured = []
    for command in commands():
        times = wall_times(command.argv, runs)
        imports = imports_of(command.argv)
        measured.append(Measured(command, statistics.median(times), times, third_party(imports),
                                 sum(found.name.split(".")[0] == "checker" for found in imports),
                                 slowest(imports)))
    return measured


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def rows(measured: list[Measured]) -> list[dict[str, str]]:
    """The headline rows, in run_all's columns: figure, value, baseline, ratio, target, met."""
    by_name = {m.command.name: m for m in measured}
    floor = by_name["python -c pass"]
    requests_ = by_name['python -c "import requests"']
    out = []
    for m in measured:
        if not m.command.target:
            continue
        ratio = m.median / requests_.median
        out.append({
            "figure": f"{m.command.name}: wall, median of {len(m.times)}",
            "value": ms(m.median),
            "baseline": f"{ms(requests_.median)} (python -c \"import requests\"; python -c pass {ms(floor.median)})",
            "ratio": f"{ratio:.2f}x",
            "target": "< 1x import requests",
            "met": "yes" if ratio < 1 else f"no ({ratio:.2f}x the baseline, {ms(m.median - requests_.median)} over)",
        })
        heavy = [name for name in m.packages if name in HEAVY]
        out.append({
            "figure": f"{m.command.name}: third-party packages imported",
            "value": ", ".join(m.packages) or "none",
            "baseline": "", "ratio": "",
            "target": "none",
            "met": "yes" if not m.packages else f"no ({len(m.packages)}: heavy {', '.join(heavy) or 'none'})",
        })
    return out


def print_table(measured: list[Measured]) -> None:
    floor = next(m for m in measured if m.command.name == "python -c pass").median
    print(f"Start-up, fresh process each run, median of {len(measured[0].times)} runs after a warm-up; "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print()
    header = f"{'command':<30} {'median':>8} {'min':>8} {'vs pass':>8}  {'checker mods':>12}  third-party packages imported"
    print(header)
    print("-" * len(header))
    for m in measured:
        print(f"{m.command.name:<30} {ms(m.median):>8} {ms(min(m.times)):>8} {m.median / floor:>7.1f}x  "
              f"{m.checker_modules:>12}  {', '.join(m.packages) or 'none'}")
    print()
    print("slowest imports (cumulative, -X importtime):")
    for m in measured:
        if m.command.baseline:
            continue
        print(f"  {m.command.name:<30} " + "; ".join(f"{found.name} {found.cumulative_us / 1000:.0f} ms"
                                                   for found in m.slowest))
    print()
    header = "| figure | value | baseline | ratio | target | met |"
    print(header)
    print("|---|---|---|---|---|---|")
    for row in rows(measured):
        print("| " + " | ".join(row[key] for key in ("figure", "value", "baseline", "ratio", "target", "met")) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command (default 7)")
    parser.add_argument("--json", action="store_true", help="print the headline rows as JSON instead")
    args = parser.parse_args(argv)
    measured = measure(args.runs)
    if args.json:
        print(json.dumps({"benchmark": "startup", "rows": rows(measured),
                          "medians": {m.command.name: m.median for m in measured},
                          "packages": {m.command.name: m.packages for m in measured}}))
    else:
        print_table(measured)
    return 0


if __name__ == "__main__":
    sys.exit(main())
