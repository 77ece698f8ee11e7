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
    AppliedAdjustment,
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
YEAR = LocalText(en="year", zh="年")


def round_half_day(days: Decimal) -> Decimal:
    """Audit time rounded to the nearest half day (halves up), at least half a day."""
    halves = (days / HALF).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return max(HALF, quantize(halves * HALF))


def compute_audit_time(config: PlanConfig, personnel: int | None) -> AuditTime:
    """Audit days of the initial audit, its stages, surveillance and recertification.

    The table's days for the head count are adjusted by the configured factors (their
    reductions together capped at ``max_reduction_percent``), then reduced for a combined audit
    when the client holds a certificate of another system (IAF MD 11), and rounded to half days.
    Surveillance and recertification are shares of that initial audit time.
    """
    settings = config.audit_time
    count = personnel if personnel is not None else settings.default_personnel
    rows = config.table.rows
    table_days = next((row.days for row in rows if count <= row.up_to), rows[-1].days)
    increase = sum((a.percent for a in settings.adjustments if a.percent > 0), Decimal(0))
    reduction = -sum((a.percent for a in settings.adjustments if a.percent < 0), Decimal(0))
    applied = min(reduction, settings.max_reduction_percent)
    net = increase - applied
    combined = settings.combined_reduction_percent if settings.certificates_held else Decimal(0)
    initial = round_half_day(table_days * (100 + net) / 100 * (100 - combined) / 100)
    stage1 = round_half_day(initial * settings.stage1_share)
    stage1 = min(stage1, initial - HALF) if initial > HALF else initial
    return AuditTime(
        table=config.table.name,
        table_title=config.table.title,
        proxy=config.table.proxy,
        personnel=count,
        personnel_given=personnel is not None,
        table_days=table_days,
        adjustments=[
            AppliedAdjustment(name=a.name, percent=a.percent) for a in settings.adjustments
        ],
        adjustment_percent=quantize(net),
        reduction_capped=reduction > settings.max_reduction_percent,
        combined_with=list(settings.certificates_held),
        combined_percent=quantize(combined),
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
    """Every cost line of the plan and the totals built from them.

    Audit days of surveillance (and recertification) are left out when the configured fee
    covers them; the audit team's travel is costed per audit day of every audit; the annual
    certificate fee once per year of the certificate (at the decision, then at each
    surveillance audit).
    """
    recertification = LocalText(en="Recertification audit (year 3)", zh="再认证审核（第三年）")
    costs = config.costs
    lines = _bought_days(config, roles, tasks, audit, phase_names, recertification)
    lines += [_item(CostPart.CERTIFICATION, item) for item in costs.certification_fees]
    lines += _travel(config, tasks, audit, phase_names, recertification)
    lines += _annual_fees(config)
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
    lines += _internal_time(config, roles, tasks, phase_names)
    lines = [line for line in lines if line.amount > 0]
    return _totals(config, lines, audit)


def _bought_days(
    config: PlanConfig,
    roles: Mapping[str, RoleConfig],
    tasks: list[Task],
    audit: AuditTime,
    phase_names: Mapping[PhaseId, LocalText],
    recertification: LocalText,
) -> list[CostLine]:
    """Days of the roles with a day rate (consultants, trainers, auditors) by phase; the
    auditors' surveillance and recertification days unless the fee covers them."""
    costs = config.costs
    auditor = config.audit_time.auditor_role
    covers = costs.fee_covers
    lines: list[CostLine] = []
    for role_id, rate in costs.rates.items():
        unit = AUDIT_DAY if role_id == auditor else PERSON_DAY
        for (phase, label), days in _effort_by_group(tasks, {role_id}, phase_names).items():
            if role_id == auditor and phase is PhaseId.SURVEILLANCE and covers.surveillance:
                continue
            item = _join(roles[role_id].name, label)
            lines.append(_line(rate.part, phase, item, days, unit, rate.day_rate, role_id))
    auditor_rate = costs.rates.get(auditor)
    if (
        audit.recertification is not None
        and auditor_rate is not None
        and not covers.recertification
    ):
        lines.append(
            _line(
                auditor_rate.part,
                PhaseId.SURVEILLANCE,
                recertification,
                audit.recertification,
                AUDIT_DAY,
                auditor_rate.day_rate,
            )
        )
    return lines


def _internal_time(
    config: PlanConfig,
    roles: Mapping[str, RoleConfig],
    tasks: list[Task],
    phase_names: Mapping[PhaseId, LocalText],
) -> list[CostLine]:
    """The client's own staff time by role and phase, when an internal day rate is set."""
    costs = config.costs
    if costs.internal_day_rate <= 0:
        return []
    internal = {r for r, role in roles.items() if not role.external and r not in costs.rates}
    label = LocalText(en="Internal staff time", zh="内部人员工时")
    lines: list[CostLine] = []
    for role_id in sorted(internal, key=list(roles).index):
        for (phase, group), days in _effort_by_group(tasks, {role_id}, phase_names).items():
            lines.append(
                _line(
                    CostPart.INTERNAL,
                    phase,
                    _join(_join(label, roles[role_id].name), group),
                    days,
                    PERSON_DAY,
                    costs.internal_day_rate,
                    role_id,
                )
            )
    return lines


def _travel(
    config: PlanConfig,
    tasks: list[Task],
    audit: AuditTime,
    names: Mapping[PhaseId, LocalText],
    recertification: LocalText,
) -> list[CostLine]:
    """The audit team's travel and lodging: one line per audit, per audit day."""
    rate = config.costs.travel_per_audit_day
    if rate <= 0:
        return []
    label = LocalText(en="Audit team travel and lodging", zh="审核组差旅与食宿")
    auditor = {config.audit_time.auditor_role}
    lines = [
        _line(CostPart.CERTIFICATION, phase, _join(label, group), days, AUDIT_DAY, rate)
        for (phase, group), days in _effort_by_group(tasks, auditor, names).items()
    ]
    if audit.recertification is not None:
        item = _join(label, recertification)
        lines.append(
            _line(
                CostPart.CERTIFICATION,
                PhaseId.SURVEILLANCE,
                item,
                audit.recertification,
                AUDIT_DAY,
                rate,
            )
        )
    return lines


def _annual_fees(config: PlanConfig) -> list[CostLine]:
    """The annual certificate fee: year 1 at the decision, one more per surveillance audit."""
    rate = config.costs.annual_fee
    if rate <= 0:
        return []
    lines = []
    for year in range(1, len(config.phases.surveillance.months) + 2):
        item = LocalText(en=f"Annual certificate fee: year {year}", zh=f"证书年费：第{year}年")
        phase = PhaseId.STAGE2 if year == 1 else PhaseId.SURVEILLANCE
        lines.append(_line(CostPart.CERTIFICATION, phase, item, Decimal(1), YEAR, rate))
    return lines


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
        fee_covers_surveillance=costs.fee_covers.surveillance,
        fee_covers_recertification=costs.fee_covers.recertification,
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
    role: str | None = None,
) -> CostLine:
    quantity = quantize(quantity)
    return CostLine(
        part=part,
        phase=phase,
        role=role,
        item=item,
        quantity=quantity,
        unit=unit,
        rate=rate,
        amount=quantize(quantity * rate),
    )


def _item(part: CostPart, item: CostItem) -> CostLine:
    return _line(part, item.phase, item.item, item.quantity, item.unit, item.rate)
