"""The remediation backlog as CSV files that Jira, Azure DevOps, GitHub and ServiceNow import.

Every file is UTF-8 with a byte order mark (Excel then opens Chinese text correctly) and CRLF
line ends (RFC 4180). Every cell is safe from formula injection: a cell that starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return gets an apostrophe in front, which spreadsheet
programs show as text and never evaluate (the OWASP advice for CSV injection). Parents (work
packages) come before their children (actions) in every file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from readiness.language import Language
from readiness.models.common import FindingClass
from readiness.models.plan import Plan
from readiness.render.interchange.backlog import Item, backlog_items

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
"""First characters a spreadsheet may read as the start of a formula."""

AZURE_LIMIT = 1000
"""Azure DevOps imports at most this many work items from one CSV file."""

JIRA_PRIORITY = {FindingClass.MAJOR: "High", FindingClass.MINOR: "Medium"}
AZURE_PRIORITY = {FindingClass.MAJOR: "2", FindingClass.MINOR: "3"}


def safe_cell(value: str) -> str:
    """``value``, with an apostrophe in front if a spreadsheet could take it for a formula."""
    return "'" + value if value.startswith(DANGEROUS) else value


def _csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _labels(item: Item) -> list[str]:
    labels = ["iso20000", item.area.replace(".", "-"), item.finding.value.replace("_", "-")]
    if item.blocker:
        labels.append("stage1-blocker")
    return labels


def _jira_priority(item: Item) -> str:
    return "Highest" if item.blocker else JIRA_PRIORITY.get(item.finding, "Low")


def jira_bytes(plan: Plan, language: Language) -> bytes:
    """Jira's CSV import: epics (work packages) first, their tasks after, linked by Parent.

    ``Issue Id`` numbers the rows so that ``Parent`` can point at the epic's row; dates are
    ``yyyy-MM-dd`` (give that format in the import wizard). The owner's role is a label.
    """
    items = backlog_items(plan, language)
    number = {item.id: str(index) for index, item in enumerate(items, 1)}
    header = ["Issue Id", "Summary", "Issue Type", "Description", "Priority"]
    header += ["Labels"] * 5 + ["Start date", "Due Date", "Parent", "External ID"]
    rows = []
    for item in items:
        labels = [*_labels(item), f"owner-{item.owner_role}"]
        labels += [""] * (5 - len(labels))
        rows.append(
            [
                number[item.id],
                item.title,
                "Epic" if item.is_parent else "Task",
                item.description,
                _jira_priority(item),
                *labels,
                item.start.isoformat(),
                item.due.isoformat(),
                number[item.parent] if item.parent else "",
                item.id,
            ]
        )
    return _csv_bytes(header, rows)


_GITHUB_WORDS = {
    Language.EN: ("Due: ", "Owner: ", "Part of: "),
    Language.ZH: ("完成日期：", "负责人：", "所属工作包："),
}


def azure_files(plan: Plan, language: Language) -> list[bytes]:
    """Azure DevOps CSV imports: Epics with their Tasks as a tree (``Title 1`` / ``Title 2``).

    New work items carry no ``ID``. Start and target dates are fields of an Epic in every
    process but not of a Task, so a task's due date is written into its description. A file holds at most :data:`AZURE_LIMIT` work items; a work package never straddles two
    files, so each file is a complete tree.
    """
    groups: list[list[Item]] = []
    for item in backlog_items(plan, language):
        if item.is_parent:
            groups.append([])
        groups[-1].append(item)
    files: list[list[Item]] = [[]]
    for group in groups:
        if len(group) > AZURE_LIMIT:
            raise ValueError(f"work package {group[0].id} alone has more than {AZURE_LIMIT} items")
        if len(files[-1]) + len(group) > AZURE_LIMIT:
            files.append([])
        files[-1].extend(group)
    header = ["Work Item Type", "Title 1", "Title 2", "Description", "Priority", "Tags"]
    header += ["Start Date", "Target Date"]
    due = _GITHUB_WORDS[language][0]
    return [
        _csv_bytes(
            header,
            (
                [
                    "Epic" if item.is_parent else "Task",
                    item.title if item.is_parent else "",
                    "" if item.is_parent else item.title,
                    item.description
                    if item.is_parent
                    else f"{item.description}\n{due}{item.due.isoformat()}",
                    "1" if item.blocker else AZURE_PRIORITY.get(item.finding, "4"),
                    "; ".join([*_labels(item), f"owner-{item.owner_role}"]),
                    item.start.isoformat() if item.is_parent else "",
                    item.due.isoformat() if item.is_parent else "",
                ]
                for item in chunk
            ),
        )
        for chunk in files
    ]


def github_bytes(plan: Plan, language: Language) -> bytes:
    """GitHub issues as CSV-to-issues tools read them (``title, body, labels, state``).

    Such tools find their columns by name and pass ``milestone`` as a milestone number, which
    does not exist before the import, so the work package is a label (``WP-B.CHG``) instead; its
    own issue, labelled ``epic`` too, comes first. The first column, ``id``, is ours: the tools
    ignore it, so the byte order mark in front of it cannot hide the ``title`` column.
    """
    items = backlog_items(plan, language)
    titles = {item.id: item.title for item in items if item.is_parent}
    words = _GITHUB_WORDS[language]
    rows = []
    for item in items:
        package = item.parent or item.id
        body = [item.description, words[0] + item.due.isoformat(), words[1] + item.owner]
        if item.parent:
            body.append(f"{words[2]}{item.parent} {titles[item.parent]}")
        labels = [*_labels(item), package] + (["epic"] if item.is_parent else [])
        rows.append([item.id, item.title, "\n\n".join(body), ",".join(labels), "open"])
    return _csv_bytes(["id", "title", "body", "labels", "state"], rows)


GENERIC_HEADER = [
    "id",
    "parent_id",
    "type",
    "title",
    "description",
    "priority",
    "finding_class",
    "stage1_blocker",
    "area",
    "kind",
    "owner",
    "owner_role",
    "start",
    "due",
    "requirements",
    "findings",
]
"""Columns of the generic CSV (README: the ServiceNow transform map over them)."""


def generic_bytes(plan: Plan, language: Language) -> bytes:
    """Every backlog item with every field, for any other tool (ServiceNow: see README)."""
    rows = [
        [
            item.id,
            item.parent or "",
            "epic" if item.is_parent else "task",
            item.title,
            item.description,
            "1" if item.blocker else AZURE_PRIORITY.get(item.finding, "4"),
            item.finding.value,
            "true" if item.blocker else "false",
            item.area,
            item.kind,
            item.owner,
            item.owner_role,
            item.start.isoformat(),
            item.due.isoformat(),
            " ".join(item.requirements),
            " ".join(item.findings),
        ]
        for item in backlog_items(plan, language)
    ]
    return _csv_bytes(GENERIC_HEADER, rows)
