"""The table sheets of the Excel gap report, and the cell helpers every report sheet shares.

Layout of a table sheet: the title on row 1, a line of context on row 2, the column headers on
row 3 (frozen, repeated on every printed page) and the data from row 4, as in the questionnaire
workbook, whose helpers (:mod:`readiness.render.workbooks.cells`) write every text as text, never as a
formula. The report is not protected: it is the consultant's to sort, filter and edit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from readiness.data.workbook_layout import FIRST_ROW, HEADER_ROW
from readiness.render.report.model import FindingView, ReportView
from readiness.render.workbooks import cells
from readiness.render.workbooks.cells import Cell, Sheet, cell_range, header_text

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
    "major": solid_fill("F8D7DA"),
    "minor": solid_fill("FCE4D6"),
    "observation": solid_fill("FFF2CC"),
    "conforming": solid_fill("E2EFDA"),
    "not_applicable": cells.GREY,
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


@dataclass(slots=True)
class ReportBook:
    """The workbook being written, the view it shows, and the sheet names already taken."""

    workbook: Any
    view: ReportView
    taken: set[str] = field(default_factory=set)

    def word(self, key: str, fallback: str | None = None) -> str:
        """The label ``key``, or the label ``fallback`` while ``key`` is not in the labels."""
        words = self.view.words
        if fallback is not None and key not in words:
            return words[fallback]
        return words[key]

    def sheet(self, key: str) -> Sheet:
        """A new sheet named by the label ``key``, made a valid and unique Excel name."""
        name = cells.valid_sheet_name(self.view.words[key], self.taken)
        return self.workbook.create_sheet(name)


def put_value(
    ws: Sheet, row: int, column: int, value: Value, fill: PatternFill | None = None
) -> Cell:
    """A bordered, wrapped data cell: text through :func:`cells.set_text`, floats as ``0.0``."""
    cell = ws.cell(row=row, column=column)
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
    cell = ws.cell(row=row, column=column)
    cells.set_text(cell, text)
    cell.font = cells.BOLD
    cell.fill = cells.HEADER_FILL
    cell.alignment = cells.HEADER_ALIGN
    cell.border = cells.BORDER
    return cell


def put_section(ws: Sheet, row: int, text: str) -> Cell:
    """A bold section title in column A (it runs over the empty cells to its right)."""
    cell = ws.cell(row=row, column=1)
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
        cell = ws.cell(row=row, column=first)
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


def table_sheet(
    book: ReportBook, key: str, title: str, intro: str, columns: Sequence[Column]
) -> Sheet:
    """A new sheet with its title, its line of context and its column headers on row 3."""
    ws = book.sheet(key)
    set_widths(ws, (c.width for c in columns))
    put_title(ws, title)
    put_merged(ws, INTRO_ROW, 1, len(columns), intro, border=False)
    for index, column in enumerate(columns, start=1):
        cells.put_header(ws, index, column.header, column.width)
    return ws


def put_title(ws: Sheet, title: str) -> Cell:
    """The sheet's title on row 1 (it runs over the empty cells to its right)."""
    cell = ws.cell(row=TITLE_ROW, column=1)
    cells.set_text(cell, title)
    cell.font = cells.TITLE_FONT
    cell.alignment = cells.CLIP
    ws.row_dimensions[TITLE_ROW].height = 24
    return cell


def finish(
    book: ReportBook,
    ws: Sheet,
    *,
    freeze: str = f"A{FIRST_ROW}",
    title_rows: str = f"{HEADER_ROW}:{HEADER_ROW}",
    autofilter: str | None = None,
) -> None:
    """Fit rows, freeze, filter and set up printing (A4 landscape, one page wide).

    Unlike the questionnaire's sheets, the report's are not protected.
    The page header names the client, the footer the sheet and the page.
    """
    # fit_rows (in finish_sheet) knows nothing of merged cells: keep the taller height.
    kept = {row: d.height for row, d in ws.row_dimensions.items() if d.height}
    cells.finish_sheet(ws, freeze=freeze, autofilter=autofilter, protect=False)
    for row, height in kept.items():
        dimension = ws.row_dimensions[row]
        dimension.height = max(dimension.height or 0, height)
    ws.print_title_rows = title_rows
    meta = book.view.meta
    ws.oddHeader.left.text = header_text(meta.client)
    ws.oddHeader.right.text = header_text(meta.assessed_on or "")


def finish_table(book: ReportBook, ws: Sheet, width: int, count: int, freeze: str = "") -> None:
    """:func:`finish` a table sheet of ``count`` rows and ``width`` columns, with a filter."""
    last = HEADER_ROW + max(count, 1)
    autofilter = cell_range(1, HEADER_ROW, last, width)
    finish(book, ws, freeze=freeze or f"A{FIRST_ROW}", autofilter=autofilter)


