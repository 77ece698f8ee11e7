"""The Windows branches, run here by patching the platform checks: junctions, device names,
a disk without hard links, no ``fchmod``, a folder that cannot be opened, legacy code pages.

(The report open in Excel, the liveness check without ``os.kill`` and the ``spawn`` workers
are in test_outputs.py.)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from readiness.cli.app import app
from readiness.jobs.portfolio import client_folders
from readiness.outputs import writing
from readiness.outputs.writing import temporary_files, write_outputs
from tests.conftest import EXAMPLE

runner = CliRunner()


def invoke(*args: str) -> Result:
    return runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "10000"})


@pytest.fixture
def on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writing, "WINDOWS", True)
    monkeypatch.setattr(writing, "_windows_process_alive", lambda pid: False)


class ReparseStat:
    """What ``os.lstat`` says of a junction on Windows."""

    def __init__(self, real: os.stat_result) -> None:
        self.real, self.st_reparse_tag = real, writing._JUNCTION

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def test_an_output_folder_that_is_a_junction_is_refused(
    tmp_path: Path, on_windows: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    junction = tmp_path / "out"
    junction.mkdir()  # a junction is a folder to every call but lstat's reparse tag
    real_lstat = os.lstat

    def lstat(path: Any, *args: Any, **kwargs: Any) -> Any:
        found = real_lstat(path, *args, **kwargs)
        return ReparseStat(found) if Path(path) == junction else found

    monkeypatch.setattr(writing.os, "lstat", lstat)
    result = invoke("assess", str(EXAMPLE), "-o", str(junction), "-q")
    assert result.exit_code == 2
    assert result.output == (
        f"error: {junction}: the output folder is a symbolic link; give the folder it points to\n"
    )
    assert list(junction.iterdir()) == []


def test_off_windows_the_reparse_tag_is_not_asked(tmp_path: Path) -> None:
    assert writing.WINDOWS is False
    assert writing._is_link(tmp_path) is False


@pytest.mark.parametrize(
    ("stem", "folder"),
    [("con", "client-con"), ("NUL.backup", "client-NUL.backup"), ("com1", "client-com1"),
     ("LPT9", "client-LPT9"), ("lpt¹", "client-lpt¹"), ("console", "console"),
     ("aux-2026", "aux-2026")],
)  # fmt: skip
def test_a_client_file_named_like_a_windows_device_gets_another_folder(
    stem: str, folder: str
) -> None:
    assert client_folders([Path(f"{stem}.yaml"), Path("other.yaml")]) == [folder, "other"]


def test_a_portfolio_of_device_named_clients_writes_every_folder(tmp_path: Path) -> None:
    for name in ("con.yaml", "nul.yaml"):
        shutil.copyfile(EXAMPLE, tmp_path / name)
    out = tmp_path / "out"
    result = invoke(
        "assess", str(tmp_path / "con.yaml"), str(tmp_path / "nul.yaml"), "-o", str(out), "-q",
        "--format", "md",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (out / "client-con" / "report.md").is_file()
    assert (out / "client-nul" / "report.md").is_file()


def test_a_disk_without_hard_links_without_fchmod_and_folders_that_cannot_be_opened(
    tmp_path: Path, on_windows: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FAT and network shares refuse hard links; Windows has no fchmod (before 3.13) and
    cannot open a folder to sync it: the outputs are still replaced together."""

    def refused(*args: Any, **kwargs: Any) -> None:
        raise OSError(1, "Operation not permitted")

    def never(*args: Any) -> None:
        raise AssertionError("fchmod is not called on Windows")

    real_open = os.open

    def open_(path: Any, flags: int, *args: Any) -> int:
        if Path(path).is_dir():
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(writing.os, "link", refused)
    monkeypatch.setattr(writing.os, "fchmod", never, raising=False)
    monkeypatch.setattr(writing.os, "open", open_)
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(f"old {name}", encoding="utf-8")
    write_outputs(tmp_path, {"a.md": "new a", "b.md": "new b", "c.md": "new c"})
    assert {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()} == {
        "a.md": "new a",
        "b.md": "new b",
        "c.md": "new c",
    }
    assert temporary_files(tmp_path) == []


@pytest.mark.parametrize("encoding", ["gbk", "cp1252", "cp437"])
def test_a_legacy_console_degrades_names_it_cannot_show(tmp_path: Path, encoding: str) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    start = text.index("  name: ")
    answers = tmp_path / "客户 🚀.yaml"
    named = '  name: "云服务 ☃ 🚀 Ωmega é"'
    answers.write_text(text[:start] + named + text[text.index("\n", start) :], encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": encoding, "NO_COLOR": "1"}
    for command in (["assess", str(answers), "--lang", "zh", "-o", str(tmp_path / "o o")],
                    ["validate", str(tmp_path / "缺少 🚀.yaml")]):  # fmt: skip
        result = subprocess.run(
            [sys.executable, "-m", "readiness", *command],
            env=env, capture_output=True, timeout=120, check=False,
        )  # fmt: skip
        output = (result.stdout + result.stderr).decode(encoding)  # valid in the code page
        assert "Traceback" not in output and "UnicodeEncodeError" not in output, output
        assert result.returncode == (0 if command[0] == "assess" else 3), output
        assert "?" in output  # what the code page cannot show
    assert (tmp_path / "o o" / "report.html").is_file()
