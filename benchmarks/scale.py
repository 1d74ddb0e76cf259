"""Scale (issue 7): N claims over D recorded documents, on the local engine and on the Dask engine.

    .venv/bin/python benchmarks/scale.py [--quick] [--claims 100,1000,10000] [--documents 10,100,500] [--workers 2]

The data are SYNTHETIC recordings of real text, made by benchmarks/load.py's generator (issue 6):
each of the D documents is an HTML page at a made-up whitehouse.gov URL whose paragraphs are runs of
two real White House texts (../shared/data/wh-briefings, public domain), recorded into cassettes in
a temporary directory as if fetched; the N claims cite them in rotation (exact quotes, quotes with a
word changed, statements, amounts, quotes that are on no page).

Each configuration runs in a fresh Python process, so that its peak memory is its own:
- local: checker.pipeline.verify from replay, as `checker verify --record none` does;
- dask: a LocalCluster of --workers processes with one thread each (started and warmed, i.e. checker
  imported on every worker, before the clock starts: that start-up is reported apart), then
  checker.engine.verify_dask.
Printed per configuration: wall time, claims/s, peak memory (ru_maxrss; for dask the sum over the
process tree: this process with the scheduler, each worker and each nanny), the dask/local time ratio,
and whether the two engines gave identical results (results.json entries compared). Then the growth:
time per claim as N grows (at each D) and time per document as D grows (at each N).

--quick runs N in 100, 1000 and D in 10, 100. `measure()` and `table()` are what a combined benchmark
calls.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if __name__ == "__main__":
    # Run as a script: the repository root goes first on sys.path and this folder comes off it.
    sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != HERE]

import argparse
import importlib.util
import json
import resource
import subprocess
import tempfile
import time
from dataclasses import asdict, dataclass

CLAIMS = (100, 1_000, 10_000)
DOCUMENTS = (10, 100, 500)
QUICK_CLAIMS = (100, 1_000)
QUICK_DOCUMENTS = (10, 100)
ENGINES = ("local", "dask")


def generator():
    """benchmarks/load.py (issue 6): the synthetic pages of real text, their recording and the claims."""
    path = HERE / "load.py"
    if not path.exists():
        raise SystemExit(f"benchmarks/scale.py uses the generator in {path}, which is not here")
    spec = importlib.util.spec_from_file_location("benchmarks_load", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Figures:
    engine: str
    claims: int
    documents: int
    seconds: float
    peak_mib: float
    startup_seconds: float = 0.0  # dask: the LocalCluster started and checker imported on its workers
    processes: int = 1
    cited: int = 0  # documents the claims cite: min(N, D), as the claims take the documents in rotation

    @property
    def per_second(self) -> float:
        return self.claims / self.seconds if self.seconds else 0.0


def measure(engine: str, claims: int, documents: int, cassettes: Path, workers: int = 2,
            results_file: Path | None = None) -> Figures:
    """One configuration, in a fresh process; its results.json entries go to `results_file` if given."""
    command = [sys.executable, str(Path(__file__).resolve()), "--one", engine, "--claims", str(claims),
               "--documents", str(documents), "--cassettes", str(cassettes), "--workers", str(workers)]
    if results_file is not None:
        command += ["--results", str(results_file)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{engine} N={claims} D={documents} failed:\n{done.stderr[-3000:]}")
    return Figures(**json.loads(done.stdout.strip().splitlines()[-1]))


def record_documents(documents: int, cassettes: Path) -> None:
    load = generator()
    load.record(load.build_sources(load.real_texts(), documents), cassettes)


@dataclass(frozen=True)
class Row:
    local: Figures
    dask: Figures
    identical: bool

    @property
    def ratio(self) -> float:
        """dask time / local time (below 1: the Dask engine is faster)."""
        return self.dask.seconds / self.local.seconds if self.local.seconds else 0.0


def table(claims: tuple[int, ...] = CLAIMS, documents: tuple[int, ...] = DOCUMENTS, workers: int = 2,
          report=None) -> list[Row]:
    """Every (N, D) on both engines; `report` is called with each Row as it is measured."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="checker-scale-") as tmp:
        for d in documents:
            cassettes = Path(tmp) / f"d{d}"
            record_documents(d, cassettes)
            for n in claims:
                figures = {}
                for engine in ENGINES:
                    figures[engine] = measure(engine, n, d, cassettes, workers, Path(tmp) / f"{engine}.json")
                same = (json.loads((Path(tmp) / "local.json").read_text(encoding="utf-8"))
                        == json.loads((Path(tmp) / "dask.json").read_text(encoding="utf-8")))
                rows.append(Row(figures["local"], figures["dask"], same))
                if report:
                    report(rows[-1])
    return rows


HEADER = (f"{'D docs':>6} {'N claims':>8} | {'local s':>8} {'claims/s':>8} {'peak MiB':>8} | {'dask s':>8} "
          f"{'claims/s':>8} {'peak MiB':>8} {'start s':>7} | {'dask/local':>10} {'identical':>9}")


def line(row: Row) -> str:
    local, dask = row.local, row.dask
    return (f"{local.documents:>6} {local.claims:>8} | {local.seconds:>8.2f} {local.per_second:>8.0f} "
            f"{local.peak_mib:>8.0f} | {dask.seconds:>8.2f} {dask.per_second:>8.0f} {dask.peak_mib:>8.0f} "
            f"{dask.startup_seconds:>7.1f} | {row.ratio:>9.2f}x {'yes' if row.identical else 'NO':>9}")


