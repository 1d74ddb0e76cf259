"""Gate on the speed benchmark (benchmarks/speed.py), without timing anything.

Speed targets live in the benchmark (a timed assertion in the suite would fail on a busy
machine and pass on a slow algorithm). What the suite can pin is what makes the speed: a
document is folded once however many claims of whatever kind cite it, and the benchmark's
scene (a 40-word passage with three words replaced, in the White House texts joined) is
still found where it is.
"""

from __future__ import annotations

import importlib.util
import random
import sys
import pytest

from checker import normalize
from checker.index import builds, index_for
from checker.match import align, match
from checker.models import Claim, Kind
from support import ROOT, SHARED_DATA


def load_benchmark():
    spec = importlib.util.spec_from_file_location("benchmarks_speed", ROOT / "benchmarks" / "speed.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


speed = load_benchmark()


@pytest.fixture(scope="module")
def joined():
    """The White House texts joined, cut to their first 120,000 characters (whole texts)."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"the real documents are not here: {SHARED_DATA} is absent (clone beside ../shared)")
    document, _, _ = speed.build_document(SHARED_DATA / "wh-briefings", size=120_000)
    return document


@pytest.fixture
def count_document_folds(monkeypatch: pytest.MonkeyPatch):
    """Counts, by text, how often fold really folds (cache misses), from a cold cache."""
    folded: dict[str, int] = {}
    worker = normalize._fold

    def counting(text: str) -> normalize.Folded:
        folded[text] = folded.get(text, 0) + 1
        return worker(text)

    normalize._fold_long.cache_clear()
    monkeypatch.setattr(normalize, "_fold", counting)
    return folded


def test_a_document_is_folded_once_for_claims_of_every_kind(joined, count_document_folds) -> None:
    claims = speed.make_claims(joined, random.Random(4), 12, speed.vocabulary_of(joined.text, random.Random(4)))
    claims += [
        Claim("w", "wording", Kind.WORDING, expected="the Inflation Reduction Act"),
        Claim("a", "Joe Biden is the President", Kind.ATTRIBUTION, expected="President", subject="Joe Biden"),
    ]
    kinds = {claim.kind for claim in claims}
    assert kinds == {Kind.QUOTE, Kind.AMOUNT, Kind.STATEMENT, Kind.WORDING, Kind.ATTRIBUTION}
    for claim in claims:
        match(claim, joined)
    assert count_document_folds.get(joined.text, 0) == 1


def test_what_matchers_derive_from_a_document_is_built_once_for_claims_of_every_kind(joined) -> None:
    index_for.cache_clear()
    before = builds.copy()
    claims = speed.make_claims(joined, random.Random(5), 40, speed.vocabulary_of(joined.text, random.Random(5)))
    biden = Claim("a", "Joe Biden is the President", Kind.ATTRIBUTION, expected="President", subject="Joe Biden")
    claims += [biden, biden]
    assert {claim.kind for claim in claims} == {Kind.QUOTE, Kind.AMOUNT, Kind.STATEMENT, Kind.ATTRIBUTION}
    for claim in claims:
        match(claim, joined)
    built = {name: count - before[name] for name, count in builds.items() if count > before[name]}
    corpus = [name for name in built if isinstance(name, tuple) and name[0] == "statement.corpus"]
    assert len(corpus) == 1 and built.pop(corpus[0]) == 1
    assert built == {"number.layout": 1, "number.quantities": 1, "attribution.tokens": 1,
                     "attribution.sentences": 1, "attribution.sentence_starts": 1, **{
                         name: count for name, count in built.items() if str(name).startswith("quote.")}}
    assert all(count == 1 for count in built.values())


def test_the_index_of_a_text_is_built_once() -> None:
    # Synthetic text: only its identity matters here.
    text = "The index of this text is built once. " * 200
    before = builds["test.sentences"]
    for _ in range(5):
        sentences = index_for(text).derived("test.sentences", lambda t: t.split(". "))
    assert builds["test.sentences"] == before + 1
    assert sentences[0] == "The index of this text is built once"
    assert index_for(text).folded is normalize.fold(text)


def test_the_benchmark_quote_with_three_words_replaced_is_found_where_it_was_cut(joined) -> None:
    rng = random.Random(4)
    vocabulary = speed.vocabulary_of(joined.text, rng)
    start, end = speed.pick_passage(joined, rng, speed.QUOTE_WORDS, 0, len(joined.text), unique=True)
    phrase = speed.edit_words(joined.text[start:end], rng, speed.EDITS, vocabulary)
    assert len(phrase.split()) == 40
    assert sum(a != b for a, b in zip(phrase.split(), joined.text[start:end].split())) == 3
    found = align.locate(phrase, joined.text)
    assert found is not None
    assert (found.start, found.end) == (start, end)
    assert found.exact is False
