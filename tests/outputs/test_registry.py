"""The format registry: every format of every document has a file name and a renderer, and
the file names of one folder never collide."""

from __future__ import annotations

import pytest

from readiness.outputs.plan import PLAN, PlanFormat
from readiness.outputs.registry import parse_formats
from readiness.outputs.report import PROGRESS, REPORT, ReportFormat


@pytest.mark.parametrize(
    ("document", "formats"), [(REPORT, ReportFormat), (PROGRESS, ReportFormat), (PLAN, PlanFormat)]
)
def test_every_format_has_a_renderer_and_a_file(document: object, formats: type) -> None:
    outputs = document.outputs  # type: ignore[attr-defined]
    assert set(outputs) == set(formats)
    assert all(callable(o.render) and o.file_name for o in outputs.values())


def test_documents_written_into_one_folder_never_share_a_file_name() -> None:
    # assess --plan writes the report and the plan side by side
    names = [o.file_name for d in (REPORT, PLAN) for o in d.outputs.values()]  # type: ignore[attr-defined]
    assert len(names) == len(set(names))


def test_formats_parse_in_order_without_repeats_and_with_aliases() -> None:
    assert parse_formats("md, html,markdown", ReportFormat) == [ReportFormat.MD, ReportFormat.HTML]
    assert parse_formats("msproject,json", PlanFormat) == [PlanFormat.MSPDI, PlanFormat.JSON]
    with pytest.raises(ValueError, match="'pdf2' is not a format; use html, md, xlsx, json"):
        parse_formats("html,pdf2", ReportFormat)
    with pytest.raises(ValueError, match="no format given"):
        parse_formats(" , ", ReportFormat)
