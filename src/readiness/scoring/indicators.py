"""Indicator rules over the client's figures (emergency changes, audits held, ...)."""

from __future__ import annotations

import operator
from collections.abc import Callable

from readiness.models.assessment import Finding, FindingSource, IndicatorResult
from readiness.models.catalogue import Catalogue
from readiness.models.questionnaire import Condition, IndicatorRule, Questionnaire

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


def check_indicators(
    questionnaire: Questionnaire,
    catalogue: Catalogue,
    figures: dict[str, float | bool | None],
) -> tuple[list[IndicatorResult], list[Finding]]:
    """Every rule's outcome, and a finding for each rule that fires."""
    results: list[IndicatorResult] = []
    findings: list[Finding] = []
    for rule in questionnaire.rules:
        value = figures.get(rule.figure)
        fired = value is not None and all(holds(c, value) for c in rule.when)
        results.append(
            IndicatorResult(
                rule=rule.id,
                figure=rule.figure,
                value=value,
                evaluated=value is not None,
                fired=fired,
            )
        )
        if fired:
            findings.append(_finding(rule, questionnaire, catalogue))
    return results, findings


def _finding(rule: IndicatorRule, questionnaire: Questionnaire, catalogue: Catalogue) -> Finding:
    first = catalogue.requirement(rule.requirements[0])
    return Finding(
        id=rule.id,
        source=FindingSource.INDICATOR,
        finding=rule.finding,
        area=questionnaire.figure(rule.figure).area,
        clause=first.clause,
        requirements=list(rule.requirements),
        reason=rule.message,
        recommendation=rule.recommendation,
    )
