"""Interrupted runs (issue 6, point 4): real `python -m checker verify` processes stopped by SIGINT or
SIGTERM at four points, after a complete earlier run whose reports, reviews and recordings must survive.

Where the signal lands:

- during fetching: for real, no hook. The sources are on a local server that answers slowly; the
  signal is sent once stderr says the first source was read, so the others are waiting or in flight.
- reading the claims file, checking claims, writing the reports: these take milliseconds on a small
  file, so the process is started through `PAUSE_HOOK`, a wrapper that wraps one checker function to
  print `PAUSED <point>` and sleep; the test signals when it reads that line. The wrapper changes no
  checker code: it runs `checker.cli.main` as `python -m checker` would. At `writing`, the first report
  file has been written into the run's partial folder when the signal comes.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from checker.cli import main
from checker.fetch.cassette import Recording, cassette_path, read_cassette, write_cassette
from reliability.scenarios import Outcome, scenario
from support import LocalServer, reply

PAUSE_HOOK = r"""
import os, sys, time

point = os.environ["CHECKER_TEST_PAUSE"]


def pause():
    print(f"PAUSED {point}", file=sys.stderr, flush=True)
    time.sleep(60)


def after_first(real):
    calls = []

    def wrapped(*args, **kwargs):
        value = real(*args, **kwargs)
        calls.append(1)
        if len(calls) == 1:
            pause()
        return value
    return wrapped


if point == "claims":
    import checker.claims as module
    real_load = module.load_claims

    def load_claims(path):
        pause()
        return real_load(path)
    module.load_claims = load_claims
elif point == "checking":
    import checker.pipeline as module
    module.check_claim = after_first(module.check_claim)
elif point == "writing":
    import checker.report as module
    module.atomic_write = after_first(module.atomic_write)

from checker.cli import main
sys.exit(main(sys.argv[1:]))
"""

# Synthetic memo texts (a few sentences each) recorded as if fetched from www.example.gov.
RECORDED = {
    "https://www.example.gov/memo-1": b"The Secretary approved a drawdown of up to $600 million for Ukraine.",
    "https://www.example.gov/memo-2": b"The package includes 16 HIMARS launchers and 36,000 rounds of ammunition.",
}
REVIEWS = ("id,verdict,note,reviewer,evidence_hash,checker_verdict,reviewed_at\n"
           "aid-600m,supported,read the memo,ana,0000,supported,2026-11-01T10:00:00+00:00\n")
TEMPORARY_MARKS = (".tmp", ".partial", ".latest.")


def claims_csv(live_urls: list[str]) -> str:
    """Claims on the recorded memos, or (given `live_urls`) on pages of a local server only."""
    rows = ["id,claim,kind,expected,subject,speaker,sources,as_of,notes"]
    if not live_urls:
        rows += ["aid-600m,The US approved $600 million,amount,$600 million,drawdown,,https://www.example.gov/memo-1,,",
                 "himars-16,The package has 16 HIMARS,count,16,HIMARS launchers,,https://www.example.gov/memo-2,,"]
    rows += [f"live-{n},The page says hello {n},statement,hello {n},,,{url},," for n, url in enumerate(live_urls)]
    return "\n".join(rows) + "\n"


def project(tmp: Path, live_urls: list[str]) -> Path:
    """A project folder after one complete run: claims.csv, reviews.csv, cassettes/, reports/."""
    root = tmp / "project"
    root.mkdir()
    (root / "claims.csv").write_text(claims_csv(live_urls), encoding="utf-8")
    (root / "reviews.csv").write_text(REVIEWS, encoding="utf-8")
    recorded = {**RECORDED, **{url: f"hello {n}".encode() for n, url in enumerate(live_urls)}}
    for url, body in recorded.items():
        write_cassette(cassette_path(root / "cassettes", url),
                       [Recording(url, 200, {"Content-Type": "text/plain; charset=utf-8"}, body)], secrets=())
    previous = os.getcwd()
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            code = main(["verify", "claims.csv", "--quiet", "--format", "json,md,html,csv,xlsx,junit,claimreview"])
    finally:
        os.chdir(previous)
    assert code == 0, code
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under `root` (symlinks by their target), keyed by relative path."""
    files = {}
    for path in sorted(root.rglob("*")):
        relative = str(path.relative_to(root))
        if path.is_symlink():
            files[relative] = b"-> " + os.readlink(path).encode()
        elif path.is_file():
            files[relative] = path.read_bytes()
    return files


