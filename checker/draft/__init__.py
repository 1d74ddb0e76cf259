"""Drafting claims from an article: the first claims.csv, for a person to correct and complete.

    draft_claims(text, existing=()) -> list[DraftRow]     article text -> draft rows, in article order
    to_csv(rows) -> str                                   the rows as a claims.csv (checker.claims.COLUMNS)

Each row has the claims.csv columns; `claim` holds the sentence the row comes from, `sources` is
empty (the person adds them), and `notes` says why the row was drafted and how its speaker or
subject was read, so a reviewer can keep, fix or drop it quickly. Rows drafted:

- `quote`: every direct quotation of three words or more, with its speaker (checker.draft.quotes);
- `wording`: quoted words of a bill or its provisions;
- `amount`, `count`, `ordinal`: every figure outside quotations, with its subject (checker.draft.figures);
- `attribution`: the title given to each person named in full (checker.draft.people), once per
  person and title, the title without its leading nationality (expected) and the person (subject);
- `statement`: the first sentence naming each bill, law or document (checker.draft.documents).

`existing` (the claims of a claims.csv given to --merge) are not drafted again, and no new id
collides with theirs. A row is already there when it has the same kind and the same expected
words (or claim, when expected is empty) after folding; for an attribution also the same person,
since "President" is the title of many; for a statement the same subject, or the same sentence
and a subject that holds the other's words ("Taiwan Policy Act" in "Taiwan Policy Act (S.4428)"). A figure is
compared as a quantity: the same interval, unit and ordinal ("36,000" is "36,000"; "dozens of
miles" is "dozens"), of the same thing (the subjects, or a noun written in expected, share a word).
Pure: no I/O.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

from checker.claims import COLUMNS
from checker.draft import documents, figures, people, quotes
from checker.extract.text import paragraph_spans
from checker.match.terms import sentence_spans
from checker.models import Claim, Kind
from checker.normalize import fold_text, words
from checker.numbers import parse_quantity

__all__ = ["DraftRow", "draft_claims", "to_csv", "already_present", "KIND_ORDER"]

KIND_ORDER = (Kind.ATTRIBUTION, Kind.QUOTE, Kind.WORDING, Kind.STATEMENT, Kind.AMOUNT, Kind.COUNT, Kind.ORDINAL)
MAX_ID_WORDS = 2
_STOP_IN_IDS = frozenset(
    "a an the of to and in on at for is are was were be been has have had will would it its that this i we you "
    "they he she our their".split()
)


@dataclass(frozen=True)
class DraftRow:
    """One drafted claims.csv row; `start` is where its evidence is in the article (for ordering)."""

    id: str
    claim: str
    kind: Kind
    expected: str = ""
    subject: str = ""
    speaker: str = ""
    sources: str = ""
    as_of: str = ""
    notes: str = ""
    language: str = ""
    start: int = 0

    def cells(self) -> dict[str, str]:
        values = asdict(self)
        values["kind"] = self.kind.value
        return {column: str(values[column]) for column in COLUMNS}


@dataclass(frozen=True)
class _Candidate:
    kind: Kind
    claim: str
    expected: str
    subject: str
    speaker: str
    notes: str
    start: int
    slug: str  # the readable part of the id, before it is made unique


def draft_claims(text: str, existing: Sequence[Claim] = ()) -> list[DraftRow]:
    """Draft rows for the checkable claims of an article's text, leaving out those in `existing`."""
    candidates = _candidates(text)
    taken = {claim.id for claim in existing}
    rows: list[DraftRow] = []
    kept: list[_Candidate] = []
    for candidate in candidates:
        if already_present(candidate, existing) or already_present(candidate, kept):
            continue
        kept.append(candidate)
        row_id = _unique(candidate.slug, taken)
        taken.add(row_id)
        rows.append(DraftRow(row_id, candidate.claim, candidate.kind, candidate.expected, candidate.subject,
                             candidate.speaker, notes=candidate.notes, start=candidate.start))
    return rows


