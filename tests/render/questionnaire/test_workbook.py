"""The questionnaire workbook, read back cell by cell with openpyxl."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

import openpyxl
import pytest

from readiness.data.workbook_layout import FIRST_ROW, HEADER_ROW, SheetKind, layout, marker
from readiness.inputs.answers import load_answers
from readiness.language import Language
from readiness.models.answers import AnswerFile
from readiness.models.catalogue import Catalogue
from readiness.models.questionnaire import Questionnaire
from readiness.render.questionnaire.sheets import CARRIED_COLUMNS
from readiness.render.questionnaire.workbook import build_workbook, selected_parts, workbook_bytes
from tests.conftest import EXAMPLE

EN, ZH = Language.EN, Language.ZH


@pytest.fixture(scope="module")
def blank_en(catalogue: Catalogue, questionnaire: Questionnaire) -> bytes:
    return workbook_bytes(catalogue, questionnaire, language=EN)


@pytest.fixture(scope="module")
def blank_zh(catalogue: Catalogue, questionnaire: Questionnaire) -> bytes:
    return workbook_bytes(catalogue, questionnaire, language=ZH)


@pytest.fixture(scope="module")
def example(catalogue: Catalogue, questionnaire: Questionnaire) -> AnswerFile:
    return load_answers(EXAMPLE, questionnaire, catalogue)


def load(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def column_of(ws: Any, key: str, language: Language = EN) -> int:
    """Number of the column whose row-3 header is the layout's header of ``key``."""
    columns = [
        *layout().question_columns,
        *layout().profile_columns,
        *layout().figure_columns,
        *layout().role_columns,
        *layout().capability_columns,
        *layout().matrix_columns,
    ]
    headers = {c.header.get(language) for c in columns if c.key == key}
    for cell in ws[HEADER_ROW]:
        if cell.value in headers:
            return int(cell.column)
    raise AssertionError(f"no {key} column in {ws.title}")


def row_of(ws: Any, question_id: str) -> int:
    for row in range(FIRST_ROW, ws.max_row + 1):
        if ws.cell(row=row, column=1).value == question_id:
            return row
    raise AssertionError(f"{question_id} not in {ws.title}")


def validation_of(ws: Any, coordinate: str) -> Any:
    found = [dv for dv in ws.data_validations.dataValidation if coordinate in dv.sqref]
    assert len(found) == 1, (ws.title, coordinate, found)
    return found[0]


def process_names(catalogue: Catalogue, language: Language) -> list[str]:
    return [f"{a.id} {a.title.get(language)}"[:31] for a in catalogue.processes()]


# ----------------------------------------------------------------------------- sheets


def test_sheets_in_order_in_english(blank_en: bytes, catalogue: Catalogue) -> None:
    names = load(blank_en).sheetnames
    assert names[:3] == ["Instructions", "Client profile", "A Management system"]
    assert names[-5:] == [
        "C 2018 additions",
        "Capability",
        "Figures",
        "Roles",
        "Responsibility matrix",
    ]
    processes = names[3:-5]
    assert len(processes) == 13
    assert "B.CHG Change management" in processes
    assert [name.split(" ")[0] for name in processes] == [a.id for a in catalogue.processes()]
    assert all(len(name) <= 31 for name in names)
    assert "B.SCA Service continuity and" in processes  # cut at a word, not mid-word


def test_sheets_in_chinese(blank_zh: bytes) -> None:
    names = load(blank_zh).sheetnames
    assert names[:3] == ["填写说明", "客户信息", "A 管理体系"]
    assert "B.CHG 变更管理" in names
    assert names[-5:] == ["C 2018版新增", "能力等级", "关键数据", "角色", "职责矩阵"]
    english = {text.en for text in layout().sheets.values()}
    assert not english & set(names)


def test_instructions_align_numbers_and_text_at_the_top(blank_en: bytes) -> None:
    sheet = load(blank_en)["Instructions"]
    filled = [
        cell for row in sheet.iter_rows(min_row=4) for cell in row if cell.value not in (None, "")
    ]
    numbered = [cell for cell in filled if cell.column == 1 and str(cell.value).isdigit()]
    assert len(numbered) >= 5
    assert [cell for cell in filled if cell.alignment.vertical != "top"] == []


