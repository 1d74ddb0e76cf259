"""The only code that talks HTTP. Every fetch ends in a value: a Recording or a FetchFailure.

Guards on every request: http and https only; no private, loopback, link-local or
metadata address unless allowed (checked on the first URL and on every redirect);
robots.txt of every origin on the way (see checker.fetch.robots); at most
`per_host` requests in flight per host and `min_delay` seconds between their starts
(see checker.fetch.politeness; a host is host:port); connect and read timeouts; a cap
on the body size, counted in decoded bytes while the body is read as a stream (a gzip
bomb stops at the cap: urllib3 inflates at most what is asked for); and a wall-clock
`body_deadline` per request, so that a server trickling a byte a second (each read
within the read timeout) is still cut off, in its headers or its body: a timer shuts the
request's socket down when the deadline passes (on the client's own session, whose
connections register their socket), and the body is read with read1, which returns
whatever has arrived, so the deadline is also checked as bytes come in.

Retries. A connection error (not a host that does not resolve, not TLS), a timeout, a
body cut short (fewer bytes than its Content-Length, a broken chunked encoding), or
an answer of 429, 500, 502, 503 or 504 is tried again, up to `retries` more times. The
wait before a retry is the answer's Retry-After (seconds or an HTTP date) when it has
one, else `backoff_base` * 2**(try - 1), never more than `max_retry_after`. A
Retry-After longer than `max_retry_after` is not waited for, and not cut short either
(retrying sooner than the server asked is what it told us not to do): the fetch stops
there, an `error` whose detail names the Retry-After. urllib3's own cap would be six
hours.

After the last try a 429 is an `error` ("HTTP 429 after 4 tries"), like a 5xx: rate
limiting is a transient state of the server, fixed by asking later, while `blocked`
means the site refuses this client (401, 403, a bot challenge) and an archived copy is
needed. classify() reads a single recorded 429 the same way.

Conditional requests. get(url, validators) sends the validators (If-None-Match,
If-Modified-Since: see conditional_headers) on every hop; a 304 answer is then NotModified,
a value saying the recording they came from is still current. A 304 is never content: to a
request that was not conditional it is an `error`.
"""

from __future__ import annotations

import html
import ipaddress
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import requests
import requests.adapters
import urllib3
import urllib3.connection

from checker import __version__
from checker.fetch.cassette import HEADER_PREFIX, Recording, header, sha256
from checker.fetch.politeness import HostLimiter
from checker.fetch.robots import RobotsPolicy, user_agent_token
from checker.models import FailureReason, FetchFailure

DEFAULT_USER_AGENT = f"checker/{__version__} (source-claim verification)"


def user_agent(contact: str = "") -> str:
    """checker's User-Agent, naming the operator's contact (a URL or an e-mail) when given."""
    return f"checker/{__version__} (source-claim verification; +{contact})" if contact else DEFAULT_USER_AGENT
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
NOT_MODIFIED = 304
RETRY_CODES = frozenset({429, 500, 502, 503, 504})

# A body is a challenge or denial page when it holds every marker of one signature. The
# head of the body is compared lower-cased, with entities decoded and white space collapsed.
CHALLENGE_SIGNATURES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ('Cloudflare "Just a moment..."', ("<title>just a moment...</title>",)),
    ("Cloudflare challenge", ("_cf_chl_opt",)),
    ("Cloudflare browser check", ("cf-browser-verification",)),
    ('Cloudflare "Attention Required!"', ("<title>attention required! | cloudflare</title>",)),
    ("Akamai access denied", ("<title>access denied</title>", "you don't have permission to access",
                              "reference #")),
)


@dataclass(frozen=True)
class NotModified:
    """A 304 to a conditional GET of `url`: the recording whose validators were sent is still current.

    It carries no body; `headers` are the 304's own (a server may send a fresh Date or ETag).
    """

    url: str
    headers: dict[str, str]


