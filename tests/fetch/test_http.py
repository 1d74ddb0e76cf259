import hashlib
import socket
from datetime import datetime, timezone

from checker.fetch.cassette import Recording
from checker.fetch.http import FetchSettings, HttpClient, classify, guard_url, is_challenge, parse_retry_after
from checker.models import FailureReason, FetchFailure
from support import reply


def client(waits: list[float] | None = None, **settings) -> HttpClient:
    """A client allowed to reach the test server on 127.0.0.1, and no other private address.

    It does not sleep: the waits before retries are appended to `waits`.
    """
    waits = [] if waits is None else waits
    settings = {"allowed_hosts": ("127.0.0.1",), "min_delay": 0.0, "backoff_base": 0.01, **settings}
    return HttpClient(FetchSettings(**settings), sleep=waits.append)


def answers(*replies: tuple[int, dict]):
    """A route answering with each (status, headers) in turn, the last one from then on."""
    calls = iter(replies)
    last = replies[-1]

    def route(handler):
        status, headers = next(calls, last)
        reply(handler, status, b"ok" if status == 200 else b"", headers)
    return route


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
        "/broken": (FailureReason.ERROR, "HTTP 500 after 4 tries"),
        "/challenge": (FailureReason.BLOCKED, 'bot challenge page instead of content (Cloudflare "Just a moment...")'),
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

    outcome = client(read_timeout=0.2, retries=0).get(server.url("/slow"))

    assert outcome == FetchFailure(server.url("/slow"), FailureReason.ERROR, "timed out reading")


def test_loopback_and_private_addresses_are_refused_by_default(server):
    server.routes["/page"] = lambda h: reply(h, 200, b"secret")
    server.routes["/to-metadata"] = lambda h: reply(h, 302, headers={"Location": "http://169.254.169.254/latest/"})

    direct = HttpClient().get(server.url("/page"))
    redirected = client().get(server.url("/to-metadata"))

    assert direct.reason is FailureReason.REFUSED
    assert "non-public address (127.0.0.1)" in direct.detail
    assert server.hits == ["/robots.txt", "/to-metadata"]
    assert redirected == FetchFailure(
        server.url("/to-metadata"), FailureReason.REFUSED,
        "169.254.169.254 resolves to a non-public address (169.254.169.254); allow private addresses to fetch it",
    )


def test_only_http_and_https_are_fetched():
    assert guard_url("file:///etc/passwd") == "scheme 'file' refused: only http and https"
    assert guard_url("ftp://example.gov/x") == "scheme 'ftp' refused: only http and https"


def test_a_429_is_retried_after_the_wait_its_retry_after_asks_for(server):
    server.routes["/busy"] = answers((429, {"Retry-After": "7"}), (429, {"Retry-After": "7"}), (200, {}))
    waits: list[float] = []

    outcome = client(waits).get(server.url("/busy"))

    assert isinstance(outcome, Recording) and outcome.body == b"ok"
    assert waits == [7.0, 7.0]
    assert server.hits == ["/robots.txt", "/busy", "/busy", "/busy"]


def test_a_retry_after_over_the_limit_ends_the_fetch_without_waiting(server):
    server.routes["/busy"] = answers((429, {"Retry-After": "21600"}), (200, {}))
    waits: list[float] = []

    outcome = client(waits, max_retry_after=30).get(server.url("/busy"))

    assert outcome == FetchFailure(server.url("/busy"), FailureReason.ERROR,
                                   "HTTP 429; its Retry-After of 21600 s is over the 30 s limit")
    assert waits == []
    assert server.hits == ["/robots.txt", "/busy"]


def test_a_flapping_503_is_retried_with_exponential_backoff_until_it_recovers(server):
    server.routes["/flaky"] = answers((503, {}), (502, {}), (200, {}))
    waits: list[float] = []

    outcome = client(waits, backoff_base=0.25).get(server.url("/flaky"))

    assert isinstance(outcome, Recording) and outcome.status == 200
    assert waits == [0.25, 0.5]


def test_a_server_error_that_lasts_is_an_error_after_every_try(server):
    server.routes["/down"] = answers((500, {}))
    waits: list[float] = []

    outcome = client(waits, retries=3, backoff_base=1.0, max_retry_after=3.0).get(server.url("/down"))

    assert outcome == FetchFailure(server.url("/down"), FailureReason.ERROR, "HTTP 500 after 4 tries")
    assert waits == [1.0, 2.0, 3.0]  # the backoff is capped like a Retry-After
    assert server.hits.count("/down") == 4


def test_a_404_is_not_retried(server):
    waits: list[float] = []

    outcome = client(waits).get(server.url("/missing"))

    assert outcome == FetchFailure(server.url("/missing"), FailureReason.DEAD, "HTTP 404")
    assert waits == []
    assert server.hits == ["/robots.txt", "/missing"]


