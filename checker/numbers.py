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

A qualifier keeps its meaning across "an aggregate value of" ("up to an aggregate value of $350 million"
is a ceiling). A range is one interval, closed, with qualifier "between": "10-20", "10 to 20 percent",
"$10-20 million" (the scale and unit of the second figure apply to the first), "between X and Y";
"from 10 to 20" is left as two figures, since it more often tells a change.

URLs, times ("1:29 P.M.") and dates ("September 16, 2022", "2022-09-16", "15 September") are read and
skipped so that their digits are not taken for counts. `find_dates` reads the dates themselves, as
Quantities of unit "date" (intervals of day ordinals) or "month-day" (no year given). A number glued to letters ("105mm", "F-16", "1e999") is not
a quantity. Pure; never raises on any string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache

INF = float("inf")


@dataclass(frozen=True)
class Quantity:
    """The interval [low, high] the words allow, with the stated number and how it was qualified."""

    low: float
    high: float
    value: float
    unit: str = ""  # "USD" money, "%" percentage, "date"/"month-day" (see find_dates), "" otherwise
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

_MONTH_NUMBERS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
# Capitalised or all capitals only: "may" and "march" in lower case are verbs far more often than months.
_MONTH = "(?-i:" + _alternation([m.capitalize() for m in _MONTH_NUMBERS] + [m.upper() for m in _MONTH_NUMBERS]) + ")"
_DATE_FORMS = (
    rf"(?P<md_month>{_MONTH})\.?\s+(?P<md_day>[0-9]{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<md_year>[0-9]{{4}})\b)?"
    rf"|(?<![0-9])(?P<dm_day>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_month>{_MONTH})\b\.?"
    rf"(?:,?\s+(?P<dm_year>[0-9]{{4}})\b)?"
    r"|(?<![0-9])(?P<iso_year>[0-9]{4})-(?P<iso_month>[0-9]{2})-(?P<iso_day>[0-9]{2})(?![0-9])"
    r"|(?<![0-9/])(?P<us_month>[0-9]{1,2})/(?P<us_day>[0-9]{1,2})/(?P<us_year>[0-9]{4})(?![0-9/])"
    rf"|(?P<my_month>{_MONTH})\.?,?\s+(?P<my_year>[0-9]{{4}})\b"
)
_DATE = re.compile(rf"\b(?:{_DATE_FORMS})", re.IGNORECASE)
_DATE_SKIP = "(?:" + re.sub(r"\?P<\w+>", "?:", _DATE_FORMS) + ")"

