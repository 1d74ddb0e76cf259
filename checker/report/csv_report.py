"""results.csv: the spreadsheet review as CSV (UTF-8 with a byte order mark, so Excel reads it as UTF-8)."""

from __future__ import annotations

import csv
import io

from checker.report import Run
from checker.report.spreadsheet import COLUMNS, rows, text_cell

FILENAME = "results.csv"


def render(run: Run) -> str:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for values in rows(run):
        writer.writerow([text_cell(value) if isinstance(value, str) else value for value in values.values()])
    return out.getvalue()
