"""Every benchmark, one table (issue 7): figures, the baseline measured in the same run, ratio, target, met.

    .venv/bin/python benchmarks/run_all.py [--quick] [--only NAMES] [--skip NAMES] [--logs DIR]

Each benchmark runs as a subprocess of its own (`benchmarks/<name>.py`), with a time cap; --quick
passes its small options (see BENCHMARKS). Its printed output is read for its headline figures:
startup and seed print JSON (--json), the others their usual table, read defensively: a benchmark
that is absent, fails, runs past its cap or prints something unexpected gives a row that says so,
and its whole output is kept in --logs (default: a new temporary folder, named at the end).

Timing figures are medians of several runs inside the benchmark (startup, seed, speed,
fetch_concurrency) or over repeated runs of it here (a Benchmark's `repeat`); scale and load time each
size once (a 10,000-claim run is long, and its time is a bound). Every ratio is to a baseline measured
in the same run, because these machines are shared and noisy. Where a target is missed, the `met`
cell says by how much.

--quick takes 2 to 6 minutes here; the full run about 11 minutes (2 CPUs, load 1 to 5), mostly
scale's 10,000 claims over 500 documents on both engines; longer when the matchers are slower (speed
and scale are capped at 30 and 60 minutes).
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
import re
import signal
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field

ROOT = HERE.parent
PYTHON = sys.executable
COLUMNS = ("benchmark", "figure", "value", "baseline", "ratio", "target", "met")


@dataclass(frozen=True)
class Row:
    benchmark: str
    figure: str
    value: str = ""
    baseline: str = ""
    ratio: str = ""
    target: str = "-"
    met: str = "-"

    def cells(self) -> tuple[str, ...]:
        return tuple(getattr(self, column) for column in COLUMNS)


# ---------------------------------------------------------------- reading each benchmark's output

_NUMBER = r"(-?[\d,]*\.?\d+)"


def _float(text: str) -> float:
    return float(text.replace(",", ""))


def missed_by(value: float, target: float, unit: str, below: bool = True) -> str:
    """'yes', or 'no' with how far the value is from the target."""
    if (value < target) if below else (value > target):
        return "yes"
    if below:
        return f"no ({value - target:,.2f}{space(unit)} over, {value / target:.2f}x the target)"
    return f"no ({target - value:,.3f}{space(unit)} short)"


def space(unit: str) -> str:
    return unit if unit == "x" else f" {unit}"


def read_json_rows(name: str, output: str) -> list[Row]:
    """startup.py and seed.py --json: {"rows": [{figure, value, baseline, ratio, target, met}]}."""
    for line in reversed(output.strip().splitlines()):
        if line.startswith("{"):
            data = json.loads(line)
            return [Row(name, **{key: row.get(key, "") for key in COLUMNS[1:]}) for row in data["rows"]]
    return []


def markdown_rows(output: str) -> list[list[str]]:
    """The cells of every Markdown table row printed (header and rule lines left out)."""
    rows = []
    for line in output.splitlines():
        line = line.strip()
        if not (line.startswith("|") and line.endswith("|")) or set(line) <= set("|-: "):
            continue
        cells = [cell.strip() for cell in line[1:-1].split("|")]
        if cells and cells[0] in ("measure", "figure"):
            continue
        rows.append(cells)
    return rows


def read_speed(output: str) -> list[Row]:
    """speed.py's Markdown table: measure | checker | baseline | ratio | target | met; rows with a target or ratio."""
    rows = []
    for cells in markdown_rows(output):
        if len(cells) < 6:
            continue
        measure, value, baseline, ratio, target, met = cells[:6]
        if (target in ("", "-") and ratio in ("", "-")) or measure.startswith("-"):
            continue
        if met.startswith("yes ("):
            met = "yes"
        rows.append(Row("speed", measure, value, baseline, ratio, target or "-", met or "-"))
    return rows


@dataclass(frozen=True)
class FetchRun:
    label: str
    workers: int
    seconds: float
    ideal: float
    sequential: float


