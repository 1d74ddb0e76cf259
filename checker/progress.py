"""Progress of a verify run, on stderr: a bar on a terminal, plain lines elsewhere (CI), or nothing.

A reporter is told how many sources and claims there are (`start`), then each source read
(`source`, called from the fetching threads) and each claim checked (`claim`), and `close`d.
"""

from __future__ import annotations

import sys
import threading
from typing import TextIO

from checker.models import Result


class NoProgress:
    """--quiet: says nothing."""

    def start(self, sources: int, claims: int) -> None:
        pass

    def source(self, url: str) -> None:
        pass

    def claim(self, result: Result) -> None:
        pass

    def close(self) -> None:
        pass


class LogProgress(NoProgress):
    """Plain lines for a log: one when reading starts, one per source read, one when the claims are checked."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.sources = self.claims = self.read = self.checked = 0
        self.lock = threading.Lock()

    def start(self, sources: int, claims: int) -> None:
        self.sources, self.claims = sources, claims
        self._say(f"checker: reading {sources} source(s) for {claims} claim(s)")

    def source(self, url: str) -> None:
        with self.lock:
            self.read += 1
            self._say(f"checker: source {self.read}/{self.sources} read: {url}")

    def claim(self, result: Result) -> None:
        self.checked += 1
        if self.checked == self.claims:
            self._say(f"checker: {self.checked} claim(s) checked")

    def _say(self, line: str) -> None:
        print(line, file=self.stream, flush=True)


class RichProgress(NoProgress):
    """Two bars on a terminal: sources fetched and claims checked. They vanish when the run ends."""

    def __init__(self, stream: TextIO) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.bars = Progress(TextColumn("{task.description:<16}"), BarColumn(), MofNCompleteColumn(),
                             TimeElapsedColumn(), console=Console(file=stream), transient=True)
        self.sources_task = self.claims_task = None

    def start(self, sources: int, claims: int) -> None:
        self.sources_task = self.bars.add_task("Sources fetched", total=sources)
        self.claims_task = self.bars.add_task("Claims checked", total=claims)
        self.bars.start()

    def source(self, url: str) -> None:
        self.bars.advance(self.sources_task)

    def claim(self, result: Result) -> None:
        self.bars.advance(self.claims_task)

    def close(self) -> None:
        self.bars.stop()


def reporter(quiet: bool = False, stream: TextIO | None = None) -> NoProgress:
    """The reporter for where stderr goes: nothing when quiet, a bar on a terminal, lines otherwise."""
    stream = stream if stream is not None else sys.stderr
    if quiet:
        return NoProgress()
    if stream.isatty():
        return RichProgress(stream)
    return LogProgress(stream)
