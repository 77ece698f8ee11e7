"""Answers carried from a certified ISO/IEC 27001 or ISO 9001 system: which questions, how
they are marked in the exported questionnaire, and that unconfirmed they never raise a score."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from readiness.data.catalogue import load_scoring
from readiness.inputs.answers import load_answer_file
from readiness.models.answers import AnswerFile, Certificate, Client
from readiness.models.catalogue import Catalogue
from readiness.models.questionnaire import Questionnaire
from readiness.scoring.assess import assess
from readiness.scoring.carried import carried_answers, shared_requirements
from tests.cli.test_app import invoke

CERTIFIED = Client(
    name="Certified Ltd",
    certificates=[
        Certificate(
            standard="iso27001",
            scope="Information security of the hosting platform",
            number="IS 2024-0815",
            expires=dt.date(2027, 6, 30),
        )
    ],
)
PROFILE = """\
client:
  name: Certified Ltd
  certificates:
    - {standard: "ISO/IEC 27001:2022", scope: "Information security of the hosting platform",
       number: "IS 2024-0815", expires: 2027-06-30}
"""


def shared_with(questionnaire: Questionnaire, standard: str) -> set[str]:
    return {q.id for q in questionnaire.questions() if standard in q.shared_with}


def test_only_the_shared_harmonized_questions_are_carried(questionnaire: Questionnaire) -> None:
    carried = carried_answers(questionnaire, CERTIFIED)
    assert set(carried) == shared_with(questionnaire, "iso27001")
    assert len(carried) == 57
    assert {"A.CTX.01", "A.PLAN.02", "A.PERF.05", "A.IMP.01"} <= set(carried)
    # about services, or clause 8: never carried
    assert not {"A.CTX.05", "A.PLAN.09", "A.PERF.02", "A.OPS.01", "B.SLM.01"} & set(carried)
    answer = carried["A.CTX.01"]
    assert (answer.rating, answer.documented, answer.practised) == ("L", "yes", "yes")
    assert answer.carried_from == "iso27001" and answer.confirmed is False
    assert answer.evidence == ["ISO/IEC 27001 certificate IS 2024-0815, valid until 2027-06-30"]
    quality = Client(name="Q", certificates=[Certificate(standard="iso9001")])
    assert "A.PLAN.02" not in carried_answers(questionnaire, quality)  # risk criteria: 27001's
    assert shared_requirements(questionnaire)["R-9.2-01"] == ["iso27001", "iso9001"]


def test_the_exported_questionnaire_is_prefilled_and_marked(tmp_path: Path) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text(PROFILE, encoding="utf-8")
    for lang, mark in (
        ("en", "# carried from the ISO/IEC 27001 system — confirm"),
        ("zh", "# 沿用自 ISO/IEC 27001 体系——请确认"),
    ):
        target = tmp_path / f"q-{lang}.yaml"
        result = invoke(
            "questionnaire", "export", "-o", str(target), "--profile", str(profile), "--lang", lang
        )
        assert result.exit_code == 0, result.output
        text = target.read_text(encoding="utf-8")
        marked = [line for line in text.splitlines() if line.endswith(mark)]
        assert len(marked) == 57
        assert marked[0].startswith("  A.CTX.01: {rating: L, documented: 'yes', practised: 'yes'")
        assert "confirmed: 'no'" in marked[0] and "carried_from: iso27001" in marked[0]
        data = yaml.safe_load(text)
        assert data["client"]["certificates"][0]["number"] == "IS 2024-0815"


def test_the_exported_workbook_is_prefilled_marked_and_read_back(
    tmp_path: Path, questionnaire: Questionnaire, catalogue: Catalogue
) -> None:
    from openpyxl import load_workbook

    profile = tmp_path / "profile.yaml"
    profile.write_text(PROFILE, encoding="utf-8")
    target = tmp_path / "q.xlsx"
    result = invoke("questionnaire", "export", "-o", str(target), "--profile", str(profile))
    assert result.exit_code == 0, result.output
    sheet = next(ws for ws in load_workbook(target).worksheets if ws["B1"].value == "questions")
    header = [c.value for c in sheet[3]]
    assert header[-2:] == ["Carried from", "Confirmed"]
    first = next(
        row for row in sheet.iter_rows(min_row=4, values_only=True) if row[0] == "A.CTX.01"
    )
    assert first[4] == "L" and first[-2:] == (
        "carried from the ISO/IEC 27001 system — confirm",
        "no",
    )
    answers = load_answer_file(target, questionnaire, catalogue)
    assert answers.client.certificates == CERTIFIED.certificates
    carried = answers.answers["A.CTX.01"]
    assert carried.carried_from == "iso27001" and carried.confirmed is False
    assert "A.CTX.05" not in answers.answers


def test_unconfirmed_carried_answers_are_reported_and_score_as_unanswered(
    questionnaire: Questionnaire, catalogue: Catalogue
) -> None:
    config = load_scoring()
    carried = carried_answers(questionnaire, CERTIFIED)
    answers = AnswerFile(
        questionnaire=questionnaire.id,
        questionnaire_version=questionnaire.version,
        client=CERTIFIED,
        answers=carried,
    )
    result = assess(answers, catalogue, questionnaire, config)
    assert [u.question for u in result.unconfirmed] == list(carried)
    assert result.unconfirmed[0].standard == "iso27001" and result.unconfirmed[0].rating == "L"
    # nothing else is answered: every requirement scores 0, the carried answers included
    assert result.overall.score == 0.0
    by_id = {r.id: r for r in result.requirements}
    assert by_id["R-4.2-01"].score == 0.0 and "unanswered" in by_id["R-4.2-01"].flags
    assert "A.CTX.03" in result.completeness.unanswered
    # confirmed, A.CTX.03 (the only question of R-4.2-01) counts: L = 67.5, documented and
    # practised, so no cap applies
    confirmed = {**carried, "A.CTX.03": carried["A.CTX.03"].model_copy(update={"confirmed": True})}
    again = assess(
        answers.model_copy(update={"answers": confirmed}), catalogue, questionnaire, config
    )
    assert {r.id: r for r in again.requirements}["R-4.2-01"].score == 67.5
    assert "A.CTX.03" not in [u.question for u in again.unconfirmed]


def test_an_unconfirmed_answer_never_raises_a_score(
    example: AnswerFile, questionnaire: Questionnaire, catalogue: Catalogue
) -> None:
    config = load_scoring()
    shared = shared_with(questionnaire, "iso27001") & set(example.answers)
    marked = {
        q: a.model_copy(update={"carried_from": "iso27001"}) if q in shared else a
        for q, a in example.answers.items()
    }
    unconfirmed = assess(
        example.model_copy(update={"answers": marked}), catalogue, questionnaire, config
    )
    left_out = {q: a for q, a in example.answers.items() if q not in shared}
    unanswered = assess(
        example.model_copy(update={"answers": left_out}), catalogue, questionnaire, config
    )
    shipped = assess(example, catalogue, questionnaire, config)
    assert unconfirmed.overall.score_exact == unanswered.overall.score_exact
    assert [r.score_exact for r in unconfirmed.requirements] == [
        r.score_exact for r in unanswered.requirements
    ]
    assert (unconfirmed.overall.score_exact or 0) <= (shipped.overall.score_exact or 0)
    assert len(unconfirmed.unconfirmed) == len(shared)


def test_the_report_lists_the_unconfirmed_answers(tmp_path: Path) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text(PROFILE, encoding="utf-8")
    answers = tmp_path / "q.yaml"
    invoke("questionnaire", "export", "-o", str(answers), "--profile", str(profile))
    out = tmp_path / "r"
    for lang in ("en", "zh"):
        result = invoke("assess", str(answers), "-o", str(out), "-q", "--lang", lang,
                        "--format", "md,html,xlsx")  # fmt: skip
        assert result.exit_code == 0, result.output
        markdown = (out / "report.md").read_text(encoding="utf-8")
        heading = "### Carried answers not yet confirmed (57)" if lang == "en" else (
            "### 尚未确认的沿用回答 (57)")  # fmt: skip
        assert heading in markdown
        assert "ISO/IEC 27001, certificate IS 2024-0815, expires 2027-06-30" in markdown or (
            "ISO/IEC 27001, 证书编号 IS 2024-0815, 有效期至 2027-06-30" in markdown
        )
        assert 'id="carried"' in (out / "report.html").read_text(encoding="utf-8")
        from openpyxl import load_workbook

        apart = load_workbook(out / "report.xlsx")["单独计数" if lang == "zh" else "Counted apart"]
        kinds = [r[0] for r in apart.iter_rows(values_only=True) if r[1] == "A.CTX.01"]
        # unanswered (as it is scored) and unconfirmed (why)
        unconfirmed = "尚未确认的沿用回答" if lang == "zh" else "Carried answers not yet confirmed"
        assert len(kinds) == 2 and unconfirmed in kinds
