"""The HTML report in a real browser: headless Chromium loads it, prints it to PDF and PNG.

CI installs Debian's chromium (see ``.ci/run``); elsewhere the test is skipped without it.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

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
