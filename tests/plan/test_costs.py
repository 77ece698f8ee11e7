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


def test_audit_time_from_the_iso27006_proxy(plan_config: PlanConfig) -> None:
    audit = compute_audit_time(plan_config, 85)
    assert (audit.table, audit.personnel, audit.personnel_given) == ("iso27006", 85, True)
    assert audit.proxy and audit.table_days == Decimal(11)
    assert audit.initial == Decimal(11)  # no adjustment, no combined audit
    assert (audit.stage1, audit.stage2) == (Decimal("3.5"), Decimal("7.5"))  # 3.3 → 3.5
    assert audit.surveillance == Decimal("3.5")  # 11 × 0.3333 = 3.67 → 3.5
    assert audit.recertification is None
    # the boundaries: up to and including `up_to`
    days = {n: compute_audit_time(plan_config, n).initial for n in (1, 10, 11, 86, 10700)}
    assert days == {
        1: Decimal(5),
        10: Decimal(5),
        11: Decimal(6),
        86: Decimal(12),
        10700: Decimal(28),
    }
    assert compute_audit_time(plan_config, 50_000).initial == Decimal(28)  # beyond: last row


def test_recertification_is_two_thirds(write_config: Callable[..., Path]) -> None:
    config = load_plan_config(write_config("audit_time: {include_recertification: true}\n"))
    audit = compute_audit_time(config, 85)
    assert audit.recertification == Decimal("7.5")  # 11 × 0.6667 = 7.33 → 7.5
    defaulted = compute_audit_time(config, None)
    assert (defaulted.personnel, defaulted.personnel_given) == (50, False)
    assert defaulted.initial == Decimal(10)


def test_adjustments_are_capped_and_a_combined_audit_reduces_further(
    write_config: Callable[..., Path],
) -> None:
    config = load_plan_config(
        write_config(
            "audit_time:\n"
            "  adjustments:\n"
            "    - {name: {en: Low complexity, zh: 复杂程度低}, percent: -20}\n"
            "    - {name: {en: Mature system, zh: 体系成熟}, percent: -15}\n"
            "    - {name: {en: Two sites, zh: 两个场所}, percent: 10}\n"
            "  certificates_held: [iso27001]\n"
        )
    )
    audit = compute_audit_time(config, 85)
    # reductions 35 % capped at 30 %, plus 10 %: net −20 %; 11 × 0.8 = 8.8; combined −20 %:
    # 8.8 × 0.8 = 7.04 → 7
    assert (audit.adjustment_percent, audit.reduction_capped) == (Decimal(-20), True)
    assert (audit.combined_with, audit.combined_percent) == (["iso27001"], Decimal(20))
    assert audit.initial == Decimal(7)
    assert (audit.stage1, audit.stage2, audit.surveillance) == (
        Decimal(2),  # 2.1 → 2
        Decimal(5),
        Decimal("2.5"),  # 2.33 → 2.5
    )
    uncapped = load_plan_config(
        write_config(
            "audit_time:\n  adjustments: [{name: {en: Low, zh: 低}, percent: -10}]\n",
            "uncapped.yaml",
        )
    )
    audit = compute_audit_time(uncapped, 100)  # 12 × 0.9 = 10.8 → 11
    assert (audit.initial, audit.reduction_capped) == (Decimal(11), False)
    combined = load_plan_config(
        write_config("audit_time: {certificates_held: [iso9001, iso27001]}\n", "both.yaml")
    )
    assert compute_audit_time(combined, 85).initial == Decimal(9)  # 11 × 0.8 = 8.8 → 9


