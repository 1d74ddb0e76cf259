"""Matcher for kind `quote`: are these someone's words, word for word, and theirs? Pure.

The words are located by `checker.match.align` (exact after folding, else fuzzy with
every inserted, dropped and substituted word named). When the claim names a speaker,
the passage must be theirs: in a transcript, the nearest speaker label before it
("MR. KIRBY:", "Q" for the press); elsewhere, their surname within a few hundred
characters. Words said more than once are checked where the named speaker says them.
Another speaker's words are `needs_review` (score at most 0.5); words the labelled
speaker attributes to the named one (after their name, in quotation marks or after
"said"/"quote") are second-hand: at most `partially_supported` (0.75).

A translated quote (`claim.translated`: the claim's `language` is not English) is at
most `partially_supported`, even word for word: the source's English is one translation
of several. The reason then shows the source's closest wording.

The score is `checker.match.align`'s: the share of the claimed words found unchanged,
bounded by the verdict (1.0 exact, 0.95 same words; at most 0.75 partially supported,
0.5 needs review), then capped by the speaker and translation rules above.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from checker.match.align import PARTIAL_CEILING, REVIEW_CEILING, Assessment, Located, assess, best_placement
from checker.models import Claim, Document, Finding, Verdict
from checker.normalize import Folded, fold, fold_text

NEARBY = 300
"""How far (characters) before or after a passage a speaker's surname is looked for."""

_REPORTED = re.compile(r"\b(?:quote|said|says|say|told|stated|wrote|put it|according to)\b")
_QUOTED = re.compile(r"\u201c([^\u201d]+)\u201d|\"([^\"]+)\"")
_LABEL = re.compile(
    r"^[ \t\u00a0]*(?:(?P<q>Q)[.:]?[ \t\u00a0]|"
    r"(?P<name>[A-Z][A-Z.'\u2019\-]*(?:[ \t\u00a0]+[A-Z][A-Z.'\u2019\-]*){0,5})[ \t\u00a0]*:)",
    re.MULTILINE,
)
TITLES = frozenset(
    {"mr", "ms", "mrs", "miss", "dr", "the", "president", "vice", "secretary", "general", "gen", "admiral",
     "adm", "senator", "sen", "representative", "rep", "ambassador", "amb", "minister", "prime", "foreign",
     "defense", "defence", "state", "spokesperson", "spokesman", "spokeswoman", "press", "moderator",
     "colonel", "col", "captain", "lieutenant", "major", "speaker", "leader", "director", "deputy",
     "assistant", "national", "security", "adviser", "advisor", "operator", "chairman", "chair", "governor",
     "king", "queen", "prince", "first", "lady", "coordinator", "chancellor", "official", "senior",
     "administration", "of", "and"}
)


@dataclass(frozen=True)
class Attribution:
    """Who the source gives a passage to. `status`: 'confirmed', 'other' or 'unconfirmed'."""

    status: str
    detail: str


def match(claim: Claim, document: Document) -> Finding:
    """Whether `document` has the quoted words of `claim`, and from `claim.speaker` when one is named."""
    phrase = quoted_words(claim)
    if not phrase:
        return Finding(Verdict.NEEDS_REVIEW, 0.0, "the claim gives no quoted words to look for")
    folded = fold(document.text)
    located = _placement(phrase, document.text, folded, claim.speaker)
    assessment = assess(located, document, "quote")
    if claim.speaker and assessment.verdict is not Verdict.NOT_FOUND:
        found = [item.alignment for item in located if item.alignment is not None]
        attributions = [attribute(document.text, a.start, a.end, claim.speaker) for a in found]
        assessment = _with_speaker(assessment, attributions, claim.speaker)
    if claim.translated:
        assessment = _as_translation(assessment, claim.language)
    return _finding(assessment)


def quoted_words(claim: Claim) -> str:
    """`claim.expected`, else the words inside quote marks in the claim (several joined as elided)."""
    if claim.expected.strip():
        return claim.expected.strip()
    pieces = [first or second for first, second in _QUOTED.findall(claim.claim)]
    pieces = [piece.strip() for piece in pieces if piece.strip()]
    return " \u2026 ".join(pieces) if pieces else claim.claim.strip()


def attribute(text: str, start: int, end: int, speaker: str) -> Attribution:
    """Whether the passage text[start:end] is given to `speaker` in `text`.

    The nearest speaker label before the passage decides when there is one; otherwise the
    speaker's surname within NEARBY characters confirms it.
    """
    wanted = name_words(speaker)
    found = nearest_label(text, start)
    if found is not None:
        label, label_end = found
        named = name_words(label)
        if named & wanted:
            return Attribution("confirmed", f"labelled '{label}'")
        who = "a question from the press (Q)" if label == "Q" else label
        if _reports(text[max(label_end, start - NEARBY):start], wanted):
            return Attribution("unconfirmed", f"{who} quotes {speaker}; second-hand in this source")
        if not named and label != "Q":
            return Attribution("unconfirmed", f"the passage is labelled '{label}', which names no one")
        return Attribution("other", who)
    if _mentions(text[max(0, start - NEARBY):start] + " " + text[end:end + NEARBY], wanted):
        return Attribution("confirmed", f"{speaker} named within {NEARBY} characters")
    return Attribution("unconfirmed", f"no speaker label or mention of {speaker} near the passage")


