"""The finished assessment: every score with the answers behind it, findings and verdict.

This is what ``assessment.json`` holds (``readiness schema --assessment`` prints its JSON
Schema). Renderers read it and compute nothing.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import Field, model_validator

from readiness.models.answers import Client, MatrixRow, Roles
from readiness.models.common import Basis, Extent, FindingClass, LocalText, Rating, Result
from readiness.models.provenance import CarriedAnswer, Disagreement, Source
from readiness.models.risks import UNWEIGHTED, Candidate, rank_risks


class Reason(Result):
    """Why a score or finding is what it is, in both languages."""

    code: str
    text: LocalText


CapKind = Literal["practised", "documented"]


class Contribution(Result):
    """One answer's part in a requirement's score."""

    question: str
    rating: Rating | None = Field(description="None when the question was not answered")
    grade: str | None = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description="the rating on the method's finer scale; rating holds its band",
    )
    value: float | None = Field(description="percent from the rating; None for NA")
    score: float | None = Field(description="value after evidence caps; None for NA")
    capped_by: list[CapKind] = Field(default_factory=list)
    documented: Extent | None = None
    practised: Extent | None = None
    evidence: list[str] = Field(default_factory=list)
    notes: str | None = None
    owner: str | None = None
    justification: str | None = None
    practice: bool = Field(
        default=False, description="a good-practice question: shown, never in the score"
    )


class Flag(StrEnum):
    """Conditions on a requirement worth showing apart from its score."""

    UNANSWERED = "unanswered"
    DOCUMENTED_NOT_PRACTISED = "documented_not_practised"
    PRACTISED_NOT_DOCUMENTED = "practised_not_documented"
    NA_NOT_ALLOWED = "na_not_allowed"
    NA_ACCEPTED = "na_accepted"
    DOCUMENT_MISSING = "document_missing"


class RequirementResult(Result):
    """A requirement's score, predicted finding and the answers that produced them."""

    id: str
    clause: str
    area: str
    weight: int
    score: float | None = Field(description="0-100; None when accepted as not applicable")
    score_exact: float | None = Field(
        default=None, description="the score unrounded: every threshold compares this"
    )
    finding: FindingClass
    basis: Basis = Field(
        default=Basis.REQUIREMENT, description="practice: an observation at most, never counted"
    )
    flags: list[Flag] = Field(default_factory=list)
    reasons: list[Reason] = Field(default_factory=list)
    recommendation: LocalText | None = None
    contributions: list[Contribution] = Field(default_factory=list)


class Counts(Result):
    """Predicted findings by class."""

    major: int = 0
    minor: int = 0
    observation: int = 0
    conforming: int = 0
    not_applicable: int = 0
    practice: int = Field(
        default=0, description="good-practice requirements with a gap (observations, apart)"
    )


class ScoreGroup(Result):
    """A roll-up of requirement scores: a clause, an area, a part, or the whole."""

    id: str
    score: float | None = Field(description="weighted mean, 0-100; None if all NA")
    score_exact: float | None = Field(
        default=None, description="the weighted mean unrounded: every threshold compares this"
    )
    weight: int = Field(description="sum of the weights of the requirements scored")
    requirements: list[str]
    counts: Counts


class Capability(Result):
    """Capability level of a process by the ISO/IEC 33020 rule."""

    level: int = Field(ge=0, le=5)
    attributes: dict[str, Rating]
    limited_by: str | None = Field(description="first attribute that stops the next level")
    capped: list[str] = Field(
        default_factory=list,
        description="attributes the client rated L or F without naming evidence, counted as P",
    )


class AreaResult(ScoreGroup):
    """An area's score, with a capability level for the 13 processes."""

    part: str
    process: bool
    capability: Capability | None = None


class FindingSource(StrEnum):
    """What a finding was predicted from."""

    REQUIREMENT = "requirement"
    INDICATOR = "indicator"
    MATRIX = "matrix"
    SYSTEMIC = "systemic"
    PRACTICE = "practice"


