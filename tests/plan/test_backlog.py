"""The remediation backlog of the example: which findings become which deliverables."""

from __future__ import annotations

from decimal import Decimal

from readiness.models.assessment import Assessment, FindingSource
from readiness.models.catalogue import Catalogue
from readiness.models.common import SEVERITY, FindingClass
from readiness.models.plan import Action, Kind, Plan, PlanConfig
from readiness.planning.backlog import build_backlog, topological_order

ACTIONABLE = {FindingClass.MAJOR, FindingClass.MINOR, FindingClass.OBSERVATION}


def actions_of(plan: Plan, requirement: str) -> dict[Kind, Action]:
    return {a.kind: a for a in plan.actions if requirement in a.requirements}


def test_every_finding_is_closed_by_some_action(
    standard: Plan, example_assessment: Assessment
) -> None:
    closed = {finding for action in standard.actions for finding in action.findings}
    for result in example_assessment.requirements:
        assert (result.id in closed) == (result.finding in ACTIONABLE), result.id
    for finding in example_assessment.findings:
        assert finding.id in closed, finding.id
    # and nothing else: every id an action closes is a finding of the assessment
    assert closed <= {f.id for f in example_assessment.findings}


def test_kinds_come_from_documented_information_and_flags(standard: Plan) -> None:
    # document missing (capacity plan, a document outside the policy clauses) → a procedure
    assert set(actions_of(standard, "R-8.4.3-02")) == {Kind.PROCEDURE}
    capacity_plan = actions_of(standard, "R-8.4.3-02")[Kind.PROCEDURE]
    assert capacity_plan.name.en == "Procedure or process document: Capacity plan"
    assert capacity_plan.blocker
    # records are judged by whether they are kept, not by "documented": known errors partly
    # recorded → practise it and keep the record (no procedure for a record)
    assert set(actions_of(standard, "R-8.6.3-03")) == {Kind.RECORD, Kind.PRACTICE}
    assert actions_of(standard, "R-8.6.3-03")[Kind.RECORD].name.en.endswith("Known error records")
    # documented but not practised → run it and keep records
    assert set(actions_of(standard, "R-9.2-05")) == {Kind.PRACTICE}
    # practised but not documented, no documented information → a procedure
    assert set(actions_of(standard, "R-10.2-02")) == {Kind.PROCEDURE}
    # no flag, no documented information → procedure and practice
    assert set(actions_of(standard, "R-4.1-01")) == {Kind.PROCEDURE, Kind.PRACTICE}
    # overrides of plan.yaml: awareness is trained, configuration information needs a tool
    assert set(actions_of(standard, "R-7.3-01")) == {Kind.TRAINING}
    kinds = {a.kind for a in standard.actions if a.area == "B.CFG"}
    assert Kind.TOOL in kinds


def test_policy_clauses_make_tier_one_documents(
    failing_assessment: Assessment, catalogue: Catalogue, plan_config: PlanConfig
) -> None:
    backlog = build_backlog(failing_assessment, catalogue, plan_config, area_floor=50)
    kinds = {a.requirements[0]: a.kind for a in backlog.actions if a.kind is not Kind.PRACTICE}
    assert kinds["R-4.3-01"] is Kind.POLICY  # SMS scope statement
    assert kinds["R-5.2.1-01"] is Kind.POLICY  # service management policy
    assert kinds["R-8.5.1.1-01"] is Kind.POLICY  # change management policy
    assert kinds["R-8.3.3-01"] is Kind.PROCEDURE  # service level agreements
    assert kinds["R-8.6.1-01"] is Kind.RECORD  # incident records


def test_effort_and_role_come_from_the_configuration(standard: Plan) -> None:
    procedure = actions_of(standard, "R-8.4.3-02")[Kind.PROCEDURE]  # major
    assert procedure.role == "process_owner"
    # reviewed at 8 %: 3 × 0.08 = 0.24
    assert procedure.effort == {"process_owner": Decimal(3), "consultant": Decimal("0.24")}
    assert procedure.total_effort == Decimal("3.24")
    record = actions_of(standard, "R-8.6.3-03")[Kind.RECORD]  # minor
    assert record.effort == {"process_owner": Decimal(1), "consultant": Decimal("0.08")}
    practice = actions_of(standard, "R-9.2-05")[Kind.PRACTICE]  # major, coached at 4 %
    assert practice.effort == {"process_owner": Decimal(2), "consultant": Decimal("0.08")}
    for action in standard.actions:
        assert action.total_effort == sum(action.effort.values())


def test_fast_track_multiplies_consulting_effort(fast: Plan) -> None:
    procedure = actions_of(fast, "R-8.4.3-02")[Kind.PROCEDURE]
    # 0.24 × 1.3 = 0.312
    assert procedure.effort == {"process_owner": Decimal(3), "consultant": Decimal("0.31")}


