"""Re-recording asks with the recording's validators; a 304 keeps the recording and is `unchanged`."""

from checker.fetch.cassette import Recording, cassette_path, read_cassette, write_cassette
from checker.fetch.changes import SourceChange
from checker.fetch.http import FetchSettings, HttpClient, NotModified, conditional_headers
from checker.fetch.store import MAX_FETCH_WORKERS, REPLAY_WORKERS, Fetched, SourceStore, revalidation_headers
from checker.models import FailureReason, FetchFailure
from support import reply

# From the White House press briefing of 1 September 2022 (a US government work).
BRIEFING = (
    "MS. JEAN-PIERRE: Good afternoon, everybody. A couple of things at the top. Today's announcement by "
    "Micron is another big win for America. Micron is investing $15 billion over the next decade at a "
    "manufacturing facility in Idaho, and they directly credit the passage of the CHIPS Act that made this "
    "possible.\n"
).encode("utf-8")
# SYNTHETIC: the same paragraph with its figure altered, as a page edited after the fact would be.
EDITED = BRIEFING.replace(b"$15 billion", b"$40 billion")
ETAG = '"briefing-v1"'
LAST_MODIFIED = "Thu, 01 Sep 2022 22:12:44 GMT"
CONDITIONAL = ("If-None-Match", "If-Modified-Since")


def client() -> HttpClient:
    return HttpClient(FetchSettings(allowed_hosts=("127.0.0.1",), min_delay=0.0, respect_robots=False))


class Page:
    """A route serving one body with validators, honouring If-None-Match / If-Modified-Since unless told
    to ignore them; it keeps the conditional headers of each request it was sent."""

    def __init__(self, body: bytes = BRIEFING, etag: str = ETAG, last_modified: str = "", honour: bool = True):
        self.body, self.etag, self.last_modified, self.honour = body, etag, last_modified, honour
        self.asked: list[dict[str, str]] = []

    def __call__(self, handler) -> None:
        asked = {name: handler.headers[name] for name in CONDITIONAL if handler.headers.get(name)}
        self.asked.append(asked)
        validators = {name: value for name, value in (("ETag", self.etag), ("Last-Modified", self.last_modified))
                      if value}
        current = (asked.get("If-None-Match") == self.etag if "If-None-Match" in asked
                   else bool(asked) and asked.get("If-Modified-Since") == self.last_modified)
        if self.honour and current:
            reply(handler, 304, b"", validators)
        else:
            reply(handler, 200, self.body, validators)


def record_then_rerecord(server, tmp_path, page: Page):
    """A first `--record once` run, then a `--record all` run; the second run's outcome and store."""
    server.routes["/briefing"] = page
    url = server.url("/briefing")
    first = SourceStore(tmp_path, "once", client()).fetch(url)
    assert isinstance(first, Fetched) and not first.replayed
    store = SourceStore(tmp_path, "all", client())
    return url, store.fetch(url), store


def test_an_unchanged_source_answers_304_and_its_recording_is_kept_as_it_was(server, tmp_path):
    page = Page()
    server.routes["/briefing"] = page
    url = server.url("/briefing")
    SourceStore(tmp_path, "once", client()).fetch(url)
    path = cassette_path(tmp_path, url)
    before = path.read_bytes()
    recorded_at = read_cassette(path)[0].provenance["recorded-at"]
    store = SourceStore(tmp_path, "all", client())

    outcome = store.fetch(url)

    assert page.asked == [{}, {"If-None-Match": ETAG}]
    assert isinstance(outcome, Fetched)
    assert (outcome.replayed, outcome.revalidated, outcome.cassette) == (True, True, path)
    assert outcome.recording.body == BRIEFING
    assert path.read_bytes() == before
    assert store.changes == (
        SourceChange(url, "unchanged", f"not modified (HTTP 304); the recording of {recorded_at} is kept"),)


def test_a_changed_etag_brings_a_new_body_that_is_re_recorded_and_reported_changed(server, tmp_path):
    page = Page()
    server.routes["/briefing"] = page
    url = server.url("/briefing")
    SourceStore(tmp_path, "once", client()).fetch(url)
    page.body, page.etag = EDITED, '"briefing-v2"'
    store = SourceStore(tmp_path, "all", client())

    outcome = store.fetch(url)

    assert page.asked == [{}, {"If-None-Match": ETAG}]
    assert isinstance(outcome, Fetched) and (outcome.replayed, outcome.revalidated) == (False, False)
    assert read_cassette(cassette_path(tmp_path, url))[0].body == EDITED
    assert read_cassette(cassette_path(tmp_path, url))[0].headers["ETag"] == '"briefing-v2"'
    [change] = store.changes
    assert change.status == "changed"
    assert [line[:34] for line in change.diff.splitlines()] == ["-Micron is investing $15 billion o",
                                                                "+Micron is investing $40 billion o"]


def test_a_server_that_ignores_if_none_match_still_gives_the_page_and_the_hash_says_unchanged(server, tmp_path):
    page = Page(honour=False)

    url, outcome, store = record_then_rerecord(server, tmp_path, page)

    assert page.asked == [{}, {"If-None-Match": ETAG}]
    assert isinstance(outcome, Fetched) and (outcome.replayed, outcome.revalidated) == (False, False)
    assert outcome.recording.body == BRIEFING
    assert store.changes == (SourceChange(url, "unchanged"),)


