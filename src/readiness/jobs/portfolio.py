"""Many clients in one run: each assessed into its own folder, then one summary of them all.

``assess_client`` never raises for a bad input: the portfolio goes on past it and lists the
problem in the summary. It runs in worker processes, so it takes and returns plain data.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from readiness.data.labels import labels
from readiness.errors import ReadinessError
from readiness.language import Language
from readiness.outputs.report import FILE_NAMES, ReportFormat
from readiness.render.environment import markdown_text


@dataclass(frozen=True)
class ClientResult:
    """One client of a portfolio: its headline numbers, or why it could not be assessed."""

    file: str
    folder: str
    client: str | None = None
    verdict: str | None = None
    score: float | None = None
    weakest: str | None = None
    weakest_score: float | None = None
    blockers: int = 0
    majors: int = 0
    minors: int = 0
    error: str | None = None


SUMMARY_NAMES = ("portfolio.md", "portfolio.xlsx")
"""Files of the portfolio summary, beside the client folders: no client folder takes them."""
MAX_FOLDER_NAME = 64
"""Characters of a client folder's name (file systems allow 255 bytes, Windows 260 a path)."""


def client_folders(files: Sequence[Path]) -> list[str]:
    """A distinct folder name per file: its stem, made safe and short, numbered when stems
    repeat (compared without case, as Windows and macOS disks do), never a summary's name."""
    names: list[str] = []
    taken = {name.casefold() for name in SUMMARY_NAMES}
    for path in files:
        base = re.sub(r"[^\w.-]+", "-", path.stem)[:MAX_FOLDER_NAME].strip("-.") or "client"
        name, number = base, 2
        while name.casefold() in taken:
            name, number = f"{base}-{number}", number + 1
        names.append(name)
        taken.add(name.casefold())
    return names


def assess_client(
    path: Path,
    folder: Path,
    language: Language,
    formats: Sequence[ReportFormat],
    scoring: Path | None = None,
    inputs: Sequence[Path] = (),
) -> ClientResult:
    """Assess one answer file and write its reports into ``folder``; report problems as data.

    ``inputs`` are every file of the run: no output replaces any of them."""
    from readiness.data.catalogue import load_catalogue, load_scoring
    from readiness.data.questionnaire import load_questionnaire
    from readiness.inputs.answers import load_answer_file
    from readiness.outputs.report import render_outputs
    from readiness.outputs.writing import write_outputs
    from readiness.scoring.assess import assess

    try:
        catalogue = load_catalogue()
        questionnaire = load_questionnaire(catalogue)
        answers = load_answer_file(path, questionnaire, catalogue)
        result = assess(answers, catalogue, questionnaire, load_scoring(scoring))
        rendered = render_outputs(result, catalogue, questionnaire, language, list(formats))
        named = {FILE_NAMES[output]: data for output, data in rendered.items()}
        write_outputs(folder, named, inputs=[path, *inputs])
    except ReadinessError as error:
        return ClientResult(file=str(path), folder=str(folder), error=str(error))
    processes = [a for a in result.areas if a.process and a.score is not None]
    weakest = min(processes, key=lambda a: (a.score or 0.0, a.id), default=None)
    counts = result.overall.counts
    return ClientResult(
        file=str(path),
        folder=str(folder),
        client=result.client.name,
        verdict=result.verdict.verdict.value,
        score=result.overall.score,
        weakest=f"{weakest.id} {catalogue.area(weakest.id).title.get(language)}"
        if weakest
        else None,
        weakest_score=weakest.score if weakest else None,
        blockers=len(result.blockers),
        majors=sum(1 for f in result.findings if f.finding.value == "major"),
        minors=counts.minor,
        error=None,
    )


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def portfolio_markdown(results: Sequence[ClientResult], language: Language) -> str:
    """The portfolio summary as Markdown: one row per client, then the files that failed."""
    w = labels(language)
    ok = [r for r in results if r.error is None]
    failed = [r for r in results if r.error is not None]
    lines = [
        f"# {w['pf_title']}",
        "",
        w["pf_summary"].format(ok=len(ok), total=len(results), failed=len(failed)),
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
