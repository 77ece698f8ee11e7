"""``readiness export``: every target's files, from answers and from a saved assessment."""

from __future__ import annotations

import json
from pathlib import Path

from readiness.outputs.interchange import Target, parse_targets
from tests.cli.test_app import invoke
from tests.conftest import EXAMPLE

FILES = {
    "oscal-assessment-results.json",
    "oscal-poam.json",
    "ciso-assistant-library.yaml",
    "ciso-assistant-assessment.csv",
    "jira.csv",
    "azure-devops.csv",
    "github-issues.csv",
    "backlog.csv",
}


def test_every_target_writes_its_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    targets = ",".join(t.value for t in Target)
    result = invoke("export", targets, str(EXAMPLE), "-o", str(out), "--start", "2027-01-04")
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} == FILES
    poam = json.loads((out / "oscal-poam.json").read_text(encoding="utf-8"))
    plan = (
        json.loads((out / "plan.json").read_text(encoding="utf-8"))
        if (out / "plan.json").exists()
        else None
    )
    items = poam["plan-of-action-and-milestones"]["poam-items"]
    assert len(items) > 300 and (plan is None or len(items) == len(plan["actions"]))


def test_a_saved_assessment_gives_the_same_files(tmp_path: Path) -> None:
    saved = tmp_path / "assess"
    assert invoke("assess", str(EXAMPLE), "-o", str(saved), "-q", "--format", "json").exit_code == 0
    first, second = tmp_path / "a", tmp_path / "b"
    for source, out in ((EXAMPLE, first), (saved / "assessment.json", second)):
        result = invoke("export", "ciso,jira", str(source), "-o", str(out), "--lang", "zh")
        assert result.exit_code == 0, result.output
    for name in ("ciso-assistant-assessment.csv", "jira.csv", "ciso-assistant-library.yaml"):
        assert (first / name).read_bytes() == (second / name).read_bytes()


def test_an_unknown_target_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("export", "oscal,excel", str(EXAMPLE), "-o", str(tmp_path))
    assert result.exit_code == 2
    assert "'excel' is not a target" in result.output
    assert parse_targets("JIRA, jira,csv") == [Target.JIRA, Target.CSV]


def test_an_empty_out_is_a_usage_error_as_for_every_command() -> None:
    result = invoke("export", "jira", str(EXAMPLE), "--out", "")
    assert result.exit_code == 2
    assert "an empty --out would write into the current folder" in " ".join(result.output.split())
