"""The progress report (readiness compare) and the progress section of the gap report.

Golden files: ``pytest tests/report --update-golden`` rewrites them after a deliberate change.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from readiness.inputs.answers import load_answer_file
from readiness.language import Language
from readiness.models.assessment import Assessment
from readiness.models.catalogue import Catalogue
from readiness.models.comparison import Comparison
from readiness.models.questionnaire import Questionnaire
from readiness.models.scoring import ScoringConfig
from readiness.outputs.report import ReportFormat, render_comparison_outputs, render_outputs
from readiness.render.progress.pairs import paired_bars
from readiness.scoring.assess import assess
from readiness.scoring.compare import compare
from tests.conftest import EXAMPLE

GOLDEN = Path(__file__).resolve().parent / "golden"
LATER = EXAMPLE.with_name("acme-cloud-services-2027-03.yaml")


@pytest.fixture(scope="module")
def later(catalogue: Catalogue, questionnaire: Questionnaire, config: ScoringConfig) -> Assessment:
    return assess(
        load_answer_file(LATER, questionnaire, catalogue), catalogue, questionnaire, config
    )


@pytest.fixture(scope="module")
def comparison(example_assessment: Assessment, later: Assessment) -> Comparison:
    return compare(example_assessment, later)


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
    golden = GOLDEN / f"progress-{language.value}.{kind.value}"
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), f"{golden.name}: run --update-golden"


def test_progress_content(comparison: Comparison, catalogue: Catalogue) -> None:
    html = render_comparison_outputs(comparison, catalogue, Language.EN, [ReportFormat.HTML])[
        ReportFormat.HTML
    ]
    assert isinstance(html, str)
    assert "Findings closed (4)" in html and "New findings (2)" in html
    assert "Findings that got worse (1)" in html and "R-4.1-01" in html
    assert "53.3 %" in html and "+3.1" in html
    assert html.count("<svg") == 1 and "<script" not in html
    markdown = render_comparison_outputs(comparison, catalogue, Language.ZH, [ReportFormat.MD])[
        ReportFormat.MD
    ]
    assert isinstance(markdown, str)
    assert "## 自上次评估以来的进展 (2026-11-02 → 2027-03-01)" in markdown
    assert "### 已关闭的审核发现 (4)" in markdown


def test_gap_report_with_a_baseline_has_the_progress_section(
    comparison: Comparison,
    later: Assessment,
    catalogue: Catalogue,
    questionnaire: Questionnaire,
) -> None:
    outputs = render_outputs(
        later,
        catalogue,
        questionnaire,
        Language.EN,
        [ReportFormat.HTML, ReportFormat.MD],
        comparison,
    )
    html, markdown = outputs[ReportFormat.HTML], outputs[ReportFormat.MD]
    assert isinstance(html, str) and isinstance(markdown, str)
    assert 'id="progress"' in html and 'href="#progress"' in html
    assert "## Progress since the last assessment (2026-11-02 → 2027-03-01)" in markdown
    workbook = render_outputs(
        later, catalogue, questionnaire, Language.EN, [ReportFormat.XLSX], comparison
    )[ReportFormat.XLSX]
    assert isinstance(workbook, bytes)
    names = load_workbook(io.BytesIO(workbook)).sheetnames
    assert names[-3:] == [
        "Change Scores",
        "Change Predicted audit findings",
        "Change Before stage 2",
    ]
    plain = render_outputs(later, catalogue, questionnaire, Language.EN, [ReportFormat.MD])
    assert "Progress since" not in str(plain[ReportFormat.MD])


def test_workbook_has_scores_chart_and_findings(
    comparison: Comparison, catalogue: Catalogue
) -> None:
    data = render_comparison_outputs(comparison, catalogue, Language.EN, [ReportFormat.XLSX])[
        ReportFormat.XLSX
    ]
    assert isinstance(data, bytes)
    book = load_workbook(io.BytesIO(data))
    scores, findings, blockers = book.worksheets
    assert scores["A4"].value == "overall" and scores["C4"].value == 53.3
    assert scores["E4"].value == comparison.overall.delta
    assert len(scores._charts) == 1
    # The legend names both series (LibreOffice and Excel show "Column C / D" without).
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        chart_xml = archive.read("xl/charts/chart1.xml").decode("utf-8")
    names = re.findall(r"<tx><v>([^<]*)</v></tx>", chart_xml)
    assert names == ["Then (2026-11-02)", "Now (2027-03-01)"]
    assert chart_xml.count("<cat><strRef><f>'Scores'!$B$17:$B$29</f>") == 2  # process names
    rows = list(findings.iter_rows(min_row=4, values_only=True))
    assert len(rows) == len(comparison.findings)
    assert rows[0][:2] == ("R-4.1-01", "worse")
    assert findings.auto_filter.ref == f"A3:G{3 + len(rows)}"
    # remaining, then closed (records judged by whether records exist)
    rows = list(blockers.iter_rows(min_row=4, values_only=True))
    assert [r[1] for r in rows] == [
        "R-9.2-02",
        "R-8.7.2-05",
        "R-9.2-06",
        "R-9.3-05",
        "R-8.4.3-02",
        None,
        "ID",
        "IND-TRIAL-RUN",
        "IND-NO-INTERNAL-AUDIT",
        "IND-NO-MANAGEMENT-REVIEW",
    ]
    # then and now of each readiness precondition, below the issues to resolve before stage 2
    assert rows[6][0] == "Readiness preconditions"
    assert rows[8][2:4] == ("not met", "met")
    again = render_comparison_outputs(comparison, catalogue, Language.EN, [ReportFormat.XLSX])
    assert again[ReportFormat.XLSX] == data


def test_paired_bars_mark_a_fall_in_red() -> None:
    svg = ET.fromstring(
        paired_bars(
            [("Up", 20.0, 60.0), ("Down", 80.0, 70.0), ("<b>", None, 10.0)],
            title="t",
            old_label="then",
            new_label="now",
        )
    )
    ns = "{http://www.w3.org/2000/svg}"
    new_bars = [r for r in svg.iter(f"{ns}rect") if r.get("class") == "bar-new"]
    assert [r.get("fill") for r in new_bars] == ["#2c6fbb", "#c0392b", "#2c6fbb"]
    assert len([r for r in svg.iter(f"{ns}rect") if r.get("class") == "bar-old"]) == 2
    texts = [t.text for t in svg.iter(f"{ns}text")]
    assert "<b>" in texts and "70.0 (-10.0)" in texts
