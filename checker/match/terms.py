"""Content terms of a text, shared by the statement and attribution matchers.

A term is a folded word that carries meaning (not a stop word), reduced to a
key that matching compares: a light stem for words, digits for numbers. Each
term is classified from the ORIGINAL text, because case is what tells a name
from a word and folding loses it:

- number: has a digit, or is a number word ("three", "twenty-first");
- date: a month or weekday name ("May" and "March" only when capitalised);
- name: capitalised and not at the start of a sentence, or an all-caps acronym;
- word: any other content word.

`sentence_spans` splits a text into sentences with their offsets, for the
evidence both matchers quote.

The stemmer is deliberately small and predictable: it strips a possessive,
maps an irregular verb form to its base ("sold" -> "sell"), strips plural
"s"/"es", then "-ing"/"-ed", then a final "e", so that "include", "includes",
"included" and "including" share the key "includ".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from checker.normalize import fold


class TermKind(StrEnum):
    """What sort of term a word is; matchers weigh the kinds differently."""

    NUMBER = "number"
    NAME = "name"
    DATE = "date"
    WORD = "word"


@dataclass(frozen=True)
class Term:
    """One content term. `start`/`end` index the text it was read from."""

    surface: str  # as written in the text ("Izum", "murdered", "21st")
    word: str  # folded ("izum", "murdered", "21st")
    key: str  # what matching compares ("murder", "izum", "21")
    kind: TermKind
    start: int
    end: int


STOP_WORDS: frozenset[str] = frozenset(
    """
    a about above after again against all also am an and any are aren't as at be because been before
    being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't
    down during each either else etc even ever every few for from further get gets got had hadn't has
    hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's
    however i i'd i'll i'm i've if in into is isn't it it's its itself just let's may me might more most
    much must mustn't my myself no nor not now of off on once only or other ought our ours ourselves out
    over own per quite rather really said same say says shall shan't she she'd she'll she's should
    shouldn't so some such than that that's the their theirs them themselves then there there's these they
    they'd they'll they're they've this those though through thus to too under until up upon us very via
    was wasn't we we'd we'll we're we've were weren't what what's when when's where where's whether which
    while who who's whom whose why why's will with within without won't would wouldn't yes yet you you'd
    you'll you're you've your yours yourself yourselves
    mr mrs ms dr q pm eg ie
    """.split()
)

HONORIFICS: frozenset[str] = frozenset(
    "mr mrs ms dr prof st gen sen rep gov lt col sgt capt adm maj cmdr pres amb hon rev fr jr sr".split()
)

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
_ORDINAL_TENS = {
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90,
}
IRREGULAR: dict[str, str] = {
    form: base
    for base, forms in {
        "become": "became", "begin": "began begun", "bring": "brought", "build": "built", "buy": "bought",
        "choose": "chose chosen", "come": "came", "die": "died dying", "draw": "drew drawn",
        "drive": "drove driven", "eat": "ate eaten", "fall": "fell fallen", "fly": "flew flown",
        "forget": "forgot forgotten", "freeze": "froze frozen", "give": "gave given", "go": "went gone",
        "grow": "grew grown", "hold": "held", "keep": "kept", "know": "knew known", "lead": "led",
        "lose": "lost", "make": "made", "meet": "met", "pay": "paid", "run": "ran", "see": "seen",
        "sell": "sold", "send": "sent", "sing": "sang sung", "speak": "spoke spoken", "spend": "spent",
        "steal": "stole stolen", "strike": "struck", "take": "took taken", "teach": "taught",
        "tell": "told", "think": "thought", "throw": "threw thrown", "wear": "wore worn", "win": "won",
        "write": "wrote written",
    }.items()
    for form in forms.split()
}
"""Irregular verb forms and their base, so that "sold" and "sells" share a key (forms that are also
other words, such as "left", "found", "saw" or "rose", are left out)."""

_SCALES = frozenset("hundred thousand million billion trillion dozen".split())

MONTHS: frozenset[str] = frozenset(
    "january february march april may june july august september october november december sept".split()
)
WEEKDAYS: frozenset[str] = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_CAPITALISED_DATES_ONLY = frozenset({"may", "march"})

# Dotted acronyms ("u.s.", "a.m."), numbers with separators and ordinal/plural
# suffixes ("1,000", "3.5", "21st", "1990s"), then the words of normalize.words().
_TOKEN = re.compile(r"(?:[a-z]\.){2,}|\d+(?:[.,]\d+)*(?:st|nd|rd|th|s)?(?![\w])|[\w'\-]+", re.UNICODE)
_NUMBER_SUFFIX = re.compile(r"(?:st|nd|rd|th|s)$")
_SENTENCE_END = ".!?:;"


@lru_cache(maxsize=65536)
def number_value(word: str) -> str | None:
    """The digits a number word or numeral stands for ("twenty-first" -> "21"), else None.

    Scale words ("million") stay words: "$600 million" gives the terms "600" and "million".
    """
    if any(char.isdigit() for char in word):
        digits = _NUMBER_SUFFIX.sub("", word) if word[0].isdigit() else word
        return digits.replace(",", "")
    if word in _SCALES:
        return word
    for table in (_UNITS, _ORDINAL_UNITS, _TENS, _ORDINAL_TENS):
        if word in table:
            return str(table[word])
    tens, _, unit = word.partition("-")
    if tens in _TENS and unit in _UNITS | _ORDINAL_UNITS:
        return str(_TENS[tens] + (_UNITS | _ORDINAL_UNITS)[unit])
    return None


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem: possessive, plural, then -ing/-ed, then a final e.

    Keeps at least three letters, so short words ("use", "bring", "need") stay whole.
    """
    if word.endswith("'s"):
        word = word[:-2]
    word = word.rstrip("'")
    word = IRREGULAR.get(word, word)
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes", "zes")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("eed"):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouylsz":
                word = word[:-1]
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def _sentence_initial(original: str, start: int, previous_word: str) -> bool:
    """Whether the word at `start` opens a sentence (so its capital says nothing).

    A full stop after an honorific ("Mr. Modi") or a dotted acronym ("U.S. President")
    does not end a sentence here; `previous_word` is the folded token before.
    """
    index = start - 1
    newlines = 0
    while index >= 0 and (original[index].isspace() or original[index] in "\"'\u201c\u2018([*#>-"):
        newlines += original[index] == "\n"
        if newlines == 2:
            return True
        if not original[index].isspace():
            newlines = 0
        index -= 1
    if index < 0:
        return True
    if original[index] in _SENTENCE_END:
        dotted_acronym = original[index] == "." and "." in previous_word
        return not dotted_acronym and previous_word not in HONORIFICS
    return False


