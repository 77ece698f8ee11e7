"""``readiness questionnaire``: blank questionnaires for clients, and conversions."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from readiness.cli.common import LangOption, load_data, reports_errors, say
from readiness.language import Language

questionnaire_app = typer.Typer(
    help="Blank questionnaires for clients (Excel or YAML), and conversion between the two.",
    no_args_is_help=True,
)


class QuestionnaireFormat(StrEnum):
    """Formats a questionnaire is written in."""

    XLSX = "xlsx"
    YAML = "yaml"


def _format_of(path: Path, given: QuestionnaireFormat | None) -> QuestionnaireFormat:
    if given is not None:
        return given
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return QuestionnaireFormat.XLSX
    if path.suffix.lower() in (".yaml", ".yml"):
        return QuestionnaireFormat.YAML
    raise typer.BadParameter("name the file .xlsx or .yaml, or give --format", param_hint="-o")


def _parts(value: str) -> list[str]:
    parts = [p.strip().upper() for p in value.split(",") if p.strip()]
    if not parts or any(p not in {"A", "B", "C"} for p in parts):
        raise typer.BadParameter("use a comma-separated list of A, B and C", param_hint="--parts")
    return parts


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
) -> None:
    """Write a blank questionnaire for a client to fill in."""
    chosen = _format_of(output, fmt)
    selected = _parts(parts)
    catalogue, questionnaire, _ = load_data()
    from readiness.outputs.writing import prepare_folder, refuse_existing, write_atomic

    if not force:
        refuse_existing(output)
    if chosen is QuestionnaireFormat.XLSX:
        from readiness.render.questionnaire.workbook import workbook_bytes

        data: bytes | str = workbook_bytes(
            catalogue, questionnaire, language=lang, parts=selected, client=client
        )
    else:
        from readiness.render.questionnaire.yaml_form import blank_yaml

        data = blank_yaml(catalogue, questionnaire, language=lang, parts=selected, client=client)
    prepare_folder(output.parent, [])
    write_atomic(output, data)
    say(("written", "green"), f" {output}")


@questionnaire_app.command("convert")
@reports_errors
def convert(
    source: Annotated[
        Path, typer.Argument(help="Answers to convert (.xlsx or .yaml).", show_default=False)
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write (.xlsx or .yaml).")],
    lang: LangOption = Language.EN,
    force: Annotated[bool, typer.Option(help="Replace the file if it exists.")] = False,
) -> None:
    """Convert answers between Excel and YAML, losing nothing."""
    chosen = _format_of(output, None)
    catalogue, questionnaire, _ = load_data()
    from readiness.inputs.answers import load_answer_file
    from readiness.outputs.writing import prepare_folder, refuse_existing, write_atomic

    if not force:
        refuse_existing(output)

    answers = load_answer_file(source, questionnaire, catalogue)
    if chosen is QuestionnaireFormat.XLSX:
        from readiness.render.questionnaire.workbook import workbook_bytes

        data: bytes | str = workbook_bytes(catalogue, questionnaire, language=lang, answers=answers)
    else:
        from readiness.render.questionnaire.yaml_form import answers_yaml

        data = answers_yaml(answers, questionnaire)
    prepare_folder(output.parent, [source])
    write_atomic(output, data, inputs=[source])
    say(("written", "green"), f" {output}")
