"""Cell and sheet helpers for the workbook writer: text that is never a formula, styles, framing.

Every text the writer puts in a cell, whether the catalogue's or the client's, goes through
:func:`set_text`, so that a note such as ``=HYPERLINK(...)`` stays a harmless string.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Sequence
from copy import copy
from decimal import Decimal
from typing import Literal
from weakref import WeakKeyDictionary

from openpyxl.cell.cell import MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties

from readiness.data.workbook_layout import HEADER_ROW, MARKER_ROW, TITLE_ROW
from readiness.render.text import document_text
from readiness.render.workbooks.conditional import RATING_COLOURS as RATING_COLOURS
from readiness.render.workbooks.conditional import colour_ratings as colour_ratings
from readiness.render.workbooks.conditional import (
    flag_missing_justification as flag_missing_justification,
)
from readiness.render.workbooks.conditional import rating_fill as rating_fill
from readiness.render.workbooks.internals import (
    alignments,
    raw_value,
    set_style,
    store_text,
    style_of,
)
from readiness.render.workbooks.sheets import Cell as Cell
from readiness.render.workbooks.sheets import Sheet as Sheet
from readiness.render.workbooks.sheets import add_sheet as add_sheet
from readiness.render.workbooks.sheets import book_of as book_of
from readiness.render.workbooks.sheets import cell_at as cell_at
from readiness.render.workbooks.sheets import footer as footer
from readiness.render.workbooks.sheets import header as header

_STORED_AS_IS = (int, float, Decimal, dt.date, dt.time, dt.timedelta)
"""Types of value a cell stores as they are (a text goes through :func:`set_text`)."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make Excel (or openpyxl) read a text as a formula."""

INLINE_LIST_LIMIT = 255
"""Excel refuses an inline dropdown list longer than this."""

