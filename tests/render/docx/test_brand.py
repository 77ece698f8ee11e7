"""The brand on Word documents: our header and footer, or the consultant's letterhead kept."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.shared import RGBColor

from readiness.language import Language
from readiness.render.brand import brand_view
from readiness.render.docx.report import report_docx
from readiness.render.report.model import ReportView
from tests.brands import CONTACT, DISCLAIMER, FIRM, TITLE, make_brand
from tests.report.conftest import example_assessment, example_whatif, views  # noqa: F401 (fixtures)
from tests.report.test_docx import _letterhead


def test_consultant_letterhead_kept_under_a_brand(
    views: dict[Language, ReportView],  # noqa: F811
    tmp_path: Path,
) -> None:
    template = tmp_path / "report.docx"
    _letterhead(template)
    brand = brand_view(make_brand(tmp_path / "brand"), Language.EN, "report")
    document = docx.Document(io.BytesIO(report_docx(views[Language.EN], template, brand)))
    assert document.sections[0].header.paragraphs[0].text == "Lotus Consulting letterhead"
    texts = [p.text for p in document.paragraphs]
    assert texts[:3] == ["Lotus Consulting cover page", FIRM, CONTACT]
    assert TITLE in texts
    assert f"Disclaimer: {DISCLAIMER}" in texts
    theirs = docx.Document(str(template)).styles["Heading 1"].font.color.rgb
    assert document.styles["Heading 1"].font.color.rgb == theirs != RGBColor(0x0B, 0x4F, 0x6C)


def test_branded_word_is_deterministic(
    views: dict[Language, ReportView],  # noqa: F811
    tmp_path: Path,
) -> None:
    brand = brand_view(make_brand(tmp_path), Language.ZH, "report")
    view = views[Language.ZH]
    assert report_docx(view, None, brand) == report_docx(view, None, brand)
