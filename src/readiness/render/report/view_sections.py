"""The report view's later sections: indicator results, the role matrix, the mandatory
documents checklist, evidence requests, not-applicable items and the heat map."""

from __future__ import annotations

from collections import defaultdict

from readiness.models.assessment import (
    Flag,
    IndicatorResult,
)
from readiness.models.common import Rating
from readiness.render.report.model import (
    DocumentCheck,
    EvidenceGroup,
    EvidenceItem,
    HeatRow,
    IndicatorView,
    MatrixRowView,
    MatrixView,
    NaStatement,
    RequirementView,
    ScoreRow,
)
from readiness.render.report.view_context import CLASSES, ViewContext


def indicator_view(context: ViewContext, result: IndicatorResult) -> IndicatorView:
    words = context.words
    rule = next(r for r in context.questionnaire.rules if r.id == result.rule)
    figure = context.questionnaire.index.figure.get(result.figure)
    value = result.value
    if value is None:
        value_text = words["not_given"]
    elif isinstance(value, bool):
        value_text = words["yes"] if value else words["no"]
    else:
        unit = " %" if figure is not None and figure.kind == "percent" else ""
        value_text = f"{value:g}{unit}"
    return IndicatorView(
        rule=result.rule,
        figure=result.figure,
        figure_text=figure.text.get(context.language) if figure else result.figure,
        value_text=value_text,
        evaluated=result.evaluated,
        fired=result.fired,
        finding=rule.finding.value if result.fired else None,
        finding_label=context.finding_label(rule.finding.value) if result.fired else words["ok"],
        message=rule.message.get(context.language),
    )


def matrix_view(context: ViewContext) -> MatrixView:
    assessment = context.assessment
    people: list[str] = []
    for row in assessment.matrix:
        people += [name for name in row.assign if name not in people]
    owners = [
        (context.area_name(area_id), name or "")
        for area_id, name in assessment.roles.process_owners.items()
    ]
    return MatrixView(
        sms_owner=assessment.roles.sms_owner,
        owners=owners,
        people=people,
        rows=[
            MatrixRowView(
                item=row.item,
                area_name=context.area_name(row.area),
                cells=[row.assign.get(name, "") for name in people],
            )
            for row in assessment.matrix
        ],
    )


def documents_view(
    context: ViewContext, requirements: list[RequirementView]
) -> list[DocumentCheck]:
    words = context.words
    checks = []
    for view in requirements:
        definition = context.catalogue.requirement(view.id).documented
        if definition is None:
            continue
        if view.score is None:
            status = "not_applicable"
        elif "document_missing" in view.flag_codes:
            status = "missing"
        else:
            status = "present"
        checks.append(
            DocumentCheck(
                requirement=view.id,
                clause=view.clause,
                clause_title=view.clause_title,
                area_name=view.area_name,
                kind=definition.kind,
                kind_label=words[f"kind_{definition.kind}"],
                name=definition.name.get(context.language),
                status=status,
                status_label=words[f"document_{status}"],
                score_text=view.score_text,
            )
        )
    return checks


def evidence_view(context: ViewContext, rows: dict[str, ScoreRow]) -> list[EvidenceGroup]:
    """The evidence to ask for behind every requirement that is not conforming.

    Grouped by the area whose sheet asks the question, so each owner gets one list.
    """
    severity = {c.value: index for index, c in enumerate(CLASSES)}
    by_area: dict[str, dict[str, EvidenceItem]] = defaultdict(dict)
    for view in context.requirement_views.values():
        if view.finding not in severity:
            continue
        for question_id in context.questionnaire.covering(view.id):
            question = context.questionnaire.question(question_id)
            items = by_area[question.area_id]
            known = items.get(question_id)
            worst = view.finding
            if known is not None:
                worst = min(known.finding, view.finding, key=severity.__getitem__)
            items[question_id] = EvidenceItem(
                question=question_id,
                text=question.text.get(context.language),
                evidence=question.evidence.get(context.language),
                requirements=[*(known.requirements if known else []), view.id],
                finding=worst,
                finding_label=context.finding_label(worst),
            )
    return [
        EvidenceGroup(
            area=area.id,
            area_name=rows[area.id].name,
            owner=rows[area.id].owner,
            items=sorted(by_area[area.id].values(), key=lambda i: i.question),
        )
        for area in context.assessment.areas
        if by_area.get(area.id)
    ]


def not_applicable_view(context: ViewContext) -> list[NaStatement]:
    words = context.words
    found: dict[str, NaStatement] = {}
    for result in context.assessment.requirements:
        accepted = Flag.NA_NOT_ALLOWED not in result.flags
        for contribution in result.contributions:
            if contribution.rating is not Rating.NA:
                continue
            known = found.get(contribution.question)
            question = context.questionnaire.index.question.get(contribution.question)
            found[contribution.question] = NaStatement(
                question=contribution.question,
                text=question.text.get(context.language) if question else "",
                area_name=context.area_name(result.area),
                requirements=[*(known.requirements if known else []), result.id],
                justification=contribution.justification or "",
                accepted=accepted and (known.accepted if known else True),
                status_label=words["na_accepted"]
                if accepted and (known.accepted if known else True)
                else words["na_refused"],
            )
    return sorted(found.values(), key=lambda s: s.question)


def heat_view(context: ViewContext) -> list[HeatRow]:
    """Second-level clauses (4.1 … 10.2) by finding class."""
    rows = []
    for group in context.assessment.clauses:
        if group.id.count(".") != 1:
            continue
        counts = group.counts
        rows.append(
            HeatRow(
                clause=group.id,
                label=f"{group.id} {context.clause_title(group.id)}",
                counts=[counts.major, counts.minor, counts.observation],
            )
        )
    return rows
