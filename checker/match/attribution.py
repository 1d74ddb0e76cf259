"""Matcher for kind `attribution`: does the source give the person the title the claim gives?

The person is `claim.subject` ("Narendra Modi"), the title `claim.expected`
("President"). Every mention of the person (full name, or surname alone) is
found, and the title written right next to it is read:

- before the name: "Prime Minister Modi", "the Russian President Putin",
  "India's Prime Minister, Narendra Modi," (a comma between title and name only
  counts when another comma closes the name, as in an apposition);
- after the name, as an apposition: "Alexander Gabuev, senior fellow at ...",
  "Modi, the prime minister of India," (not when a capitalised name follows the
  title, as in "Putin, President Biden said").

A title is a run of words from a small vocabulary that holds at least one head
word (president, minister, leader, fellow ...). Nationality qualifiers before
it ("Indian", "India's", "U.S.") are not part of it; they are kept in the note.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from checker.index import index_for
from checker.match.common import evidence_for
from checker.match.terms import sentence_spans
from checker.models import Claim, Document, Evidence, Finding, Verdict
from checker.normalize import fold, words

HEADS: frozenset[str] = frozenset(
    """
    president minister chancellor premier senator leader secretary commander general admiral colonel
    fellow spokesperson ambassador envoy king queen prince princess emir sultan pope governor mayor
    representative speaker chair director administrator coordinator adviser chief judge justice
    lady officer professor economist analyst researcher editor correspondent
    """.split()
)
MODIFIERS: frozenset[str] = frozenset(
    """
    prime vice deputy assistant acting former senior junior principal special executive national security
    foreign defense defence interior finance state senate house majority minority press first under
    associate supreme crown attorney lieutenant major rear brigadier commanding army navy military top
    white homeland treasury commerce trade economic strategic communications affairs council external
    """.split()
)
CONNECTORS: frozenset[str] = frozenset({"of", "for"})
ARTICLES: frozenset[str] = frozenset({"a", "an", "the"})
NATIONALITIES: frozenset[str] = frozenset(
    """
    us u.s. usa american america's united states uk u.k. british britain's indian india's russian russia's
    chinese china's ukrainian ukraine's french france's german germany's japanese japan's israeli israel's
    iranian iran's turkish turkey's canadian canada's mexican mexico's brazilian saudi european eu nato
    taiwanese taiwan's korean south north australian italian spanish polish pakistani egyptian
    """.split()
)
ABBREVIATIONS: dict[str, str] = {
    "sen": "senator", "gen": "general", "rep": "representative", "gov": "governor", "amb": "ambassador",
    "adm": "admiral", "lt": "lieutenant", "col": "colonel", "sec": "secretary", "pres": "president",
    "maj": "major", "dir": "director", "prof": "professor",
}
SYNONYMS: dict[str, str] = {
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "advisor": "adviser",
    "chairman": "chair", "chairwoman": "chair", "chairperson": "chair", "congressman": "representative",
    "congresswoman": "representative", "defence": "defense",
}
# Words that make a different office: "Vice President" is not "President".
OFFICE_CHANGERS: frozenset[str] = frozenset(
    "vice deputy assistant acting former under associate lieutenant rear brigadier major crown".split()
)
# Words a claim may leave out of the source's fuller title and still say the same.
HARMLESS: frozenset[str] = frozenset({"senate", "house", "senior", "white"})

COURTESIES: frozenset[str] = frozenset({"dr", "mr", "mrs", "ms", "mx"})
"""Written between a title and a name ("Minister Dr. S. Jaishankar"); not part of the title."""
MAX_INITIALS = 4
"""Tokens of middle initials allowed inside a name ("Antony J. Blinken": "J", ".")."""

_TOKEN = re.compile(r"(?:[a-z]\.){2,}|[\w'\-]+|[^\w\s]", re.UNICODE)
MAX_EVIDENCE = 3


@dataclass(frozen=True)
class Token:
    word: str  # folded
    start: int  # offsets into the original text
    end: int
    capitalised: bool


@dataclass(frozen=True)
class Title:
    """A title read next to one mention of the person."""

    words: tuple[str, ...]  # canonical: "prime", "minister"
    surface: str  # as written: "Prime Minister"
    qualifiers: tuple[str, ...]  # as written: "India's"
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    title: Title | None


def match(claim: Claim, document: Document) -> Finding:
    """What `document` calls the person `claim.subject`, compared with the title `claim.expected`."""
    person = claim.subject.strip()
    claimed = canonical_title(claim.expected)
    if not person or not claimed:
        return Finding(Verdict.NEEDS_REVIEW, 0.0, "an attribution needs the person (subject) and the title (expected)")
    mentions = find_mentions(person, document.text)
    if not mentions:
        return Finding(Verdict.NOT_FOUND, 0.0, f"{person} is not mentioned in the source")
    titled = [mention for mention in mentions if mention.title is not None]
    if not titled:
        times = "once" if len(mentions) == 1 else f"{len(mentions)} times"
        reason = f"{person} is mentioned {times}, never with a title next to the name"
        return Finding(Verdict.NOT_FOUND, 0.0, reason, _evidence(document, mentions))

    by_relation: dict[str, list[Mention]] = {"same": [], "fuller": [], "narrower": [], "different": []}
    for mention in titled:
        by_relation[compare(claimed, mention.title.words)].append(mention)
    wanted = f"'{claim.expected.strip()}'"
    if by_relation["same"]:
        reason = f"the source calls {person} {_surfaces(by_relation['same'])}"
        others = [mention for mention in titled if mention not in by_relation["same"]]
        if others:
            reason += f"; elsewhere also {_surfaces(others)}"
        return Finding(Verdict.SUPPORTED, 1.0, reason, _evidence(document, by_relation["same"]))
    if by_relation["fuller"]:
        found = _surfaces(by_relation["fuller"])
        reason = f"the source calls {person} {found}, a fuller title than {wanted}"
        return Finding(Verdict.PARTIALLY_SUPPORTED, 0.5, reason, _evidence(document, by_relation["fuller"]))
    if by_relation["narrower"]:
        found = _surfaces(by_relation["narrower"])
        reason = f"the source calls {person} only {found}; the claim's {wanted} says more"
        return Finding(Verdict.PARTIALLY_SUPPORTED, 0.5, reason, _evidence(document, by_relation["narrower"]))
    found = _surfaces(by_relation["different"])
    reason = f"the source calls {person} {found}, not {wanted}"
    return Finding(Verdict.CONTRADICTED, 0.0, reason, _evidence(document, by_relation["different"]))


def canonical_title(text: str) -> tuple[str, ...]:
    """The title words of `text`, folded, without articles or nationality.

    "India's Prime Minister" -> ("prime", "minister"); "Sen." -> ("senator",).
    """
    canonical: list[str] = []
    for word in (token.word for token in tokenize(text)):
        if not word[0].isalnum() or word in ARTICLES or _is_qualifier(word):
            continue
        canonical.extend(_canonical_word(part) for part in word.split("-") if part)
    return tuple(canonical)


def compare(claimed: tuple[str, ...], found: tuple[str, ...]) -> str:
    """How a found title relates to the claimed one: same, fuller, narrower or different.

    When one title's words appear, in order, within the other's, the longer one
    adds words: added words that make another office ("Vice", "Deputy") make
    the titles different; words a claim may drop ("Senate" in "Senate Minority
    Leader") keep them the same; otherwise the source's title is "fuller"
    ("Press Secretary" for "Secretary") or the claim's is ("narrower" source:
    "Secretary" for "Secretary of State").
    """
    if claimed == found:
        return "same"
    shorter, longer = sorted((claimed, found), key=len)
    extra = _extra_words(shorter, longer)
    if extra is None or set(extra) & OFFICE_CHANGERS:
        return "different"
    if longer is claimed:
        return "narrower"
    return "same" if set(extra) <= HARMLESS | CONNECTORS else "fuller"


def _extra_words(shorter: tuple[str, ...], longer: tuple[str, ...]) -> list[str] | None:
    """The words of `longer` left over when `shorter` is found in it in order, else None."""
    extra: list[str] = []
    position = 0
    for word in longer:
        if position < len(shorter) and word == shorter[position]:
            position += 1
        else:
            extra.append(word)
    return extra if position == len(shorter) else None


def find_mentions(person: str, text: str) -> list[Mention]:
    """Every mention of `person` in `text` (full name, else surname), with the title next to it.

    Where the person's name is written family name first (Xi Jinping), the first word alone
    counts too, but only with a title before it ("President Xi"): a bare "Xi" is too weak.
    """
    name = [word for word in words(person) if word]
    if not name:
        return []
    read = _read(text)
    mentions = _mentions(read, text, [name, name[-1:]] if len(name) > 1 else [name])
    if not mentions and len(name) > 1:
        mentions = [m for m in _mentions(read, text, [name[:1]]) if m.title is not None]
    return mentions


@dataclass(frozen=True)
class _Read:
    """A text's tokens, and where each word stands (possessive dropped), built once per text."""

    tokens: list[Token]
    positions: dict[str, list[int]]


