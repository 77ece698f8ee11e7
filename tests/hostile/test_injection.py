"""Formula, script and template injection in every text field: accepted as the client's text,
kept exactly, and inert in every output (text cells in workbooks, escaped in HTML and
Markdown)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from readiness.cli.app import app
from readiness.inputs.answers import load_answer_file
from tests.hostile.corpus import FILES

INJECTED = FILES / "injection-every-field.yaml"
PAYLOAD_MARKS = ("evil.example", "cmd|", "SUM(A1)", "=1+", "<script>", "<b>", "{{ 7*7 }}")
FORMULA_STARTS = ("=", "+", "-", "@")

runner = CliRunner()


def invoke(*args: str) -> str:
    result = runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "10000"})
    assert result.exit_code == 0, result.output
    return result.output


def payload_cells(path: Path) -> list[tuple[str, str, object]]:
    """(sheet, cell, cell) of every cell of workbook ``path`` that holds injected text."""
    found = []
    workbook = load_workbook(path)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and any(m in cell.value for m in PAYLOAD_MARKS):
                    found.append((sheet.title, cell.coordinate, cell))
    return found


def assert_inert_workbook(path: Path) -> None:
    cells = payload_cells(path)
    assert len(cells) >= 10, "the injected text should appear in the workbook"
    for title, coordinate, cell in cells:
        where = f"{path.name} {title}!{coordinate}"
        assert cell.data_type == "s", f"{where} is a {cell.data_type} cell: {cell.value!r}"
        if str(cell.value).startswith(FORMULA_STARTS):
            # Excel's leading apostrophe: shown and re-edited as text, never as a formula.
            assert cell.quotePrefix, f"{where} lacks the quote prefix: {cell.value!r}"


def assert_inert_reports(out: Path) -> None:
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<script" not in html and "<img" not in html and "<b>bold" not in html
    assert "&lt;script&gt;alert(&#39;client&#39;)&lt;/script&gt; Acme" in html
    assert "{{ 7*7 }}" in html  # a template expression in client text is not evaluated
    assert 'href="javascript' not in html

    markdown = (out / "report.md").read_text(encoding="utf-8")
    assert "<script" not in markdown and "<img" not in markdown
    assert "&lt;script&gt;alert('client')&lt;/script&gt; Acme" in markdown
    assert not re.search(r"(?<!\\)\]\(javascript:", markdown), "an unescaped link"
    assert "\\[click\\](javascript:alert(1))" in markdown

    data = json.loads((out / "assessment.json").read_text(encoding="utf-8"))
    assert data["client"]["name"] == "<script>alert('client')</script> Acme"
    assert_inert_workbook(out / "report.xlsx")


def test_injection_in_yaml_is_text_and_inert(tmp_path: Path) -> None:
    out = tmp_path / "out"
    invoke("validate", str(INJECTED))
    invoke("assess", str(INJECTED), "-o", str(out), "-q")
    assert_inert_reports(out)


@pytest.mark.slow
def test_injection_survives_a_workbook_round_trip(tmp_path: Path, questionnaire, catalogue) -> None:
    workbook = tmp_path / "client.xlsx"
    invoke("questionnaire", "convert", str(INJECTED), "-o", str(workbook))
    assert_inert_workbook(workbook)
    from_yaml = load_answer_file(INJECTED, questionnaire, catalogue)
    assert load_answer_file(workbook, questionnaire, catalogue) == from_yaml
    out = tmp_path / "out"
    invoke("assess", str(workbook), "-o", str(out), "-q")
    assert_inert_reports(out)