GREY = PatternFill("solid", fgColor="F2F2F2")
WHITE = PatternFill("solid", fgColor="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
GROUP_FILL = PatternFill("solid", fgColor="E2EFDA")
BOLD = Font(bold=True)
TITLE_FONT = Font(bold=True, size=14)
KEY_FONT = Font(size=8, color="808080")
WRAP = Alignment(wrap_text=True, vertical="top")
CLIP = Alignment(wrap_text=False, vertical="top")
HEADER_ALIGN = Alignment(wrap_text=True, vertical="center")
_THIN = Side(style="thin", color="A6A6A6")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
LOCKED = Protection(locked=True)
UNLOCKED = Protection(locked=False)


_STYLES: WeakKeyDictionary[Workbook, dict[tuple[object, int], StyleArray]] = WeakKeyDictionary()
"""Per workbook, the style array of each kind of data cell already styled."""


MAX_CELL_CHARS = 32767
"""The most characters a cell holds (Excel's limit; openpyxl cuts there too)."""


_XSTRING_LIKE = re.compile(r"_x[0-9A-Fa-f]{4}_")


def xstring(text: str | None) -> str | None:
    """``text`` as Excel stores it: a carriage return (which XML would turn into a line feed)
    as ``_x000D_``, and a literal ``_x…_`` escaped as ``_x005F_x…_``. For the answer cells of
    the client's workbook, which our reader unescapes (readiness.inputs.cellvalues.text), so
    ``questionnaire convert`` loses nothing; openpyxl alone does not unescape, so reports do
    not use it."""
    if text is None or ("_x" not in text and "\r" not in text):
        return text
    return _XSTRING_LIKE.sub(lambda found: "_x005F" + found.group(), text).replace("\r", "_x000D_")


def set_text(cell: Cell, value: object) -> None:
    """Write ``value`` as text that is stored and shown as text, never run as a formula.

    openpyxl turns a string starting with ``=`` into a formula, and Excel re-reads ``+``,
    ``-`` and ``@`` as one when the cell is edited: such texts keep the string type and get
    the quote prefix (Excel's leading apostrophe). Characters XML cannot hold are dropped.
    """
    if value is None:
        cell.value = None
        return
    text = document_text(str(value))[:MAX_CELL_CHARS]
    # Stored directly: assigning ``cell.value`` would scan the text for the same characters
    # again, a tenth of the time a report workbook takes to build.
    store_text(cell, text)
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def style_cell(cell: Cell, *, answer: bool, fill: PatternFill | None = None) -> None:
    """Bordered, wrapped cell: white and unlocked for answers, light grey and locked otherwise.

    Replaces the cell's style: call it before setting a font, number format or quote prefix.
    """
    known = _STYLES.setdefault(book_of(cell.parent), {})
    key = (answer, id(fill))
    if key in known:
        # Setting a style attribute hashes the style object (most of the writer's time);
        # copying the style array of an equal cell is what openpyxl's own sheet copy does.
        set_style(cell, copy(known[key]))
        return
    array = StyleArray()
    set_style(cell, array)
    cell.fill = fill or (WHITE if answer else GREY)
    cell.protection = UNLOCKED if answer else LOCKED
    cell.alignment = WRAP
    cell.border = BORDER
    known[key] = copy(array)  # filled in place by the assignments above


def fill_only(cell: Cell, fill: PatternFill) -> None:
    """Give an otherwise unstyled cell ``fill`` (cached like :func:`style_cell`: a Gantt
    chart sets thousands of them)."""
    known = _STYLES.setdefault(book_of(cell.parent), {})
    key = ("fill", id(fill))
    if key in known:
        set_style(cell, copy(known[key]))
        return
    array = StyleArray()
    set_style(cell, array)
    cell.fill = fill
    known[key] = copy(array)


def merge(ws: Sheet, row: int, first: int, last: int, last_row: int | None = None) -> None:
    """Merge columns ``first`` to ``last`` of ``row`` (to ``last_row``), keeping every cell's
    own style.

    The cells are styled before they are merged, so the borders openpyxl's ``merge_cells``
    would copy onto the edges are there already; its copying hashes a border or protection
    object per cell and took a fifth of the gap report workbook's time.
    """
    bottom = last_row or row
    area = CellRange(min_col=first, min_row=row, max_col=last, max_row=bottom)
    ws.merged_cells.add(MergedCellRange(ws, area.coord))
    for r in range(row, bottom + 1):
        for c in range(first, last + 1):
            if (r, c) == (row, first):
                continue
            merged = MergedCell(ws, row=r, column=c)
            old = ws._cells.get((r, c))
            if old is not None:
                set_style(merged, copy(style_of(old)))
            ws._cells[(r, c)] = merged


def put(ws: Sheet, row: int, column: int, value: object, *, answer: bool = False) -> Cell:
    """Write one styled data cell: text via :func:`set_text`, numbers and dates as they are.

    Any other value is refused with ``ValueError``, as openpyxl would refuse it.
    """
    cell = cell_at(ws, row, column)
    style_cell(cell, answer=answer)
    if isinstance(value, str):
        set_text(cell, value)
    elif isinstance(value, _STORED_AS_IS):
        cell.value = value
    elif value is not None:
        raise ValueError(f"a cell cannot hold a {type(value).__name__}")
    return cell


def cell_range(column: int, first: int, last: int, last_column: int | None = None) -> str:
    """``B4:B20`` for column 2, rows 4 to 20; ``B4:D20`` with ``last_column`` 4."""
    start = get_column_letter(column)
    end = get_column_letter(last_column or column)
    return f"{start}{first}:{end}{last}"


def valid_sheet_name(text: str, taken: set[str]) -> str:
    """``text`` as an Excel sheet name: no ``[]:*?/\\``, at most 31 characters, unique."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in text)
    cleaned = " ".join(cleaned.split()).strip("'") or "Sheet"
    name = _shorten(cleaned, 31)
    number = 2
    while name.casefold() in taken:
        suffix = f" {number}"
        name = _shorten(cleaned, 31 - len(suffix)) + suffix
        number += 1
    taken.add(name.casefold())
    return name


def _shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, at a space when one is in the second half."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if text[limit] != " " and " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip()


def frame_sheet(ws: Sheet, marker: Sequence[str], title: str, width: int) -> None:
    """Write the hidden marker row and the title row, merged over ``width`` columns."""
    for column, value in enumerate(marker, start=1):
        set_text(cell_at(ws, MARKER_ROW, column), value)
    ws.row_dimensions[MARKER_ROW].hidden = True
    cell = cell_at(ws, TITLE_ROW, 1)
    set_text(cell, title)
    cell.font = TITLE_FONT
    cell.alignment = CLIP
    ws.row_dimensions[TITLE_ROW].height = 24
    if width > 1:
        merge(ws, TITLE_ROW, 1, width)


def put_header(
    ws: Sheet, column: int, text: str | None, width: float, *, editable: bool = False
) -> Cell:
    """Write a column header in the header row and set the column's width."""
    cell = cell_at(ws, HEADER_ROW, column)
    set_text(cell, text)
    cell.font = BOLD
    cell.fill = WHITE if editable else HEADER_FILL
    cell.alignment = HEADER_ALIGN
    cell.border = BORDER
    cell.protection = UNLOCKED if editable else LOCKED
    ws.column_dimensions[get_column_letter(column)].width = width
    return cell


def fit_rows(ws: Sheet) -> None:
    """Give each row from the header down the height its wrapped texts need.

    Excel fits rows without a height on opening, LibreOffice does not (text spills over the
    rows below in print and PDF), so the writer estimates them: a wide (Chinese) character
    counts twice.
    """
    widths: dict[int, float] = {}
    merged = {
        (row, column)
        for cells in ws.merged_cells.ranges
        for row in range(cells.min_row, cells.max_row + 1)
        for column in range(cells.min_col, cells.max_col + 1)
    }
    # The cells that exist, and each style's wrapping looked up once: iter_rows would create
    # every missing cell and build a style proxy per cell.
    table = alignments(book_of(ws))
    wraps: dict[int, bool] = {}
    needed: dict[int, int] = {}
    for (row, column), cell in ws._cells.items():
        value = raw_value(cell)
        if row < HEADER_ROW or not isinstance(value, str) or (row, column) in merged:
            continue
        array = style_of(cell)
        style = array.alignmentId if array is not None else 0
        if style not in wraps:
            wraps[style] = bool(table[style].wrap_text)
        if not wraps[style]:
            continue
        if column not in widths:
            dimension = ws.column_dimensions[get_column_letter(column)]
            widths[column] = max((dimension.width or 8.43) - 1, 1.0)
        lines = line_count(value, widths[column])
        if lines > needed.get(row, 1):
            needed[row] = lines
    for row in sorted(needed):
        ws.row_dimensions[row].height = 14.5 * needed[row] + 4


def line_count(text: str, width: float) -> int:
    """Lines ``text`` takes when wrapped in a column ``width`` characters wide (CJK count 2)."""
    count = 0
    for paragraph in text.split("\n"):
        units = (
            len(paragraph)
            if paragraph.isascii()
            else sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in paragraph)
        )
        # Words wrap whole: a line holds a little less than the column's width.
        count += max(1, math.ceil(units * 1.05 / width))
    return count


