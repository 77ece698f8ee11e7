"""The Excel gap report: a workbook of the report view, with native charts, ready to print.

Sheets, in order: summary (verdict, scores, charts, top risks, feasibility), findings,
requirements, roles and responsibilities, evidence requests, documents. Every text comes from
the view, in its language; every score is the view's, as a number. Client and catalogue texts
go through :func:`readiness.render.workbooks.cells.set_text`, so none of them is ever a formula. The
workbook holds no formula at all.

openpyxl is imported here and in :mod:`~readiness.render.report.workbook_sheets` only; the command
line imports this module when an .xlsx report is asked for.
"""

from __future__ import annotations

import datetime as dt

from openpyxl.chart import BarChart, RadarChart, Reference
from openpyxl.chart.axis import NumericAxis
from openpyxl.chart.data_source import NumFmt
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.drawing.text import (
    CharacterProperties,
    Paragraph,
    ParagraphProperties,
    RegularTextRun,
)
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.pagebreak import Break

from readiness.render.brand import BrandView
from readiness.render.report.model import ReportView, ScoreRow
from readiness.render.report.workbook_apart import apart_sheet
from readiness.render.report.workbook_sheets import (
    ReportBook,
    clause_text,
    documents_sheet,
    evidence_sheet,
    findings_sheet,
    requirements_sheet,
    roles_sheet,
)
from readiness.render.workbooks import cells
from readiness.render.workbooks.book import new_workbook, stamp, to_bytes
from readiness.render.workbooks.brand import brand_workbook
from readiness.render.workbooks.cells import Sheet
from readiness.render.workbooks.tables import (
    BAND_FILLS,
    CLASS_FILLS,
    ID_HEADER,
    STATUS_FILLS,
    Value,
    put_heading,
    put_merged,
    put_row,
    put_section,
    put_title,
    put_value,
    set_widths,
    solid_fill,
)

SUMMARY_WIDTHS = (20, 52, 9, 9, 9, 9, 9, 9, 54)
"""Summary columns: labels, names and long text, six number columns, and the charts' column."""
LAST = len(SUMMARY_WIDTHS)
CHART_COLUMN = "I"
_CM_PER_CHARACTER = 0.19
"""Width of one character of column width, in centimetres (7 pixels at 96 dpi)."""
CHART_WIDTH = SUMMARY_WIDTHS[-1] * _CM_PER_CHARACTER


VERDICT_FILLS: dict[str, PatternFill] = {
    "not_ready": solid_fill("C00000"),
    "ready_after_minor_fixes": solid_fill("FFC000"),
    "ready": solid_fill("00B050"),
    "incomplete": solid_fill("D9D9D9"),
}
"""Fill of the verdict cell: red not ready, amber ready after minor fixes, green ready."""
_VERDICT_FONTS = {
    "not_ready": Font(bold=True, size=18, color="FFFFFF"),
    "ready_after_minor_fixes": Font(bold=True, size=18, color="000000"),
    "ready": Font(bold=True, size=18, color="FFFFFF"),
    "incomplete": Font(bold=True, size=18, color="000000"),
}
_VERDICT_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
_VALUE_ALIGN = Alignment(horizontal="left", vertical="top", wrap_text=True)
_REPORT_TITLE_FONT = Font(bold=True, size=16)


def workbook_bytes(view: ReportView, brand: BrandView | None = None) -> bytes:
    """The gap report of ``view`` as the content of an .xlsx file; the same view, the same bytes.

    ``brand``: the consultant's brand in the page headers and footers and on the summary."""
    workbook = build_workbook(view)
    brand_workbook(workbook, brand, view.words)
    return to_bytes(workbook)


def build_workbook(view: ReportView) -> Workbook:
    """The gap report as an openpyxl ``Workbook`` (see :func:`workbook_bytes`)."""
    workbook = new_workbook()
    book = ReportBook(workbook, view)
    summary_sheet(book)
    findings_sheet(book)
    apart_sheet(book)
    requirements_sheet(book)
    roles_sheet(book)
    evidence_sheet(book)
    documents_sheet(book)
    if view.whatif is not None:
        from readiness.render.report.workbook_whatif import whatif_sheet

        whatif_sheet(book, view.whatif)
    if view.progress is not None:
        from readiness.render.progress.workbook import add_progress_sheets

        add_progress_sheets(workbook, view.progress, prefix=f"{view.words['c_change']} ")
    day = dt.date.fromisoformat(view.meta.assessed_on) if view.meta.assessed_on else None
    return stamp(workbook, title=view.meta.title, language=view.meta.html_lang, day=day)