def test_the_proxy_and_the_fee_coverage_are_said(
    standard: Plan,
    example_assessment: Assessment,
    catalogue: Catalogue,
    write_config: Callable[..., Path],
) -> None:
    basis = next(m for m in standard.messages if m.code == "audit-time")
    assert "11 audit days" in basis.text.en and "proxy for ISO/IEC 20000-6" in basis.text.en
    assert "认证机构报价" in basis.text.zh
    fee = next(m for m in standard.messages if m.code == "certification-fee")
    assert "does not cover the surveillance audits" in fee.text.en
    config = load_plan_config(
        write_config(
            "costs: {fee_covers: {surveillance: true}}\n"
            "audit_time: {certificates_held: [iso9001]}\n"
        )
    )
    plan = make_plan(example_assessment, catalogue, config, start=START)
    assert plan.costs.fee_covers_surveillance and not plan.costs.fee_covers_recertification
    fee = next(m for m in plan.messages if m.code == "certification-fee")
    assert "covers the surveillance audits" in fee.text.en
    basis = next(m for m in plan.messages if m.code == "audit-time")
    assert "−20 % for a combined audit with ISO 9001 (IAF MD 11)" in basis.text.en
    # surveillance audit days are in the fee; their travel is still costed
    items = [line.item.en for line in plan.costs.lines if line.phase is PhaseId.SURVEILLANCE]
    assert not any(item.startswith("Certification body auditor") for item in items)
    assert "Audit team travel and lodging: Surveillance audit 1" in items


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
    assert consultant_days == Decimal("50.34")
    # calibrated to the Chinese market's packages (50,000–150,000 CNY)
    assert costs.parts[CostPart.CONSULTING] == consultant_days * 2000 == Decimal(100680)
    # 3.5 + 7.5 audit days, two surveillance audits of 3.5, at 3,500; travel at 800 per audit
    # day; the registration fee; the annual fee for three years
    audit_days = Decimal("3.5") + Decimal("7.5") + 2 * Decimal("3.5")
    assert costs.parts[CostPart.CERTIFICATION] == audit_days * (3500 + 800) + 5000 + 3 * 2000
    assert costs.parts[CostPart.CERTIFICATION] == Decimal(88400)
    # trainer days at 2,500; two rounds × 85 people × 100
    trainer_days = standard.total_effort["trainer"]
    assert costs.parts[CostPart.TRAINING] == trainer_days * 2500 + 2 * 85 * 100
    assert costs.parts[CostPart.MATERIAL] == Decimal(5000)
    assert costs.parts[CostPart.TOOLS] == Decimal(0)
    assert costs.currency == standard.currency == "CNY"
    assert costs.audit_time.table == standard.audit_time_table == "iso27006"
    surveillance = [line for line in costs.lines if line.phase is PhaseId.SURVEILLANCE]
    assert [line.item.en for line in surveillance] == [
        "Certification body auditor: Surveillance audit 1",
        "Certification body auditor: Surveillance audit 2",
        "Audit team travel and lodging: Surveillance audit 1",
        "Audit team travel and lodging: Surveillance audit 2",
        "Annual certificate fee: year 2",
        "Annual certificate fee: year 3",
    ]
    assert [line.role for line in surveillance] == ["cb_auditor"] * 2 + [None] * 4
    assert costs.total == Decimal(255563)  # 232,330 + 10 %


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
        for role in ("top_management", "sms_manager", "process_owner", "it_staff", "staff")
    )
    assert costs.parts[CostPart.INTERNAL] == internal_days * 800
    # the staff time of the two all-staff rounds: 85 people × 2 hours ÷ 8 = 21.25 pd each
    staff = [line for line in costs.lines if line.role == "staff"]
    assert [(line.quantity, line.amount) for line in staff] == [(Decimal("42.5"), Decimal(34000))]
    recert = [line for line in costs.lines if line.item.en.startswith("Recertification")]
    assert [(line.quantity, line.amount) for line in recert] == [(Decimal("7.5"), Decimal(26250))]
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
    assert plan.costs.audit_time.initial == Decimal(10)
    codes = [message.code for message in plan.messages]
    assert codes == ["personnel-default", "audit-time", "certification-fee"]
    assert "50 people" in plan.messages[0].text.en
    assert "50人" in plan.messages[0].text.zh
    many = rated_assessment(questionnaire, catalogue, config, {}, personnel_in_scope=20_000)
    plan = make_plan(many, catalogue, plan_config, start=START)
    assert plan.costs.audit_time.initial == Decimal(28)
    codes = [message.code for message in plan.messages]
    assert codes == ["personnel-beyond-table", "audit-time", "certification-fee"]
    assert "10700" in plan.messages[0].text.en
