"""Quotes benchmark: real transcript sentences, perturbed by rule, labelled by construction.

    .venv/bin/python benchmarks/quotes.py [--sentences 300] [--seed 20220916] [--failures 10]

Run from the repository root; it reads ../shared/data/wh-briefings/press-briefings (the White
House press briefings of September 2022, public-domain US government works) and says so and
exits when that folder is absent.

The set. Every briefing is split into speaker turns by its transcript labels ("MS. JEAN-PIERRE:",
"MR. KIRBY:", "MR. SULLIVAN:", "DR. JHA:", "Q" for the press). Sentences of 8-40 words that occur
once in their briefing are drawn with a fixed seed from the turns of named officials (a
"SENIOR ADMINISTRATION OFFICIAL" or "MODERATOR" names no one and is left out). Each drawn sentence
gives these variants, each labelled by how it was made:

    original        the sentence as said, with its speaker                      -> supported
    typography      quotes straightened or curled, dashes retyped, "..." <-> "…",
                    ligatures, extra spaces and line breaks, case               -> supported
    elision         a middle span of words dropped, "..." / "…" / ". . ." left  -> supported
    substituted     one content word replaced by another word of the briefing   -> not supported
    negated         "not" inserted after an auxiliary, or a negation removed    -> not supported
    number_changed  one number changed (sentences holding a number only)       -> not supported
    spliced         the first part of this sentence and the end of another
                    sentence of the same briefing                               -> not supported
    shuffled        the same words in a shuffled order                          -> not supported
    wrong_speaker   the right words, attributed to another named official of
                    the same briefing                                           -> not supported
    reporter_words  a reporter's sentence (Q) of the same briefing, attributed
                    to the official                                             -> not supported
    translated      the right words, but the claim says they were spoken in
                    Russian (claims.csv `language`): one translation of several -> not supported

"not supported" means any verdict but `supported`; the target is every typography and elision
variant `supported` and no negative variant `supported` (issue 4).

Checker runs `checker.match.quote.match` on a Document made by `checker.extract.extract_document`
from the briefing's bytes (text/markdown), as the pipeline does. Two baselines run on the same
cases: a plain substring search (white space collapsed in both) and difflib's ratio >= 0.9
against the briefing's most similar sentence. Neither knows about speakers or translations.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if __name__ == "__main__":
    # Run as a script: the repository root goes first on sys.path and this folder comes off it,
    # so that no benchmark named like a standard module could ever be imported in its place.
    sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != HERE]

import argparse
import difflib
import random
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from checker.extract import extract_document  # noqa: E402
from checker.match import quote  # noqa: E402
from checker.models import Claim, Document, Kind, Verdict  # noqa: E402
from checker.normalize import fold_text  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "wh-briefings" / "press-briefings"
SEED = 20220916
SENTENCES = 300
MIN_WORDS, MAX_WORDS = 8, 40

POSITIVE = ("original", "typography", "elision")
NEGATIVE = ("substituted", "negated", "number_changed", "spliced", "shuffled", "wrong_speaker",
            "reporter_words", "translated")
VARIANTS = POSITIVE + NEGATIVE
VERDICTS = (Verdict.SUPPORTED, Verdict.PARTIALLY_SUPPORTED, Verdict.CONTRADICTED, Verdict.NEEDS_REVIEW,
            Verdict.NOT_FOUND)

_ANY_LABEL = re.compile(r"^[\u00a0 \t]*(?:(?P<q>Q)[\u00a0 \t]|(?P<label>[A-Z][A-Z.'\u2019 \u00a0\-]*[A-Z.]):)", re.MULTILINE)
_NAMED = re.compile(r"^(?:MS|MR|MRS|DR)\.\s+(?P<name>[A-Z][A-Z'\u2019\-]+)$"
                    r"|^(?:SECRETARY|ADMINISTRATOR|AMBASSADOR|GENERAL|ADMIRAL)\s+(?P<name2>[A-Z][A-Z'\u2019\-]+)$")
_SENTENCE_END = re.compile(r"(?<=[.?!])[\"\u201d\u2019]?\s+(?=[\"\u201c\u2018]?[A-Z])")
_WORD = re.compile(r"[A-Za-z]+(?:[\u2019'][A-Za-z]+)*")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_STOP = frozenset(
    """a an the and but or so if as at by for from in into of on to with we you he she it they i this that
    these those there here what when where why how who which our my your his her their its is are was were
    be been being have has had do does did will would can could should may might must shall not no never
    yes all some any each every then than also just well now okay look let thank thanks good again sure
    because while after before about very really think know going want said says say get got make made
    more most much many other such only even still over them him me us one two three first""".split()
)
_AUXILIARIES = ("is", "are", "was", "were", "will", "would", "can", "could", "should", "has", "have", "had",
                "must", "may", "might")
_NEGATION_REMOVALS = (
    (r"\bcan[\u2019']t\b", "can"), (r"\bwon[\u2019']t\b", "will"), (r"\b(\w+)n[\u2019']t\b", r"\1"),
    (r"\bcannot\b", "can"), (r"\bnot\b ?", ""), (r"\bnever\b ?", ""),
)
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                 "first", "second", "third", "fourth", "fifth")
_NEXT_NUMBER_WORD = {"one": "two", "two": "three", "three": "four", "four": "five", "five": "six",
                     "six": "seven", "seven": "eight", "eight": "nine", "nine": "ten", "ten": "eleven",
                     "first": "second", "second": "third", "third": "fourth", "fourth": "fifth",
                     "fifth": "sixth"}
_ELLIPSES = (" ... ", " \u2026 ", " . . . ", "\u2026 ")


# ---------------------------------------------------------------- the transcripts


@dataclass(frozen=True)
class Sentence:
    """A sentence of a briefing as said: white space collapsed, with who said it."""

    briefing: str
    text: str
    label: str  # "MR. KIRBY", "Q"
    speaker: str  # "Kirby"; "" for the press and for labels that name no one
    turn: int  # index of the speaker turn in the briefing


@dataclass(frozen=True)
class Briefing:
    name: str
    document: Document
    sentences: tuple[Sentence, ...]  # every sentence of 8-40 words said once in the briefing
    all_sentences: tuple[str, ...]  # every sentence, any length (the difflib baseline's windows)
    collapsed: str  # the text with white space collapsed (the substring baseline's haystack)


def speaker_name(label: str) -> str:
    """"MS. JEAN-PIERRE" -> "Jean-Pierre"; '' for a label that names no one ("MODERATOR", "Q")."""
    found = _NAMED.match(label)
    if not found:
        return ""
    name = found.group("name") or found.group("name2")
    return "-".join(part.capitalize() for part in name.replace("\u2019", "'").split("-"))


def turns(text: str) -> list[tuple[str, int, int]]:
    """(label, start, end) of each speaker turn: from its label to the next label."""
    found = [(m.group("q") or " ".join(m.group("label").split()), m.start(), m.end())
             for m in _ANY_LABEL.finditer(text)]
    return [(label, label_end, found[i + 1][1] if i + 1 < len(found) else len(text))
            for i, (label, _, label_end) in enumerate(found)]


def split_sentences(text: str) -> list[str]:
    collapsed = " ".join(text.replace("\u00a0", " ").split())
    return [piece.strip() for piece in _SENTENCE_END.split(collapsed) if piece.strip()]


def load_briefing(path: Path) -> Briefing:
    document = extract_document(path.read_bytes(), "text/markdown", url=path.name)
    folded_text = fold_text(document.text)
    candidates: list[Sentence] = []
    every: list[str] = []
    for index, (label, start, end) in enumerate(turns(document.text)):
        for text in split_sentences(document.text[start:end]):
            every.append(text)
            if not MIN_WORDS <= len(text.split()) <= MAX_WORDS or re.search(r"[()\[\]]", text):
                continue
            if folded_text.count(fold_text(text)) != 1:
                continue
            candidates.append(Sentence(path.name, text, label, speaker_name(label), index))
    return Briefing(path.name, document, tuple(candidates), tuple(every), " ".join(document.text.split()))


def load_briefings(folder: Path = DATA, names: Iterable[str] | None = None) -> list[Briefing]:
    paths = sorted(folder.glob("**/*.md"))
    if names is not None:
        wanted = set(names)
        paths = [path for path in paths if path.name in wanted]
    return [load_briefing(path) for path in paths]


# ---------------------------------------------------------------- the variants


@dataclass(frozen=True)
class Case:
    variant: str
    quote: str
    speaker: str
    briefing: str
    supported: bool  # the label: whether `supported` is the right verdict
    language: str = ""
    detail: str = ""  # how the variant was made


def typography(text: str, rng: random.Random) -> tuple[str, str] | None:
    """The same words retyped: a random pair or more of the typographic changes that apply."""
    changes: list[tuple[str, Callable[[str], str]]] = []
    if re.search(r"[\u2018\u2019\u201c\u201d]", text):
        changes.append(("straight quotes", lambda t: re.sub("[\u2018\u2019]", "'", re.sub("[\u201c\u201d]", '"', t))))
    if re.search(r"[A-Za-z]'[A-Za-z]|\"", text):
        changes.append(("curly quotes", _curl))
    if "\u2014" in text or "\u2013" in text or " - " in text:
        dash = rng.choice(["-", "--", "\u2013", " - "])
        changes.append((f"dash as {dash.strip()!r}",
                        lambda t: re.sub(r"\s*[\u2014\u2013]\s*| - ", f" {dash.strip()} " if dash.startswith(" ")
                                         else dash, t)))
    if "..." in text or "\u2026" in text:
        changes.append(("ellipsis retyped", lambda t: t.replace("...", "\u2026") if "..." in t
                        else t.replace("\u2026", "...")))
    if re.search(r"f[il]", text):
        changes.append(("ligature", lambda t: re.sub("fi", "\ufb01", re.sub("fl", "\ufb02", t, count=1), count=1)))
    changes.append(("spacing", lambda t: _respace(t, rng)))
    changes.append(rng.choice([("lower case", str.lower), ("upper case", str.upper),
                               ("first letter lowered", lambda t: t[:1].lower() + t[1:])]))
    chosen = rng.sample(changes, k=min(len(changes), rng.randint(2, 4)))
    for _, change in chosen:
        text = change(text)
    return text, ", ".join(name for name, _ in chosen)


def _curl(text: str) -> str:
    text = re.sub(r"(?<=[A-Za-z])'(?=[A-Za-z])", "\u2019", text)
    opened = False
    out = []
    for char in text:
        if char == '"':
            char = "\u201d" if opened else "\u201c"
            opened = not opened
        out.append(char)
    return "".join(out)


def _respace(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    for _ in range(3):
        index = rng.randrange(1, len(words))
        words[index] = rng.choice(["  ", "\n", "\u00a0", " \n  "]) + words[index]
    return " ".join(words)


def elision(text: str, rng: random.Random) -> tuple[str, str] | None:
    words = text.split()
    if len(words) < 8:
        return None
    first = rng.randint(3, len(words) - 5)
    last = rng.randint(first + 2, len(words) - 3)
    mark = rng.choice(_ELLIPSES)
    dropped = " ".join(words[first:last])
    return " ".join(words[:first]) + mark + " ".join(words[last:]), f"dropped '{dropped}', joined with {mark.strip()!r}"


def substituted(text: str, vocabulary: list[str], rng: random.Random, folded_document: str) -> tuple[str, str] | None:
    spans = [m for m in _WORD.finditer(text)
             if m.group().islower() and len(m.group()) >= 4 and m.group() not in _STOP
             and m.group() not in _NUMBER_WORDS and "\u2019" not in m.group() and "'" not in m.group()]
    if not spans:
        return None
    for _ in range(20):
        target = rng.choice(spans)
        word = target.group()
        other = rng.choice(vocabulary)
        if other[:4] == word[:4] or difflib.SequenceMatcher(None, word, other).ratio() >= 0.7:
            continue
        changed = text[:target.start()] + other + text[target.end():]
        if fold_text(changed) not in folded_document:
            return changed, f"'{word}' -> '{other}'"
    return None


def negated(text: str, rng: random.Random, folded_document: str) -> tuple[str, str] | None:
    """A negation removed, or "not" inserted after an auxiliary; never an edit that leaves the briefing's words."""
    edits = []
    for pattern, replacement in _NEGATION_REMOVALS:
        for found in re.finditer(pattern, text, flags=re.IGNORECASE):
            edits.append((text[:found.start()] + found.expand(replacement) + text[found.end():],
                          f"negation removed: '{found.group().strip()}'"))
    for found in re.finditer(r"\b(" + "|".join(_AUXILIARIES) + r")\b", text):
        edits.append((text[:found.end()] + " not" + text[found.end():], f"'not' inserted after '{found.group()}'"))
    rng.shuffle(edits)
    return next((edit for edit in edits if fold_text(edit[0]) not in folded_document), None)


