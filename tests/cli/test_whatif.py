"""``readiness whatif``: the table, the target option, whatif.json, refusals."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_app import invoke
from tests.conftest import EXAMPLE


def test_whatif_prints_the_verdict_and_every_area(tmp_path: Path) -> None:
    result = invoke("whatif", str(EXAMPLE), "--target", "70", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "Not ready" in result.output and "Ready after minor fixes" in result.output
    assert "Readiness precondition not met" in result.output  # said, not hidden
    assert "C.DEM" in result.output and "already met" in result.output
    data = json.loads((tmp_path / "whatif.json").read_text(encoding="utf-8"))
    assert data["target"] == 70
    assert data["verdict"]["status"] == "unreachable"
    demand = next(p for p in data["processes"] if p["area"] == "C.DEM")
    assert demand["status"] == "reached" and demand["score_after"] >= 70


def test_whatif_in_chinese() -> None:
    result = invoke("whatif", str(EXAMPLE), "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert "这些回答改进已消除所有由回答决定的原因" in result.output
    assert "已达到" in result.output  # B.ISM, B.INC and C.SRQ are above 85 already
    assert "尚不具备认证条件" in result.output


def test_whatif_refuses_a_bad_target_and_several_clients() -> None:
    assert invoke("whatif", str(EXAMPLE), "--target", "120").exit_code == 2
    assert invoke("whatif", str(EXAMPLE), str(EXAMPLE)).exit_code == 2


def test_assess_with_whatif_adds_the_section_and_whatif_json(tmp_path: Path) -> None:
    result = invoke(
        "assess", str(EXAMPLE), "-o", str(tmp_path), "--format", "json,md", "-q", "--whatif"
    )
    assert result.exit_code == 0, result.output
    assert "## What-if: the least to change to reach the target" in (
        tmp_path / "report.md"
    ).read_text(encoding="utf-8")
    data = json.loads((tmp_path / "whatif.json").read_text(encoding="utf-8"))
    assert data["target"] == 85 and len(data["processes"]) == 29
    quiet = tmp_path / "without"
    result = invoke("assess", str(EXAMPLE), "-o", str(quiet), "--format", "json", "-q")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in quiet.iterdir()) == ["assessment.json"]


def test_whatif_needs_answers_not_a_saved_assessment(tmp_path: Path) -> None:
    assert (
        invoke("assess", str(EXAMPLE), "-o", str(tmp_path), "--format", "json", "-q").exit_code == 0
    )
    result = invoke("whatif", str(tmp_path / "assessment.json"))
    assert result.exit_code == 2
    assert "needs the answer file" in result.output
