"""The lookups every part of the report view needs: labels, titles, percentages, bands."""

from __future__ import annotations

from readiness.data.labels import labels
from readiness.language import Language
from readiness.models.assessment import Assessment
from readiness.models.catalogue import Catalogue
from readiness.models.common import FindingClass
from readiness.models.questionnaire import Questionnaire
from readiness.render.report.model import RequirementView

CLASSES = (FindingClass.MAJOR, FindingClass.MINOR, FindingClass.OBSERVATION)
"""The classes of a finding that an auditor records, most severe first."""


class ViewContext:
    """The lookups every part of the view needs."""

    def __init__(
        self,
        assessment: Assessment,
        catalogue: Catalogue,
        questionnaire: Questionnaire,
        language: Language,
    ) -> None:
        self.assessment = assessment
        self.catalogue = catalogue
        self.questionnaire = questionnaire
        self.language = language
        self.words = labels(language)
        self.requirement_views: dict[str, RequirementView] = {}

    def percent(self, value: float | None) -> str:
        if value is None:
            return self.words["not_scored"]
        space = "" if self.language is Language.ZH else " "
        return f"{value:.1f}{space}%"

    def band(self, score: float | None) -> str:
        if score is None:
            return "none"
        if score < self.assessment.area_floor:
            return "low"
        return "high" if score >= self.assessment.target_score else "mid"

    def area_name(self, area_id: str | None) -> str:
        if area_id is None or not self.catalogue.has_area(area_id):
            return ""
        return self.catalogue.area(area_id).title.get(self.language)

    def clause_title(self, clause_id: str | None) -> str:
        if clause_id is None or clause_id not in self.catalogue.index.clause:
            return ""
        return self.catalogue.clause(clause_id).title.get(self.language)

    def finding_label(self, finding: str) -> str:
        return self.words[f"finding_{finding}"]
