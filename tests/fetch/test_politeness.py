import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from checker.fetch.cassette import Recording
from checker.fetch.http import FetchSettings, HttpClient
from checker.fetch.parallel import fetch_all
from checker.fetch.politeness import HostLimiter, host_key
from support import LocalServer, reply


class FakeClock:
    """Time that passes only when someone sleeps."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


class InFlight:
    """A route that takes a while and counts how many requests it serves at once."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.lock = threading.Lock()
        self.current = 0
        self.most = 0
        self.spans: list[tuple[float, float]] = []

    def __call__(self, handler) -> None:
        with self.lock:
            self.current += 1
            self.most = max(self.most, self.current)
        start = time.monotonic()
        time.sleep(self.seconds)
        with self.lock:
            self.current -= 1
            self.spans.append((start, time.monotonic()))
        reply(handler, 200, b"ok")


@contextmanager
def running(local: LocalServer) -> Iterator[LocalServer]:
    thread = threading.Thread(target=local.httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    try:
        yield local
    finally:
        local.httpd.shutdown()
        local.httpd.server_close()


def test_a_host_is_its_name_and_port():
    assert host_key("https://WWW.Defense.gov/News/") == "www.defense.gov:443"
    assert host_key("http://www.defense.gov/News/") == "www.defense.gov:80"
    assert host_key("http://127.0.0.1:8001/a") != host_key("http://127.0.0.1:8002/a")


def test_requests_to_one_host_start_at_least_min_delay_apart_and_other_hosts_do_not_wait():
    clock = FakeClock()
    limiter = HostLimiter(per_host=2, min_delay=1.5, clock=clock, sleep=clock.sleep)

    for url in ("https://a.gov/1", "https://a.gov/2", "https://b.gov/1", "https://a.gov/3"):
        with limiter.slot(url):
            pass

    assert clock.sleeps == [1.5, 1.5]  # a.gov/2 and a.gov/3; b.gov/1 went at once


def test_a_host_that_was_quiet_long_enough_is_not_waited_for():
    clock = FakeClock()
    limiter = HostLimiter(per_host=1, min_delay=1.0, clock=clock, sleep=clock.sleep)

    with limiter.slot("https://a.gov/1"):
        clock.now += 5.0
    with limiter.slot("https://a.gov/2"):
        pass

    assert clock.sleeps == []


def test_limits_must_make_sense():
    with pytest.raises(ValueError, match="per_host must be at least 1"):
        HostLimiter(per_host=0)
    with pytest.raises(ValueError, match="min_delay must not be negative"):
        HostLimiter(min_delay=-1)


def test_no_host_ever_serves_more_than_per_host_requests_at_once_while_hosts_overlap():
    first, second = InFlight(0.05), InFlight(0.05)
    with running(LocalServer()) as a, running(LocalServer()) as b:
        a.routes.update({f"/{n}": first for n in range(6)})
        b.routes.update({f"/{n}": second for n in range(6)})
        urls = [server.url(f"/{n}") for n in range(6) for server in (a, b)]
        http = HttpClient(FetchSettings(allowed_hosts=("127.0.0.1",), per_host=2, min_delay=0.0,
                                        respect_robots=False))

        outcomes = fetch_all(urls, http.get, workers=8)

    assert all(isinstance(outcome, Recording) for outcome in outcomes.values())
    assert (first.most, second.most) == (2, 2)
    assert any(a_start < b_end and b_start < a_end
               for a_start, a_end in first.spans for b_start, b_end in second.spans)
