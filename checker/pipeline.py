"""Wires the stages: claims -> sources -> documents -> findings -> results.

The source store is injected, so the whole pipeline runs offline in tests. Each URL is
fetched and extracted once, however many claims cite it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date

from checker.extract import UnsupportedContent, extract_document
from checker.fetch.bills import parse_bill_reference, recorded_versions
from checker.fetch.parallel import fetch_all
from checker.fetch.resolve import resolve_source
from checker.fetch.store import Fetched, SourceStore
from checker.match import match
from checker.models import Claim, Document, FailureReason, FetchFailure, Kind, Result, SourceCheck, Verdict
from checker.verdict import decide

Progress = Callable[[str], None]


BillVersions = dict[str, tuple[tuple[str, Document], ...]]


def verify(claims: Iterable[Claim], store: SourceStore, progress: Progress | None = None,
           workers: int | None = None, checked: Callable[[Result], None] | None = None,
           engine: str = "local", scheduler: str | None = None) -> list[Result]:
    """Check every claim against its sources. Never raises on a bad source: failures are data.

    `progress` is called with each source once it is read (from the fetching threads),
    `checked` with each claim's result. `engine="dask"` runs the checking on a Dask cluster, the
    one at `scheduler` or one on this machine, with the same results (see checker.engine).
    `workers`: sources fetched at once (default: store.workers_for the cited sources).
    """
    claims = list(claims)
    workers = workers or store.workers_for(sources_as_of(claims))
    if engine != "local" or scheduler:
        from checker.engine import verify_on

        return verify_on(engine, claims, store, scheduler, progress, checked, workers)
    documents = load_documents(claims, store, progress, workers)
    versions = load_bill_versions(claims, documents, store)
    results = []
    for claim in claims:
        results.append(check_claim(claim, documents, versions))
        if checked:
            checked(results[-1])
    return results


def check_claim(claim: Claim, documents: dict[str, Document | FetchFailure],
                versions: BillVersions | None = None) -> Result:
    versions = versions or {}
    checks = tuple(_check_source(claim, url, documents[url], versions.get(url, ())) for url in claim.sources)
    return decide(claim, checks)


def load_documents(
    claims: Iterable[Claim], store: SourceStore, progress: Progress | None = None, workers: int | None = None,
    as_of: dict[str, date | None] | None = None,
) -> dict[str, Document | FetchFailure]:
    """Every source the claims cite, fetched (concurrently) and extracted once each.

    `as_of` gives each source's date when these claims are part of a larger run (default: theirs).
    """
    as_of = sources_as_of(claims) if as_of is None else {url: as_of[url] for url in sources_as_of(claims)}

    def load(source: str) -> Document | FetchFailure:
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

    def load_and_report(source: str) -> Document | FetchFailure:
        try:
            return load(source)
        finally:
            if progress:
                progress(source)

    return fetch_all(as_of, load_and_report, workers or store.workers_for(as_of))


def load_bill_versions(claims: list[Claim], documents: dict[str, Document | FetchFailure],
                       store: SourceStore) -> BillVersions:
    """For each bill a wording claim cites, the other text versions that are recorded (read offline only)."""
    replay = SourceStore(store.cassettes)
    versions: BillVersions = {}
    for source in {url for claim in claims if claim.kind is Kind.WORDING for url in claim.sources}:
        ref = parse_bill_reference(source)
        document = documents[source]
        if ref is None or isinstance(document, FetchFailure):
            continue
        read = document.provenance.get("read-as", source)
        others = []
        for code, url in recorded_versions(ref, replay.is_recorded):
            other = to_document(replay.fetch(url)) if url != read else None
            if isinstance(other, Document):
                others.append((code, other))
        if others:
            versions[source] = tuple(others)
    return versions


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


def _check_source(claim: Claim, cited: str, source: Document | FetchFailure,
                  versions: tuple[tuple[str, Document], ...] = ()) -> SourceCheck:
    if isinstance(source, FetchFailure):
        return SourceCheck(cited, source.reason.value, source.detail, source.recording)
    finding = match(claim, source)
    if versions:
        finding = replace(finding, reason=f"{finding.reason}; {_versions_note(claim, source, versions)}")
    return SourceCheck(cited, "ok", "", source.recording, source.provenance, finding)


def _versions_note(claim: Claim, read: Document, others: tuple[tuple[str, Document], ...]) -> str:
    """Which recorded text versions of a bill hold the claimed wording."""
    holding, lacking = [], []
    for code, document in ((read.provenance.get("bill_version", "read"), read), *others):
        (holding if match(claim, document).verdict is Verdict.SUPPORTED else lacking).append(code)
    note = f"recorded versions with this wording: {', '.join(holding) or 'none'}"
    return note + (f"; without it: {', '.join(lacking)}" if lacking else "")


