"""The README's two commands are the contract with a new user; CI must run the same test command."""

import re

from checker.cli import build_parser
from support import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def shell_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)\n```", README, re.DOTALL)


def test_the_readme_gives_exactly_two_commands_one_verifying_and_one_testing():
    verify, test = shell_blocks()

    assert verify.endswith("checker verify claims.csv")
    assert test == "bash scripts/test.sh"
    assert (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8").rstrip().endswith('exec .venv/bin/pytest "$@"')


def test_ci_runs_the_readmes_test_command_as_written():
    _, test = shell_blocks()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")

    assert test in ci.splitlines()


def test_the_readme_documents_every_verify_option():
    verify = next(a for a in build_parser()._subparsers._group_actions[0].choices.items() if a[0] == "verify")[1]
    options = [o for action in verify._actions for o in action.option_strings if o.startswith("--")]

    missing = [o for o in options if o not in README and o != "--help"]
    assert missing == []
