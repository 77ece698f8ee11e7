"""Integrity of the shipped question bank: coverage, counts, figures and rules."""

from __future__ import annotations

import re

from readiness.models.catalogue import Catalogue
from readiness.models.questionnaire import Questionnaire

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_at_least_150_questions_in_three_parts(
    questionnaire: Questionnaire, catalogue: Catalogue
) -> None:
    questions = questionnaire.questions()
    assert len(questions) >= 150
    parts = {catalogue.area(q.area_id).part for q in questions}
    assert parts == {"A", "B", "C"}


def test_every_requirement_is_covered_from_its_home_area(
    questionnaire: Questionnaire, catalogue: Catalogue
) -> None:
    for requirement in catalogue.requirements:
        covering = questionnaire.covering(requirement.id)
        assert covering, requirement.id
        home = catalogue.home_area(requirement.clause).id
        assert any(q.startswith(home + ".") for q in covering), requirement.id


def test_every_area_has_questions(questionnaire: Questionnaire, catalogue: Catalogue) -> None:
    counts = {a.id: 0 for a in catalogue.areas}
    for question in questionnaire.questions():
        counts[question.area_id] += 1
    for area in catalogue.areas:
        assert counts[area.id] >= (4 if area.process else 2), area.id


def test_every_question_text_is_bilingual(questionnaire: Questionnaire) -> None:
    for question in questionnaire.questions():
        for text in (question.text, question.guidance, question.evidence):
            assert CJK.search(text.zh), question.id
            assert not CJK.search(text.en), question.id


def test_capability_attributes_of_33020(questionnaire: Questionnaire) -> None:
    ids = [a.id for a in questionnaire.capability]
    assert ids == ["PA1.1", "PA2.1", "PA2.2", "PA3.1", "PA3.2", "PA4.1", "PA4.2", "PA5.1", "PA5.2"]
    assert [a.id for a in questionnaire.capability if a.derived] == ["PA1.1"]
    assert [a.level for a in questionnaire.capability] == [1, 2, 2, 3, 3, 4, 4, 5, 5]


def test_required_indicator_rules(questionnaire: Questionnaire) -> None:
    rules = {r.id: r for r in questionnaire.rules}
    figures = {r.figure for r in rules.values()}
    assert {
        "sla_states_availability",
        "sla_states_response_resolution",
        "sla_states_penalties",
        "emergency_change_share",
        "trial_run_months",
        "internal_audits_held",
        "management_reviews_held",
        "training_rounds",
    } <= figures
    high = rules["IND-CHG-EMERGENCY-HIGH"].when[0]
    assert (high.op, high.value) == ("gt", 30)
    assert rules["IND-TRIAL-RUN"].blocks_stage2
    assert (rules["IND-TRIAL-RUN"].when[0].op, rules["IND-TRIAL-RUN"].when[0].value) == ("lt", 3)
    assert rules["IND-NO-INTERNAL-AUDIT"].finding == "major"
    assert rules["IND-TRAINING-ROUNDS"].when[0].value == 2


def test_fourteen_business_categories(questionnaire: Questionnaire) -> None:
    names = [c.name.zh for c in questionnaire.business_categories]
    assert len(names) == 14
    assert "呼叫中心/服务台" in names
