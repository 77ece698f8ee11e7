"""The certification project plan's configuration (``plans/plan.yaml``): the team's roles,
deliverables and their efforts, the backlog rules, the phases and scenarios, the calendar.

Its units live in :mod:`readiness.models.plan_units`; costs and audit time in
:mod:`readiness.models.plan_costs`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from readiness.models.common import LocalText, NonEmpty, Strict
from readiness.models.plan_costs import AuditTimeConfig, AuditTimeTable, CostsConfig
from readiness.models.plan_units import (
    ActivityId,
    AreaId,
    Effort,
    Kind,
    PersonDays,
    RoleId,
    Share,
)

# ------------------------------------------------------------------ configuration


def _positive(value: float | None) -> float | None:
    if value is not None and value <= 0:
        raise ValueError(f"must be more than 0 (found {value}): no capacity, no work done")
    return value


def _share_of_day(value: float | None) -> float | None:
    if value is not None and not 0 < value <= 1:
        raise ValueError(f"must be above 0 and at most 1 (found {value})")
    return value


class RoleConfig(Strict):
    """A role of the project team: how many people, and what share of their days."""

    name: LocalText
    external: bool = False
    people: float | None = Field(
        default=None, description="head count; may be fractional; none with in_scope"
    )
    availability: float = Field(description="share of a working day, above 0 and at most 1")
    per_task: float | None = Field(default=None, description="most people on one task")
    in_scope: bool = Field(
        default=False,
        description="the staff in scope: the head count is the personnel in scope, and the "
        "role attends (training) but is never responsible for a work item",
    )

    _people = field_validator("people", "per_task")(_positive)
    _availability = field_validator("availability")(_share_of_day)

    @model_validator(mode="after")
    def _head_count(self) -> RoleConfig:
        if self.people is None and not self.in_scope:
            raise ValueError("people: a head count is required (or in_scope: true)")
        return self


class RoleOverride(Strict):
    """A scenario's change to a role's team."""

    people: float | None = None
    availability: float | None = None
    per_task: float | None = None

    _people = field_validator("people", "per_task")(_positive)
    _availability = field_validator("availability")(_share_of_day)


class EffortByClass(Strict):
    """Person-days of one deliverable, by the class of the finding it closes."""

    major: PersonDays
    minor: PersonDays
    observation: PersonDays


class DeliverableConfig(Strict):
    """A deliverable type: who produces it, and how long it takes."""

    name: LocalText
    role: RoleId
    effort: EffortByClass


class ReviewConfig(Strict):
    """Deliverables are reviewed; a review costs a share of the deliverable's effort."""

    role: RoleId
    share: dict[Kind, Share] = Field(default_factory=dict, description="kind → share; absent: 0")


class QuickWinConfig(Strict):
    """An action is a quick win when it is small and closes a weighty requirement."""

    max_effort: PersonDays
    min_weight: int = Field(ge=1, le=3)
    kinds: list[Kind] = Field(default_factory=lambda: list(Kind))


class BacklogConfig(Strict):
    """How findings become actions."""

    policy_clauses: list[str] = Field(description="clause prefixes whose documents are tier 1")
    kinds: dict[str, list[Kind]] = Field(
        default_factory=dict, description="requirement id, finding id or clause prefix → kinds"
    )
    source_kinds: dict[Literal["indicator", "matrix"], list[Kind]]
    fallback_area: AreaId
    quick_win: QuickWinConfig


class DependencyConfig(Strict):
    """Order of the areas' work packages."""

    foundation: list[AreaId] = Field(description="built before every other area")
    after: dict[AreaId, list[AreaId]] = Field(default_factory=dict)


class ActivityConfig(Strict):
    """A fixed activity of a phase, sized by its effort."""

    id: ActivityId
    name: LocalText
    effort: Effort
    after: list[ActivityId] = Field(default_factory=list)


class PhaseConfig(Strict):
    """A phase: its name and fixed activities."""

    name: LocalText
    activities: list[ActivityConfig] = Field(default_factory=list)


class TrainingConfig(PhaseConfig):
    """Rounds of all-staff training, then an assessment of the key roles."""

    rounds: int = Field(ge=1, le=6)
    round_effort: Effort
    assessment_effort: Effort
    staff_role: RoleId | None = Field(
        default=None, description="the in-scope role whose people attend every round"
    )
    staff_hours: Annotated[Decimal, Field(ge=0, le=40, decimal_places=2)] = Field(
        default=Decimal(0), description="hours each person in scope spends in one round"
    )


