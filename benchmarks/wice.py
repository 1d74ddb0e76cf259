"""WiCE benchmark: the statement matcher on real Wikipedia claims and the web pages they cite.

    .venv/bin/python benchmarks/wice.py [--data ../shared/data/wice] [--limit N]

Run from the repository root; it reads ../shared/data/wice (WiCE dev split, Kamoi et al., EMNLP
2023) and says so and exits when that folder is absent.

Each WiCE row gives a claim (a Wikipedia sentence) and the cited page as a list of sentences.
Checker sees the page as one Document: the sentences joined by line breaks, one Passage per
sentence with the locator "sent N", so every piece of evidence maps back to sentence indices.
The claim is `Claim(kind=STATEMENT, claim=...)`, checked by `checker.match.statement`.

Figures, each with a baseline measured in the same run:

retrieval (claim_dev.jsonl, the rows with a gold set of supporting sentences)
    checker's top-5 sentences are the sentences its evidence covers, in the order of the
    evidence (the verdict's passage first), the first five distinct. A claim is recalled when
    some gold set lies wholly inside the top 5 (recall@5); per-sentence recall@5 is, per
    claim, the best share of one gold set found in the top 5, averaged over claims.
    Baseline: plain BM25 (k1 1.2, b 0.75, lower-case word tokens, no stop list, no stemming)
    over the same sentences, top 5.

verdicts (claim_dev.jsonl, all rows)
    checker's verdicts map onto WiCE's labels: supported -> supported, partially_supported ->
    partially_supported, and not_found, needs_review (and contradicted, which this matcher
    never gives) -> not_supported. Accuracy, macro-F1 over the three labels, and the precision
    of `supported` (a wrong `supported` is the worst error). Baseline: the majority label.

unsupported tokens (non_supported_tokens_dev.jsonl, partially supported sub-claims)
    checker's unsupported terms (`statement.assess(...).unsupported`) are mapped onto the
    claim's tokens by character overlap; precision, recall and F1 over all tokens flagged.
    Baseline: flag every word token of the claim whose lower case is absent from the
    evidence's words (punctuation never flagged).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Python puts this script's folder first on the path; the repository root goes there instead, so that
# no benchmark named like a standard module could ever be imported in its place.
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != Path(__file__).resolve().parent]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker.match import statement  # noqa: E402
from checker.models import Claim, Document, Kind, Passage, Verdict  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "wice"
LABELS = ("supported", "partially_supported", "not_supported")
TOP = 5
_WORD = re.compile(r"\w+")

VERDICT_TO_LABEL = {
    Verdict.SUPPORTED: "supported",
    Verdict.PARTIALLY_SUPPORTED: "partially_supported",
    Verdict.NOT_FOUND: "not_supported",
    Verdict.NEEDS_REVIEW: "not_supported",
    Verdict.CONTRADICTED: "not_supported",
}


@dataclass(frozen=True)
class Page:
    """The cited page as checker reads it, and each sentence's span in its text."""

    document: Document
    spans: tuple[tuple[int, int], ...]


def load(path: Path, limit: int | None = None) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return rows[:limit] if limit else rows


def page(sentences: Sequence[str], url: str = "wice:") -> Page:
    """A Document of the sentences joined by line breaks, one Passage ("sent N") per sentence."""
    spans: list[tuple[int, int]] = []
    passages: list[Passage] = []
    offset = 0
    for index, sentence in enumerate(sentences):
        spans.append((offset, offset + len(sentence)))
        passages.append(Passage(sentence, offset, offset + len(sentence), f"sent {index}"))
        offset += len(sentence) + 1
    return Page(Document(url=url, text="\n".join(sentences), passages=tuple(passages)), tuple(spans))


def covered(spans: Sequence[tuple[int, int]], start: int, end: int) -> list[int]:
    """Indices of the sentences overlapping [start, end)."""
    return [index for index, (s, e) in enumerate(spans) if s < end and start < e]


def checker_top(assessment: statement.Assessment, spans: Sequence[tuple[int, int]], top: int = TOP) -> list[int]:
    """The first `top` distinct sentences the evidence covers, in evidence order."""
    ranked: list[int] = []
    for evidence in assessment.finding.evidence:
        for index in covered(spans, evidence.start, evidence.end):
            if index not in ranked:
                ranked.append(index)
    return ranked[:top]