class Finding(Result):
    """A predicted audit finding."""

    id: str
    source: FindingSource
    finding: FindingClass
    area: str | None = None
    clause: str | None = None
    requirements: list[str] = Field(default_factory=list)
    reason: LocalText
    recommendation: LocalText | None = None
    grouped_into: str | None = Field(
        default=None, description="id of the systemic major this minor is counted in"
    )


class Blocker(Result):
    """Mandatory documented information missing: the stage 1 audit would stop here."""

    requirement: str
    clause: str
    kind: Literal["document", "record"]
    name: LocalText


class IndicatorResult(Result):
    """One indicator rule checked against the client's figures."""

    rule: str
    figure: str
    value: float | bool | None
    evaluated: bool
    fired: bool


class Verdict(StrEnum):
    """How far from certification the client is."""

    READY = "ready"
    READY_AFTER_MINOR_FIXES = "ready_after_minor_fixes"
    NOT_READY = "not_ready"
    INCOMPLETE = "incomplete"


class VerdictResult(Result):
    """The certification verdict and every reason for it."""

    verdict: Verdict
    reasons: list[Reason]


class Completeness(Result):
    """How much of the questionnaire was answered."""

    questions: int
    answered: int
    not_applicable: int
    figures: int
    figures_given: int
    rated_n: int = Field(default=0, description="answered N (not achieved): an answer, not a gap")
    unanswered: list[str] = Field(
        default_factory=list, description="questions left without a rating, in order"
    )

    @property
    def share(self) -> float:
        """Answered share of the questions, 0-1."""
        return self.answered / self.questions if self.questions else 0.0


class CheckStatus(StrEnum):
    """Outcome of a readiness precondition."""

    MET = "met"
    NOT_MET = "not_met"
    NOT_EVIDENCED = "not_evidenced"


class PreconditionResult(Result):
    """A certification-body expectation before stage 2 (not a clause), checked on a figure."""

    rule: str
    figure: str
    status: CheckStatus
    requirements: list[str]
    reason: LocalText
    recommendation: LocalText


class NotEvidenced(Result):
    """A figure a requirement rule needs, left empty: no evidence is not conformity."""

    rule: str
    figure: str
    area: str
    requirements: list[str]
    reason: LocalText


class ClassCounts(Result):
    """Nonconformities and observations of one source."""

    major: int = 0
    minor: int = 0
    observation: int = 0


class FindingCounts(Result):
    """The one count of predicted findings that every output shows, split by source.

    ``requirement`` counts requirement findings after systemic grouping: a systemic major
    counts once as a major and its minors are no longer counted as minors.
    ``total`` = requirement + indicator + matrix; practice observations, preconditions and
    figures not evidenced are counted apart and never in ``total``.
    """

    requirement: ClassCounts = Field(default_factory=ClassCounts)
    indicator: ClassCounts = Field(default_factory=ClassCounts)
    matrix: ClassCounts = Field(default_factory=ClassCounts)
    total: ClassCounts = Field(default_factory=ClassCounts)
    systemic: int = Field(default=0, description="systemic majors, inside requirement.major")
    grouped_minors: int = Field(default=0, description="minors counted in a systemic major")
    practice: int = Field(default=0, description="good-practice observations")
    preconditions_not_met: int = 0
    not_evidenced: int = Field(
        default=0, description="preconditions and requirement rules whose figure is empty"
    )

    @classmethod
    def of(
        cls,
        findings: list[Finding],
        systemic: list[Finding],
        practice: list[Finding],
        preconditions: list[PreconditionResult],
        not_evidenced: list[NotEvidenced],
    ) -> FindingCounts:
        """Count findings by source and class; the only place counts are made."""
        by_source = {s: ClassCounts() for s in ("requirement", "indicator", "matrix")}
        grouped = 0
        for finding in [*findings, *systemic]:
            if finding.grouped_into is not None:
                grouped += 1
                continue
            key = "indicator" if finding.source is FindingSource.INDICATOR else "matrix"
            if finding.source in (FindingSource.REQUIREMENT, FindingSource.SYSTEMIC):
                key = "requirement"
            tally = by_source[key]
            if finding.finding in (
                FindingClass.MAJOR,
                FindingClass.MINOR,
                FindingClass.OBSERVATION,
            ):
                name = finding.finding.value
                setattr(tally, name, getattr(tally, name) + 1)
        total = ClassCounts(
            **{
                name: sum(getattr(t, name) for t in by_source.values())
                for name in ("major", "minor", "observation")
            }
        )
        missing = sum(p.status is CheckStatus.NOT_EVIDENCED for p in preconditions)
        return cls(
            requirement=by_source["requirement"],
            indicator=by_source["indicator"],
            matrix=by_source["matrix"],
            total=total,
            systemic=len(systemic),
            grouped_minors=grouped,
            practice=len(practice),
            preconditions_not_met=sum(p.status is CheckStatus.NOT_MET for p in preconditions),
            not_evidenced=missing + len(not_evidenced),
        )


