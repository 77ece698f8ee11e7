"""No data loss: outputs are replaced whole or not at all, inputs are never written over, and
a run killed at any moment leaves complete reports (old or new) and no partial file."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from readiness.cli.app import app
from readiness.errors import OutputError
from readiness.outputs import writing as output
from readiness.outputs.report import FILE_NAMES, ReportFormat
from readiness.outputs.writing import (
    prepare_folder,
    remove_stale_temporaries,
    temporary_files,
    write_atomic,
)
from tests.conftest import EXAMPLE, full_answers

runner = CliRunner()
# Word and PDF are written only when asked for.
REPORTS = sorted(n for f, n in FILE_NAMES.items() if f not in {ReportFormat.DOCX, ReportFormat.PDF})


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "10000"})


def dead_pid() -> int:
    """The id of a process that has just ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def leftover(folder: Path, target: str, pid: int, tag: str = "k3x9q2ab") -> Path:
    path = folder / f".{target}.readiness-{pid}.{tag}.tmp"
    path.write_bytes(b"half a rep")
    return path


# --------------------------------------------------------------------------- write_atomic


def test_a_file_is_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    before = target.stat().st_ino
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_ino != before, "a new file renamed over the old, not rewritten"
    assert temporary_files(tmp_path) == []
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_refuses_to_write_over_an_input(tmp_path: Path) -> None:
    source = tmp_path / "answers.yaml"
    source.write_text("client: x\n", encoding="utf-8")
    link = tmp_path / "report.html"
    link.symlink_to(source)
    for target in (source, link, tmp_path / "sub" / ".." / "answers.yaml"):
        with pytest.raises(OutputError, match=r"refusing to write (over an input file|through it)"):
            write_atomic(target, "report", inputs=[source])
    assert source.read_text(encoding="utf-8") == "client: x\n"
    assert temporary_files(tmp_path) == []


@pytest.mark.parametrize("failure", [OSError(5, "Input/output error"), KeyboardInterrupt()])
def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    target = tmp_path / "assessment.json"
    target.write_text('{"old": true}', encoding="utf-8")

    def broken_fsync(descriptor: int) -> None:
        raise failure

    monkeypatch.setattr(output.os, "fsync", broken_fsync)
    with pytest.raises(OutputError if isinstance(failure, OSError) else KeyboardInterrupt):
        write_atomic(target, '{"new": true}')
    assert target.read_text(encoding="utf-8") == '{"old": true}'
    assert temporary_files(tmp_path) == []


# --------------------------------------------------------------- leftovers of killed runs


def test_leftovers_of_dead_runs_are_removed_and_live_ones_kept(tmp_path: Path) -> None:
    dead = leftover(tmp_path, "report.html", dead_pid())
    live = leftover(tmp_path, "report.md", os.getpid())
    stale = leftover(tmp_path, "report.xlsx", os.getppid())
    old = time.time() - output.STALE_AFTER - 60
    os.utime(stale, (old, old))
    foreign = tmp_path / ".report.html.k3x9q2ab.tmp"  # another tool's: never touched
    foreign.write_bytes(b"x")
    report = tmp_path / "report.html"
    report.write_text("<html></html>", encoding="utf-8")

    assert prepare_folder(tmp_path, []) == tmp_path
    assert not dead.exists() and not stale.exists()
    assert live.exists(), "the temporary file of a run still writing is left alone"
    assert foreign.exists() and report.exists()


def test_write_atomic_clears_the_leftovers_of_its_own_target(tmp_path: Path) -> None:
    pid = dead_pid()
    mine = leftover(tmp_path, "plan.xml", pid)
    other = leftover(tmp_path, "plan.md", pid, "abcdefgh")
    write_atomic(tmp_path / "plan.xml", "<plan/>")
    assert not mine.exists() and other.exists()
    assert remove_stale_temporaries(tmp_path) == [other]
    assert temporary_files(tmp_path) == []


# ------------------------------------------------------------------------------ the CLI


