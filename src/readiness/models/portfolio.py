"""A portfolio run's result for one client: its headline numbers, or why it failed."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ClientResult:
    """One client of a portfolio: its headline numbers, or why it could not be assessed."""

    file: str
    folder: str
    client: str | None = None
    verdict: str | None = None
    score: float | None = None
    weakest: str | None = None
    weakest_score: float | None = None
    blockers: int = 0
    majors: int = 0
    minors: int = 0
    error: str | None = None
