"""The built wheel, installed in a fresh virtual environment, runs on the shipped example."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, ROOT


@pytest.mark.slow
def test_wheel_installs_and_assesses_the_example(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    wheels = list(dist.glob("readiness-*.whl"))
    assert len(wheels) == 1
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", str(wheels[0])],
        check=True,
        capture_output=True,
        text=True,
    )
    work = tmp_path / "work"  # run away from the checkout so nothing is found there by accident
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env["NO_COLOR"] = "1"
    where = subprocess.run(
        [python, "-c", "import readiness.paths as p; print(p.data_root())"],
        cwd=work,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    assert str(env_dir) in where.stdout and where.stdout.strip().endswith("_data")
    run = subprocess.run(
        [env_dir / "bin" / "readiness", "assess", str(EXAMPLE), "--out", "report"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    data = json.loads((work / "report" / "assessment.json").read_text(encoding="utf-8"))
    assert data["client"]["name"] in run.stdout
    assert len(data["requirements"]) >= 200
    report = work / "report"
    assert {"report.html", "report.md", "report.xlsx"} <= {p.name for p in report.iterdir()}
    assert "</html>" in (report / "report.html").read_text(encoding="utf-8")
    # the plan's defaults and the report templates ship in the wheel too
    plan = subprocess.run(
        [env_dir / "bin" / "readiness", "plan", "report/assessment.json", "--out", "plan", "-q",
         "--lang", "zh"],
        cwd=work, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert plan.returncode == 0, plan.stderr
    assert {p.name for p in (work / "plan").iterdir()} == {
        "plan.html",
        "plan.md",
        "plan.xlsx",
        "plan.json",
        "plan.xml",
    }
