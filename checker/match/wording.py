"""Matcher for kind `wording`: does a bill (or other legal text) say these words? Pure.

Same aligner as quotes (`checker.match.align`); the section comes from the passage
locators the extractor gives a bill ("Sec. 201(a)(2)"), and the reason names it, with
the bill's text version ("rs": reported in the Senate) when the document records one.
"""

from __future__ import annotations

from dataclasses import replace

from checker.match.align import assess, locate_fragments
from checker.models import Claim, Document, Finding, Verdict
from checker.normalize import fold


def match(claim: Claim, document: Document) -> Finding:
    """Whether `document` contains the wording `claim.expected` (the claim itself when empty)."""
    phrase = claim.target.strip()
    if not phrase:
        return Finding(Verdict.NEEDS_REVIEW, 0.0, "the claim gives no wording to look for")
    located = locate_fragments(phrase, document.text, folded=fold(document.text))
    assessment = assess(located, document, "wording")
    version = document.provenance.get("bill_version", "")
    if not version:
        return Finding(assessment.verdict, assessment.score, assessment.reason, assessment.evidence)
    evidence = tuple(replace(e, note="; ".join(p for p in (e.note, f"bill version: {version}") if p))
                     for e in assessment.evidence)
    return Finding(assessment.verdict, assessment.score, f"{assessment.reason} (bill version {version})", evidence)