def bm25_top(claim: str, sentences: Sequence[str], top: int = TOP, k1: float = 1.2, b: float = 0.75) -> list[int]:
    """Plain BM25 over the sentences: lower-case word tokens, no stop list, no stemming."""
    query = set(_WORD.findall(claim.lower()))
    bags = [Counter(_WORD.findall(sentence.lower())) for sentence in sentences]
    count = len(bags)
    average = max(1.0, sum(sum(bag.values()) for bag in bags) / max(1, count))
    frequency = Counter(word for bag in bags for word in bag if word in query)
    idf = {word: math.log(1 + (count - frequency[word] + 0.5) / (frequency[word] + 0.5)) for word in query}
    scores = []
    for index, bag in enumerate(bags):
        length = sum(bag.values())
        score = sum(
            idf[word] * bag[word] * (k1 + 1) / (bag[word] + k1 * (1 - b + b * length / average))
            for word in query
            if bag[word]
        )
        if score > 0:
            scores.append((-score, index))
    return [index for _, index in sorted(scores)[:top]]


def recall(ranked: Sequence[int], gold_sets: Iterable[Sequence[int]]) -> tuple[float, float]:
    """(1.0 if some gold set lies wholly in `ranked` else 0.0, best share of one gold set in `ranked`)."""
    shown = set(ranked)
    shares = [len(shown & set(gold)) / len(set(gold)) for gold in gold_sets if gold]
    if not shares:
        return 0.0, 0.0
    return (1.0 if max(shares) == 1.0 else 0.0), max(shares)


def label_scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    """Accuracy, macro-F1 over LABELS, and precision/recall of `supported` (nan when nothing predicted)."""
    f1s = []
    for label in LABELS:
        tp = sum(1 for g, p in zip(gold, predicted) if g == p == label)
        predicted_n = sum(1 for p in predicted if p == label)
        gold_n = sum(1 for g in gold if g == label)
        precision = tp / predicted_n if predicted_n else 0.0
        recall_ = tp / gold_n if gold_n else 0.0
        f1s.append(2 * precision * recall_ / (precision + recall_) if precision + recall_ else 0.0)
    supported_tp = sum(1 for g, p in zip(gold, predicted) if g == p == "supported")
    supported_n = sum(1 for p in predicted if p == "supported")
    return {
        "accuracy": sum(1 for g, p in zip(gold, predicted) if g == p) / len(gold),
        "macro_f1": sum(f1s) / len(f1s),
        "supported_precision": supported_tp / supported_n if supported_n else math.nan,
        "supported_recall": supported_tp / sum(1 for g in gold if g == "supported"),
        "supported_count": float(supported_n),
    }


def token_offsets(claim: str, tokens: Sequence[str]) -> list[tuple[int, int]]:
    """Each token's span in the claim, found left to right ((-1, -1) when it cannot be found)."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for token in tokens:
        at = claim.find(token, cursor)
        if at == -1:
            spans.append((-1, -1))
            continue
        spans.append((at, at + len(token)))
        cursor = at + len(token)
    return spans


def checker_flags(assessment: statement.Assessment, claim: str, tokens: Sequence[str]) -> list[bool]:
    """A claim token is flagged when it overlaps a term checker found unsupported."""
    terms = [(term.start, term.end) for term in assessment.unsupported]
    return [
        start >= 0 and any(s < end and start < e for s, e in terms) for start, end in token_offsets(claim, tokens)
    ]


def absent_flags(tokens: Sequence[str], evidence: Sequence[str]) -> list[bool]:
    """Baseline: a word token is flagged when its lower case is not among the evidence's words."""
    vocabulary = {word for sentence in evidence for word in _WORD.findall(sentence.lower())}
    return [bool(_WORD.search(token)) and token.lower() not in vocabulary for token in tokens]


def flag_scores(gold: Sequence[Sequence[bool]], predicted: Sequence[Sequence[bool]]) -> dict[str, float]:
    pairs = [(g, p) for gs, ps in zip(gold, predicted) for g, p in zip(gs, ps)]
    tp = sum(1 for g, p in pairs if g and p)
    flagged = sum(1 for _, p in pairs if p)
    true = sum(1 for g, _ in pairs if g)
    precision = tp / flagged if flagged else 0.0
    recall_ = tp / true if true else 0.0
    f1 = 2 * precision * recall_ / (precision + recall_) if precision + recall_ else 0.0
    return {"precision": precision, "recall": recall_, "f1": f1}


def assess(claim: str, evidence: Sequence[str]) -> tuple[statement.Assessment, Page]:
    read = page(evidence)
    return statement.assess(Claim(id="wice", claim=claim, kind=Kind.STATEMENT), read.document), read


