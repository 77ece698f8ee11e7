"""A saved assessment.json given to ``plan``, ``compare`` or ``--baseline`` is input like any
other: one inconsistent file per kind of inconsistency, each refused with the file and place;
and our own largest assessment.json is read back."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner, Result

from readiness.cli.app import app
from tests.conftest import EXAMPLE

runner = CliRunner()


def invoke(*args: str) -> Result:
    return runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "10000"})


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("saved")
    assert invoke("assess", str(EXAMPLE), "-o", str(out), "-q", "--format", "json").exit_code == 0
    document: dict[str, Any] = json.loads((out / "assessment.json").read_text(encoding="utf-8"))
    return document


def first_capable(document: dict[str, Any]) -> dict[str, Any]:
    return next(a for a in document["areas"] if a.get("capability"))


Change = Callable[[dict[str, Any]], None]
# (name, change, place and message expected after the file's name); the file is written with
# indent=2, so a place's line is found by the test from the text itself.
CASES: list[tuple[str, Change, str]] = [
    ("unknown-requirement", lambda d: d["requirements"][0].update(id="R-99.9-01"),
     "requirements → 0 → id: 'R-99.9-01' is not a requirement of ISO/IEC 20000-1:2018"),
    ("wrong-clause", lambda d: d["requirements"][0].update(clause="8.1"),
     "requirements → 0 → clause: requirement R-4.1-01 is under clause 4.1, not 8.1"),
    ("unknown-area", lambda d: d["requirements"][0].update(area="B.XYZ"),
     "requirements → 0 → area: 'B.XYZ' is not an area of ISO/IEC 20000-1:2018"),
    ("wrong-weight", lambda d: d["requirements"][0].update(weight=1000),
     "requirements → 0 → weight: requirement R-4.1-01 has weight 2, not 1000"),
    ("negative-weight", lambda d: d["requirements"][0].update(weight=-3),
     "requirements → 0 → weight: requirement R-4.1-01 has weight 2, not -3"),
    ("score-over-100", lambda d: d["requirements"][0].update(score=150.0),
     "requirements → 0 → score: score 150.0 is not between 0 and 100"),
    ("score-negative", lambda d: d["overall"].update(score=-5.0),
     "overall → score: score -5.0 is not between 0 and 100"),
    ("unknown-clause-group", lambda d: d["clauses"][0].update(id="42"),
     "clauses → 0 → id: '42' is not a clause of ISO/IEC 20000-1:2018"),
    ("unknown-area-group", lambda d: d["areas"][0].update(id="Z.ZZZ"),
     "areas → 0 → id: 'Z.ZZZ' is not an area of ISO/IEC 20000-1:2018"),
    ("huge-group-weight", lambda d: d["parts"][0].update(weight=10**9),
     "parts → 0 → weight: weight 1000000000 is not a sum of weights"),
    ("finding-unknown-clause", lambda d: d["findings"][0].update(clause="99.1"),
     "findings → 0 → clause: '99.1' is not a clause of ISO/IEC 20000-1:2018"),
    ("blocker-unknown-requirement", lambda d: d["blockers"][0].update(requirement="R-0-00"),
     "blockers → 0 → requirement: 'R-0-00' is not a requirement of ISO/IEC 20000-1:2018"),
    ("target-out-of-range", lambda d: d.update(target_score=500.0),
     "target_score: score 500.0 is not between 0 and 100"),
    ("capability-level-7", lambda d: first_capable(d)["capability"].update(level=7),
     "capability → level: Input should be less than or equal to 5 (found 7)"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "change", "expected"), CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("command", ["plan", "compare", "baseline"])
def test_an_inconsistent_saved_assessment_is_refused_with_its_place(
    tmp_path: Path,
    saved: dict[str, Any],
    name: str,
    change: Change,
    expected: str,
    command: str,
) -> None:
    document = json.loads(json.dumps(saved))
    change(document)
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False), encoding="utf-8")
    out = str(tmp_path / "out")
    args = {
        "plan": ["plan", str(path), "-o", out, "-q"],
        "compare": ["compare", str(path), str(EXAMPLE), "-o", out, "-q"],
        "baseline": ["assess", str(EXAMPLE), "--baseline", str(path), "-o", out, "-q"],
    }[command]
    result = invoke(*args)
    assert result.exit_code == 3, result.output
    assert result.output.startswith(f"error: {path}: line "), result.output
    assert expected in result.output, result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_our_own_largest_assessment_is_read_back(tmp_path: Path) -> None:
    document = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    for qid, answer in list(document["answers"].items()):
        answer = answer if isinstance(answer, dict) else {"rating": answer}
        answer.update(notes="n" * 5000, owner="o" * 300)
        answer["evidence"] = [f"{i:02d}" + "e" * 298 for i in range(50)]
        document["answers"][qid] = answer
    answers = tmp_path / "long.yaml"
    answers.write_text(yaml.safe_dump(document, allow_unicode=True, width=10**9), "utf-8")
    assert answers.stat().st_size < 5 * 2**20
    out = tmp_path / "out"
    assert invoke("assess", str(answers), "-o", str(out), "-q", "--format", "json").exit_code == 0
    written = out / "assessment.json"
    assert written.stat().st_size > 5 * 2**20  # past the limit on answer files
    result = invoke("plan", str(written), "-o", str(tmp_path / "plan"), "-q", "--format", "json")
    assert result.exit_code == 0, result.output
    result = invoke("compare", str(written), str(answers), "-o", str(tmp_path / "c"), "-q")
    assert result.exit_code == 0, result.output
