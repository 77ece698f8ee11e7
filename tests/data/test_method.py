"""A consultant's method folder merged over the shipped data: scores as hand-computed, every
bad file named with its line, the method recorded, and the shipped path left as it was."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from readiness.data.labels import labels, use_method_labels
from readiness.errors import InputError
from readiness.jobs.assess import assess_files
from readiness.jobs.context import Data, load_data
from readiness.jobs.method import init_method
from readiness.language import Language
from readiness.models.assessment import Assessment
from tests.conftest import EXAMPLE

METHOD = """\
id: acme-method
name: {en: "Acme readiness method", zh: "Acme 准备度评估方法"}
version: "2.1"
author: Acme Consulting
"""

QUESTIONS = """\
areas:
  - area: C.KNOW
    questions:
      - id: C.KNOW.90
        text: {en: "Is the knowledge base reviewed each quarter?", zh: "知识库是否每季度评审？"}
        guidance: {en: "F: quarterly review records.", zh: "F：有季度评审记录。"}
        evidence: {en: "Review minutes.", zh: "评审纪要。"}
        covers: [R-7.6-01]
      - id: C.KNOW.91
        text: {en: "Do staff use the knowledge base?", zh: "员工是否使用知识库？"}
        guidance: {en: "F: usage statistics.", zh: "F：有使用统计。"}
        evidence: {en: "Usage report.", zh: "使用报告。"}
        covers: [R-7.6-02]
"""

WEIGHTS = "weights:\n  R-7.6-01: 3\n"

SCALE = """\
steps:
  - {id: N, band: N, value: 0, name: {en: "Not achieved", zh: "未实现"}}
  - {id: P-, band: P, value: 0.2375, name: {en: "Partially (low)", zh: "部分实现（低）"}}
  - {id: P+, band: P, value: 0.4125, name: {en: "Partially (high)", zh: "部分实现（高）"}}
  - {id: L-, band: L, value: 0.5875, name: {en: "Largely (low)", zh: "大部分实现（低）"}}
  - {id: L+, band: L, value: 0.7625, name: {en: "Largely (high)", zh: "大部分实现（高）"}}
  - {id: F, band: F, value: 1, name: {en: "Fully achieved", zh: "完全实现"}}
"""

ANSWERS = """\
questionnaire: readiness-iso20000-2018
questionnaire_version: "1.0"
assessed_on: 2026-11-02
client: {name: Knowledge Ltd}
answers:
  C.KNOW.01: L+
  C.KNOW.90: p-
  C.KNOW.02: F
  C.KNOW.03: "L−"
  C.KNOW.91: P+
