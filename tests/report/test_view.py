"""The report view: the assessment's values, looked up and ordered, in one language."""

from __future__ import annotations

import io
import re

from openpyxl import load_workbook

from readiness.language import Language
from readiness.models.assessment import Assessment, FindingSource
from readiness.models.catalogue import Catalogue
from readiness.models.questionnaire import Questionnaire
from readiness.outputs.report import ReportFormat, render_outputs
from readiness.render.report.model import ReportView
from readiness.render.report.render import render_html, render_markdown

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_scores_and_counts_are_the_assessment_s(
    views: dict[Language, ReportView], example_assessment: Assessment
) -> None:
    view = views[Language.EN]
    assert view.overall.score == example_assessment.overall.score == 53.3
    assert view.overall.score_text == "53.3 %"
    assert views[Language.ZH].overall.score_text == "53.3%"
    assert [row.id for row in view.areas] == [a.id for a in example_assessment.areas]
    assert len(view.processes) == 13
    change = next(row for row in view.processes if row.id == "B.CHG")
    area = next(a for a in example_assessment.areas if a.id == "B.CHG")
    assert change.score == area.score
    assert area.capability is not None
    assert change.level == area.capability.level
    assert change.clause_2011 == "9.2"
    assert change.owner == "Zhao Lei"
    assert change.band == "low"  # below the floor of 50
    # 202 findings and 16 systemic majors; 64 of the 85 minors are counted in those majors
    assert len(example_assessment.findings) == 202 and len(example_assessment.systemic) == 16
    assert len(view.findings) == 202 + 16
    assert {k: len(v) for k, v in view.by_class.items()} == {
        "major": 21 + 16,
        "minor": 85 - 64,
        "observation": 96,
    }
    total = view.counts.total
    assert (total.major, total.minor, total.observation) == (37, 21, 96)


def test_verdict_and_top_risks(views: dict[Language, ReportView]) -> None:
    view = views[Language.EN]
    assert view.verdict.code == "not_ready"
    assert view.verdict.label == "Not ready"
    assert len(view.verdict.reasons) == 8
    assert len(view.top_risks) == 10
    # the five issues to resolve before stage 2 come first, whatever their class: three documents and
    # the records of internal audits and management reviews (documented, never practised)
    blocked = {b.requirement for b in view.blockers}
    assert blocked == {"R-8.4.3-02", "R-8.7.2-05", "R-9.2-02", "R-9.2-06", "R-9.3-05"}
    # R-9.2-02 is a minor counted in the systemic major on 9.2, which stands for it
    assert {r.id for r in view.top_risks[:5]} == blocked - {"R-9.2-02"} | {"SYS-A.PERF-9.2"}
    assert all(r.finding == "major" for r in view.top_risks[5:])


def test_chinese_view_is_chinese(views: dict[Language, ReportView]) -> None:
    view = views[Language.ZH]
    assert view.verdict.label == "尚不具备认证条件"
    assert all(CJK.search(row.name) for row in view.areas)
    assert all(CJK.search(f.reason) for f in view.findings)
    assert all(CJK.search(r.text) and CJK.search(r.clause_title) for r in view.requirements)
    assert all(CJK.search(label) for label in view.heat_columns)


def test_findings_carry_requirement_answers_and_evidence(views: dict[Language, ReportView]) -> None:
    view = views[Language.EN]
    finding = next(f for f in view.findings if f.id == "R-8.4.3-02")
    assert finding.finding == "major"
    assert finding.requirement is not None
    assert finding.requirement.document == "Capacity plan"
    assert "document_missing" in finding.requirement.flag_codes
    answer = finding.requirement.answers[0]
    assert answer.question == "B.CAP.02"
    assert answer.rating == "N"
    assert answer.rating_label == "N not achieved"
    indicator = [f for f in view.findings if f.source == FindingSource.INDICATOR.value]
    assert {f.id for f in indicator} == {f.id for f in view.indicator_findings}
    assert all(f.requirement is None for f in indicator)


def test_documents_checklist_marks_blockers_missing(views: dict[Language, ReportView]) -> None:
    view = views[Language.EN]
    assert len(view.documents) == 47
    missing = {d.requirement for d in view.documents if d.status == "missing"}
    assert {b.requirement for b in view.blockers} <= missing
    capacity = next(d for d in view.documents if d.requirement == "R-8.4.3-02")
    assert (capacity.status_label, capacity.kind_label) == ("Missing", "Document")


def test_evidence_requests_cover_every_gap_once(views: dict[Language, ReportView]) -> None:
    view = views[Language.EN]
    gaps = {r.id for r in view.requirements if r.finding in {"major", "minor", "observation"}}
    requested = {
        rid for group in view.evidence for item in group.items for rid in item.requirements
    }
    assert requested == gaps
    for group in view.evidence:
        questions = [item.question for item in group.items]
        assert questions == sorted(set(questions))
        assert all(q.startswith(group.area + ".") for q in questions)
    change = next(g for g in view.evidence if g.area == "B.CHG")
    assert change.owner == "Zhao Lei"


def test_statement_of_applicability(views: dict[Language, ReportView]) -> None:
    statements = {s.question: s for s in views[Language.EN].not_applicable}
    assert set(statements) == {"B.SUP.07", "B.SUP.08", "C.CTRL.03"}
    assert statements["B.SUP.07"].accepted
    assert statements["B.SUP.07"].requirements == ["R-8.3.4.2-01", "R-8.3.4.2-02"]
    assert not statements["C.CTRL.03"].accepted
    assert statements["C.CTRL.03"].status_label.startswith("Not accepted")


def test_matrix_and_heat_map(
    views: dict[Language, ReportView], example_assessment: Assessment
) -> None:
    view = views[Language.EN]
    assert view.matrix.sms_owner == "Li Wei"
    assert len(view.matrix.rows) == len(example_assessment.matrix) == 21
    first = view.matrix.rows[0]
    assert dict(zip(view.matrix.people, first.cells, strict=True))["Li Wei"] == "P"
    assert view.heat[0].clause == "4.1"
    assert all(row.clause.count(".") == 1 for row in view.heat)
    total = [sum(row.counts[i] for row in view.heat) for i in range(3)]
    overall = example_assessment.overall.counts
    assert total == [overall.major, overall.minor, overall.observation]


def test_top_risks_are_the_assessment_s_in_its_order(
    views: dict[Language, ReportView],
    example_assessment: Assessment,
    catalogue: Catalogue,
    questionnaire: Questionnaire,
) -> None:
    for language, view in views.items():
        assert [risk.id for risk in view.top_risks] == example_assessment.top_risks
        assert [risk.finding for risk in view.top_risks] == ["major"] * 10
        order = view.words["top_risks_order"]
        assert order in render_markdown(view) and order in render_html(view)
        book = render_outputs(
            example_assessment, catalogue, questionnaire, language, [ReportFormat.XLSX]
        )[ReportFormat.XLSX]
        assert isinstance(book, bytes)
        summary = load_workbook(io.BytesIO(book)).worksheets[0]
        assert order in [cell.value for row in summary.iter_rows() for cell in row]
    assert views[Language.EN].words["top_risks_order"].startswith("Majors first, then minors")
