"""Properties that hold for any answers: bounds, monotonicity, order independence."""

from __future__ import annotations

import random
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness.models.answers import AnswerFile
from readiness.models.assessment import Assessment
from readiness.scoring.assess import assess
from tests.depth import examples

RATINGS = ["N", "P", "L", "F"]
EXTENTS = [None, "no", "partly", "yes"]
SETTINGS = settings(
    max_examples=examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def answer_sets(question_ids: list[str]) -> st.SearchStrategy[dict[str, dict[str, Any]]]:
    answer = st.fixed_dictionaries(
        {
            "rating": st.sampled_from(RATINGS),
            "documented": st.sampled_from(EXTENTS),
            "practised": st.sampled_from(EXTENTS),
        }
    )
    return st.dictionaries(st.sampled_from(question_ids), answer, max_size=len(question_ids))


def build(questionnaire, answers: dict[str, dict[str, Any]]) -> AnswerFile:  # type: ignore[no-untyped-def]
    return AnswerFile.model_validate(
        {
            "questionnaire": questionnaire.id,
            "questionnaire_version": questionnaire.version,
            "client": {"name": "Property"},
            "answers": answers,
        }
    )


def all_scores(result: Assessment) -> dict[str, float | None]:
    scores: dict[str, float | None] = {f"r:{r.id}": r.score for r in result.requirements}
    scores |= {f"a:{a.id}": a.score for a in result.areas}
    scores |= {f"c:{c.id}": c.score for c in result.clauses}
    scores |= {f"p:{p.id}": p.score for p in result.parts}
    scores["overall"] = result.overall.score
    return scores


def test_scores_stay_in_range(catalogue, questionnaire, config) -> None:
    ids = [q.id for q in questionnaire.questions()]

    @SETTINGS
    @given(answer_sets(ids))
    def check(answers: dict[str, dict[str, Any]]) -> None:
        result = assess(build(questionnaire, answers), catalogue, questionnaire, config)
        for key, score in all_scores(result).items():
            assert score is not None and 0.0 <= score <= 100.0, key
        for area in result.areas:
            if area.capability:
                assert 0 <= area.capability.level <= 5

    check()


def raise_one(answer: dict[str, Any], field: str) -> dict[str, Any]:
    raised = dict(answer)
    if field == "rating":
        raised["rating"] = RATINGS[min(RATINGS.index(answer["rating"]) + 1, 3)]
    else:
        order = ["no", "partly", "yes"]
        current = answer[field]
        raised[field] = "yes" if current is None else order[min(order.index(current) + 1, 2)]
    return raised


def test_raising_an_answer_never_lowers_a_score(catalogue, questionnaire, config) -> None:
    ids = [q.id for q in questionnaire.questions()]

    @SETTINGS
    @given(
        answer_sets(ids),
        st.sampled_from(ids),
        st.sampled_from(["rating", "documented", "practised", "new"]),
    )
    def check(answers: dict[str, dict[str, Any]], target: str, field: str) -> None:
        before = all_scores(assess(build(questionnaire, answers), catalogue, questionnaire, config))
        changed = dict(answers)
        if target not in answers or field == "new":
            # answering an unanswered question with N is no worse than not answering
            changed.setdefault(target, {"rating": "N", "documented": None, "practised": None})
        else:
            changed[target] = raise_one(answers[target], field)
        after = all_scores(assess(build(questionnaire, changed), catalogue, questionnaire, config))
        for key, value in before.items():
            assert (after[key] or 0.0) >= (value or 0.0) - 1e-9, key

    check()


def test_answer_order_does_not_matter(catalogue, questionnaire, config) -> None:
    ids = [q.id for q in questionnaire.questions()]

    @SETTINGS
    @given(answer_sets(ids), st.randoms(use_true_random=False))
    def check(answers: dict[str, dict[str, Any]], shuffler: random.Random) -> None:
        items = list(answers.items())
        shuffler.shuffle(items)
        first = assess(build(questionnaire, answers), catalogue, questionnaire, config)
        second = assess(build(questionnaire, dict(items)), catalogue, questionnaire, config)
        assert first.model_dump_json() == second.model_dump_json()

    check()
