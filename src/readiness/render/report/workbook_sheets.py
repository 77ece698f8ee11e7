"""The table sheets of the Excel gap report: findings, requirements, evidence requests,
documents, roles. The cells and the workbook base are shared by every workbook
(:mod:`readiness.render.workbooks.tables`, :mod:`readiness.render.workbooks.book`).
"""

from __future__ import annotations

from collections.abc import Iterable

from openpyxl.workbook.workbook import Workbook

from readiness.data.workbook_layout import FIRST_ROW, HEADER_ROW
from readiness.render.report.model import FindingView, ReportView
from readiness.render.workbooks import cells
from readiness.render.workbooks.book import Book
from readiness.render.workbooks.cells import Sheet
from readiness.render.workbooks.tables import (
    CENTRE,
    CLASS_FILLS,
    ID_HEADER,
    INTRO_ROW,
    PRIMARY_FILL,
    ROTATED,
    STATUS_FILLS,
    Column,
    Value,
    put_heading,
    put_merged,
    put_row,
    put_section,
    put_title,
    put_value,
    set_widths,
)


class ReportBook(Book):
    """The gap report's workbook being written, and the view it shows."""

    __slots__ = ("view",)

    def __init__(self, workbook: Workbook, view: ReportView) -> None:
        super().__init__(workbook, view.words, (view.meta.client, view.meta.assessed_on or ""))
        self.view = view


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
    ws = book.table_sheet("sheet_findings", book.word("h_findings"), view.meta.client, columns)
    for row, finding in enumerate(view.findings, start=FIRST_ROW):
        values = _finding_values(finding, book.word("grouped_into"))
        put_row(ws, row, values, CLASS_FILLS.get(finding.finding))
    book.finish_table(ws, len(columns), len(view.findings))
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
    ws = book.table_sheet("sheet_requirements", title, view.meta.client, columns)
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
    book.finish_table(ws, len(columns), len(view.requirements), freeze=f"B{FIRST_ROW}")
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
    ws = book.table_sheet(
        "sheet_evidence", book.word("h_evidence"), book.word("evidence_intro"), columns
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
    book.finish_table(ws, len(columns), row - FIRST_ROW)
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
    ws = book.table_sheet(
        "sheet_documents", book.word("h_documents"), book.word("documents_intro"), columns
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
    book.finish_table(ws, len(columns), len(view.documents))
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
    book.finish(ws, freeze=f"C{FIRST_ROW}")
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
