"""The number matcher on the 54 section 506(a)(1) drawdown memoranda, with claims labelled by construction.

    .venv/bin/python benchmarks/amounts.py [--data ../shared/data] [--show-misses]

Each memorandum delegates "the drawdown of up to $X in defense articles and services" (one says
"approximately $X"; some say "up to an aggregate value of $X"). The drawdown amount X is read from
the memo's own words by a fixed regular expression (not by checker) and must be one of the amounts
the index derived_506a1_memoranda_index.csv lists for that memo. From X the benchmark builds claims
(subject "drawdown") whose truth follows from how they were made:

- true spellings ("$600 million", "$0.6 billion", "600 million dollars", "$600M", "$600,000,000",
  "six hundred million dollars", ...): supported. Against "up to $X" this rests on the convention
  that a drawdown authority's ceiling is the package's stated value; against "approximately $X" on
  a claim repeating the source's figure without its hedge.
- qualifiers, labelled by the rules in `qualifier_cases` (each rule is written next to its claim):
  true ones must be supported; "unestablished" ones (the source allows them but does not say them:
  "more than $500 million" against "up to $600 million") and false ones must not be.
- changed amounts (X plus or minus half a leading unit, the first or last digit changed, million
  <-> billion, the neighbouring memo's amount): must not be supported; contradicted is expected for
  a figure above a ceiling, partially_supported is honest for one below it (the ceiling allows it).
- another figure of the same memo that is not a drawdown (the section 614(a)(1) "furnish up to $Y
  in assistance"): must not be supported.

Amounts of a second drawdown in the same memo (section 552(c)(2), "commodities and services") are
true of the subject "drawdown", so they are never used as changed amounts and get no claim.

A baseline runs in the same pass: a regular expression finds "$X million/billion" in the claim and in
the memo and says supported when the claim's string is among the memo's.
"""

from __future__ import annotations

import os
import sys

import argparse  # noqa: E402
import csv  # noqa: E402
import re  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Iterable  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from decimal import Decimal  # noqa: E402
from pathlib import Path  # noqa: E402

from checker.extract import extract_document  # noqa: E402
from checker.match.number import match  # noqa: E402
from checker.models import Claim, Document, Kind, Verdict  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
INDEX = Path("wh-briefings") / "derived_506a1_memoranda_index.csv"

TRUE, UNESTABLISHED, FALSE = "true", "unestablished", "false"
MILLION, BILLION = Decimal(10) ** 6, Decimal(10) ** 9

_DRAWDOWN = re.compile(
    r"drawdown of (?P<qualifier>up to |approximately )?(?:an aggregate value of )?"
    r"\$(?P<number>[0-9][0-9,.]*) (?P<scale>million|billion) in defense articles")
_MONEY = re.compile(r"\$(?P<number>[0-9][0-9,]*(?:\.[0-9]+)?) (?P<scale>million|billion)")
_OTHER_DRAWDOWN = re.compile(
    r"drawdown of up to \$(?P<number>[0-9][0-9,.]*) (?P<scale>million|billion) in commodities and services")
_FURNISH = re.compile(r"furnish (?:up to |approximately )?\$(?P<number>[0-9][0-9,.]*) (?P<scale>million|billion)")


@dataclass(frozen=True)
class Memo:
    """One memorandum: its drawdown amount in dollars, how it is qualified, and its other figures."""

    date: str
    file: str
    amount: Decimal
    approximate: bool  # "approximately $X" rather than "up to $X"
    furnish: tuple[Decimal, ...]  # section 614(a)(1) amounts: not drawdowns
    other_drawdowns: tuple[Decimal, ...]  # section 552(c)(2) drawdowns of the same memo, stated "up to"
    figures: frozenset[Decimal]  # every "$X million/billion" in the memo
    content: bytes


@dataclass(frozen=True)
class Case:
    memo: Memo
    family: str
    label: str  # TRUE, UNESTABLISHED or FALSE
    expected: str  # the claim's figure, as the expected column holds it
    subject: str
    rule: str


@dataclass(frozen=True)
class Outcome:
    case: Case
    verdict: Verdict
    reason: str
    baseline: Verdict


class DataMissing(Exception):
    """The shared data folder is not where the benchmark looks."""


