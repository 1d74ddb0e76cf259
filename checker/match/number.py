"""Numbers (kinds amount, count, ordinal): is the claim's figure the source's figure for the same thing?

The claim's number is read from `expected` (else the claim) as an interval (`checker.numbers`).
A figure in the source counts only when it is *about the subject*: a subject word is near the figure
when it stands in the same sentence (at most `SENTENCE_WINDOW` words away) or within `WINDOW` words in
the same paragraph (a figure and its subject may straddle a full stop: "our 21st package of security
assistance. This is a $600 million package"). The distinctive subject words (with a digit, "105mm";
all-caps acronyms, "HIMARS") must all be near, and MORE than half of the others: with "at least half",
one common word of a two-word subject ("package" of "drawdown package") would decide alone, and
"his first day ... immigration reform package" would count as a drawdown ordinal. The figure must also
be of the same type: money only against money, an ordinal only against an ordinal, a count against a
plain number (a percentage is its own type). A fuzzy text score never decides a number.

How a source figure S compares with the claim's C:

- S lies within C (the source is at least as precise)             -> supported
- S is "up to X" (or "at most X") and the claim states X itself, plainly or as "about X"
                                                                   -> supported: drawdowns and
  authorities are stated as ceilings ("a drawdown of up to $600 million"); the reason says so.
  A claim that infers from the ceiling ("more than $500 million") is only partially_supported
- S is "about X" and the claim states exactly X                    -> supported: the claim repeats
  the source's figure without its hedge ("approximately $128 million"); the reason says so
- S overlaps C without lying within it (the source is vaguer)      -> partially_supported
- S states the claim's figure with an incompatible qualifier ("more than 440" for "440")
                                                                   -> partially_supported
  (but opposite bounds on one figure, "more than $60 million" for "up to $60 million", contradict)
- none of the above                                                -> contradicted

When several figures are about the subject, the most compatible one wins, nearest first. A supported
figure stays supported beside an incompatible one, since lists put several figures near one subject
("18 HIMARS, 36,000 artillery rounds"); but when the incompatible figure is bound to the subject
(at most `BOUND` words away) the score drops and the reason names it, so a person can look.
A list item's figure is also about the words of its lead-in's last sentence ("... to provide immediate
military assistance to Ukraine:" before "(2) ... drawdown of up to $350 million"), at `WINDOW` words.

Dates are figures too (`checker.numbers.find_dates`: a date is an interval of days). A claim states a
date when its `expected` holds one, or when its claim text holds exactly one. The date is compared
with the source's dates about the same subject by the same rules, by month and day only when either
side gives no year. An `expected` that is only a date is matched as the claim's figure. Beside a
number, the date is checked as well: a source that dates the subject differently makes the claim
`contradicted`, with both dates in the reason; a date from `expected` that the source does not give
(or gives only vaguely) leaves a supported number `partially_supported`; a date only from the claim
text that the source does not give is named in the reason and changes nothing else.

A document's words, sentences, paragraphs and figures, and an inverted index of its word keys, are
built once per text (`checker.index`): a claim reads only the figures near its subject's words.
"""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass, replace
from enum import IntEnum

from checker.index import index_for
from checker.match.common import evidence_for
from checker.match.terms import sentence_spans
from checker.models import Claim, Document, Finding, Kind, Verdict
from checker.normalize import fold_text
from checker.numbers import (
    INF,
    Quantity,
    find_dates,
    find_quantities,
    format_interval,
    format_quantity,
    month_day,
    parse_quantity,
)

WINDOW = 12
"""How many words either side of a figure its subject may stand, across sentences of one paragraph."""

SENTENCE_WINDOW = 40
"""How far, in words, the subject may stand from the figure when both are in the same sentence."""

BOUND = 3
"""A figure at most this many words from its subject is bound to it ("16 HIMARS launchers")."""

EVIDENCE_LIMIT = 400
"""At most this many characters of sentence either side of the figure are kept as evidence."""

_STOP_WORDS = frozenset(
    "a an the of to in on at by for from with and or as is are was were be been this that these those "
    "its it their his her our your my s per via into over under about than".split()
)
_TOKEN = re.compile(r"\w+(?:['\u2019]\w+)*")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_LIST_ITEM = re.compile(r"\s*(?:\\?\(\w{1,3}\\?\)|(?:[0-9]{1,3}|[A-Za-z])[.)]|[-*\u2022\u00b7\u2013])\s")