class Assessment(Result):
    """The complete result of assessing one answer file."""

    schema_version: Literal["1.0"] = "1.0"
    tool_version: str
    assessed_on: dt.date | None
    assessor: str | None
    prepared_by: str | None = Field(
        default=None, description="the consultancy named in the brand file, if one was used"
    )
    client: Client
    source: Source
    target_score: float
    area_floor: float = Field(default=50.0, description="an area below this blocks certification")
    overall: ScoreGroup
    parts: list[ScoreGroup]
    areas: list[AreaResult]
    clauses: list[ScoreGroup]
    requirements: list[RequirementResult]
    findings: list[Finding]
    systemic: list[Finding] = Field(
        default_factory=list, description="majors made of several minors against one area"
    )
    practice: list[Finding] = Field(
        default_factory=list, description="good-practice observations: never nonconformities"
    )
    preconditions: list[PreconditionResult] = Field(default_factory=list)
    not_evidenced: list[NotEvidenced] = Field(default_factory=list)
    counts: FindingCounts = Field(
        default_factory=FindingCounts, description="the finding counts every output shows"
    )
    blockers: list[Blocker]
    indicators: list[IndicatorResult]
    completeness: Completeness
    verdict: VerdictResult
    roles: Roles = Field(default_factory=Roles, description="role holders the client named")
    matrix: list[MatrixRow] = Field(
        default_factory=list, description="the client's role and responsibility matrix"
    )
    respondents: list[str] = Field(default_factory=list, description="files merged, if several")
    disagreements: list[Disagreement] = Field(default_factory=list)
    unconfirmed: list[CarriedAnswer] = Field(
        default_factory=list,
        exclude_if=lambda v: not v,
        description="answers carried from a certified ISO/IEC 27001 or ISO 9001 system that the "
        "consultant has not confirmed; scored as unanswered",
    )
    top_risks: list[str] = Field(
        default_factory=list,
        description="ids of the findings reports list first (models/risks.py: majors, then"
        " minors, then observations; within a class issues to resolve before stage 2, heavier"
        " requirements and lower scores first)",
    )

    @model_validator(mode="after")
    def _counted(self) -> Assessment:
        # an assessment saved before counts were stored gets them from its own findings
        if "counts" not in self.model_fields_set:
            self.counts = FindingCounts.of(
                self.findings, self.systemic, self.practice, self.preconditions, self.not_evidenced
            )
        if "top_risks" not in self.model_fields_set:  # ranked here, so saved files get it too
            self.top_risks = rank_risks(self._risk_candidates())
        return self

    def _risk_candidates(self) -> list[Candidate]:
        results = {result.id: result for result in self.requirements}
        blocked = {blocker.requirement for blocker in self.blockers}
        candidates = []
        for finding in [*self.systemic, *self.findings]:
            if finding.grouped_into is not None:
                continue  # counted in its systemic major
            behind = [results[r] for r in finding.requirements if r in results]
            scores = [result.score for result in behind if result.score is not None]
            candidates.append(Candidate(
                id=finding.id, finding=finding.finding,
                before_stage2=bool(blocked & set(finding.requirements)),
                weight=max((result.weight for result in behind), default=UNWEIGHTED),
                score=min(scores, default=None)))  # fmt: skip
        return candidates
