"""``readiness plan`` and ``readiness assess --plan``: files, scenarios, dates, clean errors."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from readiness.jobs.plan import first_monday_after
from readiness.outputs.plan import PLAN_FILES, PlanFormat
from tests.cli.test_app import invoke
from tests.conftest import EXAMPLE


def test_every_plan_format_maps_to_a_file() -> None:
    assert set(PLAN_FILES) == set(PlanFormat)


def test_plan_from_answers_and_from_a_saved_assessment(tmp_path: Path) -> None:
    from_answers = tmp_path / "a"
    result = invoke(
        "plan",
        str(EXAMPLE),
        "-o",
        str(from_answers),
        "--format",
        "json,md",
        "--start",
        "2027-01-04",
    )
    assert result.exit_code == 0, result.output
    assert "Stage 2 audit" in result.output and "CNY" in result.output
    plan = json.loads((from_answers / "plan.json").read_text(encoding="utf-8"))
    assert plan["start"] == "2027-01-04" and plan["scenario"] == "standard"
    assert (from_answers / "plan.md").read_text(encoding="utf-8").startswith("# ISO/IEC 20000-1")
    saved = tmp_path / "assess"
    assert invoke("assess", str(EXAMPLE), "-o", str(saved), "-q", "--format", "json").exit_code == 0
    from_saved = tmp_path / "b"
    result = invoke(
        "plan",
        str(saved / "assessment.json"),
        "-o",
        str(from_saved),
        "--format",
        "json",
        "--start",
        "2027-01-04",
        "-q",
    )
    assert result.exit_code == 0, result.output
    assert (from_saved / "plan.json").read_bytes() == (from_answers / "plan.json").read_bytes()


def test_fast_track_and_target_date(tmp_path: Path) -> None:
    result = invoke(
        "plan", str(EXAMPLE), "-o", str(tmp_path), "--format", "json", "-q",
        "--scenario", "fast-track", "--start", "2027-01-04", "--target", "2027-06-30",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    plan = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
    assert plan["scenario"] == "fast-track"
    assert plan["target"]["met"] is False and plan["target"]["late_calendar_days"] > 0
    assert any(m["code"] for m in plan["messages"])


def test_default_start_is_the_monday_after_the_assessment(tmp_path: Path) -> None:
    assert first_monday_after(dt.date(2026, 11, 2)) == dt.date(2026, 11, 9)  # a Monday
    assert first_monday_after(dt.date(2026, 11, 4)) == dt.date(2026, 11, 9)
    assert (
        invoke("plan", str(EXAMPLE), "-o", str(tmp_path), "--format", "json", "-q").exit_code == 0
    )
    plan = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
    assert plan["start"] == "2026-11-09"  # the example was assessed on 2026-11-02


def test_plan_usage_and_input_errors(tmp_path: Path) -> None:
    result = invoke("plan", str(EXAMPLE), "-o", str(tmp_path), "--scenario", "slow")
    assert result.exit_code == 2 and "'slow' is not a scenario" in result.output
    result = invoke("plan", str(EXAMPLE), "-o", str(tmp_path), "--format", "rtf")
    assert result.exit_code == 2 and "'rtf' is not a format" in result.output
    config = tmp_path / "plan.yaml"
    config.write_text("costs:\n  rates:\n    consultant: {day_rate: -5}\n", encoding="utf-8")
    result = invoke("plan", str(EXAMPLE), "-o", str(tmp_path / "o"), "--config", str(config))
    assert result.exit_code == 3
    assert "plan.yaml" in result.output and "line" in result.output
    assert "Traceback" not in result.output
    broken = tmp_path / "assessment.json"
    broken.write_text('{"schema_version": "1.0", "client": 3}', encoding="utf-8")
    result = invoke("plan", str(broken), "-o", str(tmp_path / "p"))
    assert result.exit_code == 3 and "assessment.json" in result.output
    assert not (tmp_path / "o").exists() and not (tmp_path / "p").exists()


def test_assess_with_plan_writes_both(tmp_path: Path) -> None:
    result = invoke(
        "assess", str(EXAMPLE), "-o", str(tmp_path), "-q", "--format", "json,md", "--plan"
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["assessment.json", "plan.json", "plan.md", "plan.xml", "report.md"]


def test_plan_writes_every_format_by_default(tmp_path: Path) -> None:
    result = invoke("plan", str(EXAMPLE), "-o", str(tmp_path), "-q", "--lang", "zh")
    assert result.exit_code == 0, result.output
    opt_in = {PlanFormat.DOCX, PlanFormat.PDF}  # Word and PDF only when asked for
    expected = [name for output, name in PLAN_FILES.items() if output not in opt_in]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(expected)
    assert (tmp_path / "plan.xlsx").read_bytes().startswith(b"PK")
    xml = (tmp_path / "plan.xml").read_text(encoding="utf-8")
    assert xml.startswith("<?xml") and "http://schemas.microsoft.com/project" in xml
    assert "第二阶段审核" in (tmp_path / "plan.html").read_text(encoding="utf-8")
