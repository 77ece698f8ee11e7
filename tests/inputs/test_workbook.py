"""Reading answered workbooks: round trips, what clients do, and what is refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from readiness.errors import InputError
from readiness.inputs import container
from readiness.inputs.answers import parse_answers
from readiness.inputs.workbook import read_workbook
from readiness.language import Language
from readiness.models.answers import AnswerFile
from readiness.models.common import Extent, Rating
from readiness.render.questionnaire.yaml_form import answers_yaml
from tests.workbooks import column_of, edit, row_of, sheet_with


def read(path: Path, questionnaire, catalogue) -> AnswerFile:  # type: ignore[no-untyped-def]
    return read_workbook(path, questionnaire, catalogue)


def refusal(path: Path, questionnaire, catalogue) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as caught:
        read_workbook(path, questionnaire, catalogue)
    return str(caught.value)


@pytest.mark.parametrize("language", [Language.EN, Language.ZH])
def test_yaml_to_workbook_and_back_is_lossless(
    make_workbook, example, questionnaire, catalogue, language
) -> None:
    path = make_workbook(language=language, answers=example)
    assert read(path, questionnaire, catalogue) == example


def test_workbook_to_yaml_to_workbook_keeps_every_answer(
    make_workbook, example, questionnaire, catalogue
) -> None:
    first = read(make_workbook(answers=example), questionnaire, catalogue)
    again = parse_answers(answers_yaml(first, questionnaire), "back.yaml", questionnaire, catalogue)
    second = read(make_workbook("again.xlsx", answers=again), questionnaire, catalogue)
    assert second == first == example


def test_blank_filled_programmatically(make_workbook, questionnaire, catalogue) -> None:
    path = make_workbook(client="Filled Ltd")

    def fill(workbook: Workbook) -> None:
        sheet = sheet_with(workbook, "questions", "B.CHG")
        row = row_of(sheet, "B.CHG.01")
        sheet.cell(row, column_of(sheet, "Rating")).value = "P"
        sheet.cell(row, column_of(sheet, "Documented")).value = "yes"
        sheet.cell(row, column_of(sheet, "Practised with records")).value = "no"
        sheet.cell(row, column_of(sheet, "Evidence references")).value = "CHG-POL-01\nCAB minutes"
        figures = sheet_with(workbook, "figures")
        figures.cell(
            row_of(figures, "emergency_change_share"), column_of(figures, "Value")
        ).value = 64
        roles = sheet_with(workbook, "roles")
        roles.cell(row_of(roles, "sms_owner"), column_of(roles, "Name")).value = "Li Wei"

    answers = read(edit(path, fill), questionnaire, catalogue)
    assert answers.client.name == "Filled Ltd"
    assert list(answers.answers) == ["B.CHG.01"]
    change = answers.answers["B.CHG.01"]
    assert (change.rating, change.documented, change.practised) == (Rating.P, Extent.YES, Extent.NO)
    assert change.evidence == ["CHG-POL-01", "CAB minutes"]
    assert answers.figures == {"emergency_change_share": 64}
    assert answers.roles.sms_owner == "Li Wei"


def test_tolerates_what_clients_do(make_workbook, questionnaire, catalogue) -> None:
    path = make_workbook(client="Tolerant Co")

    def mess_up(workbook: Workbook) -> None:
        sheet = sheet_with(workbook, "questions", "B.SLM")
        sheet.title = "Service levels (Wang)"  # renamed tab: found by its marker
        rating = column_of(sheet, "Rating")
        practised = column_of(sheet, "Practised with records")
        sheet.cell(row_of(sheet, "B.SLM.01"), rating).value = " f "  # lower case, stray spaces
        sheet.cell(row_of(sheet, "B.SLM.02"), rating).value = "大部分"  # Chinese word
        sheet.cell(row_of(sheet, "B.SLM.02"), practised).value = "部分"
        sheet.cell(row_of(sheet, "B.SLM.03"), rating).value = "完全实现"
        sheet.insert_rows(5, 2)  # blank rows inside the table
        sheet.insert_cols(3)  # an inserted column
        sheet.cell(3, 3).value = "Our comments"
        sheet.move_range("A10:L10", rows=30)  # a row moved down (reordered)
        profile = sheet_with(workbook, "profile")
        for cells in profile.iter_rows(min_col=1, max_col=1):
            if cells[0].value == "personnel_in_scope":
                profile.cell(cells[0].row, 3).value = " 85 "  # a number typed as text
            if cells[0].value == "assessed_on":
                profile.cell(cells[0].row, 3).value = "2026-11-02"  # a date typed as text
        figures = sheet_with(workbook, "figures")
        figures.cell(row_of(figures, "trial_run_months"), column_of(figures, "Value")).value = "2"
        figures.cell(
            row_of(figures, "sla_states_penalties"), column_of(figures, "Value")
        ).value = "No"

    answers = read(edit(path, mess_up), questionnaire, catalogue)
    ratings = {k: a.rating for k, a in answers.answers.items()}
    assert ratings == {"B.SLM.01": Rating.F, "B.SLM.02": Rating.L, "B.SLM.03": Rating.F}
    assert answers.answers["B.SLM.02"].practised is Extent.PARTLY
    assert answers.client.personnel_in_scope == 85
    assert str(answers.assessed_on) == "2026-11-02"
    assert answers.figures == {"trial_run_months": 2, "sla_states_penalties": False}


def test_bad_rating_names_sheet_and_cell(make_workbook, questionnaire, catalogue) -> None:
    path = make_workbook(client="X")

    def bad(workbook: Workbook) -> None:
        sheet = sheet_with(workbook, "questions", "B.INC")
        sheet.cell(row_of(sheet, "B.INC.01"), column_of(sheet, "Rating")).value = "mostly"

    path = edit(path, bad)
    sheet = sheet_with(__import__("openpyxl").load_workbook(path), "questions", "B.INC")
    where = f"sheet '{sheet.title}', cell E{row_of(sheet, 'B.INC.01')}"
    assert refusal(path, questionnaire, catalogue) == (
        f"{path}: {where}: 'mostly' is not a rating; use N, P, L, F or NA"
    )


def test_formula_in_an_answer_cell_is_refused(make_workbook, questionnaire, catalogue) -> None:
    def formula(workbook: Workbook) -> None:
        sheet = sheet_with(workbook, "figures")
        sheet.cell(
            row_of(sheet, "emergency_change_share"), column_of(sheet, "Value")
        ).value = "=40+24"

    message = refusal(edit(make_workbook(client="X"), formula), questionnaire, catalogue)
    assert "holds a formula (=40+24); type the value itself" in message


def test_a_formula_does_not_hide_the_other_problems(
    make_workbook, questionnaire, catalogue
) -> None:
    def several(workbook: Workbook) -> None:
        figures = sheet_with(workbook, "figures")
        figures.cell(
            row_of(figures, "emergency_change_share"), column_of(figures, "Value")
        ).value = "=40+24"
        sheet = sheet_with(workbook, "questions", "B.INC")
        sheet.cell(row_of(sheet, "B.INC.01"), column_of(sheet, "Rating")).value = "mostly"
        sheet.cell(row_of(sheet, "B.INC.02"), column_of(sheet, "Rating")).value = "NA"

    path = edit(make_workbook(client="X"), several)
    with pytest.raises(InputError) as caught:
        read_workbook(path, questionnaire, catalogue)
    messages = [problem.message for problem in caught.value.problems]
    assert len(messages) == 3, messages
    assert "the cell holds a formula (=40+24); type the value itself" in messages[0]
    assert any("'mostly' is not a rating" in message for message in messages)
    assert any("NA needs a justification" in message for message in messages)
    assert all("sheet '" in problem.place for problem in caught.value.problems)


def opendocument(path: Path) -> Path:
    """A minimal OpenDocument spreadsheet: its mimetype part first, stored, as ODF requires."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)
    return path


