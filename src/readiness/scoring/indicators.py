"""Indicator rules over the client's figures (emergency changes, audits held, ...).

A rule's basis decides what it gives: a requirement rule that fires, a finding of its class; a
good-practice rule, an observation at most (listed apart); a readiness precondition (what a
certification body expects before stage 2, not a clause), a precondition met or not met.
Absence of evidence is not conformity: a requirement rule or precondition whose figure was
left empty is "not evidenced".
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass, field

from readiness.models.assessment import (
    CheckStatus,
    Finding,
    FindingSource,
    IndicatorResult,
    NotEvidenced,
    PreconditionResult,
)
from readiness.models.catalogue import Catalogue
from readiness.models.common import Basis, FindingClass, LocalText
from readiness.models.questionnaire import Condition, IndicatorRule, Questionnaire
from readiness.scoring.messages import text

OPERATORS: dict[str, Callable[[float, float], bool]] = {
    "lt": operator.lt,
    "le": operator.le,
    "gt": operator.gt,
    "ge": operator.ge,
    "eq": operator.eq,
    "ne": operator.ne,
}


def holds(condition: Condition, value: float | bool) -> bool:
    """Whether ``value op condition.value`` holds; a yes/no is only compared for (in)equality."""
    if isinstance(condition.value, bool) != isinstance(value, bool):
        return False
    return OPERATORS[condition.op](value, condition.value)


@dataclass
class IndicatorOutcome:
    """Everything the rules gave, by what it becomes (one "not evidenced" per empty figure)."""

    results: list[IndicatorResult] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    practice: list[Finding] = field(default_factory=list)
    preconditions: list[PreconditionResult] = field(default_factory=list)
    not_evidenced: list[NotEvidenced] = field(default_factory=list)


def check_indicators(
    questionnaire: Questionnaire,
    catalogue: Catalogue,
    figures: dict[str, float | bool | None],
) -> IndicatorOutcome:
    """Every rule's outcome, and what each rule that fires (or cannot be checked) gives."""
    outcome = IndicatorOutcome()
    for rule in questionnaire.rules:
        value = figures.get(rule.figure)
        fired = value is not None and all(holds(c, value) for c in rule.when)
        outcome.results.append(
            IndicatorResult(
                rule=rule.id,
                figure=rule.figure,
                value=value,
                evaluated=value is not None,
                fired=fired,
            )
        )
        if rule.basis is Basis.PRECONDITION:
            outcome.preconditions.append(_precondition(rule, questionnaire, value, fired))
        elif value is None and rule.basis is Basis.REQUIREMENT:
            if all(n.figure != rule.figure for n in outcome.not_evidenced):
                outcome.not_evidenced.append(_not_evidenced(rule, questionnaire))
        elif fired and rule.basis is Basis.PRACTICE:
            outcome.practice.append(_finding(rule, questionnaire, catalogue, practice=True))
        elif fired:
            outcome.findings.append(_finding(rule, questionnaire, catalogue, practice=False))
    return outcome


def _finding(
    rule: IndicatorRule, questionnaire: Questionnaire, catalogue: Catalogue, *, practice: bool
) -> Finding:
    first = catalogue.requirement(rule.requirements[0])
    return Finding(
        id=rule.id,
        source=FindingSource.PRACTICE if practice else FindingSource.INDICATOR,
        finding=FindingClass.OBSERVATION if practice else rule.finding,
        area=questionnaire.figure(rule.figure).area,
        clause=first.clause,
        requirements=list(rule.requirements),
        reason=rule.message,
        recommendation=rule.recommendation,
    )


def _precondition(
    rule: IndicatorRule, questionnaire: Questionnaire, value: float | bool | None, fired: bool
) -> PreconditionResult:
    if value is None:
        status = CheckStatus.NOT_EVIDENCED
        reason = _missing_text(rule, questionnaire)
    else:
        status = CheckStatus.NOT_MET if fired else CheckStatus.MET
        reason = rule.message if fired else _met_text(rule, questionnaire, value)
    return PreconditionResult(
        rule=rule.id,
        figure=rule.figure,
        status=status,
        requirements=list(rule.requirements),
        reason=reason,
        recommendation=rule.recommendation,
    )


def _not_evidenced(rule: IndicatorRule, questionnaire: Questionnaire) -> NotEvidenced:
    return NotEvidenced(
        rule=rule.id,
        figure=rule.figure,
        area=questionnaire.figure(rule.figure).area,
        requirements=list(rule.requirements),
        reason=_missing_text(rule, questionnaire),
    )


def _met_text(rule: IndicatorRule, questionnaire: Questionnaire, value: float | bool) -> LocalText:
    """A met precondition says what was found, not the message written for a failure."""
    figure = questionnaire.figure(rule.figure)
    if isinstance(value, bool):
        shown_en, shown_zh = ("yes", "是") if value else ("no", "否")
    else:
        shown_en = shown_zh = f"{value:g}"
    return text(f"{figure.text.en}: {shown_en}.", f"{figure.text.zh}：{shown_zh}。")


def _missing_text(rule: IndicatorRule, questionnaire: Questionnaire) -> LocalText:
    figure = questionnaire.figure(rule.figure)
    return text(
        f"Not evidenced: the figure “{figure.text.en}” was left empty, so rule {rule.id} "
        "cannot be checked; no evidence is not conformity.",
        f"未提供证据：数据“{figure.text.zh}”未填写，规则 {rule.id} 无法核查；没有证据不等于符合。",
    )