def growth(rows: list[Row]) -> list[str]:
    """Time per claim as N grows at each D, and time per document as D grows at each N, both engines."""
    lines = ["", "growth: ms per claim as N grows (each D), ratio to the smallest N"]
    for engine in ENGINES:
        for d in sorted({r.local.documents for r in rows}):
            series = sorted((getattr(r, engine) for r in rows if r.local.documents == d), key=lambda f: f.claims)
            base = series[0].seconds / series[0].claims
            lines.append(f"  {engine:5} D={d:<4} " + "  ".join(
                f"N={f.claims}: {1000 * f.seconds / f.claims:.2f} ms ({f.seconds / f.claims / base:.2f}x)"
                for f in series))
    lines.append("growth: ms per cited document as D grows (each N; the claims cite min(N, D) documents), "
                 "ratio to the smallest D")
    for engine in ENGINES:
        for n in sorted({r.local.claims for r in rows}):
            series = sorted((getattr(r, engine) for r in rows if r.local.claims == n), key=lambda f: f.documents)
            base = series[0].seconds / series[0].cited
            lines.append(f"  {engine:5} N={n:<6} " + "  ".join(
                f"D={f.documents}: {1000 * f.seconds / f.cited:.1f} ms ({f.seconds / f.cited / base:.2f}x)"
                for f in series))
    lines.append("marginal cost: ms per added claim (N from smallest to largest, each D); "
                 "ms per added document (D from smallest to largest, at the largest N)")
    for engine in ENGINES:
        figures = [getattr(r, engine) for r in rows]
        per_claim = []
        for d in sorted({f.documents for f in figures}):
            series = sorted((f for f in figures if f.documents == d), key=lambda f: f.claims)
            if len(series) > 1:
                first, last = series[0], series[-1]
                per_claim.append(f"D={d}: {1000 * (last.seconds - first.seconds) / (last.claims - first.claims):.2f}")
        top = max(f.claims for f in figures)
        series = sorted((f for f in figures if f.claims == top), key=lambda f: f.cited)
        per_document = (f"{1000 * (series[-1].seconds - series[0].seconds) / (series[-1].cited - series[0].cited):.1f}"
                        if len(series) > 1 and series[-1].cited > series[0].cited else "n/a")
        lines.append(f"  {engine:5} per claim {', '.join(per_claim) or 'n/a'}; per document (N={top}) {per_document}")
    return lines


def run_one(engine: str, claims: int, documents: int, cassettes: Path, workers: int,
            results_file: Path | None) -> Figures:
    """The child process: generate the claims, check them on `engine`, measure."""
    from checker.fetch.store import SourceStore
    from checker.pipeline import verify
    from checker.report.json_report import result_dict

    load = generator()
    made = load.make_claims(load.build_sources(load.real_texts(), documents), claims)
    startup, processes = 0.0, 1
    if engine == "local":
        started = time.perf_counter()
        results = verify(made, SourceStore(cassettes))
        seconds = time.perf_counter() - started
        peak = _maxrss_mib()
    else:
        from checker.engine import dask_client, verify_dask

        started = time.perf_counter()
        with dask_client(workers=workers) as client:
            client.run(importlib.import_module, "checker.engine")
            startup = time.perf_counter() - started
            started = time.perf_counter()
            results = verify_dask(made, SourceStore(cassettes), client)
            seconds = time.perf_counter() - started
            tree = list(client.run(_maxrss_mib).values()) + list(client.run(_maxrss_mib, nanny=True).values())
        peak = _maxrss_mib() + sum(tree)
        processes = 1 + len(tree)
    if results_file is not None:
        results_file.write_text(json.dumps([result_dict(r) for r in results]), encoding="utf-8")
    cited = len({url for claim in made for url in claim.sources})
    return Figures(engine, claims, documents, seconds, peak, startup, processes, cited)


def _maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(int(part.replace("_", "")) for part in text.split(",") if part.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="N in 100, 1000 and D in 10, 100")
    parser.add_argument("--claims", type=_sizes, help="comma-separated N (default 100,1000,10000)")
    parser.add_argument("--documents", type=_sizes, help="comma-separated D (default 10,100,500)")
    parser.add_argument("--workers", type=int, default=2, help="Dask worker processes (default 2)")
    parser.add_argument("--one", choices=ENGINES, help=argparse.SUPPRESS)
    parser.add_argument("--cassettes", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--results", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    load = generator()
    if not load.DATA.is_dir():
        print(f"the White House texts are not here: {load.DATA}", file=sys.stderr)
        return 2
    if args.one:
        figures = run_one(args.one, args.claims[0], args.documents[0], args.cassettes, args.workers, args.results)
        print(json.dumps(asdict(figures)))
        return 0
    claims = args.claims or (QUICK_CLAIMS if args.quick else CLAIMS)
    documents = args.documents or (QUICK_DOCUMENTS if args.quick else DOCUMENTS)
    print(f"Synthetic recordings of real White House text; local engine vs Dask LocalCluster "
          f"({args.workers} worker processes x 1 thread), each run in a fresh process")
    print(HEADER)
    print("-" * len(HEADER))
    rows = table(claims, documents, args.workers, report=lambda row: print(line(row), flush=True))
    print("\n".join(growth(rows)))
    print("\npeak MiB: ru_maxrss; dask sums this process (with the scheduler), its workers and their nannies. "
          "start s: the LocalCluster started and checker imported on its workers, not in dask s.")
    return 0 if all(row.identical for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