class Run:
    """A checker process whose stderr is read as it comes, to signal it at a known point."""

    def __init__(self, root: Path, args: list[str], pause: str = "") -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "CHECKER_TEST_PAUSE": pause}
        command = [sys.executable, "-c", PAUSE_HOOK] if pause else [sys.executable, "-m", "checker"]
        self.process = subprocess.Popen([*command, *args], cwd=root, env=env, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        self.changed = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.process.stderr:
            with self.changed:
                self.lines.append(line.rstrip("\n"))
                self.changed.notify_all()
        with self.changed:
            self.lines.append("")  # end of stream
            self.changed.notify_all()

    def wait_for(self, marker: str, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        with self.changed:
            while not any(marker in line for line in self.lines):
                left = deadline - time.monotonic()
                assert left > 0 and self.process.poll() is None, (marker, self.lines)
                self.changed.wait(left)

    def stop(self, signum: int, timeout: float = 20.0) -> tuple[int, float, str, str]:
        """Send `signum`; the exit code, seconds to exit, stdout and stderr."""
        sent = time.monotonic()
        self.process.send_signal(signum)
        try:
            code = self.process.wait(timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()
        took = time.monotonic() - sent
        self.reader.join(5)
        return code, took, self.process.stdout.read(), "\n".join(self.lines)


def leftovers(root: Path) -> list[str]:
    return sorted(str(path.relative_to(root)) for path in root.rglob("*")
                  if any(mark in path.name for mark in TEMPORARY_MARKS))


def check_nothing_lost(root: Path, before: dict[str, bytes], rerecorded: tuple[str, ...] = ()) -> list[str]:
    """The earlier run's files are byte for byte as they were, except the cassettes named in `rerecorded`,
    which a fetch under way may have replaced whole; no temporary file is left; nothing else was added.
    Returns the cassettes that were replaced."""
    after = snapshot(root)
    replaced = []
    for relative, content in before.items():
        if after.get(relative) != content and any(name in relative for name in rerecorded):
            replaced.append(relative)
            continue
        assert after.get(relative) == content, f"{relative} changed or vanished"
    added = sorted(set(after) - set(before))
    assert all(name.startswith("cassettes/") for name in added), added
    for path in (root / "cassettes").rglob("*.yaml"):
        assert read_cassette(path), path
    assert leftovers(root) == [], leftovers(root)
    assert json.loads((root / "reports" / "latest" / "results.json").read_text(encoding="utf-8"))["claims"]
    assert (root / "reports" / "latest" / "report.md").read_text(encoding="utf-8").startswith(
        "# Verification report")
    assert (root / "reviews.csv").read_text(encoding="utf-8") == REVIEWS
    return replaced


# page-0 is re-recorded before the signal (or not, if its recording time is the same second: same bytes);
# page-1 is in flight, and recorded whole once it ends.
FETCHING = re.compile(r"stopped while reading sources; 1 of 2 source\(s\) read, 0 of 2 claim\(s\) checked "
                      r"\([12] re-recording\(s\) written whole\)")
VERIFY = ["verify", "claims.csv", "--format", "json,md,html,csv,xlsx,junit,claimreview"]
EXIT = {signal.SIGINT: 130, signal.SIGTERM: 143}
SAID = {signal.SIGINT: "checker: interrupted: ", signal.SIGTERM: "checker: terminated (SIGTERM): "}
KEPT = "no report written; reports and reviews of earlier runs are left as they were"
REPLAYED = f"{KEPT}, and so are the recordings"
RECORDED_WHOLE = f"{KEPT}; a fetch under way finishes and replaces its recording whole, other recordings are left " \
                 "as they were"


def interrupt_paused(tmp: Path, point: str, signum: int) -> tuple[str, float]:
    """Stop a replay-only run paused at `point`; check what it says and that nothing was lost."""
    root = project(tmp, [])
    before = snapshot(root)
    run = Run(root, VERIFY, pause=point)
    run.wait_for(f"PAUSED {point}")
    code, took, stdout, stderr = run.stop(signum)
    said = stderr.splitlines()[-1] if stderr.strip() else ""
    assert (code, stdout) == (EXIT[signum], ""), (code, stdout, stderr)
    assert said.startswith(SAID[signum]) and said.endswith(REPLAYED), said
    check_nothing_lost(root, before)
    return said[len(SAID[signum]):-len(REPLAYED) - 2], took


def interrupt_fetching(tmp: Path, signum: int) -> tuple[str, float]:
    """Re-record every source from a local server that has turned slow; stop after the first is read."""
    local = LocalServer()
    local.thread.start()
    try:
        local.routes["/page-0"] = lambda h: reply(h, 200, b"hello 0")
        urls = [local.url(f"/page-{n}") for n in range(2)]
        root = project(tmp, urls)
        before = snapshot(root)
        local.routes["/page-1"] = lambda h: reply(h, 200, b"hello again 1", delay=1.5)
        run = Run(root, [*VERIFY, "--record", "all", "--allow-private"])
        deadline = time.monotonic() + 20
        while "/page-1" not in local.hits:  # a slow request is in flight
            assert time.monotonic() < deadline and run.process.poll() is None, run.lines
            time.sleep(0.01)
        run.wait_for("source 1/2 read")  # and the fast one is read (the two are fetched at once)
        code, took, stdout, stderr = run.stop(signum)
        said = stderr.splitlines()[-1]
        assert (code, stdout) == (EXIT[signum], ""), (code, stdout, stderr)
        assert said.startswith(SAID[signum]) and said.endswith(RECORDED_WHOLE), said
        replaced = check_nothing_lost(root, before, rerecorded=("/127.0.0.1/",))
        for relative in replaced:  # a fetch that ended before or just after the signal: recorded whole
            n = relative.split("/page-")[1][0]
            assert [r.body for r in read_cassette(root / relative)] in ([f"hello {n}".encode()],
                                                                       [f"hello again {n}".encode()]), relative
        return said[len(SAID[signum]):-len(RECORDED_WHOLE) - 2] + f" ({len(replaced)} re-recording(s) written " \
            "whole)", took
    finally:
        local.httpd.shutdown()
        local.httpd.server_close()


def _outcome(what: str, took: float, signum: int) -> Outcome:
    return Outcome(f"exit {EXIT[signum]} in {took:.1f} s; said '{what}'; earlier reports and reviews.csv "
                   "byte-identical; cassettes whole; no temp file", lost="nothing")


@scenario("SIGINT while reading claims", tried="Ctrl-C before any source is fetched (paused in load_claims)")
def sigint_reading_claims(tmp: Path) -> Outcome:
    what, took = interrupt_paused(tmp, "claims", signal.SIGINT)
    assert what == "stopped while reading the claims file", what
    return _outcome(what, took, signal.SIGINT)


@scenario("SIGINT while fetching", tried="Ctrl-C while re-recording: 1 of 2 read, the other (1.5 s) in flight")
def sigint_fetching(tmp: Path) -> Outcome:
    what, took = interrupt_fetching(tmp, signal.SIGINT)
    assert FETCHING.fullmatch(what), what
    return _outcome(what, took, signal.SIGINT)


@scenario("SIGTERM while fetching", tried="SIGTERM while re-recording: 1 of 2 read, the other (1.5 s) in flight")
def sigterm_fetching(tmp: Path) -> Outcome:
    what, took = interrupt_fetching(tmp, signal.SIGTERM)
    assert FETCHING.fullmatch(what), what
    return _outcome(what, took, signal.SIGTERM)


@scenario("SIGINT while checking claims", tried="Ctrl-C after the first claim is checked (paused in check_claim)")
def sigint_checking(tmp: Path) -> Outcome:
    what, took = interrupt_paused(tmp, "checking", signal.SIGINT)
    assert what == "stopped while checking claims; 2 of 2 source(s) read, 0 of 2 claim(s) checked", what
    return _outcome(what, took, signal.SIGINT)


@scenario("SIGINT while writing reports", tried="Ctrl-C after results.json is written into the partial folder")
def sigint_writing(tmp: Path) -> Outcome:
    what, took = interrupt_paused(tmp, "writing", signal.SIGINT)
    assert what == "stopped while writing the reports; 2 of 2 source(s) read, 2 of 2 claim(s) checked", what
    return _outcome(what, took, signal.SIGINT)


@scenario("SIGTERM while writing reports", tried="SIGTERM after results.json is written into the partial folder")
def sigterm_writing(tmp: Path) -> Outcome:
    what, took = interrupt_paused(tmp, "writing", signal.SIGTERM)
    assert what == "stopped while writing the reports; 2 of 2 source(s) read, 2 of 2 claim(s) checked", what
    return _outcome(what, took, signal.SIGTERM)
