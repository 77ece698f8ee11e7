"""Build the report view of an assessment: look up titles and texts, pick a language, order.

Scores, findings and verdicts are read from the assessment as they are; this module only
puts them into the shape and language a reader needs.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from readiness.language import Language
from readiness.models.assessment import (
    AreaResult,
    Assessment,
    Contribution,
    Counts,
    Finding,
    FindingSource,
    Flag,
    RequirementResult,
    ScoreGroup,
)
from readiness.models.catalogue import Catalogue
from readiness.models.questionnaire import Questionnaire
from readiness.render.report.model import (
    AnswerView,
    AreaSection,
    Attribute,
    CompletenessView,
    DisagreementView,
    FindingView,
    Meta,
    PartSections,
    Profile,
    ReportView,
    RequirementView,
    ScoreRow,
    Tally,
    VerdictView,
)
from readiness.render.report.view_carried import carried_section
from readiness.render.report.view_counts import (
    counts_view,
    not_evidenced_views,
    precondition_views,
    unanswered_views,
)
from readiness.render.rows import BlockerView

if TYPE_CHECKING:
    from readiness.render.progress.view import ProgressView
    from readiness.render.report.whatif import WhatIfView

from readiness.render.report.view_context import CLASSES, ViewContext
from readiness.render.report.view_sections import (
    documents_view,
    evidence_view,
    heat_view,
    indicator_view,
    matrix_view,
    not_applicable_view,
)

SHOWN_FLAGS = (
    Flag.DOCUMENT_MISSING,
    Flag.DOCUMENTED_NOT_PRACTISED,
    Flag.PRACTISED_NOT_DOCUMENTED,
    Flag.NA_NOT_ALLOWED,
    Flag.NA_ACCEPTED,
    Flag.UNANSWERED,
)


def build_view(
    assessment: Assessment,
    catalogue: Catalogue,
    questionnaire: Questionnaire,
    language: Language,
    progress: ProgressView | None = None,
    whatif: WhatIfView | None = None,
) -> ReportView:
    """The whole report of ``assessment`` in ``language`` (with ``progress`` since a baseline,
    and the ``whatif`` to the target)."""
    context = ViewContext(assessment, catalogue, questionnaire, language)
    words = context.words
    requirements = [_requirement(context, r) for r in assessment.requirements]
    context.requirement_views = {r.id: r for r in requirements}
    systemic = [_finding(context, f) for f in assessment.systemic]
    findings = systemic + [_finding(context, f) for f in assessment.findings]
    practice = [_finding(context, f) for f in assessment.practice]
    areas = [_area_row(context, area) for area in assessment.areas]
    rows = {row.id: row for row in areas}
    area_names = {a.id: a.title.get(language) for a in catalogue.areas}
    by_class = {
        c.value: [f for f in findings if f.finding == c.value and f.grouped_into is None]
        for c in CLASSES
    }
    return ReportView(
        words=words,
        meta=_meta(context),
        profile=_profile(context),
        verdict=VerdictView(
            code=assessment.verdict.verdict.value,
            label=words[assessment.verdict.verdict.value],
            reasons=[r.text.get(language) for r in assessment.verdict.reasons],
        ),
        target=assessment.target_score,
        target_text=context.percent(assessment.target_score),
        floor_text=context.percent(assessment.area_floor),
        completeness=_completeness(context),
        overall=_row(context, assessment.overall, words["overall"]),
        parts=[_row(context, part, _part_name(context, part.id)) for part in assessment.parts],
        processes=[row for row in areas if row.process],
        areas=areas,
        chapters=_chapters(context, rows, findings + practice),
        top_risks=_top_risks(findings, assessment),
        findings=findings,
        by_class=by_class,
        blockers=[
            BlockerView(
                requirement=b.requirement,
                clause=b.clause,
                clause_title=context.clause_title(b.clause),
                kind=b.kind,
                kind_label=words[f"kind_{b.kind}"],
                name=b.name.get(language),
            )
            for b in assessment.blockers
        ],
        mismatches=[
            r
            for r in requirements
            if {"documented_not_practised", "practised_not_documented"} & set(r.flag_codes)
        ],
        indicators=[indicator_view(context, i) for i in assessment.indicators],
        indicator_findings=[f for f in findings if f.source == FindingSource.INDICATOR.value],
        matrix_findings=[f for f in findings if f.source == FindingSource.MATRIX.value],
        matrix=matrix_view(context),
        documents=documents_view(context, requirements),
        evidence=evidence_view(context, rows),
        not_applicable=not_applicable_view(context),
        requirements=requirements,
        heat=heat_view(context),
        heat_columns=[words[f"finding_{c.value}"] for c in CLASSES],
        disagreements=[
            DisagreementView(
                subject=d.subject, field=d.field, values=sorted(d.values.items()), merged=d.merged
            )
            for d in assessment.disagreements
        ],
        counts=counts_view(assessment, language),
        systemic=systemic,
        practice=practice,
        preconditions=precondition_views(assessment, questionnaire, language),
        not_evidenced=not_evidenced_views(assessment, questionnaire, language, area_names),
        unanswered=unanswered_views(assessment, questionnaire, language, area_names),
        progress=progress,
        carried=carried_section(assessment, catalogue, questionnaire, language, words),
        whatif=whatif,
    )


def _meta(context: ViewContext) -> Meta:
    assessment = context.assessment
    source = assessment.source
    return Meta(
        language=context.language.value,
        html_lang="zh-CN" if context.language is Language.ZH else "en",
        title=context.words["report_title"],
        client=assessment.client.name,
        assessor=assessment.assessor,
        assessed_on=assessment.assessed_on.isoformat() if assessment.assessed_on else None,
        standard=f"{source.standard}:{source.edition}",
        catalogue_version=source.catalogue_version,
        questionnaire=source.questionnaire,
        questionnaire_version=source.questionnaire_version,
        scoring_version=source.scoring_version,
        tool_version=assessment.tool_version,
        respondents=list(assessment.respondents),
        method=source.method.describe(context.language) if source.method else None,
        scale=_scale_text(context) if source.method is not None else None,
    )


def _scale_text(context: ViewContext) -> str:
    values = context.assessment.source.rating_values
    space = "" if context.language is Language.ZH else " "
    return " · ".join(f"{rating} {value:g}{space}%" for rating, value in values.items())


def _profile(context: ViewContext) -> Profile:
    client = context.assessment.client
    names = {c.id: c.name.get(context.language) for c in context.questionnaire.business_categories}
    return Profile(
        scope=client.scope,
        categories=[names.get(c, c) for c in client.business_categories],
        personnel=client.personnel_in_scope,
        sites=list(client.sites),
        services=list(client.services),
        management_basis=client.management_basis,
        expected_benefits=client.expected_benefits,
    )


def _completeness(context: ViewContext) -> CompletenessView:
    done = context.assessment.completeness
    return CompletenessView(
        questions=done.questions,
        answered=done.answered,
        not_applicable=done.not_applicable,
        figures=done.figures,
        figures_given=done.figures_given,
        share_text=context.percent(round(done.share * 100, 1)),
        unanswered=len(done.unanswered),
        rated_n=done.rated_n,
    )


def _tally(counts: Counts) -> Tally:
    return Tally(
        major=counts.major,
        minor=counts.minor,
        observation=counts.observation,
        conforming=counts.conforming,
        not_applicable=counts.not_applicable,
    )


def _row(context: ViewContext, group: ScoreGroup, name: str) -> ScoreRow:
    return ScoreRow(
        id=group.id,
        name=name,
        score=group.score,
        score_text=context.percent(group.score),
        band=context.band(group.score),
        tally=_tally(group.counts),
        weight=group.weight,
    )


def _part_name(context: ViewContext, part_id: str) -> str:
    part = next(p for p in context.catalogue.parts if p.id == part_id)
    return part.title.get(context.language)


def _area_row(context: ViewContext, area: AreaResult) -> ScoreRow:
    definition = context.catalogue.area(area.id)
    capability = area.capability
    names: dict[str, str] = {
        a.id: a.name.get(context.language) for a in context.questionnaire.capability
    }
    roles = context.assessment.roles
    owner = roles.process_owners.get(area.id) if area.process else roles.sms_owner
    return ScoreRow(
        id=area.id,
        name=definition.title.get(context.language),
        score=area.score,
        score_text=context.percent(area.score),
        band=context.band(area.score),
        tally=_tally(area.counts),
        weight=area.weight,
        part=area.part,
        process=area.process,
        clauses=", ".join([*definition.clauses, *definition.also]),
        clause_2011=definition.clause_2011,
        level=capability.level if capability else None,
        level_text=str(capability.level) if capability else "",
        limited_by=names.get(capability.limited_by)
        if capability and capability.limited_by
        else None,
        owner=owner,
    )


def _answer(context: ViewContext, contribution: Contribution) -> AnswerView:
    words = context.words
    question = context.questionnaire.index.question.get(contribution.question)
    rating = contribution.rating.value if contribution.rating else ""
    return AnswerView(
        question=contribution.question,
        text=question.text.get(context.language) if question else "",
        rating=rating,
        rating_label=words[f"rating_{rating}"] if rating else words["unanswered"],
        score_text="" if contribution.score is None else context.percent(contribution.score),
        capped=[words[f"capped_{kind}"] for kind in contribution.capped_by]
        + ([words["practice_answer"]] if contribution.practice else []),
        documented=words[f"extent_{contribution.documented.value}"]
        if contribution.documented
        else "",
        practised=words[f"extent_{contribution.practised.value}"] if contribution.practised else "",
        evidence=list(contribution.evidence),
        notes=contribution.notes,
        owner=contribution.owner,
        justification=contribution.justification,
    )


def _requirement(context: ViewContext, result: RequirementResult) -> RequirementView:
    definition = context.catalogue.requirement(result.id)
    documented = definition.documented
    flags = [f for f in SHOWN_FLAGS if f in result.flags]
    return RequirementView(
        id=result.id,
        clause=result.clause,
        clause_title=context.clause_title(result.clause),
        area=result.area,
        area_name=context.area_name(result.area),
        text=definition.text.get(context.language),
        weight=result.weight,
        score=result.score,
        score_text=context.percent(result.score),
        finding=result.finding.value,
        finding_label=context.finding_label(result.finding.value),
        flags=[context.words[f"flag_{f.value}"] for f in flags],
        flag_codes=[f.value for f in flags],
        reasons=[r.text.get(context.language) for r in result.reasons],
        recommendation=result.recommendation.get(context.language)
        if result.recommendation
        else None,
        answers=[_answer(context, c) for c in result.contributions],
        document=documented.name.get(context.language) if documented else None,
        document_kind=context.words[f"kind_{documented.kind}"] if documented else None,
    )


def _finding(context: ViewContext, finding: Finding) -> FindingView:
    requirement = (
        context.requirement_views.get(finding.requirements[0])
        if finding.source is FindingSource.REQUIREMENT and finding.requirements
        else None
    )
    return FindingView(
        id=finding.id,
        source=finding.source.value,
        source_label=context.words[f"source_{finding.source.value}"],
        finding=finding.finding.value,
        finding_label=context.finding_label(finding.finding.value),
        area=finding.area,
        area_name=context.area_name(finding.area),
        clause=finding.clause,
        clause_title=context.clause_title(finding.clause),
        requirements=list(finding.requirements),
        reason=finding.reason.get(context.language),
        recommendation=finding.recommendation.get(context.language)
        if finding.recommendation
        else None,
        requirement=requirement,
        grouped_into=finding.grouped_into,
    )


def _top_risks(findings: list[FindingView], assessment: Assessment) -> list[FindingView]:
    """The findings the assessment ranks first, in its order (models/risks.py)."""
    by_id = {finding.id: finding for finding in findings}
    return [by_id[risk] for risk in assessment.top_risks if risk in by_id]


def _chapters(
    context: ViewContext, rows: dict[str, ScoreRow], findings: list[FindingView]
) -> list[PartSections]:
    by_area: dict[str | None, list[FindingView]] = defaultdict(list)
    for finding in findings:
        by_area[finding.area].append(finding)
    views = context.requirement_views
    attribute_names: dict[str, str] = {
        a.id: a.name.get(context.language) for a in context.questionnaire.capability
    }
    chapters = []
    for part in context.assessment.parts:
        sections = []
        for area in context.assessment.areas:
            if area.part != part.id:
                continue
            attributes = (
                [
                    Attribute(
                        id=key,
                        name=attribute_names.get(key, key),
                        rating=rating.value,
                        capped=key in area.capability.capped,
                    )
                    for key, rating in area.capability.attributes.items()
                ]
                if area.capability
                else []
            )
            sections.append(
                AreaSection(
                    row=rows[area.id],
                    part_name=_part_name(context, part.id),
                    attributes=attributes,
                    findings=by_area.get(area.id, []),
                    requirements=[views[r] for r in area.requirements if r in views],
                )
            )
        chapters.append(PartSections(_row(context, part, _part_name(context, part.id)), sections))
    return chapters
