"""Fixtures of the plan tests: the example's assessment, an all-failing one, and their plans."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from readiness.inputs.answers import load_answer_file
from readiness.models.answers import AnswerFile
from readiness.models.assessment import Assessment
from readiness.models.catalogue import Catalogue
from readiness.models.plan import Plan, PlanConfig, Task
from readiness.models.questionnaire import Questionnaire
from readiness.models.scoring import ScoringConfig
from readiness.planning import load_plan_config, make_plan
from readiness.scoring.assess import assess
from tests.conftest import EXAMPLE

START = dt.date(2027, 1, 4)


@pytest.fixture(scope="session")
def example_assessment(
    catalogue: Catalogue, questionnaire: Questionnaire, config: ScoringConfig
) -> Assessment:
    answers = load_answer_file(EXAMPLE, questionnaire, catalogue)
    return assess(answers, catalogue, questionnaire, config)


def rated_assessment(
    questionnaire: Questionnaire,
    catalogue: Catalogue,
    config: ScoringConfig,
    ratings: dict[str, str],
    default: str = "F",
    **client: Any,
) -> Assessment:
    """An assessment of answers rating every question ``default`` except ``ratings``."""
    answers = {q.id: {"rating": ratings.get(q.id, default)} for q in questionnaire.questions()}
    data = {
        "questionnaire": questionnaire.id,
        "questionnaire_version": questionnaire.version,
        "client": {"name": "Synthetic Ltd", **client},
        "answers": answers,
    }
    return assess(AnswerFile.model_validate(data), catalogue, questionnaire, config)


@pytest.fixture(scope="session")
def failing_assessment(
    catalogue: Catalogue, questionnaire: Questionnaire, config: ScoringConfig
) -> Assessment:
    """Every question answered N: every requirement fails."""
    return rated_assessment(questionnaire, catalogue, config, {}, default="N")


@pytest.fixture(scope="session")
def plan_config(catalogue: Catalogue) -> PlanConfig:
    return load_plan_config(catalogue=catalogue)


@pytest.fixture(scope="session")
def standard(example_assessment: Assessment, catalogue: Catalogue, plan_config: PlanConfig) -> Plan:
    return make_plan(example_assessment, catalogue, plan_config, start=START)


@pytest.fixture(scope="session")
def fast(example_assessment: Assessment, catalogue: Catalogue, plan_config: PlanConfig) -> Plan:
    return make_plan(example_assessment, catalogue, plan_config, start=START, scenario="fast-track")


@pytest.fixture(scope="session")
def failing(failing_assessment: Assessment, catalogue: Catalogue, plan_config: PlanConfig) -> Plan:
    return make_plan(failing_assessment, catalogue, plan_config, start=START)


@pytest.fixture
def write_config(tmp_path: Path) -> Callable[..., Path]:
    """Write a plan override (YAML text) to tmp_path; return its path."""

    def write(text: str, name: str = "plan.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


def tasks_by_id(plan: Plan) -> dict[str, Task]:
    return {task.id: task for task in plan.tasks}


def violated_dependencies(plan: Plan) -> list[str]:
    """Finish-to-start dependencies not respected: a task starts the working day after its
    predecessors finish at the earliest; a milestone may fall on their last day."""
    by_id = tasks_by_id(plan)
    bad = []
    for task in plan.tasks:
        for before in task.dependencies:
            finish = by_id[before].finish
            if task.start < finish or (task.start == finish and not task.milestone):
                bad.append(f"{before} ({finish}) → {task.id} ({task.start})")
    return bad


def dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