_FETCH_ROW = re.compile(r"^(?P<label>\S.*?)\s{2,}(?P<workers>\d+)\s+" + _NUMBER + r"\s+" + _NUMBER + r"\s+" + _NUMBER)
_FETCH_OLD_ROW = re.compile(r"^(?P<label>fetch_all),\s*(?P<workers>\d+) workers?:\s*" + _NUMBER + r"\s*s")


def parse_fetch(output: str) -> list[FetchRun]:
    """fetch_concurrency.py's runs, from its table (label, workers, seconds, x ideal, x faster, ...) or
    from its earlier 'fetch_all, N workers: S s' lines; the sequential time measured or computed."""
    ideal = (re.search(r"^ideal:[^\n=]*=\s*" + _NUMBER + r"\s*s", output, re.M)
             or re.search(r"^ideal:\s*" + _NUMBER + r"\s*s", output, re.M))
    found = [(m.group("label").strip(), int(m.group("workers")), _float(m.group(3)))
             for m in map(_FETCH_ROW.match, output.splitlines()) if m]
    if not found:
        found = [(f"fetch_all, {m.group('workers')} workers", int(m.group("workers")), _float(m.group(3)))
                 for m in map(_FETCH_OLD_ROW.match, output.splitlines()) if m]
    sequential = next((seconds for label, _, seconds in found if label.lower().startswith("sequential")), None)
    if sequential is None:
        computed = re.search(r"sequential[^:\n]*:\s*" + _NUMBER + r"\s*s", output)
        sequential = _float(computed.group(1)) if computed else float("nan")
    return [FetchRun(label, workers, seconds, _float(ideal.group(1)) if ideal else float("nan"), sequential)
            for label, workers, seconds in found if not label.lower().startswith("sequential")]


FETCH_TARGET = 1.5


def read_fetch(outputs: list[str]) -> list[Row]:
    """fetch_concurrency.py (run once or more): each run's time against the ideal; the target is held by
    checker's default worker count (or, in an output that names none, the run with the most workers)."""
    by_label: dict[str, list[FetchRun]] = {}
    for output in outputs:
        for run in parse_fetch(output):
            by_label.setdefault(run.label, []).append(run)
    header = next((line for line in (outputs[0] if outputs else "").splitlines() if "URLs" in line), "fetching")
    header = header.split(";")[0]
    held = next((label for label in by_label if "default" in label),
                max(by_label, key=lambda label: by_label[label][0].workers, default=""))
    rows = []
    for label, runs in by_label.items():
        seconds = statistics.median(run.seconds for run in runs)
        ideal, sequential = runs[0].ideal, runs[0].sequential
        ratio = seconds / ideal
        times = f", median of {len(runs)} invocations" if len(outputs) > 1 else ""
        rows.append(Row("fetch_concurrency", f"{header}: {label} ({runs[0].workers} workers){times}",
                        f"{seconds:.2f} s", f"ideal {ideal:.2f} s; sequential {sequential:.2f} s "
                        f"({sequential / seconds:.1f}x faster)", f"{ratio:.2f}x ideal",
                        f"<= {FETCH_TARGET}x ideal" if label == held else "-",
                        missed_by(ratio, FETCH_TARGET + 1e-9, "x") if label == held else "-"))
    return rows


SCALE_SECONDS, SCALE_MIB = 60.0, 2048.0
_SCALE_LINE = re.compile(r"^\s*(\d+)\s+(\d+)\s*\|(.*)\|(.*)\|\s*" + _NUMBER + r"x\s+(\w+)\s*$")


@dataclass(frozen=True)
class ScaleRow:
    documents: int
    claims: int
    local_seconds: float
    local_mib: float
    dask_seconds: float
    dask_mib: float
    identical: str


def parse_scale(output: str) -> list[ScaleRow]:
    """scale.py's lines: D N | local s, claims/s, peak MiB | dask s, claims/s, peak MiB, start s | ratio identical."""
    rows = []
    for line in output.splitlines():
        found = _SCALE_LINE.match(line)
        if not found:
            continue
        local, dask = found.group(3).split(), found.group(4).split()
        if len(local) < 3 or len(dask) < 3:
            continue
        rows.append(ScaleRow(int(found.group(1)), int(found.group(2)), _float(local[0]), _float(local[2]),
                             _float(dask[0]), _float(dask[2]), found.group(6)))
    return rows


