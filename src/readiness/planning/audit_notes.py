"""What the plan says about audit time and the certification fee, in every output.

The audit-time table may be a proxy (ISO/IEC 20000-6 gives certification bodies their own
table, which is not public); the plan names the table, its adjustments and the combined-audit
reduction, and what the quoted fee covers, as messages that every format shows.
"""

from __future__ import annotations

from decimal import Decimal

from readiness.models.common import LocalText
from readiness.models.plan import AuditTime, Message, PlanConfig

CERTIFICATES = {"iso27001": "ISO/IEC 27001", "iso9001": "ISO 9001"}


def _days(value: Decimal) -> str:
    """Audit days as people write them: 11, 3.5."""
    return f"{value.normalize():f}"


def _percent(value: Decimal) -> str:
    """A signed percentage: −20 %, +10 %."""
    text = f"{abs(value).normalize():f}"
    return f"−{text} %" if value < 0 else f"+{text} %"


def audit_messages(config: PlanConfig, audit: AuditTime) -> list[Message]:
    """The audit-time basis (a proxy or the body's table) and what the fee covers."""
    return [_basis(config, audit), _fee(config, audit)]


def _basis(config: PlanConfig, audit: AuditTime) -> Message:
    stages = (
        f"{_days(audit.initial)} audit days (stage 1 {_days(audit.stage1)}, stage 2 "
        f"{_days(audit.stage2)}; each surveillance audit {_days(audit.surveillance)})"
    )
    stages_zh = (
        f"{_days(audit.initial)}个审核人日（第一阶段{_days(audit.stage1)}，第二阶段"
        f"{_days(audit.stage2)}；每次监督审核{_days(audit.surveillance)}）"
    )
    en = f"Audit time: {stages} for {audit.personnel} people in scope"
    zh = f"审核时间：范围内{audit.personnel}人，{stages_zh}"
    title = config.table.title
    en += f", from the {title.en}."
    zh += f"，依据{title.zh}。"
    if audit.proxy:
        en += " ISO/IEC 20000-6's own table is not public."
        zh += "ISO/IEC 20000-6 的审核时间表未公开。"
    steps_en, steps_zh = [], []
    if audit.adjustments:
        capped_en = (
            f" (reductions capped at {_days(config.audit_time.max_reduction_percent)} %)"
            if audit.reduction_capped
            else ""
        )
        capped_zh = (
            f"（减少合计以{_days(config.audit_time.max_reduction_percent)} %为限）"
            if audit.reduction_capped
            else ""
        )
        listed_en = ", ".join(f"{a.name.en} {_percent(a.percent)}" for a in audit.adjustments)
        listed_zh = "、".join(f"{a.name.zh}{_percent(a.percent)}" for a in audit.adjustments)
        steps_en.append(f"adjusted by {_percent(audit.adjustment_percent)}{capped_en}: {listed_en}")
        steps_zh.append(f"调整{_percent(audit.adjustment_percent)}{capped_zh}：{listed_zh}")
    if audit.combined_with:
        names = " and ".join(CERTIFICATES[c] for c in audit.combined_with)
        names_zh = "和".join(CERTIFICATES[c] for c in audit.combined_with)
        reduction = _percent(-audit.combined_percent)
        steps_en.append(f"{reduction} for a combined audit with {names} (IAF MD 11)")
        steps_zh.append(f"与已获证的{names_zh}体系结合审核{reduction}（IAF MD 11）")
    if steps_en:
        en += f" Table time {_days(audit.table_days)} days, " + "; ".join(steps_en) + "."
        zh += f"表中时间{_days(audit.table_days)}人日，" + "；".join(steps_zh) + "。"
    return Message(code="audit-time", text=LocalText(en=en, zh=zh))


def _fee(config: PlanConfig, audit: AuditTime) -> Message:
    covers = config.costs.fee_covers
    if covers.surveillance:
        en = "The certification fee as quoted covers the surveillance audits (not costed apart)"
        zh = "认证费报价已包含监督审核（不单列费用）"
    else:
        en = "The certification fee as quoted does not cover the surveillance audits (costed apart)"
        zh = "认证费报价不含监督审核（单列费用）"
    if covers.recertification:
        en += "; it covers the recertification audit too."
        zh += "；也包含再认证审核。"
    elif audit.recertification is not None:
        en += "; nor the recertification audit of year 3 (costed apart)."
        zh += "；也不含第三年的再认证审核（单列费用）。"
    else:
        en += "; the recertification audit of year 3 is not costed in this plan."
        zh += "；本计划未计入第三年的再认证审核费用。"
    en += " Ask the certification body what its fee includes."
    zh += "请向认证机构确认费用所含内容。"
    return Message(code="certification-fee", text=LocalText(en=en, zh=zh))
