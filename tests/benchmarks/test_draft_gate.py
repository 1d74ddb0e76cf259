"""Gate on the draft benchmark (benchmarks/draft.py): the figures measured on it may not fall.

The seed article against the shipped claims.csv, and the 30 White House documents the benchmark
drafts by default (about a second). The floors are the figures measured with the drafter of this
commit, printed in benchmarks/README.md. A failure means a change to checker/draft, to the shipped
claims.csv, or to how the benchmark matches rows.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from functools import lru_cache

from checker.models import Kind
from support import ROOT


def load_benchmark():
    spec = importlib.util.spec_from_file_location("benchmarks_draft", ROOT / "benchmarks" / "draft.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


draft = load_benchmark()

# Shipped rows of each measured kind, and how many the draft must find (at least).
SHIPPED = {Kind.QUOTE: 15, Kind.AMOUNT: 3, Kind.COUNT: 10, Kind.ORDINAL: 1, Kind.ATTRIBUTION: 8}
FOUND_FLOOR = {Kind.QUOTE: 15, Kind.AMOUNT: 3, Kind.COUNT: 10, Kind.ORDINAL: 1, Kind.ATTRIBUTION: 8}
SPEAKERS_RIGHT_FLOOR = 15
DOCUMENTS = 30
QUOTES_WITH_SPEAKER_FLOOR = 12


@lru_cache(maxsize=1)
def seed_outcomes() -> tuple:
    return tuple(draft.run_seed(draft.seed_claims(), draft.seed_draft()))


@lru_cache(maxsize=1)
def text_outcomes() -> tuple:
    return tuple(draft.run_text(path) for path in draft.text_documents(DOCUMENTS))


def test_the_seed_draft_finds_the_shipped_quotes_figures_and_titles(shared_data):
    outcomes = seed_outcomes()

    shipped = Counter(o.claim.kind for o in outcomes)
    found = Counter(o.claim.kind for o in outcomes if o.found is not None)
    assert dict(shipped) == SHIPPED
    assert {kind: found[kind] for kind in SHIPPED} == {kind: max(found[kind], FOUND_FLOOR[kind]) for kind in SHIPPED}
    assert sum(o.speaker_right for o in outcomes) >= SPEAKERS_RIGHT_FLOOR


def test_every_drafted_quote_figure_and_sentence_of_the_white_house_texts_is_in_its_text(shared_data):
    outcomes = text_outcomes()

    assert len(outcomes) == DOCUMENTS
    assert [(o.path.name, row.id, why) for o in outcomes for row, why in o.violations] == []
    quotes = [row for o in outcomes for row in o.rows if row.kind is Kind.QUOTE]
    assert sum(1 for row in quotes if row.speaker) >= QUOTES_WITH_SPEAKER_FLOOR


def test_a_misattributed_quote_would_count_as_a_wrong_speaker(shared_data):
    claim = next(o.claim for o in seed_outcomes() if o.claim.id == "mcconnell-atacms")
    row = draft.DraftRow("q", claim.claim, Kind.QUOTE, claim.expected, speaker="Marco Rubio")

    assert draft.run_seed((claim,), [row])[0].speaker_right is False
    assert draft.violations("The Ukrainians need more weapons.", [row]) == [
        (row, f"quoted words not in the text: {claim.expected!r}")]
