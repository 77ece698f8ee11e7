"""The trend over several assessments of one client (pure: no printing, no clock).

The assessments are put in date order (``assessed_on``); each consecutive pair is compared as
``readiness compare`` compares two, so a finding closed in a period is closed in the same sense
as in the progress report. Scores are the rounded ones every output shows.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence

from readiness.errors import InputError, Problem
from readiness.models.assessment import Assessment, ScoreGroup
from readiness.models.catalogue import Catalogue
from readiness.models.comparison import Comparison, Movement
from readiness.models.trend import Trend, TrendPeriod, TrendPoint, TrendSeries
from readiness.scoring.compare import compare

MINIMUM = 3
"""Assessments a trend needs; two make a comparison."""


def in_date_order(
    assessments: Sequence[tuple[str, Assessment]],
) -> list[tuple[str, Assessment]]:
    """``(source, assessment)`` pairs by ``assessed_on`` (same dates keep their order).

    An assessment without a date has no place in a trend: an :class:`InputError` names it.
    """
    undated = [name for name, a in assessments if a.assessed_on is None]
    if undated:
        raise InputError(
            ", ".join(undated),
            [Problem("assessed_on", "a trend needs the date of every assessment; add it")],
        )
    return sorted(assessments, key=lambda pair: pair[1].assessed_on or dt.date.min)


def trend(
    assessments: Sequence[tuple[str, Assessment]],
    catalogue: Catalogue,
    *,
    force: bool = False,
    across_methods: bool = False,
) -> tuple[Comparison, Trend]:
    """The comparison of the last two assessments (in date order) and the trend over all.

    Needs at least :data:`MINIMUM`; every pair must be the same client unless ``force``, and
    made with the same method unless ``across_methods``.
    """
    ordered = in_date_order(assessments)
    if len(ordered) < MINIMUM:
        raise ValueError(f"a trend needs at least {MINIMUM} assessments")
    pairs = [
        compare(old, new, force=force, names=(old_name, new_name), across_methods=across_methods)
        for (old_name, old), (new_name, new) in itertools.pairwise(ordered)
    ]
    results = [a for _, a in ordered]
    processes = {area.id for area in catalogue.areas if area.process}
    last = results[-1]
    result = Trend(
        points=[
            TrendPoint(
                assessed_on=a.assessed_on,  # type: ignore[arg-type]  # checked above
                source=name,
                verdict=a.verdict.verdict,
                counts={c: getattr(a.counts.total, c) for c in ("major", "minor", "observation")},
                blockers=len(a.blockers),
            )
            for name, a in ordered
        ],
        overall=_series("overall", [a.overall for a in results]),
        parts=[
            _series(part.id, [_group(a.parts, part.id) for a in results]) for part in last.parts
        ],
        areas=[
            _series(area.id, [_group(a.areas, area.id) for a in results], area.id in processes)
            for area in last.areas
        ],
        periods=[_period(pair) for pair in pairs],
        area_floor=last.area_floor,
    )
    return pairs[-1].model_copy(update={"trend": result}), result


def _group(groups: Sequence[ScoreGroup], group_id: str) -> ScoreGroup | None:
    return next((g for g in groups if g.id == group_id), None)


def _series(group_id: str, groups: list[ScoreGroup | None], process: bool = False) -> TrendSeries:
    scores = [g.score if g is not None else None for g in groups]
    first, last = scores[0], scores[-1]
    change = None if first is None or last is None else round(last - first, 1)
    return TrendSeries(id=group_id, process=process, scores=scores, change=change)


def _period(pair: Comparison) -> TrendPeriod:
    def moved(movement: Movement) -> list[str]:
        return [f.id for f in pair.findings if f.movement is movement]

    return TrendPeriod(
        start=pair.old.assessed_on,  # type: ignore[arg-type]  # a trend's points are dated
        end=pair.new.assessed_on,  # type: ignore[arg-type]
        overall_delta=pair.overall.delta,
        closed=moved(Movement.CLOSED),
        new=moved(Movement.NEW),
        worse=moved(Movement.WORSE),
        better=moved(Movement.BETTER),
    )
