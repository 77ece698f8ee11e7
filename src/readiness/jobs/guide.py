"""The ``guide`` job: an assessment (answers of one or several respondents, or a saved
``assessment.json``) in, the interview guide and the internal-audit checklist out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from readiness.errors import UsageError
from readiness.language import Language

if TYPE_CHECKING:
    from readiness.jobs.context import Data
    from readiness.models.assessment import Assessment
    from readiness.models.guide import AuditChecklist, InterviewGuide
    from readiness.outputs.report import ReportFormat


@dataclass
class GuideResult:
    """The assessment, the guide and the checklist made from it, and every file written."""

    assessment: Assessment
    guide: InterviewGuide
    checklist: AuditChecklist
    written: list[Path] = field(default_factory=list)


def make_guide(assessment: Assessment, data: Data) -> tuple[InterviewGuide, AuditChecklist]:
    """The interview guide and the audit checklist of ``assessment``."""
    from readiness.data.interview import load_interview
    from readiness.scoring.checklist import build_checklist
    from readiness.scoring.guide import build_guide

    interview = load_interview(data.questionnaire)
    guide = build_guide(assessment, data.catalogue, data.questionnaire, interview)
    return guide, build_checklist(assessment, data.catalogue)


def assessment_for_guide(
    files: Sequence[Path], data: Data, assessed_on: dt.date | None = None
) -> Assessment:
    """One saved assessment read back, or the answers of one client's respondents (one file
    or several, merged as ``assess --merge`` merges them) assessed."""
    from readiness.inputs.saved import is_saved_assessment, load_assessment
    from readiness.jobs.assess import assess_files

    saved = [path for path in files if is_saved_assessment(path)]
    if saved and len(files) > 1:
        raise UsageError(f"{saved[0]}: a saved assessment is guided alone, not with other files")
    if saved and assessed_on is not None:
        raise UsageError(f"{saved[0]}: --date is for answers; a saved assessment keeps its date")
    if saved:
        return load_assessment(saved[0], data.catalogue)
    return assess_files(files, data, merge=len(files) > 1, assessed_on=assessed_on)


def guide_into_folder(
    files: Sequence[Path],
    out: Path,
    data: Data,
    *,
    formats: Sequence[ReportFormat],
    language: Language = Language.EN,
    assessed_on: dt.date | None = None,
    templates: Path | None = None,
) -> GuideResult:
    """Write ``interview-guide.*`` and ``audit-checklist.*`` for ``files`` into ``out``,
    together or not at all."""
    from readiness.outputs.guide import GuideSubject, render_guide_outputs
    from readiness.outputs.writing import write_outputs

    assessment = assessment_for_guide(files, data, assessed_on)
    guide, checklist = make_guide(assessment, data)
    subject = GuideSubject(
        guide, checklist, data.catalogue, data.questionnaire, language, templates
    )
    rendered = render_guide_outputs(subject, list(formats))
    result = GuideResult(assessment, guide, checklist)
    result.written = write_outputs(out, rendered, inputs=list(files))
    return result
