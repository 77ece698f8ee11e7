"""A consultant's method: its identity, its rating scale and the files that change our data.

A method folder (``readiness method init``) holds ``method.yaml`` (who made it, which version)
and any of ``questions.yaml``, ``weights.yaml``, ``scale.yaml``, ``scoring.yaml``,
``rules.yaml``, ``plan.yaml`` and ``labels.yaml``; :mod:`readiness.data.method` merges them
over what we ship.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, field_validator

from readiness.language import Language
from readiness.models.common import LocalText, NonEmpty, Strict
from readiness.models.questionnaire import AreaQuestions, Figure, IndicatorRule

METHOD_ID = r"^[a-z0-9][a-z0-9._-]{0,59}$"


class MethodInfo(Strict):
    """Who made a method and which version of it an assessment used."""

    id: str = Field(pattern=METHOD_ID)
    name: LocalText
    version: NonEmpty
    author: NonEmpty

    @field_validator("version", mode="before")
    @classmethod
    def _version_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int | float) else value

    def label(self) -> str:
        """``acme-method 2.1``: how messages name the method."""
        return f"{self.id} {self.version}"

    def describe(self, language: Language) -> str:
        """``Acme method (acme 2.1, Acme Consulting)``: how every output names the method."""
        return f"{self.name.get(language)} ({self.label()}, {self.author})"


class WeightsFile(Strict):
    """``weights.yaml``: requirement id → weight (1 supporting, 2 important, 3 critical)."""

    weights: dict[str, Annotated[int, Field(ge=1, le=3)]] = Field(min_length=1)


class QuestionsOverlay(Strict):
    """``questions.yaml``: questions added to an area, or replacing ours of the same id."""

    areas: list[AreaQuestions] = Field(min_length=1)


class RulesOverlay(Strict):
    """``rules.yaml``: figures and indicator rules added, or replacing ours of the same id."""

    figures: list[Figure] = Field(default_factory=list)
    rules: list[IndicatorRule] = Field(default_factory=list)


def method_name(method: MethodInfo | None) -> str:
    """``method acme 2.1`` or ``no method (the shipped data)``, for messages."""
    return f"method {method.label()}" if method is not None else "no method (the shipped data)"


def same_method(one: MethodInfo | None, other: MethodInfo | None) -> bool:
    """Whether two assessments were made with the same method and version (or both without)."""
    return _key(one) == _key(other)


def _key(method: MethodInfo | None) -> tuple[str, str] | None:
    return None if method is None else (method.id, method.version)


def across_methods_message(made_with: MethodInfo | None, used: MethodInfo | None) -> str:
    """Why two assessments of different methods are not compared, and what to do."""
    return (
        f"made with {method_name(made_with)}, but this run uses {method_name(used)}: scores made "
        "with other questions, weights or a finer scale do not compare; use the same --method, "
        "or add --across-methods to compare them anyway"
    )