_RESTATING = ("", "exactly", "about")
"""Qualifiers with which a claim restates a ceiling's figure rather than reasoning from it."""


class _Fit(IntEnum):
    """How one source figure fits the claim's, best last."""

    INCOMPATIBLE = 0
    SAME_FIGURE = 1  # the claim's figure, with a qualifier that excludes it
    VAGUER = 2
    HEDGED = 3  # the source says "about X", the claim X
    CEILING = 4  # the source says "up to X", the claim X or "about X"
    WITHIN = 5


@dataclass(frozen=True)
class _Subject:
    label: str
    distinctive: frozenset[str]
    other: frozenset[str]


@dataclass(frozen=True)
class _Mention:
    quantity: Quantity
    start: int
    end: int
    distance: int  # words between the figure and its nearest subject word
    fit: _Fit


def match(claim: Claim, document: Document) -> Finding:
    """What `document` says about the number (and the date, if one is stated) in `claim`."""
    wanted = parse_quantity(claim.target)
    stated, required = _stated_date(claim)
    if wanted is None and stated is None:
        return Finding(Verdict.NEEDS_REVIEW, 0.0, f"no number in expected {claim.target!r}")
    subject = _subject(claim)
    if not subject.distinctive and not subject.other:
        figure = wanted or stated
        return Finding(Verdict.NEEDS_REVIEW, 0.0,
                       f"no subject to locate {figure.text} by: fill the subject column")
    if wanted is None:
        return _figure(claim, stated, subject, document)
    finding = _figure(claim, wanted, subject, document)
    if stated is None:
        return finding
    return _with_date(finding, _figure(claim, stated, subject, document), stated, subject, required)


def _figure(claim: Claim, wanted: Quantity, subject: _Subject, document: Document) -> Finding:
    """The finding on one figure of the claim (a number or a date)."""
    mentions = _mentions(claim, wanted, subject, document.text)
    if not mentions:
        what = "date" if _is_date(wanted) else "figure"
        return Finding(Verdict.NOT_FOUND, 0.0, f"no {what} for {subject.label} in this source")
    best = max(mentions, key=lambda m: (m.fit, m.quantity.unit == wanted.unit, -m.distance))
    finding = _finding(wanted, subject, best, mentions, document)
    if _is_date(wanted) and best.quantity.unit != wanted.unit:
        side = "source" if best.quantity.unit == "month-day" else "claim"
        finding = replace(finding, reason=f"{finding.reason} (the {side} gives no year: compared by month and day)")
    return finding


def _stated_date(claim: Claim) -> tuple[Quantity | None, bool]:
    """The date the claim states, and whether `expected` states it (then the source must give it)."""
    expected = find_dates(claim.expected)
    if expected:
        return expected[0][0], True
    in_claim = find_dates(claim.claim)
    if len(in_claim) == 1:
        return in_claim[0][0], False
    return None, False


def _with_date(number: Finding, dated: Finding, stated: Quantity, subject: _Subject, required: bool) -> Finding:
    """The number's finding, with what the source says of the claim's date folded in."""
    evidence = number.evidence + tuple(e for e in dated.evidence if e not in number.evidence)
    if dated.verdict is Verdict.CONTRADICTED:
        return Finding(Verdict.CONTRADICTED, dated.score, f"{dated.reason}; the figure: {number.reason}", evidence)
    if dated.verdict is Verdict.NOT_FOUND:
        note = f"the claim's date {stated.text} is not given for {subject.label} in this source"
    else:
        note = f"the date: {dated.reason}"
    reason = f"{number.reason}; {note}"
    if required and number.verdict is Verdict.SUPPORTED and dated.verdict is not Verdict.SUPPORTED:
        return Finding(Verdict.PARTIALLY_SUPPORTED, min(number.score, 0.5), reason, evidence)
    return Finding(number.verdict, number.score, reason, evidence)


