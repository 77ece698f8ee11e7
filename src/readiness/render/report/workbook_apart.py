"""The workbook sheet of what is counted apart from the nonconformities: systemic majors with
the minors behind them, good-practice observations, readiness preconditions, figures not
evidenced, unanswered questions and answers carried from a certified system not confirmed.
One filterable table, the first column saying which."""

from __future__ import annotations

from readiness.data.workbook_layout import FIRST_ROW
from readiness.render.report.workbook_sheets import ReportBook
from readiness.render.workbooks.cells import Sheet
from readiness.render.workbooks.tables import Column, Value, put_row


def apart_sheet(book: ReportBook) -> Sheet:
    """Every item counted apart, one row each."""
    view = book.view
    columns = [
        Column(book.word("kind"), 22),
        Column("ID", 22),
        Column(book.word("status"), 18),
        Column(book.word("area"), 26),
        Column(book.word("requirements"), 16),
        Column(book.word("reasons"), 50),
        Column(book.word("recommendation"), 50),
    ]
    rows: list[list[Value]] = []
    for f in view.systemic:
        rows.append(
            [
                book.word("source_systemic"),
                f.id,
                f.finding_label,
                f.area_name,
                "\n".join(f.requirements),
                f.reason,
                f.recommendation,
            ]
        )
    for f in view.practice:
        rows.append(
            [
                book.word("source_practice"),
                f.id,
                f.finding_label,
                f.area_name,
                "\n".join(f.requirements),
                f.reason,
                f.recommendation,
            ]
        )
    for p in view.preconditions:
        rows.append(
            [
                book.word("h_preconditions"),
                p.rule,
                p.status_label,
                p.figure_text,
                "",
                p.reason,
                p.recommendation,
            ]
        )
    for n in view.not_evidenced:
        rows.append(
            [book.word("not_evidenced"), n.rule, "", n.area_name, "", n.reason, n.figure_text]
        )
    for u in view.unanswered:
        rows.append([book.word("unanswered_count"), u.question, "", u.area_name, "", u.text, None])
    for c in view.carried.unconfirmed if view.carried is not None else []:
        # carried from a certified system, not confirmed: scored as unanswered
        rows.append([book.word("m_unconfirmed"), c.question, c.rating, c.area_name, "", c.text,
                     c.provenance])  # fmt: skip
    ws = book.table_sheet("sheet_apart", book.word("sheet_apart"), view.meta.client, columns)
    for row, values in enumerate(rows, start=FIRST_ROW):
        put_row(ws, row, values)
    book.finish_table(ws, len(columns), len(rows))
    return ws