def summary_sheet(book: ReportBook) -> Sheet:
    """Verdict and why, key figures, score tables with their charts, top risks, feasibility."""
    view = book.view
    ws = book.sheet("sheet_summary")
    set_widths(ws, SUMMARY_WIDTHS)
    put_title(ws, view.meta.title).font = _REPORT_TITLE_FONT
    row = _facts(book, ws, 3)
    row = _verdict(book, ws, row + 1)
    row = _figures(book, ws, row + 1)
    row = _parts_table(book, ws, row + 1)
    # Printed, the charts and their tables get a page of their own, as do the risks.
    ws.row_breaks.append(Break(id=row))
    first, last = _score_table(book, ws, row + 1, "processes", book.word("process"), view.processes)
    _radar(book, ws, first, last)
    first, last = _score_table(book, ws, last + 3, "h_areas", book.word("area"), view.areas)
    _area_bars(book, ws, first, last)
    ws.row_breaks.append(Break(id=last + 1))
    row = _top_risks(book, ws, last + 2)
    row = _blockers(book, ws, row + 1)
    _feasibility(book, ws, row + 1)
    book.finish(ws, freeze="A2", title_rows="1:1")
    return ws


def _fact(ws: Sheet, row: int, label: str, value: Value, fill: PatternFill | None = None) -> None:
    put_heading(ws, row, 1, label)
    cell = put_merged(ws, row, 2, 4, value, fill)
    cell.alignment = _VALUE_ALIGN


def _facts(book: ReportBook, ws: Sheet, row: int) -> int:
    """Client, date, assessor, standard, questionnaire and tool from ``row``; the next row."""
    meta = book.view.meta
    facts: list[tuple[str, Value]] = [
        (book.word("client"), meta.client),
        (book.word("assessed_on"), meta.assessed_on),
        (book.word("assessor"), meta.assessor),
        (book.word("edition"), meta.standard),
        (book.word("questionnaire"), f"{meta.questionnaire} {meta.questionnaire_version}"),
        *([(book.word("m_method"), meta.method)] if meta.method else []),
        (book.word("tool"), f"readiness {meta.tool_version}"),
    ]
    for label, value in facts:
        _fact(ws, row, label, value)
        row += 1
    return row


def _verdict(book: ReportBook, ws: Sheet, row: int) -> int:
    """The verdict in a big cell of its colour, its reasons below; the next row."""
    verdict = book.view.verdict
    put_heading(ws, row, 1, book.word("verdict"))
    cell = put_merged(ws, row, 2, LAST, verdict.label, VERDICT_FILLS.get(verdict.code))
    cell.font = _VERDICT_FONTS.get(verdict.code, cells.TITLE_FONT)
    cell.alignment = _VERDICT_ALIGN
    ws.row_dimensions[row].height = 40
    for index, reason in enumerate(verdict.reasons):
        row += 1
        if index == 0:
            put_heading(ws, row, 1, book.word("verdict_why"))
        put_merged(ws, row, 2, LAST, reason)
    return row + 1


def _figures(book: ReportBook, ws: Sheet, row: int) -> int:
    """Overall score against the target, completeness, findings by class, blockers."""
    view = book.view
    done = view.completeness
    put_section(ws, row, book.word("h_summary"))
    figures: list[tuple[str, Value, PatternFill | None]] = [
        (book.word("overall_score"), view.overall.score, BAND_FILLS.get(view.overall.band)),
        (book.word("target"), view.target, None),
        (book.word("floor"), view.floor_text, None),
        (
            book.word("answered_questions"),
            f"{done.answered} / {done.questions} ({done.share_text})",
            None,
        ),
        (book.word("unanswered_count"), done.unanswered, None),
        (book.word("rated_n"), done.rated_n, None),
        (book.word("figures_given"), f"{done.figures_given} / {done.figures}", None),
    ]
    total = view.counts.total
    for code, number in (
        ("major", total.major),
        ("minor", total.minor),
        ("observation", total.observation),
    ):
        figures.append((book.word(f"finding_{code}"), number, CLASS_FILLS.get(code)))
    counts = view.counts
    figures += [
        (book.word("practice_count"), counts.practice, None),
        (book.word("preconditions_not_met"), counts.preconditions_not_met, None),
        (book.word("not_evidenced"), counts.not_evidenced, None),
    ]
    blockers = STATUS_FILLS["missing"] if view.blockers else None
    figures.append((book.word("blockers"), len(view.blockers), blockers))
    for label, value, fill in figures:
        row += 1
        _fact(ws, row, label, value, fill)
    ws.cell(row=row - len(figures) + 1, column=2).font = Font(bold=True, size=14)
    return row + 1


