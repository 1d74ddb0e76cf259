"""Support for the fetch-fault scenarios: misbehaving servers on 127.0.0.1 and a harness that runs the real
pipeline (checker.pipeline.verify, SourceStore in record mode "once", HttpClient) on two claims, one citing
the faulty URL and one citing a good page, and measures the run's peak memory with tracemalloc."""

from __future__ import annotations

import functools
import gzip
import os
import socket
import threading
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from checker.fetch.http import FetchSettings, HttpClient
from checker.fetch.store import SourceStore
from checker.models import Claim, Kind, Result, Verdict
from checker.pipeline import verify
from support import LocalServer, reply

# Real text: President Biden's remarks on the DISCLOSE Act, 20 September 2022 (whitehouse.gov, public domain),
# copied from ../shared/data/wh-briefings so that the suite runs without it.
REMARKS = (
    "Good afternoon. I\u2019m about to head to New York for the annual U.N. General Assembly meeting. "
    "I have a number of meetings while I\u2019m there.",
    "But before I go, I want to speak with you very briefly about a vote in Congress this week that addresses "
    "a serious problem facing our democracy, in my view.",
    "There\u2019s \u2014 there\u2019s something I\u2019ve always \u2014 it\u2019s something I\u2019ve always "
    "cared about. And at its best, our democracy serves all people equally, no matter wealth or privilege.",
)
GOOD_QUOTE = "at its best, our democracy serves all people equally, no matter wealth or privilege"
FAULT_QUOTE = "I want to speak with you very briefly about a vote in Congress this week"


def page(paragraphs: tuple[str, ...] = REMARKS, title: str = "Remarks by President Biden on the DISCLOSE Act") -> str:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (f"<!doctype html><html><head><title>{title}</title></head><body><main><article>"
            f"<h1>{title}</h1>\n{body}</article></main></body></html>")


GOOD_PAGE = page().encode("utf-8")
MiB = 1024 * 1024


def settings(**overrides: object) -> FetchSettings:
    """Small limits so that every fault ends within a second or two."""
    values: dict = {"allowed_hosts": ("127.0.0.1",), "connect_timeout": 0.3, "read_timeout": 0.3,
                    "body_deadline": 1.0, "max_bytes": 1 * MiB, "retries": 2, "backoff_base": 0.01,
                    "max_retry_after": 5.0, "min_delay": 0.0, "respect_robots": False}
    values.update(overrides)
    return FetchSettings(**values)


@dataclass
class FaultRun:
    faulty: Result
    good: Result
    peak_bytes: int
    seconds: float
    waits: list[float] = field(default_factory=list)
    cassettes: tuple[str, ...] = ()

    @property
    def peak_mib(self) -> float:
        return self.peak_bytes / MiB

    def status(self) -> str:
        """The faulty source's status and detail, as the report shows them."""
        check = self.faulty.sources[0]
        return f"{check.status}: {check.detail}" if check.detail else check.status


def quote_claim(claim_id: str, quote: str, url: str) -> Claim:
    return Claim(id=claim_id, claim=quote, kind=Kind.QUOTE, sources=(url,))


def rss_bytes() -> int:
    """This process's resident set size now (Linux /proc)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class RssPeak:
    """Samples the resident set size every 5 ms in a thread; `growth` is the peak over the start.

    Used where tracemalloc would mislead or crawl: lxml's trees live in C memory tracemalloc does not
    see, and tracing bs4's 100,000 Python objects makes a 2 s parse take 25 s."""

    def __init__(self) -> None:
        self.start = rss_bytes()
        self.peak = self.start
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, rss_bytes())

    def __enter__(self) -> RssPeak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_bytes())

    @property
    def growth(self) -> int:
        return self.peak - self.start


def run_pipeline(tmp: Path, claims: list[Claim], memory: str = "tracemalloc",
                 **overrides: object) -> tuple[list[Result], int, float, list[float]]:
    """verify() through a recording store and a live client: (results, peak memory in bytes, seconds,
    retry waits). `memory` is "tracemalloc" (peak traced Python allocations) or "rss" (peak growth of the
    resident set)."""
    waits: list[float] = []
    client = HttpClient(settings(**overrides), sleep=waits.append)
    store = SourceStore(tmp / "cassettes", mode="once", client=client)
    started = time.perf_counter()
    try:
        if memory == "rss":
            with RssPeak() as sampler:
                results = verify(claims, store, workers=2)
            peak = sampler.growth
        else:
            tracemalloc.start()
            try:
                results = verify(claims, store, workers=2)
                _, peak = tracemalloc.get_traced_memory()
            finally:
                tracemalloc.stop()
    finally:
        client.session.close()
    return results, peak, time.perf_counter() - started, waits


