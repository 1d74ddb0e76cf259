"""results.xlsx: the spreadsheet review as an Excel workbook (openpyxl).

Frozen header row, an autofilter over every column, a dropdown of the verdicts in `reviewer_verdict`,
clickable links, and the checker verdict filled with a colour per verdict. Every text cell is a
string cell, neutralised against formula injection.
"""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from checker.models import Verdict
from checker.report import Run
from checker.report.spreadsheet import COLUMNS, LINK_COLUMNS, rows, text_cell

FILENAME = "results.xlsx"
SHEET_TITLE = "claims"
FILLS = {
    Verdict.SUPPORTED.value: "C8E6C9",
    Verdict.PARTIALLY_SUPPORTED.value: "FFF3B0",
    Verdict.CONTRADICTED.value: "F4C7C3",
    Verdict.NOT_FOUND.value: "E0E0E0",
    Verdict.SOURCE_UNAVAILABLE.value: "D7CCE8",
    Verdict.NEEDS_REVIEW.value: "BBDEFB",
}
WIDTHS = {"id": 24, "verdict": 20, "score": 7, "reason": 50, "claim": 60, "kind": 11, "expected": 24,
          "evidence": 70, "locator": 24, "source_url": 40, "recorded_copy": 30, "archived_snapshot": 30,
          "sources": 40, "evidence_hash": 14, "review_status": 30, "reviewer_verdict": 22, "reviewer_note": 40,
          "reviewer": 16}
WRAPPED = ("reason", "claim", "evidence", "sources", "review_status", "reviewer_note")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters an XLSX cell cannot hold


def render(run: Run) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row_number, values in enumerate(rows(run), start=2):
        for column_number, (name, value) in enumerate(values.items(), start=1):
            _fill_cell(sheet.cell(row=row_number, column=column_number), name, value)
    last_row = max(sheet.max_row, 2)
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{last_row}"
    sheet.add_data_validation(_verdict_dropdown(last_row))
    for number, name in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = WIDTHS.get(name, 16)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _fill_cell(cell, name: str, value: object) -> None:
    if not isinstance(value, str):
        cell.value = value
        return
    text = text_cell(_ILLEGAL.sub("", value))
    cell.value = text
    cell.data_type = "s"
    if name in WRAPPED:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    if name == "verdict" and value in FILLS:
        cell.fill = PatternFill("solid", fgColor=FILLS[value])
    if name in LINK_COLUMNS and text and text == value and _linkable(name, text):
        cell.hyperlink = text
        cell.style = "Hyperlink"


def _linkable(name: str, target: str) -> bool:
    """Web links to http(s) only; the recorded copy is a relative path beside the reports."""
    if name == "recorded_copy":
        return ":" not in target.split("/")[0]
    return target.startswith(("https://", "http://"))


def _verdict_dropdown(last_row: int) -> DataValidation:
    column = get_column_letter(COLUMNS.index("reviewer_verdict") + 1)
    dropdown = DataValidation(type="list", formula1='"' + ",".join(Verdict) + '"', allow_blank=True,
                              showErrorMessage=True, errorTitle="Unknown verdict",
                              error="Choose one of checker's verdicts from the list.",
                              promptTitle="Your verdict", prompt="Leave empty to keep no decision.")
    dropdown.add(f"{column}2:{column}{last_row}")
    return dropdown
