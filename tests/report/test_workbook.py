"""The Excel gap report, read back cell by cell with openpyxl."""

from __future__ import annotations

import dataclasses
import io
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.chart import BarChart, RadarChart

from readiness.data.workbook_layout import FIRST_ROW, HEADER_ROW
from readiness.language import Language
from readiness.models.assessment import Assessment
from readiness.models.catalogue import Catalogue
from readiness.models.questionnaire import Questionnaire
from readiness.render.report.model import ReportView
from readiness.render.report.view import build_view
from readiness.render.report.workbook import VERDICT_FILLS, workbook_bytes
from readiness.render.workbooks.tables import CLASS_FILLS, ID_HEADER, PRIMARY_FILL, STATUS_FILLS
from tests.render.questionnaire.test_libreoffice import TIMEOUT, soffice
from tests.report.conftest import HOSTILE

EN, ZH = Language.EN, Language.ZH
SHEETS = (
    "sheet_summary",
    "sheet_findings",
    "sheet_apart",
    "sheet_requirements",
    "sheet_roles",
    "sheet_evidence",
    "sheet_documents",
    "wi_sheet",  # the views carry the what-if, as assess --whatif makes them
)
CJK = re.compile(r"[\u4e00-\u9fff]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def load(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


@pytest.fixture(scope="module")
def books(views: dict[Language, ReportView]) -> dict[Language, bytes]:
    return {language: workbook_bytes(view) for language, view in views.items()}


@pytest.fixture(scope="module")
def workbooks(books: dict[Language, bytes]) -> dict[Language, Any]:
    return {language: load(data) for language, data in books.items()}


@pytest.fixture(scope="module")
def en(workbooks: dict[Language, Any], views: dict[Language, ReportView]) -> tuple[Any, ReportView]:
    return workbooks[EN], views[EN]


def sheet(workbook: Any, view: ReportView, key: str) -> Any:
    return workbook[view.words[key]]


def headers(ws: Any, row: int = HEADER_ROW) -> dict[str, int]:
    """Column of each header text in ``row``."""
    return {cell.value: cell.column for cell in ws[row] if cell.value is not None}


def find_row(ws: Any, column: int, value: object) -> int:
    """The first row whose cell in ``column`` holds ``value``."""
    for cell in ws.iter_cols(min_col=column, max_col=column):
        for item in cell:
            if item.value == value:
                return int(item.row)
    raise AssertionError(f"{value!r} not found in column {column} of {ws.title}")


def fill_of(cell: Any) -> str:
    return str(cell.fill.fgColor.rgb)


def all_cells(workbook: Any) -> list[Any]:
    return [cell for ws in workbook for row in ws.iter_rows() for cell in row]


@pytest.mark.parametrize("language", [EN, ZH])
def test_sheets_are_named_from_the_labels_in_order(
    workbooks: dict[Language, Any], views: dict[Language, ReportView], language: Language
) -> None:
    words = views[language].words
    assert workbooks[language].sheetnames == [words[key] for key in SHEETS]


def test_every_sheet_is_frozen_printable_and_unprotected(en: tuple[Any, ReportView]) -> None:
    workbook, view = en
    for ws in workbook:
        assert ws.freeze_panes, ws.title
        assert ws.page_setup.orientation == "landscape"
        assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
        assert ws.page_setup.fitToWidth == 1
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows
        assert not ws.protection.sheet, ws.title
        assert view.meta.client in ws.oddHeader.left.text
        assert "&P" in ws.oddFooter.center.text


def test_summary_verdict_is_a_big_red_cell_with_its_reasons(en: tuple[Any, ReportView]) -> None:
    workbook, view = en
    ws = sheet(workbook, view, "sheet_summary")
    assert view.verdict.code == "not_ready"
    row = find_row(ws, 2, view.verdict.label)
    verdict = ws.cell(row=row, column=2)
    assert ws.cell(row=row, column=1).value == view.words["verdict"]
    assert fill_of(verdict) == VERDICT_FILLS["not_ready"].fgColor.rgb
    assert verdict.font.b
    assert verdict.font.sz >= 16
    reasons = [ws.cell(row=row + 1 + i, column=2).value for i in range(len(view.verdict.reasons))]
    assert reasons == view.verdict.reasons
    assert ws["A1"].value == view.words["report_title"]
    assert ws.cell(row=find_row(ws, 1, view.words["client"]), column=2).value == view.meta.client


def test_summary_figures(en: tuple[Any, ReportView]) -> None:
    workbook, view = en
    ws = sheet(workbook, view, "sheet_summary")
    words = view.words

    def value(label: str) -> Any:
        return ws.cell(row=find_row(ws, 1, label), column=2).value

    assert value(words["overall_score"]) == view.overall.score
    assert value(words["target"]) == view.target
    assert value(words["finding_major"]) == len(view.by_class["major"])
    assert value(words["finding_minor"]) == len(view.by_class["minor"])
    assert value(words["blockers"]) == len(view.blockers)
    assert view.completeness.share_text in value(words["answered_questions"])


def test_summary_process_table_and_radar(en: tuple[Any, ReportView]) -> None:
    workbook, view = en
    ws = sheet(workbook, view, "sheet_summary")
    header = find_row(ws, 2, view.words["process"])
    assert headers(ws, header)[view.words["score"]] == 3
    rows = range(header + 1, header + 1 + len(view.processes))
    assert len(view.processes) == 13
    assert [ws.cell(row=r, column=1).value for r in rows] == [p.id for p in view.processes]
    assert [ws.cell(row=r, column=2).value for r in rows] == [p.name for p in view.processes]
    assert [ws.cell(row=r, column=3).value for r in rows] == [p.score for p in view.processes]
    assert [ws.cell(row=r, column=5).value for r in rows] == [p.level for p in view.processes]
    assert ws.cell(row=header + 1, column=3).number_format == "0.0"
    assert ws.cell(row=header + 14, column=1).value is None  # 13 rows, then a gap

    charts = ws._charts
    assert len(charts) >= 2
    radar = next(c for c in charts if isinstance(c, RadarChart))
    assert any(isinstance(c, BarChart) and c.type == "bar" for c in charts)
    name = f"'{ws.title}'"
    first, last = header + 1, header + 13
    values = [s.val.numRef.f for s in radar.series]
    assert values == [f"{name}!$C${first}:$C${last}", f"{name}!$D${first}:$D${last}"]
    titles = [s.tx.strRef.f.replace("$", "") for s in radar.series]
    assert titles == [f"{name}!C{header}", f"{name}!D{header}"]
    categories = radar.series[0].cat  # openpyxl refers to categories as numbers or strings
    categories = (categories.numRef or categories.strRef).f
    assert categories == f"{name}!$A${first}:$A${last}"


def test_summary_area_bars_reference_every_area(en: tuple[Any, ReportView]) -> None:
    workbook, view = en
    ws = sheet(workbook, view, "sheet_summary")
    header = find_row(ws, 2, view.words["area"])
    bars = next(c for c in ws._charts if isinstance(c, BarChart))
    last = header + len(view.areas)
    assert bars.series[0].val.numRef.f == f"'{ws.title}'!$C${header + 1}:$C${last}"
    assert [ws.cell(row=r, column=3).value for r in range(header + 1, last + 1)] == [
        a.score for a in view.areas
    ]


def test_summary_top_risks_and_feasibility(en: tuple[Any, ReportView]) -> None:
    workbook, view = en
    ws = sheet(workbook, view, "sheet_summary")
    heading = find_row(ws, 1, view.words["h_top_risks"])
    assert ws.cell(row=heading + 1, column=1).value == view.words["top_risks_order"]
    first = heading + 3  # the order's line, the header, then the risks
    risks = [ws.cell(row=first + i, column=2).value for i in range(len(view.top_risks))]
    assert risks == [r.reason for r in view.top_risks]
    assert (
        fill_of(ws.cell(row=first, column=1)) == CLASS_FILLS[view.top_risks[0].finding].fgColor.rgb
    )
    basis = find_row(ws, 1, view.words["management_basis"])
    assert ws.cell(row=basis, column=2).value == view.profile.management_basis


def test_findings_table(en: tuple[Any, ReportView]) -> None:
    workbook, view = en
    ws = sheet(workbook, view, "sheet_findings")
    columns = headers(ws)
    assert list(columns) == [
        ID_HEADER,
        *(view.words[k] for k in ("finding", "source", "area", "clause", "requirements")),
        *(view.words[k] for k in ("reasons", "recommendation")),
    ]
    assert ws.max_row - HEADER_ROW == len(view.findings)
    assert ws.auto_filter.ref == f"A{HEADER_ROW}:H{HEADER_ROW + len(view.findings)}"
    assert ws.freeze_panes == f"A{FIRST_ROW}"
    ids = [ws.cell(row=r, column=1).value for r in range(FIRST_ROW, ws.max_row + 1)]
    assert ids == [f.id for f in view.findings]
    major = next(i for i, f in enumerate(view.findings) if f.finding == "major")
    row = FIRST_ROW + major
    assert ws.cell(row=row, column=2).value == view.words["finding_major"]
    for column in (1, 7):
        assert fill_of(ws.cell(row=row, column=column)) == CLASS_FILLS["major"].fgColor.rgb
    minor = FIRST_ROW + next(i for i, f in enumerate(view.findings) if f.finding == "minor")
    assert fill_of(ws.cell(row=minor, column=1)) == CLASS_FILLS["minor"].fgColor.rgb


def test_requirements_table(en: tuple[Any, ReportView]) -> None:
    workbook, view = en
    ws = sheet(workbook, view, "sheet_requirements")
    columns = headers(ws)
    assert ws.max_row - HEADER_ROW == len(view.requirements)
    assert ws.auto_filter.ref
    assert ws.freeze_panes
    wanted = next(r for r in view.requirements if r.id == "R-4.2-03")
    row = find_row(ws, 1, wanted.id)
    score = ws.cell(row=row, column=columns[view.words["score"]])
    assert score.value == wanted.score == 67.5
    assert score.number_format == "0.0"
    assert fill_of(score) == CLASS_FILLS[wanted.finding].fgColor.rgb
    assert ws.cell(row=row, column=columns[view.words["finding"]]).value == wanted.finding_label
    answers = ws.cell(row=row, column=columns[view.words["answers"]]).value
    assert answers == f"{wanted.answers[0].question}: {wanted.answers[0].rating_label}"
    evidence = ws.cell(row=row, column=columns[view.words["evidence"]]).value
    assert evidence.split("\n") == wanted.answers[0].evidence
    assert ws.cell(row=row, column=columns[view.words["notes"]]).value == wanted.answers[0].notes
    assert ws.cell(row=row, column=5).alignment.wrap_text
    unscored = next(r for r in view.requirements if r.score is None)
    empty = ws.cell(row=find_row(ws, 1, unscored.id), column=columns[view.words["score"]])
    assert empty.value is None


def test_roles_sheet(en: tuple[Any, ReportView]) -> None:
    workbook, view = en
    ws = sheet(workbook, view, "sheet_roles")
    matrix = view.matrix
    assert ws.cell(row=2, column=2).value == matrix.sms_owner
    people = [ws.cell(row=HEADER_ROW, column=3 + i).value for i in range(len(matrix.people))]
    assert people == matrix.people
    first = matrix.rows[0]
    assert ws.cell(row=FIRST_ROW, column=1).value == first.item
    primary = FIRST_ROW, 3 + first.cells.index("P")
    cell = ws.cell(*primary)
    assert cell.value == "P"
    assert cell.font.b
    assert fill_of(cell) == PRIMARY_FILL.fgColor.rgb
    owners = find_row(ws, 1, view.words["process_owners"]) + 2
    assert (ws.cell(row=owners, column=1).value, ws.cell(row=owners, column=2).value) == (
        matrix.owners[0]
    )
    found = find_row(ws, 1, view.words["findings_predicted"]) + 2
    reasons = [ws.cell(row=found + i, column=1).value for i in range(len(view.matrix_findings))]
    assert reasons == [f.reason for f in view.matrix_findings]


def test_evidence_requests_are_one_flat_filterable_table(en: tuple[Any, ReportView]) -> None:
    workbook, view = en
    ws = sheet(workbook, view, "sheet_evidence")
    items = [(g, i) for g in view.evidence for i in g.items]
    assert ws.max_row - HEADER_ROW == len(items)
    assert ws.auto_filter.ref == f"A{HEADER_ROW}:G{HEADER_ROW + len(items)}"
    group, item = items[0]
    row = [c.value for c in ws[FIRST_ROW]]
    assert row[:5] == [
        f"{group.area} {group.area_name}",
        group.owner,
        item.question,
        item.text,
        item.evidence,
    ]


def test_documents_show_a_blocker_as_missing_in_red(en: tuple[Any, ReportView]) -> None:
    workbook, view = en
    ws = sheet(workbook, view, "sheet_documents")
    assert ws.max_row - HEADER_ROW == len(view.documents)
    status_column = headers(ws)[view.words["status"]]
    blocker = view.blockers[0]
    status = ws.cell(row=find_row(ws, 1, blocker.requirement), column=status_column)
    assert status.value == view.words["document_missing"]
    assert fill_of(status) == STATUS_FILLS["missing"].fgColor.rgb
    present = next(d for d in view.documents if d.status == "present")
    status = ws.cell(row=find_row(ws, 1, present.requirement), column=status_column)
    assert status.value == view.words["document_present"]
    assert fill_of(status) == STATUS_FILLS["present"].fgColor.rgb


def test_chinese_workbook_headings_are_the_chinese_labels(
    workbooks: dict[Language, Any], views: dict[Language, ReportView]
) -> None:
    workbook, view = workbooks[ZH], views[ZH]
    words = view.words
    for name in workbook.sheetnames:
        assert CJK.search(name), name
    for key in SHEETS[1:]:
        ws = sheet(workbook, view, key)
        texts = [t for t in headers(ws) if t != ID_HEADER]
        if key == "sheet_roles":
            texts = texts[:2]
        assert texts, key
        for text in texts:
            assert CJK.search(text), (key, text)
            assert text in words.values(), (key, text)
    summary = sheet(workbook, view, "sheet_summary")
    assert summary["A1"].value == words["report_title"]
    labels = [summary.cell(row=r, column=1).value for r in range(3, summary.max_row + 1)]
    labels = [t for t in labels if isinstance(t, str) and t != ID_HEADER and not t[0].isascii()]
    assert words["verdict"] in labels
    assert words["overall_score"] in labels
    verdict = find_row(summary, 2, view.verdict.label)
    assert CJK.search(summary.cell(row=verdict, column=2).value)


def test_same_view_gives_the_same_bytes(
    books: dict[Language, bytes], views: dict[Language, ReportView]
) -> None:
    assert workbook_bytes(views[EN]) == books[EN]
    assert workbook_bytes(views[ZH]) == books[ZH]
    assert books[EN] != books[ZH]


def test_no_cell_is_a_formula(workbooks: dict[Language, Any]) -> None:
    for workbook in workbooks.values():
        assert not [c.coordinate for c in all_cells(workbook) if c.data_type == "f"]


def test_hostile_answers_stay_inert_text(
    hostile_assessment: Assessment, catalogue: Catalogue, questionnaire: Questionnaire
) -> None:
    view = build_view(hostile_assessment, catalogue, questionnaire, EN)
    workbook = load(workbook_bytes(view))
    cells = all_cells(workbook)
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = {c.value: c for c in cells if isinstance(c.value, str)}
    # The answer file loader strips whitespace: "\tTAB" arrives as "TAB" (tested below).
    for hostile in [h for h in HOSTILE if h == h.strip()]:
        assert hostile in texts, hostile
        assert texts[hostile].data_type == "s"
    for cell in cells:
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
            assert cell.data_type == "s"
            assert cell.quotePrefix, (cell.parent.title, cell.coordinate)
    summary = sheet(workbook, view, "sheet_summary")
    assert (
        summary.cell(row=find_row(summary, 1, view.words["client"]), column=2).value == HOSTILE[0]
    )
    assert summary.cell(row=find_row(summary, 1, view.words["assessor"]), column=2).value == "+1+2"
    roles = sheet(workbook, view, "sheet_roles")
    people = [c.value for c in roles[HEADER_ROW][2:]]
    assert HOSTILE[1] in people
    assert HOSTILE[5] in people
    requirements = sheet(workbook, view, "sheet_requirements")
    columns = headers(requirements)
    for key in ("notes", "evidence", "owner"):
        index = columns[view.words[key]]
        column = [c.value for c in next(requirements.iter_cols(min_col=index, max_col=index))]
        assert set(HOSTILE[:4]) <= set(column), key


def test_any_text_reads_back_exactly(views: dict[Language, ReportView]) -> None:
    view = views[EN]
    texts = [*HOSTILE, "\rCR", "=1+1", "-"]
    people = [*texts, *view.matrix.people[len(texts) :]]
    matrix = dataclasses.replace(view.matrix, people=people)
    meta = dataclasses.replace(view.meta, client="\tTAB")
    workbook = load(workbook_bytes(dataclasses.replace(view, meta=meta, matrix=matrix)))
    summary = sheet(workbook, view, "sheet_summary")
    client = summary.cell(row=find_row(summary, 1, view.words["client"]), column=2)
    assert client.value == "\tTAB"
    assert client.data_type == "s"
    roles = sheet(workbook, view, "sheet_roles")
    for column, text in enumerate(texts, start=3):
        cell = roles.cell(row=HEADER_ROW, column=column)
        # XML reads a bare carriage return as a line feed: still text, never a formula.
        assert cell.value == text.replace("\r", "\n")
        assert cell.data_type == "s"


@pytest.mark.slow
@pytest.mark.parametrize("language", [EN, ZH])
def test_libreoffice_converts_the_report_to_pdf(
    books: dict[Language, bytes], language: Language, tmp_path: Path
) -> None:
    program = soffice()
    workbook = tmp_path / f"report-{language.value}.xlsx"
    workbook.write_bytes(books[language])
    home = tmp_path / "home"  # a fresh LibreOffice profile, away from the user's
    home.mkdir()
    result = subprocess.run(
        [program, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(workbook)],
        env={**os.environ, "HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / f"{workbook.stem}.pdf"
    assert pdf.is_file(), result.stdout + result.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
