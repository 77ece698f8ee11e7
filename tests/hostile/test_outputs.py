"""Outputs that a hostile folder or file name could turn against the consultant: links,
partial runs, a portfolio's other inputs, a summary's name, a filled form replaced, an empty
``--out``. Each case asserts that nothing outside ``--out`` changed and that a failed run left
the previous outputs as they were."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from readiness.cli.app import app
from readiness.errors import OutputError
from readiness.outputs import writing
from readiness.outputs.writing import temporary_files, write_outputs
from tests.conftest import EXAMPLE

runner = CliRunner()


def invoke(*args: str) -> Result:
    return runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "10000"})


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder``: a file's bytes, a link's target."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if path.is_symlink():
            found[name] = f"-> {path.readlink()}"
        elif path.is_file():
            found[name] = path.read_bytes()
    return found


@pytest.fixture
def last_run(tmp_path: Path) -> Path:
    """An output folder holding a previous run's four reports."""
    out = tmp_path / "out"
    result = invoke("assess", str(EXAMPLE), "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    return out


# --------------------------------------------------------------------------- links


def test_a_link_in_the_output_folder_is_never_written_through(
    tmp_path: Path, last_run: Path
) -> None:
    outside = tmp_path / "elsewhere" / "notes.txt"
    outside.parent.mkdir()
    outside.write_text("the consultant's own notes", encoding="utf-8")
    (last_run / "report.md").unlink()
    (last_run / "report.md").symlink_to(outside)
    before = snapshot(tmp_path)
    result = invoke("assess", str(EXAMPLE), "-o", str(last_run), "-q")
    assert result.exit_code == 2
    assert result.output == (
        f"error: {last_run}/report.md: is a symbolic link; refusing to write through it\n"
    )
    assert snapshot(tmp_path) == before


def test_an_output_folder_that_is_a_link_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "out"
    link.symlink_to(real, target_is_directory=True)
    result = invoke("plan", str(EXAMPLE), "-o", str(link), "-q")
    assert result.exit_code == 2
    assert result.output == (
        f"error: {link}: the output folder is a symbolic link; give the folder it points to\n"
    )
    assert list(real.iterdir()) == []


def test_a_portfolio_client_folder_that_is_a_link_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "acme").symlink_to(outside, target_is_directory=True)
    first, second = tmp_path / "acme.yaml", tmp_path / "beta.yaml"
    shutil.copyfile(EXAMPLE, first)
    shutil.copyfile(EXAMPLE, second)
    result = invoke("assess", str(first), str(second), "-o", str(out), "-q")
    assert result.exit_code == 2
    assert f"{out}/acme: the output folder is a symbolic link" in result.output
    assert list(outside.iterdir()) == []


# --------------------------------------------------------------------------- together or not at all


def test_a_run_failing_part_way_leaves_the_previous_outputs(tmp_path: Path, last_run: Path) -> None:
    (last_run / "assessment.json").unlink()
    (last_run / "assessment.json").mkdir()  # the last output cannot be written
    before = snapshot(tmp_path)
    result = invoke("assess", str(EXAMPLE), "-o", str(last_run), "-q", "--date", "2027-01-04")
    assert result.exit_code == 2
    assert (
        result.output == f"error: {last_run}/assessment.json: cannot write here (it is a folder)\n"
    )
    assert snapshot(tmp_path) == before
    assert temporary_files(last_run) == []


def test_a_rename_failing_part_way_puts_back_the_files_already_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.html", "b.md", "c.json"):
        (tmp_path / name).write_text(f"old {name}", encoding="utf-8")
    real_replace = Path.replace

    def replace(self: Path, target: Path) -> Path:  # type: ignore[override]
        if Path(target).name == "c.json" and self.name.startswith(".c.json"):
            raise OSError(28, "No space left on device")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", replace)
    outputs = {"a.html": "new a", "b.md": "new b", "c.json": "new c", "d.xlsx": b"new d"}
    with pytest.raises(OutputError) as raised:
        write_outputs(tmp_path, outputs)
    assert str(raised.value) == (
        f"{tmp_path}/c.json: cannot write here (No space left on device); no output was changed"
    )
    assert snapshot(tmp_path) == {
        "a.html": b"old a.html",
        "b.md": b"old b.md",
        "c.json": b"old c.json",
    }