@pytest.mark.parametrize("name", ["answers.ods", "answers.xlsx", "answers.fods"])
def test_opendocument_is_refused_with_what_to_do(
    tmp_path: Path, questionnaire, catalogue, name: str
) -> None:
    path = tmp_path / name
    if name.endswith(".fods"):  # flat XML, no zip
        path.write_text('<?xml version="1.0"?><office:document/>', encoding="utf-8")
    else:
        opendocument(path)
    message = refusal(path, questionnaire, catalogue)
    assert "OpenDocument spreadsheet" in message and "save it as .xlsx" in message
    from readiness.inputs.answers import load_answer_file

    with pytest.raises(InputError, match=r"save it as \.xlsx"):  # routed to the workbook reader
        load_answer_file(path, questionnaire, catalogue)


def test_missing_id_column_is_refused(make_workbook, questionnaire, catalogue) -> None:
    def drop_header(workbook: Workbook) -> None:
        sheet = sheet_with(workbook, "questions", "A")
        sheet.cell(3, 1).value = "Number"

    message = refusal(edit(make_workbook(client="X"), drop_header), questionnaire, catalogue)
    assert "no header row with 'ID' and 'Rating' found" in message

    def drop(workbook: Workbook) -> None:
        sheet_with(workbook, "questions", "A").delete_cols(1)

    message = refusal(edit(make_workbook(client="X"), drop), questionnaire, catalogue)
    assert "its ID column (with the hidden marker) was deleted" in message


