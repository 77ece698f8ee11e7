"""The colours of the finding classes, one place for every document: strong colours for charts
and print, light tints for table cells. Keyed by :class:`~readiness.models.common.FindingClass`,
so a new class cannot be drawn in one document and forgotten in another."""

from __future__ import annotations

from readiness.models.common import FindingClass

CLASS_COLOURS: dict[FindingClass, str] = {
    FindingClass.MAJOR: "#c0392b",
    FindingClass.MINOR: "#e67e22",
    FindingClass.OBSERVATION: "#f1c40f",
    FindingClass.CONFORMING: "#27ae60",
    FindingClass.NOT_APPLICABLE: "#95a5a6",
}
"""Strong colour of each class (charts, heat map), most severe first."""
CLASS_TINTS: dict[FindingClass, str] = {
    FindingClass.MAJOR: "F8D7DA",
    FindingClass.MINOR: "FCE4D6",
    FindingClass.OBSERVATION: "FFF2CC",
    FindingClass.CONFORMING: "E2EFDA",
    FindingClass.NOT_APPLICABLE: "F2F2F2",
}
"""Light tint of each class, as RRGGBB (workbook cells)."""


def css_name(finding: FindingClass) -> str:
    """The class's name in CSS (``not-applicable``)."""
    return finding.value.replace("_", "-")
