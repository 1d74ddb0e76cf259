"""Direct quotations in an article and who says them.

Quotation marks: curly (U+201C/U+201D), guillemets and straight double quotes (an opening mark
when none is open, else a closing one). Single quotes are left alone: U+2019 is also the
apostrophe. Rules, each general (nothing here knows an article):

- a quotation left open at the end of a paragraph continues in the next paragraph when that one
  opens with a quotation mark (the convention for a quote running over paragraphs), and keeps the
  speaker; a quotation left open and followed by another opening mark ends there, without a
  trailing narration clause (", adding,") that belongs to the article;
- a quotation interrupted by its attribution, "“A,” he said, “b.”" (the words between end in a
  comma), is one quote, its parts joined with " … " as the quote matcher reads an elision;
- the speaker, in order: the attribution right after the closing mark ("McConnell said",
  "said Senator Marco Rubio", "he added", "according to ..."); right before the opening mark
  ("Senator Marco Rubio added, “", "He added that “", "X, senior fellow at Y, commented “");
  a narration participle (", adding, “") or a continued quotation takes the previous quote's
  speaker; a quotation with no attribution of its own takes the speaker of the quote before it in
  the same paragraph; a sentence before it that ends with a colon or opens with "<person> said";
  last, the only person named in the quote's sentence (a guess, said so in the note);
- "he"/"she" is the person named last before it in the paragraph, else the previous quote's
  speaker; a surname is the full name written earlier (checker.draft.people);
- words attributed to a bill, law or provision ("The Bill states that “...”", or a sentence about
  "provisions" with no person speaking) are a `wording` claim, not a quote;
- a quotation of one or two words is a scare quote or a term ("the 21st such “drawdown”"), not a
  quote claim; two words in a sentence about a bill or its provisions ("a “defensive manner”") are
  kept as a `wording` claim, since they may be the document's words; a quotation in title case
  ("“Building a Better America” initiative") names something and is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.draft.people import PRONOUNS, SPEECH_PARTICIPLES, SPEECH_VERBS, STOP_CAPITALS, Mention
from checker.normalize import words as folded_words

OPENING = "\u201c\u00ab\u201e"
CLOSING = "\u201d\u00bb"
STRAIGHT = '"'
ELISION = " \u2026 "
MIN_QUOTE_WORDS = 3
MAX_ATTRIBUTION_WORDS = 6
"""Words allowed between a speech verb and the opening mark ("told reporters on Tuesday that")."""

_VERBS = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
_PARTICIPLES = "|".join(sorted(SPEECH_PARTICIPLES, key=len, reverse=True))
_ADVERB = r"(?:[a-z]+ly\s+)?"
_TRAILING_NARRATION = re.compile(
    rf"[,;]\s*(?:and\s+)?(?:(?:{_PARTICIPLES})|(?:he|she|they|[A-Z][\w'\u2019\-]+(?:\s+[A-Z][\w'\u2019\-]+)*)"
    rf"\s+{_ADVERB}(?:{_VERBS}))\s*[,:]?\s*$"
)
_VERB_FIRST = re.compile(rf"^[\s,]*{_ADVERB}(?:(?P<verb>{_VERBS})|according\s+to)\s+(?:the\s+)?")
_PRONOUN_FIRST = re.compile(rf"^[\s,]*(?P<pronoun>he|she)\s+{_ADVERB}(?:{_VERBS})\b", re.IGNORECASE)
_VERB_AFTER_NAME = re.compile(rf"\s*{_ADVERB}(?:{_VERBS})\b")
_ORGANISATION_FIRST = re.compile(
    rf"^[\s,]*(?:the\s+)?(?P<who>[A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*){{0,4}})\s+{_ADVERB}(?:{_VERBS})\b")
_ORGANISATION_AFTER_VERB = re.compile(
    rf"^[\s,]*{_ADVERB}(?:{_VERBS}|according\s+to)\s+(?:the\s+)?(?P<who>[A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*){{0,4}})")
_VERB = re.compile(rf"\b(?:{_VERBS})\b")
_REST_BREAK = re.compile(r"[.!?;\u201c\u201d\"\u00ab\u00bb]")
_PARTICIPLE_BEFORE = re.compile(rf"^[\s,;]*(?:and\s+)?(?:{_PARTICIPLES})(?:\s+that)?\s*[,:]?\s*$", re.IGNORECASE)
_PRONOUN_BEFORE = re.compile(rf"\b(?P<pronoun>[Hh]e|[Ss]he)\s+{_ADVERB}$")
DOCUMENT_SUBJECT = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)\s+(?:[A-Z][\w\-]*\s+)*(?:bill|act|law|legislation|measure|text|"
    r"memorandum|memo|order|resolution|provision|section|amendment|treaty|agreement|statute|"
    r"Bill|Act|Law|Resolution|Treaty|Agreement|Memorandum|Order|Section|Amendment)\s+$"
)
DOCUMENT_WORDS = re.compile(
    r"\b(?:bills?|legislation|provisions?|sections?|clauses?|amendments?|statutes?|the\s+act|the\s+law|"
    r"Act|Bill|Law)\b"
)
_TITLE_CASE_SMALL = frozenset("a an and as at but by for from in into of on or the to with".split())


@dataclass(frozen=True)
class QuoteSpan:
    """One quotation as marked in the text. `start`/`end` span the quoted words."""

    start: int
    end: int
    opening: int  # offset of the opening mark
    closing: int  # offset of the closing mark, -1 when the article never closes it
    paragraph: int
    continued: bool = False  # goes on from the open quotation of the paragraph before
    cut: bool = False  # ended by another opening mark, not by a closing one

    @property
    def closed(self) -> bool:
        return self.closing >= 0

    @property
    def outer(self) -> tuple[int, int]:
        """The quotation with its marks."""
        return self.opening, (self.closing + 1 if self.closed else self.end)


@dataclass(frozen=True)
class Speaker:
    name: str  # "" when none was found
    how: str  # why: "attribution after the quote: 'McConnell said'"
    kind: str = "quote"  # "quote" or "wording" (words of a document)
    mention: Mention | None = None


@dataclass(frozen=True)
class Quote:
    """A quotation drafted as a claim: its words, parts and speaker."""

    words: str  # as the article writes them, white space collapsed; parts joined with " … "
    parts: tuple[QuoteSpan, ...]
    speaker: Speaker
    attribution_end: int  # where the attribution read after the quote ends (the quote's end if none)
    notes: tuple[str, ...] = field(default=())

    @property
    def start(self) -> int:
        return self.parts[0].opening

    @property
    def end(self) -> int:
        return max(self.parts[-1].outer[1], self.attribution_end)


def quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Every quotation in `text`, paragraph by paragraph, in order."""
    spans: list[QuoteSpan] = []
    for number, (start, end) in enumerate(paragraphs):
        open_at: int | None = None
        opens_paragraph = text[start] in OPENING + STRAIGHT
        continued = (bool(spans) and spans[-1].paragraph == number - 1 and not spans[-1].closed
                     and not spans[-1].cut and opens_paragraph)
        for offset in range(start, end):
            char = text[offset]
            if char in OPENING or (char == STRAIGHT and open_at is None):
                if open_at is not None:
                    spans.append(_span(text, open_at, offset, -1, number, continued and not spans_in(spans, number),
                                       cut=True))
                open_at = offset
            elif char in CLOSING or (char == STRAIGHT and open_at is not None):
                if open_at is not None:
                    spans.append(_span(text, open_at, offset, offset, number,
                                       continued and not spans_in(spans, number)))
                    open_at = None
        if open_at is not None:
            spans.append(_span(text, open_at, end, -1, number, continued and not spans_in(spans, number)))
    return spans