def test_out_that_does_not_exist_is_created(tmp_path: Path) -> None:
    out = tmp_path / "a" / "b" / "c"
    result = invoke("assess", str(EXAMPLE), "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == REPORTS


def test_an_existing_report_is_replaced_whole(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for name in REPORTS:
        (out / name).write_bytes(b"stale " * 100_000)  # longer than the new reports
    leftover(out, "report.html", dead_pid())
    result = invoke("assess", str(EXAMPLE), "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == REPORTS, "leftovers are cleared"
    assert_complete(out)


def test_assess_refuses_to_write_over_its_input(tmp_path: Path) -> None:
    source = tmp_path / "report.md"
    shutil.copyfile(EXAMPLE, source)
    before = source.read_bytes()
    result = invoke("assess", str(source), "-o", str(tmp_path), "-q")
    assert result.exit_code == 2
    assert f"{source}: refusing to write over an input file" in result.output
    assert source.read_bytes() == before


def test_an_unwritable_folder_exits_2_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "locked"
    out.mkdir()
    if os.geteuid() != 0:
        out.chmod(0o555)
    else:  # root writes anywhere: make the folder refuse new files instead

        def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(output.tempfile, "mkstemp", refuse)
    try:
        result = invoke("assess", str(EXAMPLE), "-o", str(out), "-q")
    finally:
        out.chmod(0o755)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert f"{out / 'report.html'}: cannot write here (Permission denied)" in " ".join(
        result.output.split()
    )
    assert list(out.iterdir()) == []


def test_an_output_folder_that_cannot_be_made_exits_2(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = invoke("assess", str(EXAMPLE), "-o", str(blocker / "out"), "-q")
    assert result.exit_code == 2
    assert f"{blocker / 'out'}: cannot create the output folder (Not a directory)" in " ".join(
        result.output.split()
    )


# ---------------------------------------------------------------------- killed midway

# The child slows every fsync down, as a slow or network disk would: the writing phase then
# lasts about a second instead of a few milliseconds, so that kills spread over the run land
# before, during and after the writes. Nothing else of the real command is changed.
CHILD = """
import os, sys, time
real_fsync = os.fsync
def slow_fsync(descriptor):
    time.sleep(float(os.environ["SLOW_FSYNC"]))
    real_fsync(descriptor)
os.fsync = slow_fsync
sys.argv = ["readiness", *sys.argv[1:]]
from readiness.cli.app import main
main()
"""
SLOW_FSYNC = "0.05"
KILLS = 15


def start(source: Path, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, "assess", str(source), "-o", str(out), "-q"],
        env={**os.environ, "SLOW_FSYNC": SLOW_FSYNC, "NO_COLOR": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def assert_complete(out: Path) -> None:
    """Every report present in ``out`` is whole."""
    names = {p.name for p in out.iterdir()}
    if "assessment.json" in names:
        json.loads((out / "assessment.json").read_text(encoding="utf-8"))
    if "report.html" in names:
        assert (out / "report.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    if "report.md" in names:
        markdown = (out / "report.md").read_text(encoding="utf-8")
        assert markdown.strip() and markdown.endswith("\n")
    if "report.xlsx" in names:
        with zipfile.ZipFile(out / "report.xlsx") as archive:
            assert archive.testzip() is None
        load_workbook(out / "report.xlsx", read_only=True).close()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in REPORTS}


def calibrate(source: Path, out: Path) -> tuple[float, float]:
    """Seconds from the start of a run to its first write, and to its end."""
    began = time.perf_counter()
    child = start(source, out)
    first_write = None
    while child.poll() is None:
        if first_write is None and out.is_dir() and any(out.iterdir()):
            first_write = time.perf_counter() - began
        time.sleep(0.002)
    assert child.returncode == 0
    end = time.perf_counter() - began
    return (first_write or end), end


def kill_delays(first_write: float, end: float) -> list[float]:
    """Moments to kill a run at: 4 before it writes, 9 while it writes, 2 after it ended."""
    writing = end - first_write
    before = [first_write * f for f in (0.4, 0.6, 0.8, 0.95)]
    during = [first_write + writing * (0.05 + 0.9 * n / 8) for n in range(9)]
    return [*before, *during, end + 0.2, end + 0.5]


@pytest.mark.slow
def test_a_run_killed_at_any_moment_leaves_no_partial_report(
    tmp_path: Path, write_yaml: Callable[..., Path], questionnaire
) -> None:
    # The reports before (of another client, all rated F) and after (the example client).
    old_answers = write_yaml(full_answers(questionnaire), name="old.yaml")
    old, new = tmp_path / "old", tmp_path / "new"
    assert invoke("assess", str(old_answers), "-o", str(old), "-q").exit_code == 0
    calibrate(EXAMPLE, tmp_path / "warm-up")
    first_write, end = calibrate(EXAMPLE, new)
    before, after = snapshot(old), snapshot(new)
    assert all(before[name] != after[name] for name in REPORTS)

    outcomes = []
    for run, delay in enumerate(kill_delays(first_write, end)):
        out = tmp_path / f"run{run}"
        shutil.copytree(old, out)
        child = start(EXAMPLE, out)
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)

        assert_complete(out)
        present = {p.name for p in out.iterdir() if not p.name.startswith(".")}
        assert present == set(REPORTS), "a report vanished"
        for name in REPORTS:
            content = (out / name).read_bytes()
            assert content in (before[name], after[name]), f"run {run}: {name} is a mixture"
        leftovers = temporary_files(out)
        assert {p.name for p in out.iterdir()} == present | {p.name for p in leftovers}
        replaced = sum((out / name).read_bytes() == after[name] for name in REPORTS)
        outcomes.append((round(delay, 2), replaced, len(leftovers)))
        print(f"killed after {delay:.2f} s: {replaced} replaced, {len(leftovers)} temporary")

        # The next run in the folder first undoes a run killed between two renames: the
        # folder then holds one run's outputs, all old or all new, and nothing else.
        assert prepare_folder(out, []) == out
        assert temporary_files(out) == []
        assert snapshot(out) in (before, after), f"run {run}: the folder mixes two runs"

    # The kills must have hit every phase: before writing, while writing, after.
    assert len(outcomes) == KILLS
    assert any(replaced == 0 for _, replaced, _ in outcomes), outcomes
    assert any(0 < replaced < len(REPORTS) or temps for _, replaced, temps in outcomes), outcomes
    assert any(replaced == len(REPORTS) for _, replaced, _ in outcomes), outcomes