def test_a_refused_connection_is_retried_then_an_error():
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    url = f"http://127.0.0.1:{port}/page"
    waits: list[float] = []

    outcome = client(waits, respect_robots=False).get(url)
    with_robots = client().get(url)

    assert outcome == FetchFailure(url, FailureReason.ERROR, "connection failed (ConnectionError) after 4 tries")
    assert waits == [0.01, 0.02, 0.04]
    assert with_robots == FetchFailure(
        url, FailureReason.ERROR,
        f"connection failed (ConnectionError) after 4 tries (fetching http://127.0.0.1:{port}/robots.txt)")


def test_retry_after_is_read_as_seconds_or_as_an_http_date():
    now = datetime(2015, 10, 21, 7, 28, 0, tzinfo=timezone.utc)

    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:30 GMT", now) == 30.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now) == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after("") is None


def test_a_closed_client_starts_no_request(server):
    http = client()
    http.close()

    outcome = http.get(server.url("/page"))

    assert outcome == FetchFailure(server.url("/page"), FailureReason.ERROR, "cancelled (fetching "
                                   f"{server.url('/robots.txt')})")
    assert server.hits == []


def recorded(body: bytes, status: int = 200) -> Recording:
    return Recording("https://www.defense.gov/News/", status, {"Content-Type": "text/html"}, body)


# SYNTHETIC pages, modelled on the denial and challenge pages Akamai and Cloudflare serve to bots.
AKAMAI_DENIAL = b"""<HTML><HEAD>
<TITLE>Access Denied</TITLE>
</HEAD><BODY>
<H1>Access Denied</H1>

You don't have permission to access "http&#58;&#47;&#47;www&#46;defense&#46;gov&#47;News&#47;" on this server.<P>
Reference&#32;&#35;18&#46;5e2c1102&#46;1700000000&#46;1a2b3c4d
<P>https&#58;&#47;&#47;errors&#46;edgesuite&#46;net&#47;18&#46;5e2c1102&#46;1700000000&#46;1a2b3c4d</P>
</BODY>
</HTML>
"""
CLOUDFLARE_ATTENTION = b"""<!DOCTYPE html><html lang="en-US"><head>
<title>Attention Required! | Cloudflare</title></head>
<body><div id="cf-wrapper"><h1>Sorry, you have been blocked</h1></div></body></html>"""
CLOUDFLARE_MOMENT = b"""<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<script>(function(){window._cf_chl_opt={cvId: '3',cZone: 'www.congress.gov'};}());</script></head>
<body><noscript>Enable JavaScript and cookies to continue</noscript></body></html>"""
# SYNTHETIC: a real article may be titled "Access Denied"; without Akamai's other markers it is content.
ARTICLE_TITLED_ACCESS_DENIED = b"""<html><head><title>Access Denied</title></head>
<body><p>Veterans say they were denied access to records for months.</p></body></html>"""


def test_challenge_and_denial_pages_are_blocked_and_an_article_is_not():
    outcomes = {name: classify(recorded(body)) for name, body in {
        "akamai": AKAMAI_DENIAL, "attention": CLOUDFLARE_ATTENTION, "moment": CLOUDFLARE_MOMENT,
        "article": ARTICLE_TITLED_ACCESS_DENIED}.items()}

    assert {name: getattr(o, "detail", "content") for name, o in outcomes.items()} == {
        "akamai": "bot challenge page instead of content (Akamai access denied)",
        "attention": 'bot challenge page instead of content (Cloudflare "Attention Required!")',
        "moment": 'bot challenge page instead of content (Cloudflare "Just a moment...")',
        "article": "content",
    }
    assert all(o.reason is FailureReason.BLOCKED for name, o in outcomes.items() if name != "article")
    assert is_challenge(AKAMAI_DENIAL) and not is_challenge(ARTICLE_TITLED_ACCESS_DENIED)


def test_a_recorded_429_is_an_error_not_blocked():
    assert classify(recorded(b"", status=429)) == FetchFailure(
        "https://www.defense.gov/News/", FailureReason.ERROR, "HTTP 429 (rate limited)")


def test_a_host_that_does_not_resolve_is_dead_and_not_retried(monkeypatch):
    looked_up: list[str] = []

    def no_such_host(host, *args, **kwargs):
        looked_up.append(host)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    waits: list[float] = []

    outcome = client(waits, respect_robots=False).get("https://no-such-host.example/page")

    assert outcome == FetchFailure("https://no-such-host.example/page", FailureReason.DEAD,
                                   "host not found (no-such-host.example)")
    assert waits == []
    assert set(looked_up) == {"no-such-host.example"}


def test_the_user_agent_names_checker_and_the_operators_contact():
    from checker.fetch.http import user_agent

    assert user_agent() == "checker/0.1.0 (source-claim verification)"
    assert user_agent("mailto:desk@example.org") == "checker/0.1.0 (source-claim verification; +mailto:desk@example.org)"
