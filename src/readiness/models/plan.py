"""The certification project plan as a result: tasks, phases, costs, audit time.

Its configuration (``plans/plan.yaml``) lives in :mod:`readiness.models.plan_config`,
:mod:`~readiness.models.plan_costs` and :mod:`~readiness.models.plan_units`, re-exported here.
Person-days and money are :class:`~decimal.Decimal` rounded to two places, so that sums are
exact (per-month loads add up to the total effort; cost lines add up to the totals). In JSON
they are written as plain numbers.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from readiness.models.assessment import Counts, FindingSource, Verdict
from readiness.models.common import FindingClass, LocalText, Result
from readiness.models.plan_config import (
    ActivityConfig,
    AuditPhaseConfig,
    BacklogConfig,
    CorrectionConfig,
    DeliverableConfig,
    DependencyConfig,
    EffortByClass,
    InternalAuditConfig,
    OverlapConfig,
    PhaseConfig,
    PhasesConfig,
    PlanConfig,
    PlanFile,
    QuickWinConfig,
    ReviewConfig,
    RoleConfig,
    RoleOverride,
    ScenarioConfig,
    ScheduleConfig,
    Stage2Config,
    SurveillanceConfig,
    TrainingConfig,
    TrialRunConfig,
)
from readiness.models.plan_costs import (
    AuditAdjustment,
    AuditTimeConfig,
    AuditTimeRow,
    AuditTimeTable,
    Certificate,
    CostItem,
    CostsConfig,
    FeeCoverage,
    RateConfig,
)
from readiness.models.plan_units import (
    ActivityId,
    AreaId,
    CostPart,
    Effort,
    Kind,
    Money,
    Percent,
    PersonDays,
    PhaseId,
    RoleId,
    Share,
)

__all__ = [
    "Action",
    "ActivityConfig",
    "ActivityId",
    "AppliedAdjustment",
    "AreaId",
    "AuditAdjustment",
    "AuditPhaseConfig",
    "AuditTime",
    "AuditTimeConfig",
    "AuditTimeRow",
    "AuditTimeTable",
    "BacklogConfig",
    "Certificate",
    "CorrectionConfig",
    "CostItem",
    "CostLine",
    "CostPart",
    "Costs",
    "CostsConfig",
    "DeliverableConfig",
    "DependencyConfig",
    "Effort",
    "EffortByClass",
    "FeeCoverage",
    "InternalAuditConfig",
    "Kind",
    "Message",
    "Money",
    "OverlapConfig",
    "Percent",
    "PersonDays",
    "Phase",
    "PhaseConfig",
    "PhaseId",
    "PhasesConfig",
    "Plan",
    "PlanConfig",
    "PlanFile",
    "PlanRole",
    "QuickWinConfig",
    "RateConfig",
    "Responsibility",
    "ReviewConfig",
    "RoleConfig",
    "RoleId",
    "RoleOverride",
    "ScenarioConfig",
    "ScheduleConfig",
    "Share",
    "Stage2Config",
    "SurveillanceConfig",
    "TargetCheck",
    "Task",
    "TrainingConfig",
    "TrialRunConfig",
    "WorkPackage",
]


# ------------------------------------------------------------------ result


class Message(Result):
    """A warning or note about the plan."""

    code: str
    text: LocalText


class PlanRole(Result):
    """A role as this scenario staffs it."""

    id: str
    name: LocalText
    external: bool
    people: float
    availability: float
    capacity: float = Field(description="person-days per working day")


class Action(Result):
    """A remediation action: one deliverable closing one or more findings."""

    id: str
    priority: int = Field(description="1 = first")
    area: str
    kind: Kind
    name: LocalText
    finding: FindingClass
    source: FindingSource
    findings: list[str] = Field(description="finding ids it closes")
    requirements: list[str]
    weight: int
    blocker: bool = Field(
        description="closes an issue to resolve before stage 2 (mandatory document missing)"
    )
    quick_win: bool
    role: str
    effort: Effort
    total_effort: PersonDays
    recommendation: LocalText | None = None


class WorkPackage(Result):
    """The actions of one area, built together."""

    id: str
    area: str
    name: LocalText
    part: str
    process: bool
    score: float | None
    below_floor: bool
    priority: int = Field(description="scheduling order among work packages, weakest first")
    actions: list[str]
    depends_on: list[str] = Field(description="work package ids")
    tasks: list[str]
    effort: Effort


class Task(Result):
    """A scheduled task or milestone (finish-to-start dependencies)."""

    id: str
    name: LocalText
    phase: PhaseId
    work_package: str | None = None
    start: dt.date
    finish: dt.date
    duration: int = Field(description="working days; 0 for a milestone")
    effort: Effort
    dependencies: list[str]
    milestone: bool = False


class Phase(Result):
    """A phase's span and effort."""

    id: PhaseId
    name: LocalText
    start: dt.date
    finish: dt.date
    duration: int = Field(description="working days from start to finish")
    effort: Effort
    tasks: list[str]


