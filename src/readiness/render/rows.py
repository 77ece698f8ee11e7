"""View rows that more than one document shows (the gap report and the progress report)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BlockerView:
    """Mandatory documented information that is missing."""

    requirement: str
    clause: str
    clause_title: str
    kind: str
    kind_label: str
    name: str
