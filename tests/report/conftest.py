"""Fixtures of the report tests: the example's assessment and its views in both languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from readiness.inputs.answers import load_answer_file
from readiness.language import Language
from readiness.models.assessment import Assessment
from readiness.models.catalogue import Catalogue
from readiness.models.questionnaire import Questionnaire
from readiness.models.scoring import ScoringConfig
from readiness.models.whatif import WhatIf
from readiness.planning import load_plan_config
from readiness.planning.whatif import what_if
from readiness.render.report.model import ReportView
from readiness.render.report.view import build_view
from readiness.render.report.whatif import build_whatif
from readiness.scoring.assess import assess
from tests.conftest import EXAMPLE

# Text a hostile client might type into any field.
HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "@SUM(A1)",
    "+1+2",
    "-3",
    "\tTAB",
    "<script>alert(1)</script>",
]


@pytest.fixture(scope="session")
def example_assessment(
    catalogue: Catalogue, questionnaire: Questionnaire, config: ScoringConfig
) -> Assessment:
    answers = load_answer_file(EXAMPLE, questionnaire, catalogue)
    return assess(answers, catalogue, questionnaire, config)


@pytest.fixture(scope="session")
def example_whatif(
    catalogue: Catalogue, questionnaire: Questionnaire, config: ScoringConfig
) -> WhatIf:
    answers = load_answer_file(EXAMPLE, questionnaire, catalogue)
    plan = load_plan_config(catalogue=catalogue)
    return what_if(answers, catalogue, questionnaire, config, plan)


@pytest.fixture(scope="session")
def views(
    example_assessment: Assessment,
    example_whatif: WhatIf,
    catalogue: Catalogue,
    questionnaire: Questionnaire,
) -> dict[Language, ReportView]:
    """The example's report views, with its what-if to the target as the gap report has it."""
    return {
        language: build_view(
            example_assessment,
            catalogue,
            questionnaire,
            language,
            whatif=build_whatif(example_whatif, catalogue, language),
        )
        for language in Language
    }


def hostile_data() -> dict[str, Any]:
    """The example's answers with hostile text in the client name, notes, evidence and owners."""
    data: dict[str, Any] = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["client"]["name"] = HOSTILE[0]
    data["client"]["scope"] = HOSTILE[5]
    data["client"]["management_basis"] = HOSTILE[1]
    data["assessor"] = HOSTILE[2]
    first = next(iter(data["answers"]))
    for index, key in enumerate(data["answers"]):
        answer = data["answers"][key]
        if isinstance(answer, dict):
            answer["notes"] = HOSTILE[index % len(HOSTILE)]
            answer["evidence"] = [HOSTILE[(index + 1) % len(HOSTILE)]]
            answer["owner"] = HOSTILE[(index + 2) % len(HOSTILE)]
    data["answers"][first] = {"rating": "P", "notes": HOSTILE[5], "evidence": HOSTILE[:3]}
    data["matrix"][0]["assign"] = {HOSTILE[1]: "P", HOSTILE[5]: "B"}
    return data


@pytest.fixture(scope="session")
def hostile_assessment(
    catalogue: Catalogue,
    questionnaire: Questionnaire,
    config: ScoringConfig,
    tmp_path_factory: pytest.TempPathFactory,
) -> Assessment:
    path: Path = tmp_path_factory.mktemp("hostile") / "hostile.yaml"
    path.write_text(yaml.safe_dump(hostile_data(), allow_unicode=True), encoding="utf-8")
    answers = load_answer_file(path, questionnaire, catalogue)
    return assess(answers, catalogue, questionnaire, config, assessed_on=dt.date(2026, 11, 2))
