"""How close fetch_all with HttpClient's per-host limits comes to the ideal time. Run on demand:

    .venv/bin/python benchmarks/fetch_concurrency.py [--hosts 10] [--urls 200] [--latency 0.1] [--per-host 2]

Local servers on 127.0.0.1 (one port each: a host is host:port) answer every request after
`latency` seconds. The ideal is (requests per host) x latency / per-host limit, reached when
there are at least hosts x per-host workers; sequential is urls x latency.
"""

from __future__ import annotations

import argparse
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from checker.fetch.cassette import Recording
from checker.fetch.http import FetchSettings, HttpClient
from checker.fetch.parallel import fetch_all


def slow_server(latency: float) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            time.sleep(latency)
            body = b"ok"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return httpd


def run(urls: list[str], per_host: int, workers: int) -> tuple[float, int]:
    client = HttpClient(FetchSettings(allowed_hosts=("127.0.0.1",), per_host=per_host, min_delay=0.0,
                                      respect_robots=False))
    start = time.perf_counter()
    results = fetch_all(urls, client.get, workers=workers)
    elapsed = time.perf_counter() - start
    return elapsed, sum(isinstance(outcome, Recording) for outcome in results.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=10)
    parser.add_argument("--urls", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--per-host", type=int, default=2)
    parser.add_argument("--grouped", action="store_true", help="list each host's URLs together (the worst order)")
    args = parser.parse_args()

    servers = [slow_server(args.latency) for _ in range(args.hosts)]
    ports = [server.server_address[1] for server in servers]
    urls = [f"http://127.0.0.1:{ports[n % args.hosts]}/page/{n}" for n in range(args.urls)]
    if args.grouped:
        urls.sort(key=lambda url: url.split("/page/")[0])
    per_host_requests = -(-args.urls // args.hosts)
    ideal = per_host_requests * args.latency / args.per_host
    sequential = args.urls * args.latency
    print(f"{args.urls} URLs on {args.hosts} hosts, {args.latency * 1000:.0f} ms each, per-host limit {args.per_host}")
    print(f"sequential (computed): {sequential:6.2f} s")
    print(f"ideal:                 {ideal:6.2f} s")
    for workers in (8, args.hosts * args.per_host):
        elapsed, fetched = run(urls, args.per_host, workers)
        print(f"fetch_all, {workers:2d} workers: {elapsed:6.2f} s  ({fetched}/{args.urls} fetched; "
              f"{elapsed / ideal:.2f}x ideal, {sequential / elapsed:.1f}x faster than sequential)")
    for server in servers:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    main()
