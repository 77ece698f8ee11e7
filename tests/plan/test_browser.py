"""The plan document and the progress report as the client sees them: in Chromium, on screen
and printed to A4 PDF (issue 13).

On screen at 1,280 px nothing scrolls sideways. In print (A4, the margins of report.css) no table
cell reaches past the page, no chart is sliced across pages, no page holds only a heading, and
every task id is on paper (nothing cut off at the page edge). Measured in the DOM under print
media at the page's printable width, and in the PDF's text page by page (pdftotext).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from readiness.language import Language
from readiness.models.catalogue import Catalogue
from readiness.models.comparison import Comparison
from readiness.models.plan import Plan
from readiness.outputs.report import ReportFormat, render_comparison_outputs
from readiness.render.plan.render import render_plan_html
from tests.report.test_browser import CHROMIUM_FLAGS, chromium
from tests.report.test_progress import comparison, later  # noqa: F401 (fixtures)

PX_PER_MM = 96 / 25.4
PRINTABLE_WIDTH = round((210 - 2 * 14) * PX_PER_MM)  # A4 less report.css's 14 mm side margins
PAGE_HEIGHT = (297 - 16 - 18) * PX_PER_MM  # less its top and bottom margins

# Every cell's right edge and every chart's height, under print media.
MEASURE = """() => {
  const limit = document.documentElement.clientWidth;
  const cells = Array.from(document.querySelectorAll('th, td'))
    .filter((cell) => cell.getBoundingClientRect().right > limit + 1)
    .map((cell) => cell.textContent.slice(0, 40));
  const charts = Array.from(document.querySelectorAll('figure svg'))
    .map((svg) => svg.getBoundingClientRect().height);
  const headings = Array.from(document.querySelectorAll('h1, h2, h3, h4'))
    .map((h) => h.textContent.trim());
  return {cells, charts, headings, width: document.documentElement.scrollWidth, limit};
}"""


def pdftotext() -> str:
    found = shutil.which("pdftotext")
    if found is None:
        pytest.skip("pdftotext (poppler-utils) is not on PATH")
    return found


def look(html: str, tmp_path: Path) -> tuple[dict[str, Any], dict[str, Any], list[list[str]]]:
    """Screen facts at 1,280 px, print facts at the printable width, and each PDF page's lines."""
    executable, tool = chromium(), pdftotext()
    sync_api = pytest.importorskip("playwright.sync_api")
    page_file = tmp_path / "page.html"
    page_file.write_text(html, encoding="utf-8")
    pdf = tmp_path / "page.pdf"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(page_file.as_uri(), wait_until="load")
            screen = page.evaluate(MEASURE)
            page.emulate_media(media="print")
            page.set_viewport_size({"width": PRINTABLE_WIDTH, "height": 1000})
            printed = page.evaluate(MEASURE)
            page.pdf(path=str(pdf), format="A4", print_background=True)
        finally:
            browser.close()
    text = subprocess.run(
        [tool, "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")
    pages = [
        [line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")
    ]
    return screen, printed, [lines for lines in pages if lines] or [[]]


def check_layout(screen: dict[str, Any], printed: dict[str, Any], pages: list[list[str]]) -> None:
    assert screen["width"] <= screen["limit"], "horizontal scroll on a 1,280 px screen"
    assert printed["width"] <= printed["limit"], "the printed page is wider than A4"
    assert printed["cells"] == [], "table cells past the page's edge"
    assert all(height <= PAGE_HEIGHT * 0.92 for height in printed["charts"]), printed["charts"]
    headings = set(printed["headings"])
    alone = [index + 1 for index, lines in enumerate(pages) if set(lines) <= headings]
    assert alone == [], f"pages holding only a heading: {alone}"


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
