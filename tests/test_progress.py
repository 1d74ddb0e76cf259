"""Progress on stderr: a rich bar on a terminal, plain lines in a log, nothing when quiet."""

import io

from checker.models import Claim, Kind, Result, Verdict
from checker.progress import LogProgress, NoProgress, RichProgress, reporter

RESULT = Result(Claim("aid-600m", "an additional $600 million", Kind.AMOUNT), Verdict.SUPPORTED, 1.0, "found")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run_through(progress, sources=("https://www.example.gov/a", "https://www.example.gov/b"), claims=2) -> None:
    progress.start(len(sources), claims)
    for url in sources:
        progress.source(url)
    for _ in range(claims):
        progress.claim(RESULT)
    progress.close()


def test_the_reporter_suits_where_stderr_goes():
    assert type(reporter(quiet=True, stream=Terminal())) is NoProgress
    assert type(reporter(stream=Terminal())) is RichProgress
    assert type(reporter(stream=io.StringIO())) is LogProgress


def test_a_log_gets_a_line_per_source_and_one_when_the_claims_are_checked():
    log = io.StringIO()

    run_through(LogProgress(log))

    assert log.getvalue() == ("checker: reading 2 source(s) for 2 claim(s)\n"
                              "checker: source 1/2 read: https://www.example.gov/a\n"
                              "checker: source 2/2 read: https://www.example.gov/b\n"
                              "checker: 2 claim(s) checked\n")


def test_a_terminal_gets_bars_for_sources_and_claims():
    terminal = Terminal()
    progress = RichProgress(terminal)
    progress.bars.console.width = 80
    progress.start(2, 3)
    progress.source("https://www.example.gov/a")
    progress.claim(RESULT)

    tasks = {task.description: (task.completed, task.total) for task in progress.bars.tasks}
    progress.close()

    assert tasks == {"Sources fetched": (1, 2), "Claims checked": (1, 3)}
    assert "Sources fetched" in terminal.getvalue()


def test_quiet_says_nothing():
    stream = Terminal()

    run_through(reporter(quiet=True, stream=stream))

    assert stream.getvalue() == ""
