"""Find a phrase (a quote, a bill's wording) in a long text, and say how it differs. Pure.

Two tiers:

1. exact: the folded phrase is a substring of the folded text, on word boundaries;
2. fuzzy: rapidfuzz's `partial_ratio_alignment` finds the region, then a word-level
   alignment of the phrase against that region (edit distance with free ends in the
   text) gives the span and names every inserted, dropped and substituted word.

A fuzzy character score cannot tell a harmless change from a change of meaning (a
quote whose only change is a digit scores 99.5), so every change is also classified:
a change touching a number, a negation or a capitalised name sets `meaning_changed`
(DESIGN section 4), and the callers never call such an alignment a match.

An elided phrase ("...", "…", ". . .") is located fragment by fragment, in order, and
anchored on its longest fragment: the fragments before it are the nearest occurrences
before it, those after it the nearest after it, so a short fragment ("And we have")
is not taken from a paragraph far from the rest. `placements` yields one placement
per occurrence of the anchor; `best_placement` picks the first that has every fragment
(and, for a quote, the one the named speaker says).

The score of an `Assessment` is the share of the claimed words found unchanged in the
source, in order (a fragment not found contributes none of its words), bounded by
what the verdict can mean:

- supported: 1.0 when exact; 0.95 when the words are the same and only punctuation
  differs (the text is not character for character what the source prints);
- partially_supported: at most PARTIAL_CEILING (0.75): a quote with one substituted
  word in twenty has 95% of its words right and is still not the speaker's words;
- needs_review: at most REVIEW_CEILING (0.5);
- contradicted: the share itself: how surely the passage found is the one the claim
  misquotes (the rest of the words line up; a number, negation or name does not);
- not_found: 0.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz

from checker.match.common import evidence_for
from checker.models import Document, Evidence, Verdict
from checker.normalize import Folded, fold

FUZZY_FLOOR = 80.0
"""Lowest rapidfuzz partial ratio (0-100) at which a fuzzy region is examined at all."""

MIN_MATCHED = 0.6
"""Share of the phrase's words that must appear unchanged for a fuzzy alignment to count."""

WELL_ALIGNED = 0.75
"""Share of unchanged words above which a changed number/negation/name is a contradiction,
not just a loose resemblance."""

MIN_FUZZY_WORDS = 3
"""Shorter phrases are only matched exactly: a fuzzy match of one or two words is noise."""

LOCAL_EDIT = 2
"""A change is read for its meaning (number, negation, name) when one side has at most this many words."""

PARTIAL_CEILING = 0.75
"""Highest score of a partially supported phrase: altered words are never near-certainty."""

REVIEW_CEILING = 0.5
"""Highest score of a phrase that needs review (loosely matched, or another speaker's)."""

MAX_PLACEMENTS = 50
"""How many occurrences of an elided phrase's anchor fragment `placements` tries."""

_TOKEN = re.compile(r"\d(?:[\d,.]*\d)?[^\W\d_]*|[^\W\d_]+(?:'[^\W\d_]+)*")
_ELISION = re.compile(r"\s*(?:\[\s*(?:\.\s*){3,}\]|\[\s*\u2026\s*\]|(?:\.\s*){3,}|\u2026)\s*")
_EDGE_PUNCTUATION = " \t\n\"'.,;:!?()[]-\u2018\u2019\u201c\u201d\u2013\u2014"
_OPENERS = "\"'([\u2018\u201c\u2014\u2013-"
_QUOTES = "\"'(\u2018\u201c"

