"""benchmarks/run_all.py reads each benchmark's printed figures into rows of one table.

The outputs below are excerpts of real runs of the benchmarks (this machine, --quick sizes); the
figures are theirs. Nothing here times anything.
"""

from __future__ import annotations

import importlib.util
import sys

from support import ROOT


def load_benchmark():
    spec = importlib.util.spec_from_file_location("benchmarks_run_all", ROOT / "benchmarks" / "run_all.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


run_all = load_benchmark()

FETCH = """200 URLs on 10 hosts, 100 ms per answer (robots.txt too), per-host limit 2; pipeline.verify recording into a fresh folder, median of 3
ideal: 20 requests per host x 0.1 s / 2 = 1.00 s (robots.txt, one request more per host before its pages: 1.10 s)
run                                    workers fetching s x ideal x faster than sequential verify s supported
verify, default workers                     20       {seconds}    1.87                     12.9     2.10   200/200
fixed 8 workers (the old default)            8       3.94    3.94                      6.1     4.20   200/200
sequential (1 worker, one run)               1      24.10   24.10                      1.0    24.50   200/200
target: fetching within 1.5x of the ideal: missed (1.87x)
"""

FETCH_BEFORE = """200 URLs on 10 hosts, 100 ms each, per-host limit 2
sequential (computed):  20.00 s
ideal:                   1.00 s
fetch_all,  8 workers:   2.67 s  (200/200 fetched; 2.67x ideal, 7.5x faster than sequential)
fetch_all, 20 workers:   1.16 s  (200/200 fetched; 1.16x ideal, 17.3x faster than sequential)
"""

SCALE = """D docs N claims |  local s claims/s peak MiB |   dask s claims/s peak MiB start s | dask/local identical
--------------------------------------------------------------------------------------------------------
    10      100 |     0.34      290       58 |     0.74      135      408     4.8 |      2.15x       yes
    10     1000 |     2.14      467       62 |     1.86      538      435     3.7 |      0.87x       yes

growth: ms per claim as N grows (each D), ratio to the smallest N
  local D=10   N=100: 3.45 ms (1.00x)  N=1000: 2.14 ms (0.62x)
"""

RERUN = """100 real White House texts (338,087 bytes) on 5 local hosts, 50 ms per answer; the fetch stage of `checker verify --record all`
link       server               run                     200s  304s   body bytes % of first  seconds x first cassettes written  sources
--------------------------------------------------------------------------------------------------------------------------------------
local      honours validators   first (median of 3)      105     0      338,202     100.00     1.19    1.00               100  100 new
local      honours validators   no change (median of 3)     5   100          115       0.03     0.80    0.67                 0  100 unchanged (304)
local      honours validators   one changed                6    99        7,369       2.18     0.78    0.65                 1  1 changed, 99 unchanged (304)
local      ignores validators   first (median of 3)      105     0      338,202     100.00     1.20    1.00               100  100 new
local      ignores validators   no change (median of 3)   105     0      338,202     100.00     1.27    1.06               100  100 unchanged
target: a no-change re-run transfers under 5% of a first run's body bytes: met (0.03%; robots.txt is what is left)
"""

QUOTES = """checker      positives supported 100.0%   wrong supported    0 of 379 negatives (0.0%)
substring    positives supported  33.3%   wrong supported  142 of 379 negatives (37.5%)
difflib>=.9  positives supported  65.6%   wrong supported  252 of 379 negatives (66.5%)
"""

SPEED = """| measure | checker | baseline | ratio | target | met |
|---|---|---|---|---|---|
| fold (index) the document | 227.2 ms (CPU 223.2 ms) | 1.14 s (previous fold) | 5.0x | - | - |
| locate the quote, document indexed (align.locate) | 68.9 ms (CPU 65.5 ms) | 7.95 s (difflib windows) | 115x | <= 0.2 s | yes (34% of the target) |
| 1,000 claims, projected (552 measured in 143.49 s) | 1972.48 s | | | <= 10.0 s | no (197.2x the target) |
| - 500 quote claims (500 measured) | 19.05 s, 38.1 ms a claim | | | | |
| peak resident memory, claims included | 340 MB | | | - | - |
"""


def test_fetch_against_the_ideal_with_the_target_held_by_the_default_workers():
    rows = run_all.read_fetch([FETCH.format(seconds="1.20")])
    assert [(row.figure, row.value, row.ratio, row.met) for row in rows] == [
        ("200 URLs on 10 hosts, 100 ms per answer (robots.txt too), per-host limit 2: verify, default workers "
         "(20 workers)", "1.20 s", "1.20x ideal", "yes"),
        ("200 URLs on 10 hosts, 100 ms per answer (robots.txt too), per-host limit 2: fixed 8 workers "
         "(the old default) (8 workers)", "3.94 s", "3.94x ideal", "-"),
    ]
    assert rows[0].target == "<= 1.5x ideal"
    assert rows[0].baseline == "ideal 1.00 s; sequential 24.10 s (20.1x faster)"


def test_fetch_median_over_invocations_and_the_earlier_output():
    rows = run_all.read_fetch([FETCH.format(seconds="1.16"), FETCH.format(seconds="1.90"),
                               FETCH.format(seconds="1.30")])
    assert (rows[0].value, rows[0].met) == ("1.30 s", "yes")
    before = run_all.read_fetch([FETCH_BEFORE])
    assert [(row.value, row.baseline, row.target, row.met) for row in before] == [
        ("2.67 s", "ideal 1.00 s; sequential 20.00 s (7.5x faster)", "-", "-"),
        ("1.16 s", "ideal 1.00 s; sequential 20.00 s (17.2x faster)", "<= 1.5x ideal", "yes"),
    ]


def test_a_missed_target_says_by_how_much():
    rows = run_all.read_fetch([FETCH.format(seconds="1.87")])
    assert rows[0].met == "no (0.37x over, 1.25x the target)"
    assert run_all.missed_by(3.4, 3.0, "s") == "no (0.40 s over, 1.13x the target)"
    assert run_all.missed_by(2.9, 3.0, "s") == "yes"


def test_options_a_benchmark_does_not_have_are_left_out():
    source = 'parser.add_argument("--runs", type=int)'
    assert run_all.known_options(("--runs", "3", "--no-sequential", "--quick"), source) == ("--runs", "3")


def test_scale_rows_for_the_largest_size_and_the_growth():
    rows = {row.figure: row for row in run_all.read_scale(SCALE)}
    local = rows["1,000 claims over 10 documents, local engine: wall"]
    assert (local.value, local.baseline, local.ratio, local.met) == (
        "2.14 s (467 claims/s)", "1.86 s (dask engine)", "1.15x", "-")
    assert rows["1,000 claims over 10 documents, dask engine: peak memory"].value == "435 MiB"
    projected = rows["10,000 claims, local engine, projected from N=1,000 D=10"]
    assert (projected.value, projected.met) == ("21.4 s (2.14 ms a claim x 10,000)", "projected yes")
    growth = rows["time per claim, N=1,000 vs N=100 at D=10, local"]
    assert (growth.value, growth.baseline, growth.ratio, growth.met) == ("2.14 ms", "3.40 ms", "0.63x", "yes")
    assert rows["dask results identical to local"].value == "2 of 2 sizes"


def test_scale_at_full_size_is_held_to_60_s_and_2_gib():
    line = "   500    10000 |    75.00      133     2100 |    50.00      200     1500     4.0 |      0.67x       yes"
    rows = {row.figure: row for row in run_all.read_scale(line)}
    assert rows["10,000 claims over 500 documents, local engine: wall"].met == "no (15.00 s over, 1.25x the target)"
    assert rows["10,000 claims over 500 documents, local engine: peak memory"].met == (
        "no (52.00 MiB over, 1.03x the target)")
    assert rows["10,000 claims over 500 documents, dask engine: wall"].met == "yes"


def test_rerun_no_change_against_the_first_run():
    rows = run_all.read_rerun(RERUN)
    assert [row.cells()[1:] for row in rows] == [
        ("no-change re-run, local: body bytes (100 answers 304)", "115 B (0.03%)",
         "338,202 B (first run); 338,202 B from a server ignoring validators", "0.0003x", "< 5% of the first run",
         "yes"),
        ("no-change re-run, local: fetch time", "0.80 s", "1.19 s (first run)", "0.67x", "-", "-"),
    ]


def test_quotes_against_the_difflib_baseline():
    rows = run_all.read_quotes(QUOTES)
    assert [(row.figure, row.value, row.baseline, row.met) for row in rows] == [
        ("true variants supported", "100.0%", "65.6% (difflib >= 0.9)", "yes"),
        ("negative variants supported (of 379)", "0", "252 (difflib >= 0.9)", "yes"),
    ]


def test_speed_keeps_the_rows_with_a_target_or_a_ratio():
    rows = run_all.read_speed(SPEED)
    assert [(row.figure, row.ratio, row.target, row.met) for row in rows] == [
        ("fold (index) the document", "5.0x", "-", "-"),
        ("locate the quote, document indexed (align.locate)", "115x", "<= 0.2 s", "yes"),
        ("1,000 claims, projected (552 measured in 143.49 s)", "", "<= 10.0 s", "no (197.2x the target)"),
    ]


def test_json_rows_of_startup_and_seed():
    output = ('noise\n{"benchmark": "seed", "rows": [{"figure": "f", "value": "2.99 s", "baseline": "0.25 s", '
              '"ratio": "12.0x", "target": "< 3 s", "met": "yes"}]}\n')
    assert run_all.read_json_rows("seed", output) == [run_all.Row("seed", "f", "2.99 s", "0.25 s", "12.0x",
                                                                 "< 3 s", "yes")]


def test_an_output_without_figures_gives_a_row_that_says_so(tmp_path):
    benchmark = next(b for b in run_all.BENCHMARKS if b.name == "quotes")
    rows = run_all.rows_of(benchmark, run_all.Ran(["Traceback ..."], 1.0, "exit 1: boom"), False, tmp_path)
    assert [(row.figure, row.met) for row in rows] == [(f"exit 1: boom; see {tmp_path / 'quotes'}*.out",
                                                        "not measured")]
    absent = run_all.rows_of(benchmark, run_all.Ran([], 0.0, "not run: benchmarks/x.py is not here"), False, tmp_path)
    assert [(row.figure, row.met) for row in absent] == [("not run: benchmarks/x.py is not here", "not measured")]
