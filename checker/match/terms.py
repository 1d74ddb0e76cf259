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
from dataclasses import dataclass
from functools import lru_cache
from enum import StrEnum

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


def _classify(word: str, surface: str, initial: bool, names_at_start: bool) -> TermKind | None:
    """The kind of a folded word given its original surface, or None for a stop word."""
    letters = [char for char in surface if char.isalpha()]
    capitalised = bool(letters) and surface[0].isupper()
    all_caps = len(letters) >= 2 and all(char.isupper() for char in letters)
    if number_value(word) is not None:
        return TermKind.NUMBER
    if word in MONTHS | WEEKDAYS and (capitalised or word not in _CAPITALISED_DATES_ONLY):
        return TermKind.DATE
    if all_caps and word.replace(".", "") not in HONORIFICS | {"q", "pm", "am"}:
        return TermKind.NAME
    if word in STOP_WORDS or not letters:
        return None
    if capitalised and (names_at_start or not initial):
        return TermKind.NAME
    return TermKind.WORD


def terms(text: str, names_at_start: bool = False) -> list[Term]:
    """The content terms of `text`, in order, repeats kept.

    Hyphenated words give one term per part ("counter-battery" -> "counter",
    "battery"), except number words ("twenty-one"). `names_at_start` treats a
    capitalised first word as a name too: right for a bare name such as a
    claim's subject ("Narendra Modi"), wrong for a sentence ("Allegations ...").
    """
    folded = fold(text)
    found: list[Term] = []
    previous = ""
    for token in _TOKEN.finditer(folded.text):
        raw = token.group()
        parts = [(raw, token.start())]
        if "-" in raw and number_value(raw.strip("-'")) is None:
            parts = [(part.group(), token.start() + part.start()) for part in re.finditer(r"[^\-]+", raw)]
        for part, offset in parts:
            word = part.strip("'") if "." not in part else part.replace(".", "")
            if not word:
                continue
            start, end = folded.span(offset, offset + len(part))
            surface = text[start:end]
            kind = _classify(word, surface, _sentence_initial(text, start, previous), names_at_start)
            previous = part
            if kind is None:
                continue
            key = number_value(word) if kind is TermKind.NUMBER else stem(word)
            found.append(Term(surface=surface, word=word, key=key or word, kind=kind, start=start, end=end))
    return found


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
