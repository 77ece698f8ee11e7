"""The shipped interview data loads, covers every kind of probe, and names only real
questions; a bad file is reported with its line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from readiness.data.interview import load_interview
from readiness.errors import InputError
from readiness.models.guide import ProbeKind
from readiness.models.questionnaire import Questionnaire
from readiness.paths import questionnaires_dir


def test_the_shipped_file_loads(questionnaire: Questionnaire) -> None:
    data = load_interview(questionnaire)
    assert set(data.probes) == set(ProbeKind)
    assert data.selection.order == list(ProbeKind)
    assert len(data.questions) >= 10
    for prompt in [*data.questions.values(), *(p.ask for p in data.probes.values())]:
        assert prompt.en.strip() and prompt.zh.strip()
        assert not any(c.isascii() and c.isalpha() for c in prompt.zh.replace("SLA", ""))


def test_an_unknown_question_is_named_with_its_line(
    questionnaire: Questionnaire, write_yaml: Callable[..., Path]
) -> None:
    text = (questionnaires_dir() / "iso20000-2018" / "interview.yaml").read_text(encoding="utf-8")
    text = text.replace("  A.DT.05:", "  A.XX.99:", 1)
    with pytest.raises(InputError) as caught:
        load_interview(questionnaire, write_yaml(text, "interview.yaml"))
    [problem] = caught.value.problems
    line = text.splitlines().index("  A.XX.99:") + 1
    assert problem.place == f"line {line}, questions → A.XX.99"
    assert "not a question" in problem.message


def test_an_order_missing_a_kind_is_refused(
    questionnaire: Questionnaire, write_yaml: Callable[..., Path]
) -> None:
    text = (questionnaires_dir() / "iso20000-2018" / "interview.yaml").read_text(encoding="utf-8")
    text = text.replace("no_evidence, weakest]", "weakest]", 1)
    with pytest.raises(InputError) as caught:
        load_interview(questionnaire, write_yaml(text, "interview.yaml"))
    assert "each kind once" in caught.value.problems[0].message
    assert caught.value.problems[0].place.startswith("line ")
