"""Under load (issue 6, point 6), in the suite's size: 1,000 claims over 50 synthetic recordings of real
White House text (benchmarks/load.py builds both), checked from replay. No timing is asserted; the full
10,000 x 500 figures come from `benchmarks/load.py`."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from reliability.faults import RssPeak
from reliability.scenarios import MissingData, Outcome, scenario
from support import ROOT


def load_benchmark():
    spec = importlib.util.spec_from_file_location("benchmarks_load", ROOT / "benchmarks" / "load.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@scenario("under load", tried="1,000 claims over 50 synthetic recordings of real WH text, from replay (benchmarks/load.py at 1/10)")
def under_load(tmp: Path) -> Outcome:
    load = load_benchmark()
    if not load.DATA.is_dir():
        raise MissingData(f"needs the White House texts in {load.DATA}, which is absent")
    sources = load.build_sources(load.real_texts(), 50)
    claims = load.make_claims(sources, 1000)
    load.record(sources, tmp)
    with RssPeak() as memory:
        results, figures = load.run(claims, tmp, traced=False)
    assert [r.claim.id for r in results] == [c.id for c in claims]
    assert all(r.verdict and r.reason for r in results)
    assert not any(r.verdict.value == "source_unavailable" for r in results)
    assert memory.growth < 512 * 2**20
    verdicts = ", ".join(f"{k} {v}" for k, v in figures.verdicts.items())
    return Outcome(f"all 1,000 claims have a verdict ({verdicts}); {figures.seconds:.1f} s, "
                   f"peak RSS growth {memory.growth / 2**20:.0f} MiB (bound 512 MiB)")
