"""The task network of a certification project: phases, work packages and milestones.

Which tasks exist and how they follow each other is fixed here, in the order of domain.md §4;
how big they are (efforts, months, weeks, overlaps) comes from ``plans/plan.yaml`` and the
backlog. Every dependency is finish-to-start.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from decimal import Decimal

from readiness.models.common import LocalText
from readiness.models.plan import (
    ActivityConfig,
    AuditTime,
    Kind,
    PhaseConfig,
    PhaseId,
    PlanConfig,
    ScenarioConfig,
    WorkPackage,
)
from readiness.planning.backlog import (
    TIERS,
    Backlog,
    add_effort,
    package_id,
    quantize,
    scale_effort,
)
from readiness.planning.schedule import TaskSpec, Team

HOURS_PER_DAY = 8
WORKING_DAYS_PER_MONTH = 21
"""Used only to judge how many months the trial run's practice effort needs."""

BUILD_GROUP = "build"

TIER_NAMES = {
    1: LocalText(en="tier 1 policy and plans", zh="一级文件：方针与计划"),
    2: LocalText(en="tier 2 procedures", zh="二级文件：程序"),
    3: LocalText(en="tier 3 records, forms and tools", zh="三级文件：记录、表单与工具"),
}
MILESTONES = {
    "M.GAP": LocalText(en="Gap report accepted", zh="差距分析报告确认"),
    "M.DOCS": LocalText(en="Documents released", zh="体系文件发布"),
    "M.TRIAL": LocalText(en="Trial run complete", zh="试运行完成"),
    "M.IA": LocalText(en="Internal audit complete", zh="内部审核完成"),
    "M.MR": LocalText(en="Management review held", zh="管理评审完成"),
    "M.STAGE1": LocalText(en="Stage 1 passed", zh="第一阶段审核通过"),
    "M.CERT": LocalText(en="Stage 2 passed: certificate", zh="第二阶段审核通过：获得证书"),
}


def _text(en: str, zh: str) -> LocalText:
    return LocalText(en=en, zh=zh)


