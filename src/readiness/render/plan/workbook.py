"""The Excel workbook of the certification project plan.

Sheets, in order: summary (key dates, effort, total cost, points to note, scenarios side by
side), Gantt (one column per week), tasks, remediation backlog, resources (person-days per role
and month, responsibility matrix) and costs. The cost sheet is live: every amount is a formula
on a rates table whose cells the consultant edits, and the part totals, subtotal, contingency
and total follow; the summary's total cost refers to it. With the plan's own rates the formulas
give exactly the plan's JSON totals (amounts and the contingency rounded to cents as there).

openpyxl is imported here and in :mod:`~readiness.render.plan.workbook_sheets` only; the command line
imports this module when an .xlsx plan is asked for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl.styles import Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.workbook import Workbook

from readiness.data.labels import labels
from readiness.data.workbook_layout import FIRST_ROW, HEADER_ROW
from readiness.language import Language
from readiness.models.plan import CostLine, CostPart, Plan
from readiness.planning.costs import AUDIT_DAY, PERSON_DAY, YEAR
from readiness.render.plan.workbook_sheets import (
    PlanBook,
    backlog_sheet,
    finish,
    gantt_sheet,
    put_date,
    put_number,
    resources_sheet,
    tasks_sheet,
)
from readiness.render.workbooks import cells
from readiness.render.workbooks.book import new_workbook, stamp
from readiness.render.workbooks.cells import Sheet
from readiness.render.workbooks.saving import save_bytes
from readiness.render.workbooks.tables import (
    INTRO_ROW,
    put_heading,
    put_merged,
    put_section,
    put_title,
    put_value,
    set_widths,
    solid_fill,
)

INPUT_FILL = solid_fill("FFF2CC")
"""Fill of the cells a consultant is meant to change: rates and the contingency percentage."""
PERCENT_FORMAT = '0.00" %"'
COST_WIDTHS = (8, 26, 32, 56, 10, 13, 15, 17)
"""Cost sheet: rate code, part, phase, item, quantity, unit, rate, amount."""
SUMMARY_WIDTHS = (30, 24, 16, 16, 16, 20)
_DAY_UNITS = (PERSON_DAY, AUDIT_DAY, YEAR)
"""Units of lines that share one rate cell per role (or fee): days, and years of a fee."""
_RATE, _AMOUNT = 7, 8
_SUMMARY_TITLE_FONT = Font(bold=True, size=16)
_TOTAL_FONT = Font(bold=True, size=12)
_NOTE_FONT = Font(size=8, italic=True, color="808080")


def plan_workbook_bytes(plan: Plan, language: Language, alternatives: Sequence[Plan] = ()) -> bytes:
    """The plan as the content of an .xlsx file; the same plan, the same bytes.

    ``alternatives`` (other scenarios of the same assessment) are compared on the summary.
    """
    return save_bytes(build_plan_workbook(plan, language, alternatives))


def build_plan_workbook(
    plan: Plan, language: Language, alternatives: Sequence[Plan] = ()
) -> Workbook:
    """The plan as an openpyxl ``Workbook`` (see :func:`plan_workbook_bytes`)."""
    workbook = new_workbook()
    book = PlanBook(workbook, plan, language, labels(language))
    gantt_sheet(book)
    tasks_sheet(book)
    backlog_sheet(book)
    resources_sheet(book)
    cost_cells = costs_sheet(book)
    summary_sheet(book, cost_cells, alternatives)
    language_tag = "zh-CN" if language is Language.ZH else "en"
    stamp(workbook, title=book.word("p_title"), language=language_tag, day=plan.assessed_on)
    workbook.active = 0
    return workbook


# ------------------------------------------------------------------ summary


def summary_sheet(book: PlanBook, cost_cells: CostCells, alternatives: Sequence[Plan]) -> Sheet:
    """Key dates and figures, the points to note, and the scenarios side by side (first sheet).

    ``cost_cells`` locates the cost sheet's rates and total, so the summary's totals follow
    them: this plan's total refers to the total cell, another scenario's is its own cost lines
    priced at the same rate cells.
    """
    ws = book.sheet("pw_sheet_summary", index=0)
    set_widths(ws, SUMMARY_WIDTHS)
    put_title(ws, book.word("p_title")).font = _SUMMARY_TITLE_FONT
    put_section(ws, INTRO_ROW, book.word("pw_h_facts"))
    row = _facts(book, ws, HEADER_ROW, cost_cells.total)
    row = _messages(book, ws, row + 1)
    if alternatives:
        _scenarios(book, ws, row + 1, cost_cells, alternatives)
    finish(book, ws, freeze="A2", title_rows="1:1")
    return ws


def _fact(ws: Sheet, row: int, label: str, value: str | dt.date | Decimal, note: str = "") -> None:
    """A labelled fact; text (the client's name among them) is always text, never a formula."""
    put_heading(ws, row, 1, label)
    if isinstance(value, str):
        put_merged(ws, row, 2, len(SUMMARY_WIDTHS), value)
        return
    cell = (
        put_date(ws, row, 2, value) if isinstance(value, dt.date) else put_number(ws, row, 2, value)
    )
    cell.alignment = cells.CLIP
    if note:
        put_merged(ws, row, 3, len(SUMMARY_WIDTHS), note)


def _facts(book: PlanBook, ws: Sheet, row: int, total_cost: str) -> int:
    """Client, scenario, dates, target, effort and cost from ``row``; the next free row."""
    plan = book.plan
    effort = sum(plan.total_effort.values(), Decimal(0))
    facts: list[tuple[str, str | dt.date | Decimal | None, str]] = [
        ("pw_client", plan.client, ""),
        ("p_scenario", book.text(plan.scenario_name), ""),
        ("p_start", plan.start, ""),
        ("pw_stage1_start", plan.stage1_start, ""),
        ("pw_stage1_end", plan.stage1_end, ""),
        ("pw_stage2_start", plan.stage2_start, ""),
        ("pw_stage2_end", plan.stage2_end, ""),
        ("p_certificate", plan.certificate, ""),
    ]
    if plan.target is not None:
        target = plan.target
        late = book.word("pw_target_late").replace("{days}", str(target.late_working_days))
        facts.append(("p_target", target.target, book.word("p_target_met") if target.met else late))
    facts.append(("pw_total_effort", effort, ""))
    for key, value, note in facts:
        if value is not None:
            _fact(ws, row, book.word(key), value, note)
            row += 1
    put_heading(ws, row, 1, book.word("p_total_cost"))
    money = money_format(plan.currency)
    cell = put_number(ws, row, 2, f"={total_cost}", money, cached=plan.costs.total)
    cell.font = _TOTAL_FONT
    cost_note = put_merged(ws, row, 3, len(SUMMARY_WIDTHS), book.word("pw_summary_cost_note"))
    cost_note.font = _NOTE_FONT
    return row + 1


def _messages(book: PlanBook, ws: Sheet, row: int) -> int:
    put_section(ws, row, book.word("p_h_messages"))
    texts = [book.text(message.text) for message in book.plan.messages]
    for text in texts or [book.word("pw_no_messages")]:
        row += 1
        put_merged(ws, row, 1, len(SUMMARY_WIDTHS), text)
    return row + 1


def _scenarios(
    book: PlanBook, ws: Sheet, row: int, cost_cells: CostCells, alternatives: Sequence[Plan]
) -> int:
    """This plan and the other scenarios: stage 2, certificate, effort and total cost.

    Every total is live: a changed rate or contingency on the cost sheet moves them all.
    """
    plan = book.plan
    put_section(ws, row, book.word("p_h_scenarios"))
    row += 1
    keys = [
        "p_scenario",
        "pw_stage2_start",
        "pw_stage2_end",
        "p_certificate",
        "pw_total_effort",
        "p_total_cost",
    ]
    for column, key in enumerate(keys, start=1):
        put_heading(ws, row, column, book.word(key))
    others = [p for p in alternatives if p.scenario != plan.scenario]
    for option in [plan, *others]:
        row += 1
        name = book.text(option.scenario_name)
        if option is plan:
            name += book.word("pw_this_plan")
        put_value(ws, row, 1, name)
        put_date(ws, row, 2, option.stage2_start)
        put_date(ws, row, 3, option.stage2_end)
        put_date(ws, row, 4, option.certificate)
        put_number(ws, row, 5, sum(option.total_effort.values(), Decimal(0)))
        formula = f"={cost_cells.total}" if option is plan else total_formula(option, cost_cells)
        money = money_format(option.currency)
        put_number(ws, row, 6, formula, money, cached=option.costs.total)
    return row + 1


# ------------------------------------------------------------------ costs


def money_format(currency: str) -> str:
    """Number format of an amount in ``currency`` (three capital letters, as validated)."""
    return f'#,##0.00 "{currency}"'


@dataclass(slots=True)
class Rate:
    """One editable rate: the cost lines priced at it share its cell."""

    code: str
    name: str
    part: CostPart
    unit: str
    rate: Decimal
    lines: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class CostCells:
    """Where the cost sheet keeps what other sheets' formulas refer to."""

    total: str
    contingency: str
    contingency_percent: Decimal
    rates: dict[tuple[str, ...], str]
    """Rate key (:func:`rate_key`) → absolute reference of its rate cell."""


def rate_key(line: CostLine) -> tuple[str, ...]:
    """Lines with one key share one rate cell (see :func:`rates_of`)."""
    by_day = line.unit in _DAY_UNITS
    shared = (line.role or "", "")
    return (
        line.part.value,
        line.unit.en,
        str(line.rate),
        *(shared if by_day else ("", line.item.en)),
    )


def _plain(value: Decimal) -> str:
    """A number as a formula writes it: 71.54, 170, 0.5."""
    return f"{value.normalize():f}"


def total_formula(option: Plan, cost_cells: CostCells) -> str:
    """The total cost of another scenario's lines, each priced at this plan's rate cell where
    they share a rate (else at its own rate), with the contingency cell's percentage."""
    terms = []
    for line in option.costs.lines:
        rate = cost_cells.rates.get(rate_key(line), _plain(line.rate))
        terms.append(f"ROUND({_plain(line.quantity)}*{rate},2)")
    subtotal = "+".join(terms) or "0"
    percent = (
        cost_cells.contingency
        if option.costs.contingency_percent == cost_cells.contingency_percent
        else _plain(option.costs.contingency_percent)
    )
    return f"=({subtotal})+ROUND(({subtotal})*{percent}/100,2)"


def rates_of(lines: Sequence[CostLine], language: Language) -> list[Rate]:
    """The distinct rates of ``lines``, in the order they first appear.

    Lines priced by the day (person-days, audit days) of one cost part at one rate are one
    role's day rate ("Consultant: Build", "Consultant: Stage 1" → Consultant); any other line
    (a fee, a course per participant, an item of material) has a rate of its own.
    """
    found: dict[tuple[str, ...], Rate] = {}
    for index, line in enumerate(lines):
        by_day = line.unit in _DAY_UNITS
        item = line.item.get(language)
        key = rate_key(line)
        if key not in found:
            separator = "：" if language is Language.ZH else ": "
            name = item.split(separator, 1)[0] if by_day else item
            unit = line.unit.get(language)
            found[key] = Rate(f"R{len(found) + 1}", name, line.part, unit, line.rate)
        found[key].lines.append(index)
    return list(found.values())


def costs_sheet(book: PlanBook) -> CostCells:
    """Rates (inputs), totals and cost lines, all live formulas (their values cached); where
    the total, the contingency and the rates are.

    Rates come first so that the consultant sees them, then the totals, then the lines:
    amount = ROUND(quantity × rate, 2), the rate being a reference to the rates table.
    """
    costs = book.plan.costs
    money = money_format(costs.currency)
    lines = costs.lines
    rates = rates_of(lines, book.language)
    ws = book.sheet("p_h_costs")
    set_widths(ws, COST_WIDTHS)
    put_title(ws, book.word("p_h_costs"))
    put_merged(ws, INTRO_ROW, 1, len(COST_WIDTHS), book.word("pw_costs_intro"), border=False)
    # Where everything goes: rates from row 4, totals after them, lines last.
    rates_end = FIRST_ROW + len(rates) - 1
    totals_row = rates_end + 2
    parts = list(costs.parts)
    subtotal_row = totals_row + 1 + len(parts)
    contingency_row, total_row = subtotal_row + 1, subtotal_row + 2
    lines_header = total_row + 3
    first_line, last_line = lines_header + 1, lines_header + max(len(lines), 1)

    def column_of_lines(column: int) -> str:
        return f"${get_column_letter(column)}${first_line}:${get_column_letter(column)}${last_line}"

    _rates_header(book, ws)
    for row, rate in enumerate(rates, start=FIRST_ROW):
        put_value(ws, row, 1, rate.code)
        put_value(ws, row, 2, book.part(rate.part.value))
        put_merged(ws, row, 3, 4, rate.name)
        criterion = f"$A{row}"
        quantity = f"=SUMIF({column_of_lines(1)},{criterion},{column_of_lines(5)})"
        quantities = sum((lines[i].quantity for i in rate.lines), Decimal(0))
        put_number(ws, row, 5, quantity, cached=quantities)
        put_value(ws, row, 6, rate.unit)
        cell = put_number(ws, row, _RATE, rate.rate, money, INPUT_FILL)
        cell.font = cells.BOLD
        amount = f"=SUMIF({column_of_lines(1)},{criterion},{column_of_lines(_AMOUNT)})"
        amounts = sum((lines[i].amount for i in rate.lines), Decimal(0))
        put_number(ws, row, _AMOUNT, amount, money, cached=amounts)

    put_section(ws, totals_row, book.word("pw_h_totals"))
    for row, part in enumerate(parts, start=totals_row + 1):
        put_merged(ws, row, 2, _RATE, book.part(part.value))
        formula = f"=SUMIF({column_of_lines(2)},B{row},{column_of_lines(_AMOUNT)})"
        put_number(ws, row, _AMOUNT, formula, money, cached=costs.parts[part])
    amount = get_column_letter(_AMOUNT)
    put_merged(ws, subtotal_row, 2, _RATE, book.word("p_subtotal")).font = cells.BOLD
    subtotal = f"=SUM({column_of_lines(_AMOUNT)})"
    put_number(ws, subtotal_row, _AMOUNT, subtotal, money, cached=costs.subtotal)
    put_merged(ws, contingency_row, 2, _RATE - 1, book.word("pw_contingency_percent"))
    percent = put_number(
        ws, contingency_row, _RATE, costs.contingency_percent, PERCENT_FORMAT, INPUT_FILL
    )
    percent.font = cells.BOLD
    contingency = (
        f"=ROUND({amount}{subtotal_row}*{get_column_letter(_RATE)}{contingency_row}/100,2)"
    )
    put_number(ws, contingency_row, _AMOUNT, contingency, money, cached=costs.contingency)
    put_merged(ws, total_row, 2, _RATE, book.word("pw_grand_total")).font = _TOTAL_FONT
    total = f"={amount}{subtotal_row}+{amount}{contingency_row}"
    put_number(ws, total_row, _AMOUNT, total, money, cached=costs.total).font = _TOTAL_FONT

    put_section(ws, lines_header - 1, book.word("p_h_cost_lines"))
    keys = ["pw_code", "p_part", "p_phase", "pw_item", "p_quantity", "p_unit", "p_rate"]
    for column, key in enumerate([*keys, "p_amount"], start=1):
        put_heading(ws, lines_header, column, book.word(key))
    rate_rows = {
        index: (rate.code, row) for row, rate in enumerate(rates, FIRST_ROW) for index in rate.lines
    }
    for row, (index, line) in enumerate(enumerate(lines), start=first_line):
        code, rate_row = rate_rows[index]
        put_value(ws, row, 1, code)
        put_value(ws, row, 2, book.part(line.part.value))
        put_value(ws, row, 3, book.phases.get(line.phase, line.phase.value))
        put_value(ws, row, 4, book.text(line.item))
        put_number(ws, row, 5, line.quantity)
        put_value(ws, row, 6, book.text(line.unit))
        put_number(ws, row, _RATE, f"=$G${rate_row}", money, cached=line.rate)
        put_number(ws, row, _AMOUNT, f"=ROUND(E{row}*G{row},2)", money, cached=line.amount)
    finish(book, ws, freeze=f"A{HEADER_ROW}", title_rows=f"1:{INTRO_ROW}")
    sheet = quote_sheetname(ws.title)
    rate_column = get_column_letter(_RATE)
    return CostCells(
        total=f"{sheet}!${amount}${total_row}",
        contingency=f"{sheet}!${rate_column}${contingency_row}",
        contingency_percent=costs.contingency_percent,
        rates={
            rate_key(lines[rate.lines[0]]): f"{sheet}!${rate_column}${row}"
            for row, rate in enumerate(rates, FIRST_ROW)
        },
    )


def _rates_header(book: PlanBook, ws: Sheet) -> None:
    """The rates table's header on row 3: code, part, what the rate is for (two columns)…"""
    keys = ["pw_code", "p_part", "pw_rate_item", None, "p_quantity", "p_unit", "p_rate"]
    for column, key in enumerate([*keys, "p_amount"], start=1):
        width = COST_WIDTHS[column - 1]
        cells.put_header(ws, column, book.word(key) if key else None, width)
    cells.merge(ws, HEADER_ROW, 3, 4)
