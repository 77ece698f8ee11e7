"""Compare two assessments of one client (pure: no printing, no clock)."""

from __future__ import annotations

from readiness.errors import InputError, Problem, UsageError
from readiness.models.assessment import (
    AreaResult,
    Assessment,
    Blocker,
    CheckStatus,
    Finding,
    PreconditionResult,
    ScoreGroup,
)
from readiness.models.common import SEVERITY, FindingClass
from readiness.models.comparison import (
    Comparison,
    FindingChange,
    Movement,
    PreconditionChange,
    ScoreChange,
    Side,
)
from readiness.models.method import across_methods_message, same_method
from readiness.version import __version__

COUNTED = (FindingClass.MAJOR, FindingClass.MINOR, FindingClass.OBSERVATION)


def compare(
    old: Assessment,
    new: Assessment,
    *,
    force: bool = False,
    names: tuple[str, str] = ("", ""),
    across_methods: bool = False,
) -> Comparison:
    """What moved from ``old`` to ``new``.

    Refuses two different clients (an :class:`InputError` naming both) unless ``force``, and
    two assessments made with different methods (a :class:`UsageError`) unless
    ``across_methods``. ``names`` are the files the two came from, for those messages.
    """
    if not across_methods and not same_method(old.source.method, new.source.method):
        message = across_methods_message(old.source.method, new.source.method)
        where = " and ".join(n for n in names if n) or "compare"
        raise UsageError(f"{where}: the earlier assessment was {message}")
    same_client = _normalised(old.client.name) == _normalised(new.client.name)
    if not same_client and not force:
        message = (
            f"these are two different clients ('{old.client.name}' and '{new.client.name}'); "
            "add --force to compare them anyway"
        )
        raise InputError(" and ".join(n for n in names if n) or "compare", [Problem("", message)])
    findings, unchanged = _findings(old.findings, new.findings)
    areas = _areas(old.areas, new.areas)
    overall = _change(old.overall, new.overall)
    old_questions, new_questions = _questions(old), _questions(new)
    regressions = []
    if overall.delta is not None and overall.delta < 0:
        regressions.append("overall")
    regressions += [f"area {a.id}" for a in areas if a.delta is not None and a.delta < 0]
    regressions += [
        f"finding {f.id}" for f in findings if f.movement in (Movement.NEW, Movement.WORSE)
    ]
    preconditions = _preconditions(old.preconditions, new.preconditions)
    regressions += [
        f"precondition {p.rule}"
        for p in preconditions
        if p.new is CheckStatus.NOT_MET and p.old is not CheckStatus.NOT_MET
    ]
    old_blocked = {b.requirement: b for b in old.blockers}
    new_blocked = {b.requirement: b for b in new.blockers}
    return Comparison(
        tool_version=__version__,
        old=_side(old),
        new=_side(new),
        forced=not same_client,
        overall=overall,
        parts=_groups(old.parts, new.parts),
        areas=areas,
        findings=findings,
        unchanged=unchanged,
        blockers_closed=[b for r, b in old_blocked.items() if r not in new_blocked],
        blockers_new=[b for r, b in new_blocked.items() if r not in old_blocked],
        blockers_remaining=[b for r, b in new_blocked.items() if r in old_blocked],
        preconditions=preconditions,
        questions_added=sorted(new_questions - old_questions),
        questions_removed=sorted(old_questions - new_questions),
        regressions=regressions,
    )


def _normalised(name: str) -> str:
    return " ".join(name.casefold().split())


def _side(assessment: Assessment) -> Side:
    total = assessment.counts.total  # the one count every output shows
    counts = {c.value: getattr(total, c.value) for c in COUNTED}
    return Side(
        assessed_on=assessment.assessed_on,
        client=assessment.client.name,
        questionnaire_version=assessment.source.questionnaire_version,
        catalogue_version=assessment.source.catalogue_version,
        verdict=assessment.verdict.verdict,
        verdict_reasons=[reason.text for reason in assessment.verdict.reasons],
        counts=counts,
        blockers=len(assessment.blockers),
    )