def _read(text: str) -> _Read:
    return index_for(text).derived("attribution.tokens", _build_read)


def _build_read(text: str) -> _Read:
    tokens = tokenize(text)
    positions: dict[str, list[int]] = {}
    for index, token in enumerate(tokens):
        positions.setdefault(_without_possessive(token.word), []).append(index)
    return _Read(tokens, positions)


def _mentions(read: _Read, text: str, candidates: list[list[str]]) -> list[Mention]:
    """The mentions of the candidate names, left to right; a mention's tokens start no other.

    A name is spelt from its first word on, so only where the inverted index has a
    candidate's first word is a name tried.
    """
    tokens = read.tokens
    starts = sorted({index for candidate in candidates for index in read.positions.get(candidate[0], ())})
    mentions: list[Mention] = []
    index = 0
    for start in starts:
        if start < index:
            continue
        length = _name_at(tokens, start, candidates)
        if length:
            end = start + length
            title = _title_before(tokens, text, start, end) or _title_after(tokens, text, end)
            mentions.append(Mention(tokens[start].start, tokens[end - 1].end, title))
            index = end
    return mentions


def tokenize(text: str) -> list[Token]:
    """Words and punctuation marks of `text`, folded, with original offsets."""
    folded = fold(text)
    tokens: list[Token] = []
    for found in _TOKEN.finditer(folded.text):
        word = found.group().strip("'") if found.group() != "'" else found.group()
        if not word:
            continue
        start, end = folded.span(found.start(), found.end())
        tokens.append(Token(word, start, end, text[start].isupper()))
    return tokens


