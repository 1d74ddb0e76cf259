"""Quantities as English prose and claims state them, read as intervals (DESIGN section 4).

A `Quantity` is the interval of values its words allow:

- an exact number is a point: "36,000" -> [36000, 36000], "a thousand" -> [1000, 1000];
- "about/around/roughly/approximately/some X" -> [0.9X, 1.1X]; "nearly/almost X" -> [0.9X, X];
- "more than/over/above X" -> (X, inf) (`low_open`); "at least X" -> [X, inf);
- "up to/as many as X" -> [0, X]; "less than/under/fewer than X" -> [0, X) (`high_open`);
  "at most/no more than X" -> [0, X];
- vague plurals: "dozens" -> [24, 99] (at least two dozen, fewer than a hundred), "hundreds" -> [100, 999],
  "thousands" -> [1000, 9999], "tens of thousands" -> [10000, 99999],
  "hundreds of thousands" -> [100000, 999999], and the same for millions and billions.

Money is a number with "$", "US$", "USD" or "dollars": unit "USD". A percentage ("40%", "40 percent")
has unit "%". Scales: thousand, million, billion, trillion, and after digits "bn", "k", and "m"/"b"
with a dollar sign only ("$600M"; a bare "600m" is more often metres). Ordinals: "21st",
"twenty-first", "first" .. "ninety-ninth", "hundredth": `ordinal=True`.

URLs, times ("1:29 P.M.") and dates ("September 16, 2022", "2022-09-16") are read and skipped so that
their digits are not taken for counts. A number glued to letters ("105mm", "F-16", "1e999") is not
a quantity. Pure; never raises on any string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

INF = float("inf")


@dataclass(frozen=True)
class Quantity:
    """The interval [low, high] the words allow, with the stated number and how it was qualified."""

    low: float
    high: float
    value: float
    unit: str = ""  # "USD" for money, "%" for a percentage, "" otherwise
    ordinal: bool = False
    qualifier: str = ""  # normalised: "more than", "at least", "about", "nearly", "up to", ...
    text: str = ""
    low_open: bool = False  # "more than X": X itself is excluded
    high_open: bool = False  # "less than X": X itself is excluded

    @property
    def exact(self) -> bool:
        return self.low == self.high


_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": Decimal(100), "thousand": Decimal(10) ** 3, "million": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9, "trillion": Decimal(10) ** 12,
}
_ABBREVIATIONS = {
    "k": Decimal(10) ** 3, "m": Decimal(10) ** 6, "mn": Decimal(10) ** 6, "b": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9, "tn": Decimal(10) ** 12,
}
_DOLLAR_ONLY_ABBREVIATIONS = {"m", "b"}
_UNIT_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
}
_TENS_ORDINALS = {
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}

# How each qualifier, as written, is normalised; the longest spellings are tried first.
_QUALIFIERS = {
    "more than": "more than", "over": "more than", "above": "more than", "in excess of": "more than",
    "upwards of": "more than", "just over": "more than", "well over": "more than",
    "at least": "at least", "no less than": "at least", "no fewer than": "at least",
    "a minimum of": "at least",
    "about": "about", "around": "about", "roughly": "about", "approximately": "about", "some": "about",
    "an estimated": "about", "approx.": "about", "circa": "about",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "up to": "up to", "as many as": "up to", "as much as": "up to",
    "less than": "less than", "fewer than": "less than", "under": "less than", "below": "less than",
    "at most": "at most", "no more than": "at most", "a maximum of": "at most",
    "exactly": "exactly", "precisely": "exactly",
}

# Vague plurals: (low, high) for the bare word; "tens of" multiplies by 10, "hundreds of" by 100.
_VAGUE = {
    "dozens": (24, 99), "hundreds": (100, 999), "thousands": (1_000, 9_999),
    "millions": (10**6, 10**7 - 1), "billions": (10**9, 10**10 - 1),
}
_VAGUE_BASE = {"thousands": 10**3, "millions": 10**6, "billions": 10**9}

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)


def _alternation(words: object) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_DASH = r"[-\u2010-\u2015]"
_UNIT_WORDS = _alternation(_UNITS)
_TENS_WORDS = _alternation(_TENS)
_SMALL = rf"(?:(?:{_TENS_WORDS})(?:{_DASH}|\s+)(?:{_UNIT_WORDS})|{_TENS_WORDS}|{_UNIT_WORDS})"
_SCALE_WORDS = _alternation(_SCALES)
_WORD_NUMBER = (
    rf"(?:a(?=\s+(?:{_SCALE_WORDS}|dozen)\b)|{_SMALL}\b)"
    rf"(?:(?:\s+|{_DASH})(?:and\s+)?(?:{_SMALL}|{_SCALE_WORDS}|dozen)\b)*"
)
_WORD_ORDINAL = (
    rf"(?:(?:{_TENS_WORDS})(?:{_DASH}|\s+)(?:{_alternation(_UNIT_ORDINALS)})"
    rf"|{_alternation(_TENS_ORDINALS)}|{_alternation(_UNIT_ORDINALS)})\b"
)
# "up to an aggregate value of $350 million": the qualifier still bounds the figure.
_AGGREGATE = r"(?:(?:an?\s+)?(?:aggregate|total)(?:\s+(?:value|amount|sum))?\s+of\s+)?"
_DIGITS = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"

_PATTERN = re.compile(
    rf"""
    (?P<skip>
        https?://\S+                                                             # a URL's path
      |
        (?<![0-9])[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?(?![0-9])              # 1:29
      | (?<![0-9])[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}(?![0-9])                      # 2022-09-16
      | \b(?:{_MONTHS})\.?\s+[0-9]{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+[0-9]{{4}}\b)?  # September 16, 2022
      | (?<![0-9])[0-9]{{1,2}}(?:st|nd|rd|th)?\s+of\s+(?:{_MONTHS})\b(?:,?\s+[0-9]{{4}}\b)?  # 20th of September
    )
    |
    (?<![\w$.,])(?<![A-Za-z]{_DASH})
    (?:(?P<qualifier>{_alternation(_QUALIFIERS)})\s+{_AGGREGATE})?
    (?:
        (?P<vague>(?:(?:tens|hundreds)\s+of\s+)?(?:{_alternation(_VAGUE)}))\b(?:\s+of\b)?
      | (?P<digit_ordinal>[0-9]+)(?P<suffix>st|nd|rd|th)\b
      | (?P<word_ordinal>{_WORD_ORDINAL})
      | (?P<currency>\$|US\$|USD\s*)?
        (?:(?P<digits>{_DIGITS})|(?P<words>{_WORD_NUMBER}))
        (?:(?P<abbreviation>\s?(?:bn|mn|tn)|k|m|b)\b|\s+(?P<scale>(?:{_SCALE_WORDS})(?:\s+(?:{_SCALE_WORDS}))?)\b)?
        (?P<percent>\s*%|\s+per\s*cent\b)?
        (?P<dollars>\s+(?:US\s+)?dollars\b)?
        (?![A-Za-z0-9])
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)


def parse_quantity(text: str) -> Quantity | None:
    """The first quantity in a short expression ("more than $50 billion", "21st"), or None."""
    found = find_quantities(text or "")
    return found[0][0] if found else None


def find_quantities(text: str) -> list[tuple[Quantity, int, int]]:
    """Every quantity in `text`, with its [start, end) offsets into `text`. Linear in the text."""
    found: list[tuple[Quantity, int, int]] = []
    position = 0
    while True:
        hit = _PATTERN.search(text, position)
        if hit is None:
            return found
        position = max(hit.end(), hit.start() + 1)
        if hit.group("skip"):
            continue
        result = _quantity(hit)
        if result is not None:
            quantity, end = result
            found.append((quantity, hit.start(), end))
            position = max(end, hit.start() + 1)


def _quantity(hit: re.Match[str]) -> tuple[Quantity, int] | None:
    """The quantity a pattern hit spells, and where it really ends (a word run may be cut short)."""
    qualifier = _QUALIFIERS.get(_squash(hit.group("qualifier") or ""), "")
    if hit.group("vague"):
        return _vague(hit, qualifier), hit.end()
    if hit.group("digit_ordinal"):
        value = _decimal(hit.group("digit_ordinal"))
        return _bounded(value, qualifier, "", True, hit.group(0)), hit.end()
    if hit.group("word_ordinal"):
        value = _ordinal_words(hit.group("word_ordinal"))
        return _bounded(value, qualifier, "", True, hit.group(0)), hit.end()
    return _cardinal(hit, qualifier)


def _cardinal(hit: re.Match[str], qualifier: str) -> tuple[Quantity, int] | None:
    end = hit.end()
    if hit.group("digits"):
        value = _decimal(hit.group("digits").replace(",", ""))
    else:
        value, words_end = _number_words(hit.group("words"))
        if value is None:
            return None
        if words_end < len(hit.group("words")):
            end = hit.start("words") + words_end
    if value is None:
        return None
    currency = bool(hit.group("currency"))
    if end == hit.end():
        abbreviation = (hit.group("abbreviation") or "").strip().lower()
        if abbreviation:
            if abbreviation in _DOLLAR_ONLY_ABBREVIATIONS and not currency:
                return None
            value *= _ABBREVIATIONS[abbreviation]
        for scale in (hit.group("scale") or "").lower().split():
            value *= _SCALES[scale]
        currency = currency or bool(hit.group("dollars"))
        unit = "USD" if currency else "%" if hit.group("percent") else ""
    else:
        unit = "USD" if currency else ""
    text = hit.string[hit.start():end]
    return _bounded(value, qualifier, unit, False, text), end


def _bounded(value: Decimal, qualifier: str, unit: str, ordinal: bool, text: str) -> Quantity:
    """Apply a qualifier's interval rule to a stated value."""
    number = _float(value)
    low, high, low_open, high_open = number, number, False, False
    if qualifier == "about":
        low, high = _float(value * Decimal("0.9")), _float(value * Decimal("1.1"))
    elif qualifier == "nearly":
        low = _float(value * Decimal("0.9"))
    elif qualifier == "more than":
        high, low_open = INF, True
    elif qualifier == "at least":
        high = INF
    elif qualifier in ("up to", "at most"):
        low = 0.0
    elif qualifier == "less than":
        low, high_open = 0.0, True
    return Quantity(low, high, number, unit, ordinal, qualifier, _squash(text), low_open, high_open)


def _vague(hit: re.Match[str], qualifier: str) -> Quantity:
    words = _squash(hit.group("vague")).lower().split()
    low, high = _VAGUE[words[-1]]
    if len(words) > 1:
        factor = 10 if words[0] == "tens" else 100
        low, high = low * factor, (high + 1) * factor - 1
    text = _squash(hit.group(0))
    if qualifier in ("more than", "at least"):
        high = INF
    elif qualifier in ("up to", "at most", "less than"):
        low = 0
    return Quantity(float(low), float(high), float(low), "", False, qualifier, text)


def _number_words(text: str) -> tuple[Decimal | None, int]:
    """Read number words ("thirty-six thousand", "a thousand") as far as they form one number.

    Returns the value and how many characters of `text` it used; (None, 0) if none.
    """
    total, current = Decimal(0), Decimal(0)
    last: str | None = None  # "unit", "ten", "hundred", "scale"
    used = 0
    seen = False
    for token in re.finditer(r"[A-Za-z]+", text):
        word = token.group(0).lower()
        if word == "and":
            if last not in ("hundred", "scale"):
                break
            continue
        if word == "a":
            if last is not None:
                break
            current, last = Decimal(1), "a"
            continue
        if word in _UNITS:
            if last in ("unit", "a") or (last == "ten" and _UNITS[word] >= 10):
                break
            current += _UNITS[word]
            last = "unit"
        elif word in _TENS:
            if last in ("unit", "ten", "a"):
                break
            current += _TENS[word]
            last = "ten"
        elif word == "hundred":
            if last not in ("unit", "ten", "a"):
                break
            current = (current or Decimal(1)) * 100
            last = "hundred"
        elif word == "dozen":
            if last == "hundred":
                break
            current = (current or Decimal(1)) * 12
            last = "scale"
        elif word in _SCALES:
            if last == "scale" and current == 0:
                break
            total += (current or Decimal(1)) * _SCALES[word]
            current = Decimal(0)
            last = "scale"
        else:
            break
        seen = True
        used = token.end()
    if not seen:
        return None, 0
    return total + current, used


def _ordinal_words(text: str) -> Decimal:
    parts = re.split(rf"{_DASH}|\s+", text.lower())
    return Decimal(sum(_TENS.get(p, 0) + _UNIT_ORDINALS.get(p, 0) + _TENS_ORDINALS.get(p, 0) for p in parts))


def _decimal(digits: str) -> Decimal:
    try:
        return Decimal(digits)
    except InvalidOperation:
        return Decimal(0)


def _float(value: Decimal) -> float:
    try:
        return float(value)
    except (OverflowError, ValueError):
        return INF


def _squash(text: str) -> str:
    return " ".join(text.split())


def format_interval(quantity: Quantity) -> str:
    """The interval in mathematical notation: "[10,000, 99,999]", "(440, inf)"."""
    left = "(" if quantity.low_open else "["
    right = ")" if quantity.high_open or quantity.high == INF else "]"
    return f"{left}{_plain(quantity.low)}, {_plain(quantity.high)}{right}"


def format_quantity(quantity: Quantity) -> str:
    """The quantity's words, followed by its interval when that is not a single value."""
    if quantity.exact:
        return quantity.text
    return f"{quantity.text} {format_interval(quantity)}"


def _plain(number: float) -> str:
    if number == INF:
        return "inf"
    if number == int(number):
        return f"{int(number):,}"
    return f"{number:,}"