_PATTERN = re.compile(
    rf"""
    (?P<skip>
        https?://\S+                                                             # a URL's path
      |
        (?<![0-9])[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?(?![0-9])              # 1:29
      | (?<![0-9])[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}(?![0-9])                      # 2022-09-16
      | \b(?:{_MONTHS})\.?\s+[0-9]{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+[0-9]{{4}}\b)?  # September 16, 2022
      | (?<![0-9])[0-9]{{1,2}}(?:st|nd|rd|th)?\s+of\s+(?:{_MONTHS})\b(?:,?\s+[0-9]{{4}}\b)?  # 20th of September
      | {_DATE_SKIP}                                               # 15 September 2022, September 2022, 9/15/2022
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
    """Every quantity in `text`, with its [start, end) offsets into `text`. Linear in the text.

    Cached: every claim citing a document reads the same text.
    """
    return list(_find_quantities(text))


@lru_cache(maxsize=64)
def _find_quantities(text: str) -> tuple[tuple[Quantity, int, int], ...]:
    found: list[tuple[Quantity, int, int]] = []
    position = 0
    while True:
        hit = _PATTERN.search(text, position)
        if hit is None:
            return tuple(_ranges(text, found))
        position = max(hit.end(), hit.start() + 1)
        if hit.group("skip"):
            continue
        result = _quantity(hit)
        if result is not None:
            quantity, end = result
            found.append((quantity, hit.start(), end))
            position = max(end, hit.start() + 1)


_RANGE_DASH = re.compile(rf"\s*{_DASH}\s*")
_RANGE_TO = re.compile(r"\s+to\s+", re.IGNORECASE)
_RANGE_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_SCALED = re.compile(rf"(?:{_SCALE_WORDS}|bn|mn|tn|k|m|b)(?:\s+(?:US\s+)?dollars)?$", re.IGNORECASE)
_SCALE_OF = re.compile(rf"(?:\b({_SCALE_WORDS})|[0-9]\s?(bn|mn|tn|k|m|b))\b", re.IGNORECASE)


def _ranges(text: str, found: list[tuple[Quantity, int, int]]) -> list[tuple[Quantity, int, int]]:
    """Join "10-20", "10 to 20 percent", "$10-20 million", "between 10 and 20" into one interval.

    "from 10 to 20" is left as two figures: it more often tells a change than a range.
    """
    merged: list[tuple[Quantity, int, int]] = []
    index = 0
    while index < len(found):
        if index + 1 < len(found):
            joined = _range(text, found[index], found[index + 1])
            if joined is not None:
                merged.append(joined)
                index += 2
                continue
        merged.append(found[index])
        index += 1
    return merged


def _range(text: str, first: tuple[Quantity, int, int], second: tuple[Quantity, int, int]
           ) -> tuple[Quantity, int, int] | None:
    (low, start, low_end), (high, high_start, end) = first, second
    if any(q.qualifier or q.ordinal or not q.exact or q.text.lower().startswith(("dozens", "hundreds", "thousands",
                                                                                  "tens", "millions", "billions"))
           for q in (low, high)):
        return None
    gap = text[low_end:high_start]
    before = text[max(0, start - 12):start]
    between = _BETWEEN.search(before)
    if between and _RANGE_AND.fullmatch(gap):
        start = start - (len(before) - between.start())
    elif not (_RANGE_DASH.fullmatch(gap) or (_RANGE_TO.fullmatch(gap) and not _FROM.search(before))):
        return None
    if low.unit not in ("", high.unit) and not (low.unit == "USD" and high.unit == ""):
        return None
    low_value = low.value
    if not _SCALED.search(low.text) and _SCALED.search(high.text):
        low_value *= _scale_of(high.text)
    if not low_value < high.value:
        return None
    unit = low.unit or high.unit
    words = _squash(text[start:end])
    return Quantity(low_value, high.value, low_value, unit, False, "between", words), start, end


def _scale_of(text: str) -> float:
    factor = Decimal(1)
    for words, abbreviation in _SCALE_OF.findall(text):
        factor *= _SCALES[words.lower()] if words else _ABBREVIATIONS[abbreviation.lower()]
    return float(factor)


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


def find_dates(text: str) -> list[tuple[Quantity, int, int]]:
    """Every calendar date in `text` as a Quantity of days, with its [start, end) offsets.

    A date with a year ("September 15, 2022", "15 September 2022", "2022-09-15", "9/15/2022") has unit
    "date" and is the interval of its days as proleptic Gregorian ordinals (`date.toordinal()`): one
    day, or a whole month for "September 2022". A date without a year ("on 15 September",
    "September 15th") has unit "month-day" and the value month * 100 + day (915), to be compared
    with other dates by month and day only. Impossible dates ("February 30") are left out.
    """
    return list(_find_dates(text or ""))


@lru_cache(maxsize=64)
def _find_dates(text: str) -> tuple[tuple[Quantity, int, int], ...]:
    found: list[tuple[Quantity, int, int]] = []
    for hit in _DATE.finditer(text):
        quantity = _date(hit)
        if quantity is not None:
            found.append((quantity, hit.start(), hit.end()))
    return tuple(found)


def parse_date(text: str) -> Quantity | None:
    """The first date in a short expression ("on 15 September", "September 15, 2022"), or None."""
    found = find_dates(text)
    return found[0][0] if found else None


def month_day(quantity: Quantity) -> Quantity:
    """A date quantity seen by month and day only (a "month-day" one is returned as it is)."""
    if quantity.unit != "date":
        return quantity
    low, high = date.fromordinal(int(quantity.low)), date.fromordinal(int(quantity.high))
    low_key, high_key = low.month * 100 + low.day, high.month * 100 + high.day
    if high.year != low.year or high_key < low_key:
        low_key, high_key = 101, 1231
    return Quantity(float(low_key), float(high_key), float(low_key), "month-day", text=quantity.text)


def _date(hit: re.Match[str]) -> Quantity | None:
    groups = {name: value for name, value in hit.groupdict().items() if value}
    form = next(name.split("_")[0] for name in groups)
    month_text = groups[f"{form}_month"]
    month = int(month_text) if month_text.isdigit() else _MONTH_NUMBERS[month_text.lower()]
    year = int(groups[f"{form}_year"]) if f"{form}_year" in groups else None
    words = _squash(hit.group(0))
    try:
        if form == "my":
            first = date(year, month, 1)
            last = (date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)).toordinal() - 1
            return Quantity(float(first.toordinal()), float(last), float(first.toordinal()), "date", text=words)
        day = int(groups[f"{form}_day"])
        if year is None:
            date(2000, month, day)  # a leap year: is the day possible at all?
            key = float(month * 100 + day)
            return Quantity(key, key, key, "month-day", text=words)
        ordinal = float(date(year, month, day).toordinal())
    except ValueError:
        return None
    return Quantity(ordinal, ordinal, ordinal, "date", text=words)


def format_interval(quantity: Quantity) -> str:
    """The interval in mathematical notation: "[10,000, 99,999]", "(440, inf)", "[2022-09-01, 2022-09-30]"."""
    left = "(" if quantity.low_open else "["
    right = ")" if quantity.high_open or quantity.high == INF else "]"
    if quantity.unit == "date":
        return f"{left}{date.fromordinal(int(quantity.low))}, {date.fromordinal(int(quantity.high))}{right}"
    if quantity.unit == "month-day":
        return f"{left}{_month_day(quantity.low)}, {_month_day(quantity.high)}{right}"
    return f"{left}{_plain(quantity.low)}, {_plain(quantity.high)}{right}"


def _month_day(key: float) -> str:
    month, day = divmod(int(key), 100)
    return f"{month:02d}-{day:02d}"


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
