"""The report view: an assessment made ready to read in one language.

Every renderer (HTML, Markdown, Excel) reads these plain records. They hold texts already in
the report's language and numbers already formatted, so templates only lay them out. Nothing
here is scored: the values are the assessment's, looked up and ordered for reading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from readiness.render.rows import BlockerView

if TYPE_CHECKING:
    from readiness.render.progress.view import ProgressView
    from readiness.render.report.view_carried import CarriedSection
    from readiness.render.report.whatif import WhatIfView

__all__ = ["BlockerView"]  # shown by the gap report and the progress report alike


@dataclass(frozen=True, slots=True)
class Meta:
    """Who, when, against what, and with which tool."""

    language: str
    html_lang: str
    title: str
    client: str
    assessor: str | None
    assessed_on: str | None
    standard: str
    catalogue_version: str
    questionnaire: str
    questionnaire_version: str
    scoring_version: str
    tool_version: str
    respondents: list[str]
    method: str | None = None
    """The consultant's method: name, id and version, author; None for the shipped data."""
    scale: str | None = None
    """The method's rating scale with each rating's value, when it has its own."""


@dataclass(frozen=True, slots=True)
class Profile:
    """The client's scope and the feasibility view (why certify, what it should bring)."""

    scope: str | None
    categories: list[str]
    personnel: int | None
    sites: list[str]
    services: list[str]
    management_basis: str | None
    expected_benefits: str | None


@dataclass(frozen=True, slots=True)
class Tally:
    """Predicted findings by class."""

    major: int
    minor: int
    observation: int
    conforming: int
    not_applicable: int


@dataclass(frozen=True, slots=True)
class ScoreRow:
    """One score of the report: the whole, a part, or an area (with its capability)."""

    id: str
    name: str
    score: float | None
    score_text: str
    band: str = field(metadata={"doc": "low (below the floor), mid, high (target met), none"})
    tally: Tally
    weight: int
    part: str = ""
    process: bool = False
    clauses: str = ""
    clause_2011: str | None = None
    level: int | None = None
    level_text: str = ""
    limited_by: str | None = None
    owner: str | None = None


@dataclass(frozen=True, slots=True)
class AnswerView:
    """One answer behind a requirement's score."""

    question: str
    text: str
    rating: str
    rating_label: str
    score_text: str
    capped: list[str]
    documented: str
    practised: str
    evidence: list[str]
    notes: str | None
    owner: str | None
    justification: str | None


@dataclass(frozen=True, slots=True)
class RequirementView:
    """A requirement with its score, predicted finding, reasons and the answers behind it."""

    id: str
    clause: str
    clause_title: str
    area: str
    area_name: str
    text: str
    weight: int
    score: float | None
    score_text: str
    finding: str
    finding_label: str
    flags: list[str]
    flag_codes: list[str]
    reasons: list[str]
    recommendation: str | None
    answers: list[AnswerView]
    document: str | None
    document_kind: str | None


@dataclass(frozen=True, slots=True)
class FindingView:
    """A predicted audit finding, with the requirement behind it when there is one."""

    id: str
    source: str
    source_label: str
    finding: str
    finding_label: str
    area: str | None
    area_name: str
    clause: str | None
    clause_title: str
    requirements: list[str]
    reason: str
    recommendation: str | None
    requirement: RequirementView | None
    grouped_into: str | None = None


@dataclass(frozen=True, slots=True)
class IndicatorView:
    """An indicator rule checked against a figure the client gave."""

    rule: str
    figure: str
    figure_text: str
    value_text: str
    evaluated: bool
    fired: bool
    finding: str | None
    finding_label: str
    message: str


@dataclass(frozen=True, slots=True)
class DocumentCheck:
    """One item of the mandatory documented information checklist."""

    requirement: str
    clause: str
    clause_title: str
    area_name: str
    kind: str
    kind_label: str
    name: str
    status: str
    status_label: str
    score_text: str


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    """Evidence the client is asked to show for one question."""

    question: str
    text: str
    evidence: str
    requirements: list[str]
    finding: str
    finding_label: str


@dataclass(frozen=True, slots=True)
class EvidenceGroup:
    """The evidence requests of one area, addressed to its owner."""

    area: str
    area_name: str
    owner: str | None
    items: list[EvidenceItem]


