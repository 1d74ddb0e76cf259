"""robots.txt, read once per origin (scheme, host and port, as RFC 9309 scopes it) and cached.

How a robots.txt response is read follows Google's documented handling
(developers.google.com/search/docs/crawling-indexing/robots/robots_txt, "Handling of HTTP
result codes"):

- 2xx: the rules are parsed (protego) and applied to checker's user-agent token.
- 3xx: followed by the client like any redirect.
- 4xx other than 429 (401 and 403 included): as if there were no robots.txt, allow all.
- 429 and 5xx (after the client's retries): disallow all. Google does so "temporarily";
  one run of checker is short, so the answer is kept for the run.

Where this departs from Google: when robots.txt cannot be reached at all (host not found,
connection refused, timeout, a redirect loop), Google reads that as a server error; checker
reports the page as failing for that same cause, so a dead host is `dead`, not `robots`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

from checker.fetch.cassette import Recording
from checker.models import FailureReason, FetchFailure

RobotsFetch = Callable[[str], Recording | FetchFailure]


@dataclass(frozen=True)
class RobotsRules:
    """What one origin's robots.txt allows. At most one of the fields is set; none: allow all."""

    parser: Protego | None = None
    refusal: str = ""  # every path disallowed, for this reason
    unreachable: FetchFailure | None = None  # robots.txt could not be fetched at all


def robots_url(url: str) -> str:
    """The robots.txt that governs `url`."""
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)[-1].lower()
    return f"{parts.scheme.lower()}://{netloc}/robots.txt"


def user_agent_token(user_agent: str) -> str:
    """The product token robots.txt groups are matched against: ``checker`` in ``checker/0.1 (...)``."""
    return user_agent.split("/", 1)[0].split(" ", 1)[0].strip() or user_agent


def rules_from_response(location: str, outcome: Recording | FetchFailure) -> RobotsRules:
    """Read a robots.txt response (or fetch failure) as rules, by Google's handling of result codes."""
    if isinstance(outcome, FetchFailure):
        return RobotsRules(unreachable=outcome)
    status = outcome.status
    if 200 <= status < 300:
        return RobotsRules(parser=Protego.parse(outcome.body.decode("utf-8", errors="replace")))
    if status == 429 or status >= 500:
        return RobotsRules(refusal=f"{location} answered HTTP {status}; "
                                   "a server error on robots.txt means disallow all (Google's rule)")
    return RobotsRules()


class RobotsPolicy:
    """Answers whether a URL may be fetched. `fetch` gets robots.txt without consulting robots."""

    def __init__(self, fetch: RobotsFetch, token: str = "checker"):
        self._fetch = fetch
        self.token = token
        self._lock = threading.Lock()
        self._origin_locks: dict[str, threading.Lock] = {}
        self._rules: dict[str, RobotsRules] = {}

    def check(self, url: str) -> FetchFailure | None:
        """None when `url` may be fetched; otherwise the failure to report for it."""
        location = robots_url(url)
        rules = self.rules_for(location)
        if rules.unreachable is not None:
            return FetchFailure(url, rules.unreachable.reason, f"{rules.unreachable.detail} (fetching {location})")
        if rules.refusal:
            return FetchFailure(url, FailureReason.ROBOTS, rules.refusal)
        if rules.parser is not None and not rules.parser.can_fetch(url, self.token):
            return FetchFailure(url, FailureReason.ROBOTS, f"disallowed by {location}")
        return None

    def rules_for(self, location: str) -> RobotsRules:
        """The cached rules of one robots.txt, fetched once even when many threads ask at once."""
        with self._lock:
            origin_lock = self._origin_locks.setdefault(location, threading.Lock())
        with origin_lock:
            if location not in self._rules:
                self._rules[location] = rules_from_response(location, self._fetch(location))
            return self._rules[location]
