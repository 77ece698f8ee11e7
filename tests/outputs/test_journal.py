"""The journal of a run's renames: what the next run puts back, and what it never touches."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from readiness.errors import OutputError
from readiness.outputs import writing
from readiness.outputs.journal import begin, journals, roll_back
from readiness.outputs.writing import recover_interrupted, temporary_files, write_outputs


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def journal_of(folder: Path, renames: list[dict[str, str | None]], pid: int = 0) -> Path:
    path = folder / f".readiness-{pid or dead_pid()}.0123abcd.journal"
    path.write_text(json.dumps({"renames": renames}), encoding="utf-8")
    return path


def temp(folder: Path, target: str, data: str, pid: int = 4242) -> str:
    name = f".{target}.readiness-{pid}.k3x9q2ab.tmp"
    (folder / name).write_text(data, encoding="utf-8")
    return name


def test_a_dead_runs_journal_puts_every_old_file_back(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("new a", encoding="utf-8")  # renamed before the kill
    (tmp_path / "b.md").write_text("old b", encoding="utf-8")  # not yet
    (tmp_path / "c.md").write_text("new c", encoding="utf-8")  # had no old file
    old_a, new_b = temp(tmp_path, "a.md", "old a"), temp(tmp_path, "b.md", "new b", 4243)
    old_b = ".b.md.readiness-4242.zzzz.tmp"
    os.link(tmp_path / "b.md", tmp_path / old_b)
    journal_of(tmp_path, [
        {"output": "a.md", "old": old_a, "new": ".a.md.readiness-4242.gone.tmp"},
        {"output": "b.md", "old": old_b, "new": new_b},
        {"output": "c.md", "old": None, "new": ".c.md.readiness-4242.gone.tmp"},
    ])  # fmt: skip
    restored = recover_interrupted(tmp_path)
    assert sorted(p.name for p in restored) == ["a.md", "b.md", "c.md"]
    assert {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()} == {
        "a.md": "old a",
        "b.md": "old b",
    }


def test_a_planted_journal_reaches_nothing_outside_its_folder(tmp_path: Path) -> None:
    folder, outside = tmp_path / "out", tmp_path / "notes.txt"
    folder.mkdir()
    outside.write_text("the consultant's notes", encoding="utf-8")
    (folder / "report.md").write_text("report", encoding="utf-8")
    journal_of(folder, [
        {"output": "../notes.txt", "old": None, "new": ".x.readiness-1.a.tmp"},
        {"output": str(outside), "old": None, "new": ".x.readiness-1.a.tmp"},
        {"output": "report.md", "old": "../notes.txt", "new": ".report.md.readiness-1.a.tmp"},
        {"output": "report.md", "old": None, "new": "report.md"},
    ])  # fmt: skip
    assert recover_interrupted(folder) == []
    assert outside.read_text(encoding="utf-8") == "the consultant's notes"
    assert [p.name for p in folder.iterdir()] == ["report.md"]


@pytest.mark.parametrize("content", ['{"renames": [{"output": "a.md"', "", "[1, 2]", "\xff"])
def test_a_journal_cut_short_is_only_removed(tmp_path: Path, content: str) -> None:
    (tmp_path / "a.md").write_text("a", encoding="utf-8")
    path = tmp_path / f".readiness-{dead_pid()}.0123abcd.journal"
    path.write_text(content, encoding="utf-8")
    assert recover_interrupted(tmp_path) == []
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_the_journal_of_a_live_run_is_left_alone_for_an_hour(tmp_path: Path) -> None:
    (tmp_path / "c.md").write_text("new c", encoding="utf-8")
    entry = {"output": "c.md", "old": None, "new": ".c.md.readiness-1.gone.tmp"}
    path = journal_of(tmp_path, [entry], pid=os.getpid())
    assert recover_interrupted(tmp_path) == []
    assert journals(tmp_path) == [path]
    hour_ago = time.time() - writing.STALE_AFTER - 60
    os.utime(path, (hour_ago, hour_ago))
    assert [p.name for p in recover_interrupted(tmp_path)] == ["c.md"]


def test_a_roll_back_that_fails_keeps_its_journal_and_finishes_next_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(f"new {name}", encoding="utf-8")
    olds = [temp(tmp_path, name, f"old {name}") for name in ("a.md", "b.md")]
    path = journal_of(tmp_path, [
        {"output": "a.md", "old": olds[0], "new": ".a.md.readiness-4242.gone.tmp"},
        {"output": "b.md", "old": olds[1], "new": ".b.md.readiness-4242.gone.tmp"},
    ])  # fmt: skip
    real_replace = Path.replace

    def replace(self: Path, target: Path) -> Path:  # type: ignore[override]
        if Path(target).name == "a.md":
            raise PermissionError(13, "Access is denied", str(target))
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", replace)
    monkeypatch.setattr(writing, "WINDOWS", True)
    monkeypatch.setattr(writing, "_windows_process_alive", lambda pid: False)
    with pytest.raises(OutputError) as raised:
        write_outputs(tmp_path, {"a.md": "newer a", "b.md": "newer b"})
    assert str(raised.value) == (
        f"{tmp_path / 'a.md'}: the outputs of an interrupted run cannot be put back (it is"
        " open in another program; close a.md and run again)"
    )
    assert journals(tmp_path) == [path]  # b.md is back; a.md waits for the next run
    assert (tmp_path / "b.md").read_text(encoding="utf-8") == "old b.md"
    monkeypatch.setattr(Path, "replace", real_replace)
    write_outputs(tmp_path, {"a.md": "newer a", "b.md": "newer b"})
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "newer a"
    assert temporary_files(tmp_path) == []


def test_a_journal_lists_plain_names_and_is_read_back(tmp_path: Path) -> None:
    outputs = [tmp_path / "a.md", tmp_path / "b.md"]
    new = [tmp_path / temp(tmp_path, p.name, "new") for p in outputs]
    path = begin(tmp_path, [(outputs[0], None, new[0]), (outputs[1], None, new[1])])
    assert json.loads(path.read_text(encoding="ascii")) == {
        "renames": [
            {"output": "a.md", "old": None, "new": new[0].name},
            {"output": "b.md", "old": None, "new": new[1].name},
        ]
    }
    assert roll_back(path, lambda name, output: name.startswith(f".{output}.")) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == []
