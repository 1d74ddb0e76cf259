"""Text normalisation for matching, keeping a map back to the original offsets.

Matchers search folded text (one kind of quote mark, one kind of dash, single
spaces, lower case, no ligatures) but evidence must point into the original
text, so `fold` returns, for every folded character, the offset of the original
character it came from.

`fold` gives exactly what folding each character with `fold_char` and then
collapsing white space would give, but works on whole strings (str.replace,
str.lower, one regex pass for white-space runs) rather than character by
character: a 5 MB document folds in a fraction of a second instead of seconds.
The offset map is stored as runs of consecutive offsets (`Offsets`), not one int
per character.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import accumulate, repeat

_CHAR_FOLDS = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u2026": "...",
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st",
    "\u00ad": "",  # soft hyphen
    "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "",
}

_WORD = re.compile(r"[\w'\-]+", re.UNICODE)

_CAPITAL_SIGMA = "\u03a3"
"""str.lower() makes a word-final capital sigma a final sigma; folding lowers each character alone."""

_DELETED = "\x00"
"""Stands for a character that folds to nothing; itself a control character, so folded away too."""

_WHITESPACE = "".join(char for char in map(chr, range(0x3001)) if char.isspace() and char != " ")
"""White space other than " " (none lies above U+3000; tests/test_normalize.py checks every code point)."""

_EXPANDING = frozenset(char for char, folded in _CHAR_FOLDS.items() if len(folded) > 1) | {"\u0130"}
"""Characters that fold to several: the ellipsis, ligatures, and I with dot above (lower case i + dot)."""
_EXPANDING_PATTERN = re.compile("[" + "".join(sorted(_EXPANDING)) + "]")

_SPECIAL = re.compile(
    "[" + re.escape("".join(_CHAR_FOLDS) + _WHITESPACE) + _CAPITAL_SIGMA + "\u0130\x00-\x1f\x7f-\x9f]"
)
"""Characters whose fold is not simply their lower case (" " is left out: it is its own fold)."""

_SPACE_RUN = re.compile("  +")
_DELETED_RUN = re.compile(_DELETED + "+")

LONG_TEXT = 4096
"""Texts at least this long (documents) are cached apart from short ones (words, phrases, sentences),
so that folding many short strings never evicts a document's fold."""


class Offsets(Sequence[int]):
    """For each folded character, the original offset it came from; stored as runs.

    Folding keeps most characters in place, so the map is a few runs of consecutive
    offsets (step 1) and, for a character that folds to several ("\u2026" -> "..."), a run
    of one repeated offset (step 0). Indexing bisects the runs; nothing is stored per
    character, so a 5 MB document's map costs kilobytes, not hundreds of megabytes.
    Compares equal to any sequence of the same ints (a tuple, a list).
    """

    __slots__ = ("_starts", "_origins", "_steps", "_length")

    def __init__(self, starts: Sequence[int], origins: Sequence[int], steps: Sequence[int], length: int) -> None:
        self._starts = starts
        self._origins = origins
        self._steps = steps
        self._length = length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._length)))
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("offset index out of range")
        run = bisect_right(self._starts, index) - 1
        return self._origins[run] + (index - self._starts[run]) * self._steps[run]

    def __iter__(self) -> Iterator[int]:
        bounds = [*self._starts[1:], self._length]
        for start, end, origin, step in zip(self._starts, bounds, self._origins, self._steps):
            yield from range(origin, origin + end - start) if step else repeat(origin, end - start)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Offsets):
            return (self._length, list(self._starts), list(self._origins), list(self._steps)) == (
                other._length, list(other._starts), list(other._origins), list(other._steps))
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == self._length and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"Offsets({list(self)!r})" if self._length <= 20 else f"Offsets(<{self._length} offsets>)"


