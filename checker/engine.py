"""Where the checking runs: in this process (`local`) or on a Dask cluster (`dask`).

The Dask engine splits the claims into partitions by the sources they cite: claims that share a
document (directly or through a chain of claims) land in the same partition, so a document is read,
extracted and indexed on the worker that checks its claims. A group of claims larger than its share
of the work is cut into pieces, so that one much-cited document does not keep the other workers
idle; a worker keeps the last documents it read for the run, so each is read once per worker. One
task per partition loads its documents from the recordings and checks its claims with
checker.pipeline's own functions, so the results are those of the local engine, in the input order.

Workers read the recordings themselves: every worker must see the cassettes directory at the path
the client gives (on a real cluster, shared storage mounted at the same absolute path, and
`--cassettes` given as that path). With a record mode other than `none`, the sources are fetched
and recorded here first (the network, the per-host limits and the change detection stay on this
machine); the workers then replay those recordings, and a source whose fetch failed in this run is
handed to them as that failure.

Dask is imported only when the Dask engine runs (`pip install 'checker[dask]'`).
"""

from __future__ import annotations

import logging
import os
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from checker.errors import UsageError
from checker.fetch.parallel import fetch_all
from checker.fetch.resolve import resolve_source
from checker.fetch.store import Fetched, SourceStore
from checker.models import Claim, Document, FetchFailure, Kind, Result
from checker.pipeline import check_claim, load_bill_versions, load_documents, sources_as_of

ENGINES = ("local", "dask")
TASKS_PER_WORKER = 4  # several partitions per worker thread, so a slow one does not leave the others idle
KEPT_DOCUMENTS = 16  # documents a worker keeps for the pieces of a group it checks next

Progress = Callable[[str], None]
Checked = Callable[[Result], None]


class EngineError(UsageError):
    """The Dask engine cannot run: Dask is not installed, or the scheduler cannot be reached."""


def partition(claims: Sequence[Claim], parts: int) -> list[list[int]]:
    """Claim indices in at most `parts` groups; claims sharing a source (even through others) are together,
    unless their group holds more than its share of the claims (total / parts, rounded up): it is then
    cut into pieces of that size.

    Connected groups (a union-find over the sources) and pieces are packed largest first into the
    group with the fewest claims so far. Within a group, indices keep the input order.
    """
    parent: dict[str, str] = {}

    def root(url: str) -> str:
        parent.setdefault(url, url)
        while parent[url] != url:
            parent[url] = parent[parent[url]]
            url = parent[url]
        return url

    for claim in claims:
        for url in claim.sources[1:]:
            parent[root(url)] = root(claim.sources[0])
    components: dict[str, list[int]] = {}
    for index, claim in enumerate(claims):
        key = root(claim.sources[0]) if claim.sources else f"\0{index}"
        components.setdefault(key, []).append(index)
    share = -(-len(claims) // max(parts, 1))
    pieces = [component[start:start + share] for component in components.values()
              for start in range(0, len(component), share)]
    bins: list[list[int]] = [[] for _ in range(max(1, min(parts, len(pieces))))]
    for piece in sorted(pieces, key=len, reverse=True):
        min(bins, key=len).extend(piece)
    return [sorted(group) for group in bins if group]


def check_partition(claims: list[Claim], cassettes: str, absolute: str,
                    failures: dict[str, FetchFailure] | None = None,
                    as_of: dict[str, date | None] | None = None, run: str = "") -> list[Result]:
    """A Dask task: the claims of one partition checked against their recorded sources, in order.

    `cassettes` is the directory as the client named it, `absolute` the same resolved on the client.
    A worker reads it by the name it was given when that is the same directory here (so results
    name the recordings as the local engine does), else by the absolute path, and names them back.
    `failures` are the sources whose fetch failed on the client in this run (record modes), `as_of`
    each source's date over the whole run, and `run` names the run whose documents this worker keeps.
    """
    here = Path(cassettes)
    same = here.is_dir() and here.resolve() == Path(absolute)
    store = _Replay(here if same else Path(absolute), failures or {})
    documents = _documents(claims, store, as_of or sources_as_of(claims), (run or uuid.uuid4().hex, absolute))
    versions = load_bill_versions(claims, documents, store)
    results = [check_claim(claim, documents, versions) for claim in claims]
    return results if same else [_renamed(result, absolute, cassettes) for result in results]


def verify_dask(claims: Iterable[Claim], store: SourceStore, client: Any, progress: Progress | None = None,
                checked: Checked | None = None, workers: int = 8) -> list[Result]:
    """pipeline.verify on a dask.distributed `client`: the same results, in the same order.

    `progress` is called with each source and `checked` with each result, here, as partitions finish.
    """
    from distributed import as_completed

    claims = list(claims)
    if not claims:
        return []
    failures = fetch_here(claims, store, workers) if store.mode != "none" else {}
    threads = sum(client.nthreads().values()) or 1
    groups = partition(claims, threads * TASKS_PER_WORKER)
    cassettes, absolute = str(store.cassettes), str(store.cassettes.resolve())
    as_of, run = sources_as_of(claims), uuid.uuid4().hex
    futures = {}
    for group in groups:
        members = [claims[i] for i in group]
        cited = sources_as_of(members)
        failed = {url: failure for url, failure in failures.items() if url in cited}
        future = client.submit(check_partition, members, cassettes, absolute, failed,
                               {url: as_of[url] for url in cited}, run, pure=False)
        futures[future] = group
    ordered: list[Result | None] = [None] * len(claims)
    reported: set[str] = set()
    for future in as_completed(futures):
        group = futures[future]
        results = future.result()
        for url in sources_as_of(claims[i] for i in group):
            if progress and url not in reported:
                progress(url)
            reported.add(url)
        for index, result in zip(group, results):
            ordered[index] = result
            if checked:
                checked(result)
    return ordered  # type: ignore[return-value]


def fetch_here(claims: list[Claim], store: SourceStore, workers: int = 8) -> dict[str, FetchFailure]:
    """Fetch and record every source as the local engine would (record modes); the fetches that failed.

    The failures are keyed by the URL fetched (a bill's status record or text included), so that a
    worker replaying the recordings meets the same failure where the local engine met it.
    """
    failed: dict[str, FetchFailure] = {}
    logging_store = _Logging(store, failed)
    as_of = sources_as_of(claims)

    def fetch(source: str) -> None:
        where = resolve_source(source, as_of[source], logging_store)
        if not isinstance(where, FetchFailure):
            logging_store.fetch(where.url, as_of=as_of[source])

    fetch_all(as_of, fetch, workers)
    return failed


@contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None, timeout: float = 10.0) -> Iterator[Any]:
    """A dask.distributed Client: of the scheduler at `scheduler`, else of a LocalCluster on this machine
    (`workers` processes, default one per core, one thread each: matching holds the GIL)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise EngineError("the Dask engine needs Dask: pip install 'checker[dask]' "
                          "(or 'dask[distributed]')") from None
    if scheduler:
        try:
            client = Client(scheduler, timeout=timeout)
        except (OSError, TimeoutError, ValueError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); start one with "
                              "`dask scheduler` and `dask worker ADDRESS`, or leave out --scheduler for a "
                              "cluster on this machine") from None
        with client:
            yield client
        return
    cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                           dashboard_address=":0", silence_logs=logging.ERROR)
    with cluster, Client(cluster) as client:
        yield client


def verify_on(engine: str, claims: Iterable[Claim], store: SourceStore, scheduler: str | None = None,
              progress: Progress | None = None, checked: Checked | None = None, workers: int = 8) -> list[Result]:
    """Check the claims on the engine named (`local` or `dask`); `scheduler` is a Dask scheduler's address."""
    from checker.pipeline import verify

    if engine not in ENGINES:
        raise UsageError(f"unknown engine '{engine}'; use one of {', '.join(ENGINES)}")
    if engine == "local":
        if scheduler:
            raise UsageError("--scheduler needs --engine dask")
        return verify(claims, store, progress, workers, checked)
    with dask_client(scheduler) as client:
        return verify_dask(claims, store, client, progress, checked, workers)


