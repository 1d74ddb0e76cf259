"""People named in an article: their full names, the titles given to them, and every later mention.

A run of capitalised name words is a person when the article says so by its context:

- a title written before it: "Senate Minority Leader Mitch McConnell", "Russian president Vladimir Putin",
  "declared former US Army Europe Commander Ben Hodges" (the title is the run of title words and
  capitalised words before the name that holds a head word such as leader, president, commander,
  from the attribution matcher's vocabulary; a leading nationality is a qualifier, not part of it);
- a title in apposition after it: "Alexander Gabuev, senior fellow at the Carnegie Endowment";
- a speech verb next to it: "said David Hayes", "Julie Chavez Rodriguez told".

A later mention by surname alone ("McConnell said", "Putin's discussion") is resolved to the full
name written before it (else after it); a titled first name ("President Xi") to a full name beginning
with it. A name never written in full stays as written ("President Biden" -> "Biden").
Words inside quotation marks are the speaker's, not the article's: no mention is read there.
Pure: text in, values out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from checker.match.attribution import ABBREVIATIONS, COURTESIES, HEADS, MODIFIERS, NATIONALITIES, canonical_title

EXTRA_HEADS: frozenset[str] = frozenset(
    "attorney assistant aide member founder ceo commissioner counsel strategist historian scholar marshal "
    "magistrate".split()
)
"""Heads of titles the attribution matcher's vocabulary treats as modifiers or leaves out."""
TITLE_HEADS = HEADS | EXTRA_HEADS
TITLE_WORDS = TITLE_HEADS | MODIFIERS

SPEECH_VERBS: frozenset[str] = frozenset(
    """
    said says say added adds declared declares stated states told tells commented comments noted notes
    wrote writes asked asks explained explains argued argues warned warns insisted insists continued
    replied replies responded responds remarked announced announces claimed claims acknowledged
    acknowledges observed emphasized emphasised stressed concluded recalled urged cautioned predicted
    suggested admitted conceded joked tweeted posted boasted complained countered exclaimed recounted
    testified vowed pledged promised reiterated affirmed confirmed maintained contended agreed
    proclaimed quipped
    """.split()
)
SPEECH_PARTICIPLES: frozenset[str] = frozenset(
    """
    adding saying noting declaring stating telling writing explaining arguing warning insisting
    continuing stressing emphasizing emphasising concluding asking urging
    """.split()
)
PRONOUNS: frozenset[str] = frozenset({"he", "she"})

STOP_CAPITALS: frozenset[str] = frozenset(
    """
    the a an this that these those he she it they we i you his her its their our your my
    in on at for but and or if as after before when while since until unless because although though
    with without from into through between among about across against along around behind beyond near
    toward towards upon within under over during despite following according
    why what who whom whose where how which yes no not thank thanks please dear good well so such
    even just only here there then now also still however meanwhile yesterday today tomorrow tonight
    earlier later last next both all many some several other every each any most more few
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    read see watch click more q a mr mrs ms dr by
    everybody everyone nobody somebody someone anybody anyone people folks officials
    """.split()
)
"""Capitalised words that are not names: sentence openers, days, months."""

