"""Workbooks are checked and parsed from the same bytes, read once; openpyxl's own warnings
never reach the consultant's terminal."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from readiness.data.catalogue import load_catalogue
from readiness.data.questionnaire import load_questionnaire
from readiness.inputs import workbook as reader
from readiness.inputs.container import check_container
from tests.hostile.generate import build
from tests.hostile.make_zip import example_workbook, part, rezip, sheet_part


@pytest.mark.parametrize("swap_to", ["zip_bomb", "xml_bomb_sheet", "duplicate_zip_entry"])
def test_a_file_swapped_after_the_checks_is_not_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, swap_to: str
) -> None:
    catalogue = load_catalogue()
    questionnaire = load_questionnaire(catalogue)
    path = tmp_path / "acme.xlsx"
    path.write_bytes(example_workbook())
    expected = reader.read_workbook(path, questionnaire, catalogue)

    def check_then_swap(checked: Path) -> bytes:
        data = check_container(checked)
        build(swap_to, checked)  # the attacker wins the race: a hostile file at the same path
        return data

    monkeypatch.setattr(reader, "check_container", check_then_swap)
    assert reader.read_workbook(path, questionnaire, catalogue) == expected
    assert path.read_bytes() != example_workbook()


def test_openpyxl_warnings_do_not_reach_stderr(tmp_path: Path) -> None:
    catalogue = load_catalogue()
    questionnaire = load_questionnaire(catalogue)
    data = example_workbook()
    name = sheet_part("A ")
    extension = (
        b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
        b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
        b"<x14:dataValidations/></ext></extLst></worksheet>"
    )
    path = tmp_path / "extended.xlsx"
    path.write_bytes(
        rezip(data, replace={name: part(data, name).replace(b"</worksheet>", extension)})
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        from openpyxl import load_workbook

        load_workbook(path, read_only=True).worksheets[2].calculate_dimension()
        list(load_workbook(path, read_only=True).worksheets[2].iter_rows())
    assert caught, "the workbook should make openpyxl warn"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reader.read_workbook(path, questionnaire, catalogue)
    assert [str(w.message) for w in caught] == []