_DATE_WORDS = MONTHS | WEEKDAYS
_NOT_NAMES = HONORIFICS | {"q", "pm", "am"}
"""All-caps words that are still not names ("MR.", "Q", "PM")."""
_MAYBE_NAME = "maybe name"
"""A capitalised content word: a name unless it opens a sentence (see `_word_class`)."""


@lru_cache(maxsize=1 << 17)
def _word_class(word: str, surface: str) -> tuple[TermKind | str | None, str]:
    """What the word is whatever its place in a sentence, and its key.

    The kind is `_MAYBE_NAME` when only the word's place can tell (a capital at the start of a
    sentence says nothing), else a TermKind, or None for a stop word.
    """
    letters = any(char.isalpha() for char in surface)
    capitalised = letters and surface[0].isupper()
    value = number_value(word)
    if value is not None:
        return TermKind.NUMBER, value or word
    key = stem(word) or word
    if word in _DATE_WORDS and (capitalised or word not in _CAPITALISED_DATES_ONLY):
        return TermKind.DATE, key
    if word.replace(".", "") not in _NOT_NAMES and _all_caps(surface):
        return TermKind.NAME, key
    if word in STOP_WORDS or not letters:
        return None, key
    if capitalised:
        return _MAYBE_NAME, key
    return TermKind.WORD, key


