"""OSCAL 1.2 documents: assessment results from an assessment, a POA&M from a plan.

Identifiers are deterministic: the document's UUID is a version 5 UUID over the JSON of the
result it was made from, and every UUID inside is a version 5 UUID of that one and the item's
own id, so the same inputs give the same file and different inputs different UUIDs. OSCAL
tokens must start with a letter, so targets are named ``req-`` and the requirement id.
Finding classes and scores travel as properties in the ``urn:readiness:iso20000`` namespace.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from readiness.errors import OutputError, safe_text
from readiness.language import Language
from readiness.models.assessment import (
    Assessment,
    Contribution,
    Finding,
    FindingSource,
    RequirementResult,
)
from readiness.models.catalogue import Catalogue
from readiness.models.common import FindingClass
from readiness.models.plan import Plan
from readiness.render.interchange.backlog import Item, backlog_items

OSCAL_VERSION = "1.2.1"
NS = "urn:readiness:iso20000"
_ROOT = uuid.UUID("6f1c3c52-8f0e-5a7e-9a43-2b1d5e0c7a11")
_SATISFIED = {FindingClass.CONFORMING, FindingClass.NOT_APPLICABLE, FindingClass.OBSERVATION}
_OPEN = {FindingClass.MAJOR, FindingClass.MINOR}


def _uuid(base: uuid.UUID, name: str) -> str:
    return str(uuid.uuid5(base, name))


def _midnight(day: dt.date) -> str:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).isoformat()


def _prop(name: str, value: str) -> dict[str, str]:
    return {"name": name, "ns": NS, "value": value}


def _document(kind: str, body: dict[str, Any]) -> bytes:
    return (json.dumps({kind: body}, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _metadata(title: str, day: dt.date, version: str) -> dict[str, Any]:
    return {
        "title": title,
        "last-modified": _midnight(day),
        "version": version,
        "oscal-version": OSCAL_VERSION,
    }


# ------------------------------------------------------------------ assessment results


def assessment_results_bytes(
    assessment: Assessment, catalogue: Catalogue, language: Language
) -> bytes:
    """The assessment as OSCAL assessment results: one result, a finding per requirement.

    Each finding targets its requirement (``req-R-8.5.1.2-01``), says ``satisfied`` or
    ``not-satisfied`` (a predicted nonconformity) and carries our finding class; the answers
    behind it are its observations. Predicted findings of the indicator and matrix rules are
    findings too, targeting the requirements they name.
    """
    if assessment.assessed_on is None:
        raise OutputError("OSCAL needs the assessment date: give --date or 'assessed_on'")
    base = uuid.uuid5(_ROOT, assessment.model_dump_json())
    day = assessment.assessed_on
    observations, findings = _observed(assessment, catalogue, base, day, language)
    client = assessment.client.name
    title = {
        Language.EN: f"ISO/IEC 20000-1:2018 readiness assessment of {client}",
        Language.ZH: f"{client} ISO/IEC 20000-1:2018 认证准备度评估",
    }[language]
    plan_uuid = _uuid(base, "assessment-method")
    result = {
        "uuid": _uuid(base, "result"),
        "title": title,
        "description": assessment.verdict.reasons[0].text.get(language)
        if assessment.verdict.reasons
        else assessment.verdict.verdict.value,
        "start": _midnight(day),
        "props": [
            _prop("verdict", assessment.verdict.verdict.value),
            _prop("overall-score", _score(assessment.overall.score)),
        ],
        "reviewed-controls": {"control-selections": [{"include-all": {}}]},
        "observations": observations,
        "findings": findings,
    }
    body = {
        "uuid": str(base),
        "metadata": _metadata(title, day, assessment.tool_version),
        "import-ap": {"href": f"#{plan_uuid}"},
        "results": [result],
        "back-matter": {"resources": [_method(assessment, plan_uuid, language)]},
    }
    return _document("assessment-results", body)


def _observed(
    assessment: Assessment,
    catalogue: Catalogue,
    base: uuid.UUID,
    day: dt.date,
    language: Language,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """An observation per answer behind each requirement, and the findings: one per
    requirement (related to its observations), then those of the indicator and matrix rules."""
    observations: list[dict[str, Any]] = []
    findings: list[dict[str, Any]] = []
    for requirement in assessment.requirements:
        related = []
        for answer in requirement.contributions:
            observation = _observation(base, requirement, answer.question, day)
            observation["description"] = _answer_text(answer, language)
            observations.append(observation)
            related.append({"observation-uuid": observation["uuid"]})
        findings.append(_requirement_finding(base, requirement, catalogue, related, language))
    findings += [
        _rule_finding(base, f, language)
        for f in assessment.findings
        if f.source is not FindingSource.REQUIREMENT
    ]
    return observations, findings


def _method(assessment: Assessment, plan_uuid: str, language: Language) -> dict[str, Any]:
    """The back-matter resource naming the questionnaire: the assessment method."""
    return {
        "uuid": plan_uuid,
        "title": f"{assessment.source.questionnaire} {assessment.source.questionnaire_version}",
        "description": {
            Language.EN: "The readiness questionnaire the client answered: the "
            "assessment method (no separate OSCAL assessment plan is published).",
            Language.ZH: "客户回答的 readiness 问卷，即评估方法（未另行发布 OSCAL 评估计划）。",
        }[language],
    }


def _score(score: float | None) -> str:
    return "not-applicable" if score is None else f"{score:.1f}"


def _observation(
    base: uuid.UUID, requirement: RequirementResult, question: str, day: dt.date
) -> dict[str, Any]:
    return {
        "uuid": _uuid(base, f"observation:{requirement.id}:{question}"),
        "title": question,
        "description": "",
        "methods": ["INTERVIEW", "EXAMINE"],
        "collected": _midnight(day),
    }


def _answer_text(answer: Contribution, language: Language) -> str:
    rating = answer.rating.value if answer.rating else "—"
    parts = [f"{answer.question}: {rating}"]
    if answer.documented:
        parts.append(
            ("documented" if language is Language.EN else "成文") + f" {answer.documented.value}"
        )
    if answer.practised:
        parts.append(
            ("practised" if language is Language.EN else "实施") + f" {answer.practised.value}"
        )
    parts += [safe_text(item) for item in answer.evidence]
    if answer.notes:
        parts.append(safe_text(answer.notes))
    return "; ".join(parts)


def _requirement_finding(
    base: uuid.UUID,
    requirement: RequirementResult,
    catalogue: Catalogue,
    related: list[dict[str, str]],
    language: Language,
) -> dict[str, Any]:
    entry = catalogue.requirement(requirement.id)
    text = entry.text.get(language)
    reasons = " ".join(reason.text.get(language) for reason in requirement.reasons)
    finding: dict[str, Any] = {
        "uuid": _uuid(base, f"finding:{requirement.id}"),
        "title": f"{requirement.clause} {requirement.id}",
        "description": reasons or text,
        "props": [
            _prop("finding-class", requirement.finding.value),
            _prop("score", _score(requirement.score)),
            _prop("weight", str(requirement.weight)),
            _prop("basis", entry.basis.value),
        ],
        "target": {
            "type": "statement-id",
            "target-id": f"req-{requirement.id}",
            "description": text,
            "status": {"state": _state(requirement.finding)},
        },
    }
    if related:
        finding["related-observations"] = related
    if requirement.recommendation:
        finding["remarks"] = requirement.recommendation.get(language)
    return finding


def _state(finding: FindingClass) -> str:
    return "satisfied" if finding in _SATISFIED else "not-satisfied"


def _rule_finding(base: uuid.UUID, finding: Finding, language: Language) -> dict[str, Any]:
    target = finding.requirements[0] if finding.requirements else finding.id
    body: dict[str, Any] = {
        "uuid": _uuid(base, f"finding:{finding.id}"),
        "title": finding.id,
        "description": finding.reason.get(language),
        "props": [
            _prop("finding-class", finding.finding.value),
            _prop("source", finding.source.value),
        ],
        "target": {
            "type": "statement-id",
            "target-id": f"req-{target}",
            "status": {"state": _state(finding.finding)},
        },
    }
    if finding.recommendation:
        body["remarks"] = finding.recommendation.get(language)
    return body


# ------------------------------------------------------------------ POA&M


def poam_bytes(plan: Plan, assessment: Assessment, language: Language) -> bytes:
    """The plan as an OSCAL plan of action and milestones.

    Each remediation action is a risk (the predicted findings it closes, open), with one
    planned remediation whose task runs on the plan's dates, and a POA&M item linked to the
    risk.
    """
    base = uuid.uuid5(_ROOT, plan.model_dump_json() + assessment.model_dump_json())
    reasons = {f.id: f.reason.get(language) for f in assessment.findings}
    for requirement in assessment.requirements:
        text = " ".join(r.text.get(language) for r in requirement.reasons)
        reasons.setdefault(requirement.id, text or requirement.id)
    items = backlog_items(plan, language)
    titles = {item.id: item.title for item in items if item.is_parent}
    risks, poam_items = [], []
    for item in items:
        if not item.is_parent:
            risk, poam_item = _risk(base, item, titles, reasons)
            risks.append(risk)
            poam_items.append(poam_item)
    title = {
        Language.EN: f"ISO/IEC 20000-1:2018 certification plan of action and milestones: {plan.client}",
        Language.ZH: f"{plan.client} ISO/IEC 20000-1:2018 认证整改行动与里程碑计划",
    }[language]
    body = {
        "uuid": str(base),
        "metadata": {
            **_metadata(title, plan.assessed_on or plan.start, assessment.tool_version),
            "props": [_prop("scenario", plan.scenario), _prop("start", plan.start.isoformat())],
        },
        "system-id": {"identifier-type": "https://ietf.org/rfc/rfc4122", "id": str(base)},
        "risks": risks,
        "poam-items": poam_items,
    }
    return _document("plan-of-action-and-milestones", body)


def _risk(
    base: uuid.UUID, item: Item, titles: dict[str, str], reasons: dict[str, str]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A remediation action as an open risk with its planned remediation, and its POA&M item."""
    risk_uuid = _uuid(base, f"risk:{item.id}")
    statement = " ".join(reasons.get(f, f) for f in item.findings)
    task = {
        "uuid": _uuid(base, f"task:{item.id}"),
        "type": "action",
        "title": item.title,
        "timing": {
            "within-date-range": {"start": _midnight(item.start), "end": _midnight(item.due)}
        },
    }
    risk = {
        "uuid": risk_uuid,
        "title": item.title,
        "description": item.description,
        "statement": statement or item.description,
        "props": [
            _prop("finding-class", item.finding.value),
            _prop("work-package", item.parent or ""),
            _prop("owner-role", item.owner_role),
        ],
        "status": "open",
        "deadline": _midnight(item.due),
        "remediations": [
            {
                "uuid": _uuid(base, f"remediation:{item.id}"),
                "lifecycle": "planned",
                "title": f"{titles[item.parent or '']}: {item.title}",
                "description": item.description,
                "tasks": [task],
            }
        ],
    }
    poam_item = {
        "uuid": _uuid(base, f"poam-item:{item.id}"),
        "title": item.title,
        "description": statement or item.description,
        "props": [_prop("action-id", item.id)],
        "related-risks": [{"risk-uuid": risk_uuid}],
    }
    return risk, poam_item
