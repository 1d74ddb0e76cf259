"""junit.xml: one test case per claim, for CI systems that show JUnit results.

A claim is a test case named by its id, its class the claim's kind. It fails when its verdict
is one of the failing verdicts: those of `--fail-on` (`run.extra["fail_on"]`), or, when
`--fail-on` names none, `contradicted` and `not_found`. A claim whose sources could not be
read (`source_unavailable`) and is not failing is skipped. The message gives the verdict and
the reason; the body the evidence.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from checker.history import DEFAULT_FAILING
from checker.models import Result, Verdict
from checker.report import Run, summary_line

FILENAME = "junit.xml"

# Characters XML 1.0 does not allow (PDF text brings form feeds and other control characters).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def failing_verdicts(run: Run) -> frozenset[Verdict]:
    """The verdicts that fail a test case in this run."""
    named = frozenset(Verdict(value) for value in run.extra.get("fail_on", ()))
    return named or DEFAULT_FAILING


def render(run: Run) -> str:
    failing = failing_verdicts(run)
    cases = [_testcase(result, failing) for result in run.results]
    failures = sum(1 for case in cases if case.find("failure") is not None)
    skipped = sum(1 for case in cases if case.find("skipped") is not None)
    counts = {"tests": str(len(cases)), "failures": str(failures), "errors": "0", "skipped": str(skipped)}
    suites = ET.Element("testsuites", {"name": "checker", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": _clean(run.claims_file), **counts,
                                                "timestamp": run.generated_at[:19], "time": "0"})
    properties = ET.SubElement(suite, "properties")
    for name, value in (("checker_version", run.checker_version), ("record_mode", run.record_mode),
                        ("failing_verdicts", ",".join(sorted(failing))), ("summary", summary_line(run))):
        ET.SubElement(properties, "property", {"name": name, "value": _clean(value)})
    suite.extend(cases)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _testcase(result: Result, failing: frozenset[Verdict]) -> ET.Element:
    claim = result.claim
    case = ET.Element("testcase", {"classname": claim.kind.value, "name": _clean(claim.id), "time": "0"})
    message = _clean(f"{result.verdict.value} ({result.score:.2f}): {' '.join(result.reason.split())}")
    if result.verdict in failing:
        failure = ET.SubElement(case, "failure", {"message": message, "type": result.verdict.value})
        failure.text = _details(result)
    elif result.verdict is Verdict.SOURCE_UNAVAILABLE:
        ET.SubElement(case, "skipped", {"message": message})
    else:
        ET.SubElement(case, "system-out").text = _details(result)
    return case


def _details(result: Result) -> str:
    """The claim, the reason and each piece of evidence with where it is, as plain text."""
    claim = result.claim
    lines = [f"claim: {claim.claim}"]
    if claim.expected:
        lines.append(f"expected: {claim.expected}")
    lines.append(f"verdict: {result.verdict.value} ({result.score:.2f})")
    lines.append(f"reason: {result.reason}")
    for evidence in result.evidence:
        where = ", ".join(part for part in (evidence.locator, f"characters {evidence.start}-{evidence.end}") if part)
        lines.append(f"evidence ({where}) {evidence.url}:")
        lines.append(f"  {' '.join(evidence.text.split())}")
        if evidence.note:
            lines.append(f"  note: {evidence.note}")
    for check in result.sources:
        if check.status != "ok":
            lines.append(f"source {check.status}: {check.url}" + (f" ({check.detail})" if check.detail else ""))
    return _clean("\n".join(lines))


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
