"""The HTML report in a real browser: headless Chromium loads it, prints it to PDF and PNG.

CI installs Debian's chromium (see ``.ci/run``); elsewhere the test is skipped without it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from readiness.language import Language
from readiness.render.report.model import ReportView
from readiness.render.report.render import render_html

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail("chromium is not on PATH; CI must install Debian's chromium package")
    pytest.skip("chromium is not on PATH: install it to run the browser test")


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
def test_the_report_fits_the_screen_and_the_page(
    views: dict[Language, ReportView], language: Language, tmp_path: Path
) -> None:
    """No sideways scroll at 1,280 px; in print, no cell past the page, no lone heading."""
    screen, printed, pages = look(render_html(views[language]), tmp_path)
    check_layout(screen, printed, pages)


@pytest.mark.slow
@pytest.mark.parametrize("language", list(Language))
def test_chromium_renders_the_report(
    views: dict[Language, ReportView], language: Language, tmp_path: Path
) -> None:
    executable = chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    page_file = tmp_path / "report.html"
    page_file.write_text(render_html(views[language]), encoding="utf-8")
    failed: list[str] = []
    errors: list[str] = []
    requested: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on("requestfailed", lambda request: failed.append(request.url))
            page.on("request", lambda request: requested.append(request.url))
            page.on(
                "console",
                lambda message: errors.append(message.text) if message.type == "error" else None,
            )
            page.goto(page_file.as_uri(), wait_until="load")
            charts = page.locator("figure svg")
            assert charts.count() == 5  # the what-if bars and the report's four charts
            for index in range(5):
                box = charts.nth(index).bounding_box()
                assert box is not None and box["width"] > 300 and box["height"] > 150
            verdict = page.locator(".verdict .label").inner_text()
            assert views[language].verdict.label in verdict
            png = tmp_path / "report.png"
            page.screenshot(path=str(png), full_page=False)
            pdf = tmp_path / "report.pdf"
            page.pdf(path=str(pdf), format="A4", print_background=True)
        finally:
            browser.close()
    assert failed == [] and errors == []
    assert requested == [page_file.as_uri()]  # nothing but the page itself was fetched
    assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 50_000
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages >= 10, pages  # the example's report runs to dozens of A4 pages
