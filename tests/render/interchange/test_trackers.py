"""Tracker CSVs read back with the csv module: header, rows, parents first, inert cells."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pytest

from readiness.language import Language
from readiness.models.plan import Plan
from readiness.render.interchange import trackers
from readiness.render.interchange.backlog import backlog_items

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def rows_of(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte order mark"
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def backlog_size(plan: Plan) -> int:
    packages = [p for p in plan.work_packages if p.actions]
    return len(packages) + sum(len(p.actions) for p in packages)


def assert_inert(rows: list[list[str]]) -> None:
    bad = [cell for row in rows for cell in row if cell.startswith(DANGEROUS)]
    assert bad == []


def test_the_backlog_has_a_parent_per_work_package_and_a_child_per_action(
    standard: Plan,
) -> None:
    items = backlog_items(standard, Language.EN)
    packages, actions = len(standard.work_packages), len(standard.actions)
    assert packages > 20 and actions > 300  # the example's gaps, not an empty plan
    assert sum(item.is_parent for item in items) == packages
    assert len(items) == packages + actions == backlog_size(standard)


def test_jira_parents_come_first_and_children_point_at_their_row(standard: Plan) -> None:
    rows = rows_of(trackers.jira_bytes(standard, Language.EN))
    header, body = rows[0], rows[1:]
    assert header[:5] == ["Issue Id", "Summary", "Issue Type", "Description", "Priority"]
    assert header[-4:] == ["Start date", "Due Date", "Parent", "External ID"]
    assert len(body) == backlog_size(standard)
    column = {name: header.index(name) for name in ("Issue Id", "Issue Type", "Parent")}
    seen: set[str] = set()
    for row in body:
        if row[column["Issue Type"]] == "Epic":
            assert row[column["Parent"]] == ""
        else:
            assert row[column["Issue Type"]] == "Task"
            assert row[column["Parent"]] in seen, "the parent's row comes before"
        seen.add(row[column["Issue Id"]])
    assert_inert(rows)


def test_jira_dates_and_owner_come_from_the_plan(standard: Plan) -> None:
    rows = rows_of(trackers.jira_bytes(standard, Language.EN))
    header = rows[0]
    by_id = {row[-1]: row for row in rows[1:]}
    tasks = {task.id: task for task in standard.tasks}
    # a procedure is built by its work package's tier 2 task
    row = by_id["R-8.4.3-02.procedure"]
    assert row[header.index("Due Date")] == tasks["WP-B.CAP.T2"].finish.isoformat()
    assert row[header.index("Start date")] == tasks["WP-B.CAP.T2"].start.isoformat()
    assert "owner-process_owner" in row
    assert row[header.index("Priority")] == "Highest"  # it closes a stage 1 blocker
    # a practice action runs in the trial run (implementation phase)
    practice = next(a for a in standard.actions if a.kind.value == "practice")
    phase = next(p for p in standard.phases if p.id.value == "implementation")
    assert by_id[practice.id][header.index("Due Date")] == phase.finish.isoformat()


def test_azure_is_one_tree_per_work_package(standard: Plan) -> None:
    files = trackers.azure_files(standard, Language.ZH)
    assert len(files) == 1
    rows = rows_of(files[0])
    header = rows[0]
    assert header[:3] == ["Work Item Type", "Title 1", "Title 2"] and "ID" not in header
    assert len(rows) - 1 == backlog_size(standard)
    assert rows[1][0] == "Epic"
    target = header.index("Target Date")
    for row in rows[1:]:
        if row[0] == "Task":
            assert row[1] == "" and row[2], "a task sits under the epic above it"
            assert row[target] == "" and "完成日期：20" in row[3]
        else:
            assert row[0] == "Epic" and row[1] and row[2] == "" and row[target]
    assert_inert(rows)


def test_azure_splits_beyond_the_limit_without_breaking_a_tree(
    standard: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(trackers, "AZURE_LIMIT", 60)
    files = trackers.azure_files(standard, Language.EN)
    bodies = [rows_of(data)[1:] for data in files]
    assert all(0 < len(body) <= 60 for body in bodies)
    assert all(body[0][0] == "Epic" for body in bodies)
    assert sum(len(body) for body in bodies) == backlog_size(standard)
    assert len(files) >= backlog_size(standard) // 60 + 1


@pytest.mark.parametrize("render", [trackers.github_bytes, trackers.generic_bytes])
def test_github_and_generic_list_parents_first(
    standard: Plan, render: Callable[[Plan, Language], bytes]
) -> None:
    rows = rows_of(render(standard, Language.ZH))
    assert len(rows) - 1 == backlog_size(standard)
    assert_inert(rows)
    if render is trackers.github_bytes:
        assert rows[0] == ["id", "title", "body", "labels", "state"]
        epic, first = rows[1][3].split(","), rows[2][3].split(",")
        assert "epic" in epic and rows[1][0] in epic
        assert "epic" not in first and rows[1][0] in first, "the work package is a label"
        assert "所属工作包：" in rows[2][2]
    else:
        assert rows[0] == trackers.GENERIC_HEADER
        seen: set[str] = set()
        for row in rows[1:]:
            assert row[1] == "" or row[1] in seen
            seen.add(row[0])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("2027-01-04", "2027-01-04"),
        ("R-4.1-01", "R-4.1-01"),
        ("", ""),
    ],
)
def test_safe_cell(value: str, expected: str) -> None:
    assert trackers.safe_cell(value) == expected


def test_a_hostile_action_name_stays_text(standard: Plan) -> None:
    first = standard.actions[0]
    hostile = first.model_copy(
        update={"name": first.name.model_copy(update={"en": "=cmd|' /C calc'!A0"})}
    )
    plan = standard.model_copy(update={"actions": [hostile, *standard.actions[1:]]})
    for data in [
        trackers.jira_bytes(plan, Language.EN),
        trackers.github_bytes(plan, Language.EN),
        trackers.generic_bytes(plan, Language.EN),
        *trackers.azure_files(plan, Language.EN),
    ]:
        rows = rows_of(data)
        assert_inert(rows)
        assert any(cell == "'=cmd|' /C calc'!A0" for row in rows for cell in row)


def test_the_same_plan_gives_the_same_bytes(standard: Plan) -> None:
    for language in Language:
        assert trackers.jira_bytes(standard, language) == trackers.jira_bytes(standard, language)
        assert trackers.azure_files(standard, language) == trackers.azure_files(standard, language)
        assert trackers.github_bytes(standard, language) == trackers.github_bytes(
            standard, language
        )
        assert trackers.generic_bytes(standard, language) == trackers.generic_bytes(
            standard, language
        )
