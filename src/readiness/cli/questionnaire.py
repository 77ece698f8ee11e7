"""``readiness questionnaire``: blank questionnaires for clients, and conversions."""

from pathlib import Path
from typing import Annotated

import typer

from readiness.cli.common import LangOption, MethodOption, load_data, reports_errors, say
from readiness.jobs.questionnaire import QuestionnaireFormat, schema_beside
from readiness.language import Language

questionnaire_app = typer.Typer(
    help="Blank questionnaires for clients (Excel or YAML), and conversion between the two.",
    no_args_is_help=True,
)


def _parts(value: str) -> list[str]:
    parts = [p.strip().upper() for p in value.split(",") if p.strip()]
    if not parts or any(p not in {"A", "B", "C"} for p in parts):
        raise typer.BadParameter("use a comma-separated list of A, B and C", param_hint="--parts")
    return parts


def _say_written(written: Path) -> None:
    beside = schema_beside(written)
    say(("written", "green"), f" {written}" + (f", {beside}" if beside else ""))


@questionnaire_app.command("export")
@reports_errors
def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write (.xlsx or .yaml).")],
    lang: LangOption = Language.EN,
    parts: Annotated[str, typer.Option(help="Parts to include: A, B, C.")] = "A,B,C",
    client: Annotated[str | None, typer.Option(help="Client name to fill in.")] = None,
    fmt: Annotated[
        QuestionnaireFormat | None,
        typer.Option("--format", help="xlsx or yaml (default: from the file name)."),
    ] = None,
    force: Annotated[bool, typer.Option(help="Replace the file if it exists.")] = False,
    profile: Annotated[
        Path | None,
        typer.Option(
            exists=True,
            dir_okay=False,
            help="A YAML file's client profile (client: …); its ISO/IEC 27001 or ISO 9001 "
            "certificates prefill the shared questions, to be confirmed.",
            show_default=False,
        ),
    ] = None,
    method: MethodOption = None,
) -> None:
    """Write a blank questionnaire for a client to fill in."""
    from readiness.jobs.questionnaire import export_questionnaire

    selected = _parts(parts)
    written = export_questionnaire(
        output,
        load_data(method=method),
        language=lang,
        parts=selected,
        client=client,
        fmt=fmt,
        force=force,
        profile=profile,
    )
    _say_written(written)


@questionnaire_app.command("convert")
@reports_errors
def convert(
    source: Annotated[
        Path, typer.Argument(help="Answers to convert (.xlsx or .yaml).", show_default=False)
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write (.xlsx or .yaml).")],
    lang: LangOption = Language.EN,
    force: Annotated[bool, typer.Option(help="Replace the file if it exists.")] = False,
    method: MethodOption = None,
) -> None:
    """Convert answers between Excel and YAML, losing nothing."""
    from readiness.jobs.questionnaire import convert_answers

    written = convert_answers(source, output, load_data(method=method), language=lang, force=force)
    _say_written(written)
