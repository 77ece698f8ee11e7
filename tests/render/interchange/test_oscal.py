"""OSCAL files validated with compliance-trestle (OSCAL 1.2.1 models), in English and Chinese."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from trestle.oscal import OSCAL_VERSION
from trestle.oscal.assessment_results import AssessmentResults
from trestle.oscal.poam import PlanOfActionAndMilestones

from readiness.errors import OutputError
from readiness.language import Language
from readiness.models.assessment import Assessment
from readiness.models.catalogue import Catalogue
from readiness.models.plan import Plan
from readiness.render.interchange import oscal

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def uuids(node: Any) -> list[str]:
    """Every ``uuid`` key's value in a JSON tree."""
    if isinstance(node, dict):
        found = [node["uuid"]] if "uuid" in node else []
        return found + [u for value in node.values() for u in uuids(value)]
    if isinstance(node, list):
        return [u for value in node for u in uuids(value)]
    return []


def test_trestle_models_oscal_1_2() -> None:
    assert OSCAL_VERSION.startswith("1.2")
    assert oscal.OSCAL_VERSION == OSCAL_VERSION


@pytest.mark.parametrize("language", list(Language))
def test_assessment_results_validate(
    example_assessment: Assessment, catalogue: Catalogue, language: Language
) -> None:
    document = json.loads(oscal.assessment_results_bytes(example_assessment, catalogue, language))
    AssessmentResults.model_validate(document["assessment-results"])
    result = document["assessment-results"]["results"][0]
    rules = [f for f in example_assessment.findings if f.source.value != "requirement"]
    assert len(result["findings"]) == len(example_assessment.requirements) + len(rules)
    observations = {o["uuid"] for o in result["observations"]}
    answers = sum(len(r.contributions) for r in example_assessment.requirements)
    assert len(observations) == answers
    for finding in result["findings"]:
        assert re.match(r"^req-R-", finding["target"]["target-id"])
        for related in finding.get("related-observations", []):
            assert related["observation-uuid"] in observations
    every = uuids(document)
    assert len(every) == len(set(every)) and all(UUID.match(u) for u in every)


def test_a_finding_carries_its_class_and_state(
    example_assessment: Assessment, catalogue: Catalogue
) -> None:
    document = json.loads(
        oscal.assessment_results_bytes(example_assessment, catalogue, Language.EN)
    )
    findings = document["assessment-results"]["results"][0]["findings"]
    by_target = {f["target"]["target-id"]: f for f in findings if f["title"].startswith("4.1 ")}
    first = by_target["req-R-4.1-01"]  # A.CTX.01 rated L: 67.5 %, an observation
    props = {p["name"]: p["value"] for p in first["props"]}
    assert props == {
        "finding-class": "observation",
        "score": "67.5",
        "weight": "2",
        "basis": "requirement",
    }
    assert first["target"]["status"]["state"] == "satisfied"
    majors = [
        f
        for f in findings
        if {"name": "finding-class", "ns": oscal.NS, "value": "major"} in f["props"]
    ]
    assert majors and all(f["target"]["status"]["state"] == "not-satisfied" for f in majors)


@pytest.mark.parametrize("language", list(Language))
def test_poam_validates_and_links_items_to_risks(
    standard: Plan, example_assessment: Assessment, language: Language
) -> None:
    document = json.loads(oscal.poam_bytes(standard, example_assessment, language))
    PlanOfActionAndMilestones.model_validate(document["plan-of-action-and-milestones"])
    poam = document["plan-of-action-and-milestones"]
    assert len(poam["poam-items"]) == len(poam["risks"]) == len(standard.actions) > 300
    risks = {risk["uuid"] for risk in poam["risks"]}
    assert all(item["related-risks"][0]["risk-uuid"] in risks for item in poam["poam-items"])
    every = uuids(document)
    assert len(every) == len(set(every))


def test_poam_tasks_run_on_the_plans_dates(standard: Plan, example_assessment: Assessment) -> None:
    poam = json.loads(oscal.poam_bytes(standard, example_assessment, Language.EN))
    tasks = {task.id: task for task in standard.tasks}
    risk = next(
        r
        for r in poam["plan-of-action-and-milestones"]["risks"]
        if {"name": "work-package", "ns": oscal.NS, "value": "WP-B.CAP"} in r["props"]
        and r["title"] == "Procedure or process document: Capacity plan"
    )
    window = risk["remediations"][0]["tasks"][0]["timing"]["within-date-range"]
    built = tasks["WP-B.CAP.T2"]
    assert window == {
        "start": f"{built.start.isoformat()}T00:00:00+00:00",
        "end": f"{built.finish.isoformat()}T00:00:00+00:00",
    }
    assert risk["deadline"] == window["end"]


def test_same_inputs_same_bytes_other_inputs_other_uuids(
    standard: Plan, example_assessment: Assessment, catalogue: Catalogue
) -> None:
    first = oscal.assessment_results_bytes(example_assessment, catalogue, Language.ZH)
    assert first == oscal.assessment_results_bytes(example_assessment, catalogue, Language.ZH)
    assert oscal.poam_bytes(standard, example_assessment, Language.ZH) == oscal.poam_bytes(
        standard, example_assessment, Language.ZH
    )
    later = example_assessment.model_copy(update={"assessor": "Someone else"})
    second = oscal.assessment_results_bytes(later, catalogue, Language.ZH)
    assert (
        json.loads(first)["assessment-results"]["uuid"]
        != json.loads(second)["assessment-results"]["uuid"]
    )


def test_no_assessment_date_no_oscal(example_assessment: Assessment, catalogue: Catalogue) -> None:
    undated = example_assessment.model_copy(update={"assessed_on": None})
    with pytest.raises(OutputError, match="assessment date"):
        oscal.assessment_results_bytes(undated, catalogue, Language.EN)


def test_trestle_rejects_an_id_that_starts_with_a_digit(
    example_assessment: Assessment, catalogue: Catalogue
) -> None:
    """The validation has teeth: the reason targets carry the ``req-`` prefix."""
    from pydantic import ValidationError

    document = json.loads(
        oscal.assessment_results_bytes(example_assessment, catalogue, Language.EN)
    )
    body = document["assessment-results"]
    body["results"][0]["findings"][0]["target"]["target-id"] = "4.1"
    with pytest.raises(ValidationError):
        AssessmentResults.model_validate(body)


def test_import_ap_points_at_a_back_matter_resource(
    example_assessment: Assessment, catalogue: Catalogue
) -> None:
    body = json.loads(oscal.assessment_results_bytes(example_assessment, catalogue, Language.EN))[
        "assessment-results"
    ]
    resources = {r["uuid"] for r in body["back-matter"]["resources"]}
    assert body["import-ap"]["href"].removeprefix("#") in resources


def test_client_text_stays_inert(example_assessment: Assessment, catalogue: Catalogue) -> None:
    """Control and bidirectional-override characters in the client's evidence are escaped."""
    requirement = example_assessment.requirements[0]
    answer = requirement.contributions[0].model_copy(
        update={"evidence": ["SMS-CTX-001\u202egpj.exe"], "notes": "line\x1b[31m"}
    )
    hostile = example_assessment.model_copy(
        update={
            "requirements": [
                requirement.model_copy(update={"contributions": [answer]}),
                *example_assessment.requirements[1:],
            ]
        }
    )
    text = oscal.assessment_results_bytes(hostile, catalogue, Language.EN).decode("utf-8")
    assert "\u202e" not in text and "\x1b" not in text
    assert "SMS-CTX-001\\\\u202egpj.exe" in text  # escaped, then JSON-escaped