def with_fault(tmp: Path, faulty_url: str, good: LocalServer, quote: str = FAULT_QUOTE, memory: str = "tracemalloc",
               **overrides: object) -> FaultRun:
    """The faulty claim first, the good one second, in one run."""
    claims = [quote_claim("faulty", quote, faulty_url), quote_claim("good", GOOD_QUOTE, good.url("/good"))]
    (faulty, good_result), peak, seconds, waits = run_pipeline(tmp, claims, memory, **overrides)
    written = tuple(sorted(p.name for p in (tmp / "cassettes").rglob("*") if p.is_file()))
    return FaultRun(faulty, good_result, peak, seconds, waits, written)


@functools.cache
def baseline() -> tuple[Verdict, float, str]:
    """The good claim's verdict, score and reason in a run with no fault at all."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp, serving({"/good": good_route}) as server:
        (result,), _, _, _ = run_pipeline(Path(tmp), [quote_claim("good", GOOD_QUOTE, server.url("/good"))])
    return result.verdict, result.score, result.reason


def good_route(handler) -> None:
    reply(handler, 200, GOOD_PAGE, {"Content-Type": "text/html; charset=utf-8"})


class serving:
    """A LocalServer with `routes` (and the good page at /good), stopped on exit."""

    def __init__(self, routes: dict[str, Callable]):
        self.server = LocalServer()
        self.server.routes.update({"/good": good_route, **routes})

    def __enter__(self) -> LocalServer:
        self.server.thread.start()
        return self.server

    def __exit__(self, *exc: object) -> None:
        self.server.httpd.shutdown()
        self.server.httpd.server_close()


def assert_good_unaffected(run: FaultRun) -> None:
    verdict, score, reason = baseline()
    assert verdict is Verdict.SUPPORTED
    assert (run.good.verdict, run.good.score, run.good.reason) == (verdict, score, reason)


def assert_bounded(run: FaultRun, mib: float) -> None:
    assert run.peak_bytes < mib * MiB, f"peak {run.peak_mib:.1f} MiB, bound {mib} MiB"


class RawServer:
    """A TCP server on 127.0.0.1 whose every connection is handed to `behaviour(conn, stop)` in a thread.

    With accept=False it listens with a backlog of 0 and never accepts: once the kernel's queue is full
    (filled by `fill_backlog`), a connect is not answered and times out.
    """

    def __init__(self, behaviour: Callable[[socket.socket, threading.Event], None] | None = None,
                 accept: bool = True):
        self.stop = threading.Event()
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(0 if not accept else 16)
        self.port = self.sock.getsockname()[1]
        self.behaviour = behaviour
        self.fillers: list[socket.socket] = []
        self.threads: list[threading.Thread] = []
        if accept:
            self.sock.settimeout(0.05)
            self._start(self._accept_loop)

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _start(self, target: Callable, *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        thread.start()
        self.threads.append(thread)

    def _accept_loop(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self._start(self._serve, conn)

    def _serve(self, conn: socket.socket) -> None:
        try:
            assert self.behaviour is not None
            self.behaviour(conn, self.stop)
        except OSError:
            pass
        finally:
            conn.close()

    def fill_backlog(self, attempts: int = 8) -> int:
        """Open connections nobody accepts until one is left hanging; how many completed."""
        completed = 0
        for _ in range(attempts):
            filler = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            filler.settimeout(0.2)
            self.fillers.append(filler)
            try:
                filler.connect(("127.0.0.1", self.port))
                completed += 1
            except OSError:
                break
        return completed

    def close(self) -> None:
        self.stop.set()
        for filler in self.fillers:
            filler.close()
        self.sock.close()
        for thread in self.threads:
            thread.join(timeout=2)

    def __enter__(self) -> RawServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_request(conn: socket.socket) -> bytes:
    conn.settimeout(2)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


def gzip_bomb_member(decoded_mib: int = 64) -> bytes:
    """One gzip member inflating to `decoded_mib` MiB of zeros (about a thousandth of that compressed)."""
    return gzip.compress(b"\0" * (decoded_mib * MiB), compresslevel=9)
