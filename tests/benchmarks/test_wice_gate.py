"""Gate on the WiCE benchmark (benchmarks/wice.py): the figures measured on a fixed subset may not fall.

The subset: every third row of WiCE dev (claim_dev.jsonl rows 0, 3, 6, ...: 117 claims, 107 of
them with gold supporting sentences; non_supported_tokens_dev.jsonl rows 0, 3, 6, ...: 42
sub-claims), run through the benchmark's own code in about 3 s. The floors are the figures
measured with the statement matcher of this commit; the full dev set's table is in
benchmarks/README.md. A failure here means a change to the statement matcher or its terms.
"""

from __future__ import annotations

import importlib.util
import math
import sys
from functools import lru_cache

import pytest

from support import ROOT


def load_benchmark():
    spec = importlib.util.spec_from_file_location("benchmarks_wice", ROOT / "benchmarks" / "wice.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


wice = load_benchmark()

EVERY = 3
FLOORS = {
    ("retrieval_checker", "recall_at_5"): 0.626,
    ("retrieval_checker", "sentence_recall_at_5"): 0.850,
    ("verdict_checker", "macro_f1"): 0.384,
    ("verdict_checker", "accuracy"): 0.504,
    ("verdict_checker", "supported_precision"): 0.750,
    ("tokens_checker", "f1"): 0.475,
}


@lru_cache(maxsize=1)
def figures_for(folder: str) -> dict[str, dict[str, float]]:
    claims = wice.load(wice.Path(folder) / "claim_dev.jsonl")[::EVERY]
    tokens = wice.load(wice.Path(folder) / "non_supported_tokens_dev.jsonl")[::EVERY]
    return wice.evaluate(claims, tokens)


@pytest.fixture
def figures(shared_data):
    folder = shared_data / "wice"
    if not (folder / "claim_dev.jsonl").is_file():
        pytest.skip(f"the WiCE data is not here: {folder} is absent")
    return figures_for(str(folder))


def test_the_subset_is_the_one_the_floors_were_measured_on(figures):
    assert figures["counts"]["claims"] == 117
    assert figures["counts"]["token_claims"] == 42
    assert figures["retrieval_checker"]["claims"] == 107


@pytest.mark.parametrize(("table", "figure"), sorted(FLOORS))
def test_figure_holds_its_floor(figures, table, figure):
    value = figures[table][figure]
    assert not math.isnan(value)
    assert value >= FLOORS[table, figure], f"{table} {figure} fell to {value:.3f} (floor {FLOORS[table, figure]})"


def test_a_wrong_supported_stays_rare(figures):
    verdicts = figures["verdict_checker"]
    called = verdicts["supported_count"]
    wrong = round(called * (1 - verdicts["supported_precision"]))
    assert wrong <= 1


def test_checker_beats_its_baselines_on_the_subset(figures):
    assert figures["retrieval_checker"]["recall_at_5"] > figures["retrieval_bm25"]["recall_at_5"]
    assert figures["verdict_checker"]["macro_f1"] > figures["verdict_majority"]["macro_f1"]
    assert figures["tokens_checker"]["f1"] > figures["tokens_absent"]["f1"]


def test_evidence_maps_back_to_sentence_indices():
    page = wice.page(["First sentence here.", "Second one.", "Third."])
    assert page.document.text == "First sentence here.\nSecond one.\nThird."
    assert [passage.locator for passage in page.document.passages] == ["sent 0", "sent 1", "sent 2"]
    assert wice.covered(page.spans, 21, 39) == [1, 2]


def test_recall_counts_a_claim_when_one_gold_set_is_wholly_in_the_top_five():
    assert wice.recall([4, 9, 1], [[1, 2], [4, 9]]) == (1.0, 1.0)
    assert wice.recall([4, 1], [[1, 2], [4, 9]]) == (0.0, 0.5)


def test_the_absent_word_baseline_flags_word_tokens_missing_from_the_evidence():
    assert wice.absent_flags(["Irene", "appeared", "in", "fifty", "films", "."], ["Irene appeared in films."]) == [
        False, False, False, True, False, False,
    ]