def _finding(wanted: Quantity, subject: _Subject, best: _Mention,
             mentions: list[_Mention], document: Document) -> Finding:
    found = _about(best.quantity, subject.label)
    start, end = _sentence_span(document.text, _layout(document.text).sentence_starts, best.start, best.end)
    what = "date" if _is_date(best.quantity) else "number"
    evidence = (evidence_for(document, start, end, f"{what} found: {format_quantity(best.quantity)}"),)
    if best.fit is _Fit.INCOMPATIBLE:
        score = 0.8 if best.distance <= BOUND else 0.6
        return Finding(Verdict.CONTRADICTED, score, f"source says {found} where the claim says {wanted.text}",
                       evidence)
    if best.fit is _Fit.WITHIN:
        verdict = Verdict.SUPPORTED
        exact = best.quantity.low == wanted.low and best.quantity.high == wanted.high
        score = 1.0 if exact else 0.9
        reason = f"source says {found}, as the claim says {wanted.text}"
    elif best.fit is _Fit.CEILING:
        verdict, score = Verdict.SUPPORTED, 0.9
        reason = (f"source says {found}: a ceiling, the way drawdown authorities are stated, "
                  f"and the ceiling is the claim's {wanted.text}")
    elif best.fit is _Fit.HEDGED:
        verdict, score = Verdict.SUPPORTED, 0.9
        reason = f"source says {found}: the claim's {wanted.text}, which the source gives as approximate"
    elif best.fit is _Fit.VAGUER:
        verdict, score = Verdict.PARTIALLY_SUPPORTED, 0.5
        reason = (f"source is vaguer: it says {found}, {format_interval(best.quantity)}, "
                  f"which allows but does not pin down the claim's {wanted.text}")
    else:
        verdict, score = Verdict.PARTIALLY_SUPPORTED, 0.5
        reason = f"source says {found}: the claim's figure {wanted.text}, with a different qualifier"
    conflicting = _conflicting(mentions, subject.label)
    if conflicting:
        reason = f"{reason}; but the source also gives {conflicting}"
        score = round(score - 0.2, 2)
    return Finding(verdict, score, reason, evidence)


def _conflicting(mentions: list[_Mention], label: str) -> str:
    """The incompatible figures bound to the subject, for the reason ('' if none)."""
    texts: list[str] = []
    for mention in mentions:
        if mention.fit is _Fit.INCOMPATIBLE and mention.distance <= BOUND:
            text = _about(mention.quantity, label)
            if text not in texts:
                texts.append(text)
    return ", ".join(texts[:3])


def _about(quantity: Quantity, label: str) -> str:
    if quantity.unit in ("USD", "date", "month-day"):
        return f"{quantity.text} for {label}"
    return f"{quantity.text} {label}"


def _subject(claim: Claim) -> _Subject:
    """The subject's content words, split into the distinctive ones and the rest.

    Without a subject, the claim's own words stand in, less its numbers and dates.
    """
    text = claim.subject
    if not text.strip():
        text = claim.claim
        spans = [(start, end) for _, start, end in find_quantities(text) + find_dates(text)]
        for start, end in sorted(spans, reverse=True):
            text = text[:start] + " " + text[end:]
    distinctive: set[str] = set()
    other: set[str] = set()
    kept: list[str] = []
    for raw in _TOKEN.findall(text):
        key = _key(raw)
        if not key or key in _STOP_WORDS:
            continue
        kept.append(raw)
        if any(c.isdigit() for c in raw) or (len(raw) > 1 and raw.isupper()):
            distinctive.add(key)
        else:
            other.add(key)
    label = " ".join(claim.subject.split()) or " ".join(kept)
    return _Subject(label, frozenset(distinctive), frozenset(other - distinctive))


@dataclass(frozen=True)
class _Layout:
    """A document's words, sentences and paragraphs, built once per text (`checker.index`).

    `positions` is the inverted index: each word key (and each joined "105mm", see `_keys_at`)
    -> the indices of the tokens where it stands, in order.
    """

    starts: array  # where each token starts
    ends: array
    keys: list[str]  # each token's `_key`
    positions: dict[str, list[int]]
    sentence_starts: list[int]
    paragraph_starts: list[int]