def _all_caps(surface: str) -> bool:
    """At least two letters, all upper case."""
    letters = [char for char in surface if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


def terms(text: str, names_at_start: bool = False) -> list[Term]:
    """The content terms of `text`, in order, repeats kept.

    Hyphenated words give one term per part ("counter-battery" -> "counter",
    "battery"), except number words ("twenty-one"). `names_at_start` treats a
    capitalised first word as a name too: right for a bare name such as a
    claim's subject ("Narendra Modi"), wrong for a sentence ("Allegations ...").
    """
    return [Term(*fields) for fields in _scan(text, names_at_start)]


def term_keys(text: str) -> list[tuple[str, TermKind]]:
    """The key and kind of each term of `text`: `[(t.key, t.kind) for t in terms(text)]`, faster.

    What indexing a whole document's sentences needs, without building a Term per word.
    """
    return [(key, kind) for _, _, key, kind, _, _ in _scan(text, False)]


def iter_terms(text: str) -> Iterator[Term]:
    """`terms(text)` one at a time, for a caller that may stop early."""
    return (Term(*fields) for fields in _scan(text, False))


_SHORT = 4096
"""Below this many folded characters, the offset map is listed once rather than searched per word."""


def _scan(text: str, names_at_start: bool) -> Iterator[tuple[str, str, str, TermKind, int, int]]:
    """The fields of each term of `text`, in order: surface, word, key, kind, start, end."""
    folded = fold(text)
    offsets = list(folded.offsets) if len(folded.text) <= _SHORT else folded.offsets
    previous = ""
    for token in _TOKEN.finditer(folded.text):
        at = token.start()
        for offset, part, word in _parts(token.group()):
            start, end = offsets[at + offset], offsets[at + offset + len(part) - 1] + 1
            surface = text[start:end]
            kind, key = _word_class(word, surface)
            if kind is _MAYBE_NAME:
                initial = not names_at_start and _sentence_initial(text, start, previous)
                kind = TermKind.WORD if initial else TermKind.NAME
            previous = part
            if kind is not None:
                yield surface, word, key, kind, start, end  # type: ignore[misc]


@lru_cache(maxsize=1 << 16)
def _parts(token: str) -> tuple[tuple[int, str, str], ...]:
    """The parts of a folded token that can be terms: (offset in the token, part, word).

    A hyphenated token gives one part per piece, unless it is a number word ("twenty-one").
    """
    parts = [(0, token)]
    if "-" in token and number_value(token.strip("-'")) is None:
        parts = [(piece.start(), piece.group()) for piece in _HYPHEN_PART.finditer(token)]
    found = []
    for offset, part in parts:
        word = part.strip("'") if "." not in part else part.replace(".", "")
        if word:
            found.append((offset, part, word))
    return tuple(found)


_HYPHEN_PART = re.compile(r"[^\-]+")


_SENTENCE_BOUNDARY = re.compile(
    r"[.!?]+[\"'\u2019\u201d)\]]*\s+(?=[\"'\u2018\u201c(\[]?[A-Z0-9])|\n[^\S\n]*\n\s*"
)


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The sentences of `text[start:end]` as (start, end) offsets into `text`.

    A sentence ends at . ! or ? followed by space and a capital or digit, or at
    a blank line; a full stop after an honorific ("Mr.") or a single letter
    ("U.N.") does not end one.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = start
    for boundary in _SENTENCE_BOUNDARY.finditer(text, start, end):
        if boundary.group()[0] == "." and _is_abbreviation(text, boundary.start()):
            continue
        spans.append((cursor, boundary.start() + len(boundary.group().rstrip())))
        cursor = boundary.end()
    spans.append((cursor, end))
    return [trimmed for span in spans if (trimmed := _trim(text, *span))[0] < trimmed[1]]


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` closes an abbreviation rather than a sentence."""
    index = dot
    while index > 0 and (text[index - 1].isalpha() or text[index - 1] == "."):
        index -= 1
    word = text[index:dot].lower()
    return word in HONORIFICS or "." in word or len(word) == 1


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