def read_scale(output: str) -> list[Row]:
    rows = parse_scale(output)
    if not rows:
        return []
    out = []
    largest = max(rows, key=lambda r: (r.claims * r.documents, r.claims))
    size = f"{largest.claims:,} claims over {largest.documents} documents"
    full_size = largest.claims >= 10_000 and largest.documents >= 500
    for engine, seconds, mib, other in (("local", largest.local_seconds, largest.local_mib, largest.dask_seconds),
                                        ("dask", largest.dask_seconds, largest.dask_mib, largest.local_seconds)):
        target = f"< {SCALE_SECONDS:.0f} s" if full_size else "- (10,000 x 500: full run)"
        out.append(Row("scale", f"{size}, {engine} engine: wall", f"{seconds:.2f} s ({largest.claims / seconds:,.0f} claims/s)",
                       f"{other:.2f} s ({'dask' if engine == 'local' else 'local'} engine)", f"{seconds / other:.2f}x",
                       target, missed_by(seconds, SCALE_SECONDS, "s") if full_size else "-"))
        target = f"< {SCALE_MIB / 1024:.0f} GiB" if full_size else "-"
        out.append(Row("scale", f"{size}, {engine} engine: peak memory", f"{mib:,.0f} MiB", "", "", target,
                       missed_by(mib, SCALE_MIB, "MiB") if full_size else "-"))
    if not full_size:
        per_claim = largest.local_seconds / largest.claims
        projected = per_claim * 10_000
        out.append(Row("scale", f"10,000 claims, local engine, projected from N={largest.claims:,} D={largest.documents}",
                       f"{projected:.1f} s ({1000 * per_claim:.2f} ms a claim x 10,000)", "", "",
                       f"< {SCALE_SECONDS:.0f} s", "projected " + missed_by(projected, SCALE_SECONDS, "s")))
    for d in sorted({r.documents for r in rows}):
        series = sorted((r for r in rows if r.documents == d), key=lambda r: r.claims)
        if len(series) < 2:
            continue
        small, big = series[0], series[-1]
        growth = (big.local_seconds / big.claims) / (small.local_seconds / small.claims)
        out.append(Row("scale", f"time per claim, N={big.claims:,} vs N={small.claims:,} at D={d}, local",
                       f"{1000 * big.local_seconds / big.claims:.2f} ms", f"{1000 * small.local_seconds / small.claims:.2f} ms",
                       f"{growth:.2f}x", "<= 1.5x (linear in claims)", missed_by(growth, 1.5 + 1e-9, "x")))
    identical = [r for r in rows if r.identical.lower() != "yes"]
    out.append(Row("scale", "dask results identical to local", f"{len(rows) - len(identical)} of {len(rows)} sizes",
                   "", "", "all", "yes" if not identical else f"no ({len(identical)} differ)"))
    return out


def read_load(output: str) -> list[Row]:
    """load.py's wall time and peak RSS; held to the scale targets at 10,000 claims over 500 sources."""
    head = re.search(r"(\d+) synthetic recorded sources.*?(\d+) claims", output)
    wall = re.search(r"wall time\s+" + _NUMBER + r"\s*s\s*\(" + _NUMBER + r" claims/s\)", output)
    rss = re.search(r"peak RSS\s+" + _NUMBER + r"\s*MiB", output)
    if not (head and wall):
        return []
    full_size = int(head.group(2)) >= 10_000 and int(head.group(1)) >= 500
    size = f"{int(head.group(2)):,} claims over {head.group(1)} sources (8 threads)"
    seconds = _float(wall.group(1))
    rows = [Row("load", f"{size}: wall", f"{seconds:.1f} s ({wall.group(2)} claims/s)", "", "",
                f"< {SCALE_SECONDS:.0f} s" if full_size else "-",
                missed_by(seconds, SCALE_SECONDS, "s") if full_size else "-")]
    if rss:
        mib = _float(rss.group(1))
        rows.append(Row("load", f"{size}: peak RSS", f"{mib:,.0f} MiB", "", "",
                        "< 2 GiB" if full_size else "-", missed_by(mib, SCALE_MIB, "MiB") if full_size else "-"))
    return rows


