"""The trend view: a :class:`~readiness.models.trend.Trend` made ready to read in one language,
for the progress report's trend section (HTML, Markdown, Word, workbook) and the terminal."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from readiness.data.labels import labels
from readiness.language import Language
from readiness.models.catalogue import Catalogue
from readiness.models.trend import Trend, TrendSeries
from readiness.render.progress.lines import line_chart
from readiness.render.text import percent as shown_percent


@dataclass(frozen=True, slots=True)
class SeriesRow:
    """One score at every assessment."""

    id: str
    label: str
    scores: list[float | None]
    texts: list[str]
    change: float | None
    change_text: str


@dataclass(frozen=True, slots=True)
class PeriodRow:
    """What moved in one period."""

    label: str
    overall_delta_text: str
    closed: int
    new: int
    worse: int
    better: int
    closed_ids: str


@dataclass(frozen=True, slots=True)
class TrendView:
    """Everything the trend section shows, in one language."""

    words: dict[str, str]
    dates: list[str]
    sources: list[str]
    verdicts: list[str]
    counts: dict[str, list[int]]
    blockers: list[int]
    overall: SeriesRow
    parts: list[SeriesRow]
    processes: list[SeriesRow]
    areas: list[SeriesRow]
    periods: list[PeriodRow]
    chart: Markup


def build_trend(trend: Trend, catalogue: Catalogue, language: Language) -> TrendView:
    """The view of ``trend`` in ``language``."""
    words = labels(language)

    def percent(value: float | None) -> str:
        return shown_percent(value, language)

    def name_of(group_id: str) -> str:
        if group_id == "overall":
            return words["overall"]
        if catalogue.has_area(group_id):
            return f"{group_id} {catalogue.area(group_id).title.get(language)}"
        part = next((p for p in catalogue.parts if p.id == group_id), None)
        return f"{group_id} {part.title.get(language)}" if part else group_id

    def row(series: TrendSeries) -> SeriesRow:
        change = series.change
        return SeriesRow(
            id=series.id,
            label=name_of(series.id),
            scores=series.scores,
            texts=[percent(score) for score in series.scores],
            change=change,
            change_text="—" if change is None else "0.0" if change == 0 else f"{change:+.1f}",
        )

    def delta(value: float | None) -> str:
        return "—" if value is None else "0.0" if value == 0 else f"{value:+.1f}"

    overall = row(trend.overall)
    parts = [row(series) for series in trend.parts]
    areas = [row(series) for series in trend.areas]
    dates = [point.assessed_on for point in trend.points]
    bounds = [(f"{words['t_floor']} {percent(trend.area_floor)}", trend.area_floor)]
    return TrendView(
        words=words,
        dates=[date.isoformat() for date in dates],
        sources=[point.source for point in trend.points],
        verdicts=[words[point.verdict.value] for point in trend.points],
        counts={
            code: [point.counts.get(code, 0) for point in trend.points]
            for code in ("major", "minor", "observation")
        },
        blockers=[point.blockers for point in trend.points],
        overall=overall,
        parts=parts,
        processes=[r for r, s in zip(areas, trend.areas, strict=True) if s.process],
        areas=areas,
        periods=[
            PeriodRow(
                label=f"{period.start.isoformat()} → {period.end.isoformat()}",
                overall_delta_text=delta(period.overall_delta),
                closed=len(period.closed),
                new=len(period.new),
                worse=len(period.worse),
                better=len(period.better),
                closed_ids=", ".join(period.closed),
            )
            for period in trend.periods
        ],
        chart=Markup(
            line_chart(
                dates,
                [(r.label, r.scores) for r in [overall, *parts]],
                title=words["t_chart"],
                bounds=bounds,
            )
        ),
    )
