"""report.html opened in a real headless Chromium: no console error, the verdict filter and the
search change what is shown, and hostile source text shows as text.

Chromium is driven through the Chrome DevTools Protocol over `--remote-debugging-pipe` (JSON
messages ending in NUL on file descriptors 3 and 4), so no Python package is needed. Without
Chromium the tests skip, except in CI (CI=true), where they fail: CI must run them.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from checker.cli import main
from checker.models import Claim, Evidence, Finding, Kind, Result, SourceCheck, Verdict
from checker.report import Run, write_reports
from support import ROOT

SCREENSHOT = Path("/tmp/checker-report.png")  # the seed report as it opens, for a person to look at
DETAIL_SCREENSHOT = Path("/tmp/checker-report-detail.png")  # filtered to one verdict, at the claims in detail
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--mute-audio", "--window-size=1280,1600"]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or (
        "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None)


class Browser:
    """One headless Chromium and its one page, attached over the DevTools pipe."""

    def __init__(self, executable: str, profile: Path) -> None:
        to_browser, self._write = os.pipe()
        self._read, from_browser = os.pipe()

        def give_pipes() -> None:  # runs in the child: the pipe ends become fds 3 (commands) and 4 (replies)
            commands, replies = os.dup(to_browser), os.dup(from_browser)
            os.dup2(commands, 3)
            os.dup2(replies, 4)

        self.log = open(profile / "chromium.log", "wb")
        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            pass_fds=(3, 4), preexec_fn=give_pipes, stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log)
        os.close(to_browser)
        os.close(from_browser)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict] = []
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(target for target in targets if target["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=True)
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=1280, height=1600,
                  deviceScaleFactor=1, mobile=False)

    def call(self, method: str, session: bool = False, timeout: float = 30, **params) -> dict:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._write, json.dumps(message).encode("utf-8") + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            self.events.append(reply)

    def wait_for(self, event: str, timeout: float = 30) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            for seen in self.events:
                if seen.get("method") == event:
                    self.events.remove(seen)
                    return seen
            self.events.append(self._receive(deadline))

    def _receive(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self._read], [], [], remaining)[0]:
                raise TimeoutError("no answer from Chromium")
            chunk = os.read(self._read, 1 << 16)
            if not chunk:
                raise EOFError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def open(self, path: Path) -> None:
        self.events.clear()
        self.call("Page.navigate", session=True, url=path.resolve().as_uri())
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str):
        reply = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True)
        if "exceptionDetails" in reply:
            raise RuntimeError(f"{expression}: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def type_text(self, selector: str, text: str) -> None:
        """Focus a field and type into it as a person would (the page sees real input events)."""
        self.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
        self.call("Input.insertText", session=True, text=text)

    def choose(self, selector: str, value: str) -> None:
        self.evaluate(f"(function (s) {{ s.value = {json.dumps(value)}; "
                      "s.dispatchEvent(new Event('change', {bubbles: true})); })"
                      f"(document.querySelector({json.dumps(selector)}))")

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions, browser log errors (CSP refusals among them), dialogs."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(params["exceptionDetails"].get("text", "exception"))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append(" ".join(str(arg.get("value", arg.get("description", ""))) for arg in params["args"]))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append(params["entry"].get("text", ""))
            elif method == "Page.javascriptDialogOpening":
                found.append(f"dialog: {params.get('message')}")
        return found

    def screenshot(self, path: Path) -> None:
        data = self.call("Page.captureScreenshot", session=True, format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=5)
        except (OSError, RuntimeError, TimeoutError, EOFError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._write)
        os.close(self._read)
        self.log.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    executable = chromium_path()
    if executable is None:
        message = "Chromium is not installed (/usr/bin/chromium); scripts/test.sh installs it with apt-get"
        if os.environ.get("CI") == "true":
            pytest.fail(f"the HTML report's browser tests must run in CI: {message}")
        pytest.skip(message)
    opened = Browser(executable, tmp_path_factory.mktemp("chromium-profile"))
    yield opened
    opened.close()


VISIBLE_ROWS = ("Array.from(document.querySelectorAll('#claims-table tbody tr'))"
                ".filter(function (row) { return row.offsetParent !== null; })"
                ".map(function (row) { return row.cells[0].textContent; })")
VISIBLE_DETAILS = ("Array.from(document.querySelectorAll('section.claim-detail'))"
                   ".filter(function (s) { return s.offsetParent !== null; }).map(function (s) { return s.id; })")

SCRIPT_TEXT = "<script>alert(1)</script>"


def hostile_run() -> Run:
    """Three synthetic claims; the source text carries a script tag and a spreadsheet formula."""
    url = "https://www.example.gov/briefing"
    evidence = Evidence(url, f'MR. KIRBY: we will win. {SCRIPT_TEXT} =HYPERLINK("http://evil.example","x")',
                        0, 80, "para 4", "punctuation differs")
    supported = Result(Claim("q1", "Kirby said: we will win.", Kind.QUOTE, expected="we will win", row=2),
                       Verdict.SUPPORTED, 1.0, "exact words found", (evidence,),
                       (SourceCheck(url, "ok", finding=Finding(Verdict.SUPPORTED, 1.0, "exact", (evidence,))),))
    title = Evidence(url, "India's Prime Minister, Narendra Modi, said so.", 100, 147, "para 9",
                     "title: 'Prime Minister'")
    contradicted = Result(Claim("modi", "President Modi said so.", Kind.ATTRIBUTION, expected="President",
                                subject="Narendra Modi", row=3),
                          Verdict.CONTRADICTED, 0.0, "the source calls Narendra Modi 'Prime Minister'", (title,))
    unavailable = Result(Claim("s1", f"A claim with {SCRIPT_TEXT} and no source", Kind.STATEMENT, row=4),
                         Verdict.SOURCE_UNAVAILABLE, 0.0, "no_source: claims.csv names no source for this claim")
    return Run((supported, contradicted, unavailable), generated_at="2026-11-24T00:00:00+00:00")


def test_a_report_holding_a_script_tag_opens_without_error_and_shows_the_tag_as_text(browser, tmp_path):
    write_reports(hostile_run(), tmp_path, ("html",))

    browser.open(tmp_path / "report.html")

    assert browser.errors() == []
    assert browser.evaluate("document.scripts.length") == 1  # the report's own filter script only
    text = browser.evaluate("document.body.innerText")
    assert text.count(SCRIPT_TEXT) == 3  # in the evidence, and in the claim (table row and detail)
    assert '=HYPERLINK("http://evil.example","x")' in text
    assert browser.evaluate("document.querySelectorAll('a[href^=\"http://evil\"]').length") == 0
    marked = browser.evaluate("document.querySelector('#claim-modi blockquote mark.diff').textContent")
    assert marked == "Prime Minister"


def test_a_script_slipped_into_the_page_is_refused_and_reported(browser, tmp_path):
    page = (tmp_path / "report.html")
    write_reports(hostile_run(), tmp_path, ("html",))
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</body>", "<script>document.title = 'injected'</script></body>"), encoding="utf-8")

    browser.open(page)

    assert browser.evaluate("document.title") == "Verification report: claims.csv"
    assert [error.split(" violates ")[0] for error in browser.errors()] == ["Executing inline script"]


def test_choosing_a_verdict_shows_only_its_claims_and_the_search_narrows_further(browser, tmp_path):
    write_reports(hostile_run(), tmp_path, ("html",))
    browser.open(tmp_path / "report.html")
    assert browser.evaluate(VISIBLE_ROWS) == ["q1", "modi", "s1"]
    assert browser.evaluate("document.getElementById('shown').textContent") == "Showing 3 of 3 claims"

    browser.choose("#verdict-filter", "contradicted")

    assert browser.evaluate(VISIBLE_ROWS) == ["modi"]
    assert browser.evaluate(VISIBLE_DETAILS) == ["claim-modi"]
    assert browser.evaluate("document.getElementById('shown').textContent") == "Showing 1 of 3 claims"

    browser.choose("#verdict-filter", "")
    browser.type_text("#search", "kirby")

    assert browser.evaluate(VISIBLE_ROWS) == ["q1"]  # found in the claim and in the evidence
    assert browser.errors() == []


def test_the_seed_report_shows_the_fifty_claims_and_filters_them(browser, tmp_path):
    out = tmp_path / "reports"
    code = main(["verify", str(ROOT / "claims.csv"), "--cassettes", str(ROOT / "cassettes"), "--out", str(out),
                 "--format", "json,md,html", "--quiet"])
    assert code == 0
    claims = json.loads((out / "latest" / "results.json").read_text(encoding="utf-8"))["claims"]
    supported = [claim["id"] for claim in claims if claim["verdict"] == "supported"]

    browser.open(out / "latest" / "report.html")
    browser.screenshot(SCREENSHOT)

    assert browser.errors() == []
    assert len(claims) == 50
    assert browser.evaluate(VISIBLE_ROWS) == [claim["id"] for claim in claims]
    assert browser.evaluate("document.getElementById('shown').textContent") == "Showing 50 of 50 claims"
    browser.choose("#verdict-filter", "supported")
    assert browser.evaluate(VISIBLE_ROWS) == supported
    assert browser.evaluate(VISIBLE_DETAILS) == [f"claim-{claim_id}" for claim_id in supported]
    assert SCREENSHOT.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    browser.choose("#verdict-filter", "contradicted")
    browser.evaluate("document.getElementById('details').scrollIntoView()")
    browser.screenshot(DETAIL_SCREENSHOT)
    assert browser.evaluate(VISIBLE_ROWS) == [claim["id"] for claim in claims if claim["verdict"] == "contradicted"]
