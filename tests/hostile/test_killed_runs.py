"""A run killed between two renames of its outputs: the next run finds the folder as the killed
run found it (every old output, no new one), never a mixture of two runs.

The kill is made exact: the child process is the real command, with the rename of a temporary
over an output patched to end the process abruptly (``os._exit``: no cleanup, no ``finally``)
right after the rename number ``KILL_AFTER``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from readiness.cli.app import app
from readiness.outputs.journal import journals
from readiness.outputs.writing import prepare_folder, temporary_files
from tests.conftest import EXAMPLE

CHILD = """
import os, pathlib, re, sys
real_replace = pathlib.Path.replace
done = 0
def replace(self, target):
    global done
    result = real_replace(self, target)
    if re.match(r"^\\..+\\.readiness-\\d+\\.\\w+\\.tmp$", self.name):
        done += 1
        if done == int(os.environ["KILL_AFTER"]):
            os._exit(9)  # as SIGKILL or a power cut: nothing runs after it
    return result
pathlib.Path.replace = replace
sys.argv = ["readiness", *sys.argv[1:]]
from readiness.cli.app import main
main()
"""
OUTPUTS = ["assessment.json", "report.html", "report.md", "report.xlsx"]

runner = CliRunner()


def invoke(*args: str) -> Result:
    return runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "10000"})


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def killed_run(out: Path, after: int, *options: str) -> None:
    """``readiness assess`` of the example into ``out``, killed after rename ``after``."""
    child = subprocess.run(
        [sys.executable, "-c", CHILD, "assess", str(EXAMPLE), "-o", str(out), "-q", *options],
        env={**os.environ, "KILL_AFTER": str(after), "NO_COLOR": "1"},
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert child.returncode == 9, child.stderr.decode("utf-8", "replace")


@pytest.fixture(scope="module")
def old_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with a previous run's four outputs (of another date, so every byte differs)."""
    out = tmp_path_factory.mktemp("old") / "out"
    result = invoke("assess", str(EXAMPLE), "-o", str(out), "-q", "--date", "2026-01-05")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == OUTPUTS
    return out


@pytest.mark.parametrize("after", [1, 2, 3, 4])
def test_a_run_killed_between_renames_is_undone_by_the_next(
    tmp_path: Path, old_run: Path, after: int
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for name, data in files(old_run).items():
        (out / name).write_bytes(data)
    before = files(out)
    killed_run(out, after, "--date", "2027-01-04")
    visible = {n: d for n, d in files(out).items() if not n.startswith(".")}
    changed = [n for n in OUTPUTS if visible[n] != before[n]]
    assert len(changed) == after  # the kill left a mixture of the two runs
    assert len(journals(out)) == 1

    assert prepare_folder(out) == out  # what every next run does first
    assert files(out) == before
    assert temporary_files(out) == []


def test_outputs_the_killed_run_added_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke("assess", str(EXAMPLE), "-o", str(out), "-q", "--format", "md")
    assert result.exit_code == 0, result.output
    before = files(out)
    killed_run(out, 3)  # report.md replaced, two new outputs made, one not yet
    assert len([n for n in files(out) if not n.startswith(".")]) == 3

    assert invoke("validate", str(EXAMPLE)).exit_code == 0  # touches no output folder
    assert len(journals(out)) == 1
    prepare_folder(out)
    assert files(out) == before


def test_the_next_run_after_a_kill_writes_all_its_outputs(tmp_path: Path, old_run: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for name, data in files(old_run).items():
        (out / name).write_bytes(data)
    killed_run(out, 2, "--date", "2027-01-04")
    clean = tmp_path / "clean"
    for folder in (out, clean):
        result = invoke("assess", str(EXAMPLE), "-o", str(folder), "-q", "--date", "2027-02-01")
        assert result.exit_code == 0, result.output
    assert files(out) == files(clean)  # all new, nothing of either earlier run left
