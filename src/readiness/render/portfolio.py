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
    from readiness.render.workbooks.book import Book, new_workbook, stamp, to_bytes
    from readiness.render.workbooks.tables import Column, put_row

    w = labels(language)
    book = Book(new_workbook(), w, (w["pf_title"], ""))
    stamp(book.workbook, title=w["pf_title"], language="zh-CN" if language is Language.ZH else "en")
    columns = [
        Column(w["client"], 36), Column(w["verdict"], 24), Column(w["score"], 10),
        Column(w["pf_weakest"], 40), Column(w["pf_weakest_score"], 14),
        Column(w["blockers"], 12), Column(w["major"], 10), Column(w["minor"], 10),
        Column(w["pf_folder"], 30),
    ]  # fmt: skip
    ok = sorted(
        (r for r in results if r.error is None), key=lambda r: (r.score or 0.0, r.client or "")
    )
    summary = w["pf_summary"].format(ok=len(ok), total=len(results), failed=len(results) - len(ok))
    ws = book.table_sheet("pf_title", w["pf_title"], summary, columns)
    for row, r in enumerate(ok, start=4):
        put_row(ws, row, [
            r.client, w[r.verdict or "not_ready"], r.score, r.weakest, r.weakest_score,
            r.blockers, r.majors, r.minors, Path(r.folder).name,
        ])  # fmt: skip
    book.finish_table(ws, len(columns), len(ok))
    failed = [r for r in results if r.error is not None]
    if failed:
        columns = [Column(w["pf_file"], 50), Column(w["pf_error"], 100)]
        errors = book.table_sheet("pf_failed", w["pf_failed"], summary, columns)
        for row, r in enumerate(failed, start=4):
            put_row(errors, row, [r.file, r.error or ""])
        book.finish_table(errors, len(columns), len(failed))
    return to_bytes(book.workbook)