class _Network:
    def __init__(
        self, config: PlanConfig, scenario: ScenarioConfig, team: Team, backlog: Backlog
    ) -> None:
        self.config = config
        self.scenario = scenario
        self.team = team
        self.backlog = backlog
        self.specs: list[TaskSpec] = []
        self.actions = {action.id: action for action in backlog.actions}

    def add(self, spec: TaskSpec) -> str:
        self.specs.append(spec)
        return spec.id

    def milestone(
        self, task_id: str, phase: PhaseId, deps: Sequence[str], name: LocalText | None = None
    ) -> str:
        return self.add(
            TaskSpec(task_id, name or MILESTONES[task_id], phase, deps=list(deps), mode="milestone")
        )

    def effort(self, effort: Mapping[str, Decimal]) -> dict[str, Decimal]:
        return scale_effort(effort, self.scenario.effort_factor)

    def activities(
        self, phase: PhaseId, code: str, config: PhaseConfig, entry: Sequence[str]
    ) -> tuple[list[str], list[str]]:
        """Tasks of the phase's fixed activities: the ids of the first ones and the last ones."""
        items: list[ActivityConfig] = config.activities
        followed = {before for activity in items for before in activity.after}
        first, last = [], []
        for activity in items:
            task_id = f"{code}.{activity.id}"
            deps = [f"{code}.{before}" for before in activity.after] or list(entry)
            self.add(TaskSpec(task_id, activity.name, phase, self.effort(activity.effort), deps))
            if not activity.after:
                first.append(task_id)
            if activity.id not in followed:
                last.append(task_id)
        return first, last

    def work_packages(self, entry: str) -> tuple[list[str], dict[str, list[str]]]:
        """Build tasks of every work package, by tier; returns all ends and ends per package."""
        boost = self.config.schedule.weak_area_boost
        packages = sorted(self.backlog.work_packages, key=lambda p: p.priority)
        by_id = {package.id: package for package in packages}
        ends: dict[str, list[str]] = {}

        def end_of(package: WorkPackage) -> list[str]:
            if package.id not in ends:
                tiers = self._tiers(package)
                if tiers:
                    ends[package.id] = [f"{package.id}.T{max(tiers)}"]
                else:  # nothing to build: its successors wait for its predecessors
                    found = [e for p in package.depends_on for e in end_of(by_id[p])]
                    ends[package.id] = list(dict.fromkeys(found)) or [entry]
            return ends[package.id]

        for package in packages:
            tiers = self._tiers(package)
            deps = [entry] + [e for p in package.depends_on for e in end_of(by_id[p])]
            for tier, actions in sorted(tiers.items()):
                effort: dict[str, Decimal] = {}
                for action_id in actions:
                    add_effort(effort, self.actions[action_id].effort)
                name = _text(
                    f"{package.name.en}: {TIER_NAMES[tier].en}",
                    f"{package.name.zh}：{TIER_NAMES[tier].zh}",
                )
                task_id = self.add(
                    TaskSpec(
                        f"{package.id}.T{tier}",
                        name,
                        PhaseId.BUILD,
                        effort,
                        list(dict.fromkeys(deps)),
                        boost=boost if package.below_floor else 1.0,
                        group=BUILD_GROUP,
                        rank=(float(package.priority), float(tier)),
                        work_package=package.id,
                    )
                )
                deps = [task_id]
        for package in packages:
            end_of(package)
        return [e for p in packages for e in ends[p.id]], ends

    def _tiers(self, package: WorkPackage) -> dict[int, list[str]]:
        tiers: dict[int, list[str]] = {}
        for action_id in package.actions:
            tier = TIERS.get(self.actions[action_id].kind)
            if tier is not None:
                tiers.setdefault(tier, []).append(action_id)
        return tiers

    def audit(
        self,
        task_id: str,
        name: LocalText,
        phase: PhaseId,
        days: Decimal,
        attend: Mapping[str, Decimal],
        deps: list[str],
    ) -> str:
        """An audit: the auditors' days shared by the audit team; staff attend each day."""
        auditor = self.config.audit_time.auditor_role
        on_site = _audit_days(days, self.team, auditor)
        effort = {auditor: days}
        add_effort(effort, self.effort({role: share * on_site for role, share in attend.items()}))
        effort = {role: value for role, value in effort.items() if value > 0}
        return self.add(TaskSpec(task_id, name, phase, effort, deps, mode="days", days=on_site))

    def kind_effort(self, kind: Kind) -> dict[str, Decimal]:
        effort: dict[str, Decimal] = {}
        for action in self.backlog.actions:
            if action.kind is kind:
                add_effort(effort, action.effort)
        return effort


def build_network(
    config: PlanConfig,
    scenario: ScenarioConfig,
    team: Team,
    backlog: Backlog,
    audit: AuditTime,
) -> list[TaskSpec]:
    """Every task of the project, in definition order."""
    net = _Network(config, scenario, team, backlog)
    gap, docs, foundation = _build(net)
    runs, trial = _trial_run(net, docs)
    assessment = _training(net, docs, foundation, runs, audit.personnel)
    review, ready = _internal_audit_and_review(net, runs, trial, assessment)
    decision = _certification(net, audit, gap, trial, [review, *ready])
    _surveillance(net, audit, decision)
    return net.specs


def _build(net: _Network) -> tuple[str, str, list[str]]:
    """Preparation, gap analysis and the build: the gap and documents milestones, and the
    tasks that end the foundation areas (scope, policy, planning)."""
    phases, overlap, P = net.config.phases, net.scenario.overlap, PhaseId
    prep_first, prep_last = net.activities(P.PREPARATION, "PREP", phases.preparation, [])
    gap_entry = prep_first if overlap.gap_with_preparation else prep_last
    _, gap_last = net.activities(P.GAP_ANALYSIS, "GAP", phases.gap_analysis, gap_entry)
    gap = net.milestone("M.GAP", P.GAP_ANALYSIS, gap_last or prep_last)
    _, build_last = net.activities(P.BUILD, "BUILD", phases.build, [gap])
    package_ends, ends = net.work_packages(gap)
    docs = net.milestone("M.DOCS", P.BUILD, [*build_last, *package_ends] or [gap])
    foundation = [package_id(a) for a in net.config.dependencies.foundation]
    tier_one = [e for p in foundation if p in ends for e in ends[p]] + build_last
    return gap, docs, tier_one or [gap]


