"""PDF reports from the print HTML with WeasyPrint (the optional extra ``readiness[pdf]``)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from readiness.errors import OutputError
from readiness.language import Language
from readiness.models.catalogue import Catalogue
from readiness.models.comparison import Comparison
from readiness.outputs.report import ReportFormat, render_comparison_outputs
from readiness.render.pdf import html_to_pdf
from readiness.render.report.model import ReportView
from readiness.render.report.render import render_html
from tests.report.test_docx import dark_pixels
from tests.report.test_progress import comparison, later  # noqa: F401 (fixtures)


def test_missing_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # the import fails as if not installed
    with pytest.raises(OutputError, match=r"pip install 'readiness\[pdf\]'") as caught:
        html_to_pdf("<p>x</p>")
    assert caught.value.exit_code == 2


def pdf_facts(pdf: Path) -> tuple[str, list[str]]:
    """The text of ``pdf`` and its fonts' lines (pdftotext, pdffonts)."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True)
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True)
    return text.stdout, fonts.stdout.splitlines()[2:]


def has_bookmarks(data: bytes) -> bool:
    """Whether the PDF's catalogue names an outline (object streams inflated to look)."""
    parts = [data]
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            parts.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return any(b"/Outlines" in part for part in parts)


@pytest.mark.slow
def test_progress_pdf(comparison: Comparison, catalogue: Catalogue, tmp_path: Path) -> None:  # noqa: F811
    pytest.importorskip("weasyprint")
    formats = [ReportFormat.PDF]
    data = render_comparison_outputs(comparison, catalogue, Language.EN, formats)[ReportFormat.PDF]
    assert isinstance(data, bytes)
    again = render_comparison_outputs(comparison, catalogue, Language.EN, formats)
    assert again[ReportFormat.PDF] == data  # dates fixed to the newer assessment's
    path = tmp_path / "progress.pdf"
    path.write_bytes(data)
    text, fonts = pdf_facts(path)
    assert "Verdict now (2027-03-01)" in text
    assert re.search(r"^1 ?/ ?\d+$", text, re.M)  # page numbers from pdf.css
    assert fonts
    assert all(" yes yes " in line for line in fonts)  # embedded subsets
    assert has_bookmarks(data)
    assert dark_pixels(path) > 200  # a blank page has none


@pytest.mark.slow
def test_gap_report_pdf_in_chinese(views: dict[Language, ReportView], tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    data = html_to_pdf(render_html(views[Language.ZH]), dt.date(2026, 11, 2))
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    text, fonts = pdf_facts(path)
    assert "结论" in text and "尚不具备认证条件" in text
    assert "管理层摘要" in text
    assert any("Noto-Sans-CJK-SC" in line for line in fonts)  # simplified forms first
    assert all(" yes yes " in line for line in fonts)
    assert has_bookmarks(data)
    assert dark_pixels(path) > 200
