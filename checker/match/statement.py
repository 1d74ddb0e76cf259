"""Matcher for kind `statement`: does a passage of the source say what the claim says?

The document is split into sentences; every run of one to three consecutive
sentences (a "window") is ranked by a BM25-style score of the claim's content
terms, with a bonus for each name, number and date it holds. The verdict is
read from the window that holds the largest weighted share of the claim's
terms; it is kept as the first evidence, followed by the best ranked single
sentences outside it (five passages in all).

Verdicts: SUPPORTED as below; PARTIALLY_SUPPORTED when at least half the
claim's weighted terms (and its subject, or half its names) are found, in the
verdict's window or across the passages kept; NOT_FOUND otherwise. The claim's
terms that no kept passage holds are listed in the reason ("unsupported: ...")
and returned as values by `assess`.

A bag of words cannot see meaning, so this matcher never says CONTRADICTED and
is stingy with SUPPORTED: every name, number and date of the claim and most of
its other words must sit in one window, and a negation present on one side
only, or the claim's names standing mostly the other way round ("Russia
liberated Izyum from Ukraine"), keeps the verdict at PARTIALLY_SUPPORTED.
Roles a bag of words cannot see (who did what, when) stay a known limit.

The document's sentences, their terms and an inverted index (term key -> sentences) are built
once per document (`checker.index`); a claim ranks only the sentences holding its terms, rarest
terms first, and stops when the terms left could not change what is kept.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from checker.index import index_for
from checker.match.common import evidence_for
from checker.match.terms import Term, TermKind, iter_terms, sentence_spans, term_keys, terms
from checker.models import Claim, Document, Evidence, Finding, Passage, Verdict
from checker.normalize import words

WEIGHTS: dict[TermKind, float] = {TermKind.NAME: 3.0, TermKind.NUMBER: 3.0, TermKind.DATE: 2.0, TermKind.WORD: 1.0}
BONUS: dict[TermKind, float] = {TermKind.NAME: 1.0, TermKind.NUMBER: 1.5, TermKind.DATE: 1.0, TermKind.WORD: 0.0}
KEPT = 5
MAX_WINDOW = 3
WORD_SHARE_FOR_SUPPORT = 0.8
SHARE_FOR_PARTIAL = 0.5
MIN_TERMS_FOR_SUPPORT = 3
FUZZY_CUTOFF = 85.0
FUZZY_MIN_LENGTH = 4
BM25_K1 = 1.2
BM25_B = 0.75

BOUND_KINDS = frozenset({TermKind.NUMBER, TermKind.DATE})
"""Kinds of term that support a claim only in the passage the verdict is read from."""

NEGATIONS = frozenset({"not", "no", "never", "neither", "nor", "none", "nobody", "nothing", "without"})
_GROUPS = ((TermKind.NAME, "names"), (TermKind.NUMBER, "numbers"), (TermKind.DATE, "dates"), (TermKind.WORD, "words"))

@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    order: tuple[str, ...]  # the term keys in the order they occur
    names: frozenset[str]  # the keys of the terms that are names here

    @property
    def keys(self) -> Counter[str]:
        return Counter(self.order)


@dataclass(frozen=True)
class Window:
    """Sentences `first`..`last` (inclusive) of the document."""

    first: int
    last: int
    start: int
    end: int
    order: tuple[str, ...]
    keys: Counter[str]
    rank_score: float


@dataclass(frozen=True)
class Assessment:
    """A statement finding with the claim terms behind its reason.

    `unsupported` are the claim's terms that no kept passage supports (a number
    or date counts only in the verdict's passage); offsets index `claim.target`,
    or `claim.subject` for a term only the subject gives.
    """

    finding: Finding
    unsupported: tuple[Term, ...] = ()


def match(claim: Claim, document: Document) -> Finding:
    """What `document` says about a statement claim: supported, partially, or not found."""
    return assess(claim, document).finding


def assess(claim: Claim, document: Document) -> Assessment:
    """`match`, also giving the unsupported terms as values rather than words in the reason."""
    wanted = claim_terms(claim)
    if not wanted:
        return Assessment(Finding(Verdict.NEEDS_REVIEW, 0.0, "the claim has no content words to look for"))
    corpus = _corpus(document)
    if not corpus.sentences:
        return Assessment(Finding(Verdict.NOT_FOUND, 0.0, "the source has no text"), tuple(wanted))
    wanted = _names_by_document(wanted, corpus.names)
    subject_keys = {term.key for term in terms(claim.subject, names_at_start=True)}
    resolved, fuzzy = _resolve_fuzzy(wanted, corpus)
    subject = [new for old, new in zip(wanted, resolved) if old.key in subject_keys]
    wanted = resolved
    kept = _kept_windows(wanted, corpus)
    if not kept:
        reason = f"no passage holds any term of the claim; {_unsupported(wanted, [])}"
        return Assessment(Finding(Verdict.NOT_FOUND, 0.0, reason), tuple(wanted))
    best = kept[0]
    evidence = tuple(_evidence(document, window, wanted, fuzzy) for window in kept)
    finding = _verdict(claim, wanted, subject, best, kept, fuzzy, document, evidence)
    return Assessment(finding, tuple(_absent(wanted, kept)))


def claim_terms(claim: Claim) -> list[Term]:
    """The distinct terms to look for: those of `claim.target`, then of `claim.subject`.

    A key found in both keeps the heavier kind (the subject's "Modi" is a name
    even where the claim's sentence starts with it).
    """
    chosen: dict[str, Term] = {}
    for term in [*terms(claim.target), *terms(claim.subject, names_at_start=True)]:
        if term.key not in chosen or WEIGHTS[term.kind] > WEIGHTS[chosen[term.key].kind]:
            chosen[term.key] = term
    return list(chosen.values())


class _Spellings:
    """How a text first writes each term key, read from the text only as far as asked.

    The text is read once, however many claims ask: every first spelling met on the way is kept.
    """

    def __init__(self, text: str) -> None:
        self._unread = iter_terms(text)
        self._first: dict[str, str] = {}

    def of(self, key: str) -> str:
        """The surface of the first term with `key` (the key itself when no term has it)."""
        if key not in self._first:
            for term in self._unread:
                self._first.setdefault(term.key, term.surface)
                if term.key == key:
                    break
        return self._first.get(key, key)


@dataclass(frozen=True)
class _Corpus:
    """A document's sentences and what ranking them needs, built once per document (`checker.index`).

    `postings` is the inverted index: each term key -> the sentences holding it, in order.
    """

    passages: tuple[Passage, ...]  # the passages the sentences were split in (kept: see `_corpus`)
    sentences: list[Sentence]
    counts: list[Counter[str]]  # each sentence's `keys`
    postings: dict[str, list[int]]
    names: set[str]  # keys written as a name somewhere in the document
    vocabulary: set[str]
    fuzzy_candidates: list[str]  # keys a misspelt name may be pointed at
    length: int  # terms in the whole document
    spellings: _Spellings


def _corpus(document: Document) -> _Corpus:
    """The document's sentence index, from `checker.index`: built on the first claim, then shared.

    Keyed by the identity of the passages tuple as well as the text; the corpus holds that tuple,
    so its id cannot be reused by another while the entry lives.
    """
    passages = document.passages
    return index_for(document.text).derived(
        ("statement.corpus", id(passages)), lambda text: _build_corpus(text, passages)
    )


def _build_corpus(text: str, passages: tuple[Passage, ...]) -> _Corpus:
    sentences = _sentences(text, passages)
    counts = [Counter(sentence.order) for sentence in sentences]
    postings: dict[str, list[int]] = {}
    for number, keys in enumerate(counts):
        for key in keys:
            postings.setdefault(key, []).append(number)
    vocabulary: set[str] = set().union(*counts)
    candidates = [key for key in vocabulary if len(key) >= FUZZY_MIN_LENGTH and not key.isdigit()]
    names: set[str] = set().union(*(sentence.names for sentence in sentences))
    length = sum(len(sentence.order) for sentence in sentences)
    return _Corpus(passages, sentences, counts, postings, names, vocabulary, candidates, length, _Spellings(text))


def _sentences(text: str, passages: tuple[Passage, ...]) -> list[Sentence]:
    regions = [(passage.start, passage.end) for passage in passages] or [(0, len(text))]
    spans = [span for start, end in regions for span in sentence_spans(text, start, end)]
    read: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {}  # a sentence said again is read once
    sentences = []
    for start, end in spans:
        words = text[start:end]
        if words not in read:
            found = term_keys(words)
            read[words] = tuple(key for key, _ in found), frozenset(key for key, kind in found if kind is TermKind.NAME)
        sentences.append(Sentence(start, end, *read[words]))
    return sentences


def _names_by_document(wanted: list[Term], names: set[str]) -> list[Term]:
    """Make a capitalised claim word a name when the document writes it as one.

    A claim's first word cannot be told from a name by its capital ("Russia
    liberated ..."), but the document, where "Russia" stands mid-sentence, can.
    """
    return [
        Term(term.surface, term.word, term.key, TermKind.NAME, term.start, term.end)
        if term.kind is TermKind.WORD and term.surface[:1].isupper() and term.key in names
        else term
        for term in wanted
    ]


def _resolve_fuzzy(wanted: list[Term], corpus: _Corpus) -> tuple[list[Term], dict[str, str]]:
    """Point a misspelt name ("izum") at the document's spelling ("izyum").

    Returns the terms with their keys replaced, and a note per replaced key
    ("'Izum' ~ 'Izyum'") giving the spelling the document uses.
    """
    resolved: list[Term] = []
    fuzzy: dict[str, str] = {}
    for term in wanted:
        if term.kind is TermKind.NAME and len(term.key) >= FUZZY_MIN_LENGTH and term.key not in corpus.vocabulary:
            hit = process.extractOne(term.key, corpus.fuzzy_candidates, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if hit is not None:
                fuzzy[hit[0]] = f"'{term.surface}' ~ '{corpus.spellings.of(hit[0])}'"
                term = Term(term.surface, term.word, hit[0], term.kind, term.start, term.end)
        resolved.append(term)
    return resolved, fuzzy


def _kept_windows(wanted: list[Term], corpus: _Corpus) -> list[Window]:
    """The windows kept as evidence, no two sharing a sentence; the verdict reads the first.

    The first is the window holding the largest weighted share of the claim's
    terms (on a tie: fewer sentences, then rarer terms, then rank score, then
    the earlier), so a claim spanning two sentences is judged on both; the
    others are the best ranked single sentences outside it. Single sentences
    rather than windows: a ranked window drags in neighbours that hold nothing
    of the claim, and on WiCE dev sentences found more of the gold evidence
    (recall@5 0.614 -> 0.649, benchmarks/wice.py).

    Every window of one to three sentences that holds a claim term is a
    candidate, but only the sentences the inverted index gives are looked at,
    rarest terms first, and the search stops as soon as the terms not yet
    looked up could not lift a window (or a sentence) to the best found.
    """
    keys = {term.key: term.kind for term in wanted}
    count = len(corpus.sentences)
    frequency = {key: len(corpus.postings.get(key, ())) for key in keys}
    idf = {key: math.log(1 + (count - frequency[key] + 0.5) / (frequency[key] + 0.5)) for key in keys}
    average = max(1.0, corpus.length / count)
    if not any(frequency.values()):
        return []
    best = _best_window(wanted, frequency, idf, corpus)
    kept: list[Window] = [_window(best[0], best[1], keys, idf, average, corpus)]
    for number in _best_sentences(keys, frequency, idf, average, corpus, KEPT - 1 + MAX_WINDOW):
        if all(number < other.first or number > other.last for other in kept):
            kept.append(_window(number, number, keys, idf, average, corpus))
        if len(kept) == KEPT:
            break
    return kept


def _best_window(wanted: list[Term], frequency: dict[str, int], idf: dict[str, float],
                 corpus: _Corpus) -> tuple[int, int]:
    """(first, last) of the window with the largest share of the claim's terms, ties broken as in `_kept_windows`.

    Windows are found through the sentences holding the rarest terms first; once the terms not
    yet looked up weigh less than the best window found, no window without them can tie it.
    A window whose sentences, counted apart, weigh less than the best found is passed over.
    """
    weight: dict[str, float] = {}
    for term in wanted:
        weight[term.key] = weight.get(term.key, 0.0) + WEIGHTS[term.kind]
    found = [key for key in weight if frequency[key]]
    wanted_keys = set(found)
    present: dict[int, tuple[set[str], float]] = {}

    def holds(number: int) -> tuple[set[str], float]:
        """The claim's keys in a sentence, and their weight."""
        if number not in present:
            keys = corpus.counts[number].keys() & wanted_keys
            present[number] = keys, sum(weight[key] for key in keys)
        return present[number]

    count = len(corpus.sentences)
    windows: dict[tuple[int, int], float] = {}
    highest = 0.0
    unread = sum(weight[key] for key in found)
    for key in sorted(found, key=lambda k: frequency[k]):
        if unread < highest:
            break
        unread -= weight[key]
        for number in corpus.postings[key]:
            around = range(max(0, number - MAX_WINDOW + 1), min(number + MAX_WINDOW, count))
            if sum(holds(i)[1] for i in around) < highest:
                continue
            for first in range(around.start, number + 1):
                for last in range(number, min(first + MAX_WINDOW, count)):
                    if (first, last) in windows:
                        continue
                    parts = [holds(i) for i in range(first, last + 1)]
                    if sum(total for _, total in parts) < highest:
                        continue
                    windows[first, last] = sum(weight[k] for k in set().union(*(keys for keys, _ in parts)))
                    highest = max(highest, windows[first, last])
    tied = sorted(span for span, total in windows.items() if total == highest)
    size = min(last - first for first, last in tied)
    tied = [(first, last) for first, last in tied if last - first == size]
    rarity = {
        (first, last): _rarity(wanted, set().union(*(holds(i)[0] for i in range(first, last + 1))), idf)
        for first, last in tied
    }
    rarest = max(rarity.values())
    tied = [span for span in tied if rarity[span] == rarest]
    if len(tied) == 1:
        return tied[0]
    keys = {term.key: term.kind for term in wanted}
    average = max(1.0, corpus.length / count)
    scores = [_window(first, last, keys, idf, average, corpus).rank_score for first, last in tied]
    return tied[scores.index(max(scores))]


def _best_sentences(keys: dict[str, TermKind], frequency: dict[str, int], idf: dict[str, float], average: float,
                    corpus: _Corpus, wanted: int) -> list[int]:
    """The `wanted` best ranked sentences holding a claim term, by rank score, then the earlier.

    Sentences are scored through the terms with the highest possible contribution first
    (BM25 gives a term less than idf x (k1 + 1), plus its bonus); once the terms not yet
    looked up could not lift an unscored sentence to the `wanted`-th score, the rest are
    skipped, and so is a sentence whose own terms could not.
    """
    ceiling = {key: idf[key] * (BM25_K1 + 1) + BONUS[kind] for key, kind in keys.items() if frequency[key]}
    unread = sum(ceiling.values())
    scores: dict[int, float] = {}
    passed: set[int] = set()
    best: list[float] = []  # the `wanted` best scores so far, a heap: best[0] is the lowest of them
    for key in sorted(ceiling, key=lambda k: -ceiling[k]):
        if len(best) == wanted and _below(unread, best[0]):
            break
        unread -= ceiling[key]
        for number in corpus.postings[key]:
            if number in scores or number in passed:
                continue
            if len(best) == wanted and _below(sum(ceiling[k] for k in corpus.counts[number].keys() & ceiling.keys()),
                                              best[0]):
                passed.add(number)
                continue
            scores[number] = _rank_score(corpus.counts[number], keys, idf, average)
            if len(best) < wanted:
                heapq.heappush(best, scores[number])
            else:
                heapq.heappushpop(best, scores[number])
    return sorted(scores, key=lambda number: (-scores[number], number))[:wanted]


def _below(bound: float, score: float) -> bool:
    """Whether a score at most `bound` (a sum of ceilings, added in another order) is surely below `score`."""
    return bound * (1 + 1e-9) + 1e-9 < score


def _window(first: int, last: int, keys: dict[str, TermKind], idf: dict[str, float], average: float,
            corpus: _Corpus) -> Window:
    """Sentences `first`..`last` as a ranked window."""
    bag: Counter[str] = Counter()
    order: tuple[str, ...] = ()
    for number in range(first, last + 1):
        bag = bag + corpus.counts[number]
        order = order + corpus.sentences[number].order
    start, end = corpus.sentences[first].start, corpus.sentences[last].end
    return Window(first, last, start, end, order, bag, _rank_score(bag, keys, idf, average))


def _rank_score(bag: Counter[str], keys: dict[str, TermKind], idf: dict[str, float], average: float) -> float:
    length = sum(bag.values())
    score = 0.0
    for key, kind in keys.items():
        frequency = bag[key]
        if frequency:
            norm = BM25_K1 * (1 - BM25_B + BM25_B * length / average)
            score += idf[key] * frequency * (BM25_K1 + 1) / (frequency + norm) + BONUS[kind]
    return score


def _rarity(wanted: list[Term], keys: set[str], idf: dict[str, float]) -> float:
    """Sum of the idf of the claim terms found: breaks ties in favour of rarer words."""
    return sum(idf[term.key] for term in wanted if term.key in keys)


def _share(wanted: list[Term], keys: Counter[str]) -> float:
    total = sum(WEIGHTS[term.kind] for term in wanted)
    found = sum(WEIGHTS[term.kind] for term in wanted if keys[term.key])
    return found / total


def _verdict(
    claim: Claim,
    wanted: list[Term],
    subject: list[Term],
    best: Window,
    kept: list[Window],
    fuzzy: dict[str, str],
    document: Document,
    evidence: tuple[Evidence, ...],
) -> Finding:
    share = round(_share(wanted, best.keys), 3)
    together = sum((window.keys for window in kept), Counter())
    share_kept = round(_share(wanted, together), 3)
    missing = [term for term in wanted if not best.keys[term.key]]
    plain = [term for term in wanted if term.kind is TermKind.WORD]
    word_share = sum(1 for term in plain if best.keys[term.key]) / len(plain) if plain else 1.0
    key_terms_found = all(term.kind is TermKind.WORD for term in missing)
    all_found = key_terms_found and word_share >= WORD_SHARE_FOR_SUPPORT
    negation = _negation_difference(claim.target, document.text[best.start : best.end])
    order = _order_difference(wanted, best) if all_found else ""
    notes = [_unsupported(wanted, kept), _apart(missing, kept), _fuzzy_note(wanted, fuzzy), negation, order]
    detail = "; ".join(note for note in notes if note)

    if all_found and not (negation or order) and len(wanted) < MIN_TERMS_FOR_SUPPORT:
        verdict, head = Verdict.NEEDS_REVIEW, "too few content terms in the claim to call"
    elif all_found and not (negation or order):
        verdict, head = Verdict.SUPPORTED, "all names, numbers and dates and most words found in one passage"
    elif all_found or (share >= SHARE_FOR_PARTIAL and _subject_found(wanted, subject, best.keys)):
        verdict, head = Verdict.PARTIALLY_SUPPORTED, f"part of the claim found in one passage (score {share:.2f})"
    elif share_kept >= SHARE_FOR_PARTIAL and _subject_found(wanted, subject, together):
        share = share_kept
        verdict, head = Verdict.PARTIALLY_SUPPORTED, f"part of the claim found across the passages kept (score {share:.2f})"
    else:
        verdict, head = Verdict.NOT_FOUND, f"little of the claim found in the source (score {share:.2f})"
    return Finding(verdict, share, _join(head, detail), evidence)


def _subject_found(wanted: list[Term], subject: list[Term], keys: Counter[str]) -> bool:
    """The subject's terms all in the window, or (no subject given) at least half the claim's names."""
    if subject:
        return all(keys[term.key] for term in subject)
    names = [term for term in wanted if term.kind is TermKind.NAME]
    return not names or 2 * sum(1 for term in names if keys[term.key]) >= len(names)


def _negation_difference(claim_text: str, passage: str) -> str:
    claim_negated = _negated(claim_text)
    if claim_negated == _negated(passage):
        return ""
    if claim_negated:
        return "negation differs: the claim is negated, the passage is not"
    return "negation differs: the passage holds a negation the claim lacks"


def _order_difference(wanted: list[Term], window: Window) -> str:
    """A note when most pairs of the claim's names stand the other way round in the window.

    "Russia liberated Izyum" against "in Izyum ... Ukraine just recently
    liberated from Russia": a pair is reversed when every occurrence of the
    first name comes after every occurrence of the second.
    """
    names = [term for term in wanted if term.kind is TermKind.NAME and window.keys[term.key]]
    positions = {term.key: [i for i, key in enumerate(window.order) if key == term.key] for term in names}
    pairs = [(a.key, b.key) for index, a in enumerate(names) for b in names[index + 1 :]]
    reversed_pairs = [(a, b) for a, b in pairs if min(positions[a]) > max(positions[b])]
    if pairs and 2 * len(reversed_pairs) > len(pairs):
        return "names stand in another order than in the claim"
    return ""


def _negated(text: str) -> bool:
    return any(word in NEGATIONS or word.endswith("n't") for word in words(text))


def _grouped(found: list[Term]) -> str:
    groups = []
    for kind, label in _GROUPS:
        members = [term.surface for term in found if term.kind is kind]
        if members:
            groups.append(f"{label}: {', '.join(members)}")
    return "; ".join(groups)


def _absent(wanted: list[Term], kept: list[Window]) -> list[Term]:
    """The claim's terms no kept passage supports.

    A number or a date supports the claim only in the verdict's passage: a
    year or a count in an unrelated sentence says nothing about the claim's.
    """
    return [
        term
        for term in wanted
        if not any(window.keys[term.key] for window in kept)
        or (term.kind in BOUND_KINDS and kept and not kept[0].keys[term.key])
    ]


def _unsupported(wanted: list[Term], kept: list[Window]) -> str:
    absent = _absent(wanted, kept)
    return f"unsupported: {_grouped(absent)}" if absent else ""


def _apart(missing: list[Term], kept: list[Window]) -> str:
    elsewhere = [
        term
        for term in missing
        if term.kind not in BOUND_KINDS and any(window.keys[term.key] for window in kept)
    ]
    return f"found only in another passage: {_grouped(elsewhere)}" if elsewhere else ""


def _fuzzy_note(wanted: list[Term], fuzzy: dict[str, str]) -> str:
    pairs = [fuzzy[term.key] for term in wanted if term.key in fuzzy]
    return f"spelling differs: {', '.join(pairs)}" if pairs else ""


def _join(head: str, detail: str) -> str:
    return f"{head}; {detail}" if detail else head


def _evidence(document: Document, window: Window, wanted: list[Term], fuzzy: dict[str, str]) -> Evidence:
    found = [term for term in wanted if window.keys[term.key]]
    note = f"matched {_grouped(found)}" if found else ""
    fuzzy_here = _fuzzy_note(found, fuzzy)
    return evidence_for(document, window.start, window.end, _join(note, fuzzy_here) if fuzzy_here else note)
