"""Hostile input (issue 6, point 2): a claims.csv with formulas, markup, script, control characters, a
BOM, a line in cp1252, duplicate ids and URLs of every wrong kind, citing a recorded source whose text
holds script tags and formula-looking cells; and a claims file of 100,000 rows.

The run is the real command (`checker.cli.main verify`, every report format), offline from a cassette
written here. Every fixture in this module is synthetic.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import resource
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import lxml.html
import openpyxl

from checker.cli import main
from checker.fetch.cassette import Recording, cassette_path, write_cassette
from checker.report import FORMATS
from reliability.scenarios import Outcome, scenario

SOURCE = "https://www.example.gov/hostile-memo"
# Synthetic: a memo page with a script of its own, script tags written as text, and spreadsheet formulas.
SOURCE_HTML = b"""<html><head><title>Memo</title><script>alert('head')</script></head><body>
<article><h1>Drawdown memo</h1>
<p>The Secretary approved a drawdown of up to $600 million in defense articles for Ukraine on Friday.</p>
<p>The committee pasted &lt;script&gt;alert("evidence")&lt;/script&gt; into its record, as the clerk noted.</p>
<script>document.write('inline')</script>
<p>=HYPERLINK("http://evil.example","click") was the formula typed in cell A1 of the annex.</p>
<table><tr><td>=cmd|' /C calc'!A0</td><td>+1</td><td>-1</td><td>@SUM(A1:A9)</td></tr></table>
</article></body></html>"""

FORMULAS = ("=cmd|' /C calc'!A0", "+1", "-1", "@SUM(A1:A9)")
DANGEROUS_LEADING = ("=", "+", "-", "@", "\t", "\r")
SCRIPT = "<script>alert(1)</script>"

# id, claim, kind, expected, subject, speaker, sources, as_of, notes
ROWS = [
    ["aid-600m", f"The US approved up to $600 million {SCRIPT}", "amount", "$600 million", "drawdown <b>x</b>",
     "", SOURCE, "2022-09-01", FORMULAS[0]],
    ["script-quote", 'The clerk noted "<script>alert("evidence")</script> into its record"', "quote",
     '<script>alert("evidence")</script> into its record', "", "<img src=x onerror=alert(2)>", SOURCE, "",
     FORMULAS[1]],
    ["formula-quote", '=HYPERLINK("http://evil.example","click")', "quote",
     '=HYPERLINK("http://evil.example","click") was the formula', "", "@SUM(A1)", SOURCE, "", FORMULAS[2]],
    ["=cmd", "an id that is a formula", "statement", "x", "", "", SOURCE, "", ""],
    ["ctrl\x01id", "control \x00 char \x7f and \u202eevil\x1b[2J", "statement", "-1 + 1", "", "", SOURCE, "", ""],
    ["aid-600m", "a duplicate id", "statement", "x", "", "", SOURCE, "", ""],
    ["creds", "c", "statement", "x", "", "", "https://user:pw@example.gov/a", "", ""],
    ["file-url", "c", "statement", "x", "", "", "file:///etc/passwd", "", ""],
    ["ftp-url", "c", "statement", "x", "", "", "ftp://example.gov/a", "", ""],
    ["js-url", "c", "statement", "x", "", "", "javascript:alert(1)", "", ""],
    [SCRIPT, "c", "<script>", "x", "", "", SOURCE, "", ""],
    ["tab-lead", "\tleading tab", "statement", "@SUM(1+1)*cmd|' /C calc'!A0", "", "", SOURCE, "", "\r=1+1"],
]
CP1252_ROW = f"cp1252-row,caf\u00e9 \u201cquoted\u201d,statement,caf\u00e9,,,{SOURCE},,\n".encode("cp1252")

# (row, column, code) of every problem the file holds; the row is the file line (header = 1).
EXPECTED_PROBLEMS = [
    (5, "id", "bad_id"),
    (6, "id", "control_characters"),
    (6, "claim", "control_characters"),
    (7, "id", "duplicate_id"),
    (8, "sources", "bad_url"),
    (9, "sources", "bad_url"),
    (10, "sources", "bad_url"),
    (11, "sources", "bad_url"),
    (12, "id", "bad_id"),
    (12, "kind", "unknown_kind"),
    (15, "", "encoding"),  # line 15: the quoted CR in row 13's notes counts as a line, as editors show it
]
CHECKED = ["aid-600m", "script-quote", "formula-quote", "ctrlid", "tab-lead", "cp1252-row"]


def hostile_claims() -> bytes:
    """The hostile claims.csv: a BOM, every cell quoted (as a spreadsheet saves it), then one cp1252 line."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(["id", "claim", "kind", "expected", "subject", "speaker", "sources", "as_of", "notes"])
    writer.writerows(ROWS)
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8") + CP1252_ROW


def hostile_project(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "claims.csv").write_bytes(hostile_claims())
    write_cassette(cassette_path(root / "cassettes", SOURCE),
                   [Recording(SOURCE, 200, {"Content-Type": "text/html; charset=utf-8"}, SOURCE_HTML)], secrets=())
    return root


