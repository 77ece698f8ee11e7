"""The plan workbook, read back cell by cell; its cost formulas recalculated by LibreOffice."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import os
import subprocess
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook

from readiness.data.labels import labels
from readiness.language import Language
from readiness.models.assessment import Assessment
from readiness.models.catalogue import Catalogue
from readiness.models.plan import CostPart, Kind, Plan, PlanConfig
from readiness.paths import templates_dir
from readiness.planning import make_plan
from readiness.render.plan.words import kind_key, part_key
from readiness.render.plan.workbook import plan_workbook_bytes
from tests.plan.conftest import START, tasks_by_id
from tests.render.questionnaire import test_libreoffice

SHEETS = {
    Language.EN: ["Summary", "Gantt", "Tasks", "Backlog", "Resources", "Costs"],
    Language.ZH: ["概要", "甘特图", "任务", "整改清单", "资源", "费用"],
}
HEADER, FIRST = 3, 4
FIRST_WEEK = 6
"""Gantt column F: the first week (after id, task, start, finish, working days)."""
CENT = Decimal("0.01")
INJECTION = '=HYPERLINK("http://x","y")'
# LibreOffice keeps the values cached in an .xlsx unless told to recalculate on load; the
# writer caches none, but the test must not depend on that, so its profile says "always".
RECALC_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode"
  oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def read(data: bytes, *, values: bool = False) -> Any:
    return load_workbook(io.BytesIO(data), data_only=values)


@pytest.fixture(scope="module")
def data(standard: Plan, fast: Plan) -> bytes:
    return plan_workbook_bytes(standard, Language.EN, [fast])


@pytest.fixture(scope="module")
def book(data: bytes) -> Any:
    return read(data)


def rows_by_id(ws: Any) -> dict[str, int]:
    """Column A value → row, from the first data row."""
    return {
        str(ws.cell(row=row, column=1).value): row
        for row in range(FIRST, ws.max_row + 1)
        if ws.cell(row=row, column=1).value
    }


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def as_date(value: Any) -> dt.date:
    assert isinstance(value, dt.datetime), value
    return value.date()


# ------------------------------------------------------------------ sheets and Gantt


@pytest.mark.parametrize("language", [Language.EN, Language.ZH])
def test_sheet_names_and_order(standard: Plan, language: Language) -> None:
    book = read(plan_workbook_bytes(standard, language))
    assert book.sheetnames == SHEETS[language]
    assert book.active.title == SHEETS[language][0]


def test_the_gantt_has_one_column_per_week(book: Any, standard: Plan) -> None:
    ws = book["Gantt"]
    headers = [ws.cell(row=HEADER, column=c).value for c in range(1, FIRST_WEEK)]
    assert headers == ["ID", "Task", "Start", "Finish", "Working days"]
    weeks = [as_date(cell.value) for cell in ws[HEADER][FIRST_WEEK - 1 :]]
    last = max(task.finish for task in standard.tasks)
    assert (
        (weeks[0], weeks[-1])
        == (dt.date(2027, 1, 4), monday(last))
        == (START, dt.date(2029, 11, 26))
    )
    assert len(weeks) == (monday(last) - START).days // 7 + 1 == 152
    assert all(
        later - earlier == dt.timedelta(days=7) for earlier, later in itertools.pairwise(weeks)
    )
    assert ws.freeze_panes == "F4"
    assert ws.page_setup.orientation == "landscape"


def bars(ws: Any, row: int) -> tuple[list[dt.date], list[dt.date]]:
    """The weeks of a Gantt row with a filled cell, and those with a milestone diamond."""
    filled, diamonds = [], []
    for cell in ws[row][FIRST_WEEK - 1 :]:
        week = as_date(ws.cell(row=HEADER, column=cell.column).value)
        if cell.fill.fill_type == "solid":
            filled.append(week)
        if cell.value == "◆":
            diamonds.append(week)
    return filled, diamonds


def test_gantt_bars_span_exactly_the_weeks_of_their_task(book: Any, standard: Plan) -> None:
    ws = book["Gantt"]
    rows = rows_by_id(ws)
    tasks = tasks_by_id(standard)
    # 4–5 January 2027: the first week only.
    assert tasks["PREP.kickoff"].start == dt.date(2027, 1, 4)
    assert bars(ws, rows["PREP.kickoff"]) == ([dt.date(2027, 1, 4)], [])
    # 18–26 January: two weeks.
    assert bars(ws, rows["GAP.interviews"]) == ([dt.date(2027, 1, 18), dt.date(2027, 1, 25)], [])
    # Friday 5 to Thursday 11 February: across a week boundary.
    assert bars(ws, rows["BUILD.manual"]) == ([dt.date(2027, 2, 1), dt.date(2027, 2, 8)], [])
    # A milestone: one diamond in its week, no fill.
    assert tasks["M.GAP"].milestone and tasks["M.GAP"].finish == dt.date(2027, 2, 4)
    assert bars(ws, rows["M.GAP"]) == ([], [dt.date(2027, 2, 1)])
    # A year-long task is one unbroken bar.
    operate = tasks["SURV.1.OPERATE"]
    filled, _ = bars(ws, rows["SURV.1.OPERATE"])
    assert filled[0] == monday(operate.start) and filled[-1] == monday(operate.finish)
    assert len(filled) == (monday(operate.finish) - monday(operate.start)).days // 7 + 1


def test_gantt_phase_rows_head_their_tasks(book: Any, standard: Plan) -> None:
    ws = book["Gantt"]
    assert ws.max_row == HEADER + len(standard.phases) + len(standard.tasks)
    phase_rows = [
        row for row in range(FIRST, ws.max_row + 1) if ws.cell(row=row, column=1).value is None
    ]
    assert len(phase_rows) == len(standard.phases)
    for row, phase in zip(phase_rows, standard.phases, strict=True):
        name = ws.cell(row=row, column=2)
        assert name.value == phase.name.en and name.font.b
        assert as_date(ws.cell(row=row, column=3).value) == phase.start
        assert as_date(ws.cell(row=row, column=4).value) == phase.finish
        filled, _ = bars(ws, row)
        assert (filled[0], filled[-1]) == (monday(phase.start), monday(phase.finish))
        below = {ws.cell(row=r, column=1).value for r in range(row + 1, row + 1 + len(phase.tasks))}
        assert below == set(phase.tasks)


# ------------------------------------------------------------------ tasks, backlog, resources


def test_the_task_sheet_has_every_task_with_real_dates(book: Any, standard: Plan) -> None:
    ws = book["Tasks"]
    assert ws.max_row - HEADER == len(standard.tasks) == 82
    role_names = [role.name.en for role in standard.roles]
    headers = [cell.value for cell in ws[HEADER]]
    assert headers[:8] == [
        "ID", "Task", "Phase", "Work package", "Start", "Finish", "Working days", "Predecessors"
    ]  # fmt: skip
    assert headers[8:] == [*role_names, "Total"]
    for row, task in enumerate(standard.tasks, start=FIRST):
        assert ws.cell(row=row, column=1).value == task.id
        start, finish = ws.cell(row=row, column=5), ws.cell(row=row, column=6)
        assert (as_date(start.value), as_date(finish.value)) == (task.start, task.finish)
        assert start.number_format == finish.number_format == "yyyy-mm-dd"
        assert ws.cell(row=row, column=7).value == task.duration
        assert ws.cell(row=row, column=8).value == (", ".join(task.dependencies) or None)
        assert ws.cell(row=row, column=9 + len(role_names)).value == f"=SUM(I{row}:P{row})"
    row = FIRST + [t.id for t in standard.tasks].index("GAP.interviews")
    # top management none, SMS manager 2, process owners 4, consultant 4 person-days
    assert [ws.cell(row=row, column=c).value for c in range(9, 13)] == [None, 2.0, 4.0, 4.0]
    assert ws.auto_filter.ref == f"A3:Q{HEADER + len(standard.tasks)}"


def test_the_backlog_lists_actions_in_priority_order(book: Any, standard: Plan) -> None:
    ws = book["Backlog"]
    assert ws.max_row - HEADER == len(standard.actions)
    priorities = [ws.cell(row=r, column=1).value for r in range(FIRST, ws.max_row + 1)]
    assert priorities == sorted(a.priority for a in standard.actions)
    first = min(standard.actions, key=lambda a: a.priority)
    values = [cell.value for cell in ws[FIRST]]
    assert values == [
        1,
        "A.PERF Monitoring, internal audit and management review",
        "Practice",
        first.name.en,
        "Major nonconformity",
        "yes",
        None,
        "Process owners",
        2.08,
        first.recommendation.en if first.recommendation else None,
    ]


def test_resources_per_role_and_month_with_totals(book: Any, standard: Plan) -> None:
    ws = book["Resources"]
    months = sorted(standard.load)
    assert [c.value for c in ws[HEADER]] == ["Role", *months, "Total"]
    for row, role in enumerate(standard.roles, start=FIRST):
        assert ws.cell(row=row, column=1).value == role.name.en
        for column, month in enumerate(months, start=2):
            days = standard.load[month].get(role.id)
            assert ws.cell(row=row, column=column).value == (float(days) if days else None)
    total_row = FIRST + len(standard.roles)
    last = len(months) + 2
    assert ws.cell(row=total_row, column=last).value == (
        f"=SUM({ws.cell(row=FIRST, column=last).column_letter}{FIRST}:"
        f"{ws.cell(row=FIRST, column=last).column_letter}{total_row - 1})"
    )
    items = [
        ws.cell(row=r, column=1).value
        for r in range(total_row + 4, total_row + 4 + len(standard.responsibility))
    ]
    assert items == [item.name.en for item in standard.responsibility]
    assert ws.cell(row=total_row + 4, column=2).value == "SMS manager"  # preparation: primary


# ------------------------------------------------------------------ costs and summary


def cost_layout(ws: Any) -> dict[str, Any]:
    """Rows of the cost sheet: rates (code → row), totals (label → row) and the lines."""
    rates: dict[str, int] = {}
    row = FIRST
    while ws.cell(row=row, column=1).value:
        rates[ws.cell(row=row, column=1).value] = row
        row += 1
    totals: dict[str, int] = {}
    row += 2
    while ws.cell(row=row, column=2).value:
        totals[ws.cell(row=row, column=2).value] = row
        row += 1
    header = row + 2
    lines = list(range(header + 1, ws.max_row + 1))
    return {"rates": rates, "totals": totals, "lines": lines}


def test_the_cost_sheet_is_made_of_formulas(book: Any, standard: Plan) -> None:
    ws = book["Costs"]
    layout = cost_layout(ws)
    costs = standard.costs
    assert list(layout["totals"]) == [
        "Consulting services",
        "Certification body",
        "Training",
        "Documentation and publicity material",
        "Tool software",
        "Subtotal",
        "Contingency (%)",
        "Total",
    ]
    assert len(layout["lines"]) == len(costs.lines)
    # Consultant, trainer and auditor day rates; then a fee, course places and two items.
    rates = {code: ws.cell(row=row, column=7).value for code, row in layout["rates"].items()}
    # consultant, trainer, auditor; registration fee, travel per audit day, annual fee (one
    # cell for the three years); course places, printing, posters
    assert rates == {
        "R1": 2000, "R2": 2500, "R3": 3500, "R4": 5000, "R5": 800, "R6": 2000, "R7": 100,
        "R8": 2000, "R9": 3000,
    }  # fmt: skip
    for row, line in zip(layout["lines"], costs.lines, strict=True):
        code = ws.cell(row=row, column=1).value
        assert ws.cell(row=row, column=4).value == line.item.en
        assert ws.cell(row=row, column=5).value == float(line.quantity)
        assert ws.cell(row=row, column=7).value == f"=$G${layout['rates'][code]}"
        assert rates[code] == line.rate
        assert ws.cell(row=row, column=8).value == f"=ROUND(E{row}*G{row},2)"
        assert ws.cell(row=row, column=8).number_format == '#,##0.00 "CNY"'
    percent = ws.cell(row=layout["totals"]["Contingency (%)"], column=7)
    assert percent.value == float(costs.contingency_percent) == 10


def test_the_summary(book: Any, standard: Plan, fast: Plan) -> None:
    ws = book["Summary"]
    facts = {
        ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value
        for r in range(3, 15)
        if ws.cell(row=r, column=1).value
    }
    assert facts["Client"] == "Acme Cloud Services Co., Ltd."
    assert facts["Scenario"] == "Standard"
    assert as_date(facts["Project start"]) == START
    assert as_date(facts["Stage 1 audit: first day"]) == dt.date(2027, 11, 12)
    assert as_date(facts["Stage 1 audit: last day"]) == dt.date(2027, 11, 15)
    assert as_date(facts["Stage 2 audit: first day"]) == standard.stage2_start
    assert as_date(facts["Stage 2 audit: last day"]) == standard.stage2_end == dt.date(2027, 12, 31)
    assert as_date(facts["Expected certificate"]) == standard.certificate
    assert facts["Total effort (person-days)"] == float(sum(standard.total_effort.values()))
    total_row = cost_layout(book["Costs"])["totals"]["Total"]
    assert facts["Total cost"] == f"='Costs'!$H${total_row}"
    texts = [cell.value for row in ws.iter_rows() for cell in row]
    assert standard.messages[0].text.en in texts
    row = texts.index("Fast track") // ws.max_column + 1
    assert as_date(ws.cell(row=row, column=2).value) == fast.stage2_start
    assert as_date(ws.cell(row=row, column=3).value) == fast.stage2_end
    # both totals live: fast track's lines priced at this plan's rate cells
    formula = ws.cell(row=row, column=6).value
    assert formula.startswith("=(ROUND(2.6*'Costs'!$G$4,2)+")  # 2 days × 1.3
    assert formula.endswith(
        ")*'Costs'!$G$" + str(cost_layout(book["Costs"])["totals"]["Contingency (%)"]) + "/100,2)"
    )
    assert ws.cell(row=row - 1, column=6).value == f"='Costs'!$H${total_row}"


def test_formulas_carry_their_values_for_readers_that_do_not_calculate(
    data: bytes, standard: Plan, fast: Plan
) -> None:
    """Previewers and pandas read cached values: every total is there as the plan has it."""
    values = read(data, values=True)
    summary = values["Summary"]
    texts = [cell.value for row in summary.iter_rows() for cell in row]
    cost_row = texts.index("Total cost") // summary.max_column + 1
    assert summary.cell(row=cost_row, column=2).value == float(standard.costs.total) == 255563
    fast_row = texts.index("Fast track") // summary.max_column + 1
    assert summary.cell(row=fast_row, column=6).value == float(fast.costs.total) == 288431
    layout = cost_layout(read(data)["Costs"])
    costs = values["Costs"]
    assert costs.cell(row=layout["totals"]["Total"], column=8).value == 255563
    assert costs.cell(row=layout["totals"]["Subtotal"], column=8).value == 232330
    for row, line in zip(layout["lines"], standard.costs.lines, strict=True):
        assert costs.cell(row=row, column=8).value == float(line.amount)
    for row in values["Tasks"].iter_rows(min_row=FIRST):
        assert row[-1].value is not None


def test_a_missed_target_date_is_on_the_summary(
    example_assessment: Assessment, catalogue: Catalogue, plan_config: PlanConfig
) -> None:
    plan = make_plan(
        example_assessment, catalogue, plan_config, start=START, target_date=dt.date(2027, 10, 1)
    )
    ws = read(plan_workbook_bytes(plan, Language.EN))["Summary"]
    texts = [cell.value for row in ws.iter_rows() for cell in row if cell.value]
    assert "Stage 2 ends 65 working days after the target date." in texts
    message = next(m for m in plan.messages if m.code == "target-missed")
    assert message.text.en in texts


def test_chinese_headings_are_chinese(standard: Plan, fast: Plan) -> None:
    book = read(plan_workbook_bytes(standard, Language.ZH, [fast]))
    for ws in book.worksheets[1:]:
        for cell in ws[HEADER]:
            if isinstance(cell.value, str) and not cell.value[:4].isdigit():
                assert any("\u4e00" <= ch <= "\u9fff" for ch in cell.value), (ws.title, cell.value)
    summary = book.worksheets[0]
    labels = [summary.cell(row=r, column=1).value for r in range(1, summary.max_row + 1)]
    assert "总费用" in labels and "第二阶段审核：末日" in labels
    assert "方案对比" in labels
    assert summary.cell(row=1, column=1).value == "ISO/IEC 20000-1 认证项目计划"


def test_client_text_is_never_a_formula(standard: Plan) -> None:
    plan = standard.model_copy(update={"client": INJECTION})
    ws = read(plan_workbook_bytes(plan, Language.EN))["Summary"]
    cell = ws["B3"]
    assert ws["A3"].value == "Client"
    assert (cell.value, cell.data_type) == (INJECTION, "s")
    assert ws.oddHeader.left.text == INJECTION


def test_the_same_plan_gives_the_same_bytes(standard: Plan, fast: Plan, data: bytes) -> None:
    assert plan_workbook_bytes(standard, Language.EN, [fast]) == data


# ------------------------------------------------------------------ recalculated by LibreOffice


def recalculate(data: bytes, folder: Path) -> Any:
    """``data`` opened, recalculated and saved again by LibreOffice; its values."""
    program = test_libreoffice.soffice()
    folder.mkdir()
    source = folder / "plan.xlsx"
    source.write_bytes(data)
    profile = folder / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC_PROFILE, "utf-8")
    out = folder / "out"
    result = subprocess.run(
        [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            str(source),
        ],
        env={**os.environ, "HOME": str(folder)},
        capture_output=True,
        text=True,
        timeout=test_libreoffice.TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (out / "plan.xlsx").is_file(), result.stdout + result.stderr
    return load_workbook(out / "plan.xlsx", data_only=True)


def money(value: Any) -> Decimal:
    assert isinstance(value, int | float), value
    return Decimal(repr(float(value))).quantize(CENT)


def totals(book: Any, layout: dict[str, Any]) -> dict[str, Decimal]:
    ws = book["Costs"]
    return {
        label: money(ws.cell(row=row, column=8).value) for label, row in layout["totals"].items()
    }


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("recalculated")


@pytest.mark.slow
def test_recalculated_costs_equal_the_plan_and_follow_a_changed_rate(
    standard: Plan, fast: Plan, data: bytes, book: Any, folders: Path
) -> None:
    costs = standard.costs
    layout = cost_layout(book["Costs"])
    values = recalculate(data, folders / "as-written")
    found = totals(values, layout)
    part_labels = {
        CostPart.CONSULTING: "Consulting services",
        CostPart.CERTIFICATION: "Certification body",
        CostPart.TRAINING: "Training",
        CostPart.MATERIAL: "Documentation and publicity material",
        CostPart.TOOLS: "Tool software",
    }
    assert {part: found[label] for part, label in part_labels.items()} == costs.parts
    assert found["Subtotal"] == costs.subtotal == Decimal("232330.00")
    assert found["Contingency (%)"] == costs.contingency == Decimal("23233.00")
    assert found["Total"] == costs.total == Decimal("255563.00")
    sheet = values["Costs"]
    amounts = [money(sheet.cell(row=row, column=8).value) for row in layout["lines"]]
    assert amounts == [line.amount for line in costs.lines]
    summary = values["Summary"]
    cost_row = next(r for r in range(3, 20) if summary.cell(row=r, column=1).value == "Total cost")
    assert money(summary.cell(row=cost_row, column=2).value) == costs.total
    # The other sums: every task's total, every role's month total.
    tasks = values["Tasks"]
    for row, task in enumerate(standard.tasks, start=FIRST):
        assert money(tasks.cell(row=row, column=9 + len(standard.roles)).value) == sum(
            task.effort.values(), Decimal(0)
        )
    resources = values["Resources"]
    grand = resources.cell(row=FIRST + len(standard.roles), column=len(standard.load) + 2)
    assert money(grand.value) == sum(standard.total_effort.values(), Decimal(0))

    # The consultant's day rate up by 100: every consultant line, the totals and the summary follow.
    edited = read(data)
    rate_cell = edited["Costs"].cell(row=layout["rates"]["R1"], column=7)
    assert rate_cell.value == 2000
    rate_cell.value = 2100
    buffer = io.BytesIO()
    edited.save(buffer)
    changed = recalculate(buffer.getvalue(), folders / "rate-changed")
    again = totals(changed, layout)
    days = sum(
        (line.quantity for line in costs.lines if line.part is CostPart.CONSULTING), Decimal(0)
    )
    assert days == Decimal("50.34")
    change = Decimal(100) * days
    assert again["Subtotal"] - found["Subtotal"] == change == Decimal("5034.00")
    assert again["Consulting services"] - found["Consulting services"] == change
    assert again["Certification body"] == found["Certification body"]
    contingency = (again["Subtotal"] * costs.contingency_percent / 100).quantize(CENT)
    assert again["Contingency (%)"] == contingency == Decimal("23736.40")
    assert again["Total"] == again["Subtotal"] + contingency == Decimal("261100.40")
    assert again["Total"] - found["Total"] == Decimal("5537.40")  # 5 034 + 10 % of it
    assert money(changed["Summary"].cell(row=cost_row, column=2).value) == again["Total"]
    # fast track follows too: its consultant days × 100 more, plus 10 %
    fast_days = sum(
        (line.quantity for line in fast.costs.lines if line.part is CostPart.CONSULTING), Decimal(0)
    )
    summary_after = changed["Summary"]
    texts = [cell.value for row in summary_after.iter_rows() for cell in row]
    fast_row = texts.index("Fast track") // summary_after.max_column + 1
    fast_total = money(summary_after.cell(row=fast_row, column=6).value)
    assert fast_total - fast.costs.total == (fast_days * 100 * Decimal("1.1")).quantize(CENT)


def test_the_workbook_labels_are_complete_in_both_languages() -> None:
    path = templates_dir() / "labels-plan-workbook.yaml"
    table = yaml.safe_load(path.read_text("utf-8"))
    assert set(table) == {"en", "zh"}
    assert set(table["en"]) == set(table["zh"])
    assert all(key.startswith("pw_") for key in table["en"])
    words = {lang: labels(lang) for lang in Language}
    for lang in Language:
        assert all(part_key(part.value) in words[lang] for part in CostPart)
        assert all(kind_key(kind.value) in words[lang] for kind in Kind)


def test_the_workbook_writes_no_word_the_plan_already_has() -> None:
    """A word shared with the plan's documents is the plan's label, not a copy of it."""
    plan_words = yaml.safe_load((templates_dir() / "labels-plan.yaml").read_text("utf-8"))
    table = yaml.safe_load((templates_dir() / "labels-plan-workbook.yaml").read_text("utf-8"))
    copies = [
        key
        for key, english in table["en"].items()
        if any(
            english == plan_words["en"][other] and table["zh"][key] == plan_words["zh"][other]
            for other in plan_words["en"]
        )
    ]
    assert copies == []
