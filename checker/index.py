"""One index per document text, built once however many claims cite it. Pure: no I/O.

Matchers derive things from a document's whole text: the folded text, its words
with their offsets, sentence spans, the figures it states, the terms of each
sentence. Derived again for every claim, these cost seconds on a 5 MB document;
derived once, the next claim gets them for nothing. `index_for(text)` gives the one
`DocumentIndex` of a text (the last few texts are kept), and
`DocumentIndex.derived(name, build)` keeps whatever a matcher derives from it:

    layout = index_for(document.text).derived("number.layout", _layout)

`build` is called with the text, once per name; `name` must say everything the
result depends on besides the text (include the passage bounds when they matter).
`builds` counts the builds, so a test can check that a document was indexed once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable
from functools import lru_cache
from typing import TypeVar

from checker.normalize import Folded, fold

T = TypeVar("T")

builds: Counter[Hashable] = Counter()
"""How many times each derived structure (and "folded") was built in this process."""


class DocumentIndex:
    """What matchers derive from one document text, each built on first use."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._derived: dict[Hashable, object] = {}

    @property
    def folded(self) -> Folded:
        return self.derived("folded", fold)

    def derived(self, name: Hashable, build: Callable[[str], T]) -> T:
        """`build(text)`, built once for this text under `name`."""
        if name not in self._derived:
            self._derived[name] = build(self.text)
            builds[name] += 1
        return self._derived[name]  # type: ignore[return-value]


@lru_cache(maxsize=8)
def index_for(text: str) -> DocumentIndex:
    """The index of `text`; the same object for the same text while it is among the last 8."""
    return DocumentIndex(text)
