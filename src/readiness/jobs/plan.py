"""The ``plan`` job: an assessment (answers or saved) in, a certification project plan out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from readiness.errors import InputError, Problem, UsageError
from readiness.language import Language

if TYPE_CHECKING:
    from readiness.jobs.context import Data
    from readiness.models.assessment import Assessment
    from readiness.models.brand import Brand
    from readiness.models.catalogue import Catalogue
    from readiness.models.plan import Plan
    from readiness.outputs.plan import PlanFormat


LATEST_PLAN_DATE = dt.date(2199, 12, 31)
"""Latest start or target of a plan: a schedule runs years past its start, and the calendar
ends in 9999."""


@dataclass
class PlanResult:
    """The chosen scenario's plan, the other scenarios for comparison, and the files written."""

    plan: Plan
    alternatives: list[Plan]
    written: list[Path] = field(default_factory=list)


def first_monday_after(day: dt.date) -> dt.date:
    """The Monday after ``day`` (a week later if ``day`` is a Monday)."""
    return day + dt.timedelta(days=7 - day.weekday())


def default_start(assessment: Assessment) -> dt.date:
    """Where a plan starts unless told: the Monday after the assessment (after today for an
    undated one). The date is the plan's ``start`` in plan.json."""
    return first_monday_after(assessment.assessed_on or dt.date.today())


def make_plans(
    assessment: Assessment,
    catalogue: Catalogue,
    *,
    config_path: Path | None = None,
    start: dt.date | None = None,
    scenario: str | None = None,
    target: dt.date | None = None,
    shared: Mapping[str, Sequence[str]] | None = None,
) -> PlanResult:
    """The plan of ``scenario`` (default: ``standard``, else the first configured) and the other
    configured scenarios beside it. UsageError for a scenario the configuration lacks."""
    from readiness.planning import load_plan_config, make_scenarios

    config = load_plan_config(config_path, catalogue=catalogue)
    names = list(config.scenarios)
    chosen_name = scenario or ("standard" if "standard" in names else names[0])
    if chosen_name not in names:
        raise UsageError(f"--scenario: '{chosen_name}' is not a scenario; use {', '.join(names)}")
    for given, option in ((start, "--start"), (target, "--target")):
        if given is not None and given > LATEST_PLAN_DATE:
            raise UsageError(
                f"{option}: {given} is too far in the future to plan for "
                f"(latest {LATEST_PLAN_DATE})"
            )
    if start is None and (assessment.assessed_on or dt.date.today()) > LATEST_PLAN_DATE:
        raise InputError(
            f"assessed_on {assessment.assessed_on}",
            [
                Problem(
                    "",
                    f"too far in the future to plan from (latest {LATEST_PLAN_DATE}); "
                    "correct the date or give --start",
                )
            ],
        )
    begin = start or default_start(assessment)
    plans = make_scenarios(
        assessment, catalogue, config, start=begin, target_date=target, shared=shared
    )
    chosen = next(p for p in plans if p.scenario == chosen_name)
    return PlanResult(chosen, [p for p in plans if p is not chosen])


def write_plan(
    result: PlanResult,
    language: Language,
    formats: Sequence[PlanFormat],
    folder: Path,
    inputs: Sequence[Path],
    templates: Path | None = None,
    brand: Brand | None = None,
) -> list[Path]:
    """Render every format in memory first, then write the files into ``folder`` together."""
    from readiness.outputs.plan import PLAN_FILES, render_plan_outputs
    from readiness.outputs.writing import write_outputs

    if brand is not None:
        result.plan.prepared_by = brand.firm(language)
    rendered = render_plan_outputs(
        result.plan, language, formats, result.alternatives, templates, brand
    )
    files = {PLAN_FILES[output]: data for output, data in rendered.items()}
    written = write_outputs(folder, files, inputs=inputs)
    result.written += written
    return written


def plan_into_folder(
    file: Path,
    out: Path,
    data: Data,
    *,
    formats: Sequence[PlanFormat],
    language: Language = Language.EN,
    config_path: Path | None = None,
    start: dt.date | None = None,
    scenario: str | None = None,
    target: dt.date | None = None,
    templates: Path | None = None,
    brand: Brand | None = None,
) -> PlanResult:
    """Plan from ``file`` (answers or a saved assessment) and write the plan into ``out``."""
    from readiness.jobs.context import assessment_of
    from readiness.scoring.carried import shared_requirements

    assessment = assessment_of(file, data)
    config_path = config_path or data.plan_config  # a method's plan.yaml unless --config
    result = make_plans(
        assessment,
        data.catalogue,
        config_path=config_path,
        start=start,
        scenario=scenario,
        target=target,
        shared=shared_requirements(data.questionnaire),
    )
    inputs = [file, config_path] if config_path else [file]
    write_plan(result, language, formats, out, inputs, templates, brand)
    return result