def _parts_table(book: ReportBook, ws: Sheet, row: int) -> int:
    """Score and findings of each part and of the whole; the row after the table."""
    view = book.view
    put_section(ws, row, book.word("h_scores"))
    row += 1
    headers = [ID_HEADER, book.word("part"), book.word("score"), book.word("target")]
    headers += [book.word(key) for key in ("major", "minor", "observation")]
    for column, text in enumerate(headers, start=1):
        put_heading(ws, row, column, text)
    for part in [*view.parts, view.overall]:
        row += 1
        ident = "" if part is view.overall else part.id
        name = part.name
        if part is view.overall:
            name = f"{part.name} ({book.word('counts_requirements')})"
        values: list[Value] = [ident, name, part.score, view.target, *_tally(part)]
        put_row(ws, row, values)
        put_value(ws, row, 3, part.score, BAND_FILLS.get(part.band))
    for count in [*view.counts.rows[1:], view.counts.total]:
        row += 1
        put_row(ws, row, ["", count.label, None, None, count.major, count.minor, count.observation])
    for column in range(1, len(headers) + 1):
        ws.cell(row=row, column=column).font = cells.BOLD
    return row + 1


def _tally(row: ScoreRow) -> list[Value]:
    return [row.tally.major, row.tally.minor, row.tally.observation]


def _score_table(
    book: ReportBook, ws: Sheet, row: int, title: str, name: str, rows: list[ScoreRow]
) -> tuple[int, int]:
    """A table of areas (id, name, score, target, level, findings); its header and last row."""
    view = book.view
    put_section(ws, row, book.word(title))
    header = row + 1
    headers = [ID_HEADER, name, book.word("score"), book.word("target"), book.word("level")]
    headers += [book.word(key) for key in ("major", "minor", "observation")]
    for column, text in enumerate(headers, start=1):
        put_heading(ws, header, column, text)
    for index, area in enumerate(rows, start=header + 1):
        values: list[Value] = [area.id, area.name, area.score, view.target, area.level]
        put_row(ws, index, [*values, *_tally(area)])
        put_value(ws, index, 3, area.score, BAND_FILLS.get(area.band))
    return header, header + len(rows)


def _radar(book: ReportBook, ws: Sheet, header: int, last: int) -> None:
    """Radar of the processes' scores against the target, beside their table."""
    chart = RadarChart()
    chart.type = "marker"
    chart.title = _chart_title(book.word("chart_radar"))
    chart.add_data(
        Reference(ws, min_col=3, max_col=4, min_row=header, max_row=last), titles_from_data=True
    )
    # Ids, not names, around the radar: long names would squeeze it to a dot.
    chart.set_categories(Reference(ws, min_col=1, min_row=header + 1, max_row=last))
    _percent_axis(chart.y_axis)
    chart.x_axis.delete = False
    if chart.legend is not None:  # a new chart has one
        chart.legend.position = "b"
    # types-openpyxl declares the width an int; openpyxl takes any number of centimetres.
    chart.width = CHART_WIDTH  # type: ignore[assignment]
    chart.height = 0.55 * (last - header) + 2
    ws.add_chart(chart, f"{CHART_COLUMN}{header}")


