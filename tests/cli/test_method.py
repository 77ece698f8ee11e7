"""``--method`` on the commands, ``readiness method init``, and compare across methods."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from readiness.data.labels import use_method_labels
from tests.cli.test_app import invoke
from tests.conftest import EXAMPLE
from tests.data.test_method import SCALE, write_method

LATER = EXAMPLE.with_name("acme-cloud-services-2027-03.yaml")


@pytest.fixture(autouse=True)
def _shipped_labels() -> Iterator[None]:
    yield
    use_method_labels({})


def test_method_init_writes_the_folder_and_refuses_to_replace_it(tmp_path: Path) -> None:
    folder = tmp_path / "ours"
    result = invoke("method", "init", str(folder))
    assert result.exit_code == 0, result.output
    assert (folder / "method.yaml").is_file() and (folder / "scale.yaml").is_file()
    again = invoke("method", "init", str(folder))
    assert again.exit_code == 2 and "--force" in again.output
    assert invoke("method", "init", str(folder), "--force").exit_code == 0


def test_every_report_names_the_method_and_its_version(tmp_path: Path) -> None:
    folder = write_method(tmp_path / "m")
    out = tmp_path / "r"
    result = invoke(
        "assess", str(EXAMPLE), "--method", str(folder), "-o", str(out), "-q",
        "--format", "html,md,xlsx,json,docx",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    named = "Acme readiness method (acme-method 2.1, Acme Consulting)"
    assert named in (out / "report.html").read_text(encoding="utf-8")
    assert named in (out / "report.md").read_text(encoding="utf-8")
    saved = json.loads((out / "assessment.json").read_text(encoding="utf-8"))
    assert saved["source"]["method"]["version"] == "2.1"
    book = load_workbook(out / "report.xlsx")
    values = [c.value for row in book.worksheets[0].iter_rows() for c in row]
    assert named in values
    from docx import Document

    document = Document(str(out / "report.docx"))
    cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
    assert named in cells


def test_compare_refuses_across_methods_unless_asked(tmp_path: Path) -> None:
    folder = write_method(tmp_path / "m")
    saved = tmp_path / "with"
    made = invoke("assess", str(EXAMPLE), "--method", str(folder), "-o", str(saved), "-q")
    assert made.exit_code == 0, made.output
    old = str(saved / "assessment.json")
    refused = invoke("compare", old, str(LATER), "-o", str(tmp_path / "c"), "-q")
    assert refused.exit_code == 2
    text = " ".join(refused.output.split())
    assert "made with method acme-method 2.1, but this run uses no method" in text
    assert "--across-methods" in text
    allowed = invoke(
        "compare", old, str(LATER), "-o", str(tmp_path / "c"), "-q", "--across-methods"
    )
    assert allowed.exit_code == 0, allowed.output
    # the same method on both sides compares as ever
    same = invoke("compare", old, str(LATER), "--method", str(folder), "-o", str(tmp_path / "d"))
    assert same.exit_code == 0, same.output
    # another version of the method is another method
    (folder / "method.yaml").write_text(
        (folder / "method.yaml").read_text(encoding="utf-8").replace('"2.1"', '"2.2"'),
        encoding="utf-8",
    )
    newer = invoke("compare", old, str(LATER), "--method", str(folder), "-o", str(tmp_path / "e"))
    assert newer.exit_code == 2 and "acme-method 2.2" in " ".join(newer.output.split())


def test_a_method_folder_in_the_working_folder_is_found(tmp_path: Path) -> None:
    write_method(tmp_path / "readiness-method", scale=SCALE)
    here = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = invoke("validate", str(EXAMPLE))
    finally:
        os.chdir(here)
    assert result.exit_code == 3  # the example's bare P and L are not ratings of this scale
    assert "is not a rating of this method; use N, P-, P+, L-, L+, F or NA" in " ".join(
        result.output.split()
    )


def test_the_questionnaire_offers_the_method_scale(tmp_path: Path) -> None:
    folder = write_method(tmp_path / "m", scale=SCALE)
    target = tmp_path / "q.xlsx"
    result = invoke(
        "questionnaire", "export", "-o", str(target), "--method", str(folder), "--lang", "zh"
    )
    assert result.exit_code == 0, result.output
    book = load_workbook(target)
    instructions = book.worksheets[0]
    texts = [str(c.value) for row in instructions.iter_rows() for c in row if c.value]
    assert any("acme-method 2.1" in t for t in texts)
    assert "P- 部分实现（低）" in texts
    assert any(t.startswith("部分实现（低）: 23.75 %") for t in texts)
    yaml_target = tmp_path / "q.yaml"
    invoke("questionnaire", "export", "-o", str(yaml_target), "--method", str(folder))
    head = yaml_target.read_text(encoding="utf-8").splitlines()[:8]
    assert any(line.startswith("# Method: Acme readiness method") for line in head)
    assert any("P- (Partially (low))" in line for line in head)


def test_a_workbook_answered_on_the_method_scale_reads_back_its_grades(tmp_path: Path) -> None:
    from readiness.inputs.answers import load_answer_file
    from readiness.jobs.context import load_data

    folder = write_method(tmp_path / "m", scale=SCALE)
    target = tmp_path / "q.xlsx"
    invoke(
        "questionnaire", "export", "-o", str(target), "--method", str(folder), "--lang", "zh",
        "--client", "Graded Ltd",
    )  # fmt: skip
    book = load_workbook(target)
    sheet = next(ws for ws in book.worksheets if ws["B1"].value == "questions")
    header = [c.value for c in sheet[3]]
    rating = header.index("评级") + 1
    for row in sheet.iter_rows(min_row=4):
        if row[0].value == "A.CTX.01":
            row[rating - 1].value = "P+ 部分实现（高）"
        if row[0].value == "A.CTX.02":
            row[rating - 1].value = "l-"
    book.save(target)
    data = load_data(method=folder)
    answers = load_answer_file(target, data.questionnaire, data.catalogue)
    assert (answers.answers["A.CTX.01"].rating, answers.answers["A.CTX.01"].grade) == ("P", "P+")
    assert (answers.answers["A.CTX.02"].rating, answers.answers["A.CTX.02"].grade) == ("L", "L-")
    converted = tmp_path / "back.yaml"
    result = invoke(
        "questionnaire", "convert", str(target), "-o", str(converted), "--method", str(folder)
    )
    assert result.exit_code == 0, result.output
    again = load_answer_file(converted, data.questionnaire, data.catalogue)
    assert again.answers["A.CTX.01"] == answers.answers["A.CTX.01"]


def test_guide_takes_the_method_and_refuses_a_saved_assessment_of_another(tmp_path: Path) -> None:
    folder = write_method(tmp_path / "m")
    out = tmp_path / "g"
    made = invoke("guide", str(EXAMPLE), "--method", str(folder), "-o", str(out), "-q")
    assert made.exit_code == 0, made.output
    assert (out / "interview-guide.json").is_file() and (out / "audit-checklist.json").is_file()
    saved = tmp_path / "with"
    assert invoke("assess", str(EXAMPLE), "--method", str(folder), "-o", str(saved)).exit_code == 0
    refused = invoke("guide", str(saved / "assessment.json"), "-o", str(tmp_path / "h"), "-q")
    assert refused.exit_code == 2
    assert "made with method acme-method 2.1" in " ".join(refused.output.split())
