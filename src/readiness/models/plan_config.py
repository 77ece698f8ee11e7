"""The certification project plan's configuration (``plans/plan.yaml``, the audit-time tables)
and the types the plan shares with it.

Person-days and money are :class:`~decimal.Decimal` rounded to two places, so that sums are
exact. In JSON they are written as plain numbers.
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, PlainSerializer, field_validator, model_validator

from readiness.models.catalogue import AREA_ID
from readiness.models.common import LocalText, NonEmpty, Strict

_AS_NUMBER = PlainSerializer(float, return_type=float, when_used="json")
PersonDays = Annotated[Decimal, Field(ge=0, decimal_places=2), _AS_NUMBER]
Money = Annotated[Decimal, Field(ge=0, decimal_places=2), _AS_NUMBER]
Share = Annotated[Decimal, Field(ge=0, le=1, decimal_places=4), _AS_NUMBER]
Percent = Annotated[Decimal, Field(ge=-100, le=100, decimal_places=2), _AS_NUMBER]
"""A signed percentage: negative reduces, positive adds."""
RoleId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
AreaId = Annotated[str, Field(pattern=AREA_ID)]
ActivityId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
Effort = dict[RoleId, PersonDays]
"""Person-days per role."""


class Kind(StrEnum):
    """Deliverable types of a remediation action."""

    POLICY = "policy"
    PROCEDURE = "procedure"
    RECORD = "record"
    TOOL = "tool"
    TRAINING = "training"
    PRACTICE = "practice"


class PhaseId(StrEnum):
    """Phases of a certification project (domain.md §4), in their order."""

    PREPARATION = "preparation"
    GAP_ANALYSIS = "gap_analysis"
    BUILD = "build"
    IMPLEMENTATION = "implementation"
    TRAINING = "training"
    INTERNAL_AUDIT = "internal_audit"
    MANAGEMENT_REVIEW = "management_review"
    CERTIFICATION_BODY = "certification_body"
    STAGE1 = "stage1"
    CORRECTION = "correction"
    STAGE2 = "stage2"
    SURVEILLANCE = "surveillance"


class CostPart(StrEnum):
    """The five cost parts of domain.md §4, and internal staff time when it is costed."""

    CONSULTING = "consulting"
    CERTIFICATION = "certification"
    TRAINING = "training"
    MATERIAL = "material"
    TOOLS = "tools"
    INTERNAL = "internal"


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


class AuditAdjustment(Strict):
    """An adjustment factor of the certification body: negative reduces the table time."""

    name: LocalText
    percent: Percent

    @field_validator("percent")
    @classmethod
    def _not_zero(cls, value: Decimal) -> Decimal:
        if value == 0:
            raise ValueError("an adjustment of 0 % changes nothing: remove it")
        return value


Certificate = Literal["iso27001", "iso9001"]
"""Certificates whose system can be audited together with the SMS (IAF MD 11)."""


class AuditTimeConfig(Strict):
    """Which personnel→audit-days table to use, its adjustments and how audit time is split."""

    table: NonEmpty
    default_personnel: int = Field(ge=1)
    auditor_role: RoleId
    stage1_share: Share
    surveillance_share: Share
    recertification_share: Share
    include_recertification: bool = False
    adjustments: list[AuditAdjustment] = Field(default_factory=list)
    max_reduction_percent: Annotated[Decimal, Field(ge=0, le=30, decimal_places=2)] = Field(
        default=Decimal(30), description="reductions of the adjustments together, at most 30"
    )
    certificates_held: list[Certificate] = Field(
        default_factory=list, description="the client's certified systems audited with the SMS"
    )
    combined_reduction_percent: Annotated[Decimal, Field(ge=0, le=20, decimal_places=2)] = Field(
        default=Decimal(20), description="reduction of a combined audit (IAF MD 11: ≤ 20)"
    )


class RateConfig(Strict):
    """A role whose days are bought: the cost part they fall in and the day rate."""

    part: Literal[CostPart.CONSULTING, CostPart.CERTIFICATION, CostPart.TRAINING]
    day_rate: Money


class CostItem(Strict):
    """A fixed cost: quantity × rate."""

    item: LocalText
    quantity: PersonDays = Decimal(1)
    unit: LocalText = LocalText(en="item", zh="项")
    rate: Money
    phase: PhaseId = PhaseId.BUILD


class FeeCoverage(Strict):
    """What the certification body's quoted fee includes (ask the body)."""

    surveillance: bool = False
    recertification: bool = False


class CostsConfig(Strict):
    """Currency, rates and the fixed costs of the five parts."""

    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    contingency_percent: Annotated[Decimal, Field(ge=0, le=100, decimal_places=2)]
    rates: dict[RoleId, RateConfig]
    internal_day_rate: Money
    training_per_participant: Money
    training_participants: int | None = Field(default=None, ge=1)
    certification_fees: list[CostItem] = Field(default_factory=list)
    travel_per_audit_day: Money = Field(
        default=Decimal(0), description="the audit team's travel and lodging per audit day"
    )
    annual_fee: Money = Field(
        default=Decimal(0), description="certificate fee per year of the certificate"
    )
    fee_covers: FeeCoverage = Field(default_factory=FeeCoverage)
    material: list[CostItem] = Field(default_factory=list)
    tools: list[CostItem] = Field(default_factory=list)


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


class AuditTimeRow(Strict):
    """Personnel in scope up to ``up_to`` → initial audit days."""

    up_to: int = Field(ge=1)
    days: PersonDays


class AuditTimeTable(Strict):
    """A personnel→audit-days table, replaceable by a certification body's own."""

    name: NonEmpty
    title: LocalText
    source: NonEmpty
    proxy: bool = Field(
        default=False, description="a stand-in to be replaced by the certification body's quote"
    )
    rows: list[AuditTimeRow] = Field(min_length=1)

    def falling_rows(self) -> list[tuple[int, str]]:
        """Rows (index, message) where the table does not increase, as it must."""
        problems = []
        for index, (before, row) in enumerate(itertools.pairwise(self.rows), 1):
            if row.up_to <= before.up_to or row.days < before.days:
                problems.append(
                    (
                        index,
                        f"the table must increase: up to {row.up_to} people, {row.days} days "
                        f"follows up to {before.up_to} people, {before.days} days",
                    )
                )
        return problems


class PlanConfig(PlanFile):
    """A validated plan configuration with its audit-time table and where it came from."""

    source: str
    table: AuditTimeTable
