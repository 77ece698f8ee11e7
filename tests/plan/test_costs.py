"""Costs: audit time from the personnel table, lines, totals and contingency."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from readiness.models.assessment import Assessment
from readiness.models.catalogue import Catalogue
from readiness.models.plan import CostPart, PhaseId, Plan, PlanConfig
from readiness.models.questionnaire import Questionnaire
from readiness.models.scoring import ScoringConfig
from readiness.planning import load_plan_config, make_plan
from readiness.planning.costs import compute_audit_time, round_half_day
from tests.plan.conftest import START, rated_assessment

CENT = Decimal("0.01")


def test_round_half_day() -> None:
    assert round_half_day(Decimal("1.8")) == Decimal("2.00")
    assert round_half_day(Decimal("3.3")) == Decimal("3.50")
    assert round_half_day(Decimal("3.25")) == Decimal("3.50")
    assert round_half_day(Decimal("1.2")) == Decimal("1.00")
    assert round_half_day(Decimal("0.1")) == Decimal("0.50")


def test_audit_time_from_the_iaf_md5_table(plan_config: PlanConfig) -> None:
    audit = compute_audit_time(plan_config, 85)
    assert (audit.table, audit.personnel, audit.personnel_given) == ("iaf-md5", 85, True)
    assert audit.initial == Decimal(6)
    assert (audit.stage1, audit.stage2) == (Decimal(2), Decimal(4))  # 30 / 70
    assert audit.surveillance == Decimal(2)  # one third
    assert audit.recertification is None
    assert compute_audit_time(plan_config, 86).initial == Decimal(7)
    assert compute_audit_time(plan_config, 1).initial == Decimal("1.5")
    assert compute_audit_time(plan_config, 50_000).initial == Decimal(22)  # beyond: last row


def test_audit_time_from_the_iso27006_table(write_config: Callable[..., Path]) -> None:
    config = load_plan_config(
        write_config("audit_time: {table: iso27006, include_recertification: true}\n")
    )
    audit = compute_audit_time(config, 85)
    assert audit.initial == Decimal(11)
    assert (audit.stage1, audit.stage2) == (Decimal("3.5"), Decimal("7.5"))
    assert audit.surveillance == Decimal("3.5")  # 3.67 → 3.5
    assert audit.recertification == Decimal("7.5")  # 7.33 → 7.5
    defaulted = compute_audit_time(config, None)
    assert (defaulted.personnel, defaulted.personnel_given) == (50, False)
    assert defaulted.initial == Decimal(10)


def test_lines_add_up(standard: Plan, fast: Plan, failing: Plan) -> None:
    for plan in (standard, fast, failing):
        costs = plan.costs
        for line in costs.lines:
            assert line.amount == (line.quantity * line.rate).quantize(CENT)
            assert line.amount == line.quantity * line.rate  # whole day rates: exact
        subtotal = sum(line.amount for line in costs.lines)
        assert costs.subtotal == subtotal
        for part, amount in costs.parts.items():
            assert amount == sum(line.amount for line in costs.lines if line.part is part)
        for phase, amount in costs.phases.items():
            assert amount == sum(line.amount for line in costs.lines if line.phase is phase)
        assert sum(costs.parts.values()) == subtotal
        assert sum(costs.phases.values()) == subtotal
        assert costs.contingency == (subtotal * Decimal("0.10")).quantize(CENT)
        assert costs.total == subtotal + costs.contingency


def test_the_five_parts_of_the_example(standard: Plan) -> None:
    costs = standard.costs
    assert list(costs.parts) == [
        CostPart.CONSULTING,
        CostPart.CERTIFICATION,
        CostPart.TRAINING,
        CostPart.MATERIAL,
        CostPart.TOOLS,
    ]
    consultant_days = standard.total_effort["consultant"]
    assert costs.parts[CostPart.CONSULTING] == consultant_days * 3000
    # 2 + 4 audit days, two surveillance audits of 2, at 3,500; the registration fee
    assert costs.parts[CostPart.CERTIFICATION] == Decimal(10 * 3500 + 5000)
    # trainer days at 2,500; two rounds × 85 people × 100
    trainer_days = standard.total_effort["trainer"]
    assert costs.parts[CostPart.TRAINING] == trainer_days * 2500 + 2 * 85 * 100
    assert costs.parts[CostPart.MATERIAL] == Decimal(5000)
    assert costs.parts[CostPart.TOOLS] == Decimal(0)
    assert costs.currency == standard.currency == "CNY"
    assert costs.audit_time.table == standard.audit_time_table == "iaf-md5"
    surveillance = [line for line in costs.lines if line.phase is PhaseId.SURVEILLANCE]
    assert [line.item.en for line in surveillance] == [
        "Certification body auditor: Surveillance audit 1",
        "Certification body auditor: Surveillance audit 2",
    ]
    assert all(line.unit.en == "audit day" for line in surveillance)


def test_fast_track_costs_more_consulting(standard: Plan, fast: Plan) -> None:
    assert fast.costs.parts[CostPart.CONSULTING] > standard.costs.parts[CostPart.CONSULTING]
    assert fast.costs.parts[CostPart.CERTIFICATION] == standard.costs.parts[CostPart.CERTIFICATION]


def test_internal_time_tools_and_recertification(
    example_assessment: Assessment,
    catalogue: Catalogue,
    write_config: Callable[..., Path],
) -> None:
    config = load_plan_config(
        write_config(
            "costs:\n"
            "  currency: USD\n"
            "  contingency_percent: 15\n"
            "  internal_day_rate: 800\n"
            "  tools:\n"
            "    - {item: {en: ITSM licences, zh: 许可}, quantity: 10, unit: {en: licence, zh: 个},"
            " rate: 1200.50}\n"
            "audit_time: {include_recertification: true}\n"
        )
    )
    plan = make_plan(example_assessment, catalogue, config, start=START)
    costs = plan.costs
    assert costs.currency == plan.currency == "USD"
    assert costs.parts[CostPart.TOOLS] == Decimal("12005.00")
    internal_days = sum(
        plan.total_effort.get(role, Decimal(0))
        for role in ("sms_manager", "process_owner", "it_staff")
    )
    assert costs.parts[CostPart.INTERNAL] == internal_days * 800
    recert = [line for line in costs.lines if line.item.en.startswith("Recertification")]
    assert [(line.quantity, line.amount) for line in recert] == [(Decimal(4), Decimal(14000))]
    assert costs.contingency == (costs.subtotal * Decimal("0.15")).quantize(CENT)
    assert sum(costs.parts.values()) == costs.subtotal


def test_missing_personnel_uses_the_default_and_says_so(
    catalogue: Catalogue,
    questionnaire: Questionnaire,
    config: ScoringConfig,
    plan_config: PlanConfig,
) -> None:
    assessment = rated_assessment(questionnaire, catalogue, config, {"B.SLM.01": "N"})
    plan = make_plan(assessment, catalogue, plan_config, start=START)
    assert plan.costs.audit_time.personnel == 50
    assert not plan.costs.audit_time.personnel_given
    assert plan.costs.audit_time.initial == Decimal(5)
    codes = [message.code for message in plan.messages]
    assert codes == ["personnel-default"]
    assert "50 people" in plan.messages[0].text.en
    assert "50人" in plan.messages[0].text.zh
    many = rated_assessment(questionnaire, catalogue, config, {}, personnel_in_scope=20_000)
    plan = make_plan(many, catalogue, plan_config, start=START)
    assert plan.costs.audit_time.initial == Decimal(22)
    assert [message.code for message in plan.messages] == ["personnel-beyond-table"]
    assert "10700" in plan.messages[0].text.en
