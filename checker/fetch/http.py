"""The only code that talks HTTP. Every fetch ends in a value: a Recording or a FetchFailure.

Guards on every request: http and https only; no private, loopback, link-local or
metadata address unless allowed (checked on the first URL and on every redirect);
connect and read timeouts; a cap on the body size, read as a stream.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import requests

from checker import __version__
from checker.fetch.cassette import HEADER_PREFIX, Recording, sha256
from checker.models import FailureReason, FetchFailure

DEFAULT_USER_AGENT = f"checker/{__version__} (source-claim verification; +https://github.com/checker-dev/checker)"
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})

_CHALLENGE_MARKERS = (
    b"<title>just a moment...</title>",
    b"cf-browser-verification",
    b"challenges.cloudflare.com",
    b"_cf_chl_opt",
    b"attention required! | cloudflare",
    b"<title>access denied</title>",
    b"reference&#32;&#35;",
    b"errors.edgesuite.net",
)


@dataclass(frozen=True)
class FetchSettings:
    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5
    allow_private: bool = False
    allowed_hosts: tuple[str, ...] = ()  # hosts exempt from the private-address guard


class HttpClient:
    """A requests Session with checker's guards. One per run: connections are reused."""

    def __init__(self, settings: FetchSettings | None = None, session: requests.Session | None = None):
        self.settings = settings or FetchSettings()
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = self.settings.user_agent

    def get(self, url: str) -> Recording | FetchFailure:
        """GET `url`, following redirects by hand so that each hop is checked."""
        current = url
        for _ in range(self.settings.max_redirects + 1):
            refusal = guard_url(current, self.settings.allow_private, self.settings.allowed_hosts)
            if refusal:
                return FetchFailure(url, FailureReason.REFUSED, refusal)
            outcome = self._get_once(current)
            if isinstance(outcome, FetchFailure):
                return FetchFailure(url, outcome.reason, outcome.detail)
            location = outcome.headers.get("Location", "")
            if outcome.status in REDIRECT_CODES and location:
                current = urljoin(current, location)
                continue
            return classify(Recording(url, outcome.status, outcome.headers, outcome.body, outcome.message,
                                      outcome.request_headers))
        return FetchFailure(url, FailureReason.ERROR, f"more than {self.settings.max_redirects} redirects")

    def _get_once(self, url: str) -> Recording | FetchFailure:
        timeout = (self.settings.connect_timeout, self.settings.read_timeout)
        try:
            with self.session.get(url, timeout=timeout, stream=True, allow_redirects=False) as response:
                body = _read_capped(response, self.settings.max_bytes)
                if body is None:
                    return FetchFailure(url, FailureReason.ERROR,
                                        f"body larger than the {self.settings.max_bytes:,}-byte limit")
                headers = dict(response.headers)
                headers.pop("Content-Encoding", None)  # the body is stored decoded
                headers.pop("Transfer-Encoding", None)
                headers["Content-Length"] = str(len(body))
                headers[f"{HEADER_PREFIX}Recorded-At"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
                headers[f"{HEADER_PREFIX}Content-Sha256"] = sha256(body)
                headers[f"{HEADER_PREFIX}Provenance"] = "live"
                return Recording(url, response.status_code, headers, body, response.reason or "",
                                 dict(response.request.headers))
        except requests.exceptions.ConnectionError as exc:
            if _is_name_error(exc):
                return FetchFailure(url, FailureReason.DEAD, f"host not found ({urlsplit(url).hostname})")
            if isinstance(exc, requests.exceptions.ConnectTimeout):
                return FetchFailure(url, FailureReason.ERROR, "timed out connecting")
            return FetchFailure(url, FailureReason.ERROR, f"connection failed ({type(exc).__name__})")
        except requests.exceptions.Timeout:
            return FetchFailure(url, FailureReason.ERROR, "timed out reading")
        except requests.exceptions.RequestException as exc:
            return FetchFailure(url, FailureReason.ERROR, f"request failed ({type(exc).__name__})")


def _read_capped(response: requests.Response, max_bytes: int) -> bytes | None:
    """The decoded body, or None once it passes `max_bytes` (read as a stream, never whole)."""
    chunks = []
    size = 0
    deadline = time.monotonic() + 600
    for chunk in response.iter_content(chunk_size=65536):
        size += len(chunk)
        if size > max_bytes or time.monotonic() > deadline:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


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
        return FetchFailure(recording.url, FailureReason.BLOCKED, "HTTP 429 (rate limited)")
    if status >= 400:
        return FetchFailure(recording.url, FailureReason.ERROR, f"HTTP {status}")
    if is_challenge(recording.body):
        return FetchFailure(recording.url, FailureReason.BLOCKED, "bot challenge page instead of content")
    return recording


def is_challenge(body: bytes) -> bool:
    """Whether a 200 body is a bot challenge or denial page (Cloudflare, Akamai) and not content."""
    head = body[:20000].lower()
    return any(marker in head for marker in _CHALLENGE_MARKERS)


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