def load_memos(data: Path) -> list[Memo]:
    """The memoranda of the index, each with its drawdown amount read from its text."""
    index = data / INDEX
    if not index.is_file():
        raise DataMissing(f"{index} is absent: clone the shared data beside the repository (../shared/data)")
    memos: list[Memo] = []
    with index.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            path = data / "wh-briefings" / row["file"].strip()
            content = path.read_bytes()
            body = " ".join(content.decode("utf-8").split())
            found = _DRAWDOWN.findall(body)
            if len(found) != 1:
                raise ValueError(f"{path}: {len(found)} section 506(a)(1) drawdown amounts, expected 1")
            qualifier, number, scale = found[0]
            amount = _dollars(number, scale)
            listed = {_dollars(*a.strip().split()) for a in row["amounts_mentioned"].split(";")}
            if amount not in listed:
                raise ValueError(f"{path}: drawdown {amount} is not among the index's {listed}")
            figures = frozenset(_dollars(m["number"], m["scale"]) for m in _MONEY.finditer(body))
            furnish = tuple(_dollars(m["number"], m["scale"]) for m in _FURNISH.finditer(body))
            others = tuple(_dollars(m["number"], m["scale"]) for m in _OTHER_DRAWDOWN.finditer(body))
            memos.append(Memo(row["date"], row["file"].strip(), amount, qualifier.strip() == "approximately",
                              furnish, others, figures, content))
    return memos


def _dollars(number: str, scale: str) -> Decimal:
    return Decimal(number.replace(",", "")) * (BILLION if scale.lower() == "billion" else MILLION)


# --- spelling money -----------------------------------------------------------------------------


def money(amount: Decimal, scale: str = "") -> str:
    """"$600 million", "$2.85 billion"; `scale` forces "million" or "billion"."""
    scale = scale or ("billion" if amount >= BILLION else "million")
    return f"${_number(amount / (BILLION if scale == 'billion' else MILLION))} {scale}"


def _number(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    whole, _, fraction = text.partition(".")
    whole = f"{int(whole):,}"
    return f"{whole}.{fraction}" if fraction else whole


def spellings(amount: Decimal) -> list[tuple[str, str]]:
    """(form name, text) of the true amount in the ways articles write it."""
    big = "billion" if amount >= BILLION else "million"
    other = "million" if big == "billion" else "billion"
    words = money(amount)[1:].replace(f" {big}", "")
    abbreviation = "bn" if big == "billion" else "M"
    forms = [
        ("$X scale", money(amount)),
        ("$X other scale", money(amount, other)),
        ("X scale dollars", f"{words} {big} dollars"),
        (f"$X{abbreviation}", f"${words}{abbreviation}"),
        ("US$X scale", f"US${words} {big}"),
        ("$X in digits", f"${_number(amount)}"),
    ]
    spelled = _words(amount)
    if spelled:
        forms.append(("X in words dollars", f"{spelled} dollars"))
    return forms


_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
         "sixteen seventeen eighteen nineteen").split()
