"""The what-if sheet of the Excel gap report: every proposed answer change, for the verdict
and for each area, in one filterable table; the verdict's outcome on the line of context."""

from __future__ import annotations

from readiness.data.workbook_layout import FIRST_ROW
from readiness.render.report.whatif import ImprovementRow, WhatIfView
from readiness.render.report.workbook_sheets import ReportBook
from readiness.render.workbooks.cells import Sheet
from readiness.render.workbooks.tables import Column, Value, put_row


def whatif_sheet(book: ReportBook, x: WhatIfView) -> Sheet:
    """One row per answer change; gains in points and efforts in person-days, as numbers."""
    columns = [
        Column(book.word("wi_h_whatif"), 34),
        Column(book.word("question"), 14),
        Column(book.word("wi_from"), 30),
        Column(book.word("wi_to"), 30),
        Column(book.word("wi_requirements"), 26),
        Column(book.word("wi_gain"), 12),
        Column(book.word("wi_effort_pd"), 12),
    ]

    def values(goal: str, item: ImprovementRow) -> list[Value]:
        return [goal, item.question, item.old, item.new, item.requirements,
                round(item.gain, 1), float(item.effort)]  # fmt: skip

    verdict_goal = f"{book.word('wi_h_verdict')}: {x.next_label}"
    rows = [values(verdict_goal, i) for i in x.improvements]
    for area in x.areas:
        goal = f"{area.id} {area.name} → {x.target_text}"
        rows += [values(goal, i) for i in area.improvements]
    intro = (
        f"{book.word('wi_verdict_now')}: {x.verdict_label}; {book.word('wi_verdict_after')}: "
        f"{x.after_label} ({x.overall_after_text}). {x.statement}"
    )
    ws = book.table_sheet("wi_sheet", book.word("wi_h_whatif"), intro, columns)
    for row, cells in enumerate(rows, start=FIRST_ROW):
        put_row(ws, row, cells)
    book.finish_table(ws, len(columns), len(rows))
    return ws
