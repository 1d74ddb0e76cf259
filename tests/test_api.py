import subprocess
import sys

from checker import check_text, extract_text
from checker.models import Verdict

# The 2022-09-15 drawdown memorandum (bidenwhitehouse.archives.gov; a US government work, public domain).
MEMO = ("I hereby delegate to the Secretary\nof State the authority under section 506(a)(1) of the FAA to direct the\n"
        "drawdown of up to $600 million in defense articles and services of the\nDepartment of Defense")


def test_check_text_runs_matching_and_verdict_on_a_text():
    result = check_text("an additional $600 million in weapons", MEMO, kind="amount", expected="$600 million",
                        subject="drawdown")

    assert result.verdict is Verdict.SUPPORTED
    (evidence,) = result.evidence[:1]
    assert MEMO[evidence.start:evidence.end] == evidence.text
    assert "$600 million" in evidence.text


def test_check_text_contradicts_a_wrong_figure():
    result = check_text("$700 million", MEMO, kind="amount", expected="$700 million", subject="drawdown")

    assert result.verdict is Verdict.CONTRADICTED
    assert "$700 million" in result.reason and "$600 million" in result.reason


def test_extract_text_is_the_extraction_stage():
    assert extract_text(b"<html><body><p>Hello</p><script>x()</script></body></html>", "text/html") == "Hello"


def test_python_dash_m_checker_is_the_cli():
    done = subprocess.run([sys.executable, "-m", "checker", "--version"], capture_output=True, text=True)

    assert (done.returncode, done.stdout) == (0, "checker 0.1.0\n")
