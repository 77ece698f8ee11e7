"""The progress report over three assessments: the trend section in every format compare writes.

Golden files (trend-en/zh .md/.html): ``pytest tests/report --update-golden`` rewrites them
after a deliberate change.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from readiness.inputs.answers import load_answer_file
from readiness.language import Language
from readiness.models.catalogue import Catalogue
from readiness.models.comparison import Comparison
from readiness.models.questionnaire import Questionnaire
from readiness.models.scoring import ScoringConfig
from readiness.outputs.report import ReportFormat, render_comparison_outputs
from readiness.scoring.assess import assess
from readiness.scoring.trend import trend
from tests.conftest import EXAMPLE

GOLDEN = Path(__file__).resolve().parent / "golden"
FILES = [
    EXAMPLE,
    *(EXAMPLE.with_name(f"acme-cloud-services-{d}.yaml") for d in ("2027-03", "2027-06")),
]


@pytest.fixture(scope="module")
def comparison(
    catalogue: Catalogue, questionnaire: Questionnaire, config: ScoringConfig
) -> Comparison:
    assessments = [
        (
            path.name,
            assess(
                load_answer_file(path, questionnaire, catalogue), catalogue, questionnaire, config
            ),
        )
        for path in FILES
    ]
    return trend(assessments, catalogue)[0]


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("kind", [ReportFormat.MD, ReportFormat.HTML])
def test_golden(
    comparison: Comparison,
    catalogue: Catalogue,
    language: Language,
    kind: ReportFormat,
    update_golden: bool,
) -> None:
    text = render_comparison_outputs(comparison, catalogue, language, [kind])[kind]
    assert isinstance(text, str)
    golden = GOLDEN / f"trend-{language.value}.{kind.value}"
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), f"{golden.name}: run --update-golden"


def test_trend_section_comes_first_with_its_line_chart(
    comparison: Comparison, catalogue: Catalogue
) -> None:
    html = render_comparison_outputs(comparison, catalogue, Language.EN, [ReportFormat.HTML])[
        ReportFormat.HTML
    ]
    assert isinstance(html, str)
    assert html.index('<section id="trend">') < html.index('<section id="progress">')
    chart = re.search(r"<svg[^>]*chart-lines.*?</svg>", html, re.S)
    assert chart is not None
    assert chart.group().count("<polyline") == 4  # overall and the three parts
    assert "2026-11-02 → 2027-06-07" in html
    assert (
        '<td>Overall</td><td class="num">53.3 %</td><td class="num">56.4 %</td><td class="num">58.9 %</td><td class="num">+5.6</td>'
        in html
    )


def test_trend_in_json_workbook_and_word(comparison: Comparison, catalogue: Catalogue) -> None:
    files = render_comparison_outputs(
        comparison,
        catalogue,
        Language.ZH,
        [ReportFormat.JSON, ReportFormat.XLSX, ReportFormat.DOCX],
    )
    data = json.loads(files[ReportFormat.JSON])
    assert data["trend"]["overall"]["scores"] == [53.3, 56.4, 58.9]
    assert [p["start"] for p in data["trend"]["periods"]] == ["2026-11-02", "2027-03-01"]
    book = load_workbook(io.BytesIO(files[ReportFormat.XLSX]))  # type: ignore[arg-type]
    sheet = book.worksheets[0]
    assert sheet.title == "历次评估趋势"
    assert [sheet.cell(row=4, column=c).value for c in range(1, 7)] == [
        "overall",
        "总体",
        53.3,
        56.4,
        58.9,
        5.6,
    ]
    assert len(sheet._charts) == 1  # the native line chart
    document = docx.Document(io.BytesIO(files[ReportFormat.DOCX]))  # type: ignore[arg-type]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[1].startswith("历次评估趋势") and headings[2].startswith("自上次评估以来的进展")
    assert len(document.inline_shapes) == 2  # the trend's lines and the progress bars
    assert zipfile.ZipFile(io.BytesIO(files[ReportFormat.DOCX])).testzip() is None  # type: ignore[arg-type]


def test_two_assessments_have_no_trend_key(comparison: Comparison, catalogue: Catalogue) -> None:
    two = comparison.model_copy(update={"trend": None})
    text = render_comparison_outputs(two, catalogue, Language.EN, [ReportFormat.JSON])[
        ReportFormat.JSON
    ]
    assert isinstance(text, str) and '"trend"' not in text
