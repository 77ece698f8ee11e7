"""The fast workbook saver writes the same XML as openpyxl, in less time, and reproducibly."""

from __future__ import annotations

import datetime as dt
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.writer.excel import ExcelWriter

from readiness.inputs.answers import load_answer_file
from readiness.language import Language
from readiness.planning import load_plan_config, make_plan
from readiness.render.plan.workbook import build_plan_workbook
from readiness.render.questionnaire.workbook import build_workbook as build_questionnaire
from readiness.render.report.view import build_view
from readiness.render.report.workbook import build_workbook as build_report
from readiness.render.workbooks.cells import merge
from readiness.render.workbooks.saving import ZIP_TIME, cache_value, save_bytes
from readiness.scoring.assess import assess
from tests.conftest import EXAMPLE
from tests.depth import examples


def openpyxl_bytes(workbook: Any) -> bytes:
    """The workbook as openpyxl itself saves it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return buffer.getvalue()


def parts(data: bytes) -> dict[str, str]:
    """Every XML part of an .xlsx, canonicalised (attribute order and quoting do not count)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: ET.canonicalize(archive.read(name).decode("utf-8"))
            for name in archive.namelist()
            if name.endswith((".xml", ".rels", ".vml"))
        }


def assert_same_as_openpyxl(build: Callable[[], Any]) -> bytes:
    """Build the workbook twice (saving changes a workbook a little) and save it both ways."""
    ours = save_bytes(build())
    theirs = parts(openpyxl_bytes(build()))
    mine = parts(ours)
    assert sorted(mine) == sorted(theirs)
    for name in theirs:
        # openpyxl writes no value with a formula; ours may carry the cached one (cache_value)
        assert CACHED.sub("</f><v></v>", mine[name]) == theirs[name], name
    return ours


CACHED = re.compile(r"</f><v>[^<]*</v>")


def test_a_formula_carries_its_cached_value() -> None:
    workbook = fixed_workbook()
    ws = workbook.active
    ws["B1"], ws["C1"] = 1, 2.5
    ws["A1"] = "=SUM(B1:C1)"
    cache_value(ws["A1"], 3.5)
    ws["A2"] = "=B1*2"  # no cached value: written as openpyxl writes it
    data = save_bytes(workbook)
    values = load_workbook(io.BytesIO(data), data_only=True).active
    assert (values["A1"].value, values["A2"].value) == (3.5, None)
    assert load_workbook(io.BytesIO(data)).active["A1"].value == "=SUM(B1:C1)"


@pytest.fixture(scope="module")
def assessment(catalogue, questionnaire, config):  # type: ignore[no-untyped-def]
    return assess(
        load_answer_file(EXAMPLE, questionnaire, catalogue), catalogue, questionnaire, config
    )


@pytest.mark.slow  # about 4 s a language; the property test below keeps a light guard locally
@pytest.mark.parametrize("language", list(Language))
def test_every_workbook_we_write_is_the_xml_openpyxl_writes(
    language: Language,
    assessment,
    catalogue,
    questionnaire,  # type: ignore[no-untyped-def]
) -> None:
    answers = load_answer_file(EXAMPLE, questionnaire, catalogue)
    assert_same_as_openpyxl(
        lambda: build_questionnaire(catalogue, questionnaire, language=language, answers=answers)
    )
    view = build_view(assessment, catalogue, questionnaire, language)
    assert_same_as_openpyxl(lambda: build_report(view))
    config = load_plan_config(catalogue=catalogue)
    plan = make_plan(assessment, catalogue, config, start=dt.date(2027, 1, 4))
    # The plan's cost sheet holds formulas and its Gantt real dates: both paths are covered.
    assert_same_as_openpyxl(lambda: build_plan_workbook(plan, language, []))


def test_saving_is_reproducible_and_stamps_one_time(assessment, catalogue, questionnaire) -> None:  # type: ignore[no-untyped-def]
    view = build_view(assessment, catalogue, questionnaire, Language.EN)
    first, second = save_bytes(build_report(view)), save_bytes(build_report(view))
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {entry.date_time for entry in archive.infolist()} == {ZIP_TIME}
        assert archive.testzip() is None


def fixed_workbook() -> Any:
    """An empty workbook stamped with a fixed time (Workbook() stamps the clock)."""
    workbook = Workbook()
    workbook.properties.created = workbook.properties.modified = dt.datetime(2027, 1, 4)
    return workbook


def _mixed_workbook() -> Any:
    workbook = fixed_workbook()
    ws = workbook.active
    ws["A1"] = "=SUM(B1:C1)"
    ws["B1"], ws["C1"] = 1, 2.5
    ws["A2"] = "note"
    ws["A2"].comment = Comment("a comment", "readiness")
    ws["A3"] = dt.date(2027, 1, 4)
    ws["B3"] = dt.datetime(2027, 1, 4, 12, 30)
    ws["C3"] = True
    ws["A4"] = "  padded  "
    ws["A4"].font = Font(bold=True)
    ws.row_dimensions[6].height = 30  # an empty row with a height
    merge(ws, 5, 1, 3)
    return workbook


def test_rows_with_comments_formulas_and_merges() -> None:
    data = assert_same_as_openpyxl(_mixed_workbook)
    back = load_workbook(io.BytesIO(data))
    sheet = back.active
    assert sheet["A1"].value == "=SUM(B1:C1)" and sheet["C1"].value == 2.5
    assert sheet["A2"].comment is not None and sheet["A2"].comment.text == "a comment"
    assert sheet["A3"].value == dt.datetime(2027, 1, 4) and sheet["C3"].value is True
    assert sheet["A4"].value == "  padded  "
    assert [str(r) for r in sheet.merged_cells.ranges] == ["A5:C5"]


_TEXT = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=0, max_size=40).map(
    lambda text: ILLEGAL_CHARACTERS_RE.sub("", text)
)
_VALUE = st.one_of(
    _TEXT,
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(min_value=-1e300, max_value=1e300),  # Excel keeps 15 to 16 digits
    st.booleans(),
    st.none(),
)


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(st.lists(_VALUE, min_size=1, max_size=5), min_size=1, max_size=6))
def test_any_cell_values_give_openpyxl_s_xml(rows: list[list[object]]) -> None:
    def build() -> Any:
        workbook = fixed_workbook()
        ws = workbook.active
        for r, values in enumerate(rows, start=1):
            for c, value in enumerate(values, start=1):
                cell = ws.cell(row=r, column=c)
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula, as the tool's writers do
        return workbook

    data = assert_same_as_openpyxl(build)
    sheet = load_workbook(io.BytesIO(data)).active
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            got = sheet.cell(row=r, column=c).value
            if value == "" or value is None:
                assert got in ("", None)
            elif isinstance(value, str):  # XML reads a carriage return as a line feed
                assert got == value.replace("\r\n", "\n").replace("\r", "\n")
            elif isinstance(value, float):
                assert got == pytest.approx(value, rel=1e-15)
            else:
                assert got == value