def to_csv(rows: Iterable[DraftRow]) -> str:
    """The rows as claims.csv text, header first."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row.cells())
    return out.getvalue()


def already_present(row: _Candidate | DraftRow | Claim, existing: Iterable[_Candidate | DraftRow | Claim]) -> bool:
    """Whether `existing` holds a row saying the same as `row` (see the module docstring)."""
    return any(_same(row, other) for other in existing)


def _same(row, other) -> bool:
    if Kind(row.kind) is not Kind(other.kind):
        return False
    kind = Kind(row.kind)
    if kind is Kind.STATEMENT and not (row.expected and other.expected):
        if row.subject and _key(row.subject) == _key(other.subject):
            return True
        return _key(row.claim) == _key(other.claim) and _subject_within(row.subject, other.subject)
    if kind in (Kind.AMOUNT, Kind.COUNT, Kind.ORDINAL):
        return _same_figure(row, other)
    if _key(row.expected or row.claim) != _key(other.expected or other.claim):
        return False
    if kind is Kind.ATTRIBUTION:
        return _key(row.subject) == _key(other.subject)
    return True


def _same_figure(row, other) -> bool:
    """The same quantity (interval, unit, ordinal) of the same thing: subjects, or a noun in expected, share a word."""
    mine, theirs = parse_quantity(row.expected or row.claim), parse_quantity(other.expected or other.claim)
    if mine is None or theirs is None:
        return _key(row.expected or row.claim) == _key(other.expected or other.claim)
    if (mine.low, mine.high, mine.unit, mine.ordinal) != (theirs.low, theirs.high, theirs.unit, theirs.ordinal):
        return False
    subject = f"{row.expected.replace(mine.text, ' ')} {row.subject}"
    other_subject = f"{other.expected.replace(theirs.text, ' ')} {other.subject}"
    if words(subject) and words(other_subject):
        return _share_word(subject, other_subject)
    return _key(row.claim) == _key(other.claim)


def _subject_within(first: str, second: str) -> bool:
    """Whether one subject's words are all among the other's (or either is empty)."""
    a, b = set(words(first)), set(words(second))
    return not a or not b or a <= b or b <= a


def _key(text: str) -> str:
    return " ".join(words(text))


def _share_word(first: str, second: str) -> bool:
    """Whether two subjects share a content word (a plural "s" aside)."""
    def content(text: str) -> set[str]:
        return {word.rstrip("s") for word in words(text) if word not in _STOP_IN_IDS and len(word) > 2}
    return bool(content(first) & content(second))


def _candidates(text: str) -> list[_Candidate]:
    paragraphs = paragraph_spans(text)
    sentences = [span for start, end in paragraphs for span in sentence_spans(text, start, end)]
    spans = quotes.quote_spans(text, paragraphs)
    quoted = sorted(span.outer for span in spans)
    mentions = people.find_people(text, quoted)
    named = documents.find_documents(text, quoted)
    found: list[_Candidate] = []
    found += _attributions(text, mentions, sentences)
    found += _quotes(text, spans, mentions, paragraphs, sentences, named)
    found += _documents(text, named, sentences)
    found += _figures(text, paragraphs, quoted, sentences)
    order = {kind: number for number, kind in enumerate(KIND_ORDER)}
    return sorted(found, key=lambda c: (c.start, order[c.kind]))


def _attributions(text: str, mentions: list[people.Mention], sentences) -> list[_Candidate]:
    found = []
    for mention in mentions:
        if not mention.title or len(mention.person.split()) < 2 or mention.person != mention.written:
            continue
        qualifier = f"; qualifier '{mention.qualifiers}' left out" if mention.qualifiers else ""
        where = "after the name, in apposition" if mention.how == "apposition" else "before the name"
        notes = f"title given to a named person ({where}){qualifier}"
        found.append(_Candidate(Kind.ATTRIBUTION, _sentence(text, sentences, *mention.span), mention.title,
                                mention.person, "", notes, mention.span[0],
                                f"title-{_slug(mention.person)}"))
    return found


def _quotes(text: str, spans: list[quotes.QuoteSpan], mentions, paragraphs, sentences,
            named: list[documents.NamedDocument]) -> list[_Candidate]:
    claims: list[tuple[quotes.QuoteSpan, ...]] = []
    found: list[_Candidate] = []
    for group in quotes.join_interrupted(text, spans):
        why_not = "" if len(group) > 1 else quotes.short_or_name(text, group[0])
        if not why_not:
            claims.append(group)
        elif why_not == "scare quote" and len(words(text[group[0].start:group[0].end])) == 2:
            wording = _short_wording(text, group[0], sentences, named)
            if wording is not None:
                found.append(wording)
    for quote in quotes.attribute(text, claims, mentions, paragraphs, sentences):
        sentence = _sentence(text, sentences, quote.start, quote.end)
        speaker = quote.speaker
        notes = "; ".join((f"speaker: {speaker.how}" if speaker.name else speaker.how, *quote.notes))
        if speaker.kind == "wording":
            document = _document_before(named, quote.start)
            found.append(_Candidate(Kind.WORDING, sentence, quote.words, document, "",
                                    f"quoted words of a document: {notes}", quote.start,
                                    f"wording-{_words_slug(quote.words)}"))
            continue
        who = _slug(speaker.name.split()[-1]) if speaker.name else "unattributed"
        found.append(_Candidate(Kind.QUOTE, sentence, quote.words, "", speaker.name, f"direct quotation; {notes}",
                                quote.start, f"quote-{who}-{_words_slug(quote.words)}"))
    return found


def _short_wording(text: str, span: quotes.QuoteSpan, sentences, named) -> _Candidate | None:
    """A two-word quotation in a sentence about a document's provisions, as a wording row; else None."""
    sentence = _sentence(text, sentences, *span.outer)
    outside = sentence.replace(" ".join(text[span.opening:span.outer[1]].split()), " ")
    if not quotes.DOCUMENT_WORDS.search(outside):
        return None
    phrase = " ".join(text[span.start:span.end].split())
    notes = ("a two-word quoted phrase in a sentence about a document's provisions: check whether it is the "
             "document's wording (one- and two-word quotations are otherwise left out as scare quotes)")
    return _Candidate(Kind.WORDING, sentence, phrase, _document_before(named, span.start), "", notes, span.opening,
                      f"wording-{_words_slug(phrase)}")


