import threading
import time

from checker.fetch.cassette import Recording
from checker.fetch.http import FetchSettings, HttpClient
from checker.fetch.robots import RobotsPolicy, robots_url, rules_from_response, user_agent_token
from checker.models import FailureReason, FetchFailure
from support import reply

# SYNTHETIC robots.txt: checker has its own group, everyone else another.
ROBOTS = b"""User-agent: *
Disallow: /private/

User-agent: checker
Disallow: /drafts/
"""


def client(**settings) -> HttpClient:
    settings = {"allowed_hosts": ("127.0.0.1",), "min_delay": 0.0, "backoff_base": 0.01, **settings}
    return HttpClient(FetchSettings(**settings), sleep=lambda seconds: None)


def test_a_page_robots_txt_disallows_is_not_fetched(server):
    server.routes["/robots.txt"] = lambda h: reply(h, 200, ROBOTS)

    outcome = client().get(server.url("/drafts/memo"))

    assert outcome == FetchFailure(server.url("/drafts/memo"), FailureReason.ROBOTS,
                                   f"disallowed by {server.url('/robots.txt')}")
    assert server.hits == ["/robots.txt"]


def test_a_redirect_into_a_disallowed_path_is_stopped_there(server):
    server.routes["/robots.txt"] = lambda h: reply(h, 200, ROBOTS)
    server.routes["/latest"] = lambda h: reply(h, 302, headers={"Location": "/drafts/memo"})

    outcome = client().get(server.url("/latest"))

    assert outcome == FetchFailure(server.url("/latest"), FailureReason.ROBOTS,
                                   f"disallowed by {server.url('/robots.txt')}")
    assert server.hits == ["/robots.txt", "/latest"]


def test_robots_txt_is_read_once_per_host_and_its_rules_for_checker_apply(server):
    server.routes["/robots.txt"] = lambda h: reply(h, 200, ROBOTS)
    server.routes["/private/memo"] = lambda h: reply(h, 200, b"for checker's group this is allowed")
    http = client()

    outcome = http.get(server.url("/private/memo"))
    again = http.get(server.url("/private/memo"))

    assert isinstance(outcome, Recording) and isinstance(again, Recording)
    assert server.hits == ["/robots.txt", "/private/memo", "/private/memo"]


def test_no_robots_txt_allows_everything(server):
    server.routes["/page"] = lambda h: reply(h, 200, b"content")

    outcome = client().get(server.url("/page"))

    assert isinstance(outcome, Recording)
    assert server.hits == ["/robots.txt", "/page"]


def test_a_forbidden_robots_txt_allows_everything_as_google_reads_it(server):
    server.routes["/robots.txt"] = lambda h: reply(h, 403, b"Access Denied")
    server.routes["/page"] = lambda h: reply(h, 200, b"content")

    assert isinstance(client().get(server.url("/page")), Recording)


def test_a_robots_txt_that_keeps_failing_disallows_everything(server):
    server.routes["/robots.txt"] = lambda h: reply(h, 503)

    outcome = client(retries=1).get(server.url("/page"))

    assert outcome == FetchFailure(
        server.url("/page"), FailureReason.ROBOTS,
        f"{server.url('/robots.txt')} answered HTTP 503; a server error on robots.txt means disallow all (Google's rule)")
    assert server.hits == ["/robots.txt", "/robots.txt"]


def test_robots_can_be_ignored_when_the_settings_say_so(server):
    server.routes["/robots.txt"] = lambda h: reply(h, 200, b"User-agent: *\nDisallow: /\n")
    server.routes["/page"] = lambda h: reply(h, 200, b"content")

    assert isinstance(client(respect_robots=False).get(server.url("/page")), Recording)
    assert server.hits == ["/page"]


def test_a_configured_user_agent_names_its_own_robots_group(server):
    server.routes["/robots.txt"] = lambda h: reply(h, 200, b"User-agent: ExampleBot\nDisallow: /\n")
    server.routes["/page"] = lambda h: reply(h, 200, b"content")

    mine = client(user_agent="ExampleBot/2.0 (+https://example.org/bot)").get(server.url("/page"))
    default = client().get(server.url("/page"))

    assert mine.reason is FailureReason.ROBOTS
    assert isinstance(default, Recording)


def test_the_robots_txt_of_a_url_is_on_its_origin():
    assert robots_url("https://WWW.Defense.gov/News/Releases/?x=1") == "https://www.defense.gov/robots.txt"
    assert robots_url("http://127.0.0.1:8080/a/b") == "http://127.0.0.1:8080/robots.txt"
    assert user_agent_token("checker/0.1.0 (source-claim verification; +https://x)") == "checker"
    assert user_agent_token("ExampleBot") == "ExampleBot"


def test_result_codes_are_read_as_google_documents():
    location = "https://example.gov/robots.txt"

    def rules(status: int):
        return rules_from_response(location, Recording(location, status, {}, b"User-agent: *\nDisallow: /\n"))

    assert rules(200).parser is not None
    assert [rules(status).parser or rules(status).refusal for status in (401, 403, 404, 410)] == ["", "", "", ""]
    assert [bool(rules(status).refusal) for status in (429, 500, 503)] == [True, True, True]
    dead = FetchFailure(location, FailureReason.DEAD, "host not found (example.gov)")
    assert rules_from_response(location, dead).unreachable == dead


def test_many_threads_asking_about_one_host_fetch_its_robots_txt_once():
    calls: list[str] = []

    def slow_fetch(location: str) -> Recording:
        calls.append(location)
        time.sleep(0.02)
        return Recording(location, 404, {}, b"")

    policy = RobotsPolicy(slow_fetch)
    threads = [threading.Thread(target=policy.check, args=(f"https://example.gov/page/{n}",)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert calls == ["https://example.gov/robots.txt"]
