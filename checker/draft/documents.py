"""Named bills, laws and documents in an article: "the Taiwan Policy Act", "H.R. 5376".

A name is a run of capitalised words (with "of", "and", "for", "on", "to" between them, but not
"the": "the Freedom to Vote Act and the John Lewis ... Act" are two names) that ends in a document word (Act, Bill, Law, Treaty, Resolution, Accord, Agreement, Convention,
Charter, Amendment, Protocol, Memorandum, Directive, Executive Order) not followed by another capitalised word ("Yale Law
School" is no law) and may end "of 2022"; a
possessive before it is not part of it ("President Biden's Inflation Reduction Act"). A bill
number ("H.R. 5376", "S. 4428", "S.Res. 12") is a name too. A document word alone ("The Bill
states") names nothing. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADS = r"(?:Act|Bill|Law|Treaty|Resolution|Accords?|Agreement|Convention|Charter|Amendment|Protocol|" \
         r"Memorandum|Directive|Executive\s+Order(?:\s+\d+)?)"
_WORD = r"(?:[A-Z][\w\-]*|[A-Z]{2,})"
_NAME = re.compile(
    rf"(?<![\w'\u2019])(?P<name>{_WORD}(?:\s+(?:(?:of|and|for|on|to)\s+)?{_WORD})*\s+{_HEADS}"
    rf"(?:\s+of\s+\d{{4}})?)\b(?!\s+[A-Z])"
)
_BILL_NUMBER = re.compile(r"\b(?P<name>(?:H\.\s?R\.|S\.|H\.\s?Res\.|S\.\s?Res\.|H\.J\.Res\.|S\.J\.Res\.)\s?\d{1,5})\b")
_SKIP_FIRST = frozenset({"The", "This", "That", "A", "An", "In", "On", "Under", "With", "And", "But", "Its", "Their",
                         "How", "Why", "What", "Because", "By", "From", "For", "Through", "After", "Before"})


@dataclass(frozen=True)
class NamedDocument:
    name: str  # "Taiwan Policy Act"
    start: int
    end: int


def find_documents(text: str, skip: list[tuple[int, int]] = ()) -> list[NamedDocument]:
    """Every mention of a named document outside the spans in `skip`, in order."""
    found: list[NamedDocument] = []
    for pattern in (_NAME, _BILL_NUMBER):
        for hit in pattern.finditer(text):
            start, name = hit.start("name"), hit.group("name")
            name, start = _trimmed(name, start)
            if not name or any(s <= start < e for s, e in skip):
                continue
            found.append(NamedDocument(" ".join(name.split()), start, start + len(name)))
    return sorted(found, key=lambda document: document.start)


def _trimmed(name: str, start: int) -> tuple[str, int]:
    """Drop a sentence opener and anything up to a possessive from the front of a name."""
    possessive = max(name.rfind("'s "), name.rfind("\u2019s "))
    if possessive >= 0:
        cut = possessive + 3
        name, start = name[cut:], start + cut
    words = name.split()
    while len(words) > 1 and (words[0] in _SKIP_FIRST or words[0].lower() in ("of", "and", "for", "the", "on", "to")):
        cut = name.index(words[1], len(words[0]))
        name, start = name[cut:], start + cut
        words = name.split()
    if len(words) < 2:
        return "", start
    return name, start