def _area_bars(book: ReportBook, ws: Sheet, header: int, last: int) -> None:
    """Horizontal bars of every area's score, beside their table, first area on top."""
    chart = BarChart()
    chart.type = "bar"
    chart.title = _chart_title(book.word("chart_areas"))
    chart.add_data(Reference(ws, min_col=3, min_row=header, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=header + 1, max_row=last))
    _percent_axis(chart.y_axis)
    chart.x_axis.delete = False
    chart.x_axis.scaling.orientation = "maxMin"
    chart.legend = None
    chart.gapWidth = 40
    chart.width = CHART_WIDTH  # type: ignore[assignment] # as above
    chart.height = 0.53 * (last - header) + 1.5
    ws.add_chart(chart, f"{CHART_COLUMN}{header}")


def _chart_title(text: str) -> Title:
    """A chart title in 11 points (the default, 18, crowds a chart as wide as a column)."""
    font = CharacterProperties(sz=1100, b=True)
    paragraph = Paragraph(
        pPr=ParagraphProperties(defRPr=font), r=[RegularTextRun(rPr=font, t=text)]
    )
    return Title(tx=Text(rich=RichText(p=[paragraph])), overlay=False)


def _percent_axis(axis: NumericAxis) -> None:
    axis.scaling.min = 0
    axis.scaling.max = 100
    axis.majorUnit = 25
    axis.delete = False
    axis.numFmt = NumFmt(formatCode="0", sourceLinked=False)


def _top_risks(book: ReportBook, ws: Sheet, row: int) -> int:
    """The top risks: class, reason, clause, area and the recommended action."""
    put_section(ws, row, book.word("h_top_risks"))
    row += 1
    risks = book.view.top_risks
    if not risks:
        put_merged(ws, row, 1, LAST, book.word("no_findings"))
        return row + 1
    put_merged(ws, row, 1, LAST, book.word("top_risks_order"))
    row += 1
    spans = [(1, 1), (2, 2), (3, 5), (6, 8), (9, 9)]
    keys = ["finding", "reasons", "clause", "area", "recommendation"]
    _spanned_header(ws, row, spans, [book.word(key) for key in keys])
    for risk in risks:
        row += 1
        values: list[Value] = [
            risk.finding_label,
            risk.reason,
            clause_text(risk.clause, risk.clause_title),
            risk.area_name,
            risk.recommendation,
        ]
        _spanned_row(ws, row, spans, values, CLASS_FILLS.get(risk.finding))
    return row + 1


def _blockers(book: ReportBook, ws: Sheet, row: int) -> int:
    """The missing mandatory documents and records that would stop the stage 1 audit."""
    put_section(ws, row, book.word("blockers"))
    row += 1
    blockers = book.view.blockers
    if not blockers:
        put_merged(ws, row, 1, LAST, book.word("no_blockers"))
        return row + 1
    keys = ["requirement", "name", "clause", "kind"]
    spans = [(1, 1), (2, 2), (3, 8), (9, 9)]
    _spanned_header(ws, row, spans, [book.word(key) for key in keys])
    for blocker in blockers:
        row += 1
        values: list[Value] = [
            blocker.requirement,
            blocker.name,
            clause_text(blocker.clause, blocker.clause_title),
            blocker.kind_label,
        ]
        _spanned_row(ws, row, spans, values, STATUS_FILLS["missing"])
    return row + 1


def _spanned_header(ws: Sheet, row: int, spans: list[tuple[int, int]], headers: list[str]) -> None:
    """Header cells each over the columns of its span (first, last)."""
    for (first, end), text in zip(spans, headers, strict=True):
        put_heading(ws, row, first, text)
        for column in range(first + 1, end + 1):
            put_heading(ws, row, column, None)
        if end > first:
            cells.merge(ws, row, first, end)


def _spanned_row(
    ws: Sheet, row: int, spans: list[tuple[int, int]], values: list[Value], fill: PatternFill | None
) -> None:
    """Data cells each merged over the columns of its span, all with ``fill``."""
    for (first, end), value in zip(spans, values, strict=True):
        put_merged(ws, row, first, end, value, fill)


def _feasibility(book: ReportBook, ws: Sheet, row: int) -> int:
    """Why the client wants the certificate and what it should bring."""
    profile = book.view.profile
    put_section(ws, row, book.word("h_feasibility"))
    for key, text in (
        ("management_basis", profile.management_basis),
        ("expected_benefits", profile.expected_benefits),
    ):
        row += 1
        put_heading(ws, row, 1, book.word(key))
        put_merged(ws, row, 2, LAST, text or book.word("not_stated"))
    return row + 1
