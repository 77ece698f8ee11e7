"""The hostile-input corpus as data: the manifest's cases, and how to lay one out on disk."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from tests.hostile.generate import build

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.yaml"
FILES = HERE / "yaml"


@dataclass(frozen=True)
class Case:
    """One hostile input and what the tool must say about it."""

    file: str | None
    make: str | None
    name: str
    expect: tuple[str, ...]
    exit: int

    @property
    def id(self) -> str:
        return Path(self.name).stem if self.file else f"{self.make}-{Path(self.name).suffix[1:]}"

    def materialise(self, folder: Path) -> Path:
        """Write the case's input into ``folder``; return its path."""
        path = folder / self.name
        if self.file:
            shutil.copyfile(FILES / self.file, path)
        else:
            assert self.make is not None
            build(self.make, path)
        return path


def load_cases() -> list[Case]:
    """Every case of the manifest, in its order."""
    entries = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    cases = []
    for entry in entries:
        expect = entry.get("expect", [])
        cases.append(
            Case(
                file=entry.get("file"),
                make=entry.get("make"),
                name=entry.get("name") or entry.get("file") or f"{entry['make']}.yaml",
                expect=tuple([expect] if isinstance(expect, str) else expect),
                exit=entry.get("exit", 3),
            )
        )
    return cases
