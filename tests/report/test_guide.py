"""The interview guide and the audit checklist in every format: golden pages in English and
Chinese (the example with its two respondents), the workbooks' dropdowns, Word, JSON, the same
bytes twice, and client text that stays text.

After a deliberate change: ``pytest tests/report --update-golden`` and review the diff.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest
from docx import Document as open_docx

from readiness.data.interview import load_interview
from readiness.data.workbook_layout import FIRST_ROW, HEADER_ROW
from readiness.inputs.answers import load_answer_file
from readiness.language import Language
from readiness.models.assessment import Assessment
from readiness.models.catalogue import Catalogue
from readiness.models.guide import AuditChecklist, Conclusion, InterviewGuide
from readiness.models.questionnaire import Questionnaire
from readiness.models.scoring import ScoringConfig
from readiness.outputs.guide import GuideSubject, render_guide_outputs
from readiness.outputs.report import ReportFormat
from readiness.scoring.assess import assess
from readiness.scoring.checklist import build_checklist
from readiness.scoring.guide import build_guide
from readiness.scoring.merge import merge_respondents
from tests.conftest import EXAMPLE

GOLDEN = Path(__file__).resolve().parent / "golden"
OPS = EXAMPLE.with_name("acme-cloud-services-ops.yaml")
ALL = list(ReportFormat)
FAST = [ReportFormat.HTML, ReportFormat.MD, ReportFormat.XLSX, ReportFormat.JSON]


def _made(
    assessment: Assessment, catalogue: Catalogue, questionnaire: Questionnaire
) -> tuple[InterviewGuide, AuditChecklist]:
    interview = load_interview(questionnaire)
    guide = build_guide(assessment, catalogue, questionnaire, interview)
    return guide, build_checklist(assessment, catalogue)


@pytest.fixture(scope="module")
def merged(catalogue: Catalogue, questionnaire: Questionnaire, config: ScoringConfig) -> Assessment:
    loaded = [(p.name, load_answer_file(p, questionnaire, catalogue)) for p in (EXAMPLE, OPS)]
    answers, disagreements = merge_respondents(loaded)
    result = assess(answers, catalogue, questionnaire, config)
    result.respondents = [name for name, _ in loaded]
    result.disagreements = disagreements
    return result


@pytest.fixture(scope="module")
def subjects(
    merged: Assessment, catalogue: Catalogue, questionnaire: Questionnaire
) -> dict[Language, GuideSubject]:
    guide, checklist = _made(merged, catalogue, questionnaire)
    return {
        language: GuideSubject(guide, checklist, catalogue, questionnaire, language)
        for language in Language
    }


@pytest.fixture(scope="module")
def files(subjects: dict[Language, GuideSubject]) -> dict[Language, dict[str, str | bytes]]:
    return {
        language: render_guide_outputs(subject, [*FAST, ReportFormat.DOCX])
        for language, subject in subjects.items()
    }


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("name", ["interview-guide", "audit-checklist"])
@pytest.mark.parametrize("kind", ["html", "md"])
def test_golden(
    files: dict[Language, dict[str, str | bytes]],
    language: Language,
    name: str,
    kind: str,
    update_golden: bool,
) -> None:
    text = files[language][f"{name}.{kind}"]
    assert isinstance(text, str)
    golden = GOLDEN / f"{name}-{language.value}.{kind}"
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), f"{golden.name}: run --update-golden"


def test_every_format_has_a_file_for_each_document(
    subjects: dict[Language, GuideSubject],
) -> None:
    names = render_guide_outputs(subjects[Language.EN], FAST)
    assert list(names) == [
        "interview-guide.html", "interview-guide.md", "interview-guide.xlsx",
        "interview-guide.json", "audit-checklist.html", "audit-checklist.md",
        "audit-checklist.xlsx", "audit-checklist.json",
    ]  # fmt: skip


def test_json_is_the_decision_and_reads_back(
    files: dict[Language, dict[str, str | bytes]], subjects: dict[Language, GuideSubject]
) -> None:
    guide = InterviewGuide.model_validate_json(files[Language.EN]["interview-guide.json"])
    assert guide == subjects[Language.EN].guide
    assert files[Language.EN]["interview-guide.json"] == files[Language.ZH]["interview-guide.json"]
    checklist = json.loads(files[Language.EN]["audit-checklist.json"])
    assert sum(len(g["lines"]) for g in checklist["groups"]) == 232


def test_pages_name_the_probes_first_and_every_requirement(
    files: dict[Language, dict[str, str | bytes]], catalogue: Catalogue
) -> None:
    md = files[Language.EN]["interview-guide.md"]
    assert isinstance(md, str)
    change = md.index("### B.CHG Change management")
    first = md.index("#### 1. B.CHG.08", change)
    assert "Documented but not practised · Respondents disagree · Weakest process" in md[first:]
    assert "Rating: acme-cloud-services.yaml P; acme-cloud-services-ops.yaml N (kept N)" in md
    html = files[Language.EN]["audit-checklist.html"]
    assert isinstance(html, str)
    assert html.count("<tr data-requirement=") == len(catalogue.requirements)
    zh = files[Language.ZH]["interview-guide.md"]
    assert isinstance(zh, str)
    assert "有文件未执行" in zh and "填写人回答不一致" in zh
    assert "评级：acme-cloud-services.yaml P；acme-cloud-services-ops.yaml N（采用 N）" in zh


def test_checklist_workbook_has_a_conclusion_dropdown_on_every_line(
    files: dict[Language, dict[str, str | bytes]], catalogue: Catalogue
) -> None:
    for language, words in ((Language.EN, "Not audited"), (Language.ZH, "未审核")):
        data = files[language]["audit-checklist.xlsx"]
        assert isinstance(data, bytes)
        ws = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
        last = FIRST_ROW + len(catalogue.requirements) - 1
        assert str(ws.cell(row=last, column=3).value).startswith("R-10.2-")
        assert ws.cell(row=last + 1, column=3).value is None
        [validation] = ws.data_validations.dataValidation
        assert str(validation.sqref) == f"L{FIRST_ROW}:L{last}"
        assert words in validation.formula1
        assert ws.cell(row=HEADER_ROW, column=12).value in ("Conclusion", "结论")
        assert ws.auto_filter.ref == f"A{HEADER_ROW}:L{last}"


def test_guide_workbook_has_a_row_per_probe_and_a_rating_dropdown(
    files: dict[Language, dict[str, str | bytes]], subjects: dict[Language, GuideSubject]
) -> None:
    data = files[Language.EN]["interview-guide.xlsx"]
    assert isinstance(data, bytes)
    ws = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    probes = [p for role in subjects[Language.EN].guide.roles for p in role.probes]
    ids = [ws.cell(row=r, column=3).value for r in range(FIRST_ROW, FIRST_ROW + len(probes))]
    assert ids == [p.question for p in probes]
    [validation] = ws.data_validations.dataValidation
    assert validation.formula1 == '"N,P,L,F,NA"'


def test_word_documents_have_a_heading_per_role_and_a_table_per_group(
    files: dict[Language, dict[str, str | bytes]], subjects: dict[Language, GuideSubject]
) -> None:
    data = files[Language.EN]["interview-guide.docx"]
    assert isinstance(data, bytes)
    document = open_docx(io.BytesIO(data))
    chapters = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    roles = [r.title for r in subjects[Language.EN].guide_view.roles]
    assert chapters == ["Contents", "Order of probing", *roles]
    checklist = files[Language.ZH]["audit-checklist.docx"]
    assert isinstance(checklist, bytes)
    tables = open_docx(io.BytesIO(checklist)).tables
    groups = subjects[Language.ZH].checklist.groups
    assert len(tables) == 1 + len(groups)
    assert sum(len(t.rows) - 1 for t in tables[1:]) == 232


def test_same_inputs_same_bytes(subjects: dict[Language, GuideSubject]) -> None:
    s = subjects[Language.ZH]
    again = GuideSubject(s.guide, s.checklist, s.catalogue, s.questionnaire, s.language)
    assert render_guide_outputs(again, [*FAST, ReportFormat.DOCX]) == render_guide_outputs(
        GuideSubject(s.guide, s.checklist, s.catalogue, s.questionnaire, s.language),
        [*FAST, ReportFormat.DOCX],
    )


def test_client_text_stays_text(
    hostile_assessment: Assessment, catalogue: Catalogue, questionnaire: Questionnaire
) -> None:
    guide, checklist = _made(hostile_assessment, catalogue, questionnaire)
    assert any(p.notes for role in guide.roles for p in role.probes)  # hostile notes shown
    subject = GuideSubject(guide, checklist, catalogue, questionnaire, Language.EN)
    out = render_guide_outputs(subject, [*FAST, ReportFormat.DOCX])
    for name in ("interview-guide.html", "audit-checklist.html"):
        page = out[name]
        assert isinstance(page, str)
        assert "<script>" not in page and "&lt;script&gt;" in page
    for name in ("interview-guide.md", "audit-checklist.md"):
        page = out[name]
        assert isinstance(page, str)
        assert "<script>" not in page
    for name in ("interview-guide.xlsx", "audit-checklist.xlsx"):
        data = out[name]
        assert isinstance(data, bytes)
        ws = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
        assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


def test_conclusions_are_labelled_in_both_languages(subjects: dict[Language, GuideSubject]) -> None:
    for subject in subjects.values():
        labels = subject.checklist_view.conclusions
        assert len(labels) == len(Conclusion) and all(labels)


@pytest.mark.slow
def test_pdf_of_both_documents(subjects: dict[Language, GuideSubject], tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    from tests.report.test_pdf import pdf_facts

    out = render_guide_outputs(subjects[Language.ZH], [ReportFormat.PDF])
    for name, words in (
        ("interview-guide.pdf", "访谈指南"),
        ("audit-checklist.pdf", "内部审核检查表"),
    ):
        data = out[name]
        assert isinstance(data, bytes) and data.startswith(b"%PDF")
        path = tmp_path / name
        path.write_bytes(data)
        text, _ = pdf_facts(path)
        assert words in text
