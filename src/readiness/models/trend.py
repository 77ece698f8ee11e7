"""The trend over several assessments of one client: scores and findings, period by period."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from readiness.models.assessment import Verdict
from readiness.models.common import Result


class TrendPoint(Result):
    """One assessment of the series."""

    assessed_on: dt.date
    source: str = Field(description="the file it came from")
    verdict: Verdict
    counts: dict[str, int] = Field(description="predicted findings by class")
    blockers: int


class TrendSeries(Result):
    """One score (overall, a part or an area) at every point, rounded as every output shows it."""

    id: str
    process: bool = False
    scores: list[float | None]
    change: float | None = Field(description="last minus first, None if either is unscored")


class TrendPeriod(Result):
    """What moved between two consecutive assessments."""

    start: dt.date
    end: dt.date
    overall_delta: float | None
    closed: list[str] = Field(description="findings closed in the period")
    new: list[str]
    worse: list[str]
    better: list[str]


class Trend(Result):
    """The trend over three or more assessments of one client, in date order."""

    schema_version: Literal["1.0"] = "1.0"
    points: list[TrendPoint]
    overall: TrendSeries
    parts: list[TrendSeries]
    areas: list[TrendSeries]
    periods: list[TrendPeriod]
    area_floor: float = Field(
        description="the latest assessment's floor per area, drawn on the chart"
    )