@dataclass(frozen=True)
class _Figure:
    """A figure of the document, with where it stands among the words, built once per text."""

    quantity: Quantity
    start: int
    end: int
    first: int  # its first token
    last: int  # the token after it
    sentence: tuple[int, int]
    paragraph: tuple[int, int]
    lead: tuple[int, int] | None  # the tokens of its list item's lead-in, if any


class _Figures:
    """A document's figures (or its dates), in order, with what finds those near a word fast."""

    def __init__(self, figures: list[_Figure]) -> None:
        self.all = figures
        self._by_first = sorted(range(len(figures)), key=lambda number: figures[number].first)
        self._firsts = [figures[number].first for number in self._by_first]
        self._longest = max((figure.last - figure.first for figure in figures), default=0)
        self.led = [number for number, figure in enumerate(figures) if figure.lead is not None]

    def around(self, index: int) -> list[int]:
        """The figures that have the token `index` within `SENTENCE_WINDOW` tokens (the range `_mentions` reads)."""
        low = bisect.bisect_right(self._firsts, index - SENTENCE_WINDOW - self._longest)
        high = bisect.bisect_right(self._firsts, index + SENTENCE_WINDOW)
        return [
            number
            for number in self._by_first[low:high]
            if self.all[number].first - SENTENCE_WINDOW <= index < self.all[number].last + SENTENCE_WINDOW
        ]


def _layout(text: str) -> _Layout:
    return index_for(text).derived("number.layout", _build_layout)


def _build_layout(text: str) -> _Layout:
    starts, ends, keys = array("q"), array("q"), []
    known: dict[str, str] = {}
    for found in _TOKEN.finditer(text):
        word = found.group()
        key = known.get(word)
        if key is None:
            key = known[word] = _key(word)
        starts.append(found.start())
        ends.append(found.end())
        keys.append(key)
    layout = _Layout(starts, ends, keys, {}, _sentence_starts(text),
                     [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)])
    for index in range(len(keys)):
        for key in _keys_at(layout, index):
            layout.positions.setdefault(key, []).append(index)
    return layout


def _figures(text: str, dates: bool) -> _Figures:
    """The document's figures (its dates, when `dates`), built once per text."""
    name = "number.dates" if dates else "number.quantities"
    return index_for(text).derived(name, lambda t: _build_figures(t, find_dates(t) if dates else find_quantities(t)))


def _build_figures(text: str, found: list[tuple[Quantity, int, int]]) -> _Figures:
    layout = _layout(text)
    figures = []
    for quantity, start, end in found:
        paragraph = _enclosing(layout.paragraph_starts, start, len(text))
        lead = _lead_in(text, layout.paragraph_starts, paragraph)
        if lead is not None:
            lead = bisect.bisect_left(layout.starts, lead[0]), bisect.bisect_left(layout.starts, lead[1])
        figures.append(_Figure(quantity, start, end, bisect.bisect_left(layout.starts, start),
                               bisect.bisect_left(layout.starts, end),
                               _enclosing(layout.sentence_starts, start, len(text)), paragraph, lead))
    return _Figures(figures)


def _mentions(claim: Claim, wanted: Quantity, subject: _Subject, text: str) -> list[_Mention]:
    """Every figure in `text` of the claim's type that is about the subject, with its fit."""
    layout = _layout(text)
    needed_other = len(subject.other) // 2 + 1 if subject.other else 0
    mentions: list[_Mention] = []
    for figure in _near_subject(layout, _figures(text, _is_date(wanted)), subject, needed_other):
        quantity = figure.quantity
        if not _same_type(claim, wanted, quantity):
            continue
        distances: dict[str, int] = {}
        for key in subject.distinctive | subject.other:
            distance = _distance(layout, layout.positions.get(key, []), figure)
            if distance is not None:
                distances[key] = distance
        if not subject.distinctive <= distances.keys():
            continue
        present = [k for k in subject.other if k in distances]
        if len(present) < needed_other:
            continue
        near = [distances[k] for k in subject.distinctive | set(present)]
        mentions.append(_Mention(quantity, figure.start, figure.end, min(near), _fit(*_comparable(wanted, quantity))))
    return mentions