def _pair(output: str, label: str) -> tuple[float, float] | None:
    """The two numbers after `label` on its line ('  macro-F1   0.436   0.236')."""
    found = re.search(re.escape(label) + r"[^\n\d]*?" + _NUMBER + r"\s+" + _NUMBER, output)
    return (_float(found.group(1)), _float(found.group(2))) if found else None


def read_wice(output: str) -> list[Row]:
    rows = []
    for label, figure, baseline in (("recall@5 (a gold set in top 5)", "retrieval recall@5", "BM25"),
                                    ("macro-F1", "verdicts macro-F1", "majority label"),
                                    ("  F1", "unsupported tokens F1", "absent-word baseline")):
        pair = _pair(output, label)
        if pair:
            checker, base = pair
            rows.append(Row("wice", figure, f"{checker:.3f}", f"{base:.3f} ({baseline})",
                            f"{checker / base:.2f}x" if base else "", "above the baseline",
                            "yes" if checker > base else f"no ({base - checker:.3f} below)"))
    return rows


def read_quotes(output: str) -> list[Row]:
    pattern = r"^{name}\s+positives supported\s+" + _NUMBER + r"%\s+wrong supported\s+(\d+) of (\d+)"
    found = {name: re.search(pattern.format(name=re.escape(name)), output, re.M)
             for name in ("checker", "substring", "difflib>=.9")}
    if not found["checker"]:
        return []
    base = found["difflib>=.9"] or found["substring"]
    base_name = "difflib >= 0.9" if found["difflib>=.9"] else "substring"
    positives, wrong, negatives = (_float(found["checker"].group(1)), int(found["checker"].group(2)),
                                   int(found["checker"].group(3)))
    rows = [Row("quotes", "true variants supported", f"{positives:.1f}%",
                f"{_float(base.group(1)):.1f}% ({base_name})" if base else "",
                f"{positives / _float(base.group(1)):.2f}x" if base and _float(base.group(1)) else "",
                "100%", "yes" if positives >= 100 else f"no ({100 - positives:.1f} points short)"),
            Row("quotes", f"negative variants supported (of {negatives})", str(wrong),
                f"{base.group(2)} ({base_name})" if base else "", "", "0",
                "yes" if wrong == 0 else f"no ({wrong} wrong supported)")]
    return rows


def read_numbers(output: str) -> list[Row]:
    rows = []
    for label in ("precision of supported", "recall of true claims"):
        pair = _pair(output, label)
        if pair:
            checker, base = pair
            rows.append(Row("numbers", label, f"{checker:.3f}", f"{base:.3f} (regex)",
                            f"{checker / base:.2f}x" if base else "", "1.000",
                            "yes" if checker >= 1 else f"no ({1 - checker:.3f} short)"))
    missing = re.search(r"claims missing their target:\s*(\d+)", output)
    if missing:
        count = int(missing.group(1))
        rows.append(Row("numbers", "claims missing their target", str(count), "", "", "0",
                        "yes" if count == 0 else f"no ({count})"))
    return rows


def read_draft(output: str) -> list[Row]:
    rows = []
    found = re.search(r"quotes \+ figures\s+(\d+)\s+(\d+)", output)
    if found:
        shipped, got = int(found.group(1)), int(found.group(2))
        share = got / shipped if shipped else 0.0
        rows.append(Row("draft", "seed: shipped quote and figure rows drafted", f"{got}/{shipped}", "", "",
                        ">= 90%", "yes" if share >= 0.9 else f"no ({share:.0%})"))
    violations = re.search(r"^all\s+(\d+)\s+(\d+)\s*$", output, re.M)
    if violations:
        count = int(violations.group(2))
        rows.append(Row("draft", f"drafted rows not verbatim in their text (of {violations.group(1)})", str(count),
                        "", "", "0", "yes" if count == 0 else f"no ({count})"))
    return rows


