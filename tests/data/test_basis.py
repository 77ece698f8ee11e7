"""Requirement, good practice or readiness precondition: the basis of every catalogue item."""

from __future__ import annotations

from readiness.models.catalogue import Catalogue
from readiness.models.common import Basis, FindingClass
from readiness.models.questionnaire import Questionnaire

# Weight 3 only where a gap is near-certain to be a major nonconformity: scope, policy, the
# one accountable for the SMS, SLAs, change control, incident records, continuity plan,
# security policy, supplier contracts, internal audit, management review, corrective action.
WEIGHT_3 = {
    "R-4.3-01",
    "R-5.2.1-01",
    "R-5.3-02",
    "R-8.3.3-01",
    "R-8.5.1.1-01",
    "R-8.5.1.2-01",
    "R-8.5.1.3-02",
    "R-8.6.1-01",
    "R-8.7.2-03",
    "R-8.7.3.1-01",
    "R-8.3.4.1-02",
    "R-9.2-01",
    "R-9.3-01",
    "R-10.1-02",
}

PRACTICE_QUESTIONS = {
    "A.LEAD.13",  # primary and backup for every activity
    "A.DOC.08",  # SMS documents held together and consistent (each judged in its own clause)
    "A.DOC.11",  # agreements held together (each judged in its own clause)
    "B.SLM.03",  # response and resolution times graded by priority
    "B.SLM.05",  # penalties or service credits
    "B.SLM.06",  # SLA measurement by tools
    "B.SCA.10",  # availability measurement by tools
    "B.ISM.03",  # security objectives (2011 edition)
    "B.CHG.03",  # classes of change
    "B.CHG.11",  # low share of emergency changes
    "C.KNOW.03",  # capturing new knowledge when needs change (ISO 9001 wording)
}

PRACTICE_RULES = {
    "IND-SLA-RESPONSE",
    "IND-SLA-PENALTY",
    "IND-SLA-REPORTING",
    "IND-CHG-EMERGENCY-ELEVATED",
    "IND-TRAINING-ROUNDS",
}

PRECONDITION_RULES = {"IND-TRIAL-RUN", "IND-NO-INTERNAL-AUDIT", "IND-NO-MANAGEMENT-REVIEW"}


def test_the_catalogue_holds_only_requirements_of_the_2018_text(catalogue: Catalogue) -> None:
    # good practice lives in questions and indicator rules, never as a catalogue requirement
    assert {r.basis for r in catalogue.requirements} == {Basis.REQUIREMENT}


def test_weight_3_is_the_agreed_list(catalogue: Catalogue) -> None:
    assert {r.id for r in catalogue.requirements if r.weight == 3} == WEIGHT_3
    assert len(catalogue.requirements) == 232


def test_practice_and_precondition_questions(questionnaire: Questionnaire) -> None:
    questions = questionnaire.questions()
    assert {q.id for q in questions if q.basis == Basis.PRACTICE} == PRACTICE_QUESTIONS
    assert {q.id for q in questions if q.basis == Basis.PRECONDITION} == {"A.DOC.12"}
    for question in questions:
        if question.basis == Basis.PRACTICE:
            assert "Good practice" in question.text.en + question.guidance.en, question.id
            assert "良好实践" in question.text.zh + question.guidance.zh, question.id
        if question.basis == Basis.PRECONDITION:
            assert "precondition" in question.text.en, question.id
            assert "前提条件" in question.text.zh, question.id


def test_every_requirement_is_asked_by_a_requirement_question(
    questionnaire: Questionnaire, catalogue: Catalogue
) -> None:
    asked = {r for q in questionnaire.questions() if q.basis == Basis.REQUIREMENT for r in q.covers}
    assert {r.id for r in catalogue.requirements} <= asked


def test_rules_by_basis(questionnaire: Questionnaire) -> None:
    rules = {r.id: r for r in questionnaire.rules}
    assert {i for i, r in rules.items() if r.basis == Basis.PRACTICE} == PRACTICE_RULES
    assert {i for i, r in rules.items() if r.basis == Basis.PRECONDITION} == PRECONDITION_RULES
    for rule_id in PRACTICE_RULES:
        assert rules[rule_id].finding == FindingClass.OBSERVATION, rule_id
    for rule_id in PRECONDITION_RULES:
        assert rules[rule_id].blocks_stage2, rule_id
        # named as a certification body's expectation (the verdict adds "readiness precondition")
        message = rules[rule_id].message.en
        assert "certification bodies" in message and "before stage 2" in message, rule_id


def test_availability_rule_is_for_services_where_availability_applies(
    questionnaire: Questionnaire,
) -> None:
    rule = next(r for r in questionnaire.rules if r.id == "IND-SLA-AVAILABILITY")
    assert rule.requirements == ["R-8.7.1-02"]
    assert rule.basis == Basis.REQUIREMENT
    assert "where availability applies" in rule.message.en


def test_emergency_change_thresholds_match_the_guidance(questionnaire: Questionnaire) -> None:
    rules = {r.id: r for r in questionnaire.rules}
    high, elevated = rules["IND-CHG-EMERGENCY-HIGH"], rules["IND-CHG-EMERGENCY-ELEVATED"]
    assert [(c.op, c.value) for c in high.when] == [("gt", 30)]
    assert high.finding == FindingClass.MINOR
    assert [(c.op, c.value) for c in elevated.when] == [("gt", 15), ("le", 30)]
    assert elevated.finding == FindingClass.OBSERVATION