def spans_in(spans: list[QuoteSpan], paragraph: int) -> bool:
    return any(span.paragraph == paragraph for span in spans)


def _span(text: str, opening: int, stop: int, closing: int, paragraph: int, continued: bool,
          cut: bool = False) -> QuoteSpan:
    start, end = opening + 1, stop
    if cut:
        narration = _TRAILING_NARRATION.search(text, start, end)
        if narration:
            end = narration.start()
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return QuoteSpan(start, end, opening, closing, paragraph, continued, cut)


def short_or_name(text: str, span: QuoteSpan) -> str:
    """Why a quotation is no quote claim ('' when it is one): a scare quote or a name in title case."""
    quoted = text[span.start:span.end]
    count = len(folded_words(quoted))
    if count < MIN_QUOTE_WORDS:
        return "scare quote"
    raw = re.findall(r"[^\W\d_][\w'\u2019\-]*", quoted)
    content = [word for word in raw if word.lower() not in _TITLE_CASE_SMALL]
    if content and all(word[0].isupper() for word in content) and quoted.rstrip()[-1:] not in ".?!\u2026":
        return "title case"
    return ""


def join_interrupted(text: str, spans: list[QuoteSpan]) -> list[tuple[QuoteSpan, ...]]:
    """The quotations grouped: “A,” he said, “b.” is one group of two parts, any other one part."""
    groups: list[list[QuoteSpan]] = []
    for span in spans:
        if groups and _interrupted(text, groups[-1][-1], span):
            groups[-1].append(span)
        else:
            groups.append([span])
    return [tuple(group) for group in groups]