def read_reliability(output: str) -> list[Row]:
    found = re.search(r"(\d+) scenarios, (\d+) passed", output)
    if not found:
        return []
    total, passed = int(found.group(1)), int(found.group(2))
    failed = [cells[0] for cells in markdown_rows(output) if len(cells) >= 3 and cells[2].startswith("FAILED")]
    return [Row("reliability", "fault scenarios passed, nothing lost", f"{passed}/{total}", "", "", "all",
                "yes" if passed == total else f"no ({total - passed} failed: {'; '.join(failed)})")]


RERUN_TARGET = 5.0  # percent of the first run's body bytes
_RERUN_ROW = re.compile(r"^(?P<link>\S+)\s+(?P<server>\S+ validators)\s+(?P<run>.+?)\s+(?P<ok>\d+)\s+(?P<not_modified>\d+)"
                        r"\s+(?P<bytes>[\d,]+)\s+(?P<share>[\d.]+)\s+(?P<seconds>[\d.]+)\s+(?P<ratio>[\d.]+)\s")


def read_rerun(output: str) -> list[Row]:
    """rerun.py's table (link, server, run, 200s, 304s, body bytes, % of first, seconds, x first, ...):
    per link, the no-change re-run against the first run, on the server that honours validators."""
    runs = {}
    for line in output.splitlines():
        found = _RERUN_ROW.match(line)
        if found:
            kind = found.group("run").split("(")[0].strip()
            runs[(found.group("link"), found.group("server"), kind)] = found
    rows = []
    for link in dict.fromkeys(key[0] for key in runs):
        first, again = runs.get((link, "honours validators", "first")), runs.get((link, "honours validators", "no change"))
        if not (first and again):
            continue
        ignored = runs.get((link, "ignores validators", "no change"))
        share = _float(again.group("share"))
        rows.append(Row("rerun", f"no-change re-run, {link}: body bytes ({again.group('not_modified')} answers 304)",
                        f"{_float(again.group('bytes')):,.0f} B ({share:.2f}%)",
                        f"{_float(first.group('bytes')):,.0f} B (first run)"
                        + (f"; {_float(ignored.group('bytes')):,.0f} B from a server ignoring validators" if ignored else ""),
                        f"{share / 100:.4f}x", f"< {RERUN_TARGET:.0f}% of the first run",
                        missed_by(share, RERUN_TARGET, "points")))
        rows.append(Row("rerun", f"no-change re-run, {link}: fetch time", f"{_float(again.group('seconds')):.2f} s",
                        f"{_float(first.group('seconds')):.2f} s (first run)", f"{_float(again.group('ratio')):.2f}x"))
    if rows:
        return rows
    verdict = re.search(r"(met|missed) \(" + _NUMBER + r"%", output)
    if verdict:
        share = _float(verdict.group(2))
        return [Row("rerun", "no-change re-run: body bytes, share of the first run's", f"{share:.2f}%",
                    "first run: 100%", f"{share / 100:.4f}x", f"< {RERUN_TARGET:.0f}% of the first run",
                    missed_by(share, RERUN_TARGET, "points"))]
    return read_json_rows("rerun", output)


# ---------------------------------------------------------------- the benchmarks


@dataclass(frozen=True)
class Benchmark:
    name: str
    full: tuple[str, ...]
    quick: tuple[str, ...]
    cap: float  # seconds, per run
    quick_cap: float
    read: Callable[[list[str], bool], list[Row]]  # (outputs of the runs, quick) -> rows
    repeat: int = 1
    about: str = ""
    extra: dict = field(default_factory=dict)


def _one(reader: Callable[[str], list[Row]]) -> Callable[[list[str], bool], list[Row]]:
    return lambda outputs, quick: reader(outputs[-1])


