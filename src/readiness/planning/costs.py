"""Costs in the five parts of domain.md §4, as lines a spreadsheet can recompute.

Every line is quantity × rate (rounded to cents; with whole day rates, as shipped, exactly);
part totals, phase totals and the subtotal are sums of lines; the contingency is the subtotal ×
percent ÷ 100, rounded to cents; the total is the subtotal plus the contingency.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal

from readiness.models.common import LocalText
from readiness.models.plan import (
    AuditTime,
    CostItem,
    CostLine,
    CostPart,
    Costs,
    PhaseId,
    PlanConfig,
    RoleConfig,
    Task,
)
from readiness.planning.backlog import quantize

HALF = Decimal("0.5")
PERSON_DAY = LocalText(en="person-day", zh="人天")
AUDIT_DAY = LocalText(en="audit day", zh="审核人日")
PARTICIPANT = LocalText(en="participant", zh="人次")


def round_half_day(days: Decimal) -> Decimal:
    """Audit time rounded to the nearest half day (halves up), at least half a day."""
    halves = (days / HALF).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return max(HALF, quantize(halves * HALF))


def compute_audit_time(config: PlanConfig, personnel: int | None) -> AuditTime:
    """Audit days of the initial audit, its stages, surveillance and recertification."""
    settings = config.audit_time
    count = personnel if personnel is not None else settings.default_personnel
    rows = config.table.rows
    initial = next((row.days for row in rows if count <= row.up_to), rows[-1].days)
    stage1 = round_half_day(initial * settings.stage1_share)
    stage1 = min(stage1, initial - HALF) if initial > HALF else initial
    return AuditTime(
        table=config.table.name,
        table_title=config.table.title,
        personnel=count,
        personnel_given=personnel is not None,
        initial=initial,
        stage1=stage1,
        stage2=max(HALF, initial - stage1),
        surveillance=round_half_day(initial * settings.surveillance_share),
        recertification=(
            round_half_day(initial * settings.recertification_share)
            if settings.include_recertification
            else None
        ),
    )


def beyond_table(config: PlanConfig, personnel: int) -> bool:
    """Whether ``personnel`` is above the last row of the audit-time table."""
    return personnel > config.table.rows[-1].up_to


def cost_plan(
    config: PlanConfig,
    roles: Mapping[str, RoleConfig],
    tasks: list[Task],
    audit: AuditTime,
    participants: int,
    phase_names: Mapping[PhaseId, LocalText],
) -> Costs:
    """Every cost line of the plan and the totals built from them."""
    costs = config.costs
    lines: list[CostLine] = []
    for role_id, rate in costs.rates.items():
        unit = AUDIT_DAY if role_id == config.audit_time.auditor_role else PERSON_DAY
        for (phase, label), days in _effort_by_group(tasks, {role_id}, phase_names).items():
            item = _join(roles[role_id].name, label)
            lines.append(_line(rate.part, phase, item, days, unit, rate.day_rate))
    auditor_rate = costs.rates.get(config.audit_time.auditor_role)
    if audit.recertification is not None and auditor_rate is not None:
        item = LocalText(en="Recertification audit (year 3)", zh="再认证审核（第三年）")
        lines.append(
            _line(
                auditor_rate.part,
                PhaseId.SURVEILLANCE,
                item,
                audit.recertification,
                AUDIT_DAY,
                auditor_rate.day_rate,
            )
        )
    lines += [_item(CostPart.CERTIFICATION, item) for item in costs.certification_fees]
    rounds = config.phases.training.rounds
    item = LocalText(
        en=f"Course material and assessment, {rounds} rounds × {participants} participants",
        zh=f"课程资料与考核：{rounds}轮 × {participants}人",
    )
    lines.append(
        _line(
            CostPart.TRAINING,
            PhaseId.TRAINING,
            item,
            Decimal(rounds * participants),
            PARTICIPANT,
            costs.training_per_participant,
        )
    )
    lines += [_item(CostPart.MATERIAL, item) for item in costs.material]
    lines += [_item(CostPart.TOOLS, item) for item in costs.tools]
    internal = {r for r, role in roles.items() if not role.external and r not in costs.rates}
    if costs.internal_day_rate > 0:
        label = LocalText(en="Internal staff time", zh="内部人员工时")
        for (phase, group), days in _effort_by_group(tasks, internal, phase_names).items():
            lines.append(
                _line(
                    CostPart.INTERNAL,
                    phase,
                    _join(label, group),
                    days,
                    PERSON_DAY,
                    costs.internal_day_rate,
                )
            )
    lines = [line for line in lines if line.amount > 0]
    return _totals(config, lines, audit)


def _totals(config: PlanConfig, lines: list[CostLine], audit: AuditTime) -> Costs:
    costs = config.costs
    parts: list[CostPart] = [part for part in CostPart if part is not CostPart.INTERNAL]
    if costs.internal_day_rate > 0:
        parts.append(CostPart.INTERNAL)
    by_part = {part: _sum(line.amount for line in lines if line.part is part) for part in parts}
    by_phase = {
        phase: _sum(line.amount for line in lines if line.phase is phase) for phase in PhaseId
    }
    subtotal = _sum(line.amount for line in lines)
    contingency = quantize(subtotal * costs.contingency_percent / 100)
    return Costs(
        currency=costs.currency,
        lines=lines,
        parts={part: quantize(amount) for part, amount in by_part.items()},
        phases={phase: quantize(amount) for phase, amount in by_phase.items()},
        subtotal=quantize(subtotal),
        contingency_percent=costs.contingency_percent,
        contingency=contingency,
        total=quantize(subtotal + contingency),
        audit_time=audit,
    )


def _sum(amounts: Iterable[Decimal]) -> Decimal:
    return sum(amounts, Decimal(0))


def _effort_by_group(
    tasks: list[Task], roles: set[str], names: Mapping[PhaseId, LocalText]
) -> dict[tuple[PhaseId, LocalText], Decimal]:
    """Effort of ``roles`` per phase; surveillance per audit (year 2, year 3…)."""
    groups: dict[tuple[PhaseId, LocalText], Decimal] = {}
    for phase in PhaseId:
        for task in tasks:
            if task.phase is not phase:
                continue
            days = sum((d for r, d in task.effort.items() if r in roles), Decimal(0))
            if days <= 0:
                continue
            label = names[phase]
            if phase is PhaseId.SURVEILLANCE and task.id.startswith("SURV."):
                number = task.id.split(".")[1]
                label = LocalText(en=f"Surveillance audit {number}", zh=f"第{number}次监督审核")
            key = (phase, label)
            groups[key] = groups.get(key, Decimal(0)) + days
    return groups


def _join(first: LocalText, second: LocalText) -> LocalText:
    return LocalText(en=f"{first.en}: {second.en}", zh=f"{first.zh}：{second.zh}")


def _line(
    part: CostPart,
    phase: PhaseId,
    item: LocalText,
    quantity: Decimal,
    unit: LocalText,
    rate: Decimal,
) -> CostLine:
    quantity = quantize(quantity)
    return CostLine(
        part=part,
        phase=phase,
        item=item,
        quantity=quantity,
        unit=unit,
        rate=rate,
        amount=quantize(quantity * rate),
    )


def _item(part: CostPart, item: CostItem) -> CostLine:
    return _line(part, item.phase, item.item, item.quantity, item.unit, item.rate)