def test_every_sheet_has_the_hidden_marker_row(
    blank_zh: bytes, questionnaire: Questionnaire
) -> None:
    workbook = load(blank_zh)
    kinds = []
    for ws in workbook.worksheets:
        assert ws.row_dimensions[1].hidden, ws.title
        values = [ws.cell(row=1, column=c).value or "" for c in range(1, 7)]
        kind = SheetKind(values[1])
        assert values == marker(kind, values[2], questionnaire.id, questionnaire.version, ZH)
        kinds.append((kind, values[2]))
    assert kinds[:3] == [(SheetKind.INSTRUCTIONS, ""), (SheetKind.PROFILE, ""), ("questions", "A")]
    assert (SheetKind.QUESTIONS, "B.CHG") in kinds
    assert (SheetKind.QUESTIONS, "C") in kinds
    assert kinds[-4:] == [(k, "") for k in ("capability", "figures", "roles", "matrix")]


def test_title_row_is_merged_and_bold(blank_en: bytes) -> None:
    ws = load(blank_en)["B.CHG Change management"]
    assert ws["A2"].value.startswith("B.CHG Change management")
    assert ws["A2"].font.bold
    assert "A2:K2" in {str(r) for r in ws.merged_cells.ranges}


@pytest.mark.parametrize("language", [EN, ZH])
def test_question_headers(
    catalogue: Catalogue, questionnaire: Questionnaire, language: Language
) -> None:
    workbook = build_workbook(catalogue, questionnaire, language=language)
    # a blank workbook carries no answer from a certified system: no Carried / Confirmed columns
    columns = [c for c in layout().question_columns if c.key not in CARRIED_COLUMNS]
    expected = [c.header.get(language) for c in columns]
    for ws in workbook.worksheets:
        if ws["B1"].value == "questions":
            assert [cell.value for cell in ws[HEADER_ROW]] == expected
            assert all(cell.font.bold for cell in ws[HEADER_ROW])


def test_chinese_workbook_has_no_english_header(blank_zh: bytes) -> None:
    lay = layout()
    groups = [
        lay.question_columns,
        lay.profile_columns,
        lay.capability_columns,
        lay.figure_columns,
        lay.role_columns,
        lay.matrix_columns,
    ]
    english = {c.header.en for group in groups for c in group}
    for ws in load(blank_zh).worksheets:
        headers = {cell.value for cell in ws[HEADER_ROW]}
        assert not english & headers, ws.title
    profile = load(blank_zh)["客户信息"]
    assert profile.cell(row=FIRST_ROW, column=2).value == "客户名称"


def test_one_row_per_question(blank_en: bytes, questionnaire: Questionnaire) -> None:
    workbook = load(blank_en)
    found: dict[str, list[str]] = {}
    for ws in workbook.worksheets:
        if ws["B1"].value != "questions":
            continue
        ids = [ws.cell(row=r, column=1).value for r in range(FIRST_ROW, ws.max_row + 1)]
        found[ws["C1"].value] = [i for i in ids if i]
    assert sum(len(ids) for ids in found.values()) == len(questionnaire.questions()) == 228
    for key, ids in found.items():
        expected = [q.id for q in questionnaire.questions() if q.id.startswith(key + ".")]
        assert ids == expected, key


def test_parts_a_and_c_have_a_group_row_per_area(blank_en: bytes, catalogue: Catalogue) -> None:
    ws = load(blank_en)["A Management system"]
    groups = [
        ws.cell(row=r, column=2).value
        for r in range(FIRST_ROW, ws.max_row + 1)
        if not ws.cell(row=r, column=1).value
    ]
    assert groups == [f"{a.id} {a.title.en}" for a in catalogue.areas if a.part == "A"]
    assert ws.cell(row=FIRST_ROW, column=2).font.bold
    process = load(blank_en)["B.CHG Change management"]
    assert process.cell(row=FIRST_ROW, column=1).value == "B.CHG.01"