def _documents(text: str, named: list[documents.NamedDocument], sentences) -> list[_Candidate]:
    found, seen = [], set()
    for document in named:
        key = _key(document.name)
        if key in seen:
            continue
        seen.add(key)
        notes = ("names a bill, law or document: check what the sentence says of it against the document "
                 "(a bill's text: its govinfo XML or a bill id such as 117-s-4428 in sources)")
        found.append(_Candidate(Kind.STATEMENT, _sentence(text, sentences, document.start, document.end), "",
                                document.name, "", notes, document.start, f"doc-{_words_slug(document.name, 5)}"))
    return found


def _figures(text: str, paragraphs, quoted, sentences) -> list[_Candidate]:
    found = []
    for figure in figures.find_figures(text, paragraphs, quoted):
        number = _slug(re.sub(r"^(?:more than|at least|about|nearly|up to|less than|at most|over|some|around|"
                              r"approximately|almost|roughly|an?)\s+", "", figure.expected.lower().replace(",", "")))
        subject = f"-{_words_slug(figure.subject, 1)}" if figure.subject and figure.kind is not Kind.AMOUNT else ""
        subject_note = f" of '{figure.subject}'" if figure.subject else "; no subject found: fill it in"
        found.append(_Candidate(figure.kind, _sentence(text, sentences, figure.start, figure.end), figure.expected,
                                figure.subject, "", f"{figure.why}{subject_note}", figure.start,
                                f"{figure.kind.value}-{number}{subject}"))
    return found


def _document_before(named: list[documents.NamedDocument], offset: int) -> str:
    before = [document.name for document in named if document.start < offset]
    return before[-1] if before else ""


def _sentence(text: str, sentences: list[tuple[int, int]], start: int, end: int) -> str:
    """The sentence(s) holding [start, end), white space collapsed."""
    first = min((s for s, e in sentences if s <= start < e), default=start)
    last = max((e for s, e in sentences if s < end <= e), default=end)
    return " ".join(text[min(first, start):max(last, end)].split())


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", fold_text(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _words_slug(text: str, count: int = MAX_ID_WORDS) -> str:
    """A few content words of a text as an id part: "ukrainians-need-more"."""
    picked = [word for word in words(text) if word not in _STOP_IN_IDS][:count] or words(text)[:count]
    return _slug(" ".join(picked)) or "x"


def _unique(slug: str, taken: set[str]) -> str:
    slug = re.sub(r"-+", "-", slug).strip("-") or "claim"
    if not slug[0].isalnum():
        slug = "c" + slug
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate
