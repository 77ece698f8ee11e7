"""The interview guide's settings and prompts, ``questionnaires/iso20000-2018/interview.yaml``,
loaded and checked against the question bank."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from readiness.errors import InputError, Problem
from readiness.models.guide import InterviewData
from readiness.models.questionnaire import Questionnaire
from readiness.paths import questionnaires_dir
from readiness.sources.validation import validate_document
from readiness.sources.yaml import YamlDocument, load_yaml_file

INTERVIEW_FILE = Path("iso20000-2018") / "interview.yaml"


def load_interview(questionnaire: Questionnaire, path: Path | None = None) -> InterviewData:
    """The interview data of ``path`` (default: the shipped file); an InputError with the file
    and line for a bad value or a prompt for a question the bank does not hold."""
    document, data = _load((path or questionnaires_dir() / INTERVIEW_FILE).resolve())
    problems = [
        Problem(document.place(("questions", question)), f"{question} is not a question")
        for question in data.questions
        if not questionnaire.has_question(question)
    ]
    if problems:
        raise InputError(document.source, problems)
    return data


@cache
def _load(path: Path) -> tuple[YamlDocument, InterviewData]:
    document = load_yaml_file(path)
    return document, validate_document(InterviewData, document, what="an interview file")
