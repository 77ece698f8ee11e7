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
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from openpyxl.cell.rich_text import CellRichText
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter

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


def undated(workbook: Any) -> Any:
    """``workbook`` with its document properties stamped :data:`UNDATED`, not the clock."""
    workbook.properties.created = workbook.properties.modified = UNDATED
    workbook.properties.creator = "readiness"
    return workbook


def save_bytes(workbook: Any) -> bytes:
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


class _ExcelWriter(ExcelWriter):  # type: ignore[misc]
    def write_worksheet(self, ws: Any) -> None:
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = _SheetWriter(ws, out=io.BytesIO())
        writer.write()
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], writer.out.getvalue())
        self.manifest.append(ws)


class _SheetWriter(WorksheetWriter):  # type: ignore[misc]
    def write_rows(self) -> None:
        if self.ws.parent.iso_dates:  # dates as text: openpyxl's way
            super().write_rows()
            return
        xf = self.xf.send(True)
        with xf.element("sheetData"):
            raw = xf._file  # the writer beneath et_xmlfile: text goes out as it is
            epoch = self.ws.parent.epoch
            dimensions = self.ws.row_dimensions
            cached = self.ws.__dict__.get(_CACHED, {})
            for row_index, row in self.rows():
                text = _row_xml(row, row_index, dimensions, epoch, cached)
                if text is None:
                    self.write_row(xf, row, row_index)
                else:
                    raw(text)
        self.xf.send(None)


def _row_xml(
    row: list[Any],
    index: int,
    dimensions: Any,
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
        if cell._comment is not None or cell.hyperlink:
            return None
        value = cell._value
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
            kind, value = "n", to_excel(value, epoch)
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
