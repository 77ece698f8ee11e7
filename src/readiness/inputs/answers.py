"""Load a client's answer file and check it against the question bank."""

from __future__ import annotations

from pathlib import Path

# The checks live apart so that the workbook reader can use them without importing this module
# (which dispatches to the reader); they are re-exported here.
from readiness.inputs.checks import (
    Location,
    answers_from_document,
    check_answers,
    figure_problem,
    reference_problems,
)
from readiness.models.answers import AnswerFile
from readiness.models.catalogue import Catalogue
from readiness.models.questionnaire import Questionnaire
from readiness.sources.yaml import load_yaml_file, parse_yaml

__all__ = [
    "Location",
    "answers_from_document",
    "check_answers",
    "figure_problem",
    "is_workbook",
    "load_answer_file",
    "load_answers",
    "parse_answers",
    "reference_problems",
]


def load_answers(path: Path, questionnaire: Questionnaire, catalogue: Catalogue) -> AnswerFile:
    """Read a YAML answer file; raise :class:`InputError` listing every problem in it."""
    return answers_from_document(load_yaml_file(path), questionnaire, catalogue)


WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".fods"}
"""Read as workbooks (.ods and .fods only to be refused with "save it as .xlsx")."""
WORKBOOK_SIGNATURES = (b"PK\x03\x04", bytes.fromhex("d0cf11e0a1b11ae1"))


def is_workbook(path: Path) -> bool:
    """Whether ``path`` is (or claims to be) an Excel workbook rather than YAML."""
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        return True
    try:
        with path.open("rb") as stream:
            return stream.read(8).startswith(WORKBOOK_SIGNATURES)
    except OSError:
        return False


def load_answer_file(path: Path, questionnaire: Questionnaire, catalogue: Catalogue) -> AnswerFile:
    """Read answers from a YAML file or an answered workbook."""
    if path.is_file() and is_workbook(path):
        from readiness.inputs.workbook import read_workbook

        return read_workbook(path, questionnaire, catalogue)
    return load_answers(path, questionnaire, catalogue)


def parse_answers(
    text: str, source: str, questionnaire: Questionnaire, catalogue: Catalogue
) -> AnswerFile:
    """Like :func:`load_answers`, from text already in memory."""
    return answers_from_document(parse_yaml(text, source), questionnaire, catalogue)