def _trial_run(net: _Network, docs: str) -> tuple[list[str], str]:
    """One task per month of records, carrying the practice actions' effort."""
    practice = net.kind_effort(Kind.PRACTICE)
    minimum = net.config.phases.implementation.min_months
    months = _trial_months(minimum, practice, net.team)
    shares = _split(practice, months)
    runs: list[str] = []
    for month in range(1, months + 1):
        name = _text(f"Trial run: month {month} of records", f"试运行：第{month}个月记录")
        spec = TaskSpec(
            f"RUN.{month}",
            name,
            PhaseId.IMPLEMENTATION,
            shares[month - 1],
            [runs[-1] if runs else docs],
            mode="calendar",
            months=1,
        )
        runs.append(net.add(spec))
    return runs, net.milestone("M.TRIAL", PhaseId.IMPLEMENTATION, [runs[-1]])


def _training(
    net: _Network, docs: str, foundation: list[str], runs: list[str], personnel: int
) -> str:
    """All-staff rounds (round k after k-1 months of records), then the key-role assessment.

    Each round carries the time of the ``personnel`` in scope who attend it.
    """
    training = net.config.phases.training
    entry = foundation if net.scenario.overlap.training_during_build else [docs]
    rounds: list[str] = []
    for number in range(1, training.rounds + 1):
        effort = net.effort(training.round_effort)
        if training.staff_role is not None and training.staff_hours > 0:
            # every person in scope attends: people × hours ÷ 8 hours a day
            hours = personnel * training.staff_hours
            add_effort(effort, {training.staff_role: quantize(hours / HOURS_PER_DAY)})
        if number == 1:
            add_effort(effort, net.kind_effort(Kind.TRAINING))
        deps = [rounds[-1], runs[min(number - 1, len(runs)) - 1]] if rounds else list(entry)
        name = _text(f"All-staff training, round {number}", f"全员培训：第{number}轮")
        rounds.append(net.add(TaskSpec(f"TRAIN.R{number}", name, PhaseId.TRAINING, effort, deps)))
    name = _text("Assessment of the key roles", "关键岗位考核")
    effort = net.effort(training.assessment_effort)
    return net.add(TaskSpec("TRAIN.ASSESS", name, PhaseId.TRAINING, effort, [rounds[-1]]))


def _internal_audit_and_review(
    net: _Network, runs: list[str], trial: str, assessment: str
) -> tuple[str, list[str]]:
    """The internal audit, corrections until stage 1, and the management review."""
    phases, P = net.config.phases, PhaseId
    # with an overlap, the audit starts after the first months of records (one at least)
    early = net.scenario.overlap.audit_in_trial_months
    entry = [runs[max(len(runs) - early, 1) - 1] if early else trial, assessment]
    _, audit_last = net.activities(P.INTERNAL_AUDIT, "IA", phases.internal_audit, entry)
    internal = net.milestone("M.IA", P.INTERNAL_AUDIT, audit_last or entry)
    ready = [internal]
    weeks = phases.internal_audit.weeks_before_stage1
    if weeks:
        name = _text("Corrections after the internal audit", "内审不符合项整改")
        effort = net.effort(phases.internal_audit.correction_effort)
        correct = TaskSpec(
            "IA.CORRECT", name, P.INTERNAL_AUDIT, effort, [internal], mode="calendar", weeks=weeks
        )
        ready = [net.add(correct)]
    review_phase = phases.management_review
    _, review_last = net.activities(P.MANAGEMENT_REVIEW, "MR", review_phase, [internal])
    return net.milestone("M.MR", P.MANAGEMENT_REVIEW, review_last or [internal]), ready