def _distance(layout: _Layout, positions: list[int], figure: _Figure) -> int | None:
    """How many words from `figure` the nearest of the tokens at `positions` stands, if it is near enough.

    Near enough: in the figure's sentence at most `SENTENCE_WINDOW` words away, or at most `WINDOW`
    words away in its paragraph, or in the lead-in of its list item (counted as `WINDOW`). Sentence
    and paragraph are runs of words around the figure, so on each side the nearest token is the
    only one to look at: if it is not near enough, none further is.
    """
    found: list[int] = []
    before = bisect.bisect_left(positions, figure.first)
    if before > 0 and figure.first - positions[before - 1] <= SENTENCE_WINDOW:
        index = positions[before - 1]
        if _reads(layout, figure, index, figure.first - index):
            found.append(figure.first - index)
    after = bisect.bisect_left(positions, figure.last)
    if after < len(positions) and positions[after] < figure.last + SENTENCE_WINDOW:
        index = positions[after]
        if _reads(layout, figure, index, index - figure.last + 1):
            found.append(index - figure.last + 1)
    if figure.lead is not None and _holds_one(positions, *figure.lead):
        found.append(WINDOW)
    return min(found) if found else None


def _reads(layout: _Layout, figure: _Figure, index: int, distance: int) -> bool:
    """Whether the token `index`, `distance` words from `figure`, is near enough to say what the figure is about."""
    start = layout.starts[index]
    in_sentence = figure.sentence[0] <= start < figure.sentence[1]
    return in_sentence or (distance <= WINDOW and figure.paragraph[0] <= start < figure.paragraph[1])


def _near_subject(layout: _Layout, figures: _Figures, subject: _Subject, needed_other: int) -> list[_Figure]:
    """The figures, in order, that may be about the subject: a superset of those `_mentions` keeps.

    A figure about the subject has every distinctive word, and `needed_other` of the others,
    within `SENTENCE_WINDOW` tokens or in its lead-in: so it has the rarest distinctive word
    there, or, without distinctive words, one of any `len(other) - needed_other + 1` of the
    others. The inverted index gives where those words stand; only the figures near them are read.
    """
    def count(key: str) -> int:
        return len(layout.positions.get(key, ()))

    if subject.distinctive:
        anchors = [min(subject.distinctive, key=count)]
    else:
        anchors = sorted(subject.other, key=count)[: len(subject.other) - needed_other + 1]
    at = sorted({index for key in anchors for index in layout.positions.get(key, ())})
    if not at:
        return []
    if len(at) < len(figures.all):
        near = {number for index in at for number in figures.around(index)}
    else:
        near = {number for number, figure in enumerate(figures.all) if _close(at, figure)}
    near.update(number for number in figures.led if _close(at, figures.all[number]))
    return [figures.all[number] for number in sorted(near)]


def _close(positions: list[int], figure: _Figure) -> bool:
    """Whether a token at one of the sorted `positions` is in the range `_mentions` reads around `figure`."""
    if _holds_one(positions, figure.first - SENTENCE_WINDOW, figure.last + SENTENCE_WINDOW):
        return True
    return figure.lead is not None and _holds_one(positions, *figure.lead)


def _holds_one(positions: list[int], low: int, high: int) -> bool:
    """Whether one of the sorted `positions` lies in [low, high)."""
    at = bisect.bisect_left(positions, low)
    return at < len(positions) and positions[at] < high


def _lead_in(text: str, paragraph_starts: list[int], paragraph: tuple[int, int]) -> tuple[int, int] | None:
    """The last sentence of the lead-in ("... to Ukraine:") of the list item `paragraph` belongs to, if any.

    A list item is a paragraph opening with "(2)", "2.", "a)", "-", "*" or a bullet; its lead-in is
    the paragraph ending with a colon before the run of items.
    """
    index = bisect.bisect_right(paragraph_starts, paragraph[0]) - 1
    if not _LIST_ITEM.match(text, paragraph[0]):
        return None
    while index > 0:
        index -= 1
        start, end = paragraph_starts[index], paragraph_starts[index + 1]
        body = text[start:end].rstrip()
        if body.endswith(":"):
            sentence = _sentence_starts(body)[-1]
            return start + sentence, start + len(body)
        if not _LIST_ITEM.match(text, start):
            return None
    return None