def attribute(text: str, groups: list[tuple[QuoteSpan, ...]], mentions: list[Mention],
              paragraphs: list[tuple[int, int]], sentences: list[tuple[int, int]]) -> list[Quote]:
    """The quotations (groups from `join_interrupted`) as quotes with their speakers, in order.

    `groups` are the quotations that are quote claims; `mentions` the people named outside them.
    """
    spans = [span for group in groups for span in group]
    quotes: list[Quote] = []
    for parts in groups:
        span = parts[0]
        previous = quotes[-1] if quotes else None
        speaker, attribution_end = _speaker(text, span, spans, spans.index(span), previous, mentions, paragraphs,
                                            sentences)
        words = ELISION.join(" ".join(text[part.start:part.end].split()) for part in parts)
        notes = []
        if not parts[-1].closed:
            notes.append("the article never closes this quotation")
        if len(parts) > 1:
            notes.append("interrupted by its attribution; parts joined with ' \u2026 '")
        if span.continued:
            notes.append("continues the quotation of the paragraph before")
        quotes.append(Quote(words, parts, speaker, attribution_end if len(parts) == 1 else parts[-1].outer[1],
                            tuple(notes)))
    return quotes


def _interrupted(text: str, first: QuoteSpan, second: QuoteSpan) -> bool:
    """“A,” he said, “b.”: the words between two quotations of a paragraph are an attribution ending in a comma."""
    if not first.closed or first.paragraph != second.paragraph:
        return False
    between = text[first.closing + 1:second.opening].strip()
    return (between.endswith(",") and not re.search(r"[.!?;\u2026]", between.replace("Dr.", "").replace("Mr.", ""))
            and len(between.split()) <= 8 and bool(_VERB.search(between)))


def _speaker(text: str, span: QuoteSpan, spans: list[QuoteSpan], index: int, previous: Quote | None,
             mentions: list[Mention], paragraphs: list[tuple[int, int]],
             sentences: list[tuple[int, int]]) -> tuple[Speaker, int]:
    paragraph_start, paragraph_end = paragraphs[span.paragraph]
    scope = (paragraphs[span.paragraph - 1][0] if span.paragraph else paragraph_start, paragraph_start)
    later = [s.opening for s in spans[index + 1:] if s.paragraph == span.paragraph]
    if span.closed:
        after_end = min([paragraph_end, *later])
        found = _after(text, span.closing + 1, after_end, mentions, span, previous, scope)
        if found is not None:
            return found
    earlier = [s for s in spans[:index] if s.paragraph == span.paragraph]
    before_start = max(paragraph_start, _sentence_start(sentences, span.opening),
                       *(s.outer[1] if s.closed else s.end for s in earlier))
    found = _before(text, before_start, span.opening, mentions, span, previous, scope)
    if found is not None:
        return found, span.outer[1]
    if span.continued and previous is not None and previous.speaker.name:
        return Speaker(previous.speaker.name, "the speaker of the quotation it continues",
                       previous.speaker.kind, previous.speaker.mention), span.outer[1]
    if earlier and previous is not None and previous.speaker.name and previous.parts[-1].paragraph == span.paragraph \
            and not _people_between(mentions, previous.end, span.opening):
        return Speaker(previous.speaker.name, "no attribution of its own; the quote before it in the paragraph is "
                       f"{previous.speaker.name}'s", previous.speaker.kind, previous.speaker.mention), span.outer[1]
    sentence = _sentence_text(text, sentences, span, spans)
    if DOCUMENT_WORDS.search(sentence):
        return Speaker("", "the sentence is about a document's provisions and names no one speaking", "wording"), \
            span.outer[1]
    found = _sentence_before(text, span, paragraphs, sentences, mentions, previous)
    if found is not None:
        return found, span.outer[1]
    alone = _only_person(mentions, sentences, span)
    if alone is not None:
        return Speaker(alone.person, f"a guess: no speech verb next to the quote; {alone.written} is the only "
                       "person named in its sentence", mention=alone), span.outer[1]
    return Speaker("", "no attribution found; fill in the speaker"), span.outer[1]