def nearest_label(text: str, offset: int) -> tuple[str, int] | None:
    """The last transcript speaker label ("MR. KIRBY", "Q") ending at or before `offset`, and where it ends."""
    ends, labels = _labels(text)
    index = bisect_right(ends, offset)
    return labels[index - 1] if index else None


@lru_cache(maxsize=8)
def _labels(text: str) -> tuple[list[int], list[tuple[str, int]]]:
    """Every speaker label of a text, in order: their end offsets, and (label, end). Found once per text."""
    ends, labels = [], []
    for found in _LABEL.finditer(text):
        label = found.group("q") or found.group("name")
        if label == "Q" or sum(ch.isalpha() for ch in label) >= 2:
            ends.append(found.end())
            labels.append((" ".join(label.split()), found.end()))
    return ends, labels


def name_words(name: str) -> set[str]:
    """The folded words of a name or label, titles left out ("MS. JEAN-PIERRE" -> {"jean-pierre"})."""
    words = (word.strip(".,'\u2019:") for word in fold_text(name).split())
    return {word for word in words if word and word not in TITLES}


def _mentions(text: str, wanted: set[str]) -> bool:
    folded = fold_text(text)
    return any(re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", folded) for word in wanted)


def _reports(before: str, wanted: set[str]) -> bool:
    """Whether `before` (the text leading up to a passage) names the speaker and then reports their words.

    A name followed by an open quotation mark, "quote" or a verb of saying: "Sergey Lavrov
    said, quote, “The Kremlin is ready ...". A name alone ("Dr. Walensky, at what point ...")
    is someone being addressed or mentioned, not quoted.
    """
    folded = fold_text(before)
    mentions = [found.end() for word in wanted
                for found in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", folded)]
    if not mentions:
        return False
    after = folded[max(mentions):]
    return after.count('"') % 2 == 1 or _REPORTED.search(after) is not None


def _placement(phrase: str, text: str, folded: Folded, speaker: str) -> tuple[Located, ...]:
    """Where the quote's fragments sit: where all are found and, with a speaker named, all theirs."""
    if not speaker:
        return best_placement(phrase, text, folded=folded)
    return best_placement(phrase, text, folded=folded,
                          accept=lambda found: attribute(text, found.start, found.end, speaker).status == "confirmed")


def _with_speaker(assessment: Assessment, attributions: list[Attribution], speaker: str) -> Assessment:
    """Cap the verdict by who the source gives the words to."""
    other = [a for a in attributions if a.status == "other"]
    unconfirmed = [a for a in attributions if a.status == "unconfirmed"]
    if other:
        note = f"attributed to {other[0].detail} in the source, not {speaker}"
        if assessment.verdict is Verdict.CONTRADICTED:
            return replace(assessment, reason=f"{assessment.reason}; {note}")
        return replace(assessment, verdict=Verdict.NEEDS_REVIEW, score=min(assessment.score, REVIEW_CEILING),
                       reason=f"{assessment.reason}; but {note}")
    if unconfirmed:
        note = f"speaker not confirmed: {unconfirmed[0].detail}"
        verdict = assessment.verdict
        if verdict is Verdict.SUPPORTED:
            verdict = Verdict.PARTIALLY_SUPPORTED
        return replace(assessment, verdict=verdict, score=min(assessment.score, PARTIAL_CEILING),
                       reason=f"{assessment.reason}; {note}")
    return replace(assessment, reason=f"{assessment.reason}; speaker {attributions[0].detail}")


def _as_translation(assessment: Assessment, language: str) -> Assessment:
    """At most partially supported, with the source's closest wording in the reason."""
    note = f"translation ({language}): the source's English wording is one of several"
    if assessment.verdict is Verdict.NOT_FOUND:
        return replace(assessment, reason=f"{assessment.reason}; {note}, and none close to the claim's was found")
    closest = " \u2026 ".join(" ".join(e.text.split()) for e in assessment.evidence)
    reason = f"{assessment.reason}; {note}; closest wording in the source: \u201c{closest}\u201d"
    if assessment.verdict is Verdict.SUPPORTED:
        return replace(assessment, verdict=Verdict.PARTIALLY_SUPPORTED,
                       score=min(assessment.score, PARTIAL_CEILING), reason=reason)
    return replace(assessment, reason=reason)


def _finding(assessment: Assessment) -> Finding:
    return Finding(assessment.verdict, assessment.score, assessment.reason, assessment.evidence)
