"""Save an openpyxl workbook as reproducible .xlsx bytes, faster than openpyxl does.

openpyxl's ``ExcelWriter`` is used as it is, with three changes that leave the workbook's XML
as openpyxl would write it:

- cells are serialised by string formatting instead of one ElementTree element each (the
  writer's largest cost: a gap report has some 8,000 cells). Rows holding anything unusual —
  a formula, rich text, a hyperlink, a comment — go through openpyxl's own row writer;
- each worksheet is written in memory rather than to a temporary file that is then removed;
- every part is stamped with one fixed time as it is zipped (openpyxl stamps the clock), so
  equal workbooks are equal bytes without compressing the archive twice;
- a formula given its value with :func:`cache_value` is written with that value cached, so
  previewers and pandas, which do not calculate, see it (Excel recalculates on opening).

The private attributes this relies on are reached only through
:mod:`readiness.render.workbooks.internals`.

Why openpyxl is pinned rather than replaced by XlsxWriter (decided December 2026, measured on
the shared 2-core machine, medians of 9, the example's gap report of 8,592 cells in 7 sheets
and its plan of 7,627 cells in 6 sheets):

- report: building the openpyxl workbook 213 ms, saving it here 133 ms, openpyxl's own save
  339 ms; plan: build 266 ms, save here 157 ms, openpyxl's save 218 ms;
- XlsxWriter 3.3 writing the report's cells with their texts and one format per style kind
  (no charts, validations or conditional formats) took 78-111 ms against 171-292 ms for
  openpyxl's build and our save in the same run: about 2.5 times faster;
- ``import xlsxwriter`` costs some 65 ms, added to openpyxl's 130 ms: openpyxl stays for
  reading answered workbooks, so every run that writes Excel would import both.

A writer on XlsxWriter would save some 150 ms a workbook, but it is a rewrite of every
workbook module (about 2,500 lines: XlsxWriter writes once, cell by cell, with formats
declared up front, so :func:`~readiness.render.workbooks.cells.fit_rows`, merging and the
style cache need new designs) and of its byte-level tests. Until that is worth its cost,
openpyxl is pinned below its next minor version (and et_xmlfile below its next major) in
pyproject.toml, and ``tests/render/workbooks/test_saving.py``, which compares these bytes
with openpyxl's own writer, is the guard: a release that moves an internal fails it.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from typing import Any, cast

from openpyxl.cell.rich_text import CellRichText
from openpyxl.utils.datetime import to_excel
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.dimensions import DimensionHolder, RowDimension
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from readiness.render.workbooks.cells import book_of
from readiness.render.workbooks.internals import (
    AnyCell,
    archive_of,
    attach_drawing,
    comment_of,
    keep_relations,
    raw_output,
    raw_value,
)

_to_excel = cast(Callable[[object, dt.datetime], float], to_excel)
"""openpyxl's date-to-serial conversion (untyped in types-openpyxl)."""

ZIP_TIME = (2000, 1, 1, 0, 0, 0)
"""The time every part of a saved workbook carries."""

_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTRIBUTE_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\n": "&#10;",
        "\r": "&#13;",
        "\t": "&#09;",
    }
)


_CACHED = "_readiness_cached_values"
"""Worksheet attribute: coordinate → the value its formula computes."""


def cache_value(cell: Any, value: float) -> None:
    """Write ``value`` as the cached result of ``cell``'s formula (a plain ``=…`` string)."""
    cached: dict[str, float] = cell.parent.__dict__.setdefault(_CACHED, {})
    cached[cell.coordinate] = value


UNDATED = dt.datetime(2000, 1, 1)
"""Creation time given to a workbook that has no date of its own (openpyxl stamps the clock)."""


def undated(workbook: Workbook) -> Workbook:
    """``workbook`` with its document properties stamped :data:`UNDATED`, not the clock."""
    workbook.properties.created = workbook.properties.modified = UNDATED
    workbook.properties.creator = "readiness"
    return workbook


