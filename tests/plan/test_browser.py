"""The plan document and the progress report as the client sees them: in Chromium, on screen
and printed to A4 PDF (issue 13).

On screen at 1,280 px nothing scrolls sideways. In print (A4, the margins of report.css) no table
cell reaches past the page, no chart is sliced across pages, no page holds only a heading, and
every task id is on paper (nothing cut off at the page edge). Measured in the DOM under print
media at the page's printable width, and in the PDF's text page by page (pdftotext).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness.language import Language
from readiness.models.catalogue import Catalogue
from readiness.models.comparison import Comparison
from readiness.models.plan import Plan
from readiness.outputs.report import ReportFormat, render_comparison_outputs
from readiness.render.plan.render import render_plan_html
from tests.report.test_browser import check_layout, look
from tests.report.test_progress import comparison, later  # noqa: F401 (fixtures)


@pytest.mark.slow
@pytest.mark.parametrize("language", list(Language))
def test_plan_fits_the_screen_and_the_page(
    standard: Plan, fast: Plan, language: Language, tmp_path: Path
) -> None:
    screen, printed, pages = look(render_plan_html(standard, language, [fast]), tmp_path)
    check_layout(screen, printed, pages)
    paper = " ".join(" ".join(lines) for lines in pages)
    lost = [task.id for task in standard.tasks if task.id not in paper]
    assert lost == [], f"task ids not on paper: {lost}"
    # The milestone after every document (30 predecessors) reads as a summary, not a list.
    summary = {
        Language.EN: "BUILD.manual + 29 work packages",
        Language.ZH: "BUILD.manual + 29 个工作包",
    }
    assert summary[language] in paper
    # Cover, overview and the Gantt chart share the first two pages: the heading "Schedule" is
    # on the page of its chart, not alone before it.
    assert len(pages) <= {Language.EN: 36, Language.ZH: 28}[language], len(pages)


@pytest.mark.slow
@pytest.mark.parametrize("language", list(Language))
def test_progress_report_starts_on_its_cover_page(
    comparison: Comparison,  # noqa: F811
    catalogue: Catalogue,
    language: Language,
    tmp_path: Path,
) -> None:
    html = render_comparison_outputs(comparison, catalogue, language, [ReportFormat.HTML])
    text = html[ReportFormat.HTML]
    assert isinstance(text, str)
    screen, printed, pages = look(text, tmp_path)
    check_layout(screen, printed, pages)
    # The progress section begins under the cover, not on a page of its own.
    assert any("2026-11-02" in line and "2027-03-01" in line for line in pages[0][3:]), pages[0]
    assert len(pages[-1]) > 3, pages[-1]
