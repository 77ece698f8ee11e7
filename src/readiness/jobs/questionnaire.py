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
    from readiness.models.answers import AnswerFile


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
    profile: Path | None = None,
) -> Path:
    """Write a blank questionnaire (of ``parts``, for ``client``) to ``output``; an existing
    file (perhaps one the client has filled in) is replaced only with ``force``.

    ``profile`` (a YAML file's ``client:``) fills in the client profile; the questions shared
    with a certificate it declares (ISO/IEC 27001, ISO 9001) are prefilled, marked as carried
    from that system, for the consultant to confirm (:mod:`readiness.scoring.carried`).
    """
    from readiness.outputs.writing import prepare_folder, refuse_existing, write_atomic

    chosen = format_of(output, fmt)
    if not force:
        refuse_existing(output)
    prefilled = None
    if profile is not None:
        prefilled = _prefilled(profile, data, language, client)
    content: bytes | str
    if chosen is QuestionnaireFormat.XLSX:
        from readiness.render.questionnaire.workbook import workbook_bytes

        content = workbook_bytes(
            data.catalogue,
            data.questionnaire,
            language=language,
            parts=list(parts),
            client=client,
            answers=prefilled,
            method=data.method,
        )
    else:
        from readiness.render.questionnaire.yaml_form import blank_yaml

        content = blank_yaml(
            data.catalogue,
            data.questionnaire,
            language=language,
            parts=list(parts),
            client=client,
            prefilled=prefilled,
            method=data.method,
        )
    inputs = [profile] if profile else []
    prepare_folder(output.parent, inputs)
    if chosen is QuestionnaireFormat.YAML:
        return _write_with_schema(output, content, inputs)
    return write_atomic(output, content, inputs=inputs)


def _prefilled(profile: Path, data: Data, language: Language, name: str | None) -> AnswerFile:
    from readiness.inputs.profile import load_profile
    from readiness.models.answers import AnswerFile
    from readiness.scoring.carried import carried_answers

    client = load_profile(profile)
    if name:
        client = client.model_copy(update={"name": name})
    return AnswerFile(
        questionnaire=data.questionnaire.id,
        questionnaire_version=data.questionnaire.version,
        client=client,
        answers=carried_answers(data.questionnaire, client, language),
    )


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
            data.catalogue,
            data.questionnaire,
            language=language,
            answers=answers,
            method=data.method,
        )
    else:
        from readiness.render.questionnaire.yaml_form import answers_yaml

        content = answers_yaml(answers, data.questionnaire)
    prepare_folder(output.parent, [source])
    if chosen is QuestionnaireFormat.YAML:
        return _write_with_schema(output, content, [source])
    return write_atomic(output, content, inputs=[source])
