"""The plan of a client that holds an ISO/IEC 27001 or ISO 9001 certificate, as the plan data
says (``reuse`` in ``plans/plan.yaml``): the documents, records and tools of the requirements
that system shares with ISO/IEC 20000-1 are extended, not built from nothing (their effort is
multiplied by ``reuse.build_factor``), and with ``reuse.combined_audit`` the certification body
audits both systems together (the combined-audit reduction of ``audit_time``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from readiness.models.answers import STANDARD_NAMES
from readiness.models.assessment import Assessment
from readiness.models.common import LocalText
from readiness.models.plan import Action, Kind, Message, PlanConfig
from readiness.planning.backlog import quantize, scale_effort

BUILT = (Kind.POLICY, Kind.PROCEDURE, Kind.RECORD, Kind.TOOL)
"""Deliverables of the system-build phase; training and practice are not shortened."""


def combined_config(config: PlanConfig, assessment: Assessment) -> PlanConfig:
    """``config`` with the client's certificates held for a combined audit, if it says so."""
    held = [s for s in assessment.client.holds() if s not in config.audit_time.certificates_held]
    if not config.reuse.combined_audit or not held:
        return config
    audit = config.audit_time.model_copy(
        update={"certificates_held": [*config.audit_time.certificates_held, *held]}
    )
    return config.model_copy(update={"audit_time": audit})


def build_factors(
    config: PlanConfig, assessment: Assessment, shared: Mapping[str, Sequence[str]]
) -> dict[str, Decimal]:
    """Per requirement shared with a standard the client holds, the factor on its build effort
    (the smallest of the standards held that share it)."""
    held = assessment.client.holds()
    factors: dict[str, Decimal] = {}
    for requirement, standards in shared.items():
        found = [
            config.reuse.build_factor[s]
            for s in standards
            if s in held and s in config.reuse.build_factor
        ]
        if found:
            factors[requirement] = min(found)
    return factors


def reused(actions: list[Action], factors: Mapping[str, Decimal]) -> list[Action]:
    """Build actions whose every requirement is shared get the factor (the largest of theirs)."""
    result = []
    for action in actions:
        if (
            action.kind in BUILT
            and action.requirements
            and all(r in factors for r in action.requirements)
        ):
            factor = max(factors[r] for r in action.requirements)
            effort = scale_effort(action.effort, dict.fromkeys(action.effort, factor))
            total = quantize(sum(effort.values(), Decimal(0)))
            action = action.model_copy(update={"effort": effort, "total_effort": total})
        result.append(action)
    return result


def reuse_message(assessment: Assessment, factors: Mapping[str, Decimal], count: int) -> Message:
    """What the plan took from the certified system, for every output of the plan."""
    names = ", ".join(STANDARD_NAMES[s] for s in assessment.client.holds())
    low = min(factors.values()) if factors else Decimal(1)
    return Message(
        code="reuse",
        text=LocalText(
            en=(
                f"The client holds {names}: {count} build actions on requirements that system "
                f"shares (harmonized structure) are planned at {low:g} of their effort or more, "
                "extending its documents and records rather than writing new ones."
            ),
            zh=(
                f"客户已持有 {names} 认证：涉及与该体系共有要求（协调结构）的 {count} 项体系建立工作，"
                f"按原工作量的 {low:g} 倍起计划，在其现有文件和记录基础上扩展，而非重新编写。"
            ),
        ),
    )
