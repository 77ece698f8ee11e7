"""The question bank: questions, capability attributes, figures and indicator rules."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from pydantic import Field, model_validator

from readiness.models.catalogue import AREA_ID, REQUIREMENT_ID
from readiness.models.common import Basis, FindingClass, LocalText, NonEmpty, Strict
from readiness.models.scale import RatingScale

Standard = Literal["iso27001", "iso9001"]
"""Management-system standards whose certificate a client may hold, sharing the harmonized
structure (clauses 4 to 10) with ISO/IEC 20000-1."""

QUESTION_ID = r"^[ABC]\.[A-Z]{2,5}\.\d{2}$"
FIGURE_ID = r"^[a-z][a-z0-9_]{2,60}$"


class Question(Strict):
    """One question the client rates N, P, L, F or NA."""

    id: str = Field(pattern=QUESTION_ID)
    text: LocalText
    guidance: LocalText
    evidence: LocalText
    covers: list[str] = Field(min_length=1, max_length=6)
    basis: Basis = Field(
        default=Basis.REQUIREMENT,
        description="practice: asks about good practice; its gaps are observations only",
    )
    shared_with: list[Standard] = Field(
        default_factory=list,
        description="standards whose certified system already answers it (harmonized structure)",
    )

    @property
    def area_id(self) -> str:
        """``B.SLM`` for ``B.SLM.03``."""
        return self.id.rsplit(".", 1)[0]


class AreaQuestions(Strict):
    """The questions of one area, as a question file lists them."""

    area: str = Field(pattern=AREA_ID)
    questions: list[Question] = Field(min_length=1)


class QuestionFile(Strict):
    """One file of questions."""

    areas: list[AreaQuestions] = Field(min_length=1)


class CapabilityAttribute(Strict):
    """A process attribute of ISO/IEC 33020, asked once per process."""

    id: Literal["PA1.1", "PA2.1", "PA2.2", "PA3.1", "PA3.2", "PA4.1", "PA4.2", "PA5.1", "PA5.2"]
    level: int = Field(ge=1, le=5)
    name: LocalText
    question: LocalText
    guidance: LocalText
    derived: bool = Field(
        default=False, description="rated from the process's conformity score, not asked"
    )


class Figure(Strict):
    """A number or yes/no the client reports, such as the share of emergency changes."""

    id: str = Field(pattern=FIGURE_ID)
    area: str = Field(pattern=AREA_ID)
    kind: Literal["percent", "count", "months", "yes_no"]
    text: LocalText
    guidance: LocalText

    @property
    def bounds(self) -> tuple[float, float] | None:
        """Valid range of a numeric figure."""
        if self.kind == "percent":
            return (0.0, 100.0)
        if self.kind in ("count", "months"):
            return (0.0, 1_000_000.0)
        return None


class Condition(Strict):
    """``figure op value``; a rule fires when all of its conditions hold."""

    op: Literal["lt", "le", "gt", "ge", "eq", "ne"]
    value: float | bool


class IndicatorRule(Strict):
    """A rule over one figure that predicts a finding."""

    id: str = Field(pattern=r"^IND-[A-Z0-9-]+$")
    figure: str = Field(pattern=FIGURE_ID)
    when: list[Condition] = Field(min_length=1, description="all must hold")
    finding: Literal[FindingClass.MAJOR, FindingClass.MINOR, FindingClass.OBSERVATION]
    requirements: list[str] = Field(min_length=1)
    message: LocalText
    recommendation: LocalText
    basis: Basis = Field(
        default=Basis.REQUIREMENT,
        description="requirement, good practice (observation at most) or a certification-body "
        "precondition for stage 2",
    )
    blocks_stage2: bool = Field(
        default=False, description="the stage 2 audit cannot go ahead while this holds"
    )

    @model_validator(mode="after")
    def _check_ids(self) -> IndicatorRule:
        for requirement_id in self.requirements:
            if not _matches(REQUIREMENT_ID, requirement_id):
                raise ValueError(f"{requirement_id} is not a requirement id")
        return self


class BusinessCategory(Strict):
    """One of the 14 business categories of the Chinese accreditation scheme."""

    id: str = Field(pattern=r"^[a-z_]+$")
    name: LocalText


@dataclass(frozen=True)
class QuestionnaireIndex:
    """Lookup tables over a question bank."""

    question: dict[str, Question]
    figure: dict[str, Figure]
    covering: dict[str, tuple[str, ...]]


class Questionnaire(Strict):
    """The whole question bank, assembled from the files of one questionnaire folder."""

    id: NonEmpty
    version: NonEmpty
    title: LocalText
    edition: NonEmpty
    areas: list[AreaQuestions]
    capability: list[CapabilityAttribute]
    figures: list[Figure]
    rules: list[IndicatorRule]
    business_categories: list[BusinessCategory]
    scale: RatingScale | None = Field(
        default=None, description="a method's finer rating scale; None: N, P, L, F"
    )

    @model_validator(mode="after")
    def _check_ids(self) -> Questionnaire:
        errors: list[str] = []
        questions = [q for group in self.areas for q in group.questions]
        seen: set[str] = set()
        for question in questions:
            if question.id in seen:
                errors.append(f"question id {question.id} is used twice")
            seen.add(question.id)
        for group in self.areas:
            errors += [
                f"question {q.id} is listed under area {group.area}"
                for q in group.questions
                if q.area_id != group.area
            ]
        figure_ids = [f.id for f in self.figures]
        if len(set(figure_ids)) != len(figure_ids):
            errors.append("a figure id is used twice")
        errors += [
            f"rule {r.id}: figure {r.figure} does not exist"
            for r in self.rules
            if r.figure not in figure_ids
        ]
        attribute_ids = [a.id for a in self.capability]
        if sorted(attribute_ids) != sorted(set(attribute_ids)) or "PA1.1" not in attribute_ids:
            errors.append("capability attributes must be unique and include PA1.1")
        if errors:
            raise ValueError("; ".join(errors))
        return self

    @cached_property
    def index(self) -> QuestionnaireIndex:
        """Lookup tables, built on first use."""
        questions = [q for group in self.areas for q in group.questions]
        covering: dict[str, list[str]] = {}
        for question in questions:
            for requirement_id in question.covers:
                covering.setdefault(requirement_id, []).append(question.id)
        return QuestionnaireIndex(
            question={q.id: q for q in questions},
            figure={f.id: f for f in self.figures},
            covering={key: tuple(value) for key, value in covering.items()},
        )

    def covering(self, requirement_id: str) -> tuple[str, ...]:
        """Ids of the questions that cover a requirement, in questionnaire order."""
        return self.index.covering.get(requirement_id, ())

    def questions(self) -> list[Question]:
        """Every question, in questionnaire order."""
        return list(self.index.question.values())

    def question(self, question_id: str) -> Question:
        """The question with this id."""
        return self.index.question[question_id]

    def has_question(self, question_id: str) -> bool:
        """Whether the bank holds this question id."""
        return question_id in self.index.question

    def figure(self, figure_id: str) -> Figure:
        """The figure with this id."""
        return self.index.figure[figure_id]

    def has_figure(self, figure_id: str) -> bool:
        """Whether the bank asks for this figure."""
        return figure_id in self.index.figure

    def asked_attributes(self) -> list[CapabilityAttribute]:
        """Capability attributes the client rates (PA 1.1 is derived)."""
        return [a for a in self.capability if not a.derived]


def _matches(pattern: str, value: str) -> bool:
    import re

    return re.fullmatch(pattern.strip("^$"), value) is not None
