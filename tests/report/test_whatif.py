"""The what-if view and section: what the gap report shows of the what-if, in both languages."""

from __future__ import annotations

import re

from readiness.language import Language
from readiness.models.catalogue import Catalogue
from readiness.models.whatif import WhatIf
from readiness.render.report.model import ReportView
from readiness.render.report.render import render_html, render_markdown
from readiness.render.report.whatif import build_whatif

HAN = re.compile(r"[\u4e00-\u9fff]")


def test_view_shows_every_area_and_each_change(
    example_whatif: WhatIf, catalogue: Catalogue
) -> None:
    view = build_whatif(example_whatif, catalogue, Language.EN)
    assert [a.id for a in view.areas] == [a.id for a in catalogue.areas]
    assert view.count == len(example_whatif.verdict.improvements)
    first = example_whatif.verdict.improvements[0]
    row = view.improvements[0]
    assert row.question == first.question
    assert row.old.startswith(first.rating_from.value if first.rating_from else "unanswered")
    assert row.new.startswith(first.rating_to.value)
    assert row.gain_text == f"{first.gain:+.1f}"
    assert view.effort_text == f"{example_whatif.verdict.effort:.1f} pd"
    assert view.status == "unreachable" and len(view.remaining) == 3
    chart = str(view.chart)
    assert 'class="chart chart-whatif"' in chart
    assert chart.count('fill="#2c6fbb"') == 1 + sum(  # the legend, and one bar per lifted area
        1 for p in example_whatif.processes if p.improvements
    )
    assert "C.DEM Demand management" in chart and "0.0 → 89.2" in chart


def test_section_in_html_and_markdown(views: dict[Language, ReportView]) -> None:
    html = render_html(views[Language.EN])
    assert '<section id="whatif">' in html and 'href="#whatif"' in html
    markdown = render_markdown(views[Language.EN])
    assert "## What-if: the least to change to reach the target" in markdown
    assert "| C.DEM.01 |" in markdown


def test_chinese_section_has_no_english_labels(views: dict[Language, ReportView]) -> None:
    view = views[Language.ZH].whatif
    assert view is not None
    for text in (view.statement, view.status_label, view.next_label, view.effort_text):
        assert HAN.search(text), text
    assert all(HAN.search(a.status_label) for a in view.areas)
    markdown = render_markdown(views[Language.ZH])
    assert "## 假设分析：达到目标的最少改进" in markdown


def test_workbook_sheet_lists_every_change_as_numbers(
    views: dict[Language, ReportView], example_whatif: WhatIf
) -> None:
    import io

    from openpyxl import load_workbook

    from readiness.render.report.workbook import workbook_bytes

    book = load_workbook(io.BytesIO(workbook_bytes(views[Language.EN])))
    sheet = book["What-if"]
    rows = [r for r in sheet.iter_rows(min_row=4, values_only=True) if r[1]]
    expected = len(example_whatif.verdict.improvements) + sum(
        len(p.improvements) for p in example_whatif.processes
    )
    assert len(rows) == expected
    first = example_whatif.verdict.improvements[0]
    assert rows[0][1] == first.question and rows[0][5] == round(first.gain, 1)
    assert rows[0][6] == float(first.effort)
    assert rows[0][0].startswith("To the next verdict")
