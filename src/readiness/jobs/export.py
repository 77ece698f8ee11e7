"""The ``export`` job: an assessment (answers or saved) and its plan, as files other tools
import: OSCAL, CISO Assistant, Jira, Azure DevOps, GitHub, a generic CSV."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from readiness.language import Language

if TYPE_CHECKING:
    from readiness.jobs.context import Data
    from readiness.outputs.interchange import Target


def export_into_folder(
    targets: Sequence[Target],
    file: Path,
    out: Path,
    data: Data,
    *,
    language: Language = Language.EN,
    config_path: Path | None = None,
    start: dt.date | None = None,
    scenario: str | None = None,
) -> list[Path]:
    """Write the files of ``targets`` into ``out``; the plan is made only when a target needs
    it. Returns the paths written."""
    from readiness.jobs.context import assessment_of
    from readiness.jobs.plan import make_plans
    from readiness.outputs.interchange import NEEDS_PLAN, render_exports
    from readiness.outputs.writing import prepare_folder, write_outputs
    from readiness.scoring.carried import shared_requirements

    assessment = assessment_of(file, data)
    plan = None
    if NEEDS_PLAN & set(targets):
        plan = make_plans(
            assessment,
            data.catalogue,
            config_path=config_path or data.plan_config,  # a method's plan.yaml unless --config
            start=start,
            scenario=scenario,
            shared=shared_requirements(data.questionnaire),
        ).plan
    files = render_exports(
        list(targets), assessment, data.catalogue, data.questionnaire, plan, language
    )
    return write_outputs(prepare_folder(out, [file]), files, inputs=[file])
