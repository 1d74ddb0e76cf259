"""Fetching: 200 URLs over 10 hosts that each answer after 100 ms, per-host limit 2, against sequential.

    .venv/bin/python benchmarks/fetch_concurrency.py [--hosts 10] [--urls 200] [--latency 0.1] [--per-host 2]
                                                     [--runs 3] [--no-sequential]

Local servers on 127.0.0.1 (one port each: a host is host:port), run by asyncio in a process of their
own, answer every request, robots.txt included, `latency` seconds after it arrives (HTTP/1.1, kept
alive). A page is one real sentence of a White House briefing (text/plain; a synthetic page).

What is timed is what `checker verify --record once` does with claims citing those URLs:
checker.pipeline.verify, one claim per URL, on a SourceStore recording into a fresh temporary
cassettes folder, through HttpClient with the CLI's settings (robots.txt read once per host, retries,
guards, per-host limit 2), and verify's own default worker count (SourceStore.workers_for). Only the
politeness gap differs: `min_delay` is 0 here, where the CLI's default is 1 s between request starts
to one host, which alone makes 20 requests to a host take 19 s or more; the issue's ideal leaves it
out. "fetching" is the time until the last source was read (fetched, recorded and extracted: verify's
progress callback); "verify" adds checking the 200 claims.

Ideal: (requests per host) x latency / per-host limit. Rows: verify's default worker count, the fixed
8 workers it used before, and one worker (sequential, one run; `--no-sequential` computes it as urls x
latency instead). Figures are medians of `--runs` runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if __name__ == "__main__":
    # Run as a script: the repository root goes first on sys.path and this folder comes off it.
    sys.path[:] = [str(HERE.parent)] + [p for p in sys.path if Path(p or ".").resolve() != HERE]

import argparse
import asyncio
import statistics
import tempfile
import time
from dataclasses import dataclass
from multiprocessing import Process, Queue

from checker.fetch.http import FetchSettings, HttpClient
from checker.fetch.store import SourceStore
from checker.models import Claim, Kind, Verdict
from checker.pipeline import sources_as_of, verify

# From the White House press briefing of 1 September 2022 (a US government work).
SENTENCE = ("Micron is investing $15 billion over the next decade at a manufacturing facility in Idaho, and "
            "they directly credit the passage of the CHIPS Act that made this possible.")
ROBOTS = b"User-agent: *\nAllow: /\n"


@dataclass(frozen=True)
class Timing:
    fetching: float  # seconds until the last source was read (fetched, recorded, extracted)
    total: float  # seconds for the whole verify, claims checked too
    supported: int
    workers: int


async def _answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, latency: float) -> None:
    """Answer each request on the connection `latency` seconds after it arrived."""
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            await asyncio.sleep(latency)
            path = head.split(b" ", 2)[1].decode("ascii", errors="replace")
            body = ROBOTS if path == "/robots.txt" else f"{SENTENCE}\n(page {path})\n".encode("utf-8")
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n"
                         b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
            await writer.drain()
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
        pass
    finally:
        writer.close()


def _serve(hosts: int, latency: float, ports: Queue) -> None:
    async def serve() -> None:
        servers = [await asyncio.start_server(lambda r, w: _answer(r, w, latency), "127.0.0.1", 0)
                   for _ in range(hosts)]
        ports.put([server.sockets[0].getsockname()[1] for server in servers])
        await asyncio.Event().wait()

    asyncio.run(serve())


def slow_servers(hosts: int, latency: float) -> tuple[Process, list[int]]:
    """`hosts` servers in a process of their own (they take no time of the measured process), and their ports."""
    ports: Queue = Queue()
    process = Process(target=_serve, args=(hosts, latency, ports), daemon=True)
    process.start()
    return process, ports.get(timeout=30)


def claims_for(urls: list[str]) -> list[Claim]:
    return [Claim(f"page-{n}", SENTENCE, Kind.STATEMENT, sources=(url,)) for n, url in enumerate(urls)]


def run(claims: list[Claim], per_host: int, workers: int | None) -> Timing:
    """pipeline.verify recording every source into a fresh folder; `workers` None: verify's default."""
    client = HttpClient(FetchSettings(allowed_hosts=("127.0.0.1",), per_host=per_host, min_delay=0.0))
    read: list[float] = []
    with tempfile.TemporaryDirectory() as cassettes:
        store = SourceStore(Path(cassettes), "once", client)
        used = workers or store.workers_for(sources_as_of(claims))
        start = time.perf_counter()
        results = verify(claims, store, progress=lambda url: read.append(time.perf_counter()), workers=workers)
        total = time.perf_counter() - start
    client.close()
    supported = sum(result.verdict is Verdict.SUPPORTED for result in results)
    return Timing(max(read) - start, total, supported, used)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=10)
    parser.add_argument("--urls", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--per-host", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-sequential", action="store_true", help="compute the sequential time, do not measure it")
    args = parser.parse_args()

    servers, ports = slow_servers(args.hosts, args.latency)
    urls = [f"http://127.0.0.1:{ports[n % args.hosts]}/page/{n}" for n in range(args.urls)]
    claims = claims_for(urls)
    per_host_requests = -(-args.urls // args.hosts)
    ideal = per_host_requests * args.latency / args.per_host
    print(f"{args.urls} URLs on {args.hosts} hosts, {args.latency * 1000:.0f} ms per answer (robots.txt too), "
          f"per-host limit {args.per_host}; checker.pipeline.verify recording into a fresh folder, "
          f"median of {args.runs}")
    print(f"ideal: {per_host_requests} requests per host x {args.latency:g} s / {args.per_host} = {ideal:.2f} s "
          f"(robots.txt, one request more per host before its pages: {ideal + args.latency:.2f} s)")

    rows = []
    for label, workers in (("verify, default workers", None), ("fixed 8 workers (the old default)", 8)):
        timings = [run(claims, args.per_host, workers) for _ in range(args.runs)]
        rows.append((label, timings[0].workers, statistics.median(t.fetching for t in timings),
                     statistics.median(t.total for t in timings), min(t.supported for t in timings)))
    if args.no_sequential:
        rows.append(("sequential (computed: urls x latency)", 1, args.urls * args.latency, None, None))
    else:
        timing = run(claims, args.per_host, 1)
        rows.append(("sequential (1 worker, one run)", 1, timing.fetching, timing.total, timing.supported))
    sequential = rows[-1][2]

    print(f"{'run':<38} {'workers':>7} {'fetching s':>10} {'x ideal':>7} {'x faster than sequential':>24} "
          f"{'verify s':>8} {'supported':>9}")
    for label, workers, fetching, total, supported in rows:
        shown_total = f"{total:8.2f}" if total is not None else f"{'-':>8}"
        shown_supported = f"{supported:>5}/{args.urls}" if supported is not None else f"{'-':>9}"
        print(f"{label:<38} {workers:>7} {fetching:>10.2f} {fetching / ideal:>7.2f} {sequential / fetching:>24.1f} "
              f"{shown_total} {shown_supported}")
    ratio = rows[0][2] / ideal
    print(f"target: fetching within 1.5x of the ideal: {'met' if ratio <= 1.5 else 'missed'} ({ratio:.2f}x)")
    servers.terminate()


if __name__ == "__main__":
    main()
