"""``readiness assess`` with several clients: a portfolio run on every core."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from readiness.cli.common import console, print_error
from readiness.errors import safe_text
from readiness.language import Language
from readiness.outputs.report import ReportFormat


def portfolio(
    files: list[Path],
    out: Path,
    formats: list[ReportFormat],
    language: Language,
    scoring: Path | None,
    *,
    quiet: bool,
    fail_under: float | None,
    workers: int | None = None,
    method: Path | None = None,
    brand: Any = None,
) -> None:
    """Run the portfolio job with a progress bar, then print its table and failures."""
    from readiness.data.labels import labels
    from readiness.jobs.portfolio import run_portfolio

    progress = _progress(quiet)
    with progress:
        task = progress.add_task(labels(language)["pf_assessing"], total=len(files))
        result = run_portfolio(
            files,
            out,
            formats,
            language,
            scoring,
            workers=workers,
            method=method,
            on_done=lambda _: progress.advance(task),
            brand=brand,
        )
    report_portfolio(result.clients, language, fail_under)


def _progress(quiet: bool) -> Any:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    # The console reads no markup (client names must stay inert), so a markup column such as
    # rich's default "[progress.description]…" would print its tag: a plain text column.
    return Progress(
        TextColumn("{task.description}", markup=False),
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
    from readiness.render.portfolio import portfolio_summary

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
    console().print(portfolio_summary(len(ok), len(results), language))
    for r in failed:
        print_error(r.error)
    if failed:
        raise typer.Exit(3)
    if fail_under is not None and any((r.score or 0.0) < fail_under for r in ok):
        raise typer.Exit(1)