def conditional_headers(recording: Recording) -> dict[str, str]:
    """The validators of an earlier response, as the headers that ask whether it is still current:
    If-None-Match from its ETag, If-Modified-Since from its Last-Modified ({} when it has neither)."""
    asked = {"If-None-Match": header(recording.headers, "ETag"),
             "If-Modified-Since": header(recording.headers, "Last-Modified")}
    return {name: value for name, value in asked.items() if value}


@dataclass(frozen=True)
class FetchSettings:
    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_bytes: int = 20 * 1024 * 1024
    body_deadline: float = 120.0  # seconds from a request's start to its answer's last byte, headers included
    max_redirects: int = 5
    allow_private: bool = False
    allowed_hosts: tuple[str, ...] = ()  # hosts exempt from the private-address guard
    retries: int = 3  # tries after the first, on transient failures
    backoff_base: float = 0.5  # seconds before the first retry when there is no Retry-After
    max_retry_after: float = 30.0  # the longest wait before a retry; a longer Retry-After ends the fetch
    respect_robots: bool = True
    per_host: int = 2  # requests in flight per host:port
    min_delay: float = 1.0  # seconds between request starts to one host:port


class HttpClient:
    """A requests Session with checker's guards. One per run: connections are reused.

    Safe to share between threads. `sleep` waits before retries (tests inject one that
    records); close() stops a run: waits end at once and no new request starts.
    """

    def __init__(self, settings: FetchSettings | None = None, session: requests.Session | None = None,
                 sleep: Callable[[float], object] | None = None, limiter: HostLimiter | None = None):
        self.settings = settings or FetchSettings()
        if session is None:
            session = requests.Session()
            session.mount("http://", _WatchedAdapter())
            session.mount("https://", _WatchedAdapter())
        self.session = session
        self.session.headers["User-Agent"] = self.settings.user_agent
        self._closed = threading.Event()
        self._sleep = sleep or self._closed.wait
        self.limiter = limiter or HostLimiter(self.settings.per_host, self.settings.min_delay,
                                              sleep=self._closed.wait)
        self.robots = RobotsPolicy(self._fetch_robots, user_agent_token(self.settings.user_agent))

    @property
    def per_host(self) -> int:
        """Requests in flight per host:port at most."""
        return self.limiter.per_host

    def close(self) -> None:
        """Stop: pending waits return now, and every later attempt fails as `cancelled`."""
        self._closed.set()

    def get(self, url: str, validators: dict[str, str] | None = None) -> Recording | NotModified | FetchFailure:
        """GET `url`, following redirects by hand so that each hop is checked.

        `validators` are conditional request headers (see conditional_headers), sent on every hop:
        a 304 answer is then NotModified.
        """
        outcome, tries = self._follow(url, check_robots=self.settings.respect_robots, headers=validators or {})
        if isinstance(outcome, FetchFailure):
            return outcome
        if outcome.status == NOT_MODIFIED:
            if validators:
                return NotModified(url, outcome.headers)
            return FetchFailure(url, FailureReason.ERROR, "HTTP 304 to a request that was not conditional")
        if outcome.status in RETRY_CODES:
            return FetchFailure(url, FailureReason.ERROR, _exhausted(outcome, tries, self.settings.max_retry_after))
        return classify(outcome)

    def _fetch_robots(self, location: str) -> Recording | FetchFailure:
        return self._follow(location, check_robots=False)[0]

    def _follow(self, url: str, check_robots: bool,
                headers: dict[str, str] | None = None) -> tuple[Recording | FetchFailure, int]:
        """The last answer on `url`'s redirect chain, unclassified, and how often it was tried.

        The Recording keeps the first URL: it is the source the claims cite.
        """
        current = url
        for _ in range(self.settings.max_redirects + 1):
            refusal = guard_url(current, self.settings.allow_private, self.settings.allowed_hosts)
            if refusal:
                return FetchFailure(url, FailureReason.REFUSED, refusal), 0
            if check_robots:
                disallowed = self.robots.check(current)
                if disallowed is not None:
                    return FetchFailure(url, disallowed.reason, disallowed.detail), 0
            outcome, tries = self._get_with_retries(current, headers or {})
            if isinstance(outcome, FetchFailure):
                return FetchFailure(url, outcome.reason, outcome.detail), tries
            location = outcome.headers.get("Location", "")
            if outcome.status in REDIRECT_CODES and location:
                current = urljoin(current, location)
                continue
            return Recording(url, outcome.status, outcome.headers, outcome.body, outcome.message,
                             outcome.request_headers), tries
        return FetchFailure(url, FailureReason.ERROR, f"more than {self.settings.max_redirects} redirects"), 0

    def _get_with_retries(self, url: str, headers: dict[str, str]) -> tuple[Recording | FetchFailure, int]:
        """One URL, tried again on transient failures. A Recording may still be a 429 or 5xx."""
        tries = 1 + max(0, self.settings.retries)
        for attempt in range(1, tries + 1):
            if self._closed.is_set():
                return FetchFailure(url, FailureReason.ERROR, "cancelled"), attempt - 1
            with self.limiter.slot(url):
                outcome, transient = self._get_once(url, headers)
            if not transient or attempt == tries:
                if isinstance(outcome, FetchFailure) and transient and tries > 1:
                    outcome = FetchFailure(url, outcome.reason, f"{outcome.detail} after {tries} tries")
                return outcome, attempt
            wait = retry_wait(outcome, attempt, self.settings.backoff_base, self.settings.max_retry_after)
            if wait > self.settings.max_retry_after:
                return outcome, attempt
            self._sleep(wait)
        raise AssertionError("unreachable: the last try returns")

    def _get_once(self, url: str, headers: dict[str, str]) -> tuple[Recording | FetchFailure, bool]:
        """One request: its answer or failure, and whether trying again could help. A request still
        unanswered at the deadline is cut off (see _Watch) and fails as such, not retried: what came
        before the cut (headers ended by it, a body without a length) is not an answer."""
        if self._closed.is_set():
            return FetchFailure(url, FailureReason.ERROR, "cancelled"), False
        watch = _Watch()
        _watching.current = watch
        timer = threading.Timer(self.settings.body_deadline, watch.cut)
        timer.daemon = True
        timer.start()
        try:
            outcome, transient = self._request(url, headers)
        finally:
            timer.cancel()
            _watching.current = None
        if watch.fired:
            return FetchFailure(url, FailureReason.ERROR, _past_deadline(self.settings.body_deadline)), False
        return outcome, transient

    def _request(self, url: str, headers: dict[str, str]) -> tuple[Recording | FetchFailure, bool]:
        timeout = (self.settings.connect_timeout, self.settings.read_timeout)
        started = time.monotonic()
        try:
            with self.session.get(url, headers=headers, timeout=timeout, stream=True,
                                  allow_redirects=False) as response:
                body = _read_capped(response, self.settings.max_bytes, started, self.settings.body_deadline)
                if isinstance(body, str):
                    return FetchFailure(url, FailureReason.ERROR, body), False
                headers = dict(response.headers)
                headers.pop("Content-Encoding", None)  # the body is stored decoded
                headers.pop("Transfer-Encoding", None)
                headers["Content-Length"] = str(len(body))
                headers[f"{HEADER_PREFIX}Recorded-At"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
                headers[f"{HEADER_PREFIX}Content-Sha256"] = sha256(body)
                headers[f"{HEADER_PREFIX}Provenance"] = "live"
                recording = Recording(url, response.status_code, headers, body, response.reason or "",
                                      dict(response.request.headers))
                return recording, response.status_code in RETRY_CODES
        except requests.exceptions.SSLError as exc:
            return FetchFailure(url, FailureReason.ERROR, f"TLS failed ({type(exc).__name__})"), False
        except requests.exceptions.ConnectionError as exc:
            if _is_name_error(exc):
                return FetchFailure(url, FailureReason.DEAD, f"host not found ({urlsplit(url).hostname})"), False
            if isinstance(exc, requests.exceptions.ConnectTimeout):
                return FetchFailure(url, FailureReason.ERROR, "timed out connecting"), True
            return FetchFailure(url, FailureReason.ERROR, f"connection failed ({type(exc).__name__})"), True
        except requests.exceptions.Timeout:
            return FetchFailure(url, FailureReason.ERROR, "timed out reading"), True
        except requests.exceptions.ChunkedEncodingError:
            return FetchFailure(url, FailureReason.ERROR, "body cut short: the connection closed before its end"), True
        except requests.exceptions.RequestException as exc:
            return FetchFailure(url, FailureReason.ERROR, f"request failed ({type(exc).__name__})"), False


def retry_wait(outcome: Recording | FetchFailure, attempt: int, backoff_base: float, max_backoff: float,
               now: datetime | None = None) -> float:
    """Seconds to wait after try number `attempt`: the answer's Retry-After as given (the caller
    decides whether it is too long), else exponential backoff up to `max_backoff`."""
    if isinstance(outcome, Recording):
        asked = parse_retry_after(outcome.headers.get("Retry-After", ""), now)
        if asked is not None:
            return asked
    return min(max_backoff, backoff_base * 2 ** (attempt - 1))


def parse_retry_after(value: str, now: datetime | None = None) -> float | None:
    """A Retry-After header in seconds (delay-seconds or an HTTP date); None when absent or unreadable."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


def _exhausted(recording: Recording, tries: int, max_retry_after: float) -> str:
    """The detail of a fetch that ended on a 429 or 5xx."""
    detail = f"HTTP {recording.status}" + (f" after {tries} tries" if tries > 1 else "")
    asked = parse_retry_after(recording.headers.get("Retry-After", ""))
    if asked is not None and asked > max_retry_after:
        detail += f"; its Retry-After of {asked:.0f} s is over the {max_retry_after:g} s limit"
    return detail


def _read_capped(response: requests.Response, max_bytes: int, started: float, budget: float) -> bytes | str:
    """The decoded body, or why it was given up: larger than `max_bytes` decoded bytes, or still
    arriving `budget` seconds after `started` (time.monotonic()). Read as a stream, never whole."""
    chunks = []
    size = 0
    for chunk in _body_chunks(response, min(65536, max_bytes + 1)):
        size += len(chunk)
        if size > max_bytes:
            return f"body larger than the {max_bytes:,}-byte limit"
        if time.monotonic() - started > budget:
            return _past_deadline(budget)
        chunks.append(chunk)
    return b"".join(chunks)


def _past_deadline(budget: float) -> str:
    return f"no complete answer within the {budget:g} s deadline"


class _Watch:
    """The socket of the request in flight on one thread, shut down by `cut` when its deadline passes.

    A blocked recv then returns at once, however slowly the server was trickling its headers or body.
    """

    def __init__(self) -> None:
        self.sock: socket.socket | None = None
        self.fired = False
        self._lock = threading.Lock()

    def watch(self, sock: socket.socket | None) -> None:
        with self._lock:
            self.sock = sock
            if self.fired:
                _shut(sock)

    def cut(self) -> None:
        with self._lock:
            self.fired = True
            _shut(self.sock)


def _shut(sock: socket.socket | None) -> None:
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


_watching = threading.local()


class _WatchedConnection(urllib3.connection.HTTPConnection):
    def getresponse(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        watch = getattr(_watching, "current", None)
        if watch is not None:
            watch.watch(self.sock)
        return super().getresponse(*args, **kwargs)


class _WatchedHTTPSConnection(urllib3.connection.HTTPSConnection):
    def getresponse(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        watch = getattr(_watching, "current", None)
        if watch is not None:
            watch.watch(self.sock)
        return super().getresponse(*args, **kwargs)


class _WatchedPool(urllib3.HTTPConnectionPool):
    ConnectionCls = _WatchedConnection


class _WatchedHTTPSPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


class _WatchedAdapter(requests.adapters.HTTPAdapter):
    """requests' adapter whose connections hand their socket to the thread's _Watch."""

    def init_poolmanager(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _WatchedPool, "https": _WatchedHTTPSPool}


def _body_chunks(response: requests.Response, size: int) -> Iterator[bytes]:
    """Decoded chunks of the body as they arrive (read1: no waiting for a full chunk), with urllib3's
    errors raised as the requests errors _get_once handles."""
    read1 = getattr(response.raw, "read1", None)
    if read1 is None:
        yield from response.iter_content(chunk_size=size)
        return
    while True:
        try:
            chunk = read1(size, decode_content=True)
        except urllib3.exceptions.ReadTimeoutError as exc:
            raise requests.exceptions.ReadTimeout(exc) from exc
        except urllib3.exceptions.DecodeError as exc:
            raise requests.exceptions.ContentDecodingError(exc) from exc
        except (urllib3.exceptions.ProtocolError, urllib3.exceptions.IncompleteRead) as exc:
            raise requests.exceptions.ChunkedEncodingError(exc) from exc
        except urllib3.exceptions.SSLError as exc:
            raise requests.exceptions.SSLError(exc) from exc
        if not chunk:
            return
        yield chunk


def _is_name_error(exc: Exception) -> bool:
    text = repr(exc)
    return "NameResolutionError" in text or "Name or service not known" in text or "nodename nor servname" in text


def classify(recording: Recording) -> Recording | FetchFailure:
    """A response as content or as a failure with a stable reason."""
    status = recording.status
    if status in (401, 403, 451):
        return FetchFailure(recording.url, FailureReason.BLOCKED, f"HTTP {status}")
    if status in (404, 410):
        return FetchFailure(recording.url, FailureReason.DEAD, f"HTTP {status}")
    if status == 429:
        return FetchFailure(recording.url, FailureReason.ERROR, "HTTP 429 (rate limited)")
    if status >= 400:
        return FetchFailure(recording.url, FailureReason.ERROR, f"HTTP {status}")
    challenge = challenge_name(recording.body)
    if challenge:
        return FetchFailure(recording.url, FailureReason.BLOCKED, f"bot challenge page instead of content ({challenge})")
    return recording


def is_challenge(body: bytes) -> bool:
    """Whether a 200 body is a bot challenge or denial page (Cloudflare, Akamai) and not content."""
    return bool(challenge_name(body))


def challenge_name(body: bytes) -> str:
    """The name of the challenge or denial page `body` is, '' when it is none of CHALLENGE_SIGNATURES."""
    head = re.sub(r"\s+", " ", html.unescape(body[:20000].decode("utf-8", errors="replace"))).lower()
    head = head.replace("\u2019", "'")
    for name, markers in CHALLENGE_SIGNATURES:
        if all(marker in head for marker in markers):
            return name
    return ""


def guard_url(url: str, allow_private: bool = False, allowed_hosts: tuple[str, ...] = ()) -> str:
    """Why `url` must not be fetched ('' when it may). `allowed_hosts` skip the private-address check."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        return f"scheme '{parts.scheme}' refused: only http and https"
    host = parts.hostname
    if not host:
        return "URL has no host"
    if allow_private or host in allowed_hosts:
        return ""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, parts.port or 443, proto=socket.IPPROTO_TCP)}
    except (socket.gaierror, UnicodeError):
        return ""  # the fetch itself reports the host as not found
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if not ip.is_global or ip.is_multicast:
            return f"{host} resolves to a non-public address ({ip}); allow private addresses to fetch it"
    return ""
