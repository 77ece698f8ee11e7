"""The whole plan: metadata, resources, target date, scenarios, deterministic JSON."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from readiness.models.assessment import Assessment, Verdict
from readiness.models.catalogue import Catalogue
from readiness.models.common import FindingClass
from readiness.models.plan import PhaseId, Plan, PlanConfig
from readiness.planning import make_plan, make_scenarios
from tests.plan.conftest import START, tasks_by_id


def test_metadata(standard: Plan, example_assessment: Assessment) -> None:
    assert standard.client == "Acme Cloud Services Co., Ltd."
    assert standard.assessed_on == dt.date(2026, 11, 2)
    assert standard.start == START
    assert (standard.scenario, standard.scenario_name.en) == ("standard", "Standard")
    assert standard.config_source == "plans/plan.yaml"
    assert standard.audit_time_table == "iso27006"
    assert standard.currency == "CNY"
    assert standard.overall_score == example_assessment.overall.score == 53.3
    assert standard.verdict is Verdict.NOT_READY
    assert standard.counts == example_assessment.overall.counts
    assert standard.area_floor == 50.0
    assert [m.code for m in standard.messages] == ["audit-time", "certification-fee"]
    assert standard.target is None


def test_the_example_dates(standard: Plan, fast: Plan) -> None:
    """The example's key dates from 4 January 2027; a change here is a change of the plan."""
    tasks = tasks_by_id(standard)
    assert tasks["M.GAP"].finish == dt.date(2027, 2, 4)
    assert tasks["M.DOCS"].finish == dt.date(2027, 6, 25)
    assert tasks["M.TRIAL"].finish == dt.date(2027, 9, 29)
    # 3.5 audit days ÷ 2 auditors = 2 days on site; 7.5 ÷ 2 = 4 days
    assert (standard.stage1_start, standard.stage1_end) == (
        tasks["S1.AUDIT"].start,
        tasks["S1.AUDIT"].finish,
    )
    assert (standard.stage1_start, standard.stage1_end) == (
        dt.date(2027, 11, 12),
        dt.date(2027, 11, 15),
    )
    assert (standard.stage2_start, standard.stage2_end) == (
        dt.date(2027, 12, 28),
        dt.date(2027, 12, 31),
    )
    assert standard.certificate == dt.date(2028, 1, 28)
    assert (fast.stage2_start, fast.stage2_end) == (dt.date(2027, 9, 15), dt.date(2027, 9, 20))


def test_roles_and_capacity(standard: Plan, fast: Plan) -> None:
    roles = {role.id: role for role in standard.roles}
    assert list(roles) == [
        "top_management",
        "sms_manager",
        "process_owner",
        "consultant",
        "it_staff",
        "trainer",
        "cb_auditor",
        "staff",
    ]
    assert roles["staff"].people == 85  # the personnel in scope
    assert not any(
        row.primary == "staff" or "staff" in row.backup for row in standard.responsibility
    )
    assert roles["cb_auditor"].external and roles["consultant"].external
    assert not roles["sms_manager"].external
    assert roles["process_owner"].capacity == 3.2  # 8 people × 0.4
    assert roles["sms_manager"].name.zh == "服务管理体系负责人"
    fast_roles = {role.id: role for role in fast.roles}
    assert fast_roles["consultant"].capacity == 2.4  # 3 × 0.8
    assert fast_roles["process_owner"].people == 8  # only availability changed


def test_effort_totals_and_monthly_load_add_up(standard: Plan, fast: Plan, failing: Plan) -> None:
    for plan in (standard, fast, failing):
        from_tasks: dict[str, Decimal] = {}
        for task in plan.tasks:
            for role, days in task.effort.items():
                from_tasks[role] = from_tasks.get(role, Decimal(0)) + days
        assert plan.total_effort == from_tasks
        by_month: dict[str, Decimal] = {}
        for month, roles in plan.load.items():
            assert len(month) == 7 and month[4] == "-"
            for role, days in roles.items():
                by_month[role] = by_month.get(role, Decimal(0)) + days
        assert by_month == plan.total_effort
        assert list(plan.load) == sorted(plan.load)
        phase_total: dict[str, Decimal] = {}
        for phase in plan.phases:
            for role, days in phase.effort.items():
                phase_total[role] = phase_total.get(role, Decimal(0)) + days
        assert phase_total == plan.total_effort


def test_the_example_effort(standard: Plan) -> None:
    assert standard.total_effort == {
        # kick-off, gap acceptance, management review 0.5 each; 0.25 a day on site at stage 1
        # (2 days) and stage 2 (4 days)
        "top_management": Decimal(3),
        "sms_manager": Decimal(43),
        "process_owner": Decimal(437),
        # 2 + 7.5 + 2 + 8 % of 263.5 + 4 % of 156.5 + 4 + 0.5 + 2 + 1 + 4 (rounded per action)
        "consultant": Decimal("50.34"),
        "it_staff": Decimal(2),
        "trainer": Decimal("8.5"),
        "cb_auditor": Decimal(18),  # 3.5 + 7.5 + 2 × 3.5 of the ISO/IEC 27006-style table
        "staff": Decimal("42.5"),  # 2 rounds × 85 people × 2 hours ÷ 8
    }
    assert standard.load["2027-01"] == {
        "top_management": Decimal("0.5"),  # the kick-off
        "sms_manager": Decimal(7),
        "process_owner": Decimal(4),
        "consultant": Decimal("7.8"),
    }


