"""The portfolio summary, one row per client: Markdown and a workbook."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from readiness.data.labels import labels
from readiness.language import Language
from readiness.models.portfolio import ClientResult
from readiness.render.environment import markdown_text


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def portfolio_summary(assessed: int, total: int, language: Language) -> str:
    """ "3 of 4 clients assessed; 1 could not be assessed", naming failures only when there are."""
    w = labels(language)
    failed = total - assessed
    if failed == 0:
        return w["pf_summary_all"].format(ok=assessed, total=total)
    return w["pf_summary"].format(ok=assessed, total=total, failed=failed)


def portfolio_markdown(results: Sequence[ClientResult], language: Language) -> str:
    """The portfolio summary as Markdown: one row per client, then the files that failed."""
    w = labels(language)
    ok = [r for r in results if r.error is None]
    failed = [r for r in results if r.error is not None]
    lines = [
        f"# {w['pf_title']}",
        "",
        portfolio_summary(len(ok), len(results), language),
        "",
        f"| {w['client']} | {w['verdict']} | {w['score']} | {w['pf_weakest']} | "
        f"{w['blockers']} | {w['major']} | {w['minor']} | {w['pf_folder']} |",
        "|---|---|--:|---|--:|--:|--:|---|",
    ]
    for r in sorted(ok, key=lambda r: (r.score or 0.0, r.client or "")):
        lines.append(
            f"| {markdown_text(r.client or '')} | {w[r.verdict or 'not_ready']} | {_score(r.score)} | "
            f"{markdown_text(r.weakest or '—')} ({_score(r.weakest_score)}) | {r.blockers} | "
            f"{r.majors} | {r.minors} | {markdown_text(Path(r.folder).name)} |"
        )
    if failed:
        lines += ["", f"## {w['pf_failed']} ({len(failed)})", ""]
        lines += [f"| {w['pf_file']} | {w['pf_error']} |", "|---|---|"]
        lines += [f"| {markdown_text(r.file)} | {markdown_text(r.error or '')} |" for r in failed]
    return "\n".join(lines) + "\n"


def portfolio_workbook(results: Sequence[ClientResult], language: Language) -> bytes:
    """The portfolio summary as a workbook: a filterable table, failed files on a second sheet."""
    from openpyxl import Workbook

    from readiness.render.workbooks import cells
    from readiness.render.workbooks.saving import save_bytes, undated

    w = labels(language)
    book = undated(Workbook())
    sheet = book.active
    sheet.title = w["pf_title"][:31]
    headers = [
        (w["client"], 36), (w["verdict"], 24), (w["score"], 10), (w["pf_weakest"], 40),
        (w["score"], 10), (w["blockers"], 12), (w["major"], 10), (w["minor"], 10),
        (w["pf_folder"], 30),
    ]  # fmt: skip
    for column, (text, width) in enumerate(headers, start=1):
        cell = sheet.cell(row=3, column=column)
        cells.set_text(cell, text)
        cell.font = cells.BOLD
        sheet.column_dimensions[cell.column_letter].width = width
    cells.set_text(sheet.cell(row=1, column=1), w["pf_title"])
    ok = sorted(
        (r for r in results if r.error is None), key=lambda r: (r.score or 0.0, r.client or "")
    )
    for row, r in enumerate(ok, start=4):
        values: list[object] = [
            r.client, w[r.verdict or "not_ready"], r.score, r.weakest, r.weakest_score,
            r.blockers, r.majors, r.minors, Path(r.folder).name,
        ]  # fmt: skip
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=column)
            if isinstance(value, str):
                cells.set_text(cell, value)
            else:
                cell.value = value
    sheet.auto_filter.ref = f"A3:I{3 + max(len(ok), 1)}"
    sheet.freeze_panes = "A4"
    failed = [r for r in results if r.error is not None]
    if failed:
        errors = book.create_sheet(w["pf_failed"][:31])
        for column, (text, width) in enumerate(((w["pf_file"], 50), (w["pf_error"], 100)), 1):
            cell = errors.cell(row=1, column=column)
            cells.set_text(cell, text)
            cell.font = cells.BOLD
            errors.column_dimensions[cell.column_letter].width = width
        for row, r in enumerate(failed, start=2):
            cells.set_text(errors.cell(row=row, column=1), r.file)
            cells.set_text(errors.cell(row=row, column=2), r.error or "")
            errors.cell(row=row, column=2).alignment = cells.WRAP
    return save_bytes(book)