def test_assess_with_plan_writes_reports_and_plan_together(tmp_path: Path, last_run: Path) -> None:
    (last_run / "plan.xml").mkdir()  # the last file of the plan cannot be written
    before = snapshot(tmp_path)
    result = invoke("assess", str(EXAMPLE), "-o", str(last_run), "-q", "--plan")
    assert result.exit_code == 2
    assert result.output == f"error: {last_run}/plan.xml: cannot write here (it is a folder)\n"
    assert snapshot(tmp_path) == before


# --------------------------------------------------------------------------- portfolio


def test_a_portfolio_never_writes_over_another_clients_input(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "acme").mkdir(parents=True)
    first = tmp_path / "acme.yaml"
    shutil.copyfile(EXAMPLE, first)
    second = out / "acme" / "report.md"  # another client's file, where acme's report would go
    second.write_text("client: the second client's own file\n", encoding="utf-8")
    result = invoke("assess", str(first), str(second), "-o", str(out), "-q")
    assert result.exit_code == 3
    assert f"error: {second}: refusing to write over an input file" in result.output
    assert second.read_text(encoding="utf-8") == "client: the second client's own file\n"


def test_a_client_named_like_the_summary_does_not_take_its_name(tmp_path: Path) -> None:
    first, second = tmp_path / "portfolio.md.yaml", tmp_path / "PORTFOLIO.xlsx.yaml"
    shutil.copyfile(EXAMPLE, first)
    shutil.copyfile(EXAMPLE, second)
    out = tmp_path / "out"
    result = invoke("assess", str(first), str(second), "-o", str(out), "-q", "--format", "json")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "PORTFOLIO.xlsx-2",
        "portfolio.md",
        "portfolio.md-2",
        "portfolio.xlsx",
    ]
    assert (out / "portfolio.md").is_file() and (out / "portfolio.md-2").is_dir()


def test_a_client_folder_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    first, second = tmp_path / "acme.yaml", tmp_path / "beta.yaml"
    shutil.copyfile(EXAMPLE, first)
    shutil.copyfile(EXAMPLE, second)
    out = tmp_path / "out"
    out.mkdir()
    (out / "beta").write_text("a file, not a folder", encoding="utf-8")
    result = invoke("assess", str(first), str(second), "-o", str(out), "-q")
    assert result.exit_code == 2
    assert result.output == f"error: {out}/beta: the output folder is a file\n"
    assert sorted(p.name for p in out.iterdir()) == ["beta"]


def test_a_client_name_too_long_for_a_folder_is_shortened(tmp_path: Path) -> None:
    long = tmp_path / (("客户" * 40) + ".yaml")  # 80 characters, 240 bytes in UTF-8
    short = tmp_path / "b.yaml"
    shutil.copyfile(EXAMPLE, long)
    shutil.copyfile(EXAMPLE, short)
    out = tmp_path / "out"
    result = invoke("assess", str(long), str(short), "-o", str(out), "-q", "--format", "md")
    assert result.exit_code == 0, result.output
    assert ("客户" * 32) in {p.name for p in out.iterdir()}


# --------------------------------------------------------------------------- other commands


def test_export_refuses_to_replace_a_filled_answer_file(tmp_path: Path) -> None:
    filled = tmp_path / "answers.yaml"
    shutil.copyfile(EXAMPLE, filled)
    result = invoke("questionnaire", "export", "-o", str(filled))
    assert result.exit_code == 2
    assert result.output == (
        f"error: {filled}: the file exists and may hold a client's answers;"
        " give --force to replace it\n"
    )
    assert filled.read_bytes() == EXAMPLE.read_bytes()
    assert invoke("questionnaire", "export", "-o", str(filled), "--force").exit_code == 0
    assert filled.read_bytes() != EXAMPLE.read_bytes()


def test_convert_refuses_to_replace_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "answers.xlsx"
    target.write_bytes(b"PK the client's workbook")
    result = invoke("questionnaire", "convert", str(EXAMPLE), "-o", str(target))
    assert result.exit_code == 2
    assert "give --force to replace it" in result.output
    assert target.read_bytes() == b"PK the client's workbook"


