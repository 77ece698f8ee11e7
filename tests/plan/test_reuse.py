"""The plan of a client holding an ISO/IEC 27001 certificate (plans/plan.yaml's ``reuse``):
shorter build actions on the shared requirements, both systems audited together."""

from __future__ import annotations

from decimal import Decimal

from readiness.models.answers import Certificate
from readiness.models.assessment import Assessment
from readiness.models.catalogue import Catalogue
from readiness.models.questionnaire import Questionnaire
from readiness.planning import load_plan_config, make_plan
from readiness.planning.reuse import BUILT
from readiness.scoring.carried import shared_requirements
from tests.plan.conftest import START


def test_a_certified_client_builds_less_and_is_audited_together(
    example_assessment: Assessment, catalogue: Catalogue, questionnaire: Questionnaire
) -> None:
    config = load_plan_config()
    shared = shared_requirements(questionnaire)
    client = example_assessment.client.model_copy(
        update={"certificates": [Certificate(standard="iso27001")]}
    )
    certified = example_assessment.model_copy(update={"client": client})
    before = make_plan(example_assessment, catalogue, config, start=START, shared=shared)
    after = make_plan(certified, catalogue, config, start=START, shared=shared)
    old = {a.id: a for a in before.actions}
    reduced = [
        a for a in after.actions
        if a.kind in BUILT and all("iso27001" in shared.get(r, []) for r in a.requirements)
    ]  # fmt: skip
    assert reduced
    for action in reduced:  # every role's days × 0.6 (the plan data's factor), to the cent
        for role, days in old[action.id].effort.items():
            expected = (days * Decimal("0.6")).quantize(Decimal("0.01"))
            assert action.effort.get(role, Decimal(0)) == expected
    untouched = [a for a in after.actions if a not in reduced]
    assert all(a.effort == old[a.id].effort for a in untouched)
    assert any(a.kind not in BUILT for a in untouched)  # training and practice stay as they are
    assert after.costs.audit_time.combined_with == ["iso27001"]
    assert after.costs.audit_time.combined_percent == Decimal(20)
    assert after.costs.audit_time.initial < before.costs.audit_time.initial
    assert "reuse" in [m.code for m in after.messages]
    assert "reuse" not in [m.code for m in before.messages]
