"""Fetch many URLs at once. The per-host limits live in the client; this only runs the calls.

Ctrl-C cancels every fetch not yet started and is raised again at once; fetches already
under way finish their current request in their worker thread (give the client a close()
call to cut their retries short, as HttpClient has).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import TypeVar

from checker.fetch.politeness import host_key
from checker.models import FailureReason, FetchFailure

T = TypeVar("T")

# A signal that lands just as the main thread starts to block can go unseen until the block
# ends, so the main thread wakes this often to take a pending Ctrl-C.
_POLL = 0.1


def fetch_all(urls: Iterable[str], fetch: Callable[[str], T], workers: int = 8) -> dict[str, T | FetchFailure]:
    """`fetch` run once for every distinct URL, concurrently; results keyed by URL in input order.

    The calls start host by host in turn (see interleaved()), whatever the input order.

    An exception from one call becomes FetchFailure(url, ERROR, "internal error: <type>")
    so that the others finish; KeyboardInterrupt (and other BaseExceptions) still escape.
    """
    distinct = list(dict.fromkeys(urls))
    if not distinct:
        return {}
    executor = ThreadPoolExecutor(max_workers=max(1, min(workers, len(distinct))), thread_name_prefix="fetch")
    try:
        futures = {url: executor.submit(fetch, url) for url in interleaved(distinct)}
        pending = set(futures.values())
        while pending:
            _, pending = wait(pending, timeout=_POLL)
    except BaseException:
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    executor.shutdown(wait=True)
    return {url: _result(url, futures[url]) for url in distinct}


def interleaved(urls: list[str]) -> list[str]:
    """`urls` taken in turn from each host (round robin), each host's own order kept.

    Started in this order, workers spread over hosts instead of queueing behind one
    host's per-host limit while the others sit idle.
    """
    by_host: dict[str, list[str]] = {}
    for url in urls:
        by_host.setdefault(host_key(url), []).append(url)
    queues = list(by_host.values())
    return [queue[turn] for turn in range(max(map(len, queues), default=0)) for queue in queues if turn < len(queue)]


def _result(url: str, future: Future) -> T | FetchFailure:
    error = future.exception()
    if error is None:
        return future.result()
    if not isinstance(error, Exception):
        raise error
    return FetchFailure(url, FailureReason.ERROR, f"internal error: {type(error).__name__}")