_kept: OrderedDict[tuple[str, str, str], Document | FetchFailure] = OrderedDict()
_kept_lock = threading.Lock()


def _documents(claims: list[Claim], store: SourceStore, as_of: dict[str, date | None],
               run: tuple[str, str]) -> dict[str, Document | FetchFailure]:
    """The claims' documents: those this worker read earlier in the run, and the others read now."""
    documents, missing = {}, []
    with _kept_lock:
        for url in sources_as_of(claims):
            if (*run, url) in _kept:
                _kept.move_to_end((*run, url))
                documents[url] = _kept[(*run, url)]
            else:
                missing.append(url)
    if missing:
        reader = Claim("documents", "", Kind.STATEMENT, sources=tuple(missing))
        loaded = load_documents([reader], store, workers=4, as_of=as_of)
        documents.update(loaded)
        with _kept_lock:
            for url, document in loaded.items():
                _kept[(*run, url)] = document
            while len(_kept) > KEPT_DOCUMENTS:
                _kept.popitem(last=False)
    return documents


class _Replay(SourceStore):
    """Replay only; a URL whose fetch failed on the client in this run gives that failure."""

    def __init__(self, cassettes: Path, failures: dict[str, FetchFailure]):
        super().__init__(cassettes)
        self.failures = failures

    def fetch(self, url: str, as_of: date | None = None) -> Fetched | FetchFailure:
        return self.failures.get(url) or super().fetch(url, as_of)


class _Logging:
    """A store that keeps, by URL, each fetch that failed (the rest is the store's own behaviour)."""

    def __init__(self, store: SourceStore, failed: dict[str, FetchFailure]):
        self.store = store
        self.failed = failed

    def fetch(self, url: str, as_of: date | None = None) -> Fetched | FetchFailure:
        outcome = self.store.fetch(url, as_of=as_of)
        if isinstance(outcome, FetchFailure):
            self.failed[url] = outcome
        return outcome

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


def _renamed(result: Result, absolute: str, cassettes: str) -> Result:
    """`result` with the recordings named under `cassettes` rather than `absolute`."""
    def name(text: str) -> str:
        return text.replace(absolute, cassettes)

    sources = tuple(replace(check, recording=name(check.recording), detail=name(check.detail))
                    for check in result.sources)
    return replace(result, sources=sources, reason=name(result.reason))


__all__ = ["ENGINES", "EngineError", "check_partition", "dask_client", "fetch_here", "partition",
           "verify_dask", "verify_on"]