class TrialRunConfig(PhaseConfig):
    """Operating the system with records before the certification audit."""

    min_months: int = Field(ge=1, le=24)


class InternalAuditConfig(PhaseConfig):
    """The full internal audit and the corrections that follow it."""

    weeks_before_stage1: int = Field(ge=0, le=26)
    correction_effort: Effort


class AuditPhaseConfig(PhaseConfig):
    """A certification-body audit; staff attend it."""

    attend: Effort = Field(default_factory=dict, description="person-days per audit day")


class Stage2Config(AuditPhaseConfig):
    """Stage 2, then closing findings and the certification decision."""

    decision_weeks: int = Field(ge=0, le=26)


class CorrectionConfig(PhaseConfig):
    """The window between stage 1 and stage 2 for corrections."""

    effort: Effort


class SurveillanceConfig(AuditPhaseConfig):
    """Surveillance audits after the certification decision."""

    months: list[int] = Field(min_length=1, max_length=4)

    @field_validator("months")
    @classmethod
    def _rising(cls, value: list[int]) -> list[int]:
        if any(m <= 0 for m in value) or value != sorted(set(value)):
            raise ValueError(f"months must be positive and rising (found {value})")
        if value[0] > 12:
            raise ValueError(
                f"the first surveillance audit must fall within 12 months of the certification "
                f"decision (ISO/IEC 17021-1; found {value[0]})"
            )
        return value


class PhasesConfig(Strict):
    """Parameters of every phase."""

    preparation: PhaseConfig
    gap_analysis: PhaseConfig
    build: PhaseConfig
    implementation: TrialRunConfig
    training: TrainingConfig
    internal_audit: InternalAuditConfig
    management_review: PhaseConfig
    certification_body: PhaseConfig
    stage1: AuditPhaseConfig
    correction: CorrectionConfig
    stage2: Stage2Config
    surveillance: SurveillanceConfig


class OverlapConfig(Strict):
    """Phases a scenario lets run side by side."""

    gap_with_preparation: bool = False
    training_during_build: bool = False
    audit_in_trial_months: int = Field(default=0, ge=0, le=12)


class ScenarioConfig(Strict):
    """A way to run the project: team, consulting effort, lead times, overlaps."""

    name: LocalText
    roles: dict[RoleId, RoleOverride] = Field(default_factory=dict)
    effort_factor: dict[RoleId, Annotated[Decimal, Field(gt=0, le=10)]] = Field(
        default_factory=dict
    )
    booking_lead_weeks: int = Field(ge=0, le=52)
    correction_weeks: int = Field(ge=0, le=26)
    overlap: OverlapConfig = Field(default_factory=OverlapConfig)


class ScheduleConfig(Strict):
    """Calendar and the weight given to weak areas."""

    area_floor: float | None = Field(default=None, ge=0, le=100)
    weak_area_boost: float = Field(ge=1, le=5)
    min_start_share: float = Field(default=0.5, gt=0, le=1)
    holidays: list[dt.date] = Field(default_factory=list)
    horizon_years: int = Field(
        default=10, ge=1, le=50, description="a plan running longer than this is refused"
    )


class PlanFile(Strict):
    """What ``plan.yaml`` holds (a consultant's file is merged over the shipped one)."""

    version: NonEmpty
    roles: dict[RoleId, RoleConfig] = Field(min_length=1)
    deliverables: dict[Kind, DeliverableConfig]
    review: ReviewConfig
    backlog: BacklogConfig
    dependencies: DependencyConfig
    schedule: ScheduleConfig
    phases: PhasesConfig
    scenarios: dict[Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")], ScenarioConfig]
    audit_time: AuditTimeConfig
    costs: CostsConfig

    @model_validator(mode="after")
    def _complete(self) -> PlanFile:
        missing = [kind.value for kind in Kind if kind not in self.deliverables]
        if missing:
            raise ValueError(f"deliverables: no entry for {', '.join(missing)}")
        if "standard" not in self.scenarios:
            raise ValueError("scenarios: a 'standard' scenario is required")
        return self


class PlanConfig(PlanFile):
    """A validated plan configuration with its audit-time table and where it came from."""

    source: str
    table: AuditTimeTable
