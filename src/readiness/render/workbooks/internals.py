"""Every use of a private openpyxl attribute, behind small typed functions.

The workbook writer skips some of openpyxl's public paths where they were measured to cost
most of the time a workbook takes to build (see :mod:`readiness.render.workbooks.cells` and
:mod:`readiness.render.workbooks.saving`): storing a text without scanning it twice, copying a
cell's style array instead of hashing each style object, reading the cells that exist without
creating the missing ones, and serialising rows as text beneath openpyxl's own sheet writer.
These attributes are not part of openpyxl's API and types-openpyxl does not declare them, so
they are described here once, as protocols, and nowhere else. openpyxl is pinned below its
next minor version (pyproject.toml) and ``tests/render/workbooks/test_saving.py`` compares
our bytes with openpyxl's own writer: a release that moves one of these fails that test.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, cast
from zipfile import ZipFile

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.comments import Comment
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.styles import Alignment
from openpyxl.styles.cell_style import StyleArray
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

AnyCell = Cell | MergedCell
"""What a worksheet holds at a coordinate: a cell, or a place covered by a merged range."""


class _CellState(Protocol):
    _value: object
    _style: StyleArray | None
    _comment: Comment | None


class _BookState(Protocol):
    _alignments: Sequence[Alignment]


class _SheetState(Protocol):
    _drawing: SpreadsheetDrawing
    _charts: list[object]
    _images: list[object]
    _rels: object


class _SheetWriterState(Protocol):
    _rels: object


class _BookWriterState(Protocol):
    _archive: ZipFile


class _XmlFile(Protocol):
    _file: Callable[[str], object]


def store_text(cell: Cell, text: str) -> None:
    """Store ``text`` as the cell's string value without openpyxl's second scan of it."""
    state = cast(_CellState, cell)
    state._value = text
    cell.data_type = "s"


def raw_value(cell: AnyCell) -> object:
    """The value as stored (None in a merged cell), without the ``value`` property's work."""
    return cast(_CellState, cell)._value


def comment_of(cell: AnyCell) -> Comment | None:
    """The cell's note, read without the property (which would create nothing, but costs)."""
    return cast(_CellState, cell)._comment


def style_of(cell: AnyCell) -> StyleArray | None:
    """The cell's style array (indices into the workbook's style tables); None if unstyled."""
    return cast(_CellState, cell)._style


def set_style(cell: AnyCell, style: StyleArray | None) -> None:
    """Give the cell ``style`` as it is: no style object is hashed."""
    cast(_CellState, cell)._style = style


def alignments(workbook: Workbook) -> Sequence[Alignment]:
    """The workbook's alignment table, indexed by a style array's ``alignmentId``."""
    return cast(_BookState, workbook)._alignments


def attach_drawing(ws: Worksheet) -> None:
    """Gather the sheet's charts and images into its drawing, as openpyxl's writer does."""
    state = cast(_SheetState, ws)
    drawing = SpreadsheetDrawing()
    drawing.charts = state._charts
    drawing.images = state._images
    state._drawing = drawing


def keep_relations(ws: Worksheet, writer: WorksheetWriter) -> None:
    """Hand the relations the sheet writer collected to the sheet, for the manifest."""
    cast(_SheetState, ws)._rels = cast(_SheetWriterState, writer)._rels


def archive_of(writer: ExcelWriter) -> ZipFile:
    """The zip archive a workbook writer writes into."""
    return cast(_BookWriterState, writer)._archive


def raw_output(xf: object) -> Callable[[str], object]:
    """The function beneath et_xmlfile's incremental writer: text goes out as it is."""
    return cast(_XmlFile, xf)._file
