"""Helpers for workbook tests: find sheets, columns and rows, and edit a workbook as a client would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet


def sheet_with(workbook: Workbook, kind: str, key: str = "") -> Worksheet:
    """The sheet whose hidden marker row says ``kind`` (and ``key``)."""
    for sheet in workbook.worksheets:
        if sheet["B1"].value == kind and (not key or sheet["C1"].value == key):
            return sheet
    raise AssertionError(f"no sheet {kind} {key}")


def column_of(sheet: Worksheet, header: str, row: int = 3) -> int:
    """The column number whose header (row 3) is ``header``."""
    for cell in sheet[row]:
        if cell.value == header:
            return int(cell.column)
    raise AssertionError(f"no column {header!r} in {sheet.title}")


def row_of(sheet: Worksheet, question_id: str, column: int = 1) -> int:
    """The row holding ``question_id`` in the ID column."""
    for cells in sheet.iter_rows(min_col=column, max_col=column):
        if cells[0].value == question_id:
            return int(cells[0].row)
    raise AssertionError(f"no row {question_id} in {sheet.title}")


def edit(path: Path, change: Callable[[Workbook], None]) -> Path:
    """Open the workbook as a client would, change it, save it."""
    workbook = load_workbook(path)
    change(workbook)
    workbook.save(path)
    return path