def test_every_action_is_built_or_run(standard: Plan) -> None:
    """Every action's effort lands in a task: build tiers, trial run or training round 1."""
    actions = sum((a.total_effort for a in standard.actions), Decimal(0))
    tasks = tasks_by_id(standard)
    packaged = sum(
        (
            sum(tasks[t].effort.values(), Decimal(0))
            for p in standard.work_packages
            for t in p.tasks
        ),
        Decimal(0),
    )
    runs = sum(
        (sum(t.effort.values(), Decimal(0)) for t in standard.tasks if t.id.startswith("RUN.")),
        Decimal(0),
    )
    training = sum(
        (a.total_effort for a in standard.actions if a.kind.value == "training"), Decimal(0)
    )
    assert packaged + runs + training == actions
    for package in standard.work_packages:
        assert package.tasks == [t.id for t in standard.tasks if t.work_package == package.id]
        assert all(tasks[t].phase is PhaseId.BUILD for t in package.tasks)


def test_responsibility_matrix(standard: Plan) -> None:
    rows = {row.item: row for row in standard.responsibility}
    assert [row.item for row in standard.responsibility[:12]] == [p.value for p in PhaseId]
    assert rows["preparation"].primary == "sms_manager"
    assert rows["gap_analysis"].primary == "consultant"
    assert rows["training"].primary == "trainer"
    assert rows["surveillance"].primary == "cb_auditor"
    assert rows["WP-B.CHG"].primary == "process_owner"
    assert "consultant" in rows["WP-B.CHG"].backup
    for row in standard.responsibility:
        assert row.primary not in row.backup
    assert {p.id for p in standard.work_packages} <= set(rows)


def test_a_target_date_too_early_is_reported(
    example_assessment: Assessment, catalogue: Catalogue, plan_config: PlanConfig
) -> None:
    target = dt.date(2027, 10, 1)
    plan = make_plan(example_assessment, catalogue, plan_config, start=START, target_date=target)
    stage2 = plan.stage2_end
    assert plan.target is not None and not plan.target.met
    assert plan.target.stage2_end == stage2
    assert plan.target.late_calendar_days == (stage2 - target).days == 91
    weekdays = sum(
        (target + dt.timedelta(days=d)).weekday() < 5 for d in range(1, (stage2 - target).days + 1)
    )
    assert plan.target.late_working_days == weekdays == 65
    message = next(m for m in plan.messages if m.code == "target-missed")
    assert "65 working days (91 calendar days) late" in message.text.en
    assert "延后65个工作日" in message.text.zh
    # never compressed: the dates are those of the plan without a target
    no_target = make_plan(example_assessment, catalogue, plan_config, start=START)
    assert plan.tasks == no_target.tasks


def test_a_reachable_target_is_met(
    example_assessment: Assessment, catalogue: Catalogue, plan_config: PlanConfig
) -> None:
    plan = make_plan(
        example_assessment, catalogue, plan_config, start=START, target_date=dt.date(2028, 3, 31)
    )
    assert plan.target is not None and plan.target.met
    assert (plan.target.late_working_days, plan.target.late_calendar_days) == (0, 0)
    assert "target-missed" not in [m.code for m in plan.messages]


def test_scenarios_side_by_side(
    example_assessment: Assessment, catalogue: Catalogue, plan_config: PlanConfig, standard: Plan
) -> None:
    plans = make_scenarios(example_assessment, catalogue, plan_config, start=START)
    assert [plan.scenario for plan in plans] == ["standard", "fast-track"]
    assert plans[0] == standard


def test_json_is_deterministic(
    example_assessment: Assessment, catalogue: Catalogue, plan_config: PlanConfig, standard: Plan
) -> None:
    again = make_plan(example_assessment, catalogue, plan_config, start=START)
    text = standard.model_dump_json(indent=2)
    assert again.model_dump_json(indent=2) == text
    assert Plan.model_validate_json(text).model_dump_json(indent=2) == text
    assert '"total": 255563.0' in text  # money and person-days as JSON numbers


def test_a_start_on_a_weekend_moves_to_monday(
    example_assessment: Assessment, catalogue: Catalogue, plan_config: PlanConfig
) -> None:
    plan = make_plan(example_assessment, catalogue, plan_config, start=dt.date(2027, 1, 2))
    assert plan.start == dt.date(2027, 1, 2)
    assert plan.tasks[0].start == dt.date(2027, 1, 4)


def test_nothing_to_fix_still_plans_the_certification(
    example_assessment: Assessment, catalogue: Catalogue, plan_config: PlanConfig
) -> None:
    clean = example_assessment.model_copy(
        update={
            "requirements": [
                r.model_copy(update={"finding": FindingClass.CONFORMING})
                for r in example_assessment.requirements
            ],
            "findings": [],
            "blockers": [],
        }
    )
    plan = make_plan(clean, catalogue, plan_config, start=START)
    assert plan.actions == [] and plan.work_packages == []
    assert [m.code for m in plan.messages] == ["audit-time", "certification-fee", "no-actions"]
    tasks = tasks_by_id(plan)
    assert tasks["M.DOCS"].finish > tasks["M.GAP"].finish
    assert plan.stage2_end < dt.date(2027, 12, 1)
