"""Figures in an article: amounts of money, counts with their noun, ordinals, vague quantities.

Every quantity `checker.numbers.find_quantities` reads outside quotations is a figure, with
its kind (money or a percentage -> amount, "21st" -> ordinal, else count), the words that state
it with their qualifier ("more than $50 billion", "tens of thousands") and its subject, the noun
phrase it counts:

- after the figure: "36,000 rounds of 105mm artillery", "hundreds of drones", "15 HIMARS missile
  launchers"; for money, the phrase after "in"/"for"/"of" and a recipient after "to"/"for"
  ("$600 million in weapons to Ukraine" -> "weapons to Ukraine"); for an ordinal the noun after
  it, past "such" and quotation marks ("the 21st such “drawdown”" -> "drawdown");
- a figure written with a hyphen into a compound keeps it: "six-month-old invasion" -> expected
  "six-month-old", subject "invasion of Ukraine".

Left out, as not claims: dates and times (numbers.py skips them), years (1800-2100 written without
a thousands comma), numbers of things named by number ("Section 506", "H.R. 5376", "Title 10",
"22 U.S.C. 2321k", "COVID-19"), "one"/"a" alone, a list number opening a line, "first" except as
"the first <noun>", the century of "the 21st century", and a count or ordinal with no noun after
it ("12", "Second, ..."): there is nothing to check it against. Money is kept without a subject. Figures inside a quotation are the speaker's: the quote claim checks them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.models import Kind
from checker.numbers import Quantity, find_quantities, format_interval

MAX_SUBJECT_WORDS = 6

_NOUN_STOP: frozenset[str] = frozenset(
    """
    that which who whom whose to in into for from with without since by on at as than per via over under
    after before during through across against between among is are was were be been being has have had
    will would could should may might can must do does did not this these those it its their his her our
    your my we they he she i you including each every if when while where because so but yet also already
    now then there here today yesterday tomorrow ago last next the a an or and of such about around more
    less nearly almost some many much most
    """.split()
)
_LEADING_SKIP = frozenset({"such", "additional", "further", "more", "new", "other", "of"})
_MONEY_LINKS = ("in", "for", "of", "worth")
_RECIPIENT_LINKS = ("to", "for")
_IDENTIFIER_BEFORE = re.compile(
    r"(?:\b(?:(?i:section|sec|subsection|title|article|chapter|rule|form|room|route|flight|resolution|order|"
    r"amendment|law|part|paragraph|subparagraph|clause|item|annex|exhibit|volume|vol|covid|executive\s+order)"
    r"|No|Nos|H\.\s?R|S|P\.\s?L|Pub\.\s?L|U\.S\.C|CFR|C\.F\.R)\.?|\u00a7|#)\s*$"
)
_TOKEN = re.compile(r"[\u201c\u201d\"\u2018']|[\w$%][\w\-$%.,'\u2019]*[\w%]|[\w$%]|[^\w\s]")
_COMPOUND = re.compile(r"(?:-[A-Za-z]+)+")


@dataclass(frozen=True)
class Figure:
    kind: Kind
    expected: str  # the words stating it, qualifier included: "more than $50 billion"
    subject: str  # the noun phrase it counts: "rounds of 105mm artillery" ('' when none)
    start: int
    end: int
    quantity: Quantity
    why: str  # "an amount of money", "a count of things", ...


def find_figures(text: str, paragraphs: list[tuple[int, int]], skip: list[tuple[int, int]]) -> list[Figure]:
    """The figures of each paragraph, in order, outside the spans in `skip` (quotations)."""
    figures: list[Figure] = []
    for start, end in paragraphs:
        paragraph = text[start:end]
        for quantity, first, last in find_quantities(paragraph):
            at, stop = start + first, start + last
            if any(s <= at < e for s, e in skip):
                continue
            figure = _figure(text, quantity, at, stop, start)
            if figure is not None:
                figures.append(figure)
    return figures


def _figure(text: str, quantity: Quantity, start: int, end: int, paragraph_start: int) -> Figure | None:
    if _left_out(text, quantity, start, end, paragraph_start):
        return None
    compound = _COMPOUND.match(text, end) if not quantity.unit and not quantity.ordinal else None
    expected_end = compound.end() if compound else end
    expected = re.sub(r"\s+of$", "", " ".join(text[start:expected_end].split()))
    if quantity.ordinal:
        kind, why = Kind.ORDINAL, "an ordinal"
        subject = _noun_phrase(text, expected_end)
    elif quantity.unit in ("USD", "%"):
        kind = Kind.AMOUNT
        why = "an amount of money" if quantity.unit == "USD" else "a percentage"
        subject = _money_subject(text, expected_end)
    else:
        kind = Kind.COUNT
        why = "a vague quantity" if not quantity.exact and not quantity.qualifier else "a count of things"
        subject = _noun_phrase(text, expected_end)
    if kind is not Kind.AMOUNT and subject.lower() in ("", "one", "ones"):
        return None  # "12", "Second, ...", "the first one": no noun to check the figure against
    if quantity.ordinal and (subject.split()[:1] == ["century"]):
        return None
    if quantity.ordinal and quantity.value == 1 and not _first_with_noun(text, start, subject):
        return None
    if not quantity.exact:
        why += f", read as {format_interval(quantity)}"
    return Figure(kind, expected, subject, start, expected_end, quantity, why)


def _left_out(text: str, quantity: Quantity, start: int, end: int, paragraph_start: int) -> bool:
    words = quantity.text.lower()
    if words in ("one", "a", "an"):
        return True
    if (not quantity.unit and not quantity.ordinal and quantity.exact and not quantity.qualifier
            and "," not in quantity.text and 1800 <= quantity.value <= 2100):
        return True  # a year: "2022", "two thousand twenty-two"
    if _IDENTIFIER_BEFORE.search(text, max(paragraph_start, start - 25), start):
        return True
    if re.match(r"\s+(?:U\.\s?S\.\s?C|C\.\s?F\.\s?R|CFR|Stat)\b", text[end:end + 12]):
        return True  # "22 U.S.C. 2318": a title of the Code
    if text.startswith("(", end) or (end < len(text) and (text[end].isalnum() or text[end] in "/")):
        return True  # "506(a)(1)", "9/11"
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() and re.match(r"[.)]", text[end:end + 1]):
        return True  # a list number
    return False


def _first_with_noun(text: str, start: int, subject: str) -> bool:
    """"the first time", "their first meeting": an ordinal claim; "at first", "First Lady": not one."""
    before = text[max(0, start - 12):start].lower().split()
    return bool(subject) and bool(before) and before[-1] in ("the", "their", "its", "his", "her", "our") \
        and text[start].islower()


def _tokens(text: str, start: int, limit: int = 160) -> list[str]:
    window = text[start:start + limit]
    return _TOKEN.findall(window)


def _noun_phrase(text: str, start: int) -> str:
    """The noun phrase from `start`: words up to a function word or punctuation (one "of" and one "and" allowed)."""
    tokens = [token for token in _tokens(text, start) if token not in "\u201c\u201d\"\u2018'"]
    while tokens and tokens[0].lower() in _LEADING_SKIP:
        tokens.pop(0)
    phrase: list[str] = []
    used_of = used_and = False
    for index, token in enumerate(tokens):
        lower = token.lower()
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if not re.match(r"[\w$%]", token) or len(phrase) >= MAX_SUBJECT_WORDS:
            break
        if lower == "of" and phrase and not used_of and _content(following):
            used_of = True
            phrase.append(token)
            continue
        if lower == "of" and phrase and not used_of and following.lower() == "the":
            used_of = True
            phrase.append(token)
            continue
        if lower == "the" and phrase and phrase[-1].lower() == "of":
            phrase.append(token)
            continue
        if lower in ("and", "or") and phrase and not used_and and _content(following) and not following[:1].isdigit():
            used_and = True
            phrase.append(token)
            continue
        if lower in _NOUN_STOP or (phrase and re.fullmatch(r"[\d,.]+", token)) or re.search(r"n['\u2019]t$", lower):
            break
        if phrase and _participle(token, following):
            break
        phrase.append(token)
    while phrase and phrase[-1].lower() in ("of", "and", "or", "the"):
        phrase.pop()
    return " ".join(phrase)


def _participle(token: str, following: str) -> bool:
    """A verb form ending a noun phrase: "refineries owned by", "troops protecting the"."""
    lower = token.lower()
    if "-" in token or len(lower) <= 4:
        return False
    if lower.endswith("ed"):
        return True
    return lower.endswith("ing") and following.lower() in _DETERMINERS


_DETERMINERS = frozenset("the a an their its his her our your this that these those up out to".split())


def _money_subject(text: str, start: int) -> str:
    """What money is for: the phrase after "in"/"for"/"of" ("$600 million in weapons"), with a recipient after "to"."""
    rest = text[start:start + 160]
    link = re.match(r"\s+(?:worth\s+of|in|for|of)\s+", rest)
    phrase_start = start + (link.end() if link else 0)
    phrase = _noun_phrase(text, phrase_start)
    if not phrase:
        return ""
    after = text.find(phrase.split()[-1], phrase_start) + len(phrase.split()[-1])
    recipient = re.match(r"\s+(?:to|for)\s+((?:the\s+)?[A-Z][\w\-'\u2019]*(?:\s+[A-Z][\w\-'\u2019]*){0,3})", text[after:after + 80])
    if recipient:
        phrase += " " + " ".join(recipient.group(0).split())
    return phrase


def _content(token: str) -> bool:
    return bool(token) and bool(re.match(r"[\w$%]", token)) and token.lower() not in _NOUN_STOP
