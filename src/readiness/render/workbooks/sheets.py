"""Books, sheets and cells as openpyxl hands them out, typed where its types are loose.

types-openpyxl types a worksheet's cell as "a cell or a place inside a merged range", a
sheet's workbook and its page header and footer as optional, and ``create_sheet`` as
``Any``. The writer never has those cases: these helpers narrow each type once, and fail
loudly if a case that cannot happen ever does.
"""

from __future__ import annotations

from typing import Protocol

from openpyxl.cell.cell import Cell as _Cell
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.header_footer import HeaderFooterItem
from openpyxl.worksheet.worksheet import Worksheet

Cell = _Cell
"""An openpyxl cell that holds a value (not a place inside a merged range)."""
Sheet = Worksheet
"""An openpyxl worksheet."""


class _BookChild(Protocol):
    """A sheet, as a cell sees its parent."""

    @property
    def parent(self) -> Workbook | None: ...
    @property
    def title(self) -> str: ...


def book_of(ws: _BookChild) -> Workbook:
    """The workbook ``ws`` belongs to (every sheet we write has one)."""
    book = ws.parent
    if book is None:
        raise ValueError(f"sheet {ws.title!r} belongs to no workbook")
    return book


def cell_at(ws: Sheet, row: int, column: int) -> Cell:
    """The cell at ``row``, ``column``, to be written: never a place inside a merged range
    (openpyxl would hand back a read-only ``MergedCell``)."""
    cell = ws.cell(row=row, column=column)
    if not isinstance(cell, _Cell):
        raise ValueError(f"{cell.coordinate} of {ws.title!r} lies inside a merged range")
    return cell


def add_sheet(workbook: Workbook, name: str, index: int | None = None) -> Sheet:
    """A new worksheet ``name`` (at ``index``); openpyxl types ``create_sheet`` loosely."""
    ws = workbook.create_sheet(name, index)
    if not isinstance(ws, Worksheet):
        raise TypeError(f"{name!r} was not created as a worksheet (a write-only workbook?)")
    return ws


def footer(ws: Sheet) -> HeaderFooterItem:
    """The sheet's page footer (openpyxl creates it with the sheet; typed as optional)."""
    if ws.oddFooter is None:
        ws.oddFooter = HeaderFooterItem()
    return ws.oddFooter


def header(ws: Sheet) -> HeaderFooterItem:
    """The sheet's page header (openpyxl creates it with the sheet; typed as optional)."""
    if ws.oddHeader is None:
        ws.oddHeader = HeaderFooterItem()
    return ws.oddHeader
