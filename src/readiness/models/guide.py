"""The next two steps after the questionnaire: the interview guide per respondent role and the
internal-audit checklist, with the shipped settings that drive the guide's selection.

Both results are plain data (``interview-guide.json``, ``audit-checklist.json``): the library
decides what to probe, in which order, and what to sample; renderers only present it.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import Field, model_validator

from readiness.models.assessment import Flag
from readiness.models.common import (
    Basis,
    Extent,
    FindingClass,
    LocalText,
    NonEmpty,
    Rating,
    Result,
    Strict,
)
from readiness.models.provenance import Disagreement


class ProbeKind(StrEnum):
    """Why an answer is probed in the interview."""

    DOCUMENTED_NOT_PRACTISED = "documented_not_practised"
    DISAGREEMENT = "disagreement"
    NO_EVIDENCE = "no_evidence"
    WEAKEST = "weakest"


class ProbeText(Strict):
    """What the interviewer asks first about an answer probed for this reason (the kind's
    title is a label, ``probe_<kind>``)."""

    ask: LocalText


class Selection(Strict):
    """Which answers the guide picks, and how many."""

    order: list[ProbeKind] = Field(description="kinds in the order they are probed")
    weakest_processes: int = Field(ge=0, le=13, description="lowest-scoring processes")
    below_floor: bool = Field(description="also every area below the area floor")
    per_weak_area: int = Field(ge=0, le=50)
    max_per_role: int = Field(ge=1, le=200)

    @model_validator(mode="after")
    def _every_kind_once(self) -> Selection:
        if sorted(self.order) != sorted(ProbeKind):
            names = ", ".join(k.value for k in ProbeKind)
            raise ValueError(f"order must name each kind once: {names}")
        return self


class InterviewData(Strict):
    """``questionnaires/iso20000-2018/interview.yaml``: selection and prompts."""

    interview_version: NonEmpty
    selection: Selection
    probes: dict[ProbeKind, ProbeText]
    questions: dict[str, LocalText] = Field(
        default_factory=dict, description="interview prompt per question id"
    )

    @model_validator(mode="after")
    def _every_kind_worded(self) -> InterviewData:
        missing = [k.value for k in ProbeKind if k not in self.probes]
        if missing:
            raise ValueError(f"probes: no text for {', '.join(missing)}")
        return self


class Probe(Result):
    """One answer to probe with a role: why, what to ask, what to see."""

    question: str
    area: str
    kinds: list[ProbeKind] = Field(description="every reason that applies; the first placed it")
    requirements: list[str]
    finding: FindingClass = Field(description="the worst predicted class of its requirements")
    score: float | None = Field(description="the lowest score of its requirements")
    rating: Rating | None
    documented: Extent | None = None
    practised: Extent | None = None
    evidence: list[str] = Field(default_factory=list, description="what the client named")
    owner: str | None = None
    notes: str | None = None
    disagreements: list[Disagreement] = Field(default_factory=list)
    ask: list[LocalText] = Field(description="the questions to ask, in order")
    listen_for: LocalText = Field(description="what a full (F) and a partial (P) answer look like")
    see: list[LocalText] = Field(description="documents and records to look at")


class RoleGuide(Result):
    """The interview of one respondent role: a process owner, or the management of a part."""

    id: str = Field(description="a process area id, or a part id for its other areas")
    part: str
    areas: list[str]
    holder: str | None = Field(description="the role holder the client named")
    people: list[str] = Field(description="other owners named on the probed answers")
    probes: list[Probe]
    reported_differently: list[Disagreement] = Field(
        default_factory=list,
        description="figures and capability attributes of its areas that respondents differ on",
    )
    if_time_allows: list[str] = Field(
        default_factory=list, description="questions selected beyond the role's limit"
    )


class WeakArea(Result):
    """A process or area the guide treats as weakest, with its score."""

    area: str
    score: float


class InterviewGuide(Result):
    """The interview guide of one assessment."""

    schema_version: Literal["1.0"] = "1.0"
    tool_version: str
    interview_version: str
    assessed_on: dt.date | None
    client: str
    respondents: list[str]
    order: list[ProbeKind]
    weak_areas: list[WeakArea] = Field(description="the weakest processes and areas, weakest first")
    counts: dict[ProbeKind, int] = Field(description="probes placed under each kind")
    roles: list[RoleGuide]


class Conclusion(StrEnum):
    """What the internal auditor concludes on a checklist line (the workbook's dropdown)."""

    CONFORMING = "conforming"
    OBSERVATION = "observation"
    MINOR = "minor"
    MAJOR = "major"
    NOT_AUDITED = "not_audited"


class ChecklistLine(Result):
    """One requirement to audit: what to sample and what the assessment predicts."""

    requirement: str
    clause: str
    area: str
    weight: int
    basis: Basis
    sample: list[LocalText] = Field(description="documented information and typical evidence")
    named: list[str] = Field(description="the client's own documents and records for it")
    status: FindingClass = Field(description="the predicted finding class, or conforming")
    score: float | None
    flags: list[Flag] = Field(default_factory=list)


class ChecklistGroup(Result):
    """The lines of one top-level clause answered in one area, in clause order."""

    clause: str
    area: str
    lines: list[ChecklistLine]


class AuditChecklist(Result):
    """The internal-audit checklist: every requirement of the catalogue, in clause order."""

    schema_version: Literal["1.0"] = "1.0"
    tool_version: str
    assessed_on: dt.date | None
    client: str
    conclusions: list[Conclusion] = Field(default_factory=lambda: list(Conclusion))
    groups: list[ChecklistGroup]

    @property
    def lines(self) -> list[ChecklistLine]:
        """Every line, in order."""
        return [line for group in self.groups for line in group.lines]
