"""Speed benchmark: a quote and 1,000 claims against one 5 MB document, with a difflib baseline.

    .venv/bin/python benchmarks/speed.py [--claims 1000] [--cap 180] [--difflib-cap 60] [--runs 5] [--seed 4]

Run from the repository root; it reads ../shared/data/wh-briefings (White House texts, public-domain
US government works) and says so and exits when that folder is absent.

The document. Every Markdown text of wh-briefings is read with `checker.extract.extract_document`
(text/markdown), as the pipeline reads a source; the bodies are joined with blank lines, and, since
they come to about 3.4 million characters, joined again from the first text on until 5,000,000
characters are reached (whole texts only). Passages keep their locators.

The figures (median of --runs runs where a figure is cheap enough to repeat):

- fold: `normalize.fold` of the document, the one indexing every quote claim shares; beside it the
  character-by-character fold the project had before, as a baseline;
- locate: a real 40-word passage (from the part of the document that is not repeated, so it occurs
  once) with three words replaced, found by `checker.match.align.locate` on the folded document,
  and by the whole quote matcher `checker.match.quote.match`. Target: at most 0.2 s;
- the difflib baseline: every 40-word window of the folded document's words scored against the
  quote's words with `difflib.SequenceMatcher`, cheap bounds first, as `difflib.get_close_matches`
  does. It stops after --difflib-cap seconds and then reports that as a lower bound together with
  a projection from the share of windows it scored;
- 1,000 claims (default: half quotes, a quarter amounts, a quarter statements, all cut from the
  document, many edited) checked by `checker.match.match`, the pipeline's dispatch. Each kind gets
  an equal share of --cap seconds; a kind that cannot finish in its share is projected from the
  claims it did check (mean x count), and the table says how many were measured, and what the first
  claim of each kind took (it builds what its matcher indexes of the document) apart from the
  others. Target: the 1,000 in at most 10 s, the document indexed once however many claims cite it;
- per-claim cost by function: one claim of each kind run under cProfile, the checker functions
  with the largest cumulative time (profiling slows pure Python down, so read them as shares);
- memory: peak resident set size (getrusage), and the traced peak of one fold.
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
import os
import cProfile
import difflib
import pstats
import random
import re
import resource
import statistics
import time
import tracemalloc
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from checker import normalize
from checker.extract import extract_document
from checker.match import align, match, quote
from checker.models import Claim, Document, Kind, Passage, Verdict

DATA = ROOT.parent / "shared" / "data" / "wh-briefings"
SIZE = 5_000_000
QUOTE_WORDS = 40
EDITS = 3
LOCATE_TARGET = 0.2
CLAIMS_TARGET = 10.0

_SPEAKER_LABEL = re.compile(r"^[ \t\u00a0]*((?:[A-Z][A-Z.'\u2019\-]*[ \t\u00a0]+){0,4}[A-Z][A-Z.'\u2019\-]+):", re.M)
_MONEY = re.compile(r"\$\s?\d[\d,]*(?:\.\d+)?(?:\s(?:million|billion|trillion))?")
_SENTENCE = re.compile(r"[A-Z][^.!?\n]{60,260}[.!?](?=\s)")
_STOP = frozenset("a an the of to in on at by for from with and or as is are was were be this that its it".split())


# ---------------------------------------------------------------- the document


def build_document(root: Path = DATA, size: int = SIZE) -> tuple[Document, int, int]:
    """The White House texts joined (and joined again until `size` characters).

    Returns the document, the number of texts and the length of one pass over them.
    """
    files = sorted(path for path in root.rglob("*.md") if path.name != "README.md")
    texts = [extract_document(path.read_bytes(), "text/markdown", path.as_uri()) for path in files]
    unique = sum(len(text.text) for text in texts) + 2 * (len(texts) - 1)
    parts: list[str] = []
    passages: list[Passage] = []
    length = 0
    index = 0
    while length < size:
        read = texts[index % len(texts)]
        if parts:
            parts.append("\n\n")
            length += 2
        name = files[index % len(files)].stem[:40]
        passages.extend(Passage(p.text, p.start + length, p.end + length, f"{name} {p.locator}") for p in read.passages)
        parts.append(read.text)
        length += len(read.text)
        index += 1
    document = Document("benchmark://wh-briefings-joined", "".join(parts), tuple(passages), "text/markdown")
    return document, len(texts), unique


def paragraphs(document: Document, low: int = 0, high: int | None = None, min_words: int = 0) -> list[Passage]:
    high = len(document.text) if high is None else high
    return [p for p in document.passages if low <= p.start and p.end <= high and len(p.text.split()) >= min_words]


def pick_passage(document: Document, rng: random.Random, words: int, low: int, high: int,
                 unique: bool = False) -> tuple[int, int]:
    """[start, end) of `words` consecutive words of one paragraph between `low` and `high`.

    `unique`: each half of the passage occurs once in the document, so that no near copy
    (the boilerplate of the memoranda) competes with it once words are edited.
    """
    candidates = paragraphs(document, low, high, words + 2)
    while True:
        paragraph = rng.choice(candidates)
        spans = [m.span() for m in re.finditer(r"\S+", paragraph.text)]
        first = rng.randrange(0, len(spans) - words + 1)
        start, end = paragraph.start + spans[first][0], paragraph.start + spans[first + words - 1][1]
        middle = paragraph.start + spans[first + words // 2][0]
        halves = (document.text[start:middle].strip(), document.text[middle:end])
        if not unique or all(document.text.count(half) == 1 for half in halves):
            return start, end


def edit_words(passage: str, rng: random.Random, count: int, vocabulary: list[str]) -> str:
    """`passage` with `count` inner words replaced by other words of the document."""
    words = passage.split()
    for at in rng.sample(range(1, len(words) - 1), count):
        replacement = rng.choice(vocabulary)
        while replacement.lower() == words[at].lower():
            replacement = rng.choice(vocabulary)
        words[at] = replacement
    return " ".join(words)


def vocabulary_of(text: str, rng: random.Random, size: int = 5000) -> list[str]:
    words = sorted({w for w in text[:500_000].split() if w.isascii() and w.isalpha() and w.islower()
                    and 4 <= len(w) <= 12 and w not in _STOP})
    return rng.sample(words, min(size, len(words)))


# ---------------------------------------------------------------- locating one quote


@dataclass(frozen=True)
class Timing:
    wall: float  # median seconds, wall clock
    cpu: float  # median seconds of this process's CPU time (less sensitive to a busy machine)

    def __str__(self) -> str:
        return f"{seconds(self.wall)} (CPU {seconds(self.cpu)})"


def median_time(function: Callable[[], object], runs: int) -> tuple[Timing, object]:
    walls, cpus, result = [], [], None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = function()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return Timing(statistics.median(walls), statistics.median(cpus)), result


def fold_by_character(text: str) -> tuple[str, list[int]]:
    """The fold the project had before: every character in a Python loop (the baseline for fold)."""
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        for out in normalize.fold_char(char):
            if out == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(out)
            offsets.append(index)
    if chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    return "".join(chars), offsets


@dataclass
class DifflibResult:
    seconds: float
    complete: bool
    scored: int
    total: int
    best: float
    start: int  # folded offset of the best window
    end: int

    @property
    def projected(self) -> float:
        return self.seconds * self.total / max(1, self.scored)


def difflib_locate(phrase: str, folded_text: str, cap: float) -> DifflibResult:
    """The best window of the phrase's length in words, by SequenceMatcher.ratio (get_close_matches' way)."""
    started = time.perf_counter()
    needle = normalize.fold_text(phrase).split()
    spans = [m.span() for m in re.finditer(r"\S+", folded_text)]
    words = [folded_text[a:b] for a, b in spans]
    size = len(needle)
    total = max(0, len(words) - size + 1)
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(needle)
    best, best_at, scored = 0.0, 0, 0
    for at in range(total):
        matcher.set_seq1(words[at:at + size])
        if matcher.real_quick_ratio() > best and matcher.quick_ratio() > best:
            ratio = matcher.ratio()
            if ratio > best:
                best, best_at = ratio, at
        scored += 1
        if scored % 2000 == 0 and time.perf_counter() - started > cap:
            break
    seconds = time.perf_counter() - started
    end = spans[min(best_at + size, len(spans)) - 1][1] if spans else 0
    return DifflibResult(seconds, scored == total, scored, total, best, spans[best_at][0] if spans else 0, end)


# ---------------------------------------------------------------- 1,000 claims


def make_claims(document: Document, rng: random.Random, count: int, vocabulary: list[str]) -> list[Claim]:
    """Half quotes, a quarter amounts, a quarter statements, cut from the document; many edited."""
    text = document.text
    labels = [(m.start(), m.group(1)) for m in _SPEAKER_LABEL.finditer(text)]
    label_starts = [start for start, _ in labels]
    money = list(_MONEY.finditer(text))
    sentences = list(_SENTENCE.finditer(text))
    claims: list[Claim] = []
    kinds = [Kind.QUOTE] * (count // 2) + [Kind.AMOUNT] * (count // 4)
    kinds += [Kind.STATEMENT] * (count - len(kinds))
    rng.shuffle(kinds)
    for number, kind in enumerate(kinds):
        ident = f"{kind.value}-{number}"
        if kind is Kind.QUOTE:
            start, end = pick_passage(document, rng, rng.randint(8, QUOTE_WORDS), 0, len(text))
            words = text[start:end]
            edits = rng.choice((0, 0, 1, 2, 3))
            if edits:
                words = edit_words(words, rng, min(edits, len(words.split()) - 2), vocabulary)
            speaker = ""
            if rng.random() < 0.25:
                at = bisect_right(label_starts, start) - 1
                speaker = labels[at][1] if at >= 0 else ""
            claims.append(Claim(ident, f"\u201c{words}\u201d", kind, expected=words, speaker=speaker))
        elif kind is Kind.AMOUNT:
            found = rng.choice(money)
            amount = " ".join(found.group().split())
            after = re.findall(r"[A-Za-z]+", text[found.end():found.end() + 80])
            subject = " ".join([w for w in after if w.lower() not in _STOP][:2]) or "assistance"
            if rng.random() < 0.5:
                digits = re.search(r"\d[\d,]*(?:\.\d+)?", amount).group()
                amount = amount.replace(digits, str(int(float(digits.replace(",", ""))) + 7), 1)
            claims.append(Claim(ident, f"The source gives {amount} for {subject}.", kind, expected=amount,
                                subject=subject))
        else:
            sentence = rng.choice(sentences).group()
            if rng.random() < 0.5:
                sentence = edit_words(sentence, rng, 1, vocabulary)
            claims.append(Claim(ident, sentence, kind))
    return claims


@dataclass
class KindRun:
    count: int = 0
    times: list[float] = field(default_factory=list)
    cpu: float = 0.0  # this process's CPU seconds for the claims measured
    verdicts: Counter = field(default_factory=Counter)

    @property
    def measured(self) -> int:
        return len(self.times)

    @property
    def mean(self) -> float:
        return statistics.fmean(self.times) if self.times else float("nan")

    @property
    def projected(self) -> float:
        return sum(self.times) if self.measured == self.count else self.mean * self.count


def run_claims(claims: list[Claim], document: Document, cap: float) -> dict[Kind, KindRun]:
    """Check the claims, in order, each kind until its share of `cap` seconds is spent."""
    runs: dict[Kind, KindRun] = {}
    for claim in claims:
        runs.setdefault(claim.kind, KindRun()).count += 1
    share = cap / len(runs)
    for claim in claims:
        run = runs[claim.kind]
        if sum(run.times) > share:
            continue
        start, cpu = time.perf_counter(), time.process_time()
        finding = match(claim, document)
        run.times.append(time.perf_counter() - start)
        run.cpu += time.process_time() - cpu
        run.verdicts[finding.verdict] += 1
    return runs


def profile_claim(claim: Claim, document: Document, top: int = 6) -> list[tuple[str, float]]:
    """The checker functions with the largest cumulative time while checking `claim`, under cProfile."""
    profiler = cProfile.Profile()
    profiler.runcall(match, claim, document)
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    rows = []
    for (path, _, name), (_, _, _, cumulative, _) in stats.items():
        if "/checker/" in path and not path.endswith("match/__init__.py"):
            module = path.split("/checker/")[-1].removesuffix(".py").replace("/", ".")
            rows.append((f"{module}.{name}", cumulative))
    rows.sort(key=lambda row: -row[1])
    return rows[:top]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---------------------------------------------------------------- report


def met(value: float, target: float) -> str:
    if value <= target:
        return f"yes ({value / target:.0%} of the target)"
    return f"no ({value / target:,.1f}x the target)"


def seconds(value: float) -> str:
    if value != value:  # nan
        return "-"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--cap", type=float, default=180.0, help="seconds for the claims, shared by the kinds")
    parser.add_argument("--difflib-cap", type=float, default=60.0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"speed: the White House texts are not here: {DATA} is absent (clone beside ../shared)")
    rng = random.Random(args.seed)

    document, texts, unique = build_document()
    text = document.text
    rss_document = peak_rss_mb()

    started = time.perf_counter()
    folded = normalize.fold(text)
    fold_first = time.perf_counter() - started
    fold_time, _ = median_time(lambda: normalize._fold(text), args.runs)
    tracemalloc.start()
    normalize._fold(text)
    fold_traced_peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()

    rss_folded = peak_rss_mb()
    vocabulary = vocabulary_of(text, rng)
    start, end = pick_passage(document, rng, QUOTE_WORDS, SIZE - unique + 1000, unique - 1000, unique=True)
    true_passage = text[start:end]
    phrase = edit_words(true_passage, rng, EDITS, vocabulary)
    locate_time, alignment = median_time(lambda: align.locate(phrase, text, folded=folded), args.runs)
    found = alignment is not None and alignment.start < end and start < alignment.end
    claim = Claim("speed-quote", f"\u201c{phrase}\u201d", Kind.QUOTE, expected=phrase)
    quote_time, finding = median_time(lambda: quote.match(claim, document), args.runs)
    baseline = difflib_locate(phrase, folded.text, args.difflib_cap)
    baseline_start, baseline_end = folded.span(baseline.start, baseline.end)
    baseline_found = baseline_start < end and start < baseline_end

    claims = make_claims(document, rng, args.claims, vocabulary)
    calls = Counter()
    fold_worker = normalize._fold

    def counting_fold(value: str) -> normalize.Folded:
        if value is text or value == text:
            calls["document"] += 1
        return fold_worker(value)

    normalize._fold_long.cache_clear()
    normalize._fold = counting_fold  # type: ignore[assignment]
    try:
        started = time.perf_counter()
        runs = run_claims(claims, document, args.cap)
        claims_wall = time.perf_counter() - started
    finally:
        normalize._fold = fold_worker  # type: ignore[assignment]
    rss_claims = peak_rss_mb()
    samples = {
        "quote, exact, with a speaker": next((c for c in claims if c.kind is Kind.QUOTE and c.speaker
                                              and c.expected in text), None),
        "quote, edited": next((c for c in claims if c.kind is Kind.QUOTE and c.expected not in text), None),
        "amount": next((c for c in claims if c.kind is Kind.AMOUNT), None),
        "statement": next((c for c in claims if c.kind is Kind.STATEMENT), None),
    }
    profiles = {label: (sample, profile_claim(sample, document)) for label, sample in samples.items() if sample}

    reference_time, (reference_text, _) = median_time(lambda: fold_by_character(text), 1)
    assert reference_text == folded.text, "the fold differs from the character-by-character fold"
    del reference_text

    projected = sum(run.projected for run in runs.values())
    measured = sum(run.measured for run in runs.values())
    print(f"Load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    print(f"Document: {len(text):,} characters ({len(text.encode()) / 1e6:.2f} MB UTF-8), {texts} White House "
          f"texts joined ({unique:,} characters), then joined again from the first until {SIZE:,}; "
          f"{len(document.passages):,} passages")
    print(f"Quote: {QUOTE_WORDS} words at offset {start:,} with {EDITS} words replaced: {phrase!r}")
    print()
    print("| measure | checker | baseline | ratio | target | met |")
    print("|---|---|---|---|---|---|")
    print(f"| fold (index) the document | {fold_time} (first call {seconds(fold_first)}) | "
          f"{reference_time} (previous fold, character by character) | "
          f"{reference_time.wall / fold_time.wall:.1f}x | - | - |")
    lower = "" if baseline.complete else ">= "
    baseline_text = (f"{lower}{seconds(baseline.seconds)} (difflib windows"
                     + ("" if baseline.complete else f", stopped at {baseline.scored:,} of {baseline.total:,}; "
                        f"projected {seconds(baseline.projected)}") + ")")
    print(f"| locate the quote, document indexed (align.locate) | {locate_time} | {baseline_text} | "
          f"{lower}{baseline.seconds / locate_time.wall:,.0f}x | <= {LOCATE_TARGET} s | "
          f"{met(locate_time.wall, LOCATE_TARGET)} |")
    print(f"| locate + verdict (quote.match) | {quote_time} | | | <= {LOCATE_TARGET} s | "
          f"{met(quote_time.wall, LOCATE_TARGET)} |")
    print(f"| locate, document not yet indexed (fold + locate) | {seconds(fold_time.wall + locate_time.wall)} "
          f"| | | - | - |")
    verb = "checked" if measured == len(claims) else "projected"
    cpu = sum(run.cpu for run in runs.values())
    print(f"| {len(claims):,} claims, {verb} ({measured:,} measured in {seconds(claims_wall)}, CPU {seconds(cpu)}) | "
          f"{seconds(projected)} | | | <= {CLAIMS_TARGET} s | {met(projected, CLAIMS_TARGET)} |")
    for kind, run in runs.items():
        verdicts = ", ".join(f"{v.value} {n}" for v, n in run.verdicts.most_common())
        later = seconds(statistics.fmean(run.times[1:])) if run.measured > 1 else "-"
        print(f"| - {run.count} {kind.value} claims ({run.measured} measured: {verdicts}) | "
              f"{seconds(run.projected)} (CPU {seconds(run.cpu)}), {seconds(run.mean)} a claim "
              f"(the first {seconds(run.times[0])}, "
              f"indexing the document; then {later} a claim) | | | | |")
    print(f"| document folded during the claims | {calls['document']} time(s) for {measured:,} claims | | | once | "
          f"{'yes' if calls['document'] <= 1 else 'no'} |")
    print(f"| peak resident memory, claims included | {rss_claims:,.0f} MB (document built: {rss_document:,.0f} MB; "
          f"document folded: {rss_folded:,.0f} MB) "
          f"| | | - | - |")
    print(f"| traced peak of one fold | {fold_traced_peak:,.0f} MB | | | - | - |")
    print()
    print(f"Located by checker: {'yes' if found else 'NO'} (score {alignment.score if alignment else 0}); "
          f"quote.match: {finding.verdict.value}; by difflib: {'yes' if baseline_found else 'no'} "
          f"(ratio {baseline.best:.2f}{'' if baseline.complete else ', best so far'})")
    print()
    print("Per claim, by function (one claim of each kind under cProfile; cumulative seconds):")
    for label, (sample, rows) in profiles.items():
        print(f"  {label} ({sample.id}{', speaker ' + sample.speaker if sample.speaker else ''}):")
        for name, cumulative in rows:
            print(f"    {cumulative:8.3f} s  {name}")


if __name__ == "__main__":
    main()