def _after(text: str, start: int, end: int, mentions: list[Mention], span: QuoteSpan, previous: Quote | None,
           scope: tuple[int, int]) -> tuple[Speaker, int] | None:
    """The attribution right after the closing mark: "McConnell said", "said Senator Marco Rubio", "she added"."""
    after = text[start:end]
    for mention in mentions:
        if not start <= mention.span[0] < end:
            continue
        lead = text[start:mention.span[0]]
        if re.fullmatch(r"[\s,]*(?:the\s+)?", lead) and _VERB_AFTER_NAME.match(text, mention.end, end):
            verb = _VERB_AFTER_NAME.match(text, mention.end, end)
            return _said(mention, f"attribution after the quote: '{_squash(text[mention.span[0]:verb.end()])}'"), \
                verb.end()
        verb_first = _VERB_FIRST.match(lead)
        if verb_first and verb_first.end() == len(lead):
            return _said(mention, f"attribution after the quote: '{_squash(lead.strip(' ,'))} "
                                  f"{_squash(text[mention.span[0]:mention.span[1]])}'"), mention.span[1]
        break
    pronoun = _PRONOUN_FIRST.match(after)
    if pronoun:
        resolved = _pronoun(pronoun.group("pronoun"), start, mentions, previous, scope)
        if resolved is not None:
            return resolved, start + pronoun.end()
    organisation = _ORGANISATION_FIRST.match(after) or _ORGANISATION_AFTER_VERB.match(after)
    if organisation and not _PRONOUN_FIRST.match(after):
        who = " ".join(organisation.group("who").split())
        if who.lower() not in PRONOUNS and _organisation_like(who):
            return Speaker(who, f"attribution after the quote: '{_squash(organisation.group(0).strip(' ,'))}' "
                                "(not a person named in the article)"), start + organisation.end()
    return None


def _organisation_like(who: str) -> bool:
    """A capitalised speaker that is not a person named in the article: "the Pentagon", "White House"."""
    first = who.split()[0]
    return first.lower() not in STOP_CAPITALS and not re.search(r"['\u2019]", who)


def _before(text: str, start: int, end: int, mentions: list[Mention], span: QuoteSpan, previous: Quote | None,
            scope: tuple[int, int]) -> Speaker | None:
    """The attribution right before the opening mark: "Rubio added, “", "He added that “", ", adding, “"."""
    before = text[start:end]
    if _PARTICIPLE_BEFORE.match(before) and previous is not None and previous.speaker.name:
        return Speaker(previous.speaker.name, f"'{_squash(before.strip(' ,;'))}' before the quote continues "
                       f"the previous quote's speaker", previous.speaker.kind, previous.speaker.mention)
    verbs = list(_VERB.finditer(before))
    if not verbs:
        return None
    verb, rest = verbs[-1], before[verbs[-1].end():]
    if _REST_BREAK.search(rest) or not _short_rest(rest):
        return None
    verb_at = start + verb.start()
    phrase = _squash(text[max(start, verb_at - 60):end].strip(" ,:"))
    subject = text[start:verb_at]
    if DOCUMENT_SUBJECT.search(subject):
        document = DOCUMENT_SUBJECT.search(subject).group(0).strip()
        return Speaker("", f"words attributed to a document: '{_squash(document)} {verb.group()}'", "wording")
    nearby = [m for m in mentions if start <= m.span[0] and m.end <= verb_at]
    adjacent = [m for m in nearby if re.fullmatch(rf"\s*(?:,\s*)?{_ADVERB}", text[m.end:verb_at])]
    if adjacent:
        return _said(adjacent[-1], f"attribution before the quote: '{phrase}'")
    pronoun = _PRONOUN_BEFORE.search(subject)
    if pronoun:
        resolved = _pronoun(pronoun.group("pronoun"), start + pronoun.start(), mentions, previous, scope)
        if resolved is not None:
            return Speaker(resolved.name, f"attribution before the quote: '{phrase}'; {resolved.how}",
                           mention=resolved.mention)
    if nearby:
        return _said(nearby[0], f"attribution before the quote: '{phrase}'")
    return None


