"""The one base of every workbook we write (gap report, progress report, plan, portfolio,
questionnaire): sheets named from labels, table sheets, finishing for print, and the document
properties with a fixed time, so that the same inputs give the same bytes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from openpyxl import Workbook

from readiness.data.workbook_layout import FIRST_ROW, HEADER_ROW
from readiness.render.workbooks import cells
from readiness.render.workbooks.cells import Sheet, cell_range, header_text
from readiness.render.workbooks.saving import save_bytes
from readiness.render.workbooks.tables import INTRO_ROW, Column, put_merged, put_title, set_widths

EPOCH = dt.datetime(2000, 1, 1)
"""Time stamped in a workbook that has no date of its own."""


def new_workbook() -> Workbook:
    """An empty openpyxl workbook (without the sheet openpyxl adds)."""
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])
    return workbook


def stamp(workbook: Workbook, *, title: str, language: str, day: dt.date | None = None) -> Workbook:
    """Set the document properties: made by readiness, titled, in ``language`` (``en`` or
    ``zh-CN``), dated ``day`` (or :data:`EPOCH`), never the clock."""
    when = dt.datetime.combine(day, dt.time()) if day else EPOCH
    properties = workbook.properties
    properties.creator = "readiness"
    properties.lastModifiedBy = None
    properties.created = when
    properties.modified = when
    properties.title = title
    properties.language = language
    return workbook


def to_bytes(workbook: Workbook) -> bytes:
    """The workbook as .xlsx bytes, the first sheet active."""
    if workbook.worksheets:
        workbook.active = 0
    return save_bytes(workbook)


@dataclass(slots=True)
class Book:
    """A workbook being written: its labels, the texts of its printed page header, and the
    sheet names already taken."""

    workbook: Workbook
    words: Mapping[str, str]
    header: tuple[str, str] = ("", "")
    """Left and right of every printed page's header (the client, and a date or scenario)."""
    taken: set[str] = field(default_factory=set)

    def word(self, key: str, fallback: str | None = None) -> str:
        """The label ``key``, or the label ``fallback`` while ``key`` is not in the labels."""
        if fallback is not None and key not in self.words:
            return self.words[fallback]
        return self.words[key]

    def sheet(self, key: str, index: int | None = None) -> Sheet:
        """A new sheet named by the label ``key``, made a valid and unique Excel name."""
        name = cells.valid_sheet_name(self.word(key), self.taken)
        return cells.add_sheet(self.workbook, name, index)

    def table_sheet(self, key: str, title: str, intro: str, columns: Sequence[Column]) -> Sheet:
        """A new sheet with its title, its line of context and its column headers on row 3."""
        ws = self.sheet(key)
        set_widths(ws, (c.width for c in columns))
        put_title(ws, title)
        put_merged(ws, INTRO_ROW, 1, len(columns), intro, border=False)
        for index, column in enumerate(columns, start=1):
            cells.put_header(ws, index, column.header, column.width)
        return ws

    def finish(
        self,
        ws: Sheet,
        *,
        freeze: str = f"A{FIRST_ROW}",
        title_rows: str = f"{HEADER_ROW}:{HEADER_ROW}",
        autofilter: str | None = None,
    ) -> None:
        """Fit rows, freeze, filter and set up printing (A4 landscape, one page wide), with
        the page header. The sheets are not protected: they are the consultant's to edit."""
        # fit_rows (in finish_sheet) knows nothing of merged cells: keep the taller height.
        kept = {row: d.height for row, d in ws.row_dimensions.items() if d.height}
        cells.finish_sheet(ws, freeze=freeze, autofilter=autofilter, protect=False)
        for row, height in kept.items():
            dimension = ws.row_dimensions[row]
            dimension.height = max(dimension.height or 0, height)
        ws.print_title_rows = title_rows
        cells.header(ws).left.text = header_text(self.header[0])
        cells.header(ws).right.text = header_text(self.header[1])

    def finish_table(self, ws: Sheet, width: int, count: int, freeze: str = "") -> None:
        """:meth:`finish` a table sheet of ``count`` rows and ``width`` columns, filtered."""
        last = HEADER_ROW + max(count, 1)
        autofilter = cell_range(1, HEADER_ROW, last, width)
        self.finish(ws, freeze=freeze or f"A{FIRST_ROW}", autofilter=autofilter)
