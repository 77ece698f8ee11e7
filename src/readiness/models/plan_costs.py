"""What certification costs and how long its audits take: day rates, fixed costs and fees
(``costs`` in ``plans/plan.yaml``), the audit-time settings (``audit_time``) and the
personnel→audit-days tables of ``plans/audit-time/``.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, field_validator

from readiness.models.common import LocalText, NonEmpty, Strict
from readiness.models.plan_units import CostPart, Money, Percent, PersonDays, PhaseId, RoleId, Share


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


class ReuseConfig(Strict):
    """How a certified ISO/IEC 27001 or ISO 9001 system the client holds shortens the plan."""

    build_factor: dict[Certificate, Annotated[Decimal, Field(gt=0, le=1)]] = Field(
        default_factory=dict,
        description="effort of build actions on requirements the system shares, as a factor",
    )
    combined_audit: bool = Field(
        default=False, description="audit both systems together (audit_time's combined reduction)"
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
