"""The questionnaire jobs: a blank questionnaire for a client, and answers converted between
Excel and YAML without loss."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from readiness.errors import UsageError
from readiness.language import Language

if TYPE_CHECKING:
    from readiness.jobs.context import Data


class QuestionnaireFormat(StrEnum):
    """Formats a questionnaire is written in."""

    XLSX = "xlsx"
    YAML = "yaml"


def format_of(path: Path, given: QuestionnaireFormat | None = None) -> QuestionnaireFormat:
    """The format asked for, else the one ``path``'s extension names (UsageError if none)."""
    if given is not None:
        return given
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return QuestionnaireFormat.XLSX
    if suffix in (".yaml", ".yml"):
        return QuestionnaireFormat.YAML
    raise UsageError(f"{path}: name the file .xlsx or .yaml, or give --format")


def export_questionnaire(
    output: Path,
    data: Data,
    *,
    language: Language = Language.EN,
    parts: Sequence[str] = ("A", "B", "C"),
    client: str | None = None,
    fmt: QuestionnaireFormat | None = None,
    force: bool = False,
) -> Path:
    """Write a blank questionnaire (of ``parts``, for ``client``) to ``output``; an existing
    file (perhaps one the client has filled in) is replaced only with ``force``."""
    from readiness.outputs.writing import prepare_folder, refuse_existing, write_atomic

    chosen = format_of(output, fmt)
    if not force:
        refuse_existing(output)
    content: bytes | str
    if chosen is QuestionnaireFormat.XLSX:
        from readiness.render.questionnaire.workbook import workbook_bytes

        content = workbook_bytes(
            data.catalogue, data.questionnaire, language=language, parts=list(parts), client=client
        )
    else:
        from readiness.render.questionnaire.yaml_form import blank_yaml

        content = blank_yaml(
            data.catalogue, data.questionnaire, language=language, parts=list(parts), client=client
        )
    prepare_folder(output.parent, [])
    if chosen is QuestionnaireFormat.YAML:
        return _write_with_schema(output, content, [])
    return write_atomic(output, content)


def _write_with_schema(output: Path, content: str | bytes, inputs: list[Path]) -> Path:
    """Write a YAML answer file with the answer schema beside it, which its first line names
    (``# yaml-language-server: $schema=…``): an editor then completes and checks it."""
    import json

    from readiness.models.answer_schema import SCHEMA_FILE
    from readiness.models.answers import answer_file_schema
    from readiness.outputs.writing import write_outputs

    if output.name == SCHEMA_FILE:
        raise UsageError(f"{output}: that name is kept for the schema; choose another")
    schema = json.dumps(answer_file_schema(), indent=2, ensure_ascii=False) + "\n"
    write_outputs(output.parent, {output.name: content, SCHEMA_FILE: schema}, inputs=inputs)
    return output


def schema_beside(written: Path) -> Path | None:
    """The schema file written beside ``written`` (a YAML answer file), or None."""
    from readiness.models.answer_schema import SCHEMA_FILE

    if written.suffix.lower() in (".xlsx", ".xlsm"):
        return None
    beside = written.with_name(SCHEMA_FILE)
    return beside if beside.is_file() else None


def convert_answers(
    source: Path,
    output: Path,
    data: Data,
    *,
    language: Language = Language.EN,
    force: bool = False,
) -> Path:
    """Write the answers of ``source`` to ``output`` in the other format, losing nothing; an
    existing ``output`` is replaced only with ``force``."""
    from readiness.inputs.answers import load_answer_file
    from readiness.outputs.writing import prepare_folder, refuse_existing, write_atomic

    chosen = format_of(output)
    if not force:
        refuse_existing(output)
    answers = load_answer_file(source, data.questionnaire, data.catalogue)
    content: bytes | str
    if chosen is QuestionnaireFormat.XLSX:
        from readiness.render.questionnaire.workbook import workbook_bytes

        content = workbook_bytes(
            data.catalogue, data.questionnaire, language=language, answers=answers
        )
    else:
        from readiness.render.questionnaire.yaml_form import answers_yaml

        content = answers_yaml(answers, data.questionnaire)
    prepare_folder(output.parent, [source])
    if chosen is QuestionnaireFormat.YAML:
        return _write_with_schema(output, content, [source])
    return write_atomic(output, content, inputs=[source])