BENCHMARKS = (
    Benchmark("startup", ("--json", "--runs", "15"), ("--json", "--runs", "7"), 300, 120,
              lambda outputs, quick: read_json_rows("startup", outputs[-1])),
    Benchmark("seed", ("--json", "--runs", "7"), ("--json", "--runs", "3"), 300, 120,
              lambda outputs, quick: read_json_rows("seed", outputs[-1])),
    Benchmark("amounts", (), (), 300, 120, _one(read_numbers)),
    Benchmark("quotes", (), ("--sentences", "60"), 600, 120, _one(read_quotes)),
    Benchmark("wice", (), ("--limit", "60"), 600, 120, _one(read_wice)),
    Benchmark("draft", (), (), 300, 120, _one(read_draft)),
    Benchmark("fetch_concurrency", ("--runs", "5"), ("--runs", "3", "--no-sequential"), 600, 180,
              lambda outputs, quick: read_fetch(outputs)),
    Benchmark("rerun", (), ("--quick",), 600, 180, _one(read_rerun)),
    Benchmark("speed", (), ("--cap", "30", "--difflib-cap", "10", "--runs", "3"), 1800, 300, _one(read_speed)),
    Benchmark("load", ("--no-tracemalloc",), ("--sources", "50", "--claims", "1000", "--no-tracemalloc"), 900, 120,
              _one(read_load)),
    Benchmark("scale", (), ("--quick",), 3600, 600, _one(read_scale)),
    Benchmark("reliability", (), (), 900, 300, _one(read_reliability)),
)
QUICK_REPEAT: dict[str, int] = {}


@dataclass(frozen=True)
class Ran:
    outputs: list[str]
    seconds: float
    problem: str = ""  # why there are no figures


def run(benchmark: Benchmark, quick: bool, logs: Path) -> Ran:
    """Run the benchmark (repeated if asked), each run in its own process group, killed at the cap."""
    path = HERE / f"{benchmark.name}.py"
    if not path.exists():
        return Ran([], 0.0, f"not run: {path.relative_to(ROOT)} is not here")
    options = known_options(benchmark.quick if quick else benchmark.full, path.read_text(encoding="utf-8"))
    argv = [PYTHON, str(path), *options]
    cap = benchmark.quick_cap if quick else benchmark.cap
    repeat = QUICK_REPEAT.get(benchmark.name, benchmark.repeat) if quick else benchmark.repeat
    outputs, started = [], time.perf_counter()
    for number in range(repeat):
        log = logs / (f"{benchmark.name}.{number + 1}.out" if repeat > 1 else f"{benchmark.name}.out")
        with open(log, "w", encoding="utf-8") as handle:
            process = subprocess.Popen(argv, cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT,
                                       start_new_session=True)
            try:
                code = process.wait(timeout=cap)
            except subprocess.TimeoutExpired:
                _stop(process)
                return Ran(outputs, time.perf_counter() - started, f"stopped at its cap of {cap:.0f} s")
        output = log.read_text(encoding="utf-8", errors="replace")
        outputs.append(output)
        if code not in (0, 1):  # reliability exits 1 when a scenario fails: still a table to read
            last = output.strip().splitlines()[-1:] or [""]
            return Ran(outputs, time.perf_counter() - started, f"exit {code}: {last[0][:160]}")
    return Ran(outputs, time.perf_counter() - started)


def saved(benchmark: Benchmark, logs: Path) -> Ran:
    """The outputs an earlier run kept for this benchmark (--from-logs)."""
    paths = sorted(logs.glob(f"{benchmark.name}.out")) or sorted(logs.glob(f"{benchmark.name}.*.out"))
    if not paths:
        return Ran([], 0.0, f"not in {logs}")
    return Ran([path.read_text(encoding="utf-8", errors="replace") for path in paths], 0.0)


