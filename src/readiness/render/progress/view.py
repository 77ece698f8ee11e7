"""The progress view: a comparison made ready to read in one language (see report.model)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from readiness.data.labels import labels
from readiness.language import Language
from readiness.models.assessment import Blocker
from readiness.models.catalogue import Catalogue
from readiness.models.comparison import (
    Comparison,
    FindingChange,
    Movement,
    PreconditionChange,
    ScoreChange,
)
from readiness.render.progress.pairs import paired_bars
from readiness.render.progress.trend import TrendView, build_trend
from readiness.render.rows import BlockerView
from readiness.render.text import percent as shown_percent

MOVEMENTS = (Movement.WORSE, Movement.NEW, Movement.BETTER, Movement.CLOSED)


@dataclass(frozen=True, slots=True)
class ChangeRow:
    """A score then and now."""

    id: str
    name: str
    old: float | None
    new: float | None
    delta: float | None
    old_level_value: int | None
    new_level_value: int | None
    old_text: str
    new_text: str
    delta_text: str
    direction: str
    old_level: str
    new_level: str


@dataclass(frozen=True, slots=True)
class MovementRow:
    """A finding that moved."""

    id: str
    movement: str
    movement_label: str
    area_name: str
    clause: str
    clause_title: str
    old: str
    new: str
    old_label: str
    new_label: str
    reason: str
    recommendation: str | None


@dataclass(frozen=True, slots=True)
class PreconditionRow:
    """A readiness precondition then and now."""

    rule: str
    old: str
    new: str
    old_label: str
    new_label: str
    reason: str


@dataclass(frozen=True, slots=True)
class ProgressView:
    """Everything the progress section shows, in one language."""

    words: dict[str, str]
    html_lang: str
    client: str
    old_date: str
    new_date: str
    old_verdict: str
    new_verdict: str
    old_verdict_label: str
    new_verdict_label: str
    new_verdict_reasons: list[str]
    old_counts: dict[str, int]
    new_counts: dict[str, int]
    overall: ChangeRow
    parts: list[ChangeRow]
    processes: list[ChangeRow]
    areas: list[ChangeRow]
    by_movement: dict[str, list[MovementRow]]
    unchanged: int
    blockers_closed: list[BlockerView]
    blockers_new: list[BlockerView]
    blockers_remaining: list[BlockerView]
    preconditions: list[PreconditionRow]
    questions_added: list[str]
    questions_removed: list[str]
    regressions: list[str]
    forced: bool
    chart: Markup
    trend: TrendView | None = None
    """Over three or more assessments: the trend section."""


class _Words:
    """The words and names of one language that the progress view's rows are made with."""

    def __init__(self, catalogue: Catalogue, language: Language) -> None:
        self.catalogue = catalogue
        self.language = language
        self.words = labels(language)

    def percent(self, value: float | None) -> str:
        return shown_percent(value, self.language)

    def name_of(self, group_id: str) -> str:
        if self.catalogue.has_area(group_id):
            return self.catalogue.area(group_id).title.get(self.language)
        part = next((p for p in self.catalogue.parts if p.id == group_id), None)
        return part.title.get(self.language) if part else self.words["overall"]

    def row(self, change: ScoreChange) -> ChangeRow:
        delta = change.delta
        return ChangeRow(
            id=change.id,
            name=self.name_of(change.id),
            old=change.old,
            new=change.new,
            delta=change.delta,
            old_level_value=change.old_level,
            new_level_value=change.new_level,
            old_text=self.percent(change.old),
            new_text=self.percent(change.new),
            delta_text="—" if delta is None else "0.0" if delta == 0 else f"{delta:+.1f}",
            direction="none"
            if delta is None
            else "up"
            if delta > 0
            else "down"
            if delta < 0
            else "same",
            old_level="" if change.old_level is None else str(change.old_level),
            new_level="" if change.new_level is None else str(change.new_level),
        )

    def clause_title(self, clause: str | None) -> str:
        return (
            self.catalogue.clause(clause).title.get(self.language)
            if clause and clause in self.catalogue.index.clause
            else ""
        )

    def moved(self, change: FindingChange) -> MovementRow:
        return MovementRow(
            id=change.id,
            movement=change.movement.value,
            movement_label=self.words[f"c_movement_{change.movement.value}"],
            area_name=self.name_of(change.area) if change.area else "",
            clause=change.clause or "",
            clause_title=self.clause_title(change.clause),
            old=change.old.value if change.old else "",
            new=change.new.value if change.new else "",
            old_label=self.words[f"finding_{change.old.value}"] if change.old else "—",
            new_label=self.words[f"finding_{change.new.value}"] if change.new else "—",
            reason=change.reason.get(self.language),
            recommendation=change.recommendation.get(self.language)
            if change.recommendation
            else None,
        )

    def blockers(self, items: list[Blocker]) -> list[BlockerView]:
        return [
            BlockerView(
                requirement=b.requirement,
                clause=b.clause,
                clause_title=self.clause_title(b.clause),
                kind=b.kind,
                kind_label=self.words[f"kind_{b.kind}"],
                name=b.name.get(self.language),
            )
            for b in items
        ]

    def precondition(self, change: PreconditionChange) -> PreconditionRow:
        return PreconditionRow(
            rule=change.rule,
            old=change.old.value if change.old else "",
            new=change.new.value if change.new else "",
            old_label=self.words[f"status_{change.old.value}"] if change.old else "—",
            new_label=self.words[f"status_{change.new.value}"] if change.new else "—",
            reason=change.reason.get(self.language),
        )

    def regression(self, item: str) -> str:
        kind, _, key = item.partition(" ")
        if kind == "area":
            return f"{self.words['area']} {key} {self.name_of(key)}"
        if kind == "finding":
            return f"{self.words['finding']} {key}"
        if kind == "precondition":
            return f"{self.words['c_precondition']} {key}"
        return self.words["overall"]


