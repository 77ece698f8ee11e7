"""The progress report as a workbook: scores then and now (with a native bar chart), the
findings that moved, and the issues to resolve before stage 2."""

from __future__ import annotations

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.chart.series import SeriesLabel
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook

from readiness.render.brand import BrandView
from readiness.render.progress.trend import TrendView
from readiness.render.progress.view import ProgressView
from readiness.render.workbooks import cells
from readiness.render.workbooks.book import new_workbook, stamp, to_bytes
from readiness.render.workbooks.brand import brand_workbook
from readiness.render.workbooks.tables import Value, put_row, put_title, set_widths

_WIDE = 60


def _sheet(book: Workbook, title: str, heading: str, headers: list[tuple[str, int]]) -> cells.Sheet:
    """A table sheet: ``heading`` on row 1, the column headers on row 3 (as every workbook)."""
    ws = cells.add_sheet(
        book, cells.valid_sheet_name(title, {n.casefold() for n in book.sheetnames})
    )
    set_widths(ws, (width for _, width in headers))
    put_title(ws, heading)
    for column, (text, width) in enumerate(headers, start=1):
        cells.put_header(ws, column, text, width)
    return ws


def _row(ws: cells.Sheet, row: int, values: list[Value]) -> None:
    put_row(ws, row, values)


def comparison_workbook_bytes(progress: ProgressView, brand: BrandView | None = None) -> bytes:
    """The progress workbook of ``progress`` (under ``brand``); the same view, the same bytes."""
    book = stamp(new_workbook(), title=progress.words["c_title"], language=progress.html_lang)
    if progress.trend is not None:
        _trend_sheet(book, progress.trend, progress.client)
    add_progress_sheets(book, progress)
    brand_workbook(book, brand, progress.words)
    return to_bytes(book)


def _trend_sheet(book: Workbook, trend: TrendView, client: str) -> None:
    """Scores at every assessment (with a native line chart), then the findings per period."""
    w = trend.words
    ws = _sheet(
        book,
        w["t_h_trend"],
        f"{w['t_h_trend']}: {client} ({trend.dates[0]} → {trend.dates[-1]})",
        [(w["area"], 12), (w["name"], 44), *((date, 12) for date in trend.dates),
         (w["t_change"], 14)],
    )  # fmt: skip
    rows = [trend.overall, *trend.parts, *trend.areas]
    for index, series in enumerate(rows, start=4):
        name = series.label.removeprefix(series.id).strip() if series.id != "overall" else ""
        _row(ws, index, [series.id, name or series.label, *series.scores, series.change])
    chart = LineChart()
    chart.title = w["t_chart"]
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100
    last = 2 + len(trend.dates)
    for index in range(4, 5 + len(trend.parts)):  # the overall score and the parts
        data = Reference(ws, min_col=3, max_col=last, min_row=index, max_row=index)
        chart.add_data(data, from_rows=True, titles_from_data=False)
    for line, shown in zip(chart.series, rows, strict=False):
        line.tx = SeriesLabel(v=shown.label)
    chart.set_categories(Reference(ws, min_col=3, max_col=last, min_row=3, max_row=3))
    chart.height, chart.width = 10, 18
    ws.add_chart(chart, f"{get_column_letter(last + 3)}4")
    row = 5 + len(rows)
    _row(ws, row, [w["t_period"], "", w["t_overall_delta"], w["t_closed"], w["t_new"],
                   w["t_worse"], w["t_better"]])  # fmt: skip
    for column in range(1, 8):
        ws.cell(row=row, column=column).font = cells.BOLD
    for period in trend.periods:
        row += 1
        _row(ws, row, [period.label, period.closed_ids, period.overall_delta_text,
                       period.closed, period.new, period.worse, period.better])  # fmt: skip
    cells.finish_sheet(ws, freeze="C4", protect=False)


