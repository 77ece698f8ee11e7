"""``readiness compare``: progress between two assessments of one client."""

from pathlib import Path
from typing import Annotated, Any

import typer

from readiness.cli.common import (
    BrandOption,
    LangOption,
    MethodOption,
    OutOption,
    QuietOption,
    ReportFormatsOption,
    ScoringOption,
    TemplatesOption,
    load_brand,
    load_data,
    print_written,
    reports_errors,
)
from readiness.language import Language
from readiness.outputs.report import ReportFormat, parse_formats


def comparison_summary(comparison: Any, catalogue: Any, language: Language) -> Any:
    """Scores then and now, and how many findings moved (a rich table)."""
    from rich.table import Table
    from rich.text import Text

    from readiness.render.progress.view import build_progress

    progress = build_progress(comparison, catalogue, language)
    w = progress.words
    table = Table(header_style="bold")
    for column in (
        "",
        f"{w['c_then']} {progress.old_date}",
        f"{w['c_now']} {progress.new_date}",
        w["c_change"],
    ):
        table.add_column(column)
    table.add_row(w["verdict"], progress.old_verdict_label, progress.new_verdict_label, "")
    table.add_row(
        w["overall"],
        progress.overall.old_text,
        progress.overall.new_text,
        progress.overall.delta_text,
    )
    for row in progress.processes:
        style = "red" if row.direction == "down" else ""
        table.add_row(
            f"{row.id} {row.name}",
            row.old_text,
            row.new_text,
            Text(row.delta_text, style=style),
        )
    for code, label in (
        ("closed", "c_closed"),
        ("new", "c_new"),
        ("worse", "c_worse"),
        ("better", "c_better"),
    ):
        table.add_row(w[label], "", str(len(progress.by_movement[code])), "")
    for precondition in progress.preconditions:
        style = "red" if precondition.new == "not_met" else ""
        table.add_row(
            f"{w['c_precondition'][:1].upper()}{w['c_precondition'][1:]} {precondition.rule}",
            precondition.old_label,
            Text(precondition.new_label, style=style),
            "",
        )
    return table


@reports_errors
def compare(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Two or more assessments of one client: answers (YAML, Excel) or "
            "assessment.json. Two: the older then the newer. Three or more: put in date "
            "order, the last two compared and the trend over all shown.",
            show_default=False,
        ),
    ],
    out: OutOption = Path("readiness-progress"),
    formats: ReportFormatsOption = "html,md,xlsx,json",
    lang: LangOption = Language.EN,
    force: Annotated[bool, typer.Option(help="Compare even if the client names differ.")] = False,
    scoring: ScoringOption = None,
    quiet: QuietOption = False,
    templates: TemplatesOption = None,
    method: MethodOption = None,
    across_methods: Annotated[
        bool,
        typer.Option(
            "--across-methods", help="Compare even if the two were made with different methods."
        ),
    ] = False,
    brand: BrandOption = None,
) -> None:
    """Show what moved between assessments: scores, findings closed, new and worse; the trend
    over three or more."""
    if len(files) < 2:
        raise typer.BadParameter("give two or more assessments", param_hint="FILES")
    try:
        chosen = parse_formats(formats, ReportFormat)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--format") from None
    from readiness.jobs.compare import compare_into_folder

    data = load_data(scoring, method)
    result = compare_into_folder(
        files,
        out,
        data,
        formats=chosen,
        language=lang,
        force=force,
        templates=templates,
        across_methods=across_methods,
        brand=load_brand(brand),
    )
    if not quiet:
        summary = comparison_summary(result.comparison, data.catalogue, lang)
        if result.comparison.trend is not None:
            from rich.console import Group

            summary = Group(trend_summary(result.comparison, data.catalogue, lang), summary)
        print_written(summary, result.written, lang)


def trend_summary(comparison: Any, catalogue: Any, language: Language) -> Any:
    """The scores at every assessment and the findings closed per period (a rich table)."""
    from rich.table import Table

    from readiness.render.progress.trend import build_trend

    view = build_trend(comparison.trend, catalogue, language)
    w = view.words
    table = Table(title=w["t_h_trend"], header_style="bold", title_justify="left")
    table.add_column("")
    for date in view.dates:
        table.add_column(date, justify="right")
    table.add_column(w["t_change"], justify="right")
    table.add_row(w["verdict"], *view.verdicts, "")
    for row in [view.overall, *view.parts, *view.processes]:
        table.add_row(row.label if row.id == "overall" else row.id, *row.texts, row.change_text)
    table.add_row(w["t_closed"], "", *[str(p.closed) for p in view.periods], "")
    table.add_row(w["t_new"], "", *[str(p.new) for p in view.periods], "")
    return table
