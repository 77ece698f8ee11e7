"""One definition of the finding counts: every format shows the same numbers for the example."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from openpyxl import load_workbook
from rich.console import Console

from readiness.cli.views import assessment_summary
from readiness.inputs.answers import load_answer_file
from readiness.jobs.portfolio import assess_client
from readiness.language import Language
from readiness.outputs.report import ReportFormat, render_outputs
from readiness.render.portfolio import portfolio_markdown
from readiness.scoring.assess import assess
from tests.conftest import EXAMPLE

FORMATS = [ReportFormat.HTML, ReportFormat.MD, ReportFormat.XLSX, ReportFormat.JSON]


def test_every_format_gives_the_same_finding_counts(
    catalogue, questionnaire, config, tmp_path: Path
) -> None:
    answers = load_answer_file(EXAMPLE, questionnaire, catalogue)
    result = assess(answers, catalogue, questionnaire, config)
    total = result.counts.total
    expected = (total.major, total.minor, total.observation)
    # by hand: 21 requirement majors + 16 systemic; 82 + 1 + 2 minors less the 64 counted in
    # systemic majors; 93 + 3 observations (the preconditions are not findings)
    assert expected == (37, 21, 96)
    split = result.counts
    assert (split.requirement.major, split.indicator.major, split.matrix.major) == (37, 0, 0)
    assert (split.requirement.minor, split.indicator.minor, split.matrix.minor) == (18, 1, 2)
    assert result.overall.counts.major == split.requirement.major
    assert result.overall.counts.minor == split.requirement.minor
    assert sum(p.counts.major for p in result.parts) == split.requirement.major
    assert sum(p.counts.minor for p in result.parts) == split.requirement.minor
    # the findings lists agree with the counts
    ungrouped = [f for f in result.findings if f.grouped_into is None]
    assert sum(f.finding.value == "major" for f in ungrouped) + len(result.systemic) == 37
    assert sum(f.finding.value == "minor" for f in ungrouped) == 21

    rendered = render_outputs(result, catalogue, questionnaire, Language.EN, FORMATS)
    data = json.loads(rendered[ReportFormat.JSON])
    assert tuple(data["counts"]["total"].values()) == expected

    md = str(rendered[ReportFormat.MD])
    line = re.search(
        r"Major nonconformity: (\d+); Minor nonconformity: (\d+); Observation: (\d+)", md
    )
    assert line is not None and tuple(map(int, line.groups())) == expected
    row = re.search(
        r"\| \*\*Total\*\* \| \| \*\*(\d+)\*\* \| \*\*(\d+)\*\* \| \*\*(\d+)\*\* \|", md
    )
    assert row is not None and tuple(map(int, row.groups())) == expected

    html = str(rendered[ReportFormat.HTML])
    cards = tuple(
        int(re.search(rf'data-count="{k}"><div class="value">(\d+)<', html).group(1))  # type: ignore[union-attr]
        for k in ("major", "minor", "observation")
    )
    assert cards == expected
    total_row = re.search(r'<tr data-source="total">(.*?)</tr>', html)
    assert total_row is not None
    assert (
        tuple(map(int, re.findall(r'<td class="num">(\d+)</td>', total_row.group(1)))) == expected
    )

    book = load_workbook(io.BytesIO(rendered[ReportFormat.XLSX]))
    summary = book.worksheets[0]
    facts: dict[object, object] = {}
    for cells in summary.iter_rows(min_col=1, max_col=2):
        if cells[0].value:  # the first row of a label: the key figures (top risks come later)
            facts.setdefault(cells[0].value, cells[1].value)
    assert (
        facts["Major nonconformity"],
        facts["Minor nonconformity"],
        facts["Observation"],
    ) == expected
    totals = [
        tuple(cell.value for cell in row[4:7])
        for row in summary.iter_rows(min_col=1, max_col=7)
        if row[1].value == "Total"
    ]
    assert totals == [expected]

    console = Console(file=io.StringIO(), width=160, color_system=None)
    console.print(assessment_summary(result, catalogue, Language.EN))
    terminal = console.file.getvalue()  # type: ignore[attr-defined]
    shown = re.search(r"│ Total\s+│[^\n]*?│\s+(\d+) │\s+(\d+) │\s+(\d+) │", terminal)
    assert shown is not None and tuple(map(int, shown.groups())) == expected

    client = assess_client(EXAMPLE, tmp_path / "acme", Language.EN, [ReportFormat.JSON])
    assert (client.majors, client.minors) == expected[:2]
    assert f"| {client.blockers} | 37 | 21 |" in portfolio_markdown([client], Language.EN)


def test_a_saved_assessment_reads_back_with_its_counts(
    catalogue, questionnaire, config, tmp_path: Path
) -> None:
    from readiness.inputs.saved import load_assessment

    answers = load_answer_file(EXAMPLE, questionnaire, catalogue)
    result = assess(answers, catalogue, questionnaire, config)
    rendered = render_outputs(result, catalogue, questionnaire, Language.EN, [ReportFormat.JSON])
    path = tmp_path / "assessment.json"
    data = rendered[ReportFormat.JSON]
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    again = load_assessment(path)
    assert again == result
    # a file saved before counts were stored gets them from its own findings
    old = json.loads(path.read_text())
    for key in ("counts", "systemic", "practice", "preconditions", "not_evidenced"):
        old.pop(key)
    for finding in old["findings"]:
        finding.pop("grouped_into")
    path.write_text(json.dumps(old))
    total = load_assessment(path).counts.total
    assert (total.major, total.minor, total.observation) == (21, 85, 96)  # as counted before


def test_an_incomplete_questionnaire_renders_its_verdict_everywhere(
    catalogue, questionnaire, config
) -> None:
    answers = load_answer_file(EXAMPLE, questionnaire, catalogue)
    # the example leaves 3 of 228 unanswered; 20 more make 23 (10.1 %), above the 10 % allowed
    dropped = [q for q in answers.answers if answers.answers[q].rating is not None][:20]
    kept = {q: a for q, a in answers.answers.items() if q not in dropped}
    result = assess(answers.model_copy(update={"answers": kept}), catalogue, questionnaire, config)
    assert len(result.completeness.unanswered) == 23
    assert result.verdict.verdict.value == "incomplete"
    assert [r.code for r in result.verdict.reasons] == ["incomplete"]
    for language, label in ((Language.EN, "Incomplete"), (Language.ZH, "不完整")):
        rendered = render_outputs(result, catalogue, questionnaire, language, FORMATS)
        assert label in str(rendered[ReportFormat.MD])
        assert "verdict-incomplete" in str(rendered[ReportFormat.HTML])
        assert all(q in str(rendered[ReportFormat.MD]) for q in result.completeness.unanswered)
        console = Console(file=io.StringIO(), width=160, color_system=None)
        console.print(assessment_summary(result, catalogue, language))
        assert label in console.file.getvalue()  # type: ignore[attr-defined]
