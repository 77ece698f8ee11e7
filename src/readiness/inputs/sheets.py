"""The sheets of an answered workbook, loaded once from the bytes that were checked.

Each sheet keeps its title, position, hidden marker (kind, key, identity), its cell values
(formulas kept as :class:`Formula` so that the reader can name them where an answer is
needed) and its merged ranges. Parsing the same bytes the container checks looked at means
a file swapped on disk between the check and the parse is never read unchecked.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readiness.data.workbook_layout import header_keys, layout, normalise_header
from readiness.errors import InputError, Problem
from readiness.inputs.cellvalues import Row, column_letter, read_marker
from readiness.inputs.container import explain_read_error, merged_ranges

HEADER_SEARCH_ROWS = 12
"""Rows searched for the header row (clients sometimes insert rows above it)."""
MAX_ROWS = 5000
"""Rows read per sheet at most."""


@dataclass
class Sheet:
    title: str
    index: int
    kind: str
    key: str
    identity: list[str]
    rows: list[Row]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)

    def cell(self, row: int, column: int) -> str:
        return f"sheet '{self.title}', cell {column_letter(column)}{row}"


def load_sheets(path: Path, data: bytes) -> list[Sheet]:
    """The sheets of the workbook held in ``data`` (the bytes checked, read from ``path``)."""
    from openpyxl import load_workbook

    sheets: list[Sheet] = []
    try:
        # A file object, not the path: openpyxl would refuse a workbook by its extension
        # (answers.yaml that is really a workbook, a download without one). Its warnings
        # (unsupported extensions, with openpyxl's install path) are not the client's business.
        with io.BytesIO(data) as stream, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = load_workbook(stream, read_only=True, data_only=False, keep_links=False)
            try:
                for index, worksheet in enumerate(workbook.worksheets):
                    rows: list[Row] = []
                    for number, row in enumerate(worksheet.iter_rows(), start=1):
                        if number > MAX_ROWS:
                            break
                        rows.append([cell_value(cell) for cell in row])
                    merged = merged_ranges(data, getattr(worksheet, "_worksheet_path", ""))
                    sheets.append(Sheet(worksheet.title, index, *read_marker(rows), rows, merged))
            finally:
                workbook.close()
    except Exception as error:  # openpyxl raises many kinds for damaged files
        raise InputError(str(path), [Problem("", explain_read_error(error))]) from None
    return sheets


class Formula:
    """A formula found in a cell; reported where its value is needed."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:  # where a message quotes the value: the formula, not an object
        return f"a formula ({self.text[:40]})"


def cell_value(cell: Any) -> Any:
    if getattr(cell, "data_type", None) == "f":
        value = cell.value
        formula = getattr(value, "text", value)  # an ArrayFormula holds its text
        return Formula(str(formula) if formula is not None else "")
    return cell.value


def looks_like_questions(sheet: Sheet, *also: str) -> bool:
    """Whether a header row names the question and rating columns (and ``also``)."""
    known = header_keys(layout().question_columns)
    for row in sheet.rows[:HEADER_SEARCH_ROWS]:
        keys = {known.get(normalise_header(value)) for value in row}
        if {"question", "rating", *also} <= keys:
            return True
    return False