_TENS_WORDS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _words(amount: Decimal) -> str:
    """"six hundred million", "two billion eight hundred fifty million"; '' when not whole millions."""
    if amount % MILLION:
        return ""
    millions = int(amount // MILLION)
    parts = []
    if millions >= 1000:
        parts.append(f"{_below_thousand(millions // 1000)} billion")
    if millions % 1000:
        parts.append(f"{_below_thousand(millions % 1000)} million")
    return " ".join(parts)


def _below_thousand(number: int) -> str:
    hundreds, rest = divmod(number, 100)
    parts = [f"{_ONES[hundreds]} hundred"] if hundreds else []
    if rest >= 20:
        parts.append(_TENS_WORDS[rest // 10] + (f"-{_ONES[rest % 10]}" if rest % 10 else ""))
    elif rest:
        parts.append(_ONES[rest])
    return " ".join(parts)


def unit(amount: Decimal) -> Decimal:
    """The place value of the amount's leading digit: 600 million -> 100 million."""
    return Decimal(10) ** (len(str(int(amount))) - 1)


def round_up(amount: Decimal) -> Decimal:
    """The next leading-digit round number above the amount: 600 million -> 700 million."""
    step = unit(amount)
    return (amount // step) * step + step


def round_down(amount: Decimal) -> Decimal:
    """The leading-digit round number below the amount: 600 million -> 500 million, 1 billion -> 900 million."""
    step = unit(amount)
    below = (amount // step) * step
    if below == amount:
        below -= step
    if below == 0:
        below = amount - step / 10
    return below


# --- the labelled claims ------------------------------------------------------------------------


def build_cases(memos: list[Memo]) -> list[Case]:
    cases: list[Case] = []
    for position, memo in enumerate(memos):
        cases += spelling_cases(memo)
        cases += qualifier_cases(memo)
        cases += changed_cases(memo, memos[position - 1] if position else memos[position + 1])
        cases += [Case(memo, "other figure (not the drawdown)", FALSE, money(y), "drawdown",
                       "a section 614(a)(1) 'furnish' amount of the same memo")
                  for y in memo.furnish if y != memo.amount]
        if b"Ukraine" in memo.content:
            cases.append(Case(memo, "true: subject 'Ukraine drawdown'", TRUE, money(memo.amount),
                              "Ukraine drawdown", "the drawdown amount; the memo names Ukraine"))
    return cases


def spelling_cases(memo: Memo) -> list[Case]:
    rule = "the amount repeated" + (" without the source's 'approximately'" if memo.approximate else
                                    ": the ceiling is the package's stated value")
    return [Case(memo, "true: spellings", TRUE, text, "drawdown", f"{form}: {rule}")
            for form, text in spellings(memo.amount)]


QUALIFIED = ("up to", "at most", "less than", "about", "more than", "at least")


def qualifier_cases(memo: Memo) -> list[Case]:
    """Qualified claims on X (the drawdown amount), U (the round number above X), D (the one below) and 2X.

    A memo with a second drawdown (section 552(c)(2)) labels each claim by the drawdown that makes it
    truest, since the subject "drawdown" names both.
    """
    x, up, down = memo.amount, round_up(memo.amount), round_down(memo.amount)
    names = {2 * x: "2X", x: "X", up: "U", down: "D"}
    rows = [("up to", x), ("at most", x), ("about", x), ("less than", up), ("more than", down), ("at least", x),
            ("less than", down), ("more than", x), ("more than", up), ("at least", up), ("about", 2 * x)]
    source = "approximately X" if memo.approximate else "up to X"
    cases = []
    for qualifier, figure in rows:
        label = qualifier_label(qualifier, figure, x, memo.approximate)
        for other in memo.other_drawdowns:
            label = _truest(label, qualifier_label(qualifier, figure, other, False))
        cases.append(Case(memo, f"{label}: qualifiers", label, f"{qualifier} {money(figure)}", "drawdown",
                          f"'{qualifier} {names[figure]}' against '{source}'"))
    return cases


def qualifier_label(qualifier: str, figure: Decimal, amount: Decimal, approximate: bool) -> str:
    """Whether "<qualifier> <figure>" is true of a drawdown stated as "up to <amount>" or "approximately <amount>".

    "up to X" is a ceiling, [0, X], whose figure X is the package's stated value. A claim that
    restates or follows from it is true: "up to X", "at most X", "about X", "less than U" (U > X).
    One the ceiling allows but does not say is unestablished: "more than D" and "at least D" (D < X),
    "at least X", "less than D", "up to D". One no value up to X fits is false: "more than X",
    "more than U", "at least U", "about 2X" (its band starts at 1.8X).

    "approximately X" is read as X plus or minus 10%, [0.9X, 1.1X]: a claim whose interval holds
    the whole band is true, one that holds none of it is false, the rest is unestablished; and
    "about X" is true (the source's own figure).
    """
    if approximate:
        low, high = amount * Decimal("0.9"), amount * Decimal("1.1")
    else:
        low, high = Decimal(0), amount
    if qualifier == "about":
        if figure == amount:
            return TRUE
        return UNESTABLISHED if figure * Decimal("0.9") <= high and figure * Decimal("1.1") >= low else FALSE
    if qualifier in ("up to", "at most"):
        return TRUE if figure >= high else UNESTABLISHED if figure >= low else FALSE
    if qualifier == "less than":
        return TRUE if figure > high else UNESTABLISHED if figure > low else FALSE
    if qualifier == "more than":
        return TRUE if figure < low else UNESTABLISHED if figure < high else FALSE
    if qualifier == "at least":
        return TRUE if figure <= low and approximate else UNESTABLISHED if figure <= high else FALSE
    raise ValueError(f"no rule for {qualifier!r}")


def _truest(a: str, b: str) -> str:
    order = (FALSE, UNESTABLISHED, TRUE)
    return max(a, b, key=order.index)


def changed_cases(memo: Memo, neighbour: Memo) -> list[Case]:
    """Changed amounts: never the memo's own figures (a second drawdown's amount would be true)."""
    x = memo.amount
    scale = "billion" if x >= BILLION else "million"
    stated = x / (BILLION if scale == "billion" else MILLION)
    swapped = stated * (MILLION if scale == "billion" else BILLION)
    changes = [
        ("plus half a leading unit", x + unit(x) / 2),
        ("minus half a leading unit", x - unit(x) / 2),
        ("first digit changed", _digit_changed(x, scale, first=True)),
        ("last digit changed", _digit_changed(x, scale, first=False)),
        ("million <-> billion", swapped),
        ("neighbouring memo's amount", neighbour.amount),
    ]
    seen: set[Decimal] = set()
    cases = []
    for rule, amount in changes:
        if amount in memo.figures or amount in seen or amount <= 0:
            continue
        seen.add(amount)
        cases.append(Case(memo, "changed amount", FALSE, money(amount), "drawdown", rule))
    return cases


def _digit_changed(amount: Decimal, scale: str, first: bool) -> Decimal:
    """The stated number with its first (or last) digit raised by one (9 becomes 8)."""
    size = BILLION if scale == "billion" else MILLION
    text = f"{(amount / size).normalize():f}"
    positions = [i for i, c in enumerate(text) if c.isdigit()]
    index = positions[0] if first else positions[-1]
    digit = int(text[index])
    changed = text[:index] + str(digit + 1 if digit < 9 else digit - 1) + text[index + 1:]
    return Decimal(changed) * size


# --- running ------------------------------------------------------------------------------------


def documents(memos: Iterable[Memo]) -> dict[str, Document]:
    return {memo.file: extract_document(memo.content, "text/markdown", memo.file) for memo in memos}


def run(cases: list[Case], docs: dict[str, Document]) -> list[Outcome]:
    outcomes = []
    for number, case in enumerate(cases):
        claim = Claim(id=f"n{number}", claim=f"The drawdown is {case.expected}.", kind=Kind.AMOUNT,
                      expected=case.expected, subject=case.subject)
        document = docs[case.memo.file]
        finding = match(claim, document)
        outcomes.append(Outcome(case, finding.verdict, finding.reason, baseline(case.expected, document.text)))
    return outcomes


def baseline(expected: str, text: str) -> Verdict:
    """Supported iff the claim's "$X million/billion" string is one of the source's."""
    wanted = [m.group(0) for m in _MONEY.finditer(" ".join(expected.split()))]
    if not wanted:
        return Verdict.NEEDS_REVIEW
    found = {m.group(0) for m in _MONEY.finditer(" ".join(text.split()))}
    if not found:
        return Verdict.NOT_FOUND
    return Verdict.SUPPORTED if wanted[0] in found else Verdict.CONTRADICTED


VERDICT_COLUMNS = (Verdict.SUPPORTED, Verdict.PARTIALLY_SUPPORTED, Verdict.CONTRADICTED, Verdict.NOT_FOUND,
                   Verdict.NEEDS_REVIEW)


@dataclass(frozen=True)
class FamilyFigures:
    family: str
    label: str
    n: int
    verdicts: Counter
    baseline_supported: int

    @property
    def supported(self) -> int:
        return self.verdicts[Verdict.SUPPORTED]

    @property
    def target_met(self) -> bool:
        return self.supported == self.n if self.label == TRUE else self.supported == 0

    @property
    def baseline_met(self) -> bool:
        return self.baseline_supported == self.n if self.label == TRUE else self.baseline_supported == 0


def figures(outcomes: list[Outcome]) -> list[FamilyFigures]:
    families: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        families.setdefault(outcome.case.family, []).append(outcome)
    rows = []
    for family, group in families.items():
        rows.append(FamilyFigures(family, group[0].case.label, len(group), Counter(o.verdict for o in group),
                                  sum(o.baseline is Verdict.SUPPORTED for o in group)))
    order = {TRUE: 0, UNESTABLISHED: 1, FALSE: 2}
    return sorted(rows, key=lambda r: (order[r.label], r.family))


@dataclass(frozen=True)
class Confusion:
    """Should be supported (true) against said supported."""

    true_supported: int
    true_not: int
    other_supported: int  # a wrong `supported`: the worst error
    other_not: int

    @property
    def precision(self) -> float:
        said = self.true_supported + self.other_supported
        return self.true_supported / said if said else 1.0

    @property
    def recall(self) -> float:
        true = self.true_supported + self.true_not
        return self.true_supported / true if true else 1.0


def confusion(outcomes: list[Outcome], use_baseline: bool = False) -> Confusion:
    counts = Counter()
    for outcome in outcomes:
        verdict = outcome.baseline if use_baseline else outcome.verdict
        counts[(outcome.case.label == TRUE, verdict is Verdict.SUPPORTED)] += 1
    return Confusion(counts[(True, True)], counts[(True, False)], counts[(False, True)], counts[(False, False)])


def table(outcomes: list[Outcome]) -> str:
    header = ("family", "label", "n", "supported", "partially", "contradicted", "not_found", "needs_review",
              "target", "baseline supported", "baseline target")
    rows = [header]
    for row in figures(outcomes):
        rows.append((row.family, row.label, str(row.n), *(str(row.verdicts[v]) for v in VERDICT_COLUMNS),
                     "met" if row.target_met else "MISSED", str(row.baseline_supported),
                     "met" if row.baseline_met else "missed"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) if i < 2 else cell.rjust(width) for i, (cell, width)
                       in enumerate(zip(r, widths, strict=True))) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def changed_by_rule(outcomes: list[Outcome]) -> str:
    """The changed amounts by how they were changed: below a ceiling is partial, above it contradicted."""
    counts: dict[str, Counter] = {}
    for outcome in outcomes:
        if outcome.case.family == "changed amount":
            counts.setdefault(outcome.case.rule, Counter())[outcome.verdict] += 1
    lines = ["", f"changed amounts by rule{'':<28}    n  supported  partially  contradicted"]
    for rule, verdicts in counts.items():
        lines.append(f"  {rule:<49}{sum(verdicts.values()):>5}{verdicts[Verdict.SUPPORTED]:>11}"
                     f"{verdicts[Verdict.PARTIALLY_SUPPORTED]:>11}{verdicts[Verdict.CONTRADICTED]:>14}")
    return "\n".join(lines)


def confusion_lines(outcomes: list[Outcome]) -> str:
    lines = ["", "supported vs label (true = should be supported)     checker   baseline"]
    ours, theirs = confusion(outcomes), confusion(outcomes, use_baseline=True)
    for name, attr in (("true, said supported", "true_supported"), ("true, not said supported", "true_not"),
                       ("not true, said supported (wrong supported)", "other_supported"),
                       ("not true, not said supported", "other_not")):
        lines.append(f"  {name:<48}{getattr(ours, attr):>8}{getattr(theirs, attr):>11}")
    lines.append(f"  {'precision of supported':<48}{ours.precision:>8.3f}{theirs.precision:>11.3f}")
    lines.append(f"  {'recall of true claims':<48}{ours.recall:>8.3f}{theirs.recall:>11.3f}")
    return "\n".join(lines)


def misses(outcomes: list[Outcome]) -> list[Outcome]:
    """Outcomes that break the target: a true claim not supported, or another one supported."""
    return [o for o in outcomes
            if (o.case.label == TRUE) != (o.verdict is Verdict.SUPPORTED)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--show-misses", action="store_true", help="list every claim that misses its target")
    args = parser.parse_args(argv)
    try:
        memos = load_memos(args.data)
    except DataMissing as error:
        print(f"numbers benchmark: {error}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    cases = build_cases(memos)
    outcomes = run(cases, documents(memos))
    elapsed = time.perf_counter() - started
    print(f"{len(memos)} memoranda, {len(cases)} claims, checked in {elapsed:.2f} s\n")
    print(table(outcomes))
    print(changed_by_rule(outcomes))
    print(confusion_lines(outcomes))
    missed = misses(outcomes)
    print(f"\nclaims missing their target: {len(missed)}")
    if args.show_misses:
        for outcome in missed:
            case = outcome.case
            print(f"  {case.memo.date} [{case.family}] {case.expected!r} ({case.rule}): "
                  f"{outcome.verdict.value}: {outcome.reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
