"""``readiness assess`` with several clients: a portfolio run on every core."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any

import typer

from readiness.cli.common import console, print_error
from readiness.errors import safe_text
from readiness.language import Language
from readiness.outputs.report import ReportFormat


def run_portfolio(
    files: list[Path],
    out: Path,
    formats: list[ReportFormat],
    language: Language,
    scoring: Path | None,
    *,
    quiet: bool,
    workers: int | None = None,
) -> list[Any]:
    """Assess each file into ``out/<name>/`` in parallel; write the portfolio summary.

    Returns the results in the order of ``files``. A bad file does not stop the others.
    """
    from readiness.data.labels import labels
    from readiness.jobs.portfolio import (
        ClientResult,
        assess_client,
        client_folders,
        portfolio_markdown,
        portfolio_workbook,
    )
    from readiness.outputs.writing import check_folder, prepare_folder, write_outputs

    folder = prepare_folder(out, files)
    targets = [folder / name for name in client_folders(files)]
    for target in targets:  # a usage problem, before any client is assessed
        check_folder(target)
    count = min(workers or os.cpu_count() or 1, len(files))
    results: dict[int, ClientResult] = {}
    progress = _progress(quiet)
    spawn = multiprocessing.get_context("spawn")  # as on Windows: no state inherited by fork
    with progress, ProcessPoolExecutor(max_workers=count, mp_context=spawn) as pool:
        task = progress.add_task(labels(language)["pf_assessing"], total=len(files))
        futures = {
            pool.submit(assess_client, path, target, language, formats, scoring, files): index
            for index, (path, target) in enumerate(zip(files, targets, strict=True))
        }
        for future in as_completed(futures):
            results[futures[future]] = future.result()
            progress.advance(task)
    ordered = [results[index] for index in range(len(files))]
    summary: dict[str, str | bytes] = {
        "portfolio.md": portfolio_markdown(ordered, language),
        "portfolio.xlsx": portfolio_workbook(ordered, language),
    }
    write_outputs(folder, summary, inputs=files)
    return ordered


def _progress(quiet: bool) -> Any:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    return Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console(stderr=True),
        disable=quiet,
        transient=True,
    )


def report_portfolio(results: list[Any], language: Language, fail_under: float | None) -> None:
    """Print the portfolio table and failures; exit 3 if a file failed, 1 below --fail-under."""
    from rich.table import Table

    from readiness.data.labels import labels

    w = labels(language)
    table = Table(header_style="bold")
    for column in (w["client"], w["verdict"], w["score"], w["pf_weakest"], w["blockers"]):
        table.add_column(column)
    ok = [r for r in results if r.error is None]
    for r in sorted(ok, key=lambda r: (r.score or 0.0, r.client or "")):
        table.add_row(
            safe_text(r.client or ""), w[r.verdict],
            f"{r.score:.1f}" if r.score is not None else "—",
            safe_text(r.weakest or "—"), str(r.blockers),
        )  # fmt: skip
    console().print(table)
    failed = [r for r in results if r.error is not None]
    console().print(w["pf_summary"].format(ok=len(ok), total=len(results), failed=len(failed)))
    for r in failed:
        print_error(r.error)
    if failed:
        raise typer.Exit(3)
    if fail_under is not None and any((r.score or 0.0) < fail_under for r in ok):
        raise typer.Exit(1)
