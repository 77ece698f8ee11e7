"""Inputs that used to end in a traceback: far dates, non-finite and tiny plan configs, a
legacy console code page. Each ends in one clear message and its exit code."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from readiness.cli.app import app
from tests.conftest import EXAMPLE

runner = CliRunner()


def invoke(*args: str) -> Result:
    return runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "10000"})


def flat(text: str) -> str:
    return " ".join(text.replace("│", " ").split())


def test_an_assessment_dated_in_year_9999_cannot_be_planned_from(tmp_path: Path) -> None:
    answers = tmp_path / "late.yaml"
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "assessed_on: 2026-11-02", "assessed_on: 9999-12-30"
    )
    answers.write_text(text, encoding="utf-8")
    result = invoke("plan", str(answers), "-o", str(tmp_path / "out"), "-q")
    assert result.exit_code == 3
    assert result.output == (
        "error: assessed_on 9999-12-30: too far in the future to plan from (latest 2199-12-31);"
        " correct the date or give --start\n"
    )
    result = invoke("plan", str(answers), "--start", "2199-12-01", "-o", str(tmp_path / "o"), "-q")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("option", ["--start", "--target"])
def test_a_plan_start_or_target_past_2199_is_a_usage_error(tmp_path: Path, option: str) -> None:
    result = invoke("plan", str(EXAMPLE), option, "9999-12-31", "-o", str(tmp_path / "o"), "-q")
    assert result.exit_code == 2
    assert (
        f"error: {option}: 9999-12-31 is too far in the future to plan for (latest 2199-12-31)"
    ) in flat(result.output)
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("roles:\n  consultant: {people: .nan}\n",
         "line 2, roles → consultant → people: must be a finite number (found nan)"),
        ("roles:\n  consultant: {people: .inf}\n",
         "line 2, roles → consultant → people: must be a finite number (found inf)"),
        ("roles:\n  consultant: {availability: -.inf}\n",
         "line 2, roles → consultant → availability: must be a finite number (found -inf)"),
        ("deliverables:\n  policy:\n    effort: {observation: 10000000000000000000000000000000000000000}\n",
         "line 3, deliverables → policy → effort → observation: a number of 41 digits is too"
         " large (at most 1,000,000,000,000)"),
        ("costs:\n  contingency: .nan\n",
         "line 2, costs → contingency: must be a finite number (found nan)"),
        ("roles:\n  consultant: {people: 0.0001, availability: 0.0001}\n",
         "line 2, roles → consultant → people: capacity 1e-08 person-days a working day"
         " (people 0.0001 × availability 0.0001) is too little to schedule; the least is 0.05"),
        ("scenarios:\n  fast-track:\n    roles:\n      consultant: {people: 0.01}\n",
         "line 4, scenarios → fast-track → roles → consultant → people: capacity 0.008 person-days a"
         " working day (people 0.01 × availability 0.8) is too little to schedule"),
        ("roles:\n  consultant: {per_task: 0.0001}\n",
         "line 2, roles → consultant → per_task: one task gets 6e-05 person-days a working day"
         " (per_task 0.0001 × availability 0.6), too little to schedule; the least is 0.05"),
        ("scenarios:\n  fast-track:\n    roles:\n      it_staff: {per_task: 0.01}\n",
         "line 4, scenarios → fast-track → roles → it_staff → per_task: one task gets 0.005"
         " person-days a working day (per_task 0.01 × availability 0.5), too little to schedule"),
        ("scenarios:\n  fast-track:\n    roles:\n      top_management: {availability: 0.04}\n",
         "line 4, scenarios → fast-track → roles → top_management → availability: capacity 0.04"
         " person-days a working day (people 1 × availability 0.04) is too little to schedule"),
        ("roles:\n  staff: {availability: 0.0001}\n",
         "line 2, roles → staff → availability: availability 0.0001 of a working day for each"
         " person in scope is too little to schedule; the least is 0.05"),
    ],
)  # fmt: skip
def test_a_plan_config_that_cannot_be_scheduled_is_refused(
    tmp_path: Path, config: str, message: str
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(config, encoding="utf-8")
    result = invoke("plan", str(EXAMPLE), "--config", str(path), "-o", str(tmp_path / "o"), "-q")
    assert result.exit_code == 3, result.output
    assert result.output.startswith(f"error: {path}: "), result.output
    assert message in result.output, result.output


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("deliverables:\n  policy:\n    effort: {major: 1000000000, minor: 1000000000, observation: 1000000000}\n",
         "line 26, roles → sms_manager: task WP-A.PLAN.T1 'Planning the SMS: risks, objectives,"
         " plan: tier 1 policy and plans' (phase 'System build and documentation') needs"
         " 3,000,000,000 person-days of sms_manager (SMS manager), who can give it 0.6"
         " person-days a working day: 5,000,000,000 working days, past the plan's horizon of"
         " 10 years (schedule → horizon_years). Give the role more people, availability or"
         " per_task, or lower the effort"),
        ("roles:\n  consultant: {people: 0.1, availability: 0.5}\n"
         "schedule:\n  horizon_years: 1\n",
         "line 2, roles → consultant → people: task WP-A.PLAN.T2 'Planning the SMS: risks,"
         " objectives, plan: tier 2 procedures' (phase 'System build and documentation') needs"
         " 1.52 person-days of consultant (Consultant), who can give it 0.05 person-days a"
         " working day: 31 working days, past the plan's horizon of 1 year"
         " (schedule → horizon_years)"),
    ],
)  # fmt: skip
def test_a_plan_longer_than_its_horizon_names_the_role_and_the_task(
    tmp_path: Path, config: str, message: str
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(config, encoding="utf-8")
    started = time.monotonic()
    result = invoke("plan", str(EXAMPLE), "--config", str(path), "-o", str(tmp_path / "o"), "-q")
    assert time.monotonic() - started < 20  # it used to book a day at a time for centuries
    assert result.exit_code == 3, result.output
    assert result.output.startswith(f"error: {path}: "), result.output
    assert message in flat(result.output), result.output
    assert not (tmp_path / "o").exists()


def test_a_gbk_console_prints_chinese_and_degrades_the_rest(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "gbk", "NO_COLOR": "1"}
    out = tmp_path / "报告 文件夹"
    result = subprocess.run(
        [sys.executable, "-m", "readiness", "assess", str(EXAMPLE), "--lang", "zh", "-o", str(out)],
        env=env, capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr.decode("gbk", "replace")
    text = result.stdout.decode("gbk")  # valid GBK throughout
    assert "已写入" in text or "写入" in text, text
    assert "UnicodeEncodeError" not in result.stderr.decode("gbk", "replace")
    assert (out / "report.html").is_file()


NOTES = (
    'notes: "Context analysis done once for the project; only some risks in the register trace'
    ' back to issues."'
)
ROW = "assign: {Li Wei: P, Xu Ting: B}}"
UNIONS = {
    # kind: (the example's text, what respondent ``n`` writes there, the message)
    "evidence": (
        'evidence: ["SMS-CTX-001 Context analysis v1.0 (2026-05)"]',
        lambda n: "evidence: [" + ", ".join(f'"respondent {n} item {i}"' for i in range(50)) + "]",
        "answers → A.CTX.01 → evidence: 100 items once the files are merged; the limit is 50",
    ),
    "notes": (
        NOTES,
        lambda n: 'notes: "' + "x" * 4000 + '"',  # 9 + 4,000 + 1 + 14 + 4,000 with the labels
        "answers → A.CTX.02 → notes: 8,024 characters once the files are merged; the limit is"
        " 5,000",
    ),
    "capability evidence": (
        'B.SUP: ["Supplier review minutes 2026-Q3"]',
        lambda n: "B.SUP: [" + ", ".join(f'"minutes {n}-{i}"' for i in range(30)) + "]",
        "capability_evidence → B.SUP: 60 items once the files are merged; the limit is 50",
    ),
    "people in a matrix row": (
        ROW,
        lambda n: "assign: {" + ", ".join(f"P{n}-{i}: B" for i in range(150)) + "}}",
        "matrix → 'SMS management / maintain the service management plan' → assign: 300 people"
        " once the files are merged; the limit is 200",
    ),
    "matrix rows": (
        "matrix:\n",
        lambda n: (
            "matrix:\n"
            + "".join(f'  - {{item: "row {n}.{i}", assign: {{Li Wei: P}}}}\n' for i in range(1500))
        ),
        "matrix: 3,021 rows once the files are merged; the limit is 2,000",
    ),
}


def respondents(
    tmp_path: Path, names: tuple[str, ...], kind: str = "evidence", holders: int = 2
) -> list[Path]:
    """Respondents of one client; the first ``holders`` each fill ``kind`` up to near its limit."""
    text = EXAMPLE.read_text(encoding="utf-8")
    found, fill, _ = UNIONS[kind]
    assert found in text
    paths = []
    for number, name in enumerate(names):
        path = tmp_path / name
        path.write_text(
            text.replace(found, fill(number), 1) if number < holders else text, encoding="utf-8"
        )
        paths.append(path)
    return paths


@pytest.mark.parametrize("kind", UNIONS)
def test_merging_respondents_whose_union_passes_a_limit(tmp_path: Path, kind: str) -> None:
    first, second = respondents(tmp_path, ("it.yaml", "quality.yaml"), kind)
    for alone in (first, second):
        assert invoke("validate", str(alone)).exit_code == 0
    result = invoke("assess", str(first), str(second), "--merge", "-o", str(tmp_path / "o"), "-q")
    assert result.exit_code == 3
    assert result.output == (
        f"error: it.yaml, quality.yaml: {UNIONS[kind][2]} (each file alone is within it):"
        " shorten the answers or merge fewer files\n"
    )
    assert not (tmp_path / "o").exists()


def test_a_union_past_a_limit_names_only_the_files_that_hold_it(tmp_path: Path) -> None:
    files = respondents(tmp_path, ("it.yaml", "ops.yaml", "quality.yaml"), "notes")
    files[2].write_text(
        files[2].read_text(encoding="utf-8").replace(NOTES, "notes: null"), encoding="utf-8"
    )
    result = invoke("assess", *map(str, files), "--merge", "-o", str(tmp_path / "o"), "-q")
    assert result.exit_code == 3
    assert result.output.startswith("error: it.yaml, ops.yaml: answers → A.CTX.02 → notes: ")


def test_merging_a_respondent_whose_file_name_holds_an_escape(tmp_path: Path) -> None:
    first, second = respondents(tmp_path, ("it.yaml", "q\x1b[31m.yaml"), holders=0)
    out = tmp_path / "o"
    result = invoke("assess", str(first), str(second), "--merge", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output
    for name in ("report.md", "report.html"):
        assert "\x1b" not in (out / name).read_text(encoding="utf-8")
