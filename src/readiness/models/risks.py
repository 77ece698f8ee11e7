"""The order of the "top risks": which predicted findings a client reads about first.

Majors before minors before observations, always; within a class, issues to resolve before
stage 2 (mandatory documented information missing) first, then heavier requirements, then
lower scores; the id settles ties so that the order never depends on input order. Findings of
indicator rules and of the role matrix have no requirement weight and count as weight 2, the
catalogue's usual weight. The assessment stores the ids (``top_risks`` in assessment.json);
every report shows them in this order and says how it is made.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from readiness.models.common import FindingClass

TOP_RISKS = 10
"""How many findings the top risks list."""

UNWEIGHTED = 2
"""The weight given to a finding with no requirement (an indicator rule, the role matrix)."""

SEVERITY = {FindingClass.MAJOR: 0, FindingClass.MINOR: 1, FindingClass.OBSERVATION: 2}


@dataclass(frozen=True)
class Candidate:
    """What the order of one finding depends on."""

    id: str
    finding: FindingClass
    before_stage2: bool
    weight: int
    score: float | None


def rank_risks(candidates: Iterable[Candidate], limit: int = TOP_RISKS) -> list[str]:
    """The ids of the first ``limit`` findings in the order described above."""
    ranked = sorted(
        (c for c in candidates if c.finding in SEVERITY),
        key=lambda c: (
            SEVERITY[c.finding],
            not c.before_stage2,
            -c.weight,
            c.score if c.score is not None else 101.0,
            c.id,
        ),
    )
    return [candidate.id for candidate in ranked[:limit]]
