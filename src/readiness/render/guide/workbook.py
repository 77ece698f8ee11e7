"""The interview guide and the audit checklist as workbooks: one filterable table each, with
empty columns for what the interviewer heard and the auditor found, and dropdowns for the
agreed rating and the auditor's conclusion."""

from __future__ import annotations

from readiness.data.workbook_layout import FIRST_ROW
from readiness.render.guide.view import ChecklistView, GuideView
from readiness.render.workbooks import cells
from readiness.render.workbooks.book import Book, new_workbook, stamp, to_bytes
from readiness.render.workbooks.tables import CLASS_FILLS, Column, Value, put_row, put_value

RATINGS = ("N", "P", "L", "F", "NA")


def guide_workbook_bytes(view: GuideView) -> bytes:
    """The interview guide as one sheet, a row per probe, role by role."""
    w = view.words
    workbook = stamp(new_workbook(), title=w["g_title"], language=view.html_lang)
    book = Book(workbook, w, (view.client, view.date))
    columns = [
        Column(w["g_roles"], 24),
        Column("#", 5),
        Column("ID", 11),
        Column(w["g_probe"], 40),
        Column(w["g_why"], 20),
        Column(w["g_predicted"], 16),
        Column(w["g_answer"], 30),
        Column(w["g_disagreement"], 30),
        Column(w["g_ask"], 50),
        Column(w["g_listen_for"], 50),
        Column(w["g_see"], 40),
        Column(w["g_named"], 30),
        Column(w["g_heard"], 40),
        Column(w["g_agreed_rating"], 12),
    ]
    ws = book.table_sheet("g_title", w["g_title"], f"{view.client} · {w['g_intro']}", columns)
    row = FIRST_ROW
    for role in view.roles:
        for p in role.probes:
            answer = "\n".join(x for x in (p.answer, p.owner, p.notes) if x)
            values: list[Value] = [
                role.title,
                p.number,
                p.question,
                p.text,
                "\n".join(p.why),
                f"{p.finding_label}\n{p.requirements}\n{p.score_text}",
                answer,
                "\n".join(p.disagreements),
                "\n".join(f"{n}. {a}" for n, a in enumerate(p.ask, start=1)),
                p.listen_for,
                "\n".join(p.see),
                "\n".join(p.named),
                None,
                None,
            ]
            put_row(ws, row, values)
            put_value(ws, row, 6, values[5], CLASS_FILLS.get(p.finding))
            row += 1
    count = row - FIRST_ROW
    cells.dropdown(
        ws, RATINGS, [cells.cell_range(len(columns), FIRST_ROW, max(row - 1, FIRST_ROW))]
    )
    book.finish_table(ws, len(columns), count)
    return to_bytes(workbook)


def checklist_workbook_bytes(view: ChecklistView) -> bytes:
    """The audit checklist as one sheet, a row per requirement, with a conclusion dropdown."""
    w = view.words
    workbook = stamp(new_workbook(), title=w["k_title"], language=view.html_lang)
    book = Book(workbook, w, (view.client, view.date))
    columns = [
        Column(w["k_clause_group"], 24),
        Column(w["area"], 24),
        Column(w["requirement"], 14),
        Column(w["clause"], 24),
        Column(w["k_lines"], 50),
        Column(w["k_sample"], 44),
        Column(w["g_named"], 30),
        Column(w["k_status"], 18),
        Column(w["score"], 9),
        Column(w["k_finding"], 40),
        Column(w["k_evidence_seen"], 36),
        Column(w["k_conclusion"], 24),
    ]
    ws = book.table_sheet("k_title", w["k_title"], f"{view.client} · {w['k_intro']}", columns)
    row = FIRST_ROW
    for group in view.groups:
        for line in group.lines:
            values: list[Value] = [
                group.clause_text,
                group.area_text,
                line.requirement,
                f"{line.clause} {line.clause_title}",
                line.text,
                "\n".join(line.sample),
                "\n".join(line.named),
                line.status_label,
                line.score_text,
                None,
                None,
                None,
            ]
            put_row(ws, row, values)
            put_value(ws, row, 8, line.status_label, CLASS_FILLS.get(line.status))
            row += 1
    last = max(row - 1, FIRST_ROW)
    # the conclusions sit in a hidden column when they cannot be written inline
    cells.dropdown(
        ws,
        view.conclusions,
        [cells.cell_range(len(columns), FIRST_ROW, last)],
        spare_column=len(columns) + 2,
    )
    book.finish_table(ws, len(columns), row - FIRST_ROW)
    return to_bytes(workbook)