def _certification(net: _Network, audit: AuditTime, gap: str, trial: str, ready: list[str]) -> str:
    """Booking the body, stage 1, the correction window, stage 2 and the decision."""
    phases, scenario, P = net.config.phases, net.scenario, PhaseId
    _, body_last = net.activities(P.CERTIFICATION_BODY, "CB", phases.certification_body, [gap])
    booked = body_last or [gap]
    if scenario.booking_lead_weeks:
        name = _text("Booking lead time of the certification body", "认证机构预约周期")
        weeks = scenario.booking_lead_weeks
        book = TaskSpec(
            "CB.BOOK", name, P.CERTIFICATION_BODY, deps=booked, mode="calendar", weeks=weeks
        )
        booked = [net.add(book)]
    net.audit(
        "S1.AUDIT",
        phases.stage1.name,
        P.STAGE1,
        audit.stage1,
        phases.stage1.attend,
        [*ready, *booked],
    )
    stage1 = net.milestone("M.STAGE1", P.STAGE1, ["S1.AUDIT"])
    before_stage2 = [stage1]
    if scenario.correction_weeks:
        effort = net.effort(phases.correction.effort)
        window = TaskSpec(
            "CORR.WINDOW",
            phases.correction.name,
            P.CORRECTION,
            effort,
            [stage1],
            mode="calendar",
            weeks=scenario.correction_weeks,
        )
        before_stage2 = [net.add(window)]
    name = _text("Stage 2 audit", "第二阶段审核")
    net.audit(
        "S2.AUDIT", name, P.STAGE2, audit.stage2, phases.stage2.attend, [*before_stage2, trial]
    )
    decided = ["S2.AUDIT"]
    if phases.stage2.decision_weeks:
        name = _text("Closing findings and certification decision", "关闭不符合项与认证决定")
        weeks = phases.stage2.decision_weeks
        decision = TaskSpec(
            "S2.DECISION", name, P.STAGE2, deps=decided, mode="calendar", weeks=weeks
        )
        decided = [net.add(decision)]
    return net.milestone("M.CERT", P.STAGE2, decided)


def _surveillance(net: _Network, audit: AuditTime, decision: str) -> None:
    """Each surveillance audit ends within its months after the certification decision."""
    settings = net.config.phases.surveillance
    on_site = _audit_days(audit.surveillance, net.team, net.config.audit_time.auditor_role)
    previous = decision
    for number, month in enumerate(settings.months, 1):
        name = _text(
            f"Operate and improve until surveillance {number}", f"运行与改进至第{number}次监督审核"
        )
        operate = TaskSpec(
            f"SURV.{number}.OPERATE",
            name,
            PhaseId.SURVEILLANCE,
            deps=[previous],
            mode="calendar",
            anchor=decision,
            months=month,
            less=on_site,
        )
        net.add(operate)
        name = _text(f"Surveillance audit {number}", f"第{number}次监督审核")
        task_id = f"SURV.{number}.AUDIT"
        net.audit(
            task_id, name, PhaseId.SURVEILLANCE, audit.surveillance, settings.attend, [operate.id]
        )
        passed = _text(f"Surveillance audit {number} passed", f"第{number}次监督审核通过")
        previous = net.milestone(f"M.SURV{number}", PhaseId.SURVEILLANCE, [task_id], passed)


def _audit_days(days: Decimal, team: Team, auditor: str) -> int:
    """Working days on site: audit days shared by the audit team."""
    return max(1, math.ceil(float(days) / team.allocation(auditor) - 1e-9))


def _trial_months(minimum: int, practice: Mapping[str, Decimal], team: Team) -> int:
    """The configured months, or more when the practice effort cannot fit in them."""
    needed = [
        math.ceil(float(days) / (team.pool[role] * WORKING_DAYS_PER_MONTH) - 1e-9)
        for role, days in practice.items()
    ]
    return max(minimum, *needed) if needed else minimum


def _split(effort: Mapping[str, Decimal], parts: int) -> list[dict[str, Decimal]]:
    """Effort in ``parts`` near-equal shares that add up exactly (cents)."""
    shares: list[dict[str, Decimal]] = [{} for _ in range(parts)]
    for role, days in effort.items():
        cents = int(days * 100)
        for index in range(parts):
            part = Decimal(cents // parts + (1 if index < cents % parts else 0)) / 100
            if part > 0:
                shares[index][role] = part
    return shares
