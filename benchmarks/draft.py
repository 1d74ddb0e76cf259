"""Draft benchmark: how much of the shipped claims.csv `checker draft` finds, and whether drafts are verbatim.

    .venv/bin/python benchmarks/draft.py [--documents 30] [--show-misses]

Run from the repository root. Two parts:

1. The seed article (../shared/seed/article.txt) against the shipped claims.csv. For each shipped
   row of kind quote, amount, count, ordinal and attribution, is there a drafted row that says the
   same? The rules:
   - quote: same kind, and the quoted words overlap after folding (one holds the other, or they
     share a run of at least 8 words); the speaker is right when it folds to the shipped one;
   - amount, count, ordinal: same kind, the same quantity (checker.numbers.parse_quantity of both
     expected cells gives the same interval, unit and ordinal), and subjects sharing a content word
     (a noun written in the expected cell, as in "dozens of miles", counts as subject);
   - attribution: same kind, the same person (subject, folded), and the titles overlap after folding
     (one holds the other: "Senate Minority Leader" in "US Senate Minority Leader").
   Drafted rows of those kinds that match no shipped row are counted as "extra" (not all are wrong:
   the shipped file does not list every figure).
2. Real texts: --documents White House documents of ../shared/data/wh-briefings that hold curly
   quotation marks (every k-th of them in path order, so the choice is fixed). Each is read as the
   pipeline reads it (checker.extract, text/markdown), drafted, and every drafted quote or wording
   (each part of an interrupted one), every figure (its expected words), and every claim cell must
   appear in the text, white space collapsed. A violation is a row that does not: the target is 0.

Exits 2, saying why, when the seed or the shared data is absent.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if __name__ == "__main__":
    sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != HERE]

import argparse
import time
from collections import Counter
from dataclasses import dataclass

from checker.claims import parse_claims
from checker.draft import DraftRow, draft_claims
from checker.draft.quotes import ELISION
from checker.extract import extract_document
from checker.models import Claim, Kind
from checker.normalize import words
from checker.numbers import parse_quantity

SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "article.txt"
BRIEFINGS = SHARED / "data" / "wh-briefings"
CLAIMS = ROOT / "claims.csv"
MEASURED_KINDS = (Kind.QUOTE, Kind.AMOUNT, Kind.COUNT, Kind.ORDINAL, Kind.ATTRIBUTION)
FIGURE_KINDS = (Kind.AMOUNT, Kind.COUNT, Kind.ORDINAL)
OVERLAP_WORDS = 8
_SUBJECT_STOP = frozenset("a an the of to and in on at for by with from".split())


@dataclass(frozen=True)
class SeedOutcome:
    claim: Claim
    found: DraftRow | None
    speaker_right: bool


@dataclass(frozen=True)
class TextOutcome:
    path: Path
    rows: tuple[DraftRow, ...]
    violations: tuple[tuple[DraftRow, str], ...]


def seed_claims() -> tuple[Claim, ...]:
    return tuple(c for c in parse_claims(CLAIMS.read_bytes()).claims if c.kind in MEASURED_KINDS)


def seed_draft() -> list[DraftRow]:
    return draft_claims(SEED.read_text(encoding="utf-8"))


def run_seed(claims: tuple[Claim, ...], rows: list[DraftRow]) -> list[SeedOutcome]:
    outcomes = []
    for claim in claims:
        found = next((row for row in rows if same_claim(claim, row)), None)
        right = found is not None and claim.kind is Kind.QUOTE and words(found.speaker) == words(claim.speaker)
        outcomes.append(SeedOutcome(claim, found, right))
    return outcomes


def same_claim(claim: Claim, row: DraftRow) -> bool:
    """The match rule of part 1 (see the module docstring)."""
    if row.kind is not claim.kind:
        return False
    if claim.kind is Kind.QUOTE:
        return words_overlap(claim.target, row.expected)
    if claim.kind in FIGURE_KINDS:
        return same_quantity(claim.expected or claim.claim, row.expected) and share_word(
            f"{unit_words(claim.expected)} {claim.subject}", f"{unit_words(row.expected)} {row.subject}")
    if claim.kind is Kind.ATTRIBUTION:
        return words(claim.subject) == words(row.subject) and contains(claim.expected, row.expected)
    return False


def words_overlap(first: str, second: str) -> bool:
    a, b = words(first), words(second)
    if not a or not b:
        return False
    if contains(first, second):
        return True
    return longest_common_run(a, b) >= min(OVERLAP_WORDS, len(a), len(b))


def contains(first: str, second: str) -> bool:
    a, b = " ".join(words(first)), " ".join(words(second))
    return bool(a) and bool(b) and (f" {a} " in f" {b} " or f" {b} " in f" {a} ")


def longest_common_run(a: list[str], b: list[str]) -> int:
    best = 0
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0] * (len(b) + 1)
        for j, y in enumerate(b, start=1):
            if x == y:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def same_quantity(first: str, second: str) -> bool:
    a, b = parse_quantity(first), parse_quantity(second)
    return a is not None and b is not None and (a.low, a.high, a.unit, a.ordinal) == (b.low, b.high, b.unit, b.ordinal)


def unit_words(expected: str) -> str:
    """The words of an expected cell besides its figure: "miles" of "dozens of miles"."""
    quantity = parse_quantity(expected)
    return expected.replace(quantity.text, " ") if quantity is not None else expected


def share_word(first: str, second: str) -> bool:
    def content(text: str) -> set[str]:
        return {w.rstrip("s") for w in words(text) if w not in _SUBJECT_STOP and len(w) > 2}
    return bool(content(first) & content(second))


def extra_rows(outcomes: list[SeedOutcome], rows: list[DraftRow]) -> list[DraftRow]:
    matched = {id(outcome.found) for outcome in outcomes if outcome.found is not None}
    return [row for row in rows if row.kind in MEASURED_KINDS and id(row) not in matched
            and not any(same_claim(outcome.claim, row) for outcome in outcomes)]


def text_documents(count: int) -> list[Path]:
    """Every k-th White House document holding curly quotation marks, in path order."""
    paths = sorted(p for p in BRIEFINGS.rglob("*.md") if p.name != "README.md")
    quoted = [p for p in paths if "\u201c" in p.read_text(encoding="utf-8")]
    if count >= len(quoted):
        return quoted
    step = len(quoted) / count
    return [quoted[int(i * step)] for i in range(count)]


def run_text(path: Path) -> TextOutcome:
    document = extract_document(path.read_bytes(), "text/markdown", url=str(path))
    rows = tuple(draft_claims(document.text))
    return TextOutcome(path, rows, tuple(violations(document.text, rows)))


def violations(text: str, rows) -> list[tuple[DraftRow, str]]:
    """Rows whose quoted words, figure or claim cell is not in `text` (white space collapsed)."""
    flat = " ".join(text.split())
    found = []
    for row in rows:
        if row.kind in (Kind.QUOTE, Kind.WORDING):
            missing = [part for part in row.expected.split(ELISION) if " ".join(part.split()) not in flat]
            if missing:
                found.append((row, f"quoted words not in the text: {missing[0]!r}"))
                continue
        if row.kind in FIGURE_KINDS and " ".join(row.expected.split()) not in flat:
            found.append((row, f"figure not in the text: {row.expected!r}"))
            continue
        if row.claim not in flat:
            found.append((row, "claim sentence not in the text"))
    return found


def table(headers: list[str], rows: list[list[object]]) -> str:
    cells = [headers] + [[str(cell) for cell in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(cell.ljust(width) if i == 0 else cell.rjust(width) for i, (cell, width) in
                       enumerate(zip(row, widths))) for row in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def seed_table(outcomes: list[SeedOutcome], extra: list[DraftRow]) -> str:
    rows = []
    for kind in MEASURED_KINDS:
        mine = [o for o in outcomes if o.claim.kind is kind]
        found = [o for o in mine if o.found is not None]
        speaker = f"{sum(o.speaker_right for o in found)}/{len(found)}" if kind is Kind.QUOTE else ""
        rows.append([kind.value, len(mine), len(found), f"{len(found) / len(mine):.2f}" if mine else "-",
                     speaker, sum(1 for row in extra if row.kind is kind)])
    quotes_and_figures = [o for o in outcomes if o.claim.kind in (Kind.QUOTE, *FIGURE_KINDS)]
    found = [o for o in quotes_and_figures if o.found is not None]
    rows.append(["quotes + figures", len(quotes_and_figures), len(found),
                 f"{len(found) / len(quotes_and_figures):.2f}", "", ""])
    return table(["kind", "shipped", "found", "share", "speaker right", "extra drafted"], rows)


def text_table(outcomes: list[TextOutcome]) -> str:
    kinds = Counter(row.kind for outcome in outcomes for row in outcome.rows)
    wrong = Counter(row.kind for outcome in outcomes for row, _ in outcome.violations)
    spoken = [row for outcome in outcomes for row in outcome.rows if row.kind is Kind.QUOTE]
    rows = [[kind.value, kinds[kind], wrong[kind]] for kind in Kind if kinds[kind]]
    rows.append(["all", sum(kinds.values()), sum(wrong.values())])
    attributed = sum(1 for row in spoken if row.speaker)
    return (table(["kind", "drafted", "not verbatim in the text"], rows)
            + f"\n\nquotes with a speaker: {attributed}/{len(spoken)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=30, help="White House documents to draft (default: 30)")
    parser.add_argument("--show-misses", action="store_true", help="list the shipped rows not found, and violations")
    args = parser.parse_args(argv)
    for needed in (SEED, BRIEFINGS):
        if not needed.exists():
            print(f"benchmarks/draft.py: {needed} is absent (clone this repository beside ../shared)", file=sys.stderr)
            return 2

    started = time.perf_counter()
    rows = seed_draft()
    outcomes = run_seed(seed_claims(), rows)
    extra = extra_rows(outcomes, rows)
    seed_seconds = time.perf_counter() - started
    print(f"Seed article: {len(rows)} rows drafted in {seed_seconds:.2f} s; shipped claims.csv rows of the "
          "measured kinds found:\n")
    print(seed_table(outcomes, extra))
    if args.show_misses:
        for outcome in outcomes:
            if outcome.found is None:
                print(f"  missed {outcome.claim.id}: {outcome.claim.kind.value} {outcome.claim.target!r}")
            elif outcome.claim.kind is Kind.QUOTE and not outcome.speaker_right:
                print(f"  wrong speaker {outcome.claim.id}: {outcome.found.speaker!r} for {outcome.claim.speaker!r}")
        for row in extra:
            print(f"  extra {row.id}: {row.kind.value} {row.expected!r} ({row.subject})")

    started = time.perf_counter()
    texts = [run_text(path) for path in text_documents(args.documents)]
    seconds = time.perf_counter() - started
    print(f"\nWhite House documents: {len(texts)} drafted in {seconds:.2f} s; drafted rows whose words are not "
          "in their text:\n")
    print(text_table(texts))
    if args.show_misses:
        for outcome in texts:
            for row, why in outcome.violations:
                print(f"  {outcome.path.name}: {row.id}: {why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