def test_indicator_and_matrix_findings(standard: Plan) -> None:
    by_id = {a.id: a for a in standard.actions}
    # an indicator on a requirement already being practised joins that action
    merged = by_id["R-8.5.1.3-01.practice"]
    assert merged.findings == ["R-8.5.1.3-01", "IND-CHG-EMERGENCY-HIGH"]
    assert merged.source is FindingSource.REQUIREMENT
    # good practice and readiness preconditions make no action of their own: the plan's
    # phases hold the internal audit, the management review and the operating period
    found = {f for a in standard.actions for f in a.findings}
    assert not found & {"IND-SLA-REPORTING", "IND-NO-INTERNAL-AUDIT", "IND-TRIAL-RUN"}
    # a matrix finding without an area lands in the home area of its clause (5.3 → A.LEAD)
    owners = by_id["MTX-01-PROCESS-OWNERS.record"]
    assert owners.area == "A.LEAD"
    assert owners.recommendation is not None
    assert owners.recommendation.zh.startswith("为每个流程指定负责人")


def test_recommendations_are_kept(standard: Plan, example_assessment: Assessment) -> None:
    texts = {r.id: r.recommendation for r in example_assessment.requirements}
    for action in standard.actions:
        if action.source is FindingSource.REQUIREMENT:
            assert action.recommendation == texts[action.requirements[0]]


def test_priority_blockers_then_severity_then_weight(standard: Plan) -> None:
    actions = standard.actions
    assert [a.priority for a in actions] == list(range(1, len(actions) + 1))
    keys = [(not a.blocker, -SEVERITY[a.finding], -a.weight) for a in actions]
    assert keys == sorted(keys)
    assert [a.blocker for a in actions[:9]] == [True] * 9
    # five blockers: the capacity plan (a procedure) and four missing records (audit
    # programme, audit results, review results, continuity tests), each practice + record
    assert sum(a.blocker for a in actions) == 9


def test_quick_wins_follow_the_thresholds(standard: Plan, plan_config: PlanConfig) -> None:
    rule = plan_config.backlog.quick_win
    wins = [a for a in standard.actions if a.quick_win]
    assert wins
    for action in standard.actions:
        expected = (
            action.kind in rule.kinds
            and action.total_effort <= rule.max_effort
            and action.weight >= rule.min_weight
        )
        assert action.quick_win == expected, action.id
    assert all(a.kind is not Kind.PRACTICE for a in wins)


def test_work_packages_one_per_area(standard: Plan, example_assessment: Assessment) -> None:
    areas_with_actions = {a.area for a in standard.actions}
    assert [p.area for p in standard.work_packages] == [
        a.id for a in example_assessment.areas if a.id in areas_with_actions
    ]
    actions = {a.id: a for a in standard.actions}
    scores = {a.id: a.score for a in example_assessment.areas}
    for package in standard.work_packages:
        assert package.id == f"WP-{package.area}"
        assert package.score == scores[package.area]
        assert package.below_floor == (package.score is not None and package.score < 50)
        assert all(actions[a].area == package.area for a in package.actions)
        total: dict[str, Decimal] = {}
        for action_id in package.actions:
            for role, days in actions[action_id].effort.items():
                total[role] = total.get(role, Decimal(0)) + days
        assert package.effort == total
    names = {p.area: p.name.en for p in standard.work_packages}
    assert names["B.CHG"] == "Change management"
    # weakest area first
    order = sorted(standard.work_packages, key=lambda p: p.priority)
    assert order[0].area == "C.DEM"  # scored 0


def test_work_package_dependencies(standard: Plan) -> None:
    deps = {p.area: p.depends_on for p in standard.work_packages}
    assert deps["A.CTX"] == []
    assert deps["A.PLAN"] == []
    assert deps["B.CHG"] == ["WP-B.CFG"]
    assert deps["B.REL"] == ["WP-B.CHG"]  # B.CFG is implied through B.CHG
    assert deps["B.PRB"] == ["WP-B.INC"]
    assert deps["B.REP"] == ["WP-B.SLM"]
    assert deps["B.SLM"] == ["WP-C.CAT"]
    assert deps["B.CAP"] == ["WP-A.CTX", "WP-A.LEAD", "WP-A.PLAN"]


def test_an_area_without_actions_passes_its_dependencies_on(
    example_assessment: Assessment, catalogue: Catalogue, plan_config: PlanConfig
) -> None:
    # drop every B.CHG finding: B.REL must then wait for B.CFG directly
    changed = example_assessment.model_copy(
        update={
            "requirements": [
                r.model_copy(update={"finding": FindingClass.CONFORMING})
                if r.area == "B.CHG"
                else r
                for r in example_assessment.requirements
            ],
            "findings": [f for f in example_assessment.findings if f.area != "B.CHG"],
        }
    )
    backlog = build_backlog(changed, catalogue, plan_config, area_floor=50)
    deps = {p.area: p.depends_on for p in backlog.work_packages}
    assert "B.CHG" not in deps
    assert deps["B.REL"] == ["WP-B.CFG"]


def test_every_failing_requirement_gets_actions(
    failing: Plan, failing_assessment: Assessment
) -> None:
    failing_ids = {r.id for r in failing_assessment.requirements if r.finding in ACTIONABLE}
    assert len(failing_ids) >= 230
    assert failing_ids <= {r for a in failing.actions for r in a.requirements}
    assert len(failing.work_packages) == 29


def test_topological_order_keeps_preferred_order_among_free_nodes() -> None:
    graph = {"b": ["a"], "c": [], "a": [], "d": ["c", "b"]}
    assert topological_order(graph, ["d", "c", "b", "a"]) == ["c", "a", "b", "d"]
