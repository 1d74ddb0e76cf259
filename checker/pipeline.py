"""Wires the stages: claims -> sources -> documents -> findings -> results.

The source store is injected, so the whole pipeline runs offline in tests. Each URL is
fetched and extracted once, however many claims cite it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from checker.extract import UnsupportedContent, extract_document
from checker.fetch.store import Fetched, SourceStore
from checker.match import match
from checker.models import Claim, Document, FailureReason, FetchFailure, Result, SourceCheck
from checker.verdict import decide

Progress = Callable[[str], None]


def verify(claims: Iterable[Claim], store: SourceStore, progress: Progress | None = None) -> list[Result]:
    """Check every claim against its sources. Never raises on a bad source: failures are data."""
    claims = list(claims)
    documents = load_documents(_urls(claims), store, progress)
    return [check_claim(claim, documents) for claim in claims]


def check_claim(claim: Claim, documents: dict[str, Document | FetchFailure]) -> Result:
    checks = tuple(_check_source(claim, documents[url]) for url in claim.sources)
    return decide(claim, checks)


def load_documents(
    urls: Iterable[str], store: SourceStore, progress: Progress | None = None
) -> dict[str, Document | FetchFailure]:
    documents: dict[str, Document | FetchFailure] = {}
    for url in urls:
        if progress:
            progress(url)
        documents[url] = to_document(store.fetch(url))
    return documents


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


def _check_source(claim: Claim, source: Document | FetchFailure) -> SourceCheck:
    if isinstance(source, FetchFailure):
        return SourceCheck(source.url, source.reason.value, source.detail, source.recording)
    return SourceCheck(source.url, "ok", "", source.recording, source.provenance, match(claim, source))


def _urls(claims: list[Claim]) -> list[str]:
    return list(dict.fromkeys(url for claim in claims for url in claim.sources))