def build_progress(
    comparison: Comparison, catalogue: Catalogue, language: Language
) -> ProgressView:
    """The progress view of ``comparison`` in ``language``."""
    v = _Words(catalogue, language)
    words = v.words

    areas = [v.row(change) for change in comparison.areas]
    processes = [r for r in areas if catalogue.has_area(r.id) and catalogue.area(r.id).process]
    process_changes = [c for c in comparison.areas if c.id in {r.id for r in processes}]
    old, new = comparison.old, comparison.new
    return ProgressView(
        words=words,
        html_lang="zh-CN" if language is Language.ZH else "en",
        client=new.client,
        old_date=old.assessed_on.isoformat() if old.assessed_on else "—",
        new_date=new.assessed_on.isoformat() if new.assessed_on else "—",
        old_verdict=old.verdict.value,
        new_verdict=new.verdict.value,
        old_verdict_label=words[old.verdict.value],
        new_verdict_label=words[new.verdict.value],
        new_verdict_reasons=[reason.get(language) for reason in new.verdict_reasons],
        old_counts=old.counts,
        new_counts=new.counts,
        overall=v.row(comparison.overall),
        parts=[v.row(change) for change in comparison.parts],
        processes=processes,
        areas=areas,
        by_movement={
            m.value: [v.moved(c) for c in comparison.findings if c.movement is m] for m in MOVEMENTS
        },
        unchanged=comparison.unchanged,
        blockers_closed=v.blockers(comparison.blockers_closed),
        blockers_new=v.blockers(comparison.blockers_new),
        blockers_remaining=v.blockers(comparison.blockers_remaining),
        preconditions=[v.precondition(change) for change in comparison.preconditions],
        questions_added=comparison.questions_added,
        questions_removed=comparison.questions_removed,
        regressions=[v.regression(item) for item in comparison.regressions],
        forced=comparison.forced,
        chart=Markup(
            paired_bars(
                [(r.name, c.old, c.new) for r, c in zip(processes, process_changes, strict=True)],
                title=words["c_chart"],
                old_label=f"{words['c_then']} {old.assessed_on or ''}".strip(),
                new_label=f"{words['c_now']} {new.assessed_on or ''}".strip(),
            )
        ),
        trend=build_trend(comparison.trend, catalogue, language) if comparison.trend else None,
    )