@dataclass(frozen=True, slots=True)
class NaStatement:
    """A question answered not applicable: the not applicable items and their justification."""

    question: str
    text: str
    area_name: str
    requirements: list[str]
    justification: str
    accepted: bool
    status_label: str


@dataclass(frozen=True, slots=True)
class Attribute:
    """A process attribute's rating."""

    id: str
    name: str
    rating: str
    capped: bool = False


@dataclass(frozen=True, slots=True)
class AreaSection:
    """One area's part of the report: its score, capability, findings and requirements."""

    row: ScoreRow
    part_name: str
    attributes: list[Attribute]
    findings: list[FindingView]
    requirements: list[RequirementView]


@dataclass(frozen=True, slots=True)
class MatrixRowView:
    """A work item of the role and responsibility matrix, one cell per person."""

    item: str
    area_name: str
    cells: list[str]


@dataclass(frozen=True, slots=True)
class MatrixView:
    """The client's role and responsibility matrix."""

    sms_owner: str | None
    owners: list[tuple[str, str]]
    people: list[str]
    rows: list[MatrixRowView]


@dataclass(frozen=True, slots=True)
class HeatRow:
    """Findings of one clause by class (major, minor, observation)."""

    clause: str
    label: str
    counts: list[int]


@dataclass(frozen=True, slots=True)
class VerdictView:
    """The verdict and every reason for it."""

    code: str
    label: str
    reasons: list[str]


@dataclass(frozen=True, slots=True)
class CompletenessView:
    """How much of the questionnaire was answered."""

    questions: int
    answered: int
    not_applicable: int
    figures: int
    figures_given: int
    share_text: str
    unanswered: int
    rated_n: int


@dataclass(frozen=True, slots=True)
class CountRow:
    """Findings of one source by class, or their total."""

    key: str
    label: str
    major: int
    minor: int
    observation: int


@dataclass(frozen=True, slots=True)
class CountsView:
    """The assessment's one count of findings, split by source (rows end with the total)."""

    rows: list[CountRow]
    total: CountRow
    systemic: int
    grouped_minors: int
    practice: int
    preconditions_not_met: int
    not_evidenced: int
    systemic_note: str


@dataclass(frozen=True, slots=True)
class PreconditionView:
    """A readiness precondition and whether it is met."""

    rule: str
    figure_text: str
    status: str
    status_label: str
    reason: str
    recommendation: str


@dataclass(frozen=True, slots=True)
class NotEvidencedView:
    """A figure a rule needs, left empty."""

    rule: str
    figure_text: str
    area_name: str
    reason: str


@dataclass(frozen=True, slots=True)
class UnansweredView:
    """A question left without a rating."""

    question: str
    text: str
    area: str
    area_name: str


@dataclass(frozen=True, slots=True)
class DisagreementView:
    """Where respondents of one client differ."""

    subject: str
    field: str
    values: list[tuple[str, str]]
    merged: str


@dataclass(frozen=True, slots=True)
class PartSections:
    """The area sections of one part."""

    row: ScoreRow
    sections: list[AreaSection]


@dataclass(frozen=True, slots=True)
class ReportView:
    """Everything a gap report shows, in one language."""

    words: dict[str, str]
    meta: Meta
    profile: Profile
    verdict: VerdictView
    target: float
    target_text: str
    floor_text: str
    completeness: CompletenessView
    overall: ScoreRow
    parts: list[ScoreRow]
    processes: list[ScoreRow]
    areas: list[ScoreRow]
    chapters: list[PartSections]
    top_risks: list[FindingView]
    findings: list[FindingView]
    by_class: dict[str, list[FindingView]]
    blockers: list[BlockerView]
    mismatches: list[RequirementView]
    indicators: list[IndicatorView]
    indicator_findings: list[FindingView]
    matrix_findings: list[FindingView]
    matrix: MatrixView
    documents: list[DocumentCheck]
    evidence: list[EvidenceGroup]
    not_applicable: list[NaStatement]
    requirements: list[RequirementView]
    heat: list[HeatRow]
    heat_columns: list[str]
    disagreements: list[DisagreementView]
    counts: CountsView
    systemic: list[FindingView]
    practice: list[FindingView]
    preconditions: list[PreconditionView]
    not_evidenced: list[NotEvidencedView]
    unanswered: list[UnansweredView]
    progress: ProgressView | None = None
    carried: CarriedSection | None = None
    """Certificates held and carried answers not confirmed (None when neither)."""
    whatif: WhatIfView | None = None
