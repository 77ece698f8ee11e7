"""Loading answer files: tolerant spellings, and a clear message for every bad input."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from readiness.errors import InputError
from readiness.inputs.answers import load_answers
from readiness.models.common import Extent, Rating

HEAD = (
    "questionnaire: readiness-iso20000-2018\nquestionnaire_version: '1.0'\nclient:\n  name: Acme\n"
)


def problems(path: Path, questionnaire, catalogue) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as caught:
        load_answers(path, questionnaire, catalogue)
    return str(caught.value)


def test_tolerant_spellings(write_yaml: Callable[..., Path], questionnaire, catalogue) -> None:
    path = write_yaml(
        HEAD + "answers:\n"
        "  A.CTX.01: ' f '\n"
        "  A.CTX.02: {rating: 大部分, documented: yes, practised: 部分}\n"
        "  A.CTX.03: {rating: na, justification: Not relevant here.}\n"
        "  A.CTX.04: {rating: Partially achieved, documented: false, evidence: SLA-2024.pdf}\n"
        "figures:\n  emergency_change_share: 64\n  sla_states_penalties: no\n"
    )
    answers = load_answers(path, questionnaire, catalogue)
    assert {k: a.rating for k, a in answers.answers.items()} == {
        "A.CTX.01": Rating.F,
        "A.CTX.02": Rating.L,
        "A.CTX.03": Rating.NA,
        "A.CTX.04": Rating.P,
    }
    assert answers.answers["A.CTX.02"].documented is Extent.YES
    assert answers.answers["A.CTX.02"].practised is Extent.PARTLY
    assert answers.answers["A.CTX.04"].documented is Extent.NO
    assert answers.answers["A.CTX.04"].evidence == ["SLA-2024.pdf"]
    assert answers.figures == {"emergency_change_share": 64, "sla_states_penalties": False}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "answers:\n  A.CTX.01: mostly\n",
            "line 6, answers → A.CTX.01 → rating: 'mostly' is not a rating; use N, P, L, F or NA",
        ),
        (
            "answers:\n  A.CTX.01: {rating: NA}\n",
            "line 6, answers → A.CTX.01: NA needs a justification: say why the requirement does not apply",
        ),
        (
            "answers:\n  Z.XX.99: F\n",
            "line 6, answers → Z.XX.99: 'Z.XX.99' is not a question of this questionnaire",
        ),
        (
            "answers:\n  A.CTX.01: F\n  A.CTX.01: P\n",
            "line 7: 'A.CTX.01' appears twice (first on line 6)",
        ),
        (
            "answers:\n  A.CTX.01: {rating: F, documented: maybe}\n",
            "line 6, answers → A.CTX.01 → documented: 'maybe' is not one of yes, partly, no",
        ),
        (
            "answers:\n  A.CTX.01: {rating: F, colour: red}\n",
            "line 6, answers → A.CTX.01 → colour: 'colour' is not a known key here",
        ),
        (
            "answers: [F, P]\n",
            "line 5, answers: Input should be a valid dictionary (found ['F', 'P'])",
        ),
        (
            "figures:\n  emergency_change_share: 140\n",
            "line 6, figures → emergency_change_share: 140 is not a percentage between 0 and 100",
        ),
        (
            "figures:\n  trial_run_months: lots\n",
            "line 6, figures → trial_run_months: 'lots' is not a number, nor yes or no",
        ),
        (
            "capability:\n  B.SLM: {PA1.1: F}\n",
            "line 6, capability → B.SLM → PA1.1: PA1.1 is rated from the process's answers; leave it out",
        ),
        (
            "capability:\n  A.CTX: {PA2.1: F}\n",
            "line 6, capability → A.CTX: 'A.CTX' is not a process of Part B",
        ),
    ],
)
def test_bad_answers_name_the_line_and_question(
    write_yaml: Callable[..., Path], questionnaire, catalogue, body: str, expected: str
) -> None:
    path = write_yaml(HEAD + body)
    assert problems(path, questionnaire, catalogue) == f"{path}: {expected}"


def test_every_problem_is_listed(write_yaml: Callable[..., Path], questionnaire, catalogue) -> None:
    path = write_yaml(
        HEAD + "answers:\n  A.CTX.01: mostly\n  A.CTX.02: {rating: NA}\n  Q.QQ.01: F\n"
    )
    text = problems(path, questionnaire, catalogue)
    assert text.startswith(f"{path}: 3 problems\n")  # schema and id problems in one round
    assert "line 6, answers → A.CTX.01 → rating" in text
    assert "line 7, answers → A.CTX.02: NA needs a justification" in text
    assert "line 8, answers → Q.QQ.01: 'Q.QQ.01' is not a question of this questionnaire" in text


def test_not_an_answer_file(write_yaml: Callable[..., Path], questionnaire, catalogue) -> None:
    path = write_yaml("name: something else\nitems: [1, 2]\n")
    assert "this is not an answer file" in problems(path, questionnaire, catalogue)
    path = write_yaml("- just\n- a list\n")
    assert problems(path, questionnaire, catalogue) == (
        f"{path}: line 1: this is not an answer file: expected a mapping of keys at the top, found list"
    )


def test_wrong_questionnaire_and_version(
    write_yaml: Callable[..., Path], questionnaire, catalogue
) -> None:
    path = write_yaml("questionnaire: other\nquestionnaire_version: '1.0'\nclient: {name: A}\n")
    assert "line 1, questionnaire: 'other' is not this tool's questionnaire" in problems(
        path, questionnaire, catalogue
    )
    path = write_yaml(
        "questionnaire: readiness-iso20000-2018\nquestionnaire_version: 0.9\nclient: {name: A}\n"
    )
    assert (
        "line 2, questionnaire_version: version 0.9 is not the current questionnaire version 1.0"
        in problems(path, questionnaire, catalogue)
    )


def test_client_profile_checks(write_yaml: Callable[..., Path], questionnaire, catalogue) -> None:
    path = write_yaml(
        HEAD.replace(
            "  name: Acme\n",
            "  name: Acme\n  edition: 2011\n"
            "  personnel_in_scope: 0\n  business_categories: [data_processing, mining]\n",
        )
    )
    text = problems(path, questionnaire, catalogue)
    assert "line 5, client → edition: 2011 certificates expired in 2021" in text
    assert (
        "line 6, client → personnel_in_scope: Input should be greater than or equal to 1 (found 0)"
        in text
    )
    path = write_yaml(HEAD + "  business_categories: [data_processing, mining]\n")
    assert (
        "client → business_categories → 1: 'mining' is not one of the 14 business categories"
        in problems(path, questionnaire, catalogue)
    )