class Folded:
    """Folded text and, for each of its characters, the original offset it came from.

    `offsets` is a sequence of ints as long as `text` (an `Offsets` from `fold`).
    Immutable by convention; equal when text, offsets and original length are equal.
    """

    __slots__ = ("text", "offsets", "original_length")

    def __init__(self, text: str, offsets: Sequence[int], original_length: int) -> None:
        self.text = text
        self.offsets = offsets
        self.original_length = original_length

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of folded text back to the original text."""
        if start >= len(self.offsets):
            return self.original_length, self.original_length
        orig_start = self.offsets[start]
        orig_end = self.offsets[end - 1] + 1 if end > start else orig_start
        return orig_start, orig_end

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Folded):
            return NotImplemented
        return (self.text == other.text and self.original_length == other.original_length
                and self.offsets == other.offsets)

    def __hash__(self) -> int:
        return hash((self.text, self.original_length))

    def __repr__(self) -> str:
        shown = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        return f"Folded({shown!r}, {len(self.offsets)} offsets, original_length={self.original_length})"


def fold_char(char: str) -> str:
    """One character as matching sees it (may be empty or several characters)."""
    if char in _CHAR_FOLDS:
        return _CHAR_FOLDS[char]
    if char.isspace():
        return " "
    if unicodedata.category(char) == "Cc":
        return ""
    return char.lower()


def fold(text: str) -> Folded:
    """Fold typography, case and white space; keep the offset map.

    Runs of white space become one space; leading and trailing space is dropped.
    Cached: every claim citing a document folds the same text, and a document
    is folded once however many claims cite it (see LONG_TEXT).
    """
    if len(text) >= LONG_TEXT:
        return _fold_long(text)
    return _fold_short(text)


@lru_cache(maxsize=8)
def _fold_long(text: str) -> Folded:
    return _fold(text)


@lru_cache(maxsize=8192)
def _fold_short(text: str) -> Folded:
    return _fold(text)


def _fold(text: str) -> Folded:
    """Fold a whole string with string operations; the same result as `fold_char` on each character.

    Every character first becomes exactly one (a deleted one becomes _DELETED, one that
    folds to several stays itself for now), so positions still index `text`; white space
    then collapses, and the characters that fold to several are put in last.
    """
    present = set(_SPECIAL.findall(text))
    single = text
    for char in present:
        folded = fold_char(char)
        if char not in _EXPANDING and folded != char:
            single = single.replace(char, folded or _DELETED)
    if "\u0130" in present:
        single = single.replace("\u0130", "i")
    lowered = single.lower()
    if len(lowered) != len(text):
        return _fold_by_character(text)
    expanding = [found.start() for found in _EXPANDING_PATTERN.finditer(text)] if present & _EXPANDING else []
    kept = _kept_spans(lowered)
    if not expanding:
        pieces = [lowered[start:end] for start, end in kept]
        lengths = [end - start for start, end in kept]
        starts = array("q", accumulate(lengths, initial=0))
        length = starts.pop() if kept else 0
        offsets = Offsets(starts, array("q", (start for start, _ in kept)), b"\x01" * len(kept), length)
        return Folded("".join(pieces), offsets, len(text))
    return _with_expansions(text, lowered, kept, expanding)


def _with_expansions(text: str, lowered: str, kept: list[tuple[int, int]], expanding: list[int]) -> Folded:
    """The kept spans of `lowered`, with the characters at `expanding` replaced by their several-character folds."""
    pieces: list[str] = []
    starts, origins, steps = array("q"), array("q"), array("b")
    length = 0
    for start, end in kept:
        for at in expanding[bisect_left(expanding, start):bisect_left(expanding, end)]:
            if at > start:
                pieces.append(lowered[start:at])
                starts.append(length), origins.append(start), steps.append(1)
                length += at - start
            replacement = fold_char(text[at])
            pieces.append(replacement)
            starts.append(length), origins.append(at), steps.append(0 if len(replacement) > 1 else 1)
            length += len(replacement)
            start = at + 1
        if end > start:
            pieces.append(lowered[start:end])
            starts.append(length), origins.append(start), steps.append(1)
            length += end - start
    return Folded("".join(pieces), Offsets(starts, origins, steps, length), len(text))


def _kept_spans(text: str) -> list[tuple[int, int]]:
    """The [start, end) spans of `text` (spaces and _DELETED marks) that survive folding.

    _DELETED marks go; in a run of spaces (marks between them do not break it) only
    the first space stays, and not even that at the start or the end of the text.
    The marks are few, so they are taken out first and the spans of the rest mapped back.
    """
    if _DELETED not in text:
        return _collapsed_spans(text)
    marks = [found.span() for found in _DELETED_RUN.finditer(text)]
    positions: list[int] = []  # where each run of marks sat in the text without marks
    shifts: list[int] = []  # how many marks precede that point, this run included
    removed = 0
    for start, end in marks:
        positions.append(start - removed)
        removed += end - start
        shifts.append(removed)
    kept: list[tuple[int, int]] = []
    for start, end in _collapsed_spans(text.replace(_DELETED, "")):
        run = bisect_right(positions, start)
        shift = shifts[run - 1] if run else 0
        while run < len(positions) and positions[run] < end:
            kept.append((start + shift, positions[run] + shift))
            start, shift = positions[run], shifts[run]
            run += 1
        kept.append((start + shift, end + shift))
    return kept


def _collapsed_spans(text: str) -> list[tuple[int, int]]:
    """The spans of `text` left when each run of spaces keeps its first and the ends lose theirs."""
    low = len(text) - len(text.lstrip(" "))
    high = len(text.rstrip(" "))
    kept: list[tuple[int, int]] = []
    cursor = low
    for found in _SPACE_RUN.finditer(text, low, high):
        kept.append((cursor, found.start() + 1))
        cursor = found.end()
    if cursor < high:
        kept.append((cursor, high))
    return kept


def _fold_by_character(text: str) -> Folded:
    """The plain definition of folding, for a text whose lower case str.lower() cannot give per character."""
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        for out in fold_char(char):
            if out == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(out)
            offsets.append(index)
    if chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    return Folded("".join(chars), _as_runs(offsets), len(text))


def _as_runs(offsets: list[int]) -> Offsets:
    """`offsets` as runs: a new run wherever an offset is not the one before plus one."""
    starts, origins, steps = array("q"), array("q"), array("b")
    for index, offset in enumerate(offsets):
        if not index or offset != offsets[index - 1] + 1:
            starts.append(index), origins.append(offset), steps.append(1)
    return Offsets(starts, origins, steps, len(offsets))


def fold_text(text: str) -> str:
    """`fold(text).text`, for when the offsets are not needed.

    Plain ASCII with single inner spaces (most words and names) folds to its lower case
    alone: no cache entry, no offset map.
    """
    if (text.isascii() and text.isprintable() and "`" not in text and "  " not in text
            and not text.startswith(" ") and not text.endswith(" ")):
        return text.lower()
    return fold(text).text


def words(text: str) -> list[str]:
    """The folded words of a text, apostrophes and inner hyphens kept ("we're", "long-range")."""
    return [w.strip("-'") for w in _WORD.findall(fold_text(text)) if w.strip("-'")]