def evaluate(claims: Sequence[dict], token_rows: Sequence[dict]) -> dict[str, dict[str, float]]:
    """Every figure of the benchmark, checker's and the baselines', keyed by table row."""
    retrieval = {"checker": [], "bm25": []}
    gold_labels, predicted = [], []
    for row in claims:
        assessment, read = assess(row["claim"], row["evidence"])
        gold_labels.append(row["label"])
        predicted.append(VERDICT_TO_LABEL[assessment.finding.verdict])
        if any(row["supporting_sentences"]):
            retrieval["checker"].append(recall(checker_top(assessment, read.spans), row["supporting_sentences"]))
            retrieval["bm25"].append(recall(bm25_top(row["claim"], row["evidence"]), row["supporting_sentences"]))

    gold_flags, checker_flagged, baseline_flagged = [], [], []
    for row in token_rows:
        assessment, _ = assess(row["claim"], row["evidence"])
        gold_flags.append(row["non_supported_spans"])
        checker_flagged.append(checker_flags(assessment, row["claim"], row["claim_tokens"]))
        baseline_flagged.append(absent_flags(row["claim_tokens"], row["evidence"]))

    majority = Counter(gold_labels).most_common(1)[0][0]
    figures: dict[str, dict[str, float]] = {}
    for name, found in retrieval.items():
        figures[f"retrieval_{name}"] = {
            "recall_at_5": sum(r for r, _ in found) / len(found),
            "sentence_recall_at_5": sum(s for _, s in found) / len(found),
            "claims": float(len(found)),
        }
    figures["verdict_checker"] = label_scores(gold_labels, predicted)
    figures["verdict_majority"] = label_scores(gold_labels, [majority] * len(gold_labels))
    figures["tokens_checker"] = flag_scores(gold_flags, checker_flagged)
    figures["tokens_absent"] = flag_scores(gold_flags, baseline_flagged)
    figures["counts"] = {
        "claims": float(len(claims)),
        "token_claims": float(len(token_rows)),
        **{f"predicted_{label}": float(predicted.count(label)) for label in LABELS},
    }
    return figures


def _f(value: float) -> str:
    return "  n/a" if math.isnan(value) else f"{value:.3f}"


def table(figures: dict[str, dict[str, float]], seconds: float) -> str:
    r_c, r_b = figures["retrieval_checker"], figures["retrieval_bm25"]
    v_c, v_m = figures["verdict_checker"], figures["verdict_majority"]
    t_c, t_a = figures["tokens_checker"], figures["tokens_absent"]
    counts = figures["counts"]
    lines = [
        f"WiCE dev: {int(counts['claims'])} claims ({int(r_c['claims'])} with gold supporting sentences), "
        f"{int(counts['token_claims'])} sub-claims with non-supported tokens; {seconds:.1f} s",
        "",
        f"{'retrieval':<34}{'checker':>10}{'BM25':>10}",
        f"{'  recall@5 (a gold set in top 5)':<34}{_f(r_c['recall_at_5']):>10}{_f(r_b['recall_at_5']):>10}",
        f"{'  per-sentence recall@5':<34}{_f(r_c['sentence_recall_at_5']):>10}{_f(r_b['sentence_recall_at_5']):>10}",
        "",
        f"{'verdicts (3 labels)':<34}{'checker':>10}{'majority':>10}",
        f"{'  accuracy':<34}{_f(v_c['accuracy']):>10}{_f(v_m['accuracy']):>10}",
        f"{'  macro-F1':<34}{_f(v_c['macro_f1']):>10}{_f(v_m['macro_f1']):>10}",
        f"{'  precision of supported':<34}{_f(v_c['supported_precision']):>10}{_f(v_m['supported_precision']):>10}",
        f"{'  recall of supported':<34}{_f(v_c['supported_recall']):>10}{_f(v_m['supported_recall']):>10}",
        f"{'  claims called supported':<34}{int(v_c['supported_count']):>10}{int(v_m['supported_count']):>10}",
        "",
        f"{'unsupported tokens':<34}{'checker':>10}{'absent':>10}",
        f"{'  precision':<34}{_f(t_c['precision']):>10}{_f(t_a['precision']):>10}",
        f"{'  recall':<34}{_f(t_c['recall']):>10}{_f(t_a['recall']):>10}",
        f"{'  F1':<34}{_f(t_c['f1']):>10}{_f(t_a['f1']):>10}",
        "",
        "checker's verdicts: " + ", ".join(f"{label} {int(counts['predicted_' + label])}" for label in LABELS)
        + " (not_supported = not_found or needs_review)",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the WiCE folder (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N rows of each file")
    args = parser.parse_args(argv)
    claims_path = args.data / "claim_dev.jsonl"
    tokens_path = args.data / "non_supported_tokens_dev.jsonl"
    if not claims_path.is_file() or not tokens_path.is_file():
        print(f"WiCE data not found in {args.data} (needs claim_dev.jsonl and non_supported_tokens_dev.jsonl)")
        return 2
    began = time.perf_counter()
    figures = evaluate(load(claims_path, args.limit), load(tokens_path, args.limit))
    print(table(figures, time.perf_counter() - began))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
