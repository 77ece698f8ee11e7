"""``readiness compare``: progress between two assessments of one client."""

from pathlib import Path
from typing import Annotated, Any

import typer

from readiness.cli.common import (
    BrandOption,
    LangOption,
    MethodOption,
    TemplatesOption,
    load_brand,
    load_data,
    out_folder,
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
    old: Annotated[
        Path, typer.Argument(help="The earlier answers (YAML, Excel) or assessment.json.")
    ],
    new: Annotated[
        Path, typer.Argument(help="The later answers (YAML, Excel) or assessment.json.")
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder for the outputs.", parser=out_folder)
    ] = Path("readiness-progress"),
    formats: Annotated[
        str,
        typer.Option(
            "--format",
            help="Comma-separated: html, md, xlsx, json, docx, pdf; pdf needs the pdf extra.",
        ),
    ] = "html,md,xlsx,json",
    lang: LangOption = Language.EN,
    force: Annotated[bool, typer.Option(help="Compare even if the client names differ.")] = False,
    scoring: Annotated[
        Path | None, typer.Option(help="A scoring.yaml to use instead of the shipped one.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print no summary.")] = False,
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
    """Show what moved between two assessments: scores, findings closed, new and worse."""
    try:
        chosen = parse_formats(formats, ReportFormat)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--format") from None
    from readiness.jobs.compare import compare_into_folder

    data = load_data(scoring, method)
    result = compare_into_folder(
        old,
        new,
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
        print_written(
            comparison_summary(result.comparison, data.catalogue, lang), result.written, lang
        )