def save_bytes(workbook: Workbook) -> bytes:
    """``workbook`` as .xlsx bytes that depend on its content only, never on the clock."""
    buffer = io.BytesIO()
    with _FixedTimeZip(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        _ExcelWriter(workbook, archive).save()
    return buffer.getvalue()


class _FixedTimeZip(zipfile.ZipFile):
    """A zip archive whose every entry is stamped with :data:`ZIP_TIME`."""

    def writestr(  # type: ignore[override]
        self, zinfo_or_arcname: str | zipfile.ZipInfo, data: bytes | str, *args: Any, **kwargs: Any
    ) -> None:
        name = (
            zinfo_or_arcname.filename
            if isinstance(zinfo_or_arcname, zipfile.ZipInfo)
            else zinfo_or_arcname
        )
        entry = zipfile.ZipInfo(name, date_time=ZIP_TIME)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.external_attr = 0o600 << 16
        super().writestr(entry, data)


class _ExcelWriter(ExcelWriter):
    def write_worksheet(self, ws: Worksheet) -> None:
        attach_drawing(ws)
        out = io.BytesIO()
        writer = _SheetWriter(ws, book_of(ws), out=out)
        writer.write()
        keep_relations(ws, writer)
        archive_of(self).writestr(ws.path[1:], out.getvalue())
        self.manifest.append(ws)


class _SheetWriter(WorksheetWriter):
    def __init__(self, ws: Worksheet, book: Workbook, out: io.BytesIO) -> None:
        super().__init__(ws, out=out)
        self.sheet = ws
        self.book = book

    def write_rows(self) -> None:
        if self.book.iso_dates:  # dates as text: openpyxl's way
            super().write_rows()
            return
        xf = self.xf.send(True)
        if xf is None:  # the stream hands out its writer when sent True
            raise RuntimeError("openpyxl's sheet stream gave no writer")
        with xf.element("sheetData"):
            raw = raw_output(xf)
            epoch = self.book.epoch
            dimensions = self.sheet.row_dimensions
            cached = self.sheet.__dict__.get(_CACHED, {})
            for row_index, row in self.rows():
                text = _row_xml(row, row_index, dimensions, epoch, cached)
                if text is None:
                    self.write_row(xf, row, row_index)
                else:
                    raw(text)
        self.xf.send(None)


def _row_xml(
    row: list[AnyCell],
    index: int,
    dimensions: DimensionHolder[int, RowDimension],
    epoch: dt.datetime,
    cached: dict[str, float] | None = None,
) -> str | None:
    """The ``<row>`` element as openpyxl writes it, or None when the row needs openpyxl.

    A formula with a value in ``cached`` is written as openpyxl would, its value in ``<v>``.
    """
    attributes = {"r": str(index)}
    if index in dimensions:
        attributes.update(dimensions[index])
    parts = ["<row", *_attributes(attributes), ">"]
    for cell in row:
        if comment_of(cell) is not None or cell.hyperlink:
            return None
        value = raw_value(cell)
        styled = cell.has_style
        if value is None and not styled:
            continue
        kind = cell.data_type
        known = cached.get(cell.coordinate) if cached else None
        if kind == "f" and isinstance(value, str) and known is not None:
            style = f' s="{cell.style_id}"' if styled else ""
            formula = value[1:].translate(_TEXT_ESCAPES)
            parts.append(f'<c r="{cell.coordinate}"{style}><f>{formula}</f>')
            parts.append(f"<v>{_number(known)}</v></c>")
            continue
        if kind == "f" or isinstance(value, CellRichText):
            return None
        head = f'<c r="{cell.coordinate}"'
        if styled:
            head += f' s="{cell.style_id}"'
        if kind == "s":
            head += ' t="inlineStr"'
        elif kind == "d":
            if getattr(value, "tzinfo", None) is not None or isinstance(value, dt.timedelta):
                return None
            kind, value = "n", _to_excel(value, epoch)
            head += ' t="n"'
        else:
            head += f' t="{kind}"'
        if value is None or value == "":
            parts.append(head + "/>")
        elif kind == "s":
            text = str(value)
            stripped = text.strip()
            space = ' xml:space="preserve"' if stripped and stripped != text else ""
            parts.append(f"{head}><is><t{space}>{text.translate(_TEXT_ESCAPES)}</t></is></c>")
        else:
            parts.append(f"{head}><v>{_number(value)}</v></c>")
    parts.append("</row>")
    return "".join(parts)


def _attributes(attributes: dict[str, str]) -> list[str]:
    return [
        f' {name}="{value.translate(_ATTRIBUTE_ESCAPES)}"' for name, value in attributes.items()
    ]


def _number(value: Any) -> str:
    """A cell value as openpyxl's ``safe_string`` writes it."""
    if isinstance(value, int | float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        return "%.16g" % value  # noqa: UP031 - the format openpyxl uses
    return str(value).translate(_TEXT_ESCAPES)