# ----------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("language", "formula"),
    [
        (EN, '"N,P,L,F,NA"'),
        (ZH, '"N 未实现,P 部分实现,L 大部分实现,F 完全实现,NA 不适用"'),
    ],
)
def test_rating_dropdown(
    catalogue: Catalogue, questionnaire: Questionnaire, language: Language, formula: str
) -> None:
    workbook = load(workbook_bytes(catalogue, questionnaire, language=language))
    for ws in workbook.worksheets:
        if ws["B1"].value != "questions":
            continue
        rating = column_of(ws, "rating", language)
        letter = openpyxl.utils.get_column_letter(rating)
        last = ws.max_row
        validation = validation_of(ws, f"{letter}{FIRST_ROW}")
        assert validation.type == "list"
        assert validation.formula1 == formula
        assert validation.allow_blank
        assert f"{letter}{last}" in validation.sqref
        extents = validation_of(ws, f"{openpyxl.utils.get_column_letter(rating + 1)}{last}")
        assert extents.formula1 == '"' + ",".join(layout().extents.get(language)) + '"'


def test_na_without_justification_turns_red(blank_en: bytes) -> None:
    ws = load(blank_en)["B.CHG Change management"]
    rules = {str(cf.sqref): cf.rules for cf in ws.conditional_formatting}
    justification = rules[f"K{FIRST_ROW}:K{ws.max_row}"]
    assert '="NA"' in justification[0].formula[0]
    assert "LEN(TRIM($K4))=0" in justification[0].formula[0]
    assert len(rules[f"E{FIRST_ROW}:E{ws.max_row}"]) == 4  # N, P, L, F colours


def test_profile_rows_and_validations(blank_en: bytes, questionnaire: Questionnaire) -> None:
    ws = load(blank_en)["Client profile"]
    keys = [ws.cell(row=r, column=1).value for r in range(FIRST_ROW, ws.max_row + 1)]
    expected = [row.key for row in layout().profile_rows for _ in range(row.repeat)]
    assert keys[: len(expected)] == expected
    category = FIRST_ROW + keys.index("business_category")
    validation = validation_of(ws, f"C{category}")
    assert validation.type == "list"
    # 14 English names do not fit Excel's inline list: they sit in a hidden column.
    ref = validation.formula1.replace("$", "")
    column, rows = ref[0], ref.split(":")
    assert ws.column_dimensions[column].hidden
    names = [ws[f"{column}{r}"].value for r in range(int(rows[0][1:]), int(rows[1][1:]) + 1)]
    assert names == [c.name.en for c in questionnaire.business_categories]
    people = validation_of(ws, f"C{FIRST_ROW + keys.index('personnel_in_scope')}")
    assert (people.type, people.operator, people.formula1) == ("whole", "greaterThanOrEqual", "1")
    assert validation_of(ws, f"C{FIRST_ROW + keys.index('assessed_on')}").type == "date"


def test_client_option_fills_the_name(catalogue: Catalogue, questionnaire: Questionnaire) -> None:
    data = workbook_bytes(catalogue, questionnaire, language=ZH, client="Acme =1+1")
    ws = load(data)["客户信息"]
    assert ws.cell(row=FIRST_ROW, column=1).value == "name"
    assert ws.cell(row=FIRST_ROW, column=3).value == "Acme =1+1"


def test_capability_sheet(blank_zh: bytes, questionnaire: Questionnaire) -> None:
    ws = load(blank_zh)["能力等级"]
    attributes = questionnaire.asked_attributes()
    headers = [cell.value for cell in ws[HEADER_ROW]]
    assert headers[:2] == ["流程编号", "流程"]
    assert headers[2:-1] == [f"{a.id} {a.name.zh}" for a in attributes]
    assert headers[-1] == "过程属性评级的证据"  # without it, L and F count as P
    assert ws["C3"].comment is not None
    assert attributes[0].question.zh in ws["C3"].comment.text
    ids = [ws.cell(row=r, column=1).value for r in range(FIRST_ROW, FIRST_ROW + 13)]
    assert ids[0] == "B.SLM"
    assert ws.cell(row=FIRST_ROW + 13, column=1).value is None
    validation = validation_of(ws, "C4")
    assert validation.formula1 == '"N 未实现,P 部分实现,L 大部分实现,F 完全实现"'
    assert f"{openpyxl.utils.get_column_letter(2 + len(attributes))}16" in validation.sqref
    assert not ws["C4"].protection.locked
    evidence = openpyxl.utils.get_column_letter(3 + len(attributes))
    assert not ws[f"{evidence}4"].protection.locked
    assert f"{evidence}4" not in str(validation.sqref)  # the rating dropdown stops before it