def _enclosing(starts: list[int], offset: int, length: int) -> tuple[int, int]:
    """The [start, end) of the span, among those beginning at `starts`, that holds `offset`."""
    index = bisect.bisect_right(starts, offset) - 1
    return starts[index], starts[index + 1] if index + 1 < len(starts) else length


def _keys_at(layout: _Layout, index: int) -> tuple[str, ...]:
    """The token's key, and its join with the next token when they touch or are spaced ("105 mm")."""
    key = layout.keys[index]
    if index + 1 < len(layout.keys) and layout.starts[index + 1] - layout.ends[index] <= 1 and key.isdigit():
        return key, key + layout.keys[index + 1]
    return (key,)


def _is_date(quantity: Quantity) -> bool:
    return quantity.unit in ("date", "month-day")


def _comparable(wanted: Quantity, found: Quantity) -> tuple[Quantity, Quantity]:
    """The two figures as they can be compared: dates by month and day when either gives no year."""
    if "month-day" in (wanted.unit, found.unit):
        return month_day(wanted), month_day(found)
    return wanted, found


def _same_type(claim: Claim, wanted: Quantity, found: Quantity) -> bool:
    """Money against money, ordinal against ordinal, a count against a plain number, a date against a date.

    An amount claim written without a currency ("6.5bn") is taken as money.
    """
    if _is_date(wanted) or _is_date(found):
        return _is_date(wanted) and _is_date(found)
    want_ordinal = wanted.ordinal or claim.kind is Kind.ORDINAL
    if found.ordinal != want_ordinal:
        return False
    if wanted.unit == found.unit:
        return True
    return wanted.unit == "" and claim.kind is Kind.AMOUNT and found.unit == "USD"


def _fit(wanted: Quantity, found: Quantity) -> _Fit:
    if _within(found, wanted):
        return _Fit.WITHIN
    if _same(found.value, wanted.value):
        if found.qualifier in ("up to", "at most") and wanted.qualifier in _RESTATING:
            return _Fit.CEILING
        if found.qualifier == "about" and wanted.exact:
            return _Fit.HEDGED
    if _overlap(found, wanted):
        return _Fit.VAGUER
    if _same(found.value, wanted.value) and (found.exact or wanted.exact):
        return _Fit.SAME_FIGURE
    return _Fit.INCOMPATIBLE


def _within(inner: Quantity, outer: Quantity) -> bool:
    """Whether every value `inner` allows, `outer` allows too."""
    low_ok = inner.low > outer.low or (
        _same(inner.low, outer.low) and (inner.low_open or not outer.low_open))
    high_ok = inner.high < outer.high or (
        _same(inner.high, outer.high) and (inner.high_open or not outer.high_open))
    return low_ok and high_ok


def _overlap(a: Quantity, b: Quantity) -> bool:
    low, low_open = (a.low, a.low_open) if a.low > b.low else (b.low, b.low_open)
    if _same(a.low, b.low):
        low, low_open = a.low, a.low_open or b.low_open
    high, high_open = (a.high, a.high_open) if a.high < b.high else (b.high, b.high_open)
    if _same(a.high, b.high):
        high, high_open = a.high, a.high_open or b.high_open
    return low < high or (_same(low, high) and not low_open and not high_open)


def _same(a: float, b: float) -> bool:
    if a == b or INF in (abs(a), abs(b)):
        return a == b
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b))


def _key(word: str) -> str:
    """A folded word with a possessive and a plural folded away: "rounds" -> "round"."""
    word = fold_text(word)
    for suffix in ("'s", "'"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _sentence_starts(text: str) -> list[int]:
    """Where each sentence begins (the shared splitter: hard-wrapped lines stay in one sentence)."""
    return [0] + [start for start, _ in sentence_spans(text)[1:]]


def _sentence_span(text: str, starts: list[int], start: int, end: int) -> tuple[int, int]:
    """The sentence (of those beginning at `starts`) holding [start, end), trimmed, at most
    EVIDENCE_LIMIT characters either side."""
    index = bisect.bisect_right(starts, start) - 1
    left = max(starts[index], start - EVIDENCE_LIMIT)
    right = min(starts[index + 1] if index + 1 < len(starts) else len(text), end + EVIDENCE_LIMIT)
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right
