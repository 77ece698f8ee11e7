"""Table cells every workbook we write shares: values, rows, headings, sections, merged text,
widths and titles, and the fills of finding classes, score bands and document status.

Layout of a table sheet: the title on row 1, a line of context on row 2, the column headers on
row 3 (frozen, repeated on every printed page) and the data from row 4, as in the questionnaire
workbook. Every text goes through :func:`readiness.render.workbooks.cells.set_text`: text is
never a formula.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from readiness.models.common import FindingClass
from readiness.render.palette import CLASS_TINTS
from readiness.render.workbooks import cells
from readiness.render.workbooks.cells import Cell, Sheet

Value = str | int | float | None
"""What a report cell holds: text, a count, or a score in percent."""

TITLE_ROW = 1
INTRO_ROW = 2
SCORE_FORMAT = "0.0"
"""Number format of every float in the report: scores and targets, in percent."""
ID_HEADER = "ID"
"""Header of identifier columns while the labels have no ``id`` (the Markdown report's too)."""


def solid_fill(colour: str) -> PatternFill:
    """A solid fill of ``colour`` (hex RGB); keep it in a constant (see below)."""
    return PatternFill("solid", start_color=colour, end_color=colour)


# Module constants: cells.style_cell caches styles by the identity of the fill.
CLASS_FILLS: dict[str, PatternFill] = {
    finding: cells.GREY if finding is FindingClass.NOT_APPLICABLE else solid_fill(tint)
    for finding, tint in CLASS_TINTS.items()
}
"""Fill of a finding class: major red, minor orange, observation yellow, conforming green."""
BAND_FILLS: dict[str, PatternFill] = {
    "low": CLASS_FILLS["major"],
    "mid": CLASS_FILLS["observation"],
    "high": CLASS_FILLS["conforming"],
}
"""Fill of a score by its band: below the floor, between floor and target, target met."""
STATUS_FILLS: dict[str, PatternFill] = {
    "missing": solid_fill("FFC7CE"),
    "present": solid_fill("C6EFCE"),
    "not_applicable": cells.GREY,
}
"""Fill of a mandatory document's status: missing red, present green."""
PRIMARY_FILL = solid_fill("BDD7EE")
"""Fill of a primary (P) cell of the responsibility matrix."""
INTRO_ALIGN = Alignment(wrap_text=True, vertical="top")
CENTRE = Alignment(horizontal="center", vertical="center")
ROTATED = Alignment(horizontal="center", vertical="bottom", text_rotation=90)
"""Longest client name put in the printed page header (Excel allows 255 characters)."""


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a table sheet: its header and its width in characters."""

    header: str
    width: float


def put_value(
    ws: Sheet, row: int, column: int, value: Value, fill: PatternFill | None = None
) -> Cell:
    """A bordered, wrapped data cell: text through :func:`cells.set_text`, floats as ``0.0``."""
    cell = cells.cell_at(ws, row, column)
    # The questionnaire's answer style is white; the report is not protected, so unlocking
    # the cell changes nothing.
    cells.style_cell(cell, answer=True, fill=fill or cells.WHITE)
    if isinstance(value, str):
        cells.set_text(cell, value)
    elif value is not None:
        cell.value = value
        if isinstance(value, float):
            cell.number_format = SCORE_FORMAT
    return cell


def put_row(
    ws: Sheet, row: int, values: Sequence[Value], fill: PatternFill | None = None, first: int = 1
) -> list[Cell]:
    """One table row from column ``first`` on, all with ``fill``."""
    return [put_value(ws, row, first + i, value, fill) for i, value in enumerate(values)]


def put_heading(ws: Sheet, row: int, column: int, text: str | None) -> Cell:
    """A header cell inside a sheet (bold on the header fill), for tables below row 3."""
    cell = cells.cell_at(ws, row, column)
    cells.set_text(cell, text)
    cell.font = cells.BOLD
    cell.fill = cells.HEADER_FILL
    cell.alignment = cells.HEADER_ALIGN
    cell.border = cells.BORDER
    return cell


def put_section(ws: Sheet, row: int, text: str) -> Cell:
    """A bold section title in column A (it runs over the empty cells to its right)."""
    cell = cells.cell_at(ws, row, 1)
    cells.set_text(cell, text)
    cell.font = Font(bold=True, size=12)
    cell.alignment = cells.CLIP
    ws.row_dimensions[row].height = 20
    return cell


def put_merged(
    ws: Sheet,
    row: int,
    first: int,
    last: int,
    value: Value,
    fill: PatternFill | None = None,
    *,
    border: bool = True,
) -> Cell:
    """``value`` in one wrapped cell merged over columns ``first`` to ``last`` of ``row``.

    Row heights are not fitted to merged cells (see :func:`cells.fit_rows`), so the height
    the text needs over the merged width is set here: set the column widths first.
    """
    if border:
        for column in range(first + 1, last + 1):
            put_value(ws, row, column, None, fill)
        cell = put_value(ws, row, first, value, fill)
    else:
        cell = cells.cell_at(ws, row, first)
        cells.set_text(cell, value)
        cell.alignment = INTRO_ALIGN
    if last > first:
        cells.merge(ws, row, first, last)
    if isinstance(value, str):
        width = sum(_width(ws, column) for column in range(first, last + 1)) - 1
        lines = cells.line_count(value, max(width, 1.0))
        if lines > 1:
            dimension = ws.row_dimensions[row]
            dimension.height = max(dimension.height or 0, 14.5 * lines + 4)
    return cell


def _width(ws: Sheet, column: int) -> float:
    width = ws.column_dimensions[get_column_letter(column)].width
    return float(width or 8.43)


def set_widths(ws: Sheet, widths: Iterable[float]) -> None:
    """Set the widths of columns A, B, … in characters."""
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width


def put_title(ws: Sheet, title: str) -> Cell:
    """The sheet's title on row 1 (it runs over the empty cells to its right)."""
    cell = cells.cell_at(ws, TITLE_ROW, 1)
    cells.set_text(cell, title)
    cell.font = cells.TITLE_FONT
    cell.alignment = cells.CLIP
    ws.row_dimensions[TITLE_ROW].height = 24
    return cell
