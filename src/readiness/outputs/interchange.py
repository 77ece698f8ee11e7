"""The targets of ``readiness export`` (OSCAL, CISO Assistant, trackers): their names, what
each needs, and their files rendered in memory."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from readiness.language import Language

if TYPE_CHECKING:  # the command line imports this module before it needs any model
    from readiness.models.assessment import Assessment
    from readiness.models.catalogue import Catalogue
    from readiness.models.plan import Plan
    from readiness.models.questionnaire import Questionnaire


class Target(StrEnum):
    """Tools ``readiness export`` writes files for."""

    OSCAL = "oscal"
    CISO = "ciso"
    JIRA = "jira"
    AZURE = "azure"
    GITHUB = "github"
    CSV = "csv"


NEEDS_PLAN = frozenset({Target.OSCAL, Target.JIRA, Target.AZURE, Target.GITHUB, Target.CSV})
"""Targets made (partly) from the certification plan."""


def parse_targets(value: str) -> list[Target]:
    """``"oscal,jira"`` → the targets in the order given, without repeats (ValueError if unknown)."""
    targets: list[Target] = []
    for word in (part.strip().lower() for part in value.split(",") if part.strip()):
        try:
            target = Target(word)
        except ValueError:
            names = ", ".join(t.value for t in Target)
            raise ValueError(f"'{word}' is not a target; use {names}") from None
        if target not in targets:
            targets.append(target)
    if not targets:
        raise ValueError("no target given")
    return targets


def render_exports(
    targets: list[Target],
    assessment: Assessment,
    catalogue: Catalogue,
    questionnaire: Questionnaire,
    plan: Plan | None,
    language: Language,
) -> dict[str, bytes]:
    """File name → bytes for every target (``plan`` is needed for all but ``ciso``)."""
    from readiness.render.interchange import ciso, oscal, trackers

    files: dict[str, bytes] = {}
    for target in targets:
        if target is Target.CISO:
            files["ciso-assistant-library.yaml"] = ciso.library_bytes(catalogue, questionnaire)
            files["ciso-assistant-assessment.csv"] = ciso.assessment_csv_bytes(
                assessment, questionnaire, language
            )
            continue
        if plan is None:
            raise ValueError(f"target {target.value} needs the plan")
        if target is Target.OSCAL:
            files["oscal-assessment-results.json"] = oscal.assessment_results_bytes(
                assessment, catalogue, language
            )
            files["oscal-poam.json"] = oscal.poam_bytes(plan, assessment, language)
        elif target is Target.JIRA:
            files["jira.csv"] = trackers.jira_bytes(plan, language)
        elif target is Target.AZURE:
            parts = trackers.azure_files(plan, language)
            for number, data in enumerate(parts, 1):
                name = "azure-devops.csv" if len(parts) == 1 else f"azure-devops-{number}.csv"
                files[name] = data
        elif target is Target.GITHUB:
            files["github-issues.csv"] = trackers.github_bytes(plan, language)
        else:
            files["backlog.csv"] = trackers.generic_bytes(plan, language)
    return files
