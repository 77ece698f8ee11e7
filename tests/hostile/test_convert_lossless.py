"""``questionnaire convert`` loses nothing: a semicolon inside an evidence item, a site or a
service, a carriage return in notes, and text that looks like Excel's own escapes."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from readiness.cli.app import app
from readiness.data.catalogue import load_catalogue
from readiness.data.questionnaire import load_questionnaire
from readiness.inputs.answers import load_answer_file
from readiness.inputs.cellvalues import lines
from tests.conftest import EXAMPLE

runner = CliRunner()

TRICKY = (
    'evidence: ["SLA v1; signed by both parties"], owner: Li Wei, '
    'notes: "line one\\r\\nline two\\rthree _x0041_ _x000D_ end"}'
)


@pytest.fixture
def tricky(tmp_path: Path) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace(
        'evidence: ["SMS-CTX-001 Context analysis v1.0 (2026-05)"], owner: Li Wei}', TRICKY, 1
    )
    text = text.replace(
        '["SMS-CTX-001 Context analysis v1.0 (2026-05)", "SMS-RSK-001 Risk register v0.9"]',
        '["first; with a semicolon", "second；全角"]',
        1,
    )
    text = text.replace(
        '"Hangzhou (head office, network operations centre, service desk)"',
        '"Hangzhou; head office"',
        1,
    )
    path = tmp_path / "tricky.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_to_workbook_and_back_is_lossless(tmp_path: Path, tricky: Path) -> None:
    catalogue = load_catalogue()
    questionnaire = load_questionnaire(catalogue)
    workbook, back = tmp_path / "tricky.xlsx", tmp_path / "back.yaml"
    for source, target in ((tricky, workbook), (workbook, back)):
        result = runner.invoke(app, ["questionnaire", "convert", str(source), "-o", str(target)])
        assert result.exit_code == 0, result.output
    original = load_answer_file(tricky, questionnaire, catalogue)
    for converted in (workbook, back):
        assert load_answer_file(converted, questionnaire, catalogue) == original
    first = original.answers["A.CTX.01"]
    assert first.evidence == ["SLA v1; signed by both parties"]
    assert first.notes == "line one\r\nline two\rthree _x0041_ _x000D_ end"
    assert original.client.sites[0] == "Hangzhou; head office"


@pytest.mark.parametrize(
    ("cell", "items"),
    [
        ("a; b", ["a", "b"]),  # typed by a client on one line
        ("a；b；", ["a", "b"]),
        ("a; b\nc", ["a; b", "c"]),  # a line break: items are lines
        ("a; b\n", ["a; b"]),  # how one item with a semicolon is written
        ("x_x000D_\ny", ["x", "y"]),
        (None, None),
    ],
)
def test_cell_lines(cell: str | None, items: list[str] | None) -> None:
    assert lines(cell) == items
