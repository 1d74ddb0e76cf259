"""Wires the stages: claims -> sources -> documents -> findings -> results.

The source store is injected, so the whole pipeline runs offline in tests. Each URL is
fetched and extracted once, however many claims cite it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date

from checker.extract import UnsupportedContent, extract_document
from checker.fetch.parallel import fetch_all
from checker.fetch.resolve import resolve_source
from checker.fetch.store import Fetched, SourceStore
from checker.match import match
from checker.models import Claim, Document, FailureReason, FetchFailure, Result, SourceCheck
from checker.verdict import decide

Progress = Callable[[str], None]


def verify(claims: Iterable[Claim], store: SourceStore, progress: Progress | None = None,
           workers: int = 8) -> list[Result]:
    """Check every claim against its sources. Never raises on a bad source: failures are data."""
    claims = list(claims)
    documents = load_documents(claims, store, progress, workers)
    return [check_claim(claim, documents) for claim in claims]


def check_claim(claim: Claim, documents: dict[str, Document | FetchFailure]) -> Result:
    checks = tuple(_check_source(claim, url, documents[url]) for url in claim.sources)
    return decide(claim, checks)


def load_documents(
    claims: Iterable[Claim], store: SourceStore, progress: Progress | None = None, workers: int = 8
) -> dict[str, Document | FetchFailure]:
    """Every source the claims cite, fetched (concurrently) and extracted once each."""
    as_of = sources_as_of(claims)

    def load(source: str) -> Document | FetchFailure:
        if progress:
            progress(source)
        where = resolve_source(source, as_of[source], store)
        if isinstance(where, FetchFailure):
            return where
        document = to_document(store.fetch(where.url, as_of=as_of[source]))
        if isinstance(document, FetchFailure):
            return replace(document, url=source) if where.url == source else FetchFailure(
                source, document.reason, f"{document.detail} (read as {where.url})", document.recording)
        if where.url != source:
            document = replace(document, provenance={**document.provenance, "read-as": where.url,
                                                     "resolution": where.reason})
        return document

    return fetch_all(as_of, load, workers)


def sources_as_of(claims: Iterable[Claim]) -> dict[str, date | None]:
    """Each cited URL with the earliest `as_of` of the claims citing it (for an archived snapshot)."""
    dates: dict[str, date | None] = {}
    for claim in claims:
        for url in claim.sources:
            earliest = dates.setdefault(url, None)
            if claim.as_of and (earliest is None or claim.as_of < earliest):
                dates[url] = claim.as_of
    return dates


def to_document(fetched: Fetched | FetchFailure) -> Document | FetchFailure:
    """The extraction stage on a fetched source; content that cannot be read becomes a failure."""
    if isinstance(fetched, FetchFailure):
        return fetched
    recording = fetched.recording
    try:
        document = extract_document(recording.body, recording.content_type, recording.url)
    except UnsupportedContent as exc:
        return FetchFailure(recording.url, FailureReason.ERROR, str(exc), recording=str(fetched.cassette))
    provenance = {**document.provenance, **recording.provenance}
    return replace(
        document,
        title=document.title or provenance.get("title", ""),
        recording=str(fetched.cassette),
        provenance=provenance,
    )


def _check_source(claim: Claim, cited: str, source: Document | FetchFailure) -> SourceCheck:
    if isinstance(source, FetchFailure):
        return SourceCheck(cited, source.reason.value, source.detail, source.recording)
    return SourceCheck(cited, "ok", "", source.recording, source.provenance, match(claim, source))


