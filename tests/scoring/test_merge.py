"""Several respondents of one client: the lower rating wins, disagreements are listed."""

from __future__ import annotations

import pytest

from readiness.errors import InputError
from readiness.models.answers import AnswerFile
from readiness.models.common import Extent, Rating
from readiness.scoring.merge import merge_answers


def answers(name: str = "Acme", **data: object) -> AnswerFile:
    return AnswerFile.model_validate(
        {"questionnaire": "q", "questionnaire_version": "1", "client": {"name": name}, **data}
    )


def test_lowest_rating_wins_and_disagreements_are_listed() -> None:
    it = answers(
        answers={
            "B.CHG.01": {
                "rating": "F",
                "documented": "yes",
                "practised": "yes",
                "evidence": ["A"],
                "notes": "ok",
            },
            "B.CHG.02": "L",
            "C.AST.01": {"rating": "NA", "justification": "No assets"},
        },
        capability={"B.CHG": {"PA2.1": "F"}},
        figures={"emergency_change_share": 30},
        roles={"sms_owner": "Li"},
    )
    ops = answers(
        answers={
            "B.CHG.01": {
                "rating": "P",
                "documented": "yes",
                "practised": "partly",
                "evidence": ["A", "B"],
                "notes": "CAB rarely meets",
            },
            "B.CHG.02": "L",
            "C.AST.01": "P",
        },
        capability={"B.CHG": {"PA2.1": "L"}},
        figures={"emergency_change_share": 64},
        roles={"process_owners": {"B.CHG": "Zhao"}},
    )
    merged, disagreements = merge_answers([("it.xlsx", it), ("ops.xlsx", ops)])
    change = merged.answers["B.CHG.01"]
    assert (change.rating, change.documented, change.practised) == (
        Rating.P,
        Extent.YES,
        Extent.PARTLY,
    )
    assert change.evidence == ["A", "B"]
    assert change.notes == "it.xlsx: ok\nops.xlsx: CAB rarely meets"
    assert merged.answers["B.CHG.02"].rating is Rating.L
    assert merged.answers["C.AST.01"].rating is Rating.P  # NA counts only if everyone says NA
    assert merged.capability == {"B.CHG": {"PA2.1": Rating.L}}
    assert merged.figures == {"emergency_change_share": 30}
    assert (merged.roles.sms_owner, merged.roles.process_owners) == ("Li", {"B.CHG": "Zhao"})
    assert [(d.subject, d.field, d.values, d.merged) for d in disagreements] == [
        ("B.CHG.01", "rating", {"it.xlsx": "F", "ops.xlsx": "P"}, "P"),
        ("B.CHG.01", "practised", {"it.xlsx": "yes", "ops.xlsx": "partly"}, "partly"),
        ("C.AST.01", "rating", {"it.xlsx": "NA", "ops.xlsx": "P"}, "P"),
        ("B.CHG PA2.1", "rating", {"it.xlsx": "F", "ops.xlsx": "L"}, "L"),
        ("emergency_change_share", "figure", {"it.xlsx": "30", "ops.xlsx": "64"}, "30"),
    ]


def test_all_na_stays_na_with_both_justifications() -> None:
    merged, _ = merge_answers([
        ("a", answers(answers={"B.SUP.07": {"rating": "NA", "justification": "No internal suppliers"}})),
        ("b", answers(answers={"B.SUP.07": {"rating": "na", "justification": "All external"}})),
    ])  # fmt: skip
    assert merged.answers["B.SUP.07"].rating is Rating.NA
    assert merged.answers["B.SUP.07"].justification == "a: No internal suppliers\nb: All external"


def test_matrix_rows_of_the_same_item_are_combined() -> None:
    merged, _ = merge_answers([
        ("a", answers(matrix=[{"item": "Approve RFCs", "assign": {"Zhao": "P"}}])),
        ("b", answers(matrix=[{"item": "approve rfcs", "area": "B.CHG", "assign": {"Sun": "B"}},
                              {"item": "Record incidents", "assign": {"Zhang": "P"}}])),
    ])  # fmt: skip
    assert [(r.item, r.area, r.assign) for r in merged.matrix] == [
        ("Approve RFCs", "B.CHG", {"Zhao": "P", "Sun": "B"}),
        ("Record incidents", None, {"Zhang": "P"}),
    ]


def test_different_clients_are_not_merged() -> None:
    with pytest.raises(InputError, match=r"'Other Co' is not the client of a\.yaml"):
        merge_answers([("a.yaml", answers("Acme")), ("b.yaml", answers("Other Co"))])