def run_cli(root: Path, args: list[str]) -> tuple[int, str, str]:
    """`checker ARGS` in `root`, in this process; exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    previous = os.getcwd()
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(args)
    finally:
        os.chdir(previous)
    return code, out.getvalue(), err.getvalue()


def sheet_cells(report: Path) -> list[str]:
    """Every text cell of results.csv and results.xlsx."""
    with open(report / "results.csv", encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    book = openpyxl.load_workbook(report / "results.xlsx")
    cells += [cell for row in book.active.iter_rows(values_only=True) for cell in row if isinstance(cell, str)]
    return cells


def check_reports(report: Path) -> dict[str, str]:
    """What each format shows of the hostile data; raises when anything could run or leak."""
    seen = {}
    results = json.loads((report / "results.json").read_text(encoding="utf-8"))
    assert [claim["id"] for claim in results["claims"]] == CHECKED
    seen["json"] = f"{len(results['claims'])} claims parse"

    page = lxml.html.fromstring((report / "report.html").read_bytes())
    scripts = page.xpath("//script")
    assert len(scripts) == 1 and "alert" not in (scripts[0].text or ""), [s.text for s in scripts]
    assert page.xpath("//img | //b | //iframe | //object | //embed") == []
    handlers = [name for element in page.iter() if isinstance(element.tag, str) for name in element.attrib
                if name.lower().startswith("on")]
    assert handlers == []
    links = [link.strip().lower() for link in page.xpath("//@href | //@src | //@action")]
    assert [link for link in links if link.startswith(("javascript:", "data:", "file:", "ftp:", "vbscript:"))] == []
    assert SCRIPT in page.text_content()  # shown as text
    seen["html"] = "1 script element (the page's own), 0 from data, 0 handlers"

    markdown = (report / "report.md").read_text(encoding="utf-8")
    for raw in ("<script", "<img", "<b>", "\x1b", "\u202e", "\x00"):
        assert raw not in markdown, raw
    seen["md"] = "no raw tag or control character"

    cells = sheet_cells(report)
    dangerous = [cell for cell in cells if cell.startswith(DANGEROUS_LEADING)]
    assert dangerous == [], dangerous
    neutralised = sorted({cell for cell in cells if cell.startswith("'") and cell[1:2] in "=+-@\t\r"})
    assert neutralised == [  # claim and expected cells, and the evidence from the source's formula table
        "'-1 + 1", '\'=HYPERLINK("http://evil.example","click")',
        '\'=HYPERLINK("http://evil.example","click") was the formula', "'=cmd|' /C calc'!A0 | +1 | -1 | @SUM(A1:A9)",
        "'@SUM(1+1)*cmd|' /C calc'!A0"], neutralised
    seen["csv/xlsx"] = f"{len(neutralised)} formula-looking cells neutralised, 0 live"

    junit = ET.fromstring((report / "junit.xml").read_bytes())
    tags = {element.tag for element in junit.iter()}
    assert tags <= {"testsuites", "testsuite", "properties", "property", "testcase", "failure", "skipped",
                    "system-out"}, tags
    seen["junit"] = "well-formed, only JUnit elements"

    claimreview = (report / "claimreview.json").read_text(encoding="utf-8")
    assert "<" not in claimreview and len(json.loads(claimreview)) == len(CHECKED)
    seen["claimreview"] = "no raw < (safe inside a script element)"
    return seen


@scenario("hostile claims.csv and source",
          tried="formulas, <script>, control and bidi chars, BOM, a cp1252 line, duplicate id, "
                "credential/file:/ftp:/javascript: URLs; a source with script tags and formulas; every format")
def hostile_claims_and_source(tmp: Path) -> Outcome:
    root = hostile_project(tmp / "project")
    code, stdout, stderr = run_cli(root, ["verify", "claims.csv", "--format", ",".join(FORMATS)])
    assert code == 2, (code, stderr)  # rows with errors: exit 2, the others checked
    problems = json.loads((root / "reports" / "latest" / "results.json").read_text(encoding="utf-8"))["problems"]
    assert [(p["row"], p["column"], p["code"]) for p in problems] == EXPECTED_PROBLEMS
    for raw in ("\x1b", "\u202e", "\x00", "\x01"):
        assert raw not in stdout + stderr, raw
    seen = check_reports(root / "reports" / "latest")
    return Outcome(f"{len(CHECKED)} rows checked; {len(EXPECTED_PROBLEMS)} problems each with its row; "
                   + "; ".join(f"{name}: {what}" for name, what in seen.items()))


# `checker ARGS`, then the process's peak resident memory on the last line of stderr.
MEASURED = ("import resource, sys\nfrom checker.cli import main\ncode = main(sys.argv[1:])\n"
            "print('peak-rss-kb', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
            "sys.exit(code)\n")


def big_claims(rows: int) -> bytes:
    """`rows` claims over 50 sources, formulas and script in cells, one id repeated at the end."""
    lines = ["id,claim,kind,expected,subject,speaker,sources,as_of,notes"]
    lines += [f'c{n},"The US sent $600 million {SCRIPT}",amount,$600 million,"=cmd|\' /C calc\'!A0",,'
              f"https://www.example.gov/memo-{n % 50},2022-09-01,@SUM(A1)" for n in range(rows - 1)]
    lines.append("c7,a duplicate,statement,x,,,https://www.example.gov/memo-7,,")
    return ("\n".join(lines) + "\n").encode("utf-8")


@scenario("100,000-row claims.csv", tried="`checker validate` on 100,000 rows (15 MB) with formulas and script")
def hundred_thousand_rows(tmp: Path) -> Outcome:
    (tmp / "claims.csv").write_bytes(big_claims(100_000))
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", MEASURED, "validate", "claims.csv"], cwd=tmp,
                          capture_output=True, text=True, timeout=120)
    took = time.perf_counter() - started
    stderr, peak = done.stderr.rsplit("peak-rss-kb ", 1)
    peak_mb = int(peak) / 1024
    assert done.returncode == 2, done.stderr
    assert stderr == ("claims.csv:100001: id: error: duplicate id 'c7' (first used on row 9); "
                           "ids must be unique\n")
    assert done.stdout == "claims.csv: 99999 claims ready, 1 errors, 0 warnings\n"
    return Outcome(f"99,999 claims ready, the duplicate found on row 100,001; {took:.1f} s, peak RSS "
                   f"{peak_mb:.0f} MB (measured, not asserted)")