def test_figures_sheet(blank_en: bytes, questionnaire: Questionnaire) -> None:
    ws = load(blank_en)["Figures"]
    rows = {ws.cell(row=r, column=1).value: r for r in range(FIRST_ROW, ws.max_row + 1)}
    assert list(rows) == [f.id for f in questionnaire.figures]
    kinds = {f.id: f.kind for f in questionnaire.figures}
    for figure_id, row in rows.items():
        validation = validation_of(ws, f"D{row}")
        kind = kinds[figure_id]
        if kind == "yes_no":
            assert validation.formula1 == '"yes,no"'
        elif kind == "percent":
            assert (validation.type, validation.formula1, validation.formula2) == (
                "decimal",
                "0",
                "100",
            )
        else:
            assert (validation.type, validation.formula1) == ("whole", "0")


def test_roles_sheet(blank_en: bytes, catalogue: Catalogue) -> None:
    ws = load(blank_en)["Roles"]
    assert [ws["A4"].value, ws["B4"].value] == ["sms_owner", layout().titles["sms_owner"].en]
    assert ws["A5"].value == "B.SLM"
    assert ws["B5"].value == "Process owner: Service level management"
    assert ws.max_row == FIRST_ROW + len(catalogue.processes())
    assert not ws["C5"].protection.locked


def test_matrix_sheet(blank_en: bytes, catalogue: Catalogue) -> None:
    ws = load(blank_en)["Responsibility matrix"]
    lay = layout()
    assert [ws["A3"].value, ws["B3"].value] == ["Work item", "Area"]
    people = [ws.cell(row=HEADER_ROW, column=3 + i) for i in range(lay.matrix_people)]
    assert all(cell.value is None and not cell.protection.locked for cell in people)
    last = FIRST_ROW + lay.matrix_rows - 1
    assert validation_of(ws, f"C{last}").formula1 == '"P,B"'
    areas = validation_of(ws, f"B{FIRST_ROW}")
    assert areas.formula1 == '"' + ",".join(a.id for a in catalogue.areas) + '"'
    assert not ws[f"A{last}"].protection.locked


# ----------------------------------------------------------------------------- sheet setup


def test_protection_and_locking(blank_en: bytes) -> None:
    workbook = load(blank_en)
    for ws in workbook.worksheets:
        assert ws.protection.sheet, ws.title
        assert not ws.protection.password
        # False means the action is allowed on the protected sheet.
        assert not ws.protection.formatColumns
        assert not ws.protection.formatRows
        assert not ws.protection.insertRows
        assert not ws.protection.sort
        assert not ws.protection.autoFilter
    ws = workbook["B.CHG Change management"]
    for column in [c for c in layout().question_columns if c.key not in CARRIED_COLUMNS]:
        cell = ws.cell(row=FIRST_ROW, column=column_of(ws, column.key))
        assert cell.protection.locked is not column.answer, column.key
        assert cell.fill.fgColor.rgb.endswith("FFFFFF" if column.answer else "F2F2F2")
    assert ws["B3"].protection.locked


def test_freeze_panes(blank_en: bytes) -> None:
    workbook = load(blank_en)
    assert workbook["A Management system"].freeze_panes == "C4"
    assert workbook["B.CHG Change management"].freeze_panes == "C4"
    assert workbook["Client profile"].freeze_panes == "A4"
    assert workbook["Capability"].freeze_panes == "C4"
    assert workbook["Responsibility matrix"].freeze_panes == "C4"