HEADER_CHARS = 100
"""Longest client text put in a printed page header (Excel caps a whole header at 255)."""


def header_text(text: str) -> str:
    """``text`` for a printed page header: illegal characters dropped, ``&`` (which starts a
    code there) doubled, and cut to :data:`HEADER_CHARS`."""
    clean: str = document_text(text)
    return clean[:HEADER_CHARS].replace("&", "&&")


def add_comment(cell: Cell, text: str) -> None:
    """Attach a note to a cell (shown when the pointer rests on it)."""
    comment = Comment(document_text(text), "readiness")
    comment.width = 320
    comment.height = 160
    cell.comment = comment


def finish_sheet(
    ws: Sheet, *, freeze: str | None, autofilter: str | None = None, protect: bool = True
) -> None:
    """Freeze panes, A4 landscape printing one page wide, and protection without a password.

    Protection keeps the question texts from being overwritten while still letting the
    client resize, insert rows, sort and filter. Reports pass ``protect=False``.
    """
    fit_rows(ws)
    if freeze:
        ws.freeze_panes = freeze
    if autofilter:
        ws.auto_filter.ref = autofilter
    setup = ws.page_setup
    setup.orientation = "landscape"
    setup.paperSize = ws.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    if ws.sheet_properties.pageSetUpPr is None:  # openpyxl creates it with the sheet
        ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{TITLE_ROW}:{HEADER_ROW}"
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6, header=0.3, footer=0.3)
    footer(ws).center.text = "&A  &P / &N"
    if not protect:
        return
    protection = ws.protection
    protection.sheet = True
    # False means "not protected": these actions stay allowed on the protected sheet.
    protection.formatColumns = False
    protection.formatRows = False
    protection.insertRows = False
    protection.sort = False
    protection.autoFilter = False


def dropdown(
    ws: Sheet, values: Sequence[str], refs: Sequence[str], spare_column: int | None = None
) -> None:
    """A dropdown list of ``values`` on the cells or ranges ``refs`` (allowing blanks).

    Short lists are written inline. A list Excel cannot hold inline (longer than 255
    characters, or with a comma or quote in a value) goes into the hidden ``spare_column``
    from the first data row down, and the validation refers to that range.
    """
    inline = ",".join(values)
    if len(inline) + 2 <= INLINE_LIST_LIMIT and not any(
        "," in value or '"' in value for value in values
    ):
        formula = f'"{inline}"'
    else:
        if spare_column is None:
            raise ValueError("this list is too long to write inline: give a spare column")
        letter = get_column_letter(spare_column)
        for row, value in enumerate(values, start=HEADER_ROW + 1):
            set_text(cell_at(ws, row, spare_column), value)
        ws.column_dimensions[letter].hidden = True
        last = HEADER_ROW + len(values)
        formula = f"${letter}${HEADER_ROW + 1}:${letter}${last}"
    validation = DataValidation(
        type="list", formula1=formula, allow_blank=True, showErrorMessage=True
    )
    # A warning, not a stop: the reader also accepts bare codes such as "F" typed by hand.
    validation.errorStyle = "warning"
    _apply(ws, validation, refs)


def number_validation(
    ws: Sheet,
    kind: Literal["whole", "decimal", "date"],
    refs: Sequence[str],
    minimum: str,
    maximum: str | None = None,
) -> None:
    """A ``whole``, ``decimal`` or ``date`` validation on ``refs``: from ``minimum`` up to
    ``maximum`` (formulas such as ``DATE(2000,1,1)``), blanks allowed."""
    if maximum is None:
        validation = DataValidation(
            type=kind, operator="greaterThanOrEqual", formula1=minimum, allow_blank=True
        )
    else:
        validation = DataValidation(
            type=kind, operator="between", formula1=minimum, formula2=maximum, allow_blank=True
        )
    validation.showErrorMessage = True
    _apply(ws, validation, refs)


def _apply(ws: Sheet, validation: DataValidation, refs: Sequence[str]) -> None:
    for ref in refs:
        validation.add(ref)
    ws.add_data_validation(validation)
