"""Matcher for kind `quote`: are these someone's words, word for word, and theirs? Pure.

The words are located by `checker.match.align` (exact after folding, else fuzzy with
every changed word named). When the claim names a speaker, the passage must be theirs:
in a transcript, the nearest speaker label before it ("MR. KIRBY:", "Q" for the press);
elsewhere, their surname within a few hundred characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from checker.match.align import Assessment, Located, assess, locate, locate_fragments
from checker.models import Claim, Document, Finding, Verdict
from checker.normalize import Folded, fold, fold_text

NEARBY = 300
"""How far (characters) before or after a passage a speaker's surname is looked for."""

MAX_OCCURRENCES = 50
"""How many exact occurrences are tried when the first is another speaker's."""

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
    located = locate_fragments(phrase, document.text, folded=folded)
    if claim.speaker:
        located = _prefer_speaker(located, claim.speaker, document.text, folded)
    assessment = assess(located, document, "quote")
    if not claim.speaker or assessment.verdict is Verdict.NOT_FOUND:
        return _finding(assessment)
    found = [item.alignment for item in located if item.alignment is not None]
    attributions = [attribute(document.text, a.start, a.end, claim.speaker) for a in found]
    return _finding(_with_speaker(assessment, attributions, claim.speaker))


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
        if _mentions(text[max(label_end, start - NEARBY):start], wanted):
            return Attribution("unconfirmed", f"{who} quotes {speaker}; second-hand in this source")
        if not named and label != "Q":
            return Attribution("unconfirmed", f"the passage is labelled '{label}', which names no one")
        return Attribution("other", who)
    if _mentions(text[max(0, start - NEARBY):start] + " " + text[end:end + NEARBY], wanted):
        return Attribution("confirmed", f"{speaker} named within {NEARBY} characters")
    return Attribution("unconfirmed", f"no speaker label or mention of {speaker} near the passage")


def nearest_label(text: str, offset: int) -> tuple[str, int] | None:
    """The last transcript speaker label ("MR. KIRBY", "Q") before `offset`, and where it ends."""
    last = None
    for found in _LABEL.finditer(text, 0, offset):
        label = found.group("q") or found.group("name")
        if label == "Q" or sum(ch.isalpha() for ch in label) >= 2:
            last = (" ".join(label.split()), found.end())
    return last


def name_words(name: str) -> set[str]:
    """The folded words of a name or label, titles left out ("MS. JEAN-PIERRE" -> {"jean-pierre"})."""
    words = (word.strip(".,'\u2019:") for word in fold_text(name).split())
    return {word for word in words if word and word not in TITLES}


def _mentions(text: str, wanted: set[str]) -> bool:
    folded = fold_text(text)
    return any(re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", folded) for word in wanted)


def _prefer_speaker(located: tuple[Located, ...], speaker: str, text: str,
                    folded: Folded) -> tuple[Located, ...]:
    """For a one-fragment exact quote said more than once, the occurrence that is the speaker's."""
    if len(located) != 1 or located[0].alignment is None or not located[0].alignment.exact:
        return located
    item = located[0]
    candidate = item.alignment
    for _ in range(MAX_OCCURRENCES):
        if candidate is None or not candidate.exact:
            break
        if attribute(text, candidate.start, candidate.end, speaker).status == "confirmed":
            return (Located(item.fragment, candidate),)
        candidate = locate(item.fragment, text, candidate.end, folded=folded)
    return located


def _with_speaker(assessment: Assessment, attributions: list[Attribution], speaker: str) -> Assessment:
    """Cap the verdict by who the source gives the words to."""
    other = [a for a in attributions if a.status == "other"]
    unconfirmed = [a for a in attributions if a.status == "unconfirmed"]
    if other:
        note = f"attributed to {other[0].detail} in the source, not {speaker}"
        if assessment.verdict is Verdict.CONTRADICTED:
            return replace(assessment, reason=f"{assessment.reason}; {note}")
        return replace(assessment, verdict=Verdict.NEEDS_REVIEW, score=min(assessment.score, 0.5),
                       reason=f"{assessment.reason}; but {note}")
    if unconfirmed:
        note = f"speaker not confirmed: {unconfirmed[0].detail}"
        verdict = assessment.verdict
        if verdict is Verdict.SUPPORTED:
            verdict = Verdict.PARTIALLY_SUPPORTED
        return replace(assessment, verdict=verdict, score=min(assessment.score, 0.75),
                       reason=f"{assessment.reason}; {note}")
    return replace(assessment, reason=f"{assessment.reason}; speaker {attributions[0].detail}")


def _finding(assessment: Assessment) -> Finding:
    return Finding(assessment.verdict, assessment.score, assessment.reason, assessment.evidence)