@pytest.mark.parametrize("command", ["assess", "plan", "compare"])
def test_an_empty_out_is_refused(
    tmp_path: Path, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    files = [str(EXAMPLE)] * (2 if command == "compare" else 1)
    result = invoke(command, *files, "-o", "")
    assert result.exit_code == 2
    assert "give a folder name; an empty --out would write into the current folder" in " ".join(
        result.output.replace("│", " ").split()
    )
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- Windows


@pytest.fixture
def on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writing, "WINDOWS", True)


def test_windows_a_report_open_in_excel_asks_to_close_it(
    tmp_path: Path, last_run: Path, on_windows: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_replace = Path.replace

    def replace(self: Path, target: Path) -> Path:  # type: ignore[override]
        if Path(target).name == "report.xlsx" and self.name.startswith(".report.xlsx"):
            raise PermissionError(13, "Access is denied")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", replace)
    before = snapshot(tmp_path)
    result = invoke("assess", str(EXAMPLE), "-o", str(last_run), "-q", "--date", "2027-01-04")
    assert result.exit_code == 2
    assert result.output == (
        f"error: {last_run}/report.xlsx: the file is open in another program;"
        " close report.xlsx and run again; no output was changed\n"
    )
    assert snapshot(tmp_path) == before


class FakeKernel32:
    """The three calls of the Windows liveness check, answering for a set of live ids."""

    def __init__(self, alive: set[int], denied: set[int] = frozenset()) -> None:  # type: ignore[assignment]
        self.alive, self.denied, self.closed = alive, denied, 0
        self.error = 0

    def OpenProcess(self, access: int, inherit: bool, pid: int) -> int:
        assert access == 0x1000 and inherit is False
        if pid in self.denied:
            self.error = 5
            return 0
        if pid not in self.alive:
            self.error = 87
            return 0
        return pid

    def GetLastError(self) -> int:
        return self.error

    def GetExitCodeProcess(self, handle: int, code: object) -> int:
        code._obj.value = 259  # type: ignore[attr-defined]  # STILL_ACTIVE
        return 1

    def CloseHandle(self, handle: int) -> int:
        self.closed += 1
        return 1


def test_windows_liveness_never_calls_os_kill(
    tmp_path: Path, on_windows: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_kill(pid: int, signal: int) -> None:
        raise AssertionError("os.kill on Windows terminates the process")

    kernel = FakeKernel32(alive={4242}, denied={4343})
    monkeypatch.setattr(writing.os, "kill", no_kill)
    monkeypatch.setattr(
        writing, "_windows_process_alive", functools.partial(_REAL_ALIVE, kernel32=kernel)
    )
    for pid in (4242, 4343, 4444):
        (tmp_path / f".report.html.readiness-{pid}.abcd1234.tmp").write_text("x", encoding="utf-8")
    removed = writing.remove_stale_temporaries(tmp_path)
    assert [p.name for p in removed] == [".report.html.readiness-4444.abcd1234.tmp"]
    assert kernel.closed == 1
    write_outputs(tmp_path / "out", {"report.html": "<p>ok</p>"})
    assert (tmp_path / "out" / "report.html").read_text(encoding="utf-8") == "<p>ok</p>"


_REAL_ALIVE = writing._windows_process_alive


def test_the_portfolio_workers_start_under_spawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import concurrent.futures

    from readiness.jobs import portfolio

    seen: list[str] = []
    real = concurrent.futures.ProcessPoolExecutor

    def pool(*args: object, **kwargs: object) -> object:
        seen.append(kwargs["mp_context"].get_start_method())  # type: ignore[attr-defined]
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(portfolio, "ProcessPoolExecutor", pool)
    first, second = tmp_path / "客户 甲.yaml", tmp_path / "b c.yaml"
    shutil.copyfile(EXAMPLE, first)
    shutil.copyfile(EXAMPLE, second)
    out = tmp_path / "输出 文件夹"
    result = invoke("assess", str(first), str(second), "-o", str(out), "-q", "--format", "md")
    assert result.exit_code == 0, result.output
    assert seen == ["spawn"]
    assert (out / "客户-甲" / "report.md").is_file() and (out / "b-c" / "report.md").is_file()