def test_last_modified_alone_is_sent_as_if_modified_since(server, tmp_path):
    page = Page(etag="", last_modified=LAST_MODIFIED)

    url, outcome, store = record_then_rerecord(server, tmp_path, page)

    assert page.asked == [{}, {"If-Modified-Since": LAST_MODIFIED}]
    assert isinstance(outcome, Fetched) and outcome.revalidated
    assert store.changes[0].status == "unchanged"


def test_a_recording_without_validators_is_re_fetched_with_no_conditional_header(server, tmp_path):
    page = Page(etag="")

    url, outcome, store = record_then_rerecord(server, tmp_path, page)

    assert page.asked == [{}, {}]
    assert isinstance(outcome, Fetched) and not outcome.revalidated
    assert store.changes == (SourceChange(url, "unchanged"),)


def test_replaying_never_sends_a_request(server, tmp_path):
    page = Page()
    server.routes["/briefing"] = page
    url = server.url("/briefing")
    SourceStore(tmp_path, "once", client()).fetch(url)

    replayed = [SourceStore(tmp_path, "none").fetch(url), SourceStore(tmp_path, "once", client()).fetch(url),
                SourceStore(tmp_path, "new_episodes", client()).fetch(url)]

    assert server.hits == ["/briefing"]
    assert [(o.replayed, o.revalidated, o.recording.body) for o in replayed] == [(True, False, BRIEFING)] * 3


def test_the_client_gives_not_modified_only_to_a_conditional_request(server):
    server.routes["/briefing"] = lambda h: reply(h, 304, b"", {"ETag": ETAG})
    url = server.url("/briefing")

    asked = client().get(url, validators={"If-None-Match": ETAG})
    unasked = client().get(url)

    assert asked == NotModified(url, asked.headers)
    assert asked.headers["ETag"] == ETAG
    assert unasked == FetchFailure(url, FailureReason.ERROR, "HTTP 304 to a request that was not conditional")


def test_validators_follow_a_redirect_to_the_page_they_came_from(server):
    page = Page()
    server.routes["/old"] = lambda h: reply(h, 301, b"", {"Location": "/briefing"})
    server.routes["/briefing"] = page

    outcome = client().get(server.url("/old"), validators={"If-None-Match": ETAG})

    assert outcome == NotModified(server.url("/old"), outcome.headers)
    assert page.asked == [{"If-None-Match": ETAG}]


def test_only_a_live_capture_of_content_is_revalidated():
    headers = {"ETag": ETAG, "Last-Modified": LAST_MODIFIED, "Content-Type": "text/plain"}
    live = Recording("https://www.whitehouse.gov/briefing", 200, {**headers, "X-Checker-Provenance": "live"}, BRIEFING)
    recorded_elsewhere = Recording(live.url, 200, headers, BRIEFING)
    snapshot = Recording(live.url, 200, {**headers, "X-Checker-Provenance": "archived-snapshot"}, BRIEFING)
    copy = Recording(live.url, 200, {**headers, "X-Checker-Provenance": "archived-copy"}, BRIEFING)
    denied = Recording(live.url, 403, headers, b"Access Denied")

    assert revalidation_headers(live) == {"If-None-Match": ETAG, "If-Modified-Since": LAST_MODIFIED}
    assert revalidation_headers(recorded_elsewhere) == conditional_headers(live)
    assert [revalidation_headers(r) for r in (snapshot, copy, denied, None)] == [{}, {}, {}, {}]


def test_a_snapshot_with_an_etag_is_re_fetched_without_validators(tmp_path):
    url = "https://www.whitehouse.gov/briefing"
    write_cassette(cassette_path(tmp_path, url), [Recording(
        url, 200, {"ETag": ETAG, "X-Checker-Provenance": "archived-snapshot"}, b"as archived")])
    calls = []

    class Client:
        def get(self, url, **kwargs):
            calls.append((url, kwargs))
            return Recording(url, 200, {"Content-Type": "text/plain"}, BRIEFING)

    outcome = SourceStore(tmp_path, "all", Client()).fetch(url)

    assert calls == [(url, {})]
    assert outcome.recording.body == BRIEFING


def test_fetch_workers_are_two_per_request_slot_up_to_a_cap(tmp_path):
    three_hosts = [f"https://host{n % 3}.example.gov/page/{n}" for n in range(30)]
    one_each = [f"https://host{n}.example.gov/" for n in range(5)]
    one_host_with_one_page_more = [*one_each, "https://host0.example.gov/other"]
    ten_hosts = [f"https://host{n % 10}.example.gov/page/{n}" for n in range(200)]
    live = SourceStore(tmp_path, "all", client())

    assert live.workers_for(three_hosts) == 12
    assert live.workers_for(one_each) == 5
    assert live.workers_for(one_host_with_one_page_more) == 6
    assert live.workers_for(ten_hosts) == MAX_FETCH_WORKERS == 32
    assert live.workers_for([]) == 1
    assert SourceStore(tmp_path, "none").workers_for(ten_hosts) == REPLAY_WORKERS == 8