def add_progress_sheets(book: Workbook, progress: ProgressView, *, prefix: str = "") -> None:
    """The progress sheets (scores, moved findings, blockers) added to ``book``.

    ``prefix`` starts each sheet name, so that a gap report can carry them beside its own.
    """
    w = progress.words
    scores = _sheet(
        book,
        prefix + w["h_scores"],
        f"{w['c_title']}: {progress.client} ({progress.old_date} → {progress.new_date})",
        [(w["area"], 12), (w["name"], 44), (w["c_then"], 10), (w["c_now"], 10),
         (w["c_change"], 10), (w["c_level_then"], 10), (w["c_level_now"], 10)],
    )  # fmt: skip
    rows = [progress.overall, *progress.parts, *progress.areas]
    changes = {r.id: r for r in rows}
    for index, change in enumerate(rows, start=4):
        _row(scores, index, [change.id, change.name, change.old, change.new, change.delta,
                             change.old_level_value, change.new_level_value])  # fmt: skip
        if change.direction == "down":
            scores.cell(row=index, column=5).font = cells.BOLD
    process_rows = [4 + rows.index(changes[p.id]) for p in progress.processes]
    if process_rows:
        chart = BarChart()
        chart.type = "bar"
        chart.title = w["c_chart"]
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 100
        low, high = min(process_rows), max(process_rows)
        data = Reference(scores, min_col=3, max_col=4, min_row=low, max_row=high)
        chart.add_data(data, titles_from_data=False)
        names = Reference(scores, min_col=2, min_row=low, max_row=high)
        # The legend names the two assessments (not "Column C / Column D").
        for series, label in zip(
            chart.series,
            (f"{w['c_then']} ({progress.old_date})", f"{w['c_now']} ({progress.new_date})"),
            strict=True,
        ):
            series.tx = SeriesLabel(v=label)
            series.cat = AxDataSource(strRef=StrRef(f=str(names)))  # names are text, not numbers
        chart.height, chart.width = 12, 18
        scores.add_chart(chart, "I4")
    cells.finish_sheet(scores, freeze="A4", protect=False)

    findings = _sheet(
        book,
        prefix + w["h_findings"],
        f"{w['c_unchanged']}: {progress.unchanged}",
        [("ID", 18), (w["c_change"], 12), (w["clause"], 30), (w["area"], 30),
         (w["c_then"], 18), (w["c_now"], 18), (w["reasons"], _WIDE)],
    )  # fmt: skip
    row = 4
    for movement in ("worse", "new", "better", "closed"):
        for f in progress.by_movement[movement]:
            _row(findings, row, [f.id, f.movement_label, f"{f.clause} {f.clause_title}".strip(),
                                 f.area_name, f.old_label, f.new_label, f.reason])  # fmt: skip
            row += 1
    findings.auto_filter.ref = f"A3:G{max(row - 1, 3)}"
    cells.finish_sheet(findings, freeze="A4", protect=False)

    blockers = _sheet(
        book,
        prefix + w["sheet_before_stage2"],
        w["blockers"],
        [(w["status"], 30), (w["requirement"], 16), (w["clause"], 30), (w["kind"], 12),
         (w["name"], 40)],
    )  # fmt: skip
    row = 4
    for status, items in ((w["c_blockers_remaining"], progress.blockers_remaining),
                          (w["c_blockers_new"], progress.blockers_new),
                          (w["c_blockers_closed"], progress.blockers_closed)):  # fmt: skip
        for b in items:
            _row(blockers, row, [status, b.requirement, f"{b.clause} {b.clause_title}",
                                 b.kind_label, b.name])  # fmt: skip
            row += 1
    if progress.preconditions:
        row += 1
        _row(blockers, row, [w["h_preconditions"], "ID", w["c_then"], w["c_now"], w["reasons"]])
        for column in range(1, 6):
            blockers.cell(row=row, column=column).font = cells.BOLD
        for precondition in progress.preconditions:
            row += 1
            _row(blockers, row, ["", precondition.rule, precondition.old_label,
                                 precondition.new_label, precondition.reason])  # fmt: skip
    cells.finish_sheet(blockers, freeze="A4", protect=False)
