"""Text normalisation for matching, keeping a map back to the original offsets.

Matchers search folded text (one kind of quote mark, one kind of dash, single
spaces, lower case, no ligatures) but evidence must point into the original
text, so `fold` returns, for every folded character, the offset of the original
character it came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

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


@dataclass(frozen=True)
class Folded:
    """Folded text and, for each of its characters, the original offset it came from."""

    text: str
    offsets: tuple[int, ...]
    original_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of folded text back to the original text."""
        if start >= len(self.offsets):
            return self.original_length, self.original_length
        orig_start = self.offsets[start]
        orig_end = self.offsets[end - 1] + 1 if end > start else orig_start
        return orig_start, orig_end


def fold_char(char: str) -> str:
    """One character as matching sees it (may be empty or several characters)."""
    if char in _CHAR_FOLDS:
        return _CHAR_FOLDS[char]
    if char.isspace():
        return " "
    if unicodedata.category(char) == "Cc":
        return ""
    return char.lower()


@lru_cache(maxsize=32)
def fold(text: str) -> Folded:
    """Fold typography, case and white space; keep the offset map.

    Runs of white space become one space; leading and trailing space is dropped.
    Cached: every claim citing a document folds the same text.
    """
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
    return Folded("".join(chars), tuple(offsets), len(text))


def fold_text(text: str) -> str:
    """`fold(text).text`, for when the offsets are not needed."""
    return fold(text).text


def words(text: str) -> list[str]:
    """The folded words of a text, apostrophes and inner hyphens kept ("we're", "long-range")."""
    return [w.strip("-'") for w in _WORD.findall(fold_text(text)) if w.strip("-'")]
