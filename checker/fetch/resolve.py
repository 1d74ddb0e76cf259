"""A cited source -> the URL whose text is read. Most sources are read as cited; a bill
(an id such as `117-s-4428`, a congress.gov bill page, a govinfo package) is read from
govinfo's bill XML, in the version chosen by the claim's date (see checker.fetch.bills).
"""

from __future__ import annotations

from datetime import date

from checker.fetch.bills import Resolution, parse_bill_reference, resolve_bill
from checker.fetch.store import Fetched, SourceStore
from checker.models import FetchFailure


def resolve_source(source: str, as_of: date | None, store: SourceStore) -> Resolution | FetchFailure:
    """Where to read `source`. The bill status record, when one is needed, goes through the store
    (and so is recorded and replayed like any source); a failure to read it is the source's failure."""
    ref = parse_bill_reference(source)
    if ref is None:
        return Resolution(source, "", "")

    def fetch_bytes(url: str) -> bytes | FetchFailure:
        fetched = store.fetch(url)
        return fetched.recording.body if isinstance(fetched, Fetched) else fetched

    outcome = resolve_bill(ref, as_of, fetch_bytes)
    if isinstance(outcome, FetchFailure):
        return FetchFailure(source, outcome.reason,
                            f"{outcome.detail} (reading the bill's text versions from {outcome.url})",
                            outcome.recording)
    return outcome
