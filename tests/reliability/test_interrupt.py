"""Interruptions, in process: what the message says at each stage, and SIGTERM handled like Ctrl-C.
The real runs stopped by signals are the scenarios in scenarios_interrupt.py."""

from __future__ import annotations

import os
import signal

import pytest

from checker import cli
from checker.cli import Stage, main

KEPT = "no report written; reports and reviews of earlier runs are left as they were"


def test_each_stage_says_what_was_not_finished():
    fetching = Stage(started=True, sources=10, claims=25, read=["a", "b", "c"], recording=True)
    replaying = Stage(started=True, sources=10, claims=25, read=["a", "b", "c"])
    checking = Stage(started=True, sources=2, claims=25, read=["a", "b"], checked=7, recording=True)
    writing = Stage(started=True, sources=2, claims=25, read=["a", "b"], checked=25, writing=True)

    assert Stage().describe() == f"stopped while reading the claims file; {KEPT}, and so are the recordings"
    assert fetching.describe() == (f"stopped while reading sources; 3 of 10 source(s) read, 0 of 25 claim(s) "
                                   f"checked; {KEPT}; a fetch under way finishes and replaces its recording "
                                   "whole, other recordings are left as they were")
    assert replaying.describe() == (f"stopped while reading sources; 3 of 10 source(s) read, 0 of 25 claim(s) "
                                    f"checked; {KEPT}, and so are the recordings")
    assert checking.describe() == (f"stopped while checking claims; 2 of 2 source(s) read, 7 of 25 claim(s) "
                                   f"checked; {KEPT}, and so are the recordings")
    assert writing.describe() == (f"stopped while writing the reports; 2 of 2 source(s) read, 25 of 25 claim(s) "
                                  f"checked; {KEPT}, and so are the recordings")
    assert Stage(published=True).describe() == "stopped after the reports were written"


def test_sigterm_during_a_command_exits_143_and_the_handler_is_put_back(monkeypatch, tmp_path, capsys):
    def terminated_while_validating(args):
        os.kill(os.getpid(), signal.SIGTERM)  # delivered to the handler main() installed
        raise AssertionError("SIGTERM did not stop the command")

    monkeypatch.setattr(cli, "run_validate", terminated_while_validating)
    before = signal.getsignal(signal.SIGTERM)

    code = main(["validate", str(tmp_path / "claims.csv")])

    assert code == 143
    assert capsys.readouterr().err == ("checker: terminated (SIGTERM): reports and recordings of earlier runs are "
                                       "left as they were\n")
    assert signal.getsignal(signal.SIGTERM) is before


def test_ctrl_c_exits_130(monkeypatch, tmp_path, capsys):
    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "run_validate", interrupted)

    assert main(["validate", str(tmp_path / "claims.csv")]) == 130
    assert capsys.readouterr().err == "checker: interrupted: reports and recordings of earlier runs are left as " \
                                      "they were\n"


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_the_exit_codes_are_the_shell_conventions(signum):
    assert {signal.SIGINT: cli.EXIT_INTERRUPTED, signal.SIGTERM: cli.EXIT_TERMINATED}[signum] == 128 + signum