def clause_text(clause: str | None, title: str) -> str:
    """``"9.2 Internal audit"``; the title alone when there is no clause."""
    return f"{clause} {title}".strip() if clause else title


def lines(values: Iterable[str]) -> str:
    """The distinct non-empty ``values`` in their order, one per line."""
    return "\n".join(dict.fromkeys(v for v in values if v))


def findings_sheet(book: ReportBook) -> Sheet:
    """Every predicted finding, one row each, coloured by class."""
    view = book.view
    columns = [
        Column(ID_HEADER, 22),
        Column(book.word("finding"), 15),
        Column(book.word("source"), 13),
        Column(book.word("area"), 24),
        Column(book.word("clause"), 26),
        Column(book.word("requirements"), 13),
        Column(book.word("reasons"), 40),
        Column(book.word("recommendation"), 50),
    ]
    ws = table_sheet(book, "sheet_findings", book.word("h_findings"), view.meta.client, columns)
    for row, finding in enumerate(view.findings, start=FIRST_ROW):
        values = _finding_values(finding, book.word("grouped_into"))
        put_row(ws, row, values, CLASS_FILLS.get(finding.finding))
    finish_table(book, ws, len(columns), len(view.findings))
    return ws


def _finding_values(finding: FindingView, grouped: str) -> list[Value]:
    return [
        finding.id,
        finding.finding_label
        + (f" ({grouped} {finding.grouped_into})" if finding.grouped_into else ""),
        finding.source_label,
        finding.area_name,
        clause_text(finding.clause, finding.clause_title),
        "\n".join(finding.requirements),
        finding.reason,
        finding.recommendation,
    ]


def requirements_sheet(book: ReportBook) -> Sheet:
    """Every requirement: score, predicted finding, reasons and the answers behind them."""
    view = book.view
    columns = [
        Column(ID_HEADER, 12),
        Column(book.word("clause"), 8),
        Column(book.word("clause_title", "name"), 20),
        Column(book.word("area"), 20),
        Column(book.word("requirement"), 42),
        Column(book.word("weight"), 7),
        Column(book.word("score"), 7),
        Column(book.word("finding"), 13),
        Column(book.word("flags"), 14),
        Column(book.word("reasons"), 32),
        Column(book.word("recommendation"), 34),
        Column(book.word("answers"), 20),
        Column(book.word("evidence"), 30),
        Column(book.word("notes"), 30),
        Column(book.word("owner"), 12),
    ]
    title = book.word("requirements")
    ws = table_sheet(book, "sheet_requirements", title, view.meta.client, columns)
    score_column = 7
    for row, item in enumerate(view.requirements, start=FIRST_ROW):
        several = len(item.answers) > 1
        values: list[Value] = [
            item.id,
            item.clause,
            item.clause_title,
            item.area_name,
            item.text,
            item.weight,
            item.score,
            item.finding_label,
            "\n".join(item.flags),
            "\n".join(item.reasons),
            item.recommendation,
            "\n".join(f"{a.question}: {a.rating_label}" for a in item.answers),
            lines(e for a in item.answers for e in a.evidence),
            "\n".join(
                f"{a.question}: {a.notes}" if several else a.notes for a in item.answers if a.notes
            ),
            lines(a.owner or "" for a in item.answers),
        ]
        put_row(ws, row, values)
        put_value(ws, row, score_column, item.score, CLASS_FILLS.get(item.finding))
    finish_table(book, ws, len(columns), len(view.requirements), freeze=f"B{FIRST_ROW}")
    return ws


def evidence_sheet(book: ReportBook) -> Sheet:
    """The evidence requests as one flat table with the area on every row, to filter."""
    view = book.view
    columns = [
        Column(book.word("area"), 28),
        Column(book.word("owner"), 16),
        Column(ID_HEADER, 11),
        Column(book.word("question"), 48),
        Column(book.word("evidence"), 48),
        Column(book.word("requirements"), 14),
        Column(book.word("finding"), 16),
    ]
    ws = table_sheet(
        book, "sheet_evidence", book.word("h_evidence"), book.word("evidence_intro"), columns
    )
    row = FIRST_ROW
    for group in view.evidence:
        area = f"{group.area} {group.area_name}"
        for item in group.items:
            values: list[Value] = [
                area,
                group.owner,
                item.question,
                item.text,
                item.evidence,
                "\n".join(item.requirements),
                item.finding_label,
            ]
            put_row(ws, row, values)
            put_value(ws, row, len(values), item.finding_label, CLASS_FILLS.get(item.finding))
            row += 1
    finish_table(book, ws, len(columns), row - FIRST_ROW)
    return ws


