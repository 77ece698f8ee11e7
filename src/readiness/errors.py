"""Errors the library raises; the CLI turns them into messages and exit codes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, at one place.

    ``place`` reads like ``line 12, answers → B.SLM.01 → rating`` or
    ``sheet 'B Processes', cell F14``; it may be empty when the whole file is at fault.
    """

    place: str
    message: str

    def __str__(self) -> str:
        return f"{self.place}: {self.message}" if self.place else self.message


class ReadinessError(Exception):
    """Base of every error the library raises on purpose."""

    exit_code = 1


class InputError(ReadinessError):
    """An input file (answers, catalogue, configuration) cannot be used as it is."""

    exit_code = 3

    def __init__(self, source: str | Path, problems: list[Problem]) -> None:
        self.source = str(source)
        self.problems = problems
        super().__init__(self.describe())

    def describe(self) -> str:
        """One paragraph: the file, then one line per problem."""
        if len(self.problems) == 1:
            return f"{self.source}: {self.problems[0]}"
        lines = [f"{self.source}: {len(self.problems)} problems"]
        lines += [f"  - {problem}" for problem in self.problems]
        return "\n".join(lines)


class OutputError(ReadinessError):
    """An output cannot be written where it was asked for."""

    exit_code = 2
