"""`validate` lists every problem of a file at once: schema errors (a bad rating, a wrong type)
and unknown references (question ids, figures, processes, categories) in one message, in
file order, so that the client corrects the file in one round instead of two."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from readiness.errors import InputError
from readiness.inputs.answers import load_answer_file
from tests.hostile.make_zip import example_workbook, part, rezip, set_cell, sheet_part, text_cell

HEAD = 'questionnaire: readiness-iso20000-2018\nquestionnaire_version: "1.0"\nclient:\n'


def problems(path: Path, questionnaire, catalogue) -> list[str]:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as caught:
        load_answer_file(path, questionnaire, catalogue)
    return [str(problem) for problem in caught.value.problems]


def test_schema_and_reference_problems_in_one_message(
    write_yaml: Callable[..., Path], questionnaire, catalogue
) -> None:
    path = write_yaml(
        HEAD
        + "  name: Acme\n"  # 4
        + "  business_categories: [cloud]\n"  # 5: unknown category
        + "  personnel_in_scope: many\n"  # 6: wrong type
        + "answers:\n"  # 7
        + "  B.SLM.01: mostly\n"  # 8: bad rating
        + "  B.SLM.99: L\n"  # 9: unknown question
        + "  C.AST.03: {rating: NA}\n"  # 10: NA without justification
        + "capability: {B.CHG: {PA1.1: F}, B.XYZ: {PA2.1: L}}\n"  # 11: two references
        + "figures: {emergency_change_share: 150, uptime: 5, trial_run_months: soon}\n"  # 12
        + "roles: {process_owners: {B.NOPE: Zhao Lei}}\n"  # 13
    )
    assert problems(path, questionnaire, catalogue) == [
        "line 5, client → business_categories → 0: 'cloud' is not one of the 14 business "
        "categories (see 'readiness schema')",
        "line 6, client → personnel_in_scope: Input should be a valid integer, unable to parse "
        "string as an integer (found 'many')",
        "line 8, answers → B.SLM.01 → rating: 'mostly' is not a rating; use N, P, L, F or NA",
        "line 9, answers → B.SLM.99: 'B.SLM.99' is not a question of this questionnaire",
        "line 10, answers → C.AST.03: NA needs a justification: say why the requirement does "
        "not apply",
        "line 11, capability → B.CHG → PA1.1: PA1.1 is rated from the process's answers; "
        "leave it out",
        "line 11, capability → B.XYZ: 'B.XYZ' is not a process of Part B",
        "line 12, figures → trial_run_months: 'soon' is not a number, nor yes or no",
        "line 12, figures → emergency_change_share: 150 is not a percentage between 0 and 100",
        "line 12, figures → uptime: 'uptime' is not a figure of this questionnaire",
        "line 13, roles → process_owners → B.NOPE: 'B.NOPE' is not a process of Part B",
    ]


def test_a_valid_file_with_unknown_ids_only_is_still_refused(
    write_yaml: Callable[..., Path], questionnaire, catalogue
) -> None:
    path = write_yaml(HEAD + "  name: Acme\nanswers:\n  B.SLM.99: L\n")
    assert problems(path, questionnaire, catalogue) == [
        "line 6, answers → B.SLM.99: 'B.SLM.99' is not a question of this questionnaire"
    ]


def test_a_workbook_gets_both_kinds_in_one_message(
    tmp_path: Path, questionnaire, catalogue
) -> None:
    data = example_workbook()
    name = sheet_part("A ")
    xml = set_cell(part(data, name), "E5", text_cell("E5", "Mostly"))
    xml = set_cell(xml, "A6", text_cell("A6", "A.CTX.99"))
    path = tmp_path / "answers.xlsx"
    path.write_bytes(rezip(data, {name: xml}))
    assert problems(path, questionnaire, catalogue) == [
        "sheet 'A Management system', cell E5: 'Mostly' is not a rating; use N, P, L, F or NA",
        "sheet 'A Management system', cell A6: 'A.CTX.99' is not a question of this questionnaire",
    ]
