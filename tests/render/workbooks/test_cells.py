"""Cell helpers shared by every workbook the tool writes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from readiness.render.workbooks.cells import (
    HEADER_CHARS,
    book_of,
    cell_at,
    header_text,
    line_count,
    merge,
    put,
    set_text,
    style_cell,
)
from readiness.render.workbooks.internals import alignments, raw_value, style_of


def test_header_text_doubles_ampersands_and_drops_illegal_characters() -> None:
    assert header_text("R&D \x07Ltd\x1b") == "R&&D Ltd"
    assert header_text("&P of &N") == "&&P of &&N"  # page codes stay text
    assert len(header_text("x" * 300)) == HEADER_CHARS


def test_line_count_counts_wrapped_and_explicit_lines() -> None:
    assert line_count("", 10) == 1
    assert line_count("a\nb\nc", 10) == 3
    assert line_count("x" * 25, 10) == 3


def test_cell_at_refuses_a_place_inside_a_merged_range() -> None:
    ws = Workbook().active
    assert isinstance(ws, Worksheet)
    merge(ws, 4, 1, 3)
    assert cell_at(ws, 4, 1).coordinate == "A4"  # the merged range's own cell
    with pytest.raises(ValueError, match="B4 of 'Sheet' lies inside a merged range"):
        cell_at(ws, 4, 2)


def test_put_stores_numbers_and_dates_as_they_are_and_refuses_other_values() -> None:
    ws = Workbook().active
    assert isinstance(ws, Worksheet)
    assert put(ws, 4, 1, Decimal("2.50")).value == Decimal("2.50")
    assert put(ws, 4, 2, dt.date(2027, 3, 1)).data_type == "d"
    assert put(ws, 4, 3, "=1+1").data_type == "s"  # text, never a formula
    assert put(ws, 4, 4, None).value is None
    with pytest.raises(ValueError, match="a cell cannot hold a list"):
        put(ws, 4, 5, ["F"])


def test_the_private_access_helpers_read_what_openpyxl_stores() -> None:
    ws = Workbook().active
    assert isinstance(ws, Worksheet)
    cell = cell_at(ws, 5, 2)
    assert style_of(cell) is None  # a new cell has no style array yet
    set_text(cell, "=SUM(A1)")
    assert raw_value(cell) == "=SUM(A1)" and cell.data_type == "s" and cell.quotePrefix
    style_cell(cell, answer=True)
    array = style_of(cell)
    assert array is not None
    assert alignments(book_of(ws))[array.alignmentId].wrap_text is True
    assert book_of(ws) is ws.parent
