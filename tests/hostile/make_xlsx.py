"""Hostile workbooks: XML bombs and external entities inside, damaged XML, and answers that
are wrong in ways a client can make them (formulas, typos, deleted sheets and columns)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from tests.hostile.generate import builder
from tests.hostile.make_zip import (
    example_workbook,
    part,
    part_names,
    rezip,
    set_cell,
    sheet_part,
    text_cell,
    workbook_with_cell,
)

_BOMB_DTD = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10)
        for n in range(1, 10)
    )
    + b"]>\n"
)


def _with_doctype(xml: bytes, doctype: bytes, entity: bytes, ref: str | None = None) -> bytes:
    body = re.sub(rb"^<\?xml[^>]*\?>\s*", b"", xml)
    if ref:
        body = set_cell(
            body, ref, f'<c r="{ref}" t="inlineStr"><is><t>{entity.decode()}</t></is></c>'
        )
    return doctype + body


@builder
def xml_bomb_sheet(path: Path) -> None:
    """Billion laughs in a question sheet: one cell expands to 10^9 "lol"s."""
    data = example_workbook()
    name = sheet_part("A ")
    xml = _with_doctype(part(data, name), _BOMB_DTD, b"&lol9;", "H5")
    path.write_bytes(rezip(data, {name: xml}))


@builder
def xml_bomb_workbook(path: Path) -> None:
    """Billion laughs in xl/workbook.xml (parsed before any sheet)."""
    data = example_workbook()
    xml = _with_doctype(part(data, "xl/workbook.xml"), _BOMB_DTD, b"")
    xml = xml.replace(b'<sheet name="Instructions"', b'<sheet name="&lol9;"', 1)
    path.write_bytes(rezip(data, {"xl/workbook.xml": xml}))


@builder
def xml_bomb_shared_strings(path: Path) -> None:
    """Billion laughs in a shared-strings part that a sheet cell refers to."""
    data = example_workbook()
    strings = _BOMB_DTD + (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
        b'uniqueCount="1"><si><t>&lol9;</t></si></sst>'
    )
    types = part(data, "[Content_Types].xml").replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    rels = part(data, "xl/_rels/workbook.xml.rels").replace(
        b"</Relationships>",
        b'<Relationship Id="rId999" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    name = sheet_part("A ")
    sheet = set_cell(part(data, name), "H5", '<c r="H5" t="s"><v>0</v></c>')
    path.write_bytes(
        rezip(
            data,
            {"[Content_Types].xml": types, "xl/_rels/workbook.xml.rels": rels, name: sheet},
            add={"xl/sharedStrings.xml": strings},
        )
    )


@builder
def xml_external_entity(path: Path) -> None:
    """An external entity (XXE) reading /etc/passwd into an answer cell."""
    data = example_workbook()
    name = sheet_part("A ")
    doctype = b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    path.write_bytes(rezip(data, {name: _with_doctype(part(data, name), doctype, b"&xxe;", "H5")}))


@builder
def malformed_sheet_xml(path: Path) -> None:
    """A question sheet whose XML is cut off."""
    data = example_workbook()
    name = sheet_part("A ")
    xml = part(data, name)
    path.write_bytes(rezip(data, {name: xml[: len(xml) // 2]}))


@builder
def formula_in_rating(path: Path) -> None:
    """``=IF(1,"F")`` typed in a rating cell."""
    workbook_with_cell(path, "A ", "E5", '<c r="E5"><f>IF(1,"F")</f><v>F</v></c>')


@builder
def formula_in_id_cell(path: Path) -> None:
    """A formula where a question id belongs."""
    workbook_with_cell(
        path, "A ", "A5", '<c r="A5"><f>CONCAT("A.CTX",".01")</f><v>A.CTX.01</v></c>'
    )


@builder
def array_formula_in_id_cell(path: Path) -> None:
    """An array formula (openpyxl reads it as an ArrayFormula object) where an id belongs."""
    workbook_with_cell(
        path, "A ", "A5", '<c r="A5"><f t="array" ref="A5">UPPER("a.ctx.01")</f><v>A.CTX.01</v></c>'
    )


@builder
def overwritten_marker_cell(path: Path) -> None:
    """The hidden marker cell A1 of a question sheet typed over."""
    workbook_with_cell(path, "A ", "A1", text_cell("A1", "notes"))


@builder
def merged_over_answers(path: Path) -> None:
    """The rating and documented cells of a question row merged (E5:F5): F5 is hidden."""
    data = example_workbook()
    name = sheet_part("A ")
    xml = part(data, name)
    merge = b'<mergeCell ref="E5:F5"/>'
    if b"<mergeCells" in xml:
        xml = re.sub(rb"<mergeCells[^>]*>", lambda m: m.group() + merge, xml, count=1)
    else:
        xml = xml.replace(
            b"</sheetData>", b"</sheetData><mergeCells>" + merge + b"</mergeCells>", 1
        )
    path.write_bytes(rezip(data, {name: xml}))


@builder
def bad_rating_cell(path: Path) -> None:
    """ "Mostly" typed in a rating cell."""
    workbook_with_cell(path, "A ", "E5", text_cell("E5", "Mostly"))


@builder
def date_in_rating_cell(path: Path) -> None:
    """A date in a rating cell (Excel turned "1/2" into a date)."""
    workbook_with_cell(path, "A ", "E5", '<c r="E5" t="d"><v>2026-01-02T00:00:00</v></c>')


@builder
def error_in_rating_cell(path: Path) -> None:
    """An Excel error value (#N/A) in a rating cell."""
    workbook_with_cell(path, "A ", "E5", '<c r="E5" t="e"><v>#N/A</v></c>')


@builder
def number_in_rating_cell(path: Path) -> None:
    """A number in a rating cell."""
    workbook_with_cell(path, "A ", "E5", '<c r="E5" t="n"><v>3.5</v></c>')


@builder
def long_notes_cell(path: Path) -> None:
    """Notes of 6,000 characters (the limit is 5,000)."""
    workbook_with_cell(path, "A ", "I5", text_cell("I5", "n" * 6_000))


@builder
def na_without_justification_cell(path: Path) -> None:
    """NA chosen without a justification (the example's A.CTX.02 has none)."""
    workbook_with_cell(path, "A ", "E5", text_cell("E5", "NA"))


@builder
def control_character_cell(path: Path) -> None:
    """An owner cell holding an escaped control character (Excel's _x001B_ notation)."""
    workbook_with_cell(path, "A ", "J5", text_cell("J5", "Li\x1b[2JWei").replace("\x1b", "&#27;"))


@builder
def unknown_question_row(path: Path) -> None:
    """A row with an ID the questionnaire does not have."""
    workbook_with_cell(path, "A ", "A5", text_cell("A5", "A.CTX.99"))


@builder
def percent_over_100_cell(path: Path) -> None:
    """A percentage figure of 150."""
    _edit(path, lambda wb: _figure(wb, "emergency_change_share", 150))


@builder
def duplicate_question_row(path: Path) -> None:
    """The same question ID on two rows."""
    workbook_with_cell(path, "A ", "A7", text_cell("A7", "A.CTX.02"))


@builder
def other_version_marker(path: Path) -> None:
    """A workbook of another questionnaire version (its hidden marker row says 0.9)."""
    data = example_workbook()
    changes = {}
    for name in part_names(data):
        if name.startswith("xl/worksheets/sheet"):
            changes[name] = part(data, name).replace(
                b"<t>1.0</t></is></c>", b"<t>0.9</t></is></c>", 1
            )
    path.write_bytes(rezip(data, changes))


@builder
def foreign_workbook(path: Path) -> None:
    """A workbook made by another tool (a budget), not by readiness."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet["A1"] = "Budget 2026"
    sheet.append(["Item", "Cost"])
    sheet.append(["Servers", 12000])
    workbook.save(path)


@builder
def missing_sheets(path: Path) -> None:
    """Only the instructions and Part A sheets left: no client profile."""
    _edit(
        path,
        lambda wb: [wb.remove(s) for s in wb.worksheets if not s.title.startswith(("A ", "Instr"))],
    )


@builder
def missing_id_column(path: Path) -> None:
    """The ID column of Part A deleted (its marker row with it)."""
    _edit(path, lambda wb: _sheet(wb, "A ").delete_cols(1))


@builder
def missing_rating_column(path: Path) -> None:
    """The rating column of Part A deleted."""
    _edit(path, lambda wb: _sheet(wb, "A ").delete_cols(5))


def _edit(path: Path, change: Callable[..., object]) -> None:
    from openpyxl import load_workbook

    path.write_bytes(example_workbook())
    workbook = load_workbook(path)
    change(workbook)
    workbook.save(path)


def _sheet(workbook: object, title_start: str) -> object:
    return next(s for s in workbook.worksheets if s.title.startswith(title_start))  # type: ignore[attr-defined]


def _figure(workbook: object, figure: str, value: object) -> None:
    """Set a figure's value (column D of the Figures sheet, found by its ID in column A)."""
    sheet = next(s for s in workbook.worksheets if s["B1"].value == "figures")  # type: ignore[attr-defined]
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == figure)
    sheet.cell(row, 4).value = value