def _delta(old: float | None, new: float | None) -> float | None:
    return None if old is None or new is None else round(new - old, 1)


def _change(old: ScoreGroup | None, new: ScoreGroup | None) -> ScoreChange:
    group = new or old
    assert group is not None
    before = old.score if old else None
    after = new.score if new else None
    return ScoreChange(id=group.id, old=before, new=after, delta=_delta(before, after))


def _groups(old: list[ScoreGroup], new: list[ScoreGroup]) -> list[ScoreChange]:
    before = {g.id: g for g in old}
    after = {g.id: g for g in new}
    order = [g.id for g in new] + [g.id for g in old if g.id not in after]
    return [_change(before.get(key), after.get(key)) for key in order]


def _areas(old: list[AreaResult], new: list[AreaResult]) -> list[ScoreChange]:
    before = {a.id: a for a in old}
    after = {a.id: a for a in new}
    changes = []
    for change in _groups(list(old), list(new)):
        then, now = before.get(change.id), after.get(change.id)
        changes.append(
            change.model_copy(
                update={
                    "old_level": then.capability.level if then and then.capability else None,
                    "new_level": now.capability.level if now and now.capability else None,
                }
            )
        )
    return changes


def _findings(old: list[Finding], new: list[Finding]) -> tuple[list[FindingChange], int]:
    """Every finding that closed, appeared, got worse or better; and how many stayed."""
    before = {f.id: f for f in old if f.finding in COUNTED}
    after = {f.id: f for f in new if f.finding in COUNTED}
    changes: list[FindingChange] = []
    unchanged = 0
    keys = dict.fromkeys([*after, *before])  # newer order first, then what only the old had
    for key in keys:
        then, now = before.get(key), after.get(key)
        if then is not None and now is not None and then.finding == now.finding:
            unchanged += 1
            continue
        movement = _movement(then, now)
        shown = now or then
        assert shown is not None
        changes.append(
            FindingChange(
                id=key,
                source=shown.source,
                area=shown.area,
                clause=shown.clause,
                old=then.finding if then else None,
                new=now.finding if now else None,
                movement=movement,
                reason=shown.reason,
                recommendation=shown.recommendation,
            )
        )
    order = {
        m: i for i, m in enumerate((Movement.WORSE, Movement.NEW, Movement.BETTER, Movement.CLOSED))
    }
    changes.sort(
        key=lambda c: (order[c.movement], -SEVERITY[c.new or c.old or FindingClass.MAJOR], c.id)
    )
    return changes, unchanged


def _preconditions(
    old: list[PreconditionResult], new: list[PreconditionResult]
) -> list[PreconditionChange]:
    """Each precondition of either side, in the newer order, then what only the old had."""
    before = {p.rule: p for p in old}
    after = {p.rule: p for p in new}
    changes = []
    for rule in dict.fromkeys([*after, *before]):
        then, now = before.get(rule), after.get(rule)
        shown = now or then
        assert shown is not None
        changes.append(
            PreconditionChange(
                rule=rule,
                old=then.status if then else None,
                new=now.status if now else None,
                reason=shown.reason,
            )
        )
    return changes


def _movement(then: Finding | None, now: Finding | None) -> Movement:
    if then is None:
        return Movement.NEW
    if now is None:
        return Movement.CLOSED
    return Movement.WORSE if SEVERITY[now.finding] > SEVERITY[then.finding] else Movement.BETTER


def _questions(assessment: Assessment) -> set[str]:
    """The questions of the questionnaire an assessment was made with."""
    return {c.question for r in assessment.requirements for c in r.contributions}


def blockers_of(comparison: Comparison) -> list[Blocker]:
    """Blockers still open after the newer assessment."""
    return [*comparison.blockers_remaining, *comparison.blockers_new]
