"""The Gantt chart for print: pages of at most 26 rows that read at 100 % in landscape."""

from __future__ import annotations

import re

from readiness.language import Language
from readiness.models.plan import Phase, Plan, Task
from readiness.render.plan.gantt import PRINT_ROWS, gantt_pages, gantt_svg, split_rows


def _groups(plan: Plan, sizes: list[int]) -> list[tuple[Phase, list[Task]]]:
    """Phases of the plan given ``sizes`` tasks each (tasks reused: only counts matter)."""
    return [(plan.phases[i], plan.tasks[:size]) for i, size in enumerate(sizes)]


def _shape(pages: list[list[tuple[Phase, Task | None]]]) -> list[list[str]]:
    return [["P" if task is None else "t" for _, task in page] for page in pages]


def test_whole_phases_move_to_the_next_page(standard: Plan) -> None:
    # 3 + 1 rows, then a phase of 5 rows does not fit in the 2 left of 6: it starts page 2.
    pages = split_rows(_groups(standard, [2, 4]), 6)
    assert _shape(pages) == [["P", "t", "t"], ["P", "t", "t", "t", "t"]]


def test_a_long_phase_goes_on_with_its_row_repeated(standard: Plan) -> None:
    # 1 + 9 rows over pages of 4: P t t t | P t t t | P t t t (the phase row at each top)
    pages = split_rows(_groups(standard, [9]), 4)
    assert _shape(pages) == [["P", "t", "t", "t"]] * 3
    assert {row[0].id for page in pages for row in page} == {standard.phases[0].id}


def test_no_phase_row_alone_at_a_page_foot(standard: Plan) -> None:
    # 3 rows, then a phase of 6 rows (longer than a page of 4): 1 row left is not used.
    pages = split_rows(_groups(standard, [2, 5]), 4)
    assert _shape(pages) == [["P", "t", "t"], ["P", "t", "t", "t"], ["P", "t", "t"]]


def test_every_row_printed_once_with_the_whole_axis(standard: Plan) -> None:
    pages = gantt_pages(standard, Language.EN, title="Schedule")
    rows = len(standard.phases) + len(standard.tasks)
    assert len(pages) == 4
    labels = [re.findall(r"<title>([^<]*)</title>", page)[1:] for page in pages]
    assert all(len(page) <= PRINT_ROWS for page in labels)
    # every task once; phases once, plus once more per page they go on to
    tasks = [label for page in labels for label in page]
    assert len(tasks) >= rows
    assert set(tasks) == set(re.findall(r"<title>([^<]*)</title>", gantt_svg(
        standard, Language.EN, title="Schedule"
    ))[1:])  # fmt: skip
    months = re.findall(r">(\d\d-\d\d)</text>", pages[0])
    assert all(re.findall(r">(\d\d-\d\d)</text>", page) == months for page in pages)


def test_task_names_print_at_eight_points(standard: Plan) -> None:
    page = gantt_pages(standard, Language.EN, title="Schedule")[0]
    width = float(re.search(r'viewBox="0 0 (\d+)', page).group(1))  # type: ignore[union-attr]
    # 257 mm of landscape text width; 11 px names; 1 pt = 0.3528 mm
    points = 257 / width * 11 / 0.3528
    assert 8.0 < points < 9.0
