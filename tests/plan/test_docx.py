"""The certification project plan as a Word document, read back with python-docx."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT

from readiness.language import Language
from readiness.models.plan import Plan
from readiness.outputs.plan import PlanFormat, render_plan_outputs
from readiness.render.docx.plan import plan_docx
from tests.report.test_docx import dark_pixels, libreoffice_pdf


def _headings(document: docx.document.Document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == "Heading 1"]


def test_plan_document(standard: Plan, fast: Plan) -> None:
    data = plan_docx(standard, Language.EN, [fast])
    document = docx.Document(io.BytesIO(data))
    assert document.paragraphs[0].text == "ISO/IEC 20000-1 certification project plan"
    assert _headings(document) == [
        "Contents",
        "Overview",
        "Schedule",
        "Remediation backlog",
        f"Costs ({standard.costs.currency})",
        "How this plan was made",
    ]
    overview = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    # The same figures as the plan's JSON, formatted as in the HTML plan.
    assert overview["Expected certificate"] == standard.certificate.isoformat()
    assert overview[f"Total cost ({standard.costs.currency})"] == f"{standard.costs.total:,.2f}"
    assert overview["Actions"] == str(len(standard.actions))
    scenarios = document.tables[1]
    assert len(scenarios.rows) == 3  # header, the chosen plan, the fast track
    tasks = next(t for t in document.tables if t.rows[0].cells[0].text == "ID")
    assert [row.cells[0].text for row in tasks.rows[1:]] == [task.id for task in standard.tasks]
    assert len(document.inline_shapes) == 4  # the Gantt chart in four landscape pages
    assert [s.orientation for s in document.sections] == [
        WD_ORIENT.PORTRAIT,
        WD_ORIENT.LANDSCAPE,
        WD_ORIENT.PORTRAIT,
    ]


def test_plan_in_chinese_and_deterministic(standard: Plan) -> None:
    outputs = render_plan_outputs(standard, Language.ZH, [PlanFormat.DOCX])
    data = outputs[PlanFormat.DOCX]
    assert isinstance(data, bytes)
    document = docx.Document(io.BytesIO(data))
    assert _headings(document) == [
        "目录",
        "概览",
        "进度计划",
        "整改事项清单",
        f"费用 ({standard.costs.currency})",
        "本计划的编制方法",
    ]
    assert document.paragraphs[2].text.startswith("结论: 尚不具备认证条件")
    assert render_plan_outputs(standard, Language.ZH, [PlanFormat.DOCX])[PlanFormat.DOCX] == data


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_the_word_plan(standard: Plan, tmp_path: Path) -> None:
    data = render_plan_outputs(standard, Language.ZH, [PlanFormat.DOCX])[PlanFormat.DOCX]
    assert isinstance(data, bytes)
    pdf = libreoffice_pdf(data, tmp_path / "plan.docx")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = text.split("\f")
    assert "尚不具备认证条件" in pages[0]
    assert "本计划的编制方法" in pages[0] + pages[1]  # the contents list the last chapter
    gantt = [number for number, page in enumerate(pages) if "进度计划: " in page]
    assert len(gantt) == 4 and gantt == list(range(gantt[0], gantt[0] + 4))  # one a page
    assert dark_pixels(pdf) > 500
