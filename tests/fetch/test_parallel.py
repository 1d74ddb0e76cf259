import signal
import threading
import time

import pytest

from checker.fetch.parallel import fetch_all
from checker.models import FailureReason, FetchFailure


def test_every_distinct_url_is_fetched_once_and_the_results_keep_the_input_order():
    calls: list[str] = []
    lock = threading.Lock()

    def fetch(url: str) -> str:
        with lock:
            calls.append(url)
        time.sleep(0.01 if url.endswith("a") else 0.0)  # the first finishes last
        return url.upper()

    results = fetch_all(["https://x.gov/a", "https://x.gov/b", "https://x.gov/a", "https://y.gov/c"], fetch)

    assert list(results.items()) == [("https://x.gov/a", "HTTPS://X.GOV/A"), ("https://x.gov/b", "HTTPS://X.GOV/B"),
                                     ("https://y.gov/c", "HTTPS://Y.GOV/C")]
    assert sorted(calls) == ["https://x.gov/a", "https://x.gov/b", "https://y.gov/c"]


def test_an_exception_for_one_url_becomes_a_failure_and_the_others_finish():
    def fetch(url: str) -> str:
        if url == "https://x.gov/bad":
            raise UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
        return "page"

    results = fetch_all(["https://x.gov/1", "https://x.gov/bad", "https://x.gov/2"], fetch, workers=2)

    assert results == {
        "https://x.gov/1": "page",
        "https://x.gov/bad": FetchFailure("https://x.gov/bad", FailureReason.ERROR, "internal error: UnicodeDecodeError"),
        "https://x.gov/2": "page",
    }


def test_no_urls_no_work():
    assert fetch_all([], lambda url: url) == {}


def test_ctrl_c_stops_the_run_and_cancels_the_fetches_not_yet_started():
    started: list[str] = []
    main = threading.main_thread().ident
    release = threading.Event()

    def fetch(url: str) -> str:
        started.append(url)
        if url == "https://x.gov/2":
            signal.pthread_kill(main, signal.SIGINT)  # what Ctrl-C does to the main thread
            release.wait(timeout=5)  # a fetch still under way
        return "page"

    try:
        with pytest.raises(KeyboardInterrupt):
            fetch_all([f"https://x.gov/{n}" for n in range(1, 6)], fetch, workers=1)
        assert started == ["https://x.gov/1", "https://x.gov/2"]
    finally:
        release.set()
    time.sleep(0.05)
    assert started == ["https://x.gov/1", "https://x.gov/2"]  # the rest were cancelled, not just late


def test_urls_start_host_by_host_in_turn_so_one_busy_host_does_not_hold_every_worker():
    started: list[str] = []
    urls = ["https://a.gov/1", "https://a.gov/2", "https://a.gov/3", "https://b.gov/1", "http://a.gov/1",
            "https://b.gov/2"]

    results = fetch_all(urls, lambda url: started.append(url) or "page", workers=1)

    assert started == ["https://a.gov/1", "https://b.gov/1", "http://a.gov/1", "https://a.gov/2", "https://b.gov/2",
                       "https://a.gov/3"]
    assert list(results) == urls
