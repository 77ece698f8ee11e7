"""Errors the library raises; the CLI turns them into messages and exit codes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, at one place.

    ``place`` reads like ``line 12, answers → B.SLM.01 → rating`` or
    ``sheet 'B Processes', cell F14``; it may be empty when the whole file is at fault.
    """

    place: str
    message: str

    def __str__(self) -> str:
        text = f"{self.place}: {self.message}" if self.place else self.message
        if len(text) <= MAX_PROBLEM_CHARS:
            return text
        cut = len(text) - 560
        return f"{text[:400]} … ({cut:,} characters left out) … {text[-160:]}"


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
        """One paragraph: the file, then one line per problem (at most :data:`MAX_LISTED`).

        Control characters from the file (in a key, a value, the file's name) are shown as
        escapes, so that a hostile file cannot drive the terminal the message is printed on.
        """
        if len(self.problems) == 1:
            return safe_text(f"{self.source}: {self.problems[0]}")
        lines = [f"{self.source}: {len(self.problems):,} problems"]
        lines += [f"  - {problem}" for problem in self.problems[:MAX_LISTED]]
        if len(self.problems) > MAX_LISTED:
            lines.append(f"  … and {len(self.problems) - MAX_LISTED:,} more")
        return "\n".join(safe_text(line) for line in lines)


MAX_LISTED = 100
"""Problems listed in one message; a file with more has a few mistakes repeated."""

_CONTROL = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\ud800-\udfff]"
)
"""Control, zero-width, bidirectional and surrogate characters: shown as escapes, so that an
id holding a zero-width space does not look like a valid one."""
MAX_PROBLEM_CHARS = 600
"""Longest problem printed whole; a longer one (a 1 MB value echoed) keeps its start and end."""


def safe_text(text: str) -> str:
    """``text`` with control, bidirectional-override and surrogate characters escaped."""
    return _CONTROL.sub(lambda found: ascii(found.group())[1:-1], text)


def inert_console(*, stderr: bool = False) -> Any:
    """A rich console for the terminal, never read as markup, whose printed text passes
    :func:`safe_text` (a client name holding ESC or a right-to-left override shows as escapes
    in a summary table as in an error message). rich is imported here, on first use."""
    from rich.console import Console
    from rich.segment import Segment

    class InertConsole(Console):
        def render(self, renderable: Any, options: Any = None) -> Any:
            for segment in super().render(renderable, options):
                if segment.control is None and _CONTROL.search(segment.text.replace("\n", "")):
                    lines = segment.text.split("\n")  # line breaks are the console's own
                    yield Segment("\n".join(safe_text(line) for line in lines), segment.style)
                else:
                    yield segment

    return InertConsole(stderr=stderr, highlight=False, markup=False)


class OutputError(ReadinessError):
    """An output cannot be written where it was asked for."""

    exit_code = 2


class UsageError(ReadinessError):
    """A request that cannot be carried out as asked (an unknown scenario, a file name the tool
    cannot tell the format of); the command line reports it as a usage error."""

    exit_code = 2
