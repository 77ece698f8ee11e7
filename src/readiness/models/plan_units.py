"""The units and names the plan's configuration and the plan share: person-days, money,
shares and percentages (:class:`~decimal.Decimal` rounded to two places, so that sums are exact,
written as plain numbers in JSON), role, area and activity ids, deliverable kinds, the phases of
a certification project and the five cost parts.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import Field, PlainSerializer

from readiness.models.catalogue import AREA_ID

_AS_NUMBER = PlainSerializer(float, return_type=float, when_used="json")
PersonDays = Annotated[Decimal, Field(ge=0, decimal_places=2), _AS_NUMBER]
Money = Annotated[Decimal, Field(ge=0, decimal_places=2), _AS_NUMBER]
Share = Annotated[Decimal, Field(ge=0, le=1, decimal_places=4), _AS_NUMBER]
Percent = Annotated[Decimal, Field(ge=-100, le=100, decimal_places=2), _AS_NUMBER]
"""A signed percentage: negative reduces, positive adds."""
RoleId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
AreaId = Annotated[str, Field(pattern=AREA_ID)]
ActivityId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
Effort = dict[RoleId, PersonDays]
"""Person-days per role."""


class Kind(StrEnum):
    """Deliverable types of a remediation action."""

    POLICY = "policy"
    PROCEDURE = "procedure"
    RECORD = "record"
    TOOL = "tool"
    TRAINING = "training"
    PRACTICE = "practice"


class PhaseId(StrEnum):
    """Phases of a certification project (domain.md §4), in their order."""

    PREPARATION = "preparation"
    GAP_ANALYSIS = "gap_analysis"
    BUILD = "build"
    IMPLEMENTATION = "implementation"
    TRAINING = "training"
    INTERNAL_AUDIT = "internal_audit"
    MANAGEMENT_REVIEW = "management_review"
    CERTIFICATION_BODY = "certification_body"
    STAGE1 = "stage1"
    CORRECTION = "correction"
    STAGE2 = "stage2"
    SURVEILLANCE = "surveillance"


class CostPart(StrEnum):
    """The five cost parts of domain.md §4, and internal staff time when it is costed."""

    CONSULTING = "consulting"
    CERTIFICATION = "certification"
    TRAINING = "training"
    MATERIAL = "material"
    TOOLS = "tools"
    INTERNAL = "internal"
