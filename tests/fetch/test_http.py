import hashlib

from checker.fetch.cassette import Recording
from checker.fetch.http import FetchSettings, HttpClient, guard_url
from checker.models import FailureReason, FetchFailure
from support import reply


def client(**settings) -> HttpClient:
    """A client allowed to reach the test server on 127.0.0.1, and no other private address."""
    return HttpClient(FetchSettings(allowed_hosts=("127.0.0.1",), **settings))


def test_a_page_comes_back_as_a_recording_with_its_hash(server):
    server.routes["/memo"] = lambda h: reply(h, 200, b"drawdown of up to $600 million")

    outcome = client().get(server.url("/memo"))

    assert isinstance(outcome, Recording)
    assert outcome.body == b"drawdown of up to $600 million"
    assert outcome.provenance["provenance"] == "live"
    assert outcome.provenance["content-sha256"] == hashlib.sha256(b"drawdown of up to $600 million").hexdigest()


def test_each_status_becomes_a_stable_reason(server):
    server.routes["/forbidden"] = lambda h: reply(h, 403, b"Access Denied")
    server.routes["/gone"] = lambda h: reply(h, 410)
    server.routes["/broken"] = lambda h: reply(h, 500)
    server.routes["/challenge"] = lambda h: reply(
        h, 200, b"<html><head><title>Just a moment...</title></head></html>", {"Content-Type": "text/html"})

    outcomes = {path: client().get(server.url(path)) for path in ("/forbidden", "/gone", "/missing", "/broken",
                                                                  "/challenge")}

    assert {path: (o.reason, o.detail) for path, o in outcomes.items()} == {
        "/forbidden": (FailureReason.BLOCKED, "HTTP 403"),
        "/gone": (FailureReason.DEAD, "HTTP 410"),
        "/missing": (FailureReason.DEAD, "HTTP 404"),
        "/broken": (FailureReason.ERROR, "HTTP 500"),
        "/challenge": (FailureReason.BLOCKED, "bot challenge page instead of content"),
    }


def test_redirects_are_followed_and_loops_are_cut(server):
    server.routes["/old"] = lambda h: reply(h, 301, headers={"Location": "/new"})
    server.routes["/new"] = lambda h: reply(h, 200, b"moved here")
    server.routes["/loop"] = lambda h: reply(h, 302, headers={"Location": "/loop"})

    moved = client().get(server.url("/old"))
    looped = client(max_redirects=3).get(server.url("/loop"))

    assert isinstance(moved, Recording) and moved.body == b"moved here"
    assert moved.url == server.url("/old")
    assert looped == FetchFailure(server.url("/loop"), FailureReason.ERROR, "more than 3 redirects")


def test_a_body_over_the_limit_is_refused(server):
    server.routes["/big"] = lambda h: reply(h, 200, b"x" * 5000)

    outcome = client(max_bytes=1000).get(server.url("/big"))

    assert outcome == FetchFailure(server.url("/big"), FailureReason.ERROR, "body larger than the 1,000-byte limit")


def test_a_slow_server_times_out(server):
    server.routes["/slow"] = lambda h: reply(h, 200, b"late", delay=1.0)

    outcome = client(read_timeout=0.2).get(server.url("/slow"))

    assert outcome == FetchFailure(server.url("/slow"), FailureReason.ERROR, "timed out reading")


def test_loopback_and_private_addresses_are_refused_by_default(server):
    server.routes["/page"] = lambda h: reply(h, 200, b"secret")
    server.routes["/to-metadata"] = lambda h: reply(h, 302, headers={"Location": "http://169.254.169.254/latest/"})

    direct = HttpClient().get(server.url("/page"))
    redirected = client().get(server.url("/to-metadata"))

    assert direct.reason is FailureReason.REFUSED
    assert "non-public address (127.0.0.1)" in direct.detail
    assert server.hits == ["/to-metadata"]
    assert redirected == FetchFailure(
        server.url("/to-metadata"), FailureReason.REFUSED,
        "169.254.169.254 resolves to a non-public address (169.254.169.254); allow private addresses to fetch it",
    )


def test_only_http_and_https_are_fetched():
    assert guard_url("file:///etc/passwd") == "scheme 'file' refused: only http and https"
    assert guard_url("ftp://example.gov/x") == "scheme 'ftp' refused: only http and https"
