"""The fast constructor scoring uses gives the objects pydantic itself would build."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readiness.models.assessment import Contribution, Counts
from readiness.models.common import LocalText, Rating, construct


def test_construct_equals_validation_and_fills_defaults() -> None:
    built = construct(Contribution, question="B.SLM.01", rating=Rating.L, value=75.0, score=50.0)
    checked = Contribution(question="B.SLM.01", rating=Rating.L, value=75.0, score=50.0)
    assert built == checked
    assert built.model_dump_json() == checked.model_dump_json()
    assert list(built.__dict__) == list(Contribution.model_fields)  # declaration order
    assert built.evidence == [] and built.owner is None
    assert built.model_fields_set == {"question", "rating", "value", "score"}


def test_defaults_are_not_shared() -> None:
    first = construct(Contribution, question="a", rating=None, value=0.0, score=0.0)
    second = construct(Contribution, question="b", rating=None, value=0.0, score=0.0)
    first.capped_by.append("practised")
    assert second.capped_by == []


def test_missing_or_unknown_fields_are_refused() -> None:
    with pytest.raises(TypeError, match="required field 'zh' is missing"):
        construct(LocalText, en="x")
    with pytest.raises(TypeError, match="unknown fields fr"):
        construct(LocalText, en="x", zh="y", fr="z")


@given(st.lists(st.integers(min_value=0, max_value=500), min_size=5, max_size=5))
def test_any_counts_dump_like_validated_ones(values: list[int]) -> None:
    names = ["major", "minor", "observation", "conforming", "not_applicable"]
    fields = dict(zip(names, values, strict=True))
    assert construct(Counts, **fields).model_dump_json() == Counts(**fields).model_dump_json()