class Responsibility(Result):
    """A row of the plan's role and responsibility matrix."""

    item: str = Field(description="phase or work package id")
    name: LocalText
    primary: str
    backup: list[str]


class CostLine(Result):
    """amount = quantity × rate, rounded to cents."""

    part: CostPart
    phase: PhaseId
    role: str | None = Field(
        default=None, description="the role whose scheduled time the line prices; none: fixed"
    )
    item: LocalText
    quantity: PersonDays
    unit: LocalText
    rate: Money
    amount: Money


class AppliedAdjustment(Result):
    """An adjustment factor as configured."""

    name: LocalText
    percent: Percent


class AuditTime(Result):
    """The certification body's audit days and where they came from.

    initial = table_days × (100 + adjustment_percent) / 100 × (100 − combined_percent) / 100,
    rounded to half days; adjustment_percent adds the increases to the reductions, these
    capped at ``max_reduction_percent`` together.
    """

    table: str
    table_title: LocalText
    proxy: bool = Field(description="the table stands in for the certification body's quote")
    personnel: int
    personnel_given: bool = Field(description="False: the configured default was used")
    table_days: PersonDays = Field(description="the table's initial audit time")
    adjustments: list[AppliedAdjustment] = Field(default_factory=list)
    adjustment_percent: Percent = Field(description="net of the adjustments, reductions capped")
    reduction_capped: bool = Field(description="the reductions asked for exceeded the cap")
    combined_with: list[str] = Field(description="certificates held, audited together")
    combined_percent: Percent = Field(description="combined-audit reduction (IAF MD 11)")
    initial: PersonDays
    stage1: PersonDays
    stage2: PersonDays
    surveillance: PersonDays = Field(description="each surveillance audit")
    recertification: PersonDays | None = None


class Costs(Result):
    """Every cost line and the totals built from them."""

    currency: str
    lines: list[CostLine]
    parts: dict[CostPart, Money]
    phases: dict[PhaseId, Money]
    subtotal: Money
    contingency_percent: Money
    contingency: Money = Field(description="subtotal × percent / 100, rounded to cents")
    total: Money
    audit_time: AuditTime
    fee_covers_surveillance: bool = Field(description="the quoted fee includes surveillance")
    fee_covers_recertification: bool = Field(description="the quoted fee includes recertification")


class TargetCheck(Result):
    """Whether stage 2 ends by the date the client asked for."""

    target: dt.date
    stage2_end: dt.date
    met: bool
    late_working_days: int
    late_calendar_days: int


class Plan(Result):
    """A certification project plan for one assessment and one scenario."""

    schema_version: Literal["2.0"] = "2.0"
    client: str
    prepared_by: str | None = Field(
        default=None, description="the consultancy named in the brand file, if one was used"
    )
    assessed_on: dt.date | None
    start: dt.date
    scenario: str
    scenario_name: LocalText
    config_source: str
    audit_time_table: str
    currency: str
    overall_score: float | None
    verdict: Verdict
    counts: Counts
    area_floor: float
    roles: list[PlanRole]
    actions: list[Action]
    work_packages: list[WorkPackage]
    phases: list[Phase]
    tasks: list[Task]
    stage1_start: dt.date = Field(description="first day of the stage 1 audit")
    stage1_end: dt.date = Field(description="last day of the stage 1 audit")
    stage2_start: dt.date = Field(description="first day of the stage 2 audit")
    stage2_end: dt.date = Field(description="last day of the stage 2 audit")
    certificate: dt.date = Field(description="expected certification decision")
    total_effort: Effort
    load: dict[str, Effort] = Field(description="YYYY-MM → role → person-days")
    responsibility: list[Responsibility]
    costs: Costs
    target: TargetCheck | None = None
    messages: list[Message] = Field(default_factory=list)
    holidays: list[dt.date] = Field(
        default_factory=list, description="non-working days the schedule was made with"
    )