ORGANISATION_WORDS: frozenset[str] = frozenset(
    """
    house department ministry office committee council agency administration government pentagon kremlin
    times post news journal party army navy forces force union organization organisation institute
    university endowment foundation company corporation inc bank fund commission senate congress court
    service center centre group association network press media assembly parliament embassy
    republic kingdom states nations alliance coalition summit conference act bill law
    relations economy affairs operations services development education health energy agriculture labor
    labour transportation veterans housing appropriations intelligence policy technology science
    initiative program programme team task announcement motors museum memorial pro tempore
    tool plan strategy framework portal index report review island islands country countries politics
    """.split()
)
"""Words that make a capitalised run an organisation, an office or a thing rather than a person."""

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.(?=[\s,])|[^\W\d_](?:[\w\-]|['\u2019](?=\w))*|\d[\d,.]*\d|\d|[^\w\s]")
_POSSESSIVE = re.compile(r"['\u2019]s$|(?<=s)['\u2019]$")
MAX_NAME_WORDS = 4
MAX_TITLE_TOKENS = 8


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def bare(self) -> str:
        """The word without a possessive ending ("Putin's" -> "Putin")."""
        return _POSSESSIVE.sub("", self.text)

    @property
    def possessive(self) -> bool:
        return bool(_POSSESSIVE.search(self.text)) and len(self.text) > 2

    @property
    def folded(self) -> str:
        return self.bare.lower().replace("\u2019", "'")

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def initial(self) -> bool:
        return len(self.text) == 2 and self.text[0].isupper() and self.text[1] == "."


@dataclass(frozen=True)
class Mention:
    """One mention of a person. `start`/`end` span the name as written, `title_start` the title before it."""

    person: str  # the full name it resolves to: "Mitch McConnell"
    written: str  # "McConnell"
    start: int
    end: int
    title: str = ""  # as written, without a leading nationality: "Senate Minority Leader"
    title_start: int = -1  # where the title (with its qualifiers) starts; `start` when none
    title_end: int = -1  # end of an apposition title; `end` when none
    qualifiers: str = ""  # "Indian"
    how: str = ""  # "title", "apposition", "speech verb", "full name", "surname", "surname (named later)"

    @property
    def span(self) -> tuple[int, int]:
        """Name and title together."""
        return min(self.start, self.title_start), max(self.end, self.title_end)


@dataclass(frozen=True)
class _Run:
    """A run of name words, with what its context says."""

    first: int  # token indexes [first, last)
    last: int
    words: tuple[str, ...]  # bare words, initials included
    title: tuple[int, int] | None = None  # token span of the title before or after
    qualifiers: tuple[int, int] | None = None
    apposition: bool = False
    speech: bool = False


def tokenize(text: str) -> list[Token]:
    return [Token(found.group(), found.start(), found.end()) for found in _TOKEN.finditer(text)]


def find_people(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[Mention]:
    """Every mention of a person in `text`, in order, outside the spans in `skip` (quotations)."""
    tokens = [token for token in tokenize(text) if not _inside(token.start, skip)]
    runs = _runs(tokens)
    full_names = _full_names(runs, tokens)
    mentions = [_mention(run, tokens, text, full_names) for run in runs]
    return [mention for mention in mentions if mention is not None]


def is_name_word(token: Token) -> bool:
    """A capitalised word that can be part of a person's name."""
    word = token.bare
    if token.initial:
        return True
    if not word[:1].isupper() or not re.fullmatch(r"[^\W\d_][\w\-'\u2019]*", word):
        return False
    if len(word) > 1 and word.isupper():
        return False
    if re.search(r"['\u2019](?:d|ll|m|re|ve|t|all)$", word):
        return False  # "He'd", "I'm"
    folded = token.folded
    return not (folded in STOP_CAPITALS or folded in ORGANISATION_WORDS or folded in NATIONALITIES
                or _title_word(word) or folded in SPEECH_VERBS)


@lru_cache(maxsize=4096)
def _canonical(word: str) -> tuple[str, ...]:
    return canonical_title(word)


def _title_word(word: str) -> bool:
    """A word of the title vocabulary: president, minority, leader, Sen ..."""
    canonical = _canonical(word)
    return bool(canonical) and all(piece in TITLE_WORDS for piece in canonical)


def _head_word(word: str) -> bool:
    return any(piece in TITLE_HEADS for piece in _canonical(word))


def _nationality(token: Token) -> bool:
    return token.folded in NATIONALITIES or token.text.lower() in NATIONALITIES


def _runs(tokens: list[Token]) -> list[_Run]:
    runs: list[_Run] = []
    index = 0
    while index < len(tokens):
        if not is_name_word(tokens[index]) or tokens[index].initial:
            index += 1
            continue
        last = index
        words = 0
        while last < len(tokens) and is_name_word(tokens[last]) and words < MAX_NAME_WORDS:
            words += not tokens[last].initial
            last += 1
            if tokens[last - 1].possessive:
                break
            if last < len(tokens) and _adjacent_suffix(tokens, last):
                last += 2  # ", Jr."
                break
        while last > index + 1 and tokens[last - 1].initial:
            last -= 1
        runs.append(_with_context(tokens, index, last))
        index = last
    return runs


def _adjacent_suffix(tokens: list[Token], index: int) -> bool:
    return (index + 1 < len(tokens) and tokens[index].text == ","
            and tokens[index + 1].text.rstrip(".") in ("Jr", "Sr"))


def _with_context(tokens: list[Token], first: int, last: int) -> _Run:
    words = tuple(tokens[i].bare.rstrip(".") if not tokens[i].initial else tokens[i].text
                  for i in range(first, last) if tokens[i].text not in (",",))
    words = tuple(word for word in words if word not in ("Jr", "Sr")) or words
    title, qualifiers = _title_before(tokens, first)
    apposition = False
    if title is None and len([w for w in words if not w.endswith(".")]) >= 2:
        title = _title_after(tokens, last)
        apposition = title is not None
    speech = _speech_next_to(tokens, first, last)
    return _Run(first, last, words, title, qualifiers, apposition, speech)


def _title_before(tokens: list[Token], first: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The title written right before a name: token span of the title, and of its leading qualifiers."""
    index = first - 1
    while index >= 1 and tokens[index].text == "." and tokens[index - 1].folded in COURTESIES:
        index -= 2
    while index >= 0 and tokens[index].folded in COURTESIES:
        index -= 1
    end = index + 1
    if index < 0 or not _title_token(tokens, index):
        return None, None
    while index >= 0 and end - index <= MAX_TITLE_TOKENS:
        token = tokens[index]
        if token.text == "." and index > 0 and tokens[index - 1].folded in ABBREVIATIONS:
            index -= 2
        elif token.possessive:
            break
        elif _title_token(tokens, index) or (token.capitalised and token.folded not in STOP_CAPITALS
                                             and token.bare.isalpha() or _nationality(token)):
            index -= 1
        elif token.folded in ("of", "for", "the") and index > 0 and (
                tokens[index - 1].capitalised or _title_token(tokens, index - 1)
                or tokens[index - 1].folded == "of"):
            index -= 1
        else:
            break
    start = index + 1
    while start < end and tokens[start].folded in ("of", "for", "the"):
        start += 1
    qualifier_end = start
    while qualifier_end < end and (_nationality(tokens[qualifier_end]) or tokens[qualifier_end].possessive):
        qualifier_end += 1
    if qualifier_end < end and tokens[qualifier_end].text == "." and qualifier_end > start:
        qualifier_end += 1
    if not any(_head_word(tokens[i].bare) for i in range(qualifier_end, end)):
        return None, None
    qualifiers = (start, qualifier_end) if qualifier_end > start else None
    return (qualifier_end, end), qualifiers


def _title_token(tokens: list[Token], index: int) -> bool:
    token = tokens[index]
    if token.text == "." and index > 0 and tokens[index - 1].folded in ABBREVIATIONS:
        return True
    return token.text[:1].isalpha() and _title_word(token.bare)


def _title_after(tokens: list[Token], last: int) -> tuple[int, int] | None:
    """An apposition title: ", senior fellow at ...", ", the director of ...". Token span, or None."""
    index = last
    if index >= len(tokens) or tokens[index].text != ",":
        return None
    index += 1
    if index < len(tokens) and tokens[index].folded in ("the", "a", "an"):
        index += 1
    while index < len(tokens) and (_nationality(tokens[index]) or tokens[index].possessive):
        index += 1
    start = index
    while index < len(tokens) and index - start < MAX_TITLE_TOKENS:
        if _title_token(tokens, index):
            index += 1
        elif (tokens[index].folded == "of" and index > start and index + 1 < len(tokens)
              and tokens[index + 1].capitalised and tokens[index + 1].bare.isalpha()):
            index += 2
            while index < len(tokens) and tokens[index].capitalised and tokens[index].bare.isalpha():
                index += 1
            break
        else:
            break
    if index == start or not any(_head_word(tokens[i].bare) for i in range(start, index)):
        return None
    if index < len(tokens) and is_name_word(tokens[index]) and not tokens[index].initial:
        return None  # "Putin, President Biden said": the title is another person's
    return start, index


def _speech_next_to(tokens: list[Token], first: int, last: int) -> bool:
    before = tokens[first - 1].folded if first > 0 else ""
    after = tokens[last].folded if last < len(tokens) else ""
    return before in SPEECH_VERBS or after in SPEECH_VERBS or before == "to" and first > 1 and (
        tokens[first - 2].folded == "according")


@dataclass(frozen=True)
class _Known:
    name: str
    words: tuple[str, ...]
    position: int
    title: tuple[str, ...]


def _full_names(runs: list[_Run], tokens: list[Token]) -> list[_Known]:
    """People introduced by a full name (two words or more) with a title, an apposition or a speech verb."""
    known: list[_Known] = []
    for run in runs:
        names = [word for word in run.words if not word.endswith(".")]
        if len(names) < 2 or not (run.title or run.speech):
            continue
        title = _canonical_span(tokens, run.title) if run.title else ()
        known.append(_Known(" ".join(run.words), tuple(names), tokens[run.first].start, title))
    return known


def _canonical_span(tokens: list[Token], span: tuple[int, int]) -> tuple[str, ...]:
    return tuple(piece for i in range(*span) for piece in _canonical(tokens[i].bare))


def _mention(run: _Run, tokens: list[Token], text: str, known: list[_Known]) -> Mention | None:
    start, end = tokens[run.first].start, tokens[run.last - 1].end
    written = text[start:end]
    if tokens[run.last - 1].possessive:
        written = _POSSESSIVE.sub("", written)
        end = start + len(written)
    names = [word for word in run.words if not word.endswith(".")]
    title = _canonical_span(tokens, run.title) if run.title else ()
    person, how = "", ""
    if len(names) >= 2:
        if run.title or run.speech or any(k.words == tuple(names) for k in known):
            person = " ".join(run.words)
            how = "apposition" if run.apposition else "title" if run.title else (
                "speech verb" if run.speech else "full name")
    else:
        person, how = _resolve_single(names[0] if names else run.words[0], start, title, known)
        if not person and (run.title or run.speech):
            person, how = written, "title" if run.title else "speech verb"
    if not person:
        return None
    title_text, title_start, title_end, qualifiers = "", start, end, ""
    if run.title:
        first_token, last_token = tokens[run.title[0]], tokens[run.title[1] - 1]
        title_text = text[first_token.start:last_token.end]
        if run.apposition:
            title_end = last_token.end
        else:
            title_start = first_token.start
    if run.qualifiers:
        first_token, last_token = tokens[run.qualifiers[0]], tokens[run.qualifiers[1] - 1]
        qualifiers = text[first_token.start:last_token.end]
        title_start = min(title_start, first_token.start)
    return Mention(person, written, start, end, " ".join(title_text.split()), title_start, title_end,
                   qualifiers, how)


def _resolve_single(word: str, position: int, title: tuple[str, ...], known: list[_Known]) -> tuple[str, str]:
    """The full name a one-word mention stands for: the surname's latest full name before it, else the first after."""
    matches = [k for k in known if k.words[-1] == word or (title and k.words[0] == word)]
    if not matches:
        return "", ""
    if title:
        same_title = [k for k in matches if k.title and k.title[-1:] == title[-1:]]
        matches = same_title or matches
    before = [k for k in matches if k.position < position]
    if before:
        return before[-1].name, "surname"
    return matches[0].name, "surname (named later)"


def _inside(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    starts = [start for start, _ in spans]
    index = bisect_right(starts, offset) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]