def _name_at(tokens: list[Token], index: int, candidates: list[list[str]]) -> int:
    """How many tokens at `index` spell one of the candidate names, tried in order; 0 if none.

    The name must be capitalised, so that "power" is no mention of Samantha Power. Middle
    initials may stand between its words ("Antony J. Blinken" for Antony Blinken), and a
    full stop may close an initial of the name itself ("S. Jaishankar").
    """
    if not tokens[index].capitalised:
        return 0
    for candidate in candidates:
        length = _spelled(tokens, index, candidate)
        if length:
            return length
    return 0


def _spelled(tokens: list[Token], index: int, candidate: list[str]) -> int:
    position = index
    for number, word in enumerate(candidate):
        if number:
            skipped = 0
            while (
                position < len(tokens)
                and skipped < MAX_INITIALS
                and _without_possessive(tokens[position].word) != word
                and _initial_or_dot(tokens[position])
            ):
                position += 1
                skipped += 1
        if position >= len(tokens) or _without_possessive(tokens[position].word) != word:
            return 0
        position += 1
    return position - index


def _initial_or_dot(token: Token) -> bool:
    return token.word == "." or (len(token.word) == 1 and token.word.isalpha() and token.capitalised)


def _title_before(tokens: list[Token], text: str, start: int, end: int) -> Title | None:
    index = _before_courtesies(tokens, start - 1)
    if index >= 0 and tokens[index].word == ",":
        closed = end < len(tokens) and tokens[end].word in {",", ")", "-"}
        if not closed:
            return None
        index -= 1
    title_end = index + 1
    while index >= 0:
        if _title_word(tokens, index) is not None:
            index -= 1 if tokens[index].word != "." else 2
        elif tokens[index].word in CONNECTORS and index > 0 and _title_word(tokens, index - 1) is not None:
            index -= 1
        else:
            break
    qualifiers = _qualifiers_before(tokens, text, index)
    before = index - len(qualifiers)
    if qualifiers and title_end > index + 1 and before >= 0 and _title_word(tokens, before) is not None:
        # Title words before a nationality belong to the title: "Deputy U.S. Trade Representative".
        while before >= 0 and _title_word(tokens, before) is not None:
            before -= 1 if tokens[before].word != "." else 2
        return _title(tokens, text, before + 1, title_end, qualifiers)
    return _title(tokens, text, index + 1, title_end, qualifiers)


def _before_courtesies(tokens: list[Token], index: int) -> int:
    """The index before any courtesy title and initials that precede a name ("Dr. S." in "Dr. S. Jaishankar")."""
    while index >= 0:
        word = tokens[index].word
        if word == "." and index > 0 and (tokens[index - 1].word in COURTESIES or _initial_or_dot(tokens[index - 1])):
            index -= 1
        elif word in COURTESIES or (word != "." and _initial_or_dot(tokens[index])):
            index -= 1
        else:
            return index
    return index