NEGATIONS = frozenset(
    {"not", "no", "never", "neither", "nor", "without", "none", "nothing", "nobody", "nowhere", "cannot"}
)
_NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90, "dozen": 12, "half": 0.5,
}
_SCALES = {"hundred": 100, "hundredth": 100, "thousand": 1_000, "thousandth": 1_000,
           "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000}
_CONTRACTIONS = {
    "can't": "can not", "cannot": "can not", "won't": "will not", "shan't": "shall not",
    "ain't": "is not", "let's": "let us",
}
_SUFFIXES = (("n't", " not"), ("'re", " are"), ("'ve", " have"), ("'ll", " will"), ("'m", " am"),
             ("'d", " would"))
FILLERS = frozenset(
    {"um", "uh", "er", "ah", "oh", "well", "so", "just", "really", "very", "actually", "like", "and",
     "but", "the", "a", "an", "that", "now", "again", "you", "know", "i", "mean", "sort", "kind", "of"}
)
_COMMON = frozenset(
    {"a", "an", "the", "and", "but", "or", "so", "if", "as", "at", "by", "for", "from", "in", "into", "of",
     "on", "to", "with", "we", "you", "he", "she", "it", "they", "i", "this", "that", "these", "those",
     "there", "here", "what", "when", "where", "why", "how", "who", "which", "our", "my", "your", "his",
     "her", "their", "its", "is", "are", "was", "were", "be", "been", "have", "has", "had", "do", "does",
     "did", "will", "would", "can", "could", "should", "may", "might", "must", "shall", "not", "no",
     "yes", "all", "some", "any", "each", "every", "then", "than", "also", "just", "well", "now", "okay",
     "look", "let", "thank", "thanks", "good", "again", "sure", "because", "while", "after", "before"}
)


# ---------------------------------------------------------------- values


@dataclass(frozen=True)
class Change:
    """One difference between the phrase and the aligned source words.

    `claimed` are the phrase's words ('' when the phrase omits source words), `source`
    the text's words ('' when the phrase adds words), both in their original spelling.
    `kind` is "substituted", "added" (inserted: in the phrase, not the source) or
    "omitted" (dropped: in the source, left out of the phrase). `meaning` names what makes the change one
    of meaning ("number", "negation", "name") or is ''; `minor` names a harmless kind
    ("contraction", "spelling", "hyphenation", "filler") or is ''.
    """

    kind: str
    claimed: str
    source: str
    meaning: str = ""
    minor: str = ""

    def describe(self) -> str:
        """What differs, word for word: "substituted 'crucial' for 'key'", "inserted 'not'", "dropped 'very'"."""
        if self.kind == "added":
            said = f"inserted '{self.claimed}'"
        elif self.kind == "omitted":
            said = f"dropped '{self.source}'"
        else:
            said = f"substituted '{self.claimed}' for '{self.source}'"
        return f"{said} ({self.minor})" if self.minor else said

    def noted(self) -> str:
        """The evidence note's form, which report writers read: "'a' -> 'b'", "'c' omitted", "'d' added"."""
        if self.kind == "added":
            return f"'{self.claimed}' added"
        if self.kind == "omitted":
            return f"'{self.source}' omitted"
        return f"'{self.claimed}' -> '{self.source}'"


@dataclass(frozen=True)
class Alignment:
    """Where a phrase sits in a text. `start`/`end` index the ORIGINAL text."""

    start: int
    end: int
    score: float  # 0..1: 1.0 when exact, else rapidfuzz's ratio of phrase and span
    exact: bool
    changes: tuple[Change, ...] = ()
    matched: float = 1.0  # share of the phrase's words found unchanged

    @property
    def meaning_changed(self) -> bool:
        return any(change.meaning for change in self.changes)

    @property
    def same_words(self) -> bool:
        """Every word matches; only punctuation or typography differs."""
        return not self.changes

    def describe_changes(self) -> str:
        return ", ".join(change.describe() for change in self.changes)

    def noted_changes(self) -> str:
        return ", ".join(change.noted() for change in self.changes)


@dataclass(frozen=True)
class Located:
    """One fragment of a (possibly elided) phrase and where it was found, if anywhere."""

    fragment: str
    alignment: Alignment | None


@dataclass(frozen=True)
class _Token:
    word: str  # folded
    original: str
    start: int  # original offsets
    end: int
    initial: bool  # starts a sentence (capitals there say nothing about names)


# ---------------------------------------------------------------- locating


def split_elisions(phrase: str) -> list[str]:
    """The fragments of an elided phrase ("a ... b", "a … b", "a . . . b"), edge punctuation stripped."""
    fragments = (part.strip(_EDGE_PUNCTUATION) for part in _ELISION.split(phrase))
    return [fragment for fragment in fragments if fragment]


def locate_fragments(phrase: str, text: str, *, folded: Folded | None = None,
                     floor: float = FUZZY_FLOOR) -> tuple[Located, ...]:
    """Each fragment of `phrase`, located in order: `best_placement` with no further condition."""
    return best_placement(phrase, text, folded=folded, floor=floor)


def best_placement(phrase: str, text: str, *, folded: Folded | None = None, floor: float = FUZZY_FLOOR,
                   accept: Callable[[Alignment], bool] | None = None) -> tuple[Located, ...]:
    """Of the `placements` of `phrase`, the first with every fragment found (and, with `accept`,
    every found fragment accepted: the caller's test, such as "said by the named speaker");
    else the one with the most fragments found and accepted; on a tie, the first in text order.
    """
    best: tuple[Located, ...] | None = None
    best_key = (-1, False)
    for located in placements(phrase, text, folded=folded, floor=floor):
        found = [item.alignment for item in located if item.alignment is not None]
        accepted = accept is None or (bool(found) and all(accept(a) for a in found))
        key = (len(found), accepted)
        if key > best_key:
            best, best_key = located, key
        if len(found) == len(located) and accepted:
            break
    return best if best is not None else ()


def placements(phrase: str, text: str, *, folded: Folded | None = None, floor: float = FUZZY_FLOOR,
               limit: int = MAX_PLACEMENTS) -> Iterator[tuple[Located, ...]]:
    """Where the fragments of `phrase` may sit: one placement per exact occurrence of the anchor, in text order.

    The anchor is the longest fragment (the least likely to occur by chance); the other
    fragments are the nearest occurrences before and after it, in order. A phrase whose
    ellipsis the source prints too ("a ... b" in both) is one fragment, found whole. When
    the anchor is not found, or found only fuzzily, there is exactly one placement. After
    the first placement the other fragments are looked for exactly only, so trying many
    occurrences never repeats the fuzzy search over the whole text.
    """
    folded = fold(text) if folded is None else folded
    fragments = split_elisions(phrase)
    if len(fragments) > 1 and locate(phrase, text, folded=folded, exact_only=True) is not None:
        fragments = [phrase.strip(_EDGE_PUNCTUATION)]
    if not fragments:
        yield ()
        return
    anchor = max(range(len(fragments)), key=lambda k: (len(_TOKEN.findall(fold(fragments[k]).text)), -k))
    found = locate(fragments[anchor], text, folded=folded, floor=floor)
    if found is None:
        yield _sequential(fragments, text, folded, floor)
        return
    for tried in range(limit):
        yield _around(fragments, anchor, found, text, folded, floor, exact_only=tried > 0)
        if not found.exact:
            return
        found = locate(fragments[anchor], text, found.end, folded=folded, exact_only=True)
        if found is None:
            return


def _sequential(fragments: list[str], text: str, folded: Folded, floor: float) -> tuple[Located, ...]:
    located = []
    start = 0
    for fragment in fragments:
        alignment = locate(fragment, text, start, folded=folded, floor=floor)
        located.append(Located(fragment, alignment))
        if alignment is not None:
            start = alignment.end
    return tuple(located)


def _around(fragments: list[str], anchor: int, found: Alignment, text: str, folded: Folded,
            floor: float, exact_only: bool) -> tuple[Located, ...]:
    """The fragments placed around the anchor's occurrence `found`: nearest before, nearest after."""
    before: list[Located] = []
    end = found.start
    for fragment in reversed(fragments[:anchor]):
        alignment = locate(fragment, text, 0, end=end, last=True, folded=folded, floor=floor, exact_only=exact_only)
        before.append(Located(fragment, alignment))
        if alignment is not None:
            end = alignment.start
    after: list[Located] = []
    start = found.end
    for fragment in fragments[anchor + 1:]:
        alignment = locate(fragment, text, start, folded=folded, floor=floor, exact_only=exact_only)
        after.append(Located(fragment, alignment))
        if alignment is not None:
            start = alignment.end
    return tuple(reversed(before)) + (Located(fragments[anchor], found),) + tuple(after)


def locate(phrase: str, text: str, start: int = 0, *, end: int | None = None, last: bool = False,
           folded: Folded | None = None, floor: float = FUZZY_FLOOR, exact_only: bool = False) -> Alignment | None:
    """Where `phrase` best sits in text[start:end]; None when nothing scores `floor`.

    An exact occurrence wins: the first one, or the last with `last`. `folded` is
    `fold(text)`, passed to avoid folding a long text again for each phrase.
    """
    folded = fold(text) if folded is None else folded
    bare = phrase.strip(_EDGE_PUNCTUATION)
    needle = fold(bare)
    if not needle.text:
        return None
    folded_start = bisect_left(folded.offsets, start)
    folded_end = len(folded.text) if end is None else bisect_left(folded.offsets, end)
    exact = _exact(needle.text, folded, folded_start, folded_end, last)
    if exact is not None or exact_only:
        return exact
    phrase_tokens = _tokens(needle, bare, 0, len(needle.text))
    if len(phrase_tokens) < MIN_FUZZY_WORDS:
        return None
    return _fuzzy(needle.text, phrase_tokens, folded, text, folded_start, folded_end, floor)


def _exact(needle: str, folded: Folded, start: int, end: int, last: bool = False) -> Alignment | None:
    haystack = folded.text
    find = haystack.rfind if last else haystack.find
    at = find(needle, start, end)
    while at != -1:
        stop = at + len(needle)
        if _boundary(haystack, at - 1, needle[0]) and _boundary(haystack, stop, needle[-1]):
            orig_start, orig_end = folded.span(at, stop)
            return Alignment(orig_start, orig_end, 1.0, True)
        at = haystack.rfind(needle, start, stop - 1) if last else haystack.find(needle, at + 1, end)
    return None


def _boundary(haystack: str, index: int, edge: str) -> bool:
    """Whether a match edge at `index` does not cut a word in two."""
    if index < 0 or index >= len(haystack) or not edge.isalnum():
        return True
    return not haystack[index].isalnum()


def _fuzzy(needle: str, phrase_tokens: list[_Token], folded: Folded, original: str,
           start: int, end: int, floor: float) -> Alignment | None:
    haystack = folded.text[start:end]
    found = fuzz.partial_ratio_alignment(needle, haystack, score_cutoff=floor)
    if found is None or found.score < floor:
        return None
    slack = len(needle) // 2 + 20
    low = max(start, start + found.dest_start - slack)
    high = min(end, start + found.dest_end + slack)
    low, high = _snap(folded.text, low, high)
    window = _tokens(folded, original, low, high)
    path = _align_words([t.word for t in phrase_tokens], [t.word for t in window])
    if path is None:
        return None
    first, last, pairs = path
    unchanged = sum(1 for i, j in pairs if i is not None and j is not None
                    and phrase_tokens[i].word == window[j].word)
    matched = unchanged / len(phrase_tokens)
    if matched < MIN_MATCHED:
        return None
    span_start, span_end = window[first].start, window[last].end
    score = fuzz.ratio(needle, fold(original[span_start:span_end]).text) / 100
    changes = tuple(_changes(pairs, phrase_tokens, window))
    return Alignment(span_start, span_end, round(score, 4), False, changes, round(matched, 4))


def _snap(text: str, low: int, high: int) -> tuple[int, int]:
    while low > 0 and text[low - 1].isalnum():
        low -= 1
    while high < len(text) and text[high].isalnum():
        high += 1
    return low, high


def _tokens(folded: Folded, original: str, low: int, high: int) -> list[_Token]:
    """The words of folded[low:high] with original offsets, spelling and sentence position."""
    tokens = []
    for found in _TOKEN.finditer(folded.text, low, high):
        start, end = folded.span(found.start(), found.end())
        tokens.append(_Token(found.group(), original[start:end], start, end, _starts_sentence(original, start)))
    return tokens


def _starts_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` opens a text, paragraph, sentence, clause or quotation."""
    index = start - 1
    while index >= 0 and (text[index].isspace() or text[index] in _OPENERS):
        if text[index] in _QUOTES or (index > 0 and text[index - 1 : index + 1] == "\n\n"):
            return True
        index -= 1
    return index < 0 or text[index] in ".!?:;"


# ---------------------------------------------------------------- word alignment


def _substitution_cost(a: str, b: str) -> float:
    """0 for the same word, low for a near spelling or a contraction's first word, else 1."""
    if a == b:
        return 0.0
    expanded_a, expanded_b = _expand([a]), _expand([b])
    if (len(expanded_a) > 1 and expanded_a[0] == b) or (len(expanded_b) > 1 and expanded_b[0] == a):
        return 0.3
    similarity = fuzz.ratio(a, b) / 100
    return 1.0 - similarity if similarity >= 0.75 else 1.0


def _align_words(phrase: list[str], window: list[str]) -> tuple[int, int, list[tuple[int | None, int | None]]] | None:
    """Edit-distance alignment of all of `phrase` against the best stretch of `window`.

    Free start and end in the window (semi-global alignment), so the stretch is chosen by
    the alignment itself. Returns (first, last) window indexes of the stretch and the pairs
    (phrase index or None, window index or None), in order.
    """
    m, n = len(phrase), len(window)
    if not m or not n:
        return None
    cost = [[0.0] * (n + 1) for _ in range(m + 1)]
    for i in range(1, m + 1):
        cost[i][0] = float(i)
        row, above = cost[i], cost[i - 1]
        word = phrase[i - 1]
        for j in range(1, n + 1):
            row[j] = min(above[j - 1] + _substitution_cost(word, window[j - 1]),
                         above[j] + 1.0,
                         row[j - 1] + 1.0)
    end = min(range(1, n + 1), key=lambda j: (cost[m][j], -j))
    pairs: list[tuple[int | None, int | None]] = []
    i, j = m, end
    while i > 0:
        here = cost[i][j]
        if j > 0 and _close(here, cost[i - 1][j - 1] + _substitution_cost(phrase[i - 1], window[j - 1])):
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif _close(here, cost[i - 1][j] + 1.0):
            pairs.append((i - 1, None))
            i -= 1
        else:
            pairs.append((None, j - 1))
            j -= 1
    pairs.reverse()
    in_window = [j for _, j in pairs if j is not None]
    if not in_window:
        return None
    return in_window[0], in_window[-1], pairs


def _close(a: float, b: float) -> bool:
    return abs(a - b) < 1e-9


def _changes(pairs: list[tuple[int | None, int | None]], phrase: list[_Token],
             window: list[_Token]) -> Iterator[Change]:
    """Group runs of unequal pairs into Changes."""
    claimed: list[_Token] = []
    source: list[_Token] = []
    for i, j in pairs + [(None, None)]:
        same = i is not None and j is not None and phrase[i].word == window[j].word
        if same or (i is None and j is None):
            if claimed or source:
                yield _change(claimed, source)
            claimed, source = [], []
            continue
        if i is not None:
            claimed.append(phrase[i])
        if j is not None:
            source.append(window[j])


def _change(claimed: list[_Token], source: list[_Token]) -> Change:
    kind = "substituted" if claimed and source else "added" if claimed else "omitted"
    return Change(
        kind=kind,
        claimed=" ".join(t.original for t in claimed),
        source=" ".join(t.original for t in source),
        meaning=_meaning(claimed, source),
        minor=_minor(claimed, source),
    )


# ---------------------------------------------------------------- what a change means


def _meaning(claimed: list[_Token], source: list[_Token]) -> str:
    """'number', 'negation' or 'name' when the change can alter what is said, else ''.

    Only a local edit says what a change means: one side at most LOCAL_EDIT words ("not"
    inserted, "Ukrainian" for "Russian", "is not going to" for "will"). Where runs of
    words differ on both sides ("And I think" for "shores of Florida"), the claim is other
    words, not the source's words with a changed name; it is reported as substituted. A
    number differs in either case when both sides state one ("more than 440" for "about 400").
    """
    a, b = [t.word for t in claimed], [t.word for t in source]
    local = min(len(a), len(b)) <= LOCAL_EDIT
    values_a, values_b = numbers(a), numbers(b)
    if values_a != values_b and (local or (values_a and values_b)):
        return "number"
    if not local:
        return ""
    if negations(a) != negations(b):
        return "negation"
    names_a, names_b = _names(claimed), _names(source)
    if names_a != names_b and not _same_name_spelling(names_a, names_b):
        return "name"
    return ""


def numbers(words: list[str]) -> list[float]:
    """The numeric values a run of folded words states ("600 million", "twenty-first" -> 21)."""
    values: list[float] = []
    total = current = 0.0
    in_number = False
    for word in words:
        value = _number_value(word)
        if value is not None:
            current += value
            in_number = True
        elif word in _SCALES and in_number:
            scale = _SCALES[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0.0
        else:
            if in_number:
                values.append(total + current)
            total = current = 0.0
            in_number = False
    if in_number:
        values.append(total + current)
    return values


def _number_value(word: str) -> float | None:
    if word[0].isdigit():
        digits = re.match(r"[\d,.]+", word).group().replace(",", "").rstrip(".")
        try:
            return float(digits)
        except ValueError:
            return None
    return _NUMBER_WORDS.get(word)


def negations(words: list[str]) -> int:
    """How many negating words a run of folded words holds ("not", "never", "don't", ...)."""
    return sum(1 for w in words if w in NEGATIONS or w.endswith("n't"))


def _names(tokens: list[_Token]) -> set[str]:
    """Capitalised words that are not there only because a sentence starts with them."""
    names = set()
    for token in tokens:
        spelled = token.original
        if not spelled[:1].isupper() or token.word in _COMMON or token.initial:
            continue
        names.add(re.sub(r"'s$", "", token.word))
    return names


def _same_name_spelling(a: set[str], b: set[str]) -> bool:
    """Zelensky/Zelenskyy: one name each side, spelt within one or two letters."""
    if len(a) != 1 or len(b) != 1:
        return False
    x, y = next(iter(a)), next(iter(b))
    return min(len(x), len(y)) >= 5 and x[0] == y[0] and fuzz.ratio(x, y) >= 85


def _minor(claimed: list[_Token], source: list[_Token]) -> str:
    """The harmless kind of a change, or '' if it is not clearly harmless."""
    a, b = [t.word for t in claimed], [t.word for t in source]
    if "".join(a) == "".join(b):
        return "hyphenation"
    if _expand(a) == _expand(b):
        return "contraction"
    if not a or not b:
        return "filler" if all(w in FILLERS for w in a + b) else ""
    if len(a) == 1 and len(b) == 1 and _spelling_variant(a[0], b[0]):
        return "spelling"
    return ""


def _expand(words: list[str]) -> list[str]:
    out = []
    for word in words:
        if word in _CONTRACTIONS:
            out.extend(_CONTRACTIONS[word].split())
            continue
        for suffix, expansion in _SUFFIXES:
            if word.endswith(suffix) and len(word) > len(suffix):
                out.extend((word[: -len(suffix)] + expansion).split())
                break
        else:
            out.append(word)
    return out


_AMERICAN = ((r"our(s?)$", r"or\1"), (r"is(e|ed|es|ing|ation|ations)$", r"iz\1"), (r"tre(s?)$", r"ter\1"),
             (r"ence$", "ense"), (r"ogue$", "og"), (r"lled$", "led"), (r"lling$", "ling"))


def _spelling_variant(a: str, b: str) -> bool:
    """British/American spelling ("favour"/"favor", "organise"/"organize") or a one-letter slip inside a word."""
    if _americanise(a) == _americanise(b):
        return True
    short, long_ = sorted((a, b), key=len)
    if long_.startswith(short):
        return False  # "announce"/"announced", "system"/"systems": another form of the word, not a slip
    return len(short) >= 6 and a[0] == b[0] and _one_edit(a, b)


def _americanise(word: str) -> str:
    for pattern, replacement in _AMERICAN:
        word = re.sub(pattern, replacement, word)
    return word


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))


# ---------------------------------------------------------------- verdicts shared by quote and wording


@dataclass(frozen=True)
class Assessment:
    """What the located fragments of a phrase say, before any speaker check."""

    verdict: Verdict
    score: float
    reason: str
    evidence: tuple[Evidence, ...] = ()


def assess(located: tuple[Located, ...], document: Document, what: str = "quote") -> Assessment:
    """Verdict, score, reason and evidence from where the fragments of a phrase were found.

    exact -> supported; same words, other punctuation -> supported (0.95); other changes ->
    partially supported; a changed number, negation or name -> contradicted when the rest
    aligns well, else needs review; fragments missing -> partially supported; nothing -> not found.
    The score is the share of the claimed words found unchanged, bounded by the verdict
    (module docstring). The reason names every word that differs.
    """
    found = [item for item in located if item.alignment is not None]
    if not found:
        return Assessment(Verdict.NOT_FOUND, 0.0, f"{what} not found in the source")
    evidence = tuple(_evidence(document, item.alignment) for item in found)
    where = _where(document, found)
    missing = [item.fragment for item in located if item.alignment is None]
    alignments = [item.alignment for item in found]
    share = unchanged_share(located)
    details = _details(alignments)

    meaning = [a for a in alignments if a.meaning_changed]
    if meaning:
        change = next(c for a in meaning for c in a.changes if c.meaning)
        said = f"{change.meaning} changed: '{change.claimed}' in the claim, '{change.source}' in the source"
        if not change.claimed:
            said = f"{change.meaning} changed: the source has '{change.source}', the claim leaves it out"
        elif not change.source:
            said = f"{change.meaning} changed: the claim adds '{change.claimed}', not in the source"
        others = [c for a in alignments for c in a.changes if c is not change]
        if others:
            said += "; other words differ: " + ", ".join(c.describe() for c in others)
        if all(a.matched >= WELL_ALIGNED for a in meaning):
            return Assessment(Verdict.CONTRADICTED, share, f"{what} differs in meaning{where}: {said}", evidence)
        return Assessment(Verdict.NEEDS_REVIEW, min(share, REVIEW_CEILING),
                          f"{what} only loosely matches{where}; {said}", evidence)

    if missing:
        listed = ", ".join(f"'{fragment}'" for fragment in missing)
        reason = f"{len(found)} of {len(located)} fragments of the {what} found{where}; not found: {listed}"
        return Assessment(Verdict.PARTIALLY_SUPPORTED, min(share, PARTIAL_CEILING), reason + details, evidence)
    fragments = f" (all {len(located)} fragments, in order)" if len(located) > 1 else ""
    if all(a.exact for a in alignments):
        return Assessment(Verdict.SUPPORTED, 1.0, f"exact {what} found{where}{fragments}", evidence)
    if all(a.same_words for a in alignments):
        return Assessment(Verdict.SUPPORTED, 0.95,
                          f"{what} found{where}{fragments}, same words, punctuation differs", evidence)
    if any(a.matched < WELL_ALIGNED for a in alignments):
        return Assessment(Verdict.NEEDS_REVIEW, min(share, REVIEW_CEILING),
                          f"{what} only loosely matches{where}{details}", evidence)
    return Assessment(Verdict.PARTIALLY_SUPPORTED, min(share, PARTIAL_CEILING),
                      f"{what} found with changes{where}{details}", evidence)


def unchanged_share(located: tuple[Located, ...]) -> float:
    """The share of the phrase's words found unchanged, over all fragments (2 decimals)."""
    total = found = 0.0
    for item in located:
        count = len(_TOKEN.findall(fold(item.fragment).text)) or 1
        total += count
        if item.alignment is not None:
            found += count * item.alignment.matched
    return round(found / total, 2) if total else 0.0


def _details(alignments: list[Alignment]) -> str:
    described = [a.describe_changes() for a in alignments if a.changes]
    return f"; words differ: {'; '.join(described)}" if described else ""


def _where(document: Document, found: list[Located]) -> str:
    locators = []
    for item in found:
        locator = document.locate(item.alignment.start)
        if locator and locator not in locators:
            locators.append(locator)
    return f" in {', '.join(locators)}" if locators else ""


def _evidence(document: Document, alignment: Alignment) -> Evidence:
    note = ""
    if alignment.changes:
        note = f"altered words: {alignment.noted_changes()}"
    elif not alignment.exact:
        note = "punctuation differs"
    return evidence_for(document, alignment.start, alignment.end, note)