def test_print_setup(blank_en: bytes) -> None:
    for ws in load(blank_en).worksheets:
        setup = ws.page_setup
        assert setup.orientation == "landscape", ws.title
        assert int(setup.fitToWidth) == 1
        assert int(setup.fitToHeight) == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert str(setup.paperSize) == ws.PAPERSIZE_A4
        assert ws.print_title_rows == "$2:$3"


# ----------------------------------------------------------------------------- parts


def test_part_a_only(catalogue: Catalogue, questionnaire: Questionnaire) -> None:
    workbook = load(workbook_bytes(catalogue, questionnaire, language=EN, parts=["A"]))
    names = workbook.sheetnames
    assert names == [
        "Instructions",
        "Client profile",
        "A Management system",
        "Figures",
        "Roles",
        "Responsibility matrix",
    ]
    figures = workbook["Figures"]
    ids = [figures.cell(row=r, column=1).value for r in range(FIRST_ROW, figures.max_row + 1)]
    parts = {catalogue.area(questionnaire.figure(i).area).part for i in ids}
    assert ids
    assert parts == {"A"}


def test_parts_are_put_in_order_and_checked() -> None:
    assert selected_parts(["c", "A"]) == ("A", "C")
    with pytest.raises(ValueError, match="unknown part D"):
        selected_parts(["A", "D"])
    with pytest.raises(ValueError, match="at least one part"):
        selected_parts([])


# ----------------------------------------------------------------------------- filled


@pytest.fixture(scope="module")
def filled_en(catalogue: Catalogue, questionnaire: Questionnaire, example: AnswerFile) -> Any:
    return load(workbook_bytes(catalogue, questionnaire, language=EN, answers=example))


def test_filled_answers(filled_en: Any, example: AnswerFile) -> None:
    ws = filled_en["B.CHG Change management"]
    answer = example.answers["B.CHG.01"]
    assert answer.rating is not None
    row = row_of(ws, "B.CHG.01")
    assert ws.cell(row=row, column=column_of(ws, "rating")).value == answer.rating.value
    evidence = ws.cell(row=row, column=column_of(ws, "evidence")).value
    assert evidence == "\n".join(answer.evidence)
    assert ws.cell(row=row, column=column_of(ws, "owner")).value == answer.owner
    assert answer.documented is not None
    assert ws.cell(row=row, column=column_of(ws, "documented")).value == answer.documented.value


def test_filled_chinese_labels(
    catalogue: Catalogue, questionnaire: Questionnaire, example: AnswerFile
) -> None:
    workbook = load(workbook_bytes(catalogue, questionnaire, language=ZH, answers=example))
    ws = workbook["B.CHG 变更管理"]
    answer = example.answers["B.CHG.01"]
    row = row_of(ws, "B.CHG.01")
    labels = dict(zip("NPLF", layout().ratings.zh, strict=False)) | {"NA": layout().ratings.zh[4]}
    assert answer.rating is not None
    assert ws.cell(row=row, column=column_of(ws, "rating", ZH)).value == labels[answer.rating]
    profile = workbook["客户信息"]
    values = [profile.cell(row=r, column=3).value for r in range(FIRST_ROW, profile.max_row + 1)]
    assert "基础设施运行维护" in values


def test_filled_profile_figures_roles_matrix(filled_en: Any, example: AnswerFile) -> None:
    profile = filled_en["Client profile"]
    values: dict[str, list[object]] = {}
    for row in range(FIRST_ROW, profile.max_row + 1):
        values.setdefault(profile.cell(row=row, column=1).value, []).append(
            profile.cell(row=row, column=3).value
        )
    assert values["name"] == [example.client.name]
    assert values["business_category"][:3] == [
        "Infrastructure operation and maintenance",
        "Software operation and maintenance",
        "Call centre / service desk",
    ]
    assert values["personnel_in_scope"] == [85]
    assert values["sites"] == ["\n".join(example.client.sites)]
    assert values["assessed_on"] == [dt.datetime(2026, 11, 2)]
    figures = filled_en["Figures"]
    found = {
        figures.cell(row=r, column=1).value: figures.cell(row=r, column=4).value
        for r in range(FIRST_ROW, figures.max_row + 1)
    }
    assert found["sla_states_availability"] == "yes"
    assert found["sla_states_penalties"] == "no"
    assert found["emergency_change_share"] == 64
    capability = filled_en["Capability"]
    assert capability["A4"].value == "B.SLM"
    assert capability["C4"].value == example.capability["B.SLM"]["PA2.1"]  # en label = code
    roles = filled_en["Roles"]
    assert roles["C4"].value == example.roles.sms_owner
    matrix = filled_en["Responsibility matrix"]
    first = example.matrix[0]
    assert matrix["A4"].value == first.item
    assert matrix["B4"].value == first.area
    people = {matrix.cell(row=3, column=c).value: c for c in range(3, matrix.max_column + 1)}
    for person, role in first.assign.items():
        assert matrix.cell(row=4, column=people[person]).value == role