def _title_after(tokens: list[Token], text: str, end: int) -> Title | None:
    index = end
    if index >= len(tokens) or tokens[index].word != ",":
        return None
    index += 1
    if index < len(tokens) and tokens[index].word in ARTICLES:
        index += 1
    qualifiers_start = index
    while index < len(tokens) and _is_qualifier(tokens[index].word):
        index += 1
    qualifiers = tuple(text[token.start : token.end] for token in tokens[qualifiers_start:index])
    title_start = index
    while index < len(tokens):
        if _title_word(tokens, index) is not None:
            index += 2 if index + 1 < len(tokens) and _abbreviation_dot(tokens, index) else 1
        elif (
            tokens[index].word in CONNECTORS
            and index + 1 < len(tokens)
            and _title_word(tokens, index + 1) is not None
            and index > title_start
        ):
            index += 1
        else:
            break
    if index < len(tokens) and tokens[index].capitalised and tokens[index].word.isalpha() and index > title_start:
        return None
    return _title(tokens, text, title_start, index, qualifiers)


def _title(tokens: list[Token], text: str, start: int, end: int, qualifiers: tuple[str, ...]) -> Title | None:
    """The title spelled by tokens[start:end], or None when they hold no head word.

    A leading "under" belongs to the title only in "Under Secretary", not in "under President Biden".
    """
    while start < end and tokens[start].word in CONNECTORS:
        start += 1
    if start < end - 1 and tokens[start].word == "under" and _canonical_word(tokens[start + 1].word) != "secretary":
        start += 1
    if start >= end:
        return None
    parts = [tokens[i] for i in range(start, end) if tokens[i].word != "." and not _is_qualifier(tokens[i].word)]
    canonical = tuple(_canonical_word(piece) for token in parts for piece in token.word.split("-") if piece)
    if not any(word in HEADS for word in canonical):
        return None
    first, last = tokens[start], tokens[end - 1]
    return Title(canonical, text[first.start : last.end], qualifiers, first.start, last.end)


def _title_word(tokens: list[Token], index: int) -> str | None:
    """The canonical title word at `index` (a '.' closing an abbreviation reads as the abbreviation)."""
    word = tokens[index].word
    if word == "." and index > 0 and tokens[index - 1].word in ABBREVIATIONS:
        word = tokens[index - 1].word
    pieces = [piece for piece in word.split("-") if piece]
    if pieces and all(_canonical_word(piece) in HEADS | MODIFIERS for piece in pieces):
        return word
    return None


def _abbreviation_dot(tokens: list[Token], index: int) -> bool:
    return tokens[index].word in ABBREVIATIONS and tokens[index + 1].word == "."


def _qualifiers_before(tokens: list[Token], text: str, index: int) -> tuple[str, ...]:
    found: list[Token] = []
    while index >= 0 and _is_qualifier(tokens[index].word):
        found.insert(0, tokens[index])
        index -= 1
    return tuple(text[token.start : token.end] for token in found)


def _is_qualifier(word: str) -> bool:
    return word in NATIONALITIES or (word.endswith("'s") and word[:-2].isalpha())


def _canonical_word(word: str) -> str:
    word = ABBREVIATIONS.get(word, word)
    return SYNONYMS.get(word, word)


def _without_possessive(word: str) -> str:
    return word[:-2] if word.endswith("'s") else word


def _surfaces(mentions: list[Mention]) -> str:
    seen: list[str] = []
    for mention in mentions:
        surface = f"'{mention.title.surface}'"
        if surface not in seen:
            seen.append(surface)
    return " and ".join(seen)


def _evidence(document: Document, mentions: list[Mention]) -> tuple[Evidence, ...]:
    """The sentence around each of the first mentions, with the title read noted."""
    evidence: list[Evidence] = []
    for mention in mentions[:MAX_EVIDENCE]:
        start, end = mention.start, mention.end
        note = "no title next to the name"
        if mention.title is not None:
            start, end = min(start, mention.title.start), max(end, mention.title.end)
            note = f"title: '{mention.title.surface}'"
            if mention.title.qualifiers:
                note += f"; qualifier: {', '.join(mention.title.qualifiers)}"
        evidence.append(evidence_for(document, *_sentence_around(document.text, start, end), note))
    return tuple(evidence)


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) holding [start, end); line breaks inside a sentence do not end it."""
    spans = index_for(text).derived("attribution.sentences", sentence_spans)
    starts = index_for(text).derived("attribution.sentence_starts", lambda t: [s for s, _ in spans])
    at = bisect.bisect_right(starts, start) - 1
    first = spans[at][0] if at >= 0 and start < spans[at][1] else start
    at = bisect.bisect_left(starts, end) - 1
    last = spans[at][1] if at >= 0 and end <= spans[at][1] else end
    return min(first, start), max(last, end)