def _short_rest(rest: str) -> bool:
    """Whether the words between a speech verb and the opening mark are few: "told Putin that", "added,"."""
    cleaned = re.sub(r"(?:\bthat)?[\s,:]*$", "", rest)
    return len(cleaned.split()) <= MAX_ATTRIBUTION_WORDS


def _sentence_before(text: str, span: QuoteSpan, paragraphs: list[tuple[int, int]], sentences: list[tuple[int, int]],
                     mentions: list[Mention], previous: Quote | None) -> Speaker | None:
    """A sentence just before the quote that introduces it: ending in a colon, or "<person> said ...". """
    opening_sentence = _sentence_start(sentences, span.opening)
    earlier = [s for s in sentences if s[1] <= opening_sentence]
    if not earlier:
        return None
    start, end = earlier[-1]
    if any(c in text[start:end] for c in OPENING + CLOSING + STRAIGHT):
        return None
    if end < paragraphs[span.paragraph][0] and not text[start:end].rstrip().endswith(":"):
        return None
    if text[start:end].rstrip().endswith(":"):
        found = _before(text, start, end - 1 if text[end - 1] == ":" else end, mentions, span, previous,
                        (start, start))
        if found is not None:
            return Speaker(found.name, f"the sentence before the quote introduces it: {found.how}", found.kind,
                           found.mention)
    for mention in mentions:
        if start <= mention.span[0] < end:
            if re.fullmatch(r"\s*", text[start:mention.span[0]]) and _VERB_AFTER_NAME.match(text, mention.end, end):
                return _said(mention, "the sentence before the quote says "
                             f"'{_squash(text[start:_VERB_AFTER_NAME.match(text, mention.end, end).end()])}'")
            break
    return None


def _said(mention: Mention, how: str) -> Speaker:
    if mention.person != mention.written:
        how += f"; {mention.written} = {mention.person}, named {'later' if 'later' in mention.how else 'earlier'}"
    return Speaker(mention.person, how, mention=mention)


def _pronoun(pronoun: str, at: int, mentions: list[Mention], previous: Quote | None,
             scope: tuple[int, int]) -> Speaker | None:
    """'he'/'she': the person named last before it in its paragraph, else in the paragraph before, else
    the speaker of a quote in the paragraph before; None when there is none so near (no guess further back).

    A lone capitalised word next to a speech verb ("Catholics say") is a speaker, but too weak a name
    for a pronoun to stand for.
    """
    previous_start, paragraph_start = scope
    mentions = [m for m in mentions if len(m.person.split()) > 1 or m.how != "speech verb"]
    for start, where in ((paragraph_start, "in its paragraph"), (previous_start, "in the paragraph before")):
        named = [m for m in mentions if start <= m.start < at]
        if named:
            mention = named[-1]
            return Speaker(mention.person, f"'{pronoun}' is {mention.person}, named last before it {where}",
                           mention=mention)
    if previous is not None and previous.speaker.name and previous.start >= previous_start:
        return Speaker(previous.speaker.name, f"'{pronoun}' is {previous.speaker.name}, the previous quote's speaker",
                       mention=previous.speaker.mention)
    return None


def _people_between(mentions: list[Mention], start: int, end: int) -> bool:
    return any(start <= m.start < end for m in mentions)


def _only_person(mentions: list[Mention], sentences: list[tuple[int, int]], span: QuoteSpan) -> Mention | None:
    start = _sentence_start(sentences, span.opening)
    end = max((e for s, e in sentences if s <= span.outer[1] - 1 < e), default=span.outer[1])
    people = {m.person: m for m in mentions if start <= m.start < end}
    return next(iter(people.values())) if len(people) == 1 else None


def _sentence_start(sentences: list[tuple[int, int]], offset: int) -> int:
    return max((s for s, e in sentences if s <= offset), default=0)


def _sentence_text(text: str, sentences: list[tuple[int, int]], span: QuoteSpan, spans: list[QuoteSpan]) -> str:
    """The quote's sentence with every quotation in it taken out."""
    start = _sentence_start(sentences, span.opening)
    end = max((e for s, e in sentences if s <= span.outer[1] - 1 < e), default=span.outer[1])
    pieces, cursor = [], start
    for other in spans:
        first, last = other.outer
        if last <= start or first >= end:
            continue
        pieces.append(text[cursor:max(cursor, first)])
        cursor = max(cursor, last)
    pieces.append(text[cursor:end])
    return " ".join(pieces)


def _squash(text: str) -> str:
    return " ".join(text.split())