def test_other_questionnaire_version_is_refused(make_workbook, questionnaire, catalogue) -> None:
    def older(workbook: Workbook) -> None:
        for sheet in workbook.worksheets:
            sheet["E1"].value = "0.9"

    message = refusal(edit(make_workbook(client="X"), older), questionnaire, catalogue)
    assert "this workbook is questionnaire readiness-iso20000-2018 version 0.9" in message


def test_workbook_not_ours(tmp_path: Path, questionnaire, catalogue) -> None:
    path = tmp_path / "other.xlsx"
    workbook = Workbook()
    workbook.active["A1"] = "Budget 2026"
    workbook.save(path)
    assert "this workbook was not made by readiness" in refusal(path, questionnaire, catalogue)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"questionnaire: x\n", "it is not a zip container"),
        (
            bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600,
            "password-protected or in the old .xls format",
        ),
    ],
)
def test_files_that_are_not_workbooks(
    tmp_path: Path, questionnaire, catalogue, content: bytes, expected: str
) -> None:
    path = tmp_path / "answers.xlsx"
    path.write_bytes(content)
    assert expected in refusal(path, questionnaire, catalogue)


def test_zip_of_something_else(tmp_path: Path, questionnaire, catalogue) -> None:
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("holiday.txt", "not a workbook")
    assert "a zip file but not an Excel workbook" in refusal(path, questionnaire, catalogue)


def test_zip_bomb_is_refused_before_parsing(
    tmp_path: Path, questionnaire, catalogue, monkeypatch
) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<a>" + b" " * (12 * 2**20) + b"</a>")
    monkeypatch.setattr(container, "MAX_UNPACKED_BYTES", 8 * 2**20)
    assert "it may be a zip bomb" in refusal(path, questionnaire, catalogue)


def test_inflation_ratio_alone_flags_a_bomb(tmp_path: Path, questionnaire, catalogue) -> None:
    path = tmp_path / "ratio.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (30 * 2**20))
    assert "-fold: it may be a zip bomb" in refusal(path, questionnaire, catalogue)


def test_xlsm_is_read_without_running_anything(
    make_workbook, example, questionnaire, catalogue
) -> None:
    path = make_workbook("answers.xlsm", answers=example)
    assert read(path, questionnaire, catalogue) == example


def test_duplicate_question_rows(make_workbook, questionnaire, catalogue) -> None:
    def duplicate(workbook: Workbook) -> None:
        sheet = sheet_with(workbook, "questions", "B.PRB")
        row = row_of(sheet, "B.PRB.01")
        target = sheet.max_row + 1
        sheet.cell(target, 1).value = "B.PRB.01"
        sheet.cell(row, column_of(sheet, "Rating")).value = "L"
        sheet.cell(target, column_of(sheet, "Rating")).value = "F"

    message = refusal(edit(make_workbook(client="X"), duplicate), questionnaire, catalogue)
    assert "question B.PRB.01 appears twice" in message