def known_options(options: tuple[str, ...], source: str) -> tuple[str, ...]:
    """The options whose flag the benchmark's source names (with their values): benchmarks change while
    this runs them, and an option one does not have (yet) would only make it exit with a usage error."""
    kept: list[str] = []
    dropping = False
    for option in options:
        if option.startswith("--"):
            dropping = f'"{option}"' not in source
        if not dropping:
            kept.append(option)
    return tuple(kept)


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM to the benchmark's process group (it may have started workers), SIGKILL if it lingers."""
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def rows_of(benchmark: Benchmark, ran: Ran, quick: bool, logs: Path) -> list[Row]:
    if ran.problem and not ran.outputs:
        return [Row(benchmark.name, ran.problem, met="not measured")]
    try:
        rows = benchmark.read(ran.outputs, quick) if ran.outputs else []
    except (ValueError, KeyError, IndexError, TypeError, ZeroDivisionError) as exc:
        rows, ran = [], Ran(ran.outputs, ran.seconds, ran.problem or f"its output could not be read ({exc})")
    if not rows:
        why = ran.problem or "no figures found in its output"
        return [Row(benchmark.name, f"{why}; see {logs / benchmark.name}*.out", met="not measured")]
    if ran.problem:
        rows.append(Row(benchmark.name, ran.problem, met="incomplete"))
    return rows


def markdown(rows: list[Row]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(cell.replace("|", "/") for cell in row.cells()) + " |" for row in rows]
    return "\n".join(lines)


def _names(text: str) -> set[str]:
    return {name.strip() for name in text.split(",") if name.strip()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a few minutes in all")
    parser.add_argument("--only", type=_names, default=set(), help="comma-separated benchmark names to run")
    parser.add_argument("--skip", type=_names, default=set(), help="comma-separated benchmark names to leave out")
    parser.add_argument("--logs", type=Path, help="where each benchmark's output is kept (default: a new temp folder)")
    parser.add_argument("--from-logs", type=Path, metavar="DIR",
                        help="run nothing: read the outputs an earlier run kept in DIR and print its table again")
    args = parser.parse_args(argv)
    known = {b.name for b in BENCHMARKS}
    if unknown := (args.only | args.skip) - known:
        parser.error(f"unknown benchmark(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(known))}")
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        # Started in the background by a shell (`... &`), SIGINT is ignored, and an ignored signal stays
        # ignored across exec: the reliability scenarios that interrupt checker with Ctrl-C would fail.
        # A handler of our own is reset to the default in each benchmark started.
        signal.signal(signal.SIGINT, signal.default_int_handler)
    logs = args.from_logs or args.logs or Path(tempfile.mkdtemp(prefix="checker-bench-"))
    logs.mkdir(parents=True, exist_ok=True)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                           capture_output=True, text=True).stdout.strip()
    print(f"checker benchmarks{' (--quick)' if args.quick else ''}"
          f"{f' (table re-read from {args.from_logs}, nothing run)' if args.from_logs else ''}: commit {commit.stdout.strip() or '?'}"
          f"{' + uncommitted changes' if dirty else ''}, {os.cpu_count()} CPUs, "
          f"load average at the start {os.getloadavg()[0]:.2f}", flush=True)
    rows: list[Row] = []
    started = time.perf_counter()
    for benchmark in BENCHMARKS:
        if (args.only and benchmark.name not in args.only) or benchmark.name in args.skip:
            continue
        print(f"  {benchmark.name} ...", end="", flush=True)
        ran = saved(benchmark, args.from_logs) if args.from_logs else run(benchmark, args.quick, logs)
        found = rows_of(benchmark, ran, args.quick, logs)
        rows += found
        missed = sum(bool(re.match(r"(projected )?no\b", row.met)) for row in found)
        print(f" {ran.seconds:.0f} s{f', {missed} target(s) missed' if missed else ''}"
              f"{f' ({ran.problem})' if ran.problem else ''}", flush=True)
    print()
    print(markdown(rows))
    print()
    targets = [row for row in rows if row.target not in ("", "-") and row.met != "-"]
    met = sum(row.met.startswith("yes") for row in targets)
    print(f"{met} of {len(targets)} targets met; {time.perf_counter() - started:.0f} s in all; "
          f"load average at the end {os.getloadavg()[0]:.2f}; outputs in {logs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
