"""The gap report and the progress report as Word documents, read back with python-docx."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from readiness.errors import InputError
from readiness.language import Language
from readiness.models.assessment import Assessment
from readiness.models.catalogue import Catalogue
from readiness.models.questionnaire import Questionnaire
from readiness.models.scoring import ScoringConfig
from readiness.outputs.report import ReportFormat, render_comparison_outputs
from readiness.render.docx.document import clean
from readiness.render.docx.report import report_docx
from readiness.render.report.model import ReportView
from readiness.scoring.assess import assess
from readiness.scoring.compare import compare
from tests.report.conftest import HOSTILE
from tests.report.test_progress import LATER

H1_EN = [
    "Contents",
    "Executive summary",
    "What-if: the least to change to reach the target",
    "The picture at a glance",
    "Client profile and scope",
    "Results by process and area",
    "Predicted audit findings",
    "Mandatory documented information",
    "Not applicable items and their justification",
    "About this report",
]
H1_ZH = [
    "目录",
    "管理层摘要",
    "假设分析：达到目标的最少改进",
    "总体概览",
    "客户概况与认证范围",
    "各流程与领域的评估结果",
    "预计审核发现",
    "强制性成文信息",
    "不适用项及理由",
    "关于本报告",
]
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def files(views: dict[Language, ReportView]) -> dict[Language, bytes]:
    return {language: report_docx(view) for language, view in views.items()}


def _open(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _headings(document: docx.document.Document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


@pytest.mark.parametrize(("language", "expected"), [(Language.EN, H1_EN), (Language.ZH, H1_ZH)])
def test_headings_in_order_in_heading_styles(
    files: dict[Language, bytes], language: Language, expected: list[str]
) -> None:
    assert _headings(_open(files[language]), 1) == expected


def test_verdict_and_score_table(files: dict[Language, bytes]) -> None:
    document = _open(files[Language.EN])
    verdicts = [p.text for p in document.paragraphs if p.style.name == "Verdict"]
    assert verdicts == ["Verdict: Not ready"]
    scores = document.tables[1]
    cells = [[cell.text for cell in row.cells] for row in scores.rows]
    assert cells[0] == ["Part", "Score", "Major", "Minor", "Obs."]
    # The parts' tallies add up to the requirement row: 17+12+8 majors, 8+8+2 minors, 46+36+11;
    # the indicator rules (0/1/0) and the role matrix (0/2/3) make the total, as in every format.
    assert [row[2] for row in cells[1:4]] == ["17", "12", "8"]
    assert cells[4] == ["Overall (Requirement findings)", "53.3 %", "37", "18", "93"]
    assert cells[-1][2:] == ["37", "21", "96"]


def test_chinese_throughout_with_east_asian_fonts_and_tags(files: dict[Language, bytes]) -> None:
    data = files[Language.ZH]
    document = _open(data)
    verdicts = [p.text for p in document.paragraphs if p.style.name == "Verdict"]
    assert verdicts == ["结论: 尚不具备认证条件"]
    assert all(HAN.search(text) for text in _headings(document, 1))
    header = [cell.text for cell in document.tables[1].rows[0].cells]
    assert header == ["部分", "得分", "严重", "一般", "观察项"]
    for name in ("Normal", "Heading 1", "Table Text"):
        fonts = document.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == "Microsoft YaHei"
    styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode()
    assert '<w:lang w:val="zh-CN" w:eastAsia="zh-CN"' in styles


def test_word_structure(files: dict[Language, bytes]) -> None:
    data = files[Language.EN]
    document = _open(data)
    first = document.sections[0]
    assert (round(first.page_width.mm), round(first.page_height.mm)) == (210, 297)
    assert [s.orientation for s in document.sections] == [
        WD_ORIENT.PORTRAIT,
        WD_ORIENT.LANDSCAPE,
        WD_ORIENT.PORTRAIT,
    ]
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert 'TOC \\o "1-3" \\h \\z \\u' in body
    footers = zipfile.ZipFile(io.BytesIO(data)).read("word/footer1.xml").decode()
    assert "PAGE" in footers
    for table in document.tables:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert len(document.inline_shapes) == 5  # what-if bars, radar, levels, heat map, area bars
    # Styles, not direct formatting: no run carries its own bold, size or font.
    assert "<w:b/>" not in body
    assert "<w:sz " not in body


def test_same_inputs_same_bytes(views: dict[Language, ReportView]) -> None:
    view = views[Language.ZH]
    first = report_docx(view)
    assert report_docx(view) == first
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = package.read("docProps/core.xml").decode()
    assert "2026-11-02T00:00:00" in core


def test_client_text_stays_text(views: dict[Language, ReportView]) -> None:
    view = views[Language.EN]
    view = replace(view, meta=replace(view.meta, client='Acme { PAGE }\x07<w:r>"' + HOSTILE[0]))
    body = zipfile.ZipFile(io.BytesIO(report_docx(view))).read("word/document.xml").decode("utf-8")
    assert "Acme { PAGE }&lt;w:r&gt;" in body
    assert "\x07" not in body
    # The only fields are ours: the contents; the page number lives in the footer.
    assert body.count('w:fldCharType="begin"') == 1
    assert clean("a\x00b\x1fc\td\r\ne") == "abc\td\ne"


def _letterhead(path: Path) -> None:
    template = docx.Document()
    template.sections[0].header.paragraphs[0].text = "Lotus Consulting letterhead"
    style = template.styles.add_style("Lotus Body", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    style.font.name = "Georgia"
    template.add_paragraph("Lotus Consulting cover page", style="Lotus Body")
    template.save(str(path))


def test_consultant_template_keeps_letterhead(
    views: dict[Language, ReportView], tmp_path: Path
) -> None:
    path = tmp_path / "report.docx"
    _letterhead(path)
    document = _open(report_docx(views[Language.EN], template=path))
    assert document.sections[0].header.paragraphs[0].text == "Lotus Consulting letterhead"
    assert document.paragraphs[0].text == "Lotus Consulting cover page"
    assert document.paragraphs[0].style.name == "Lotus Body"
    assert "Lotus Body" in [style.name for style in document.styles]
    assert _headings(document, 1) == H1_EN
    assert [p.text for p in document.paragraphs if p.style.name == "Verdict"] == [
        "Verdict: Not ready"
    ]


def test_a_template_that_is_not_word_is_an_input_error(
    views: dict[Language, ReportView], tmp_path: Path
) -> None:
    path = tmp_path / "report.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("hello.txt", "not Word")
    with pytest.raises(InputError, match="not a Word document"):
        report_docx(views[Language.EN], template=path)


def test_macro_templates_refused(views: dict[Language, ReportView], tmp_path: Path) -> None:
    docm = tmp_path / "report.docm"
    _letterhead(docm)
    with pytest.raises(InputError, match="macro-enabled Word file is refused"):
        report_docx(views[Language.EN], template=docm)
    hidden = tmp_path / "hidden.docx"
    _letterhead(hidden)
    with zipfile.ZipFile(hidden, "a") as package:
        package.writestr("word/vbaProject.bin", b"\0")
    with pytest.raises(InputError, match="macro-enabled"):
        report_docx(views[Language.EN], template=hidden)


def test_progress_report(
    catalogue: Catalogue,
    questionnaire: Questionnaire,
    config: ScoringConfig,
    example_assessment: Assessment,
) -> None:
    from readiness.inputs.answers import load_answer_file

    later = assess(
        load_answer_file(LATER, questionnaire, catalogue), catalogue, questionnaire, config
    )
    comparison = compare(example_assessment, later)
    outputs = render_comparison_outputs(comparison, catalogue, Language.ZH, [ReportFormat.DOCX])
    data = outputs[ReportFormat.DOCX]
    assert isinstance(data, bytes)
    document = _open(data)
    assert document.paragraphs[0].text == "ISO/IEC 20000-1 认证准备度进展报告"
    assert _headings(document, 1)[:2] == ["目录", "自上次评估以来的进展 (2026-11-02 → 2027-03-01)"]
    again = render_comparison_outputs(comparison, catalogue, Language.ZH, [ReportFormat.DOCX])
    assert again[ReportFormat.DOCX] == data


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize(
    ("language", "verdict"), [(Language.EN, "Not ready"), (Language.ZH, "尚不具备认证条件")]
)
def test_libreoffice_reads_the_word_report(
    files: dict[Language, bytes], tmp_path: Path, language: Language, verdict: str
) -> None:
    pdf = libreoffice_pdf(files[language], tmp_path / "report.docx")
    text = subprocess.run(
        ["pdftotext", "-l", "3", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert verdict in text
    if language is Language.ZH:
        assert "管理层摘要" in text
    # The table of contents shows its entries (stored filled), not a placeholder: the last
    # chapter's heading is listed within the first pages.
    last = H1_ZH[-1] if language is Language.ZH else H1_EN[-1]
    assert last in text
    assert "Update Field" not in text and "更新域" not in text
    assert dark_pixels(pdf) > 500  # text and tables, not a blank page


def libreoffice_pdf(data: bytes, source: Path) -> Path:
    """``data`` written to ``source`` (a .docx) and converted to PDF by LibreOffice beside it."""
    source.write_bytes(data)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={source.parent.as_uri()}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(source.parent),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return source.with_suffix(".pdf")


def dark_pixels(pdf: Path) -> int:
    """Dark pixels of ``pdf``'s first page rendered in grey at 30 dpi (pdftoppm, PGM)."""
    image = subprocess.run(
        ["pdftoppm", "-r", "30", "-gray", "-f", "1", "-l", "1", str(pdf)],
        check=True,
        capture_output=True,
    ).stdout
    # Binary PGM: "P5\n<width> <height>\n<max>\n" then one byte per pixel.
    parts = image.split(b"\n", 3)
    assert parts[0] == b"P5"
    return sum(1 for value in parts[3] if value < 128)
