"""Capability level of a process by the ISO/IEC 33020 rule.

A process reaches level n when the attributes of level n are rated L or F and every
attribute of the levels below is rated F. PA 1.1 (process performance) is not asked: it is
the band of the process's conformity score. An asked attribute rated L or F counts as P when
the client names no evidence for the process's attributes: the same cap as a requirement
rated without evidence.
"""

from __future__ import annotations

from readiness.models.assessment import Capability
from readiness.models.common import Rating
from readiness.models.questionnaire import CapabilityAttribute
from readiness.scoring.ratings import at_least, band_of


def capability(
    attributes: list[CapabilityAttribute],
    score: float | None,
    answered: dict[str, Rating | None],
    *,
    evidenced: bool = True,
) -> Capability:
    """The level (0-5) a process reaches, and the attribute that stops the next one.

    ``score`` is the process's conformity score; ``answered`` the client's attribute ratings
    (a missing rating counts as N); ``evidenced`` whether the client named evidence for them.
    """
    ratings: dict[str, Rating] = {}
    capped: list[str] = []
    for attribute in sorted(attributes, key=lambda a: a.id):
        if attribute.derived:
            ratings[attribute.id] = band_of(score) if score is not None else Rating.N
            continue
        rating = answered.get(attribute.id) or Rating.N
        if not evidenced and rating in (Rating.L, Rating.F):
            capped.append(attribute.id)
            rating = Rating.P
        ratings[attribute.id] = rating
    by_level: dict[int, list[str]] = {}
    for attribute in attributes:
        by_level.setdefault(attribute.level, []).append(attribute.id)
    level = 0
    limited_by: str | None = None
    for candidate in sorted(by_level):
        lower = [a for lvl, ids in by_level.items() if lvl < candidate for a in ids]
        # a lower level not fully achieved is named first: it is the foundation to fix
        short = [a for a in sorted(lower) if ratings[a] is not Rating.F]
        short += [a for a in sorted(by_level[candidate]) if not at_least(ratings[a], Rating.L)]
        if short:
            limited_by = short[0]
            break
        level = candidate
    return Capability(level=level, attributes=ratings, limited_by=limited_by, capped=capped)
