"""The plan as PDF (WeasyPrint, the optional extra): Chinese text, embedded fonts, bookmarks."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness.language import Language
from readiness.models.plan import Plan
from readiness.outputs.plan import PlanFormat, render_plan_outputs
from tests.report.test_docx import dark_pixels
from tests.report.test_pdf import has_bookmarks, pdf_facts


@pytest.mark.slow
def test_plan_pdf_in_chinese(standard: Plan, tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    data = render_plan_outputs(standard, Language.ZH, [PlanFormat.PDF])[PlanFormat.PDF]
    assert isinstance(data, bytes)
    path = tmp_path / "plan.pdf"
    path.write_bytes(data)
    text, fonts = pdf_facts(path)
    assert "ISO/IEC 20000-1 认证项目计划" in text
    assert "尚不具备认证条件" in text
    assert any("Noto-Sans-CJK-SC" in line for line in fonts)  # simplified forms first
    assert all(" yes yes " in line for line in fonts)  # every font embedded as a subset
    assert has_bookmarks(data)
    assert dark_pixels(path) > 200  # a blank page has none