"""


@pytest.fixture(autouse=True)
def _shipped_labels() -> Iterator[None]:
    yield
    use_method_labels({})  # a method's labels must not leak into other tests


def write_method(folder: Path, **files: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    contents = {"method.yaml": METHOD, **{f"{k}.yaml": v for k, v in files.items()}}
    for name, text in contents.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def assessed(data: Data, answers: Path) -> Assessment:
    return assess_files([answers], data)


def test_two_questions_a_weight_and_a_finer_scale_score_as_hand_computed(tmp_path: Path) -> None:
    folder = write_method(tmp_path / "m", questions=QUESTIONS, weights=WEIGHTS, scale=SCALE)
    answers = tmp_path / "answers.yaml"
    answers.write_text(ANSWERS, encoding="utf-8")
    data = load_data(method=folder)
    result = assessed(data, answers)
    by_id = {r.id: r for r in result.requirements}

    # R-7.6-01 is covered by C.KNOW.01 (L+ = 76.25) and the method's C.KNOW.90 (P- = 23.75):
    # (76.25 + 23.75) / 2 = 50.0, at the minor threshold (<= 50): a minor nonconformity.
    first = by_id["R-7.6-01"]
    assert [(c.question, c.grade, c.rating, c.value) for c in first.contributions] == [
        ("C.KNOW.01", "L+", "L", 76.25),
        ("C.KNOW.90", "P-", "P", 23.75),
    ]
    assert first.score == 50.0 and first.finding == "minor" and first.weight == 3
    # R-7.6-02: C.KNOW.02 (F = 100) and the method's C.KNOW.91 (P+ = 41.25); C.KNOW.03 (L- =
    # 58.75) asks about good practice: shown, never scored. (100 + 41.25) / 2 = 70.625: an
    # observation (> 50, <= 85).
    second = by_id["R-7.6-02"]
    assert [(c.question, c.grade, c.value, c.practice) for c in second.contributions] == [
        ("C.KNOW.02", "F", 100.0, False),
        ("C.KNOW.03", "L-", 58.75, True),
        ("C.KNOW.91", "P+", 41.25, False),
    ]
    assert second.score_exact == 70.625
    assert second.finding == "observation" and second.weight == 2
    # C.KNOW weighs R-7.6-01 at 3 (the method's weight, not the shipped 2) and R-7.6-02 at 2:
    # (3 × 50 + 2 × 70.625) / (3 + 2) = (150 + 141.25) / 5 = 291.25 / 5 = 58.25
    area = next(a for a in result.areas if a.id == "C.KNOW")
    assert area.weight == 5
    assert area.score_exact == pytest.approx(58.25)
    assert area.score == 58.2  # shown to one decimal, rounded half to even
    assert result.source.method is not None and result.source.method.label() == "acme-method 2.1"
    assert result.source.rating_values == {
        "N": 0.0, "P-": 23.75, "P+": 41.25, "L-": 58.75, "L+": 76.25, "F": 100.0
    }  # fmt: skip
    assert data.questionnaire.has_question("C.KNOW.91")
    assert data.questionnaire.covering("R-7.6-01") == ("C.KNOW.01", "C.KNOW.90")


def test_the_same_answers_without_the_method_score_as_shipped(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    shipped = ANSWERS.split("answers:")[0] + "answers:\n  C.KNOW.01: L\n  C.KNOW.02: F\n"
    answers.write_text(shipped + "  C.KNOW.03: L\n", encoding="utf-8")
    result = assessed(load_data(), answers)
    area = next(a for a in result.areas if a.id == "C.KNOW")
    # R-7.6-01: L = 67.5; R-7.6-02: F = 100 (C.KNOW.03 is good practice); both weigh 2:
    # (2 × 67.5 + 2 × 100) / 4 = 83.75
    assert area.score_exact == pytest.approx(83.75)
    assert result.source.method is None
    assert "method" not in json.loads(result.model_dump_json())["source"]


def test_a_finer_scale_refuses_a_bare_band_naming_its_ratings(tmp_path: Path) -> None:
    folder = write_method(tmp_path / "m", scale=SCALE)
    answers = tmp_path / "answers.yaml"
    answers.write_text(ANSWERS.replace("C.KNOW.02: F", "C.KNOW.02: P"), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        assessed(load_data(method=folder), answers)
    message = str(caught.value)
    assert "line 8, answers → C.KNOW.02 → rating: 'P' is not a rating of this method" in message
    assert "use N, P-, P+, L-, L+, F or NA" in message


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("weights", "weights:\n  R-7.6-01: 3\n  R-9.9-99: 2\n",
         "weights.yaml: line 3, weights → R-9.9-99: requirement R-9.9-99 is not in the catalogue"),
        ("weights", "weights:\n  R-7.6-01: 5\n", "weights.yaml: line 2, weights → R-7.6-01"),
        ("questions", QUESTIONS.replace("covers: [R-7.6-02]", "covers: [R-7.6-09]"),
         "questions.yaml: line 13, areas → 0 → questions → 1 → covers → 0: requirement R-7.6-09"
         " is not in the catalogue"),
        ("questions", QUESTIONS.replace("area: C.KNOW", "area: C.WHAT"),
         "line 2, areas → 0 → area: area C.WHAT is not in the catalogue"),
        ("scale", SCALE.replace("value: 0.4125", "value: 0.6"),
         "scale.yaml: line 4, steps → 2: P+: value 0.6 is outside band P (>0.15–0.5)"),
        ("labels", "en:\n  report_title: Ours\n  no_such_label: x\n",
         "labels.yaml: line 3, en → no_such_label: 'no_such_label' is not a label of readiness"),
        ("rules", "rules:\n  - id: IND-X\n    figure: nothing_like_it\n    when: [{op: gt, value: 0}]\n"
         "    finding: minor\n    requirements: [R-7.6-01]\n    message: {en: a, zh: 甲}\n"
         "    recommendation: {en: b, zh: 乙}\n",
         "rules.yaml: line 3, rules → 0 → figure: figure nothing_like_it is not asked for"),
        ("scoring", "findings: {major: 60, minor: 50, observation: 85}\n",
         "scoring.yaml: line 1, findings: thresholds must rise"),
    ],
)  # fmt: skip
def test_a_bad_method_file_names_file_and_line(
    tmp_path: Path, name: str, content: str, expected: str
) -> None:
    folder = write_method(tmp_path / "m", **{name: content})
    with pytest.raises(InputError) as caught:
        load_data(method=folder)
    assert expected in str(caught.value).replace(str(folder) + "/", "").replace(
        str(folder) + "\\", ""
    )


def test_a_method_needs_its_description_and_only_its_files(tmp_path: Path) -> None:
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "weights.yaml").write_text(WEIGHTS, encoding="utf-8")
    with pytest.raises(InputError, match=r"needs a method\.yaml"):
        load_data(method=folder)
    write_method(folder)
    (folder / "weight.yaml").write_text(WEIGHTS, encoding="utf-8")
    with pytest.raises(InputError, match=r"weight\.yaml: not a file of a method"):
        load_data(method=folder)
    (folder / "weight.yaml").unlink()
    (folder / "method.yaml").write_text(METHOD.replace("version", "versoin"), encoding="utf-8")
    with pytest.raises(InputError, match="line 3, versoin: 'versoin' is not a known key here"):
        load_data(method=folder)


def test_method_labels_are_shown_and_then_ours_again(tmp_path: Path) -> None:
    folder = write_method(tmp_path / "m", labels="zh:\n  report_title: 我司差距报告\n")
    load_data(method=folder)
    assert labels(Language.ZH)["report_title"] == "我司差距报告"
    assert labels(Language.EN)["report_title"].startswith("ISO/IEC 20000-1")
    load_data()
    assert labels(Language.ZH)["report_title"] == "ISO/IEC 20000-1 认证准备度差距分析报告"


def test_init_writes_a_starting_point_that_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "start"
    written = init_method(folder)
    assert sorted(p.name for p in written) == sorted(
        ["method.yaml", "questions.yaml", "weights.yaml", "scale.yaml", "scoring.yaml",
         "rules.yaml", "labels.yaml", "plan.yaml"]
    )  # fmt: skip
    for path in written:  # every file explains itself in English, with the Chinese name
        head = path.read_text(encoding="utf-8").splitlines()[0]
        assert head.startswith("# ")
    assert "(评级标度)" in (folder / "scale.yaml").read_text(encoding="utf-8")
    with_method = assess_files([EXAMPLE], load_data(method=folder))
    shipped = assess_files([EXAMPLE], load_data())
    assert with_method.overall.score_exact == shipped.overall.score_exact
    assert [r.score_exact for r in with_method.requirements] == [
        r.score_exact for r in shipped.requirements
    ]
    assert with_method.source.method is not None
    from readiness.errors import OutputError

    with pytest.raises(OutputError, match="give --force"):
        init_method(folder)
    assert init_method(folder, force=True)


def test_the_commented_examples_of_init_are_valid_when_uncommented(tmp_path: Path) -> None:
    folder = tmp_path / "start"
    init_method(folder)
    for name in ("weights", "questions", "scoring", "rules", "labels", "plan", "scale"):
        path = folder / f"{name}.yaml"
        lines = path.read_text(encoding="utf-8").splitlines()
        example = _example(lines)
        assert example, name
        path.write_text("\n".join(example) + "\n", encoding="utf-8")
    data = load_data(method=folder)  # every example validates against the shipped data
    assert data.questionnaire.scale is not None and len(data.questionnaire.scale.steps) == 6
    assert data.catalogue.requirement("R-9.2-01").weight == 3
    assert data.questionnaire.has_question("B.CHG.90")
    assert data.plan_config == folder.resolve() / "plan.yaml"


def _example(lines: list[str]) -> list[str]:
    """The commented example of a starter file: from the first ``# key:`` line after a blank
    comment line to the next blank comment line."""
    out: list[str] = []
    for index, line in enumerate(lines):
        body = line[2:] if line.startswith("# ") else None
        if not out:
            if body is not None and re.match(r"[a-z_]+:( |$)", body) and lines[index - 1] == "#":
                out.append(body)
            continue
        if line in ("#", "") or not line.startswith("# "):
            break
        out.append(body or "")
    return out
