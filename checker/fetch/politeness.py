"""Per-host politeness: at most N requests in flight to a host, and a minimum gap between their starts.

A "host" is the URL's host and port (``host_key``): two servers on 127.0.0.1 with different
ports are two hosts, and ``example.gov`` over http (port 80) and https (port 443) are two
hosts as well, as they are to a connection pool. Different hosts never wait for each other.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

DEFAULT_PORTS = {"http": 80, "https": 443}


def host_key(url: str) -> str:
    """``host:port`` of `url`, lower-cased, with the scheme's default port filled in."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    port = parts.port or DEFAULT_PORTS.get(parts.scheme.lower(), 0)
    return f"{host}:{port}"


class HostLimiter:
    """Thread-safe gate: ``with limiter.slot(url):`` around each request.

    Inside a slot a request is counted as in flight for its host; a slot is granted only
    while fewer than `per_host` are, and never sooner than `min_delay` seconds after the
    previous slot for that host was granted. `clock` and `sleep` are injectable for tests.
    """

    def __init__(self, per_host: int = 2, min_delay: float = 1.0,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep):
        if per_host < 1:
            raise ValueError(f"per_host must be at least 1, not {per_host}")
        if min_delay < 0:
            raise ValueError(f"min_delay must not be negative, not {min_delay}")
        self.per_host = per_host
        self.min_delay = min_delay
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._next_start: dict[str, float] = {}

    @contextmanager
    def slot(self, url: str) -> Iterator[None]:
        key = host_key(url)
        semaphore = self._semaphore(key)
        with semaphore:
            wait = self._reserve_start(key)
            if wait > 0:
                self._sleep(wait)
            yield

    def _semaphore(self, key: str) -> threading.BoundedSemaphore:
        with self._lock:
            if key not in self._slots:
                self._slots[key] = threading.BoundedSemaphore(self.per_host)
            return self._slots[key]

    def _reserve_start(self, key: str) -> float:
        """Book the next start time for `key`; return how long to wait for it."""
        with self._lock:
            now = self._clock()
            start = max(now, self._next_start.get(key, now))
            self._next_start[key] = start + self.min_delay
            return start - now