def test_matrix_grows_for_more_people(catalogue: Catalogue, questionnaire: Questionnaire) -> None:
    many = {f"Person {i}": "P" for i in range(25)}
    answers = AnswerFile.model_validate(
        {
            "questionnaire": questionnaire.id,
            "questionnaire_version": questionnaire.version,
            "client": {"name": "Big Co"},
            "matrix": [{"item": "Everything", "area": "A.CTX", "assign": many}],
        }
    )
    ws = load(workbook_bytes(catalogue, questionnaire, language=EN, answers=answers))[
        "Responsibility matrix"
    ]
    headers = [ws.cell(row=3, column=c).value for c in range(3, 3 + 25)]
    assert headers == list(many)
    assert ws.cell(row=4, column=27).value == "P"


# ----------------------------------------------------------------------------- safety


def test_client_text_is_never_a_formula(catalogue: Catalogue, questionnaire: Questionnaire) -> None:
    hostile = {
        "notes": '=HYPERLINK("http://x","y")',
        "evidence": ["@SUM(A1)", "=1+1"],
        "owner": "+1",
        "justification": "-2",
        "rating": "NA",
    }
    answers = AnswerFile.model_validate(
        {
            "questionnaire": questionnaire.id,
            "questionnaire_version": questionnaire.version,
            "client": {"name": "=cmd|' /C calc'!A0", "scope": "\tscope"},
            "answers": {"B.CHG.01": hostile},
            "roles": {"sms_owner": "=2*3"},
            "matrix": [{"item": "-item", "area": "B.CHG", "assign": {"=P": "P"}}],
        }
    )
    data = workbook_bytes(catalogue, questionnaire, language=EN, answers=answers)
    workbook = load(data)
    ws = workbook["B.CHG Change management"]
    row = row_of(ws, "B.CHG.01")
    expected = {
        "notes": hostile["notes"],
        "evidence": "@SUM(A1)\n=1+1",
        "owner": "+1",
        "justification": "-2",
    }
    for key, value in expected.items():
        cell = ws.cell(row=row, column=column_of(ws, key))
        assert (cell.value, cell.data_type) == (value, "s"), key
        assert cell.quotePrefix, key
    name = workbook["Client profile"]["C4"]
    assert (name.value, name.data_type) == ("=cmd|' /C calc'!A0", "s")
    assert workbook["Roles"]["C4"].value == "=2*3"
    assert workbook["Responsibility matrix"]["C3"].value == "=P"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for part in archive.namelist():
            if part.startswith("xl/worksheets/sheet"):
                assert b"<f>" not in archive.read(part), part


def test_same_inputs_same_bytes(
    catalogue: Catalogue, questionnaire: Questionnaire, example: AnswerFile, blank_en: bytes
) -> None:
    assert workbook_bytes(catalogue, questionnaire, language=EN) == blank_en
    first = workbook_bytes(catalogue, questionnaire, language=ZH, answers=example)
    assert workbook_bytes(catalogue, questionnaire, language=ZH, answers=example) == first
    properties = load(first).properties
    assert properties.creator == "readiness"
    assert properties.created == dt.datetime(2026, 11, 2)
    assert load(blank_en).properties.modified == dt.datetime(2000, 1, 1)