def documents_sheet(book: ReportBook) -> Sheet:
    """The mandatory documented information checklist: missing red, present green."""
    view = book.view
    scores = {r.id: r.score for r in view.requirements}
    columns = [
        Column(book.word("requirement"), 13),
        Column(book.word("clause"), 8),
        Column(book.word("clause_title", "name"), 30),
        Column(book.word("area"), 30),
        Column(book.word("kind"), 10),
        Column(book.word("documented"), 40),
        Column(book.word("status"), 14),
        Column(book.word("score"), 8),
    ]
    ws = table_sheet(
        book, "sheet_documents", book.word("h_documents"), book.word("documents_intro"), columns
    )
    for row, check in enumerate(view.documents, start=FIRST_ROW):
        values: list[Value] = [
            check.requirement,
            check.clause,
            check.clause_title,
            check.area_name,
            check.kind_label,
            check.name,
            check.status_label,
            scores.get(check.requirement),
        ]
        put_row(ws, row, values)
        status = put_value(ws, row, 7, check.status_label, STATUS_FILLS.get(check.status))
        status.font = cells.BOLD
    finish_table(book, ws, len(columns), len(view.documents))
    return ws


def roles_sheet(book: ReportBook) -> Sheet:
    """The SMS owner, the responsibility matrix, the process owners and the matrix findings.

    The matrix is the sheet's big table, so its header is the one on row 3 that stays frozen
    and is printed on every page; the short tables follow it.
    """
    view = book.view
    matrix = view.matrix
    people = matrix.people
    last_column = max(3, 2 + len(people))
    ws = book.sheet("sheet_roles")
    set_widths(ws, [48, 32, *([4.5] * len(people) or [40])])
    put_title(ws, book.word("h_roles"))
    put_heading(ws, INTRO_ROW, 1, book.word("sms_owner"))
    put_value(ws, INTRO_ROW, 2, matrix.sms_owner)
    put_heading(ws, HEADER_ROW, 1, book.word("work_item"))
    put_heading(ws, HEADER_ROW, 2, book.word("area"))
    for column, person in enumerate(people, start=3):
        put_heading(ws, HEADER_ROW, column, person).alignment = ROTATED
    longest = max((len(p) for p in people), default=0)
    ws.row_dimensions[HEADER_ROW].height = min(max(30.0, 6.5 * longest + 10), 160.0)
    row = FIRST_ROW
    if not matrix.rows:
        put_merged(ws, row, 1, last_column, book.word("no_matrix"))
        row += 1
    for matrix_row in matrix.rows:
        put_row(ws, row, [matrix_row.item, matrix_row.area_name])
        for column, value in enumerate(matrix_row.cells, start=3):
            primary = value.strip().upper() == "P"
            cell = put_value(ws, row, column, value, PRIMARY_FILL if primary else None)
            cell.alignment = CENTRE
            if primary:
                cell.font = cells.BOLD
        row += 1
    row = _owners_table(book, ws, row + 1)
    _matrix_findings(book, ws, row + 1, last_column)
    finish(book, ws, freeze=f"C{FIRST_ROW}")
    return ws


def _owners_table(book: ReportBook, ws: Sheet, row: int) -> int:
    """The process owners from ``row``; the row after the table."""
    put_section(ws, row, book.word("process_owners"))
    row += 1
    put_heading(ws, row, 1, book.word("process"))
    put_heading(ws, row, 2, book.word("owner"))
    for area_name, owner in book.view.matrix.owners:
        row += 1
        put_row(ws, row, [area_name, owner])
    return row + 1


def _matrix_findings(book: ReportBook, ws: Sheet, row: int, last_column: int) -> None:
    """The findings on the matrix: reason, class, and the action over the people's columns."""
    put_section(ws, row, book.word("findings_predicted"))
    row += 1
    findings = book.view.matrix_findings
    if not findings:
        put_merged(ws, row, 1, last_column, book.word("no_findings"))
        return
    put_heading(ws, row, 1, book.word("reasons"))
    put_heading(ws, row, 2, book.word("finding"))
    put_heading(ws, row, 3, book.word("recommendation"))
    for column in range(4, last_column + 1):
        put_heading(ws, row, column, None)
    cells.merge(ws, row, 3, last_column)
    for finding in findings:
        row += 1
        fill = CLASS_FILLS.get(finding.finding)
        put_row(ws, row, [finding.reason, finding.finding_label], fill)
        put_merged(ws, row, 3, last_column, finding.recommendation, fill)
