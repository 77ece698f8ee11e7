"""The report view of the finding counts, good practice, preconditions and gaps in answers.

Every number here is the assessment's own (:class:`FindingCounts`); nothing is recounted.
"""

from __future__ import annotations

from readiness.data.labels import labels
from readiness.language import Language
from readiness.models.assessment import Assessment, ClassCounts
from readiness.models.questionnaire import Questionnaire
from readiness.render.report.model import (
    CountRow,
    CountsView,
    NotEvidencedView,
    PreconditionView,
    UnansweredView,
)


def counts_view(assessment: Assessment, language: Language) -> CountsView:
    """The counts by source, the total and the counts kept apart."""
    words = labels(language)
    counts = assessment.counts

    def row(key: str, tally: ClassCounts) -> CountRow:
        return CountRow(
            key=key,
            label=words[f"counts_{key}"],
            major=tally.major,
            minor=tally.minor,
            observation=tally.observation,
        )

    return CountsView(
        rows=[
            row("requirements", counts.requirement),
            row("indicators", counts.indicator),
            row("matrix", counts.matrix),
        ],
        total=row("total", counts.total),
        systemic=counts.systemic,
        grouped_minors=counts.grouped_minors,
        practice=counts.practice,
        preconditions_not_met=counts.preconditions_not_met,
        not_evidenced=counts.not_evidenced,
        systemic_note=words["systemic_note"].format(
            systemic=counts.systemic, grouped=counts.grouped_minors
        )
        if counts.systemic
        else "",
    )


def precondition_views(
    assessment: Assessment, questionnaire: Questionnaire, language: Language
) -> list[PreconditionView]:
    """Every readiness precondition with its status."""
    words = labels(language)
    return [
        PreconditionView(
            rule=p.rule,
            figure_text=_figure_text(questionnaire, p.figure, language),
            status=p.status.value,
            status_label=words[f"status_{p.status.value}"],
            reason=p.reason.get(language),
            recommendation=p.recommendation.get(language),
        )
        for p in assessment.preconditions
    ]


def not_evidenced_views(
    assessment: Assessment,
    questionnaire: Questionnaire,
    language: Language,
    area_name: dict[str, str],
) -> list[NotEvidencedView]:
    """Figures a requirement rule needs that were left empty."""
    return [
        NotEvidencedView(
            rule=n.rule,
            figure_text=_figure_text(questionnaire, n.figure, language),
            area_name=area_name.get(n.area, ""),
            reason=n.reason.get(language),
        )
        for n in assessment.not_evidenced
    ]


def unanswered_views(
    assessment: Assessment,
    questionnaire: Questionnaire,
    language: Language,
    area_name: dict[str, str],
) -> list[UnansweredView]:
    """Questions left without a rating, in questionnaire order."""
    views = []
    for question_id in assessment.completeness.unanswered:
        question = questionnaire.index.question.get(question_id)
        area = question.area_id if question else question_id.rsplit(".", 1)[0]
        views.append(
            UnansweredView(
                question=question_id,
                text=question.text.get(language) if question else "",
                area=area,
                area_name=area_name.get(area, ""),
            )
        )
    return views


def _figure_text(questionnaire: Questionnaire, figure_id: str, language: Language) -> str:
    figure = questionnaire.index.figure.get(figure_id)
    return figure.text.get(language) if figure else figure_id
