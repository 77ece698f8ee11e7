"""The plan as HTML (with its Gantt chart) and Markdown: golden files and real values.

After a deliberate change, rewrite the golden files with ``pytest tests/plan --update-golden``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest

from readiness.language import Language
from readiness.models.plan import Plan
from readiness.render.plan.gantt import gantt_svg
from readiness.render.plan.render import render_plan_html, render_plan_markdown

GOLDEN = Path(__file__).resolve().parent / "golden"
RENDERERS = {"html": render_plan_html, "md": render_plan_markdown}
SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("kind", ["md", "html"])
def test_golden(
    standard: Plan, fast: Plan, language: Language, kind: str, update_golden: bool
) -> None:
    text = RENDERERS[kind](standard, language, [fast])
    golden = GOLDEN / f"plan-{language.value}.{kind}"
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), f"{golden.name}: run --update-golden"


def test_gantt_has_a_bar_per_task_and_a_diamond_per_milestone(standard: Plan) -> None:
    svg = ET.fromstring(gantt_svg(standard, Language.EN, title="Schedule"))
    milestones = [t for t in standard.tasks if t.milestone]
    diamonds = svg.findall(f"{SVG}polygon")
    bars = svg.findall(f"{SVG}rect")
    assert len(diamonds) == len(milestones) > 5
    assert len(bars) == len(standard.phases) + len(standard.tasks) - len(milestones)
    labels = [t.findtext(f"{SVG}title") for t in svg.findall(f"{SVG}text")]
    assert [label for label in labels if label] == [
        name
        for phase in standard.phases
        for name in [
            phase.name.en,
            *(
                t.name.en
                for t in sorted(
                    (t for t in standard.tasks if t.phase == phase.id),
                    key=lambda t: (t.start, t.finish, t.id),
                )
            ),
        ]
    ]
    # surveillance lies beyond the axis: its dates are written at the right edge
    later = [t.text for t in svg.findall(f"{SVG}text") if (t.text or "").startswith("→ ")]
    surveillance = next(p for p in standard.phases if p.id.value == "surveillance")
    assert f"→ {surveillance.finish.isoformat()}" in later


def test_html_overview_values(standard: Plan, fast: Plan) -> None:
    html = render_plan_html(standard, Language.EN, [fast])
    stage2 = next(p for p in standard.phases if p.id.value == "stage2")
    assert f"{standard.costs.total:,.2f}" in html
    assert stage2.start.isoformat() in html
    assert "Fast track" in html and f"{fast.costs.total:,.2f}" in html
    # the Gantt chart for the screen, and in four pages for print
    assert "<script" not in html and html.count("<svg") == 1 + 4
    assert "https://" not in html


def test_chinese_plan_is_chinese(standard: Plan) -> None:
    markdown = render_plan_markdown(standard, Language.ZH)
    assert markdown.startswith("# ISO/IEC 20000-1 认证项目计划\n")
    for heading in ("## 进度计划", "## 整改事项清单", "## 资源", "## 费用 (CNY)"):
        assert heading in markdown
    assert "咨询服务" in markdown and "第二阶段审核" in markdown
    headers = re.findall(r"^\| ([^|]+) \|", markdown, flags=re.MULTILINE)
    assert "Phase" not in headers and "Task" not in headers


def test_client_text_is_inert(standard: Plan) -> None:
    hostile = standard.model_copy(update={"client": "<script>alert(1)</script> | =SUM(A1)"})
    html = render_plan_html(hostile, Language.EN)
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    markdown = render_plan_markdown(hostile, Language.EN)
    assert "<script>" not in markdown and "\\| =SUM(A1)" in markdown


def test_stage_dates_are_the_same_in_every_format(standard: Plan, fast: Plan) -> None:
    """Stage 1 and stage 2 by their first and last day, alike in the terminal, Markdown, HTML,
    JSON, the workbook and the MS Project file."""
    import io
    import json

    from openpyxl import load_workbook
    from rich.console import Console

    from readiness.cli.plan import plan_summary
    from readiness.render.plan.mspdi import mspdi_bytes
    from readiness.render.plan.workbook import plan_workbook_bytes

    stage1 = "2027-11-12 – 2027-11-15"
    stage2 = "2027-12-28 – 2027-12-31"
    assert (standard.stage1_start.isoformat(), standard.stage1_end.isoformat()) == (
        "2027-11-12",
        "2027-11-15",
    )
    markdown = render_plan_markdown(standard, Language.EN, [fast])
    html = render_plan_html(standard, Language.EN, [fast])
    console = Console(file=io.StringIO(), width=200, color_system=None)
    console.print(plan_summary(standard, Language.EN))
    terminal = console.file.getvalue()  # type: ignore[attr-defined]
    for text in (markdown, html, terminal):
        assert stage1 in text and stage2 in text
    assert "2027-09-15 – 2027-09-20" in markdown and "2027-09-15 – 2027-09-20" in html
    data = json.loads(standard.model_dump_json())
    assert (data["stage2_start"], data["stage2_end"]) == ("2027-12-28", "2027-12-31")
    summary = load_workbook(io.BytesIO(plan_workbook_bytes(standard, Language.EN)))["Summary"]
    facts = {row[0].value: row[1].value for row in summary.iter_rows(min_row=3, max_row=14)}
    assert facts["Stage 2 audit: first day"].date().isoformat() == "2027-12-28"
    assert facts["Stage 2 audit: last day"].date().isoformat() == "2027-12-31"
    xml = mspdi_bytes(standard, Language.EN).decode()
    assert "<Start>2027-12-28T08:00:00</Start>" in xml
    assert "<Finish>2027-12-31T17:00:00</Finish>" in xml


def test_cost_line_quantities_are_shown_as_multiplied(standard: Plan) -> None:
    """71.54 × 3,000 once read 71.5 × 3,000 = 214,620: the quantity shown is the one used."""
    markdown = render_plan_markdown(standard, Language.EN)
    for line in standard.costs.lines:
        shown = f"{line.quantity:,.2f}".rstrip("0").rstrip(".")
        row = f"| {shown} | {line.unit.en} | {line.rate:,.2f} | {line.amount:,.2f} |"
        assert row in markdown, row
        assert line.amount == line.quantity * line.rate
    build = next(line for line in standard.costs.lines if line.item.en.endswith("documentation"))
    assert (build.quantity, build.amount) == (Decimal("23.08"), Decimal("46160"))
    assert "| 23.08 | person-day | 2,000.00 | 46,160.00 |" in markdown


def test_every_shared_figure_is_the_same_in_every_format(standard: Plan, fast: Plan) -> None:
    """Totals per scenario, effort, counts and dates: one value in the terminal, Markdown,
    HTML, JSON, the workbook (its cached values, as previewers and pandas read them) and the
    MS Project file (issue 13)."""
    import io
    import json

    from openpyxl import load_workbook
    from rich.console import Console

    from readiness.cli.plan import plan_summary
    from readiness.render.plan.mspdi import mspdi_bytes
    from readiness.render.plan.workbook import plan_workbook_bytes

    def effort(plan: Plan) -> Decimal:
        return sum(plan.total_effort.values(), Decimal(0))

    figures = {
        plan.scenario: {
            "cost": f"{plan.costs.total:,.2f}",
            "effort": f"{effort(plan):,.1f}",
            "stage2": f"{plan.stage2_start} – {plan.stage2_end}",
            "certificate": plan.certificate.isoformat(),
        }
        for plan in (standard, fast)
    }
    assert figures["standard"]["cost"] == "255,563.00" and figures["fast-track"]["cost"] == (
        "288,431.00"
    )
    markdown = render_plan_markdown(standard, Language.EN, [fast])
    html = render_plan_html(standard, Language.EN, [fast])
    for text_ in (markdown, html):
        for shown in (*figures["standard"].values(), *figures["fast-track"].values()):
            assert shown in text_, shown
    assert f">{len(standard.actions)}</div>" in html
    for plan in (standard, fast):
        console = Console(file=io.StringIO(), width=200, color_system=None)
        console.print(plan_summary(plan, Language.EN))
        terminal = console.file.getvalue()  # type: ignore[attr-defined]
        assert all(shown in terminal for shown in figures[plan.scenario].values()), terminal
        data = json.loads(plan.model_dump_json())
        assert Decimal(data["costs"]["total"]) == plan.costs.total
        assert (data["stage2_start"], data["stage2_end"]) == (
            plan.stage2_start.isoformat(),
            plan.stage2_end.isoformat(),
        )
        namespace = {"p": "http://schemas.microsoft.com/project"}
        project = ET.fromstring(mspdi_bytes(plan, Language.EN)).find("p:Tasks/p:Task", namespace)
        assert project is not None
        assert int(project.findtext("p:Cost", namespaces=namespace) or 0) == plan.costs.total * 100
    book = load_workbook(
        io.BytesIO(plan_workbook_bytes(standard, Language.EN, [fast])), data_only=True
    )
    rows = [[cell.value for cell in row] for row in book["Summary"].iter_rows()]
    facts = {row[0]: row[1] for row in rows if row and row[0]}
    assert round(Decimal(str(facts["Total cost"])), 2) == standard.costs.total
    assert round(Decimal(str(facts["Total effort (person-days)"])), 1) == round(effort(standard), 1)
    side = {
        row[0]: row for row in rows if row and row[0] in {"Standard (this workbook)", "Fast track"}
    }
    assert round(Decimal(str(side["Fast track"][5])), 2) == fast.costs.total
    assert round(Decimal(str(side["Standard (this workbook)"][5])), 2) == standard.costs.total
    assert side["Fast track"][1].date() == fast.stage2_start
    assert side["Fast track"][2].date() == fast.stage2_end
