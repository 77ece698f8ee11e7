"""The ``assess`` job: one client's answers (one file, or several respondents merged) in, the
gap report out, with progress against a baseline and the plan when asked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from readiness.language import Language

if TYPE_CHECKING:
    from readiness.jobs.context import Answered, Data
    from readiness.jobs.plan import PlanResult
    from readiness.models.answers import AnswerFile
    from readiness.models.assessment import Assessment
    from readiness.models.brand import Brand
    from readiness.models.comparison import Comparison
    from readiness.models.whatif import WhatIf
    from readiness.outputs.report import ReportFormat


@dataclass
class AssessResult:
    """The assessment, its comparison with a baseline and its plan (when asked), and every
    file written."""

    assessment: Assessment
    comparison: Comparison | None = None
    plan: PlanResult | None = None
    whatif: WhatIf | None = None
    written: list[Path] = field(default_factory=list)


def assess_files(
    files: Sequence[Path],
    data: Data,
    *,
    merge: bool = False,
    assessed_on: dt.date | None = None,
) -> Assessment:
    """Assess one answer file, or several respondents of one client merged (``merge``: the
    lower rating wins, and the assessment names the respondents and where they disagree)."""
    from readiness.jobs.context import answers_of

    return _assessed(answers_of(files, data, merge=merge), data, assessed_on)[1]


def _assessed(
    answered: Answered, data: Data, assessed_on: dt.date | None
) -> tuple[AnswerFile, Assessment]:
    from readiness.scoring.assess import assess

    result = assess(
        answered.answers,
        data.catalogue,
        data.questionnaire,
        data.scoring,
        assessed_on=assessed_on,
        method=data.method,
    )
    if answered.respondents:
        result.respondents = answered.respondents
        result.disagreements = answered.disagreements
    return answered.answers, result


def assess_into_folder(
    files: Sequence[Path],
    out: Path,
    data: Data,
    *,
    formats: Sequence[ReportFormat],
    language: Language = Language.EN,
    merge: bool = False,
    assessed_on: dt.date | None = None,
    baseline: Path | None = None,
    plan: bool = False,
    templates: Path | None = None,
    brand: Brand | None = None,
    whatif: bool = False,
) -> AssessResult:
    """Assess ``files`` as one client and write the gap report into ``out``.

    With ``baseline`` (earlier answers or a saved assessment) the report gains a progress
    section; with ``plan`` the certification project plan is written beside it, in the report's
    formats that a plan has, and as MS Project XML. ``templates`` is a consultant's folder
    overriding shipped templates file by file; ``brand`` the consultant's brand on every
    format (its firm named as ``prepared_by`` in the JSON). With ``whatif`` the report carries
    the what-if to the target, and ``whatif.json`` goes beside ``assessment.json``.
    """
    from readiness.jobs.context import answers_of, assessment_of
    from readiness.outputs.plan import PLAN_FILES
    from readiness.outputs.report import (
        FILE_NAMES,
        WHATIF_FILE,
        ReportFormat,
        render_outputs,
        whatif_json,
    )
    from readiness.outputs.writing import write_outputs
    from readiness.scoring.compare import compare

    answers, assessment = _assessed(answers_of(files, data, merge=merge), data, assessed_on)
    if brand is not None:
        assessment.prepared_by = brand.firm(language)
    result = AssessResult(assessment)
    if whatif:
        from readiness.jobs.whatif import what_if_of

        result.whatif = what_if_of(answers, data)
    if baseline is not None:
        earlier = assessment_of(baseline, data)
        result.comparison = compare(earlier, assessment, names=(str(baseline), str(files[0])))
    rendered = render_outputs(
        assessment,
        data.catalogue,
        data.questionnaire,
        language,
        list(formats),
        result.comparison,
        templates,
        brand,
        result.whatif,
    )
    inputs = [*files, baseline] if baseline else list(files)
    files_out = {FILE_NAMES[output]: content for output, content in rendered.items()}
    if result.whatif is not None and ReportFormat.JSON in formats:
        files_out[WHATIF_FILE] = whatif_json(result.whatif)
    if plan:
        from readiness.jobs.plan import make_plans
        from readiness.outputs.plan import PLAN_FILES, PlanFormat, render_plan_outputs
        from readiness.scoring.carried import shared_requirements

        result.plan = make_plans(
            assessment,
            data.catalogue,
            config_path=data.plan_config,
            shared=shared_requirements(data.questionnaire),
        )
        result.plan.plan.prepared_by = assessment.prepared_by
        plan_formats = [PlanFormat(f.value) for f in formats if f.value in set(PlanFormat)]
        planned = render_plan_outputs(
            result.plan.plan,
            language,
            [*plan_formats, PlanFormat.MSPDI],
            result.plan.alternatives,
            templates,
            brand,
        )
        files_out |= {PLAN_FILES[output]: content for output, content in planned.items()}
    # the report and the plan replace the old files together, or not at all
    result.written = write_outputs(out, files_out, inputs=inputs)
    if result.plan is not None:
        result.plan.written = [p for p in result.written if p.name in set(PLAN_FILES.values())]
    return result