def number_changed(text: str, rng: random.Random) -> tuple[str, str] | None:
    digits = list(_NUMBER.finditer(text))
    if digits:
        found = rng.choice(digits)
        old = found.group()
        position = max(i for i, ch in enumerate(old) if ch.isdigit())
        digit = int(old[position])
        new = old[:position] + str((digit + rng.randint(1, 8)) % 10) + old[position + 1:]
        return text[:found.start()] + new + text[found.end():], f"'{old}' -> '{new}'"
    words = [m for m in re.finditer(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", text, flags=re.IGNORECASE)]
    if not words:
        return None
    found = rng.choice(words)
    old = found.group()
    new = _NEXT_NUMBER_WORD[old.lower()]
    new = new.capitalize() if old[0].isupper() else new
    return text[:found.start()] + new + text[found.end():], f"'{old}' -> '{new}'"


def spliced(sentence: Sentence, others: list[Sentence], rng: random.Random,
            folded_document: str) -> tuple[str, str] | None:
    candidates = [s for s in others if abs(s.turn - sentence.turn) > 1]
    if not candidates:
        return None
    other = rng.choice(candidates)
    head, tail = sentence.text.split(), other.text.split()
    keep = max(3, round(len(head) * rng.uniform(0.4, 0.6)))
    cut = min(len(tail) - 3, round(len(tail) * rng.uniform(0.4, 0.6)))
    text = " ".join(head[:keep] + tail[cut:])
    if fold_text(text) in folded_document:
        return None
    return text, f"first {keep} words + the end of '{other.text[:50]}...'"


def shuffled(text: str, rng: random.Random) -> tuple[str, str] | None:
    words = text.split()
    for _ in range(10):
        order = words[:]
        rng.shuffle(order)
        if order != words:
            return " ".join(order), "words shuffled"
    return None


def build_cases(briefings: list[Briefing], sentences: int = SENTENCES, seed: int = SEED) -> list[Case]:
    """The labelled cases: `sentences` officials' sentences drawn with `seed`, and their variants."""
    pool = [s for b in briefings for s in b.sentences if s.speaker]
    drawn = random.Random(seed).sample(pool, min(sentences, len(pool)))
    by_name = {b.name: b for b in briefings}
    cases: list[Case] = []
    for sentence in drawn:
        rng = random.Random(f"{seed}:{sentence.briefing}:{sentence.text}")  # each sentence's variants apart
        briefing = by_name[sentence.briefing]
        folded_document = fold_text(briefing.document.text)
        vocabulary = sorted({w for s in briefing.all_sentences for w in _WORD.findall(s)
                             if w.islower() and len(w) >= 4 and w not in _STOP and "\u2019" not in w})
        officials = [s for s in briefing.sentences if s.speaker]
        speakers = sorted({s.speaker for s in officials} - {sentence.speaker})
        questions = [s for s in briefing.sentences if s.label == "Q"]

        def case(variant: str, made: tuple[str, str] | None, supported: bool, speaker: str = sentence.speaker,
                 **extra: str) -> None:
            if made is not None:
                cases.append(Case(variant, made[0], speaker, sentence.briefing, supported, detail=made[1], **extra))

        text = sentence.text
        case("original", (text, "as said"), True)
        case("typography", typography(text, rng), True)
        case("elision", elision(text, rng), True)
        case("substituted", substituted(text, vocabulary, rng, folded_document), False)
        case("negated", negated(text, rng, folded_document), False)
        case("number_changed", number_changed(text, rng), False)
        case("spliced", spliced(sentence, officials, rng, folded_document), False)
        case("shuffled", shuffled(text, rng), False)
        if speakers:
            other = rng.choice(speakers)
            case("wrong_speaker", (text, f"said by {sentence.label}, claimed for {other}"), False, speaker=other)
        if questions:
            asked = rng.choice(questions)
            case("reporter_words", (asked.text, f"asked by a reporter (Q), claimed for {sentence.speaker}"), False)
        case("translated", (text, "the exact words, claimed as a translation from Russian"), False, language="ru")
    return cases


# ---------------------------------------------------------------- running


@dataclass(frozen=True)
class Outcome:
    case: Case
    verdict: Verdict
    score: float
    reason: str
    substring: bool
    difflib: bool


def check(case: Case, document: Document) -> tuple[Verdict, float, str]:
    claim = Claim(id="bench", claim=case.quote, kind=Kind.QUOTE, expected=case.quote, speaker=case.speaker,
                  language=case.language)
    finding = quote.match(claim, document)
    return finding.verdict, finding.score, finding.reason


def substring_baseline(case: Case, briefing: Briefing) -> bool:
    return " ".join(case.quote.split()) in briefing.collapsed


def difflib_baseline(case: Case, briefing: Briefing, threshold: float = 0.9) -> bool:
    wanted = " ".join(case.quote.split())
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    for sentence in briefing.all_sentences:
        matcher.set_seq1(sentence)
        if matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold \
                and matcher.ratio() >= threshold:
            return True
    return False


def run(briefings: list[Briefing], cases: list[Case], baselines: bool = True) -> list[Outcome]:
    by_name = {b.name: b for b in briefings}
    outcomes = []
    for case in cases:
        briefing = by_name[case.briefing]
        verdict, score, reason = check(case, briefing.document)
        outcomes.append(Outcome(case, verdict, score, reason,
                                baselines and substring_baseline(case, briefing),
                                baselines and difflib_baseline(case, briefing)))
    return outcomes


@dataclass(frozen=True)
class Row:
    variant: str
    count: int
    verdicts: dict[Verdict, int]
    substring: int
    difflib: int

    @property
    def supported(self) -> int:
        return self.verdicts.get(Verdict.SUPPORTED, 0)

    @property
    def positive(self) -> bool:
        return self.variant in POSITIVE

    @property
    def met(self) -> bool:
        return self.supported == self.count if self.positive else self.supported == 0


def table(outcomes: list[Outcome]) -> list[Row]:
    rows = []
    for variant in VARIANTS:
        mine = [o for o in outcomes if o.case.variant == variant]
        rows.append(Row(variant, len(mine), dict(Counter(o.verdict for o in mine)),
                        sum(o.substring for o in mine), sum(o.difflib for o in mine)))
    return rows


def render(rows: list[Row]) -> str:
    head = (f"{'variant':<15}{'count':>6}{'supported':>10}{'partially':>10}{'contradicted':>13}"
            f"{'needs_review':>13}{'not_found':>10}  {'target':<15}{'met':<5}|{'substring':>10}{'difflib>=.9':>12}")
    lines = [head, "-" * len(head)]
    for row in rows:
        counts = [row.verdicts.get(v, 0) for v in VERDICTS]
        target = "all supported" if row.positive else "none supported"
        lines.append(f"{row.variant:<15}{row.count:>6}{counts[0]:>10}{counts[1]:>10}{counts[2]:>13}{counts[3]:>13}"
                     f"{counts[4]:>10}  {target:<15}{'yes' if row.met else 'NO':<5}|{row.substring:>10}{row.difflib:>12}")
    positives = [r for r in rows if r.positive]
    negatives = [r for r in rows if not r.positive]
    lines.append("-" * len(head))
    for name, chosen, supported in (("checker", None, lambda r: r.supported),
                                    ("substring", None, lambda r: r.substring),
                                    ("difflib>=.9", None, lambda r: r.difflib)):
        recall = sum(supported(r) for r in positives) / max(1, sum(r.count for r in positives))
        wrong = sum(supported(r) for r in negatives)
        total = sum(r.count for r in negatives)
        lines.append(f"{name:<12} positives supported {recall:6.1%}   wrong supported {wrong:>4} of {total}"
                     f" negatives ({wrong / max(1, total):.1%})")
    return "\n".join(lines)


def failures(outcomes: list[Outcome]) -> list[Outcome]:
    """Cases whose verdict misses the target: a positive not supported, a negative supported."""
    return [o for o in outcomes if (o.verdict is Verdict.SUPPORTED) != o.case.supported]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=SENTENCES, help="sentences drawn (default %(default)s)")
    parser.add_argument("--seed", type=int, default=SEED, help="random seed (default %(default)s)")
    parser.add_argument("--failures", type=int, default=10, help="failing cases listed per variant")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"benchmarks/quotes.py: the briefings are not here: {DATA} is absent "
              "(clone this repository beside ../shared/data)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    briefings = load_briefings()
    cases = build_cases(briefings, args.sentences, args.seed)
    built = time.perf_counter()
    outcomes = run(briefings, cases)
    done = time.perf_counter()
    drawn = len({(c.briefing, c.quote) for c in cases if c.variant == "original"})
    print(f"Quotes benchmark: {drawn} sentences from {len(briefings)} briefings (seed {args.seed}), "
          f"{len(cases)} cases")
    print(render(table(outcomes)))
    print(f"time: load and build {built - started:.1f} s, match and baselines {done - built:.1f} s")
    missed = failures(outcomes)
    if missed and args.failures:
        print("\nMisses (first per variant):")
        shown: Counter[str] = Counter()
        for outcome in missed:
            if shown[outcome.case.variant] >= args.failures:
                continue
            shown[outcome.case.variant] += 1
            case = outcome.case
            print(f"- {case.variant} [{case.detail}] speaker={case.speaker} {case.briefing[:40]}\n"
                  f"  quote: {case.quote!r}\n  {outcome.verdict.value} {outcome.score}: {outcome.reason}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
